/**
 * "Điền dòng" and rows that already exist (Chromium, standalone): choosing a criterion that has a row
 * loads it — its level into «Dòng viết cho mức», its texts into the form, but never over text the user
 * typed (a warning says how to load it, and loading has «Hoàn tác») — «Cập nhật» keeps «(mức N)»; and
 * «Thêm dòng» on a criterion whose row is still empty fills that row instead of adding a second one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { criterionEntries, recogniseTables } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { SCHOOL_DOCS } from '../helpers';
import { axeProblems, saveDocx, startHarness, type PaneHarness } from './browser';
import { field, hasValue, pickCriterion, rowsResult } from './rows-form';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

test('choosing a criterion with a row loads it and its level, never over typed text; «Cập nhật» keeps «(mức 3)»', async () => {
  const { page, errors } = await harness.openStandalone();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();
  await page.getByTestId('tab-rows').click();
  await page.getByTestId('rows-table').waitFor();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');

  // 3.5 at Mức 3.
  await page.getByRole('radio', { name: 'Mức 3', exact: true }).check();
  await pickCriterion(page, '3.5', /^3\.5 /);
  await field(page, 'target').fill('Thiết bị dùng ở 90% tiết dạy');
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 3.5.');

  // Another level, another criterion, and text typed first.
  await page.getByRole('radio', { name: 'Không ghi mức', exact: true }).check();
  await pickCriterion(page, '1.10', /^1\.10 /);
  await field(page, 'target').fill('Gõ trước khi chọn');
  // Choosing 3.5 keeps the typed text, sets the row's level and says how to load the row.
  await pickCriterion(page, '3.5', /^3\.5 /);
  await rowsResult(page, 'Tiêu chí 3.5 đã có dòng trong bảng (mức 3).');
  await page.getByTestId('rows-result').getByText('Nội dung bạn đã gõ vẫn giữ nguyên.').waitFor();
  await hasValue(page, 'target', 'Gõ trước khi chọn');
  expect(await page.getByRole('radio', { name: 'Mức 3', exact: true }).isChecked()).toBe(true);
  expect(await axeProblems(page)).toEqual([]);

  // Loading the row replaces the typed text, with «Hoàn tác».
  await page.getByRole('button', { name: 'Đưa nội dung dòng vào ô nhập' }).click();
  await hasValue(page, 'target', 'Thiết bị dùng ở 90% tiết dạy');
  await page.getByTestId('rows-result').getByRole('button', { name: 'Hoàn tác' }).click();
  await hasValue(page, 'target', 'Gõ trước khi chọn');

  // «Cập nhật» with a new text: the label keeps «(mức 3)».
  await field(page, 'target').fill('Thiết bị dùng ở 95% tiết dạy');
  await page.getByRole('button', { name: 'Cập nhật' }).click();
  await rowsResult(page, 'Đã cập nhật tiêu chí 3.5');

  // With nothing typed, choosing the criterion loads its row at once.
  await page.getByRole('radio', { name: 'Không ghi mức', exact: true }).check();
  await pickCriterion(page, '1.10', /^1\.10 /);
  await hasValue(page, 'target', '');
  await pickCriterion(page, '3.5', /^3\.5 /);
  await hasValue(page, 'target', 'Thiết bị dùng ở 95% tiết dạy');
  expect(await page.getByRole('radio', { name: 'Mức 3', exact: true }).isChecked()).toBe(true);
  await rowsResult(page, 'nội dung dòng đã được đưa vào ô nhập');
  // Loaded texts do not follow to a criterion without a row.
  await page.getByRole('radio', { name: 'Không ghi mức', exact: true }).check();
  await pickCriterion(page, '1.10', /^1\.10 /);
  await hasValue(page, 'target', '');

  const { bytes } = await saveDocx(page);
  const rec = recogniseTables(await DocxDocument.open(bytes, parseXml).read())[0];
  const rows = criterionEntries(rec).filter((e) => e.ref.code === '3.5');
  expect(rows).toHaveLength(1);
  expect(rows[0].level).toBe(3);
  const cells = rec.parts[0].rows[rows[0].rows[0].row].cells.map((c) => c.text);
  expect(cells.find((t) => t.startsWith('Tiêu chí 3.5'))).toContain('\n(mức 3)');
  expect(cells).toContain('Thiết bị dùng ở 95% tiết dạy');
  expect(errors).toEqual([]);
});

test('«Thêm dòng» on a criterion whose row is still empty fills that row; the counts agree', async () => {
  const { page, errors } = await harness.openStandalone();
  const file = join(SCHOOL_DOCS, 'edit', '13-ke-hoach-sua-tren-trang.docx');
  await page.getByTestId('open-file').setInputFiles({ name: 'ke-hoach.docx', mimeType: DOCX_MIME, buffer: readFileSync(file) });
  await page.getByTestId('file-notice').filter({ hasText: 'Đã mở' }).waitFor();
  await page.getByTestId('tab-rows').click();
  const table = page.getByTestId('rows-table');
  await table.waitFor();
  expect(await table.locator('option:checked').textContent()).toContain('4 tiêu chí');
  if ((await page.getByLabel('Loại trường').inputValue()) !== 'tieu-hoc')
    await page.getByLabel('Loại trường').selectOption('tieu-hoc');

  await pickCriterion(page, '1.8', /^1\.8 /);
  await rowsResult(page, 'Tiêu chí 1.8 đã có dòng trong bảng, còn trống');
  await field(page, 'target').fill('100% hồ sơ được số hoá');
  await field(page, 'owner').fill('Văn thư');
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã điền vào dòng còn trống của Tiêu chí 1.8 (không thêm dòng thứ hai).');
  await page.getByRole('radio', { name: /^1\.8 .*đã có 1 dòng/ }).waitFor();
  expect(await table.locator('option:checked').textContent()).toContain('4 tiêu chí');

  // A second «Thêm dòng» (the row is no longer empty) adds a row.
  await pickCriterion(page, '1.6', /^1\.6 /);
  await pickCriterion(page, '1.8', /^1\.8 /);
  await hasValue(page, 'target', '100% hồ sơ được số hoá');
  await field(page, 'target').fill('Thêm một dòng nữa');
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 1.8.');
  await page.getByRole('radio', { name: /^1\.8 .*đã có 2 dòng/ }).waitFor();

  const { bytes } = await saveDocx(page);
  const model = await DocxDocument.open(bytes, parseXml).read();
  const rec = recogniseTables(model)[0];
  const e18 = criterionEntries(rec).filter((e) => e.ref.code === '1.8');
  const texts = e18.flatMap((e) => e.rows.map((at) => rec.parts[0].rows[at.row].cells.map((c) => c.text)));
  expect(texts).toHaveLength(2);
  expect(texts[0]).toEqual(expect.arrayContaining(['Tiêu chí 1.8', '100% hồ sơ được số hoá', 'Văn thư']));
  expect(texts[1]).toContain('Thêm một dòng nữa');
  // The filled row is the school's own row: the table has one row more than the file, not two.
  expect(rec.parts[0].rows).toHaveLength(11);
  expect(errors).toEqual([]);
});
