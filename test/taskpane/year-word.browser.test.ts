/**
 * The "Năm học mới" tab inside "Word", in Chromium: a stand-in for office.js (Word.run with a counting
 * context.sync, body.getOoxml, getSelection().insertOoxml, customXmlParts) holding seed 003, a plan.
 * Opening the tab reads the document in one sync; the report from its plan, the header block and the
 * signature block are one insertOoxml each (the report two syncs, header and signature one); the profile goes to the custom XML part.
 */
import { readFileSync } from 'node:fs';
import { readDocument } from '../../src/domain/ooxml/reader';
import { recogniseTables, criterionEntries } from '../../src/domain/table/recognise';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { seedPath } from '../helpers';
import { startHarness, type PaneHarness } from './browser';
import { installStandInWord, standIn } from './stand-in-word';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

test('in Word: the tab reads the document once; report, header and signature are one insertOoxml and one sync each', async () => {
  const pkg = DocxPackage.open(new Uint8Array(readFileSync(seedPath('003'))));
  const s = await harness.open({
    width: 360,
    height: 900,
    init: installStandInWord,
    initArg: { ooxml: pkg.text(pkg.mainPath)!, url: 'C:\\Truong\\Kế hoạch 2021-2022.docx' },
  });
  const { page, errors } = s;
  await page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 5000 });
  await page.getByTestId('tab-year').click();
  await page.getByText(/Bảng kế hoạch: Bảng kế hoạch .*11 tiêu chí/).waitFor({ timeout: 10000 });
  expect((await standIn(page)).syncs).toBe(1);
  // No standalone code inside Word: no file toolbar, no "Tạo tài liệu mới".
  expect(await page.getByRole('button', { name: 'Mở tệp .docx' }).count()).toBe(0);

  // Report from the plan in this document.
  await page.getByTestId('year-summary').filter({ hasText: 'Báo cáo sẽ có 11 dòng tiêu chí' }).waitFor();
  await page.getByRole('button', { name: 'Chèn bảng báo cáo' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'Đã chèn bảng báo cáo.' }).waitFor();
  let rec = await standIn(page);
  // Read (1), then the insert: where the cursor is, then the table (2).
  expect(rec.syncs).toBe(3);
  expect(rec.inserted).toHaveLength(1);
  expect(rec.inserted[0][1]).toBe('Replace');
  const [report] = recogniseTables(readDocument(parseXml(rec.inserted[0][0])));
  expect(report.form.id).toBe('report-2018');
  expect(criterionEntries(report)).toHaveLength(11);

  // The school profile goes to the document's custom XML part (no sync); then the frame.
  await page.getByRole('radio', { name: 'Thông tin trường, phần đầu và phần ký' }).check();
  await page.getByLabel('Tên trường').fill('Trường Tiểu học Thanh Chấn');
  await page.getByLabel('Địa danh').fill('Thanh Chấn');
  await page.getByRole('button', { name: 'Lưu thông tin trường' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'Đã lưu thông tin trường.' }).waitFor();
  rec = await standIn(page);
  expect(Object.values(rec.parts).join('')).toContain('Trường Tiểu học Thanh Chấn');
  expect(rec.syncs).toBe(3);

  await page.getByRole('button', { name: 'Chèn phần đầu văn bản' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'Đã chèn phần đầu văn bản.' }).waitFor();
  await page.getByRole('button', { name: 'Chèn phần ký' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'Đã chèn phần ký.' }).waitFor();
  rec = await standIn(page);
  // At the top and at the end of the document: one sync each.
  expect(rec.syncs).toBe(5);
  expect(rec.inserted).toHaveLength(3);
  expect(rec.inserted.slice(1).map(([, where]) => where)).toEqual(['Start', 'End']);
  const header = readDocument(parseXml(rec.inserted[1][0]));
  expect(header.tables[0].rows[0].cells.map((c) => c.text).join('\n')).toContain('TRƯỜNG TIỂU HỌC THANH CHẤN');
  // The school year follows the document's (the plan's) year.
  expect(header.paragraphs.map((p) => p.text)).toContain('Cải tiến chất lượng giáo dục năm học 2021-2022');
  const signature = readDocument(parseXml(rec.inserted[2][0]));
  expect(signature.tables[0].rows[0].cells.map((c) => c.text).join('\n')).toContain('Nơi nhận:');
  expect(errors).toEqual([]);
});
