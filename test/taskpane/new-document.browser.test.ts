/**
 * A document knows what it is (issue 14), in Chromium: a document started in the pane («Tài liệu mới» →
 * «Chèn bảng») starts with its title block and keeps the school type, year, framework and kind chosen in
 * its store; «Điền dòng», «Kiểm tra» and «Báo cáo từ kế hoạch» all read them, and a 2018 report is refused
 * for a TT57 year. In the stand-in Word: an empty document gets the title and the table at its top in one
 * insertion; the letterhead goes to the top and the signature to the end by default, one sync each, and a
 * vice-principal's signature prints the signer's name, not the principal's.
 */
import type { Page } from 'playwright-core';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { readDocument } from '../../src/domain/ooxml/reader';
import { recogniseTables } from '../../src/domain/table/recognise';
import { startHarness, type PaneHarness, axeProblems, saveDocx } from './browser';
import { installStandInWord, standIn } from './stand-in-word';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function newPlan2018(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('radio', { name: 'Các tiêu chí tôi chọn' }).check();
  await page.getByRole('checkbox', { name: /^1\.1 / }).check();
  await page.getByRole('button', { name: 'Chèn bảng' }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();
}

test('standalone: a new document gets its title block and keeps its metadata; every tab reads it', async () => {
  const s = await harness.open({ width: 1400, height: 900 });
  const { page, errors, outside } = s;
  await page.goto(harness.url);
  await page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 5000 });
  await page.getByTestId('preview').waitFor({ timeout: 5000 });
  await newPlan2018(page);

  // The title block, like `ctcl new`, above the table.
  const preview = page.getByTestId('preview');
  await preview.getByText('KẾ HOẠCH', { exact: true }).waitFor();
  await preview.getByText('Cải tiến chất lượng giáo dục năm học 2025-2026').waitFor();

  // «Điền dòng»: the year and the school type come from the document.
  await page.getByTestId('tab-rows').click();
  await page.getByTestId('rows-table').waitFor({ timeout: 10000 });
  await page.getByText(/Thông tư 17, 18, 19\/2018.* · năm học 2025-2026/).waitFor();
  expect(await page.getByText('năm học: tài liệu chưa ghi').count()).toBe(0);
  expect(await page.getByText(/Chưa nhận ra loại trường/).count()).toBe(0);

  // «Kiểm tra»: tiểu học, as chosen.
  await page.getByTestId('tab-check').click();
  await page.getByTestId('document-kind').filter({ hasText: 'Kế hoạch' }).waitFor({ timeout: 10000 });
  expect(await page.getByText(/chưa rõ loại trường/i).count()).toBe(0);

  // «Báo cáo từ kế hoạch»: the year of the plan, and a 2018 report refused for a TT57 year.
  await page.getByRole('tab', { name: 'Năm học mới' }).click();
  await page.getByTestId('year-panel').waitFor({ timeout: 10000 });
  await page.getByTestId('year-summary').filter({ hasText: 'Báo cáo sẽ có 1 dòng tiêu chí' }).waitFor();
  expect(await page.getByLabel('Năm học của báo cáo').inputValue()).toBe('2025-2026');
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('tieu-hoc');
  await page.getByLabel('Năm học của báo cáo').fill('2026-2027');
  const refusal = page.getByTestId('year-error');
  await refusal.waitFor();
  expect(await refusal.textContent()).toMatch(/Kế hoạch này theo .*2018.*năm học 2026-2027 theo Thông tư 57\/2026/);
  expect(await page.getByRole('button', { name: 'Chèn bảng báo cáo' }).isDisabled()).toBe(true);
  expect(await axeProblems(page)).toEqual([]);

  // Saved: the title, the table and the metadata in the store.
  const { name, bytes } = await saveDocx(page);
  const doc = DocxDocument.open(bytes, parseXml, name);
  const model = await doc.read();
  expect(model.paragraphs.slice(0, 2).map((p) => p.text)).toEqual(['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2025-2026']);
  expect(recogniseTables(model)[0].form.id).toBe('plan-2018');
  expect((await doc.loadStore()).metaOverrides).toEqual({
    schoolType: 'tieu-hoc',
    schoolYear: '2025-2026',
    framework: '2018',
    documentKind: 'plan',
  });
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
});

const EMPTY_DOCUMENT =
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';

test('Word: an empty document gets title and table at its top in one insertion; header at the top, signature at the end', async () => {
  const s = await harness.open({
    width: 400,
    height: 900,
    init: installStandInWord,
    initArg: { ooxml: EMPTY_DOCUMENT, url: 'C:\\Truong\\Tài liệu 1.docx' },
  });
  const { page, errors } = s;
  await page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 5000 });
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('button', { name: 'Chèn bảng' }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();
  let rec = await standIn(page);
  // Where the cursor is and the body's text (1), the insert (2).
  expect(rec.syncs).toBe(2);
  expect(rec.inserted).toHaveLength(1);
  expect(rec.inserted[0][1]).toBe('Start');
  const made = readDocument(parseXml(rec.inserted[0][0]));
  expect(made.paragraphs.slice(0, 2).map((p) => p.text)).toEqual(['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2025-2026']);
  expect(recogniseTables(made)[0].form.id).toBe('plan-2018');
  // The choices are kept in the document (custom XML part: no sync).
  expect(Object.values(rec.parts).join('')).toMatch(
    /"metaOverrides":\{[^}]*"schoolType":"tieu-hoc"[^}]*"schoolYear":"2025-2026"/,
  );

  // The profile with a vice-principal signing: the signer's name, not the principal's, under the title.
  await page.getByTestId('tab-year').click();
  await page.getByTestId('year-panel').waitFor({ timeout: 10000 });
  await page.getByRole('radio', { name: 'Thông tin trường, phần đầu và phần ký' }).check();
  await page.getByLabel('Tên trường').fill('Trường Tiểu học Kim Đồng');
  await page.getByLabel('Địa danh').fill('Ba Đình');
  await page.getByLabel('Hiệu trưởng (họ và tên)').fill('Nguyễn Thị Hoa');
  await page.getByLabel('Chức vụ người ký').fill('KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG');
  await page.getByLabel('Người ký (họ và tên)').fill('Trần Văn Bình');
  await page.getByRole('button', { name: 'Lưu thông tin trường' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'Đã lưu thông tin trường.' }).waitFor();
  rec = await standIn(page);
  const synced = rec.syncs;

  // By default: the header at the top, the signature at the end, wherever the cursor is — one sync each.
  await page.getByRole('button', { name: 'Chèn phần đầu văn bản' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'đã nằm ở đầu tài liệu' }).waitFor();
  await page.getByRole('button', { name: 'Chèn phần ký' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'đã nằm ở cuối tài liệu' }).waitFor();
  rec = await standIn(page);
  expect(rec.syncs - synced).toBe(2);
  expect(rec.inserted.slice(1).map(([, where]) => where)).toEqual(['Start', 'End']);
  const signature = readDocument(parseXml(rec.inserted[2][0]))
    .tables[0].rows[0].cells.map((c) => c.text)
    .join('\n');
  expect(signature).toContain('KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG');
  expect(signature).toContain('Trần Văn Bình');
  expect(signature).not.toContain('Nguyễn Thị Hoa');

  // «Tại con trỏ»: where the cursor is, as before.
  await page.getByRole('radio', { name: 'Tại con trỏ' }).check();
  await page.getByRole('button', { name: 'Chèn phần ký' }).click();
  await page.getByTestId('year-result').filter({ hasText: 'đã nằm ở vị trí con trỏ' }).waitFor();
  rec = await standIn(page);
  expect(rec.inserted[3][1]).toBe('Replace');
  expect(await axeProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
});
