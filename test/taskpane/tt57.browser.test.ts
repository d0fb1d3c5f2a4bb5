/**
 * The TT57 plan (Biểu 2) in the pane, in Chromium: «Chèn bảng» inserts the whole Biểu 2 at the cursor in
 * one insertion, in the standalone page and inside a stand-in Word (one insertOoxml, two syncs: where the
 * cursor is, then the insert). The saved .docx is printed with LibreOffice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument } from '../../src/domain/ooxml/reader';
import { recogniseTables } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/docx/xml-node';
import { assertTools, convertToPdf, pdfPages, squash } from '../docx/libreoffice';
import { startHarness, type PaneHarness, type PaneSession, saveDocx } from './browser';
import { installStandInWord, standIn } from './stand-in-word';

let harness: PaneHarness;
let dir: string;

beforeAll(async () => {
  assertTools();
  harness = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'ctcl-tt57-'));
});

afterAll(async () => {
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openPane(): Promise<PaneSession> {
  const s = await harness.open();
  await s.page.goto(harness.url);
  await s.page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 5000 });
  await s.page.getByTestId('preview').waitFor({ timeout: 5000 });
  return s;
}

const FORMS_OF_BIEU_2 = ['problems-2026', 'plan-2026', 'monitoring-2026'];

test('standalone: «Chèn Biểu 2» puts the whole plan at the cursor; LibreOffice prints its eight sections', async () => {
  const { page, errors } = await openPane();
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2026-2027');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2026');
  expect(await page.getByRole('radio', { name: /^Cả Biểu 2/ }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Chèn Biểu 2' }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã chèn Biểu 2.' }).waitFor({ timeout: 10000 });

  const saved = await saveDocx(page);
  const doc = DocxDocument.open(saved.bytes, parseXml);
  const model = await doc.read();
  expect(recogniseTables(model).map((t) => t.form.id)).toEqual(FORMS_OF_BIEU_2);
  const text = model.paragraphs.map((p) => p.text).join('\n');
  expect(text).toContain('Cải tiến chất lượng giáo dục năm học 2026-2027');

  const file = join(dir, 'bieu-2.docx');
  writeFileSync(file, saved.bytes);
  const [pdf] = await convertToPdf([file], dir);
  const printed = squash(pdfPages(pdf).join('\n'));
  for (const s of [
    'I. Thông tin chung',
    'IV. Tóm tắt',
    'V. Kế hoạch cải tiến',
    'VI. Theo dõi',
    'VII. Tổ chức',
    'VIII. Cơ chế',
    'Cuối học kỳ I',
    'Nơi nhận',
    'HIỆU TRƯỞNG',
  ]) {
    expect(printed).toContain(squash(s));
  }

  // «Chỉ bảng mục V» still inserts the single plan-2026 table.
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await page.getByRole('radio', { name: 'Chỉ bảng mục V' }).check();
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã chèn bảng.' }).waitFor();
  const single = await DocxDocument.open((await saveDocx(page)).bytes, parseXml).read();
  expect(recogniseTables(single).map((t) => t.form.id)).toEqual(['plan-2026']);
  expect(errors).toEqual([]);
});

test('in Word: the whole Biểu 2 is one insertOoxml and two syncs', async () => {
  const blank =
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';
  const s = await harness.open({
    width: 360,
    height: 900,
    init: installStandInWord,
    initArg: { ooxml: blank, url: 'C:\\Truong\\KH.docx' },
  });
  const { page, errors } = s;
  await page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 5000 });
  await page.getByLabel('Năm học').fill('2026-2027');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2026');
  const before = (await standIn(page)).syncs;
  await page.getByRole('button', { name: 'Chèn Biểu 2' }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã chèn Biểu 2.' }).waitFor({ timeout: 10000 });
  const rec = await standIn(page);
  expect(rec.syncs - before).toBe(2);
  expect(rec.inserted).toHaveLength(1);
  const inserted = readDocument(parseXml(rec.inserted[0][0]));
  expect(recogniseTables(inserted).map((t) => t.form.id)).toEqual(FORMS_OF_BIEU_2);
  expect(errors).toEqual([]);
});
