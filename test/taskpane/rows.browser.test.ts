/**
 * "Điền dòng" in a real browser (Debian Chromium, offline), standalone mode: a new document gets a
 * plan-2018 table (Tiểu học, 2025-2026, level and standard rows only) from "Chèn bảng"; rows are
 * added through the side form (search, level, Mức 4), one is updated from the row clicked in the
 * document, and a draft survives closing the panel and — saved in the .docx — reloading the page
 * (standalone mode keeps the draft in the document's store, so the realistic round trip is: save,
 * reload, open the file again). The saved .docx is read back with the domain reader and printed
 * with LibreOffice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCriterion, getCatalog } from '../../src/domain/catalog';
import { getForm } from '../../src/domain/forms';
import { paragraph } from '../../src/domain/ooxml/writer';
import { planAddRow } from '../../src/domain/table/edit';
import { criterionLabel, initialRows } from '../../src/domain/table/model';
import { criterionEntries, recogniseTables, type CriterionEntry, type RecognisedTable } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { storedSchoolType } from '../../src/taskpane/rows/form';
import { parseDraft, STORE_KEYS } from '../../src/domain/store';
import { assertTools, convertToPdf, pdfPages, squash } from '../docx/libreoffice';
import { startHarness, type PaneHarness, axeProblems, saveDocx } from './browser';
import { field, hasValue, pickCriterion, rowsResult } from './rows-form';

const TT17 = getCatalog('2018', 'tieu-hoc');

/** Texts typed into the form: several lines, XML's special characters, spaces kept. */
const TEXT_110 = 'Đảm bảo an toàn <trường học> & "xanh – sạch – đẹp"\nDòng hai: \'nháy đơn\' ]]> &amp;\n\n   thụt đầu dòng  ';
const TEXT_12 = 'Hội đồng trường họp đủ 3 kỳ/năm';
const OWNER_12 = 'Hiệu trưởng; phối hợp: Chủ tịch Công đoàn';
const OWNER_12_NEW = 'Chủ tịch Hội đồng trường\nThư ký Hội đồng trường';
const TEXT_35 = 'Thiết bị dạy học được khai thác hiệu quả (≥ 90% tiết dạy có sử dụng)';
const TEXT_M4 = '100% học sinh có hoàn cảnh khó khăn đạt mục tiêu giáo dục cá nhân';
const DRAFT_21 = 'Nháp chưa ghi: 100% giáo viên đạt chuẩn\nDòng 2 <nháp> & "giữ lại"';

let harness: PaneHarness;
let dir: string;

beforeAll(async () => {
  assertTools();
  harness = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'ctcl-rows-'));
});

afterAll(async () => {
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Whether the words of `needle` appear in `squashed` (a squash()ed PDF text) in order. A row that
 * breaks across pages has its cells interleaved with the repeated heading row and with each other,
 * so a cell's text is not always one piece.
 */
function wordsInOrder(squashed: string, needle: string): boolean {
  let at = 0;
  for (const w of needle.split(/\s+/).map(squash).filter(Boolean)) {
    const i = squashed.indexOf(w, at);
    if (i < 0) return false;
    at = i + w.length;
  }
  return true;
}

/** Body outline: S section, T standard, C criterion (+ level). */
function outline(rec: RecognisedTable): string[] {
  return rec.entries.flatMap((e) => {
    if (e.kind === 'section') return [`S ${e.label}`];
    if (e.kind === 'standard') return [`T ${e.standard}`];
    if (e.kind === 'criterion') return [`C ${e.ref.level4 ? 'M4.' : ''}${e.ref.code}${e.level ? ` (${e.level})` : ''}`];
    return [e.kind];
  });
}

test('adds, updates and drafts rows of a plan-2018 table; the .docx holds them in order and LibreOffice prints them', async () => {
  const t0 = Date.now();
  const { page, errors, outside } = await harness.openStandalone();

  // A new document with a plan-2018 table: level and standard rows only.
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();

  // "Điền dòng": the table, its framework, school type and year.
  await page.getByTestId('tab-rows').click();
  const table = page.getByTestId('rows-table');
  await table.waitFor();
  expect(await table.locator('option:checked').textContent()).toBe(
    'Bảng thứ 1 · Kế hoạch cải tiến chất lượng (9 cột) · chưa có tiêu chí',
  );
  // A table inserted into a new document: its title block says the year, its store keeps the school type
  // chosen in «Chèn bảng» (issue 14), so the panel does not ask again.
  await page.getByText('Thông tư 17, 18, 19/2018 (sửa đổi bởi 22/2024) · năm học 2025-2026').waitFor();
  await page.getByText('Do bạn chọn; được ghi nhớ trong tài liệu.').waitFor();
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('tieu-hoc');
  expect(await page.getByText('Chưa nhận ra loại trường từ tài liệu').count()).toBe(0);
  // The fields are the table's columns, labelled with their headings.
  expect(await page.getByLabel('Kết quả cần đạt (so với hiện trạng)').count()).toBe(1);
  expect(await page.locator('textarea[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual([
    'target',
    'actions',
    'owner',
    'timeline',
    'budget',
    'support',
    'note',
  ]);

  // 1.10, out of order first: a multi-line text with XML's special characters.
  await pickCriterion(page, '1.10', /^1\.10 /);
  await page
    .getByTestId('rows-chosen')
    .filter({ hasText: `Tiêu chí 1.10: ${findCriterion(TT17, '1.10')!.title}` })
    .waitFor();
  await page.getByLabel('Kết quả cần đạt (so với hiện trạng)').fill(TEXT_110);
  await field(page, 'timeline').fill('Tháng 9/2025 – tháng 5/2026');
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 1.10.');
  // Written: the form is empty again and the list counts the row.
  await hasValue(page, 'target', '');
  await page.getByRole('radio', { name: /^1\.10 .*đã có 1 dòng/ }).waitFor();

  // 1.2, found by words without diacritics.
  await pickCriterion(page, 'hoi dong truong', /^1\.2 /);
  await field(page, 'target').fill(TEXT_12);
  await field(page, 'owner').fill(OWNER_12);
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 1.2.');

  // At Mức 3, criteria without it are greyed out with the reason; 3.5 found under "Cơ sở vật chất".
  await page.getByRole('radio', { name: 'Mức 3', exact: true }).check();
  await page.getByLabel('Tìm tiêu chí').fill('1.2');
  expect(await page.getByRole('radio', { name: /^1\.2 / }).isDisabled()).toBe(true);
  const why12 = 'Tiêu chí 1.2 không có yêu cầu ở Mức 3 (chỉ có Mức 1, Mức 2).';
  await page.getByTestId('criterion-list').getByText(why12).waitFor();
  // 1.2 is still the chosen criterion: the form says why it cannot be written at Mức 3.
  await page.getByRole('region', { name: 'Nội dung dòng' }).getByText(why12).waitFor();
  expect(await page.getByRole('button', { name: 'Thêm dòng' }).isDisabled()).toBe(true);
  await pickCriterion(page, 'CO SO VAT CHAT', /^3\.5 /);
  await page.getByTestId('rows-chosen').filter({ hasText: '(mức 3)' }).waitFor();
  await field(page, 'target').fill(TEXT_35);
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 3.5.');

  // A Mức 4 item, numbered on its own.
  await page.getByRole('radio', { name: 'MỨC 4', exact: true }).check();
  await pickCriterion(page, '2', /^Tiêu chí 2 \(Mức 4\)/);
  await field(page, 'target').fill(TEXT_M4);
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 2 (Mức 4).');

  // Update 1.2: click its row in the document, take it into the form, change a field.
  await page.locator('[data-testid="preview"] td', { hasText: TEXT_12 }).click();
  await page.getByRole('button', { name: 'Lấy dòng đang chọn' }).click();
  await rowsResult(page, 'Đã lấy dòng đang chọn.');
  await page
    .getByTestId('rows-chosen')
    .filter({ hasText: /^Tiêu chí 1\.2: / })
    .waitFor();
  await hasValue(page, 'target', TEXT_12);
  await hasValue(page, 'owner', OWNER_12);
  await field(page, 'owner').fill(OWNER_12_NEW);
  await page.getByRole('button', { name: 'Cập nhật' }).click();
  await rowsResult(page, 'Đã cập nhật tiêu chí 1.2 (1 ô).');

  // A draft: typed, not written. It survives closing the panel…
  await page.getByRole('radio', { name: 'MỨC 1, 2, 3', exact: true }).check();
  await page.getByRole('radio', { name: 'Không ghi mức', exact: true }).check();
  await pickCriterion(page, '2.1', /^2\.1 /);
  await field(page, 'target').fill(DRAFT_21);
  await page.getByTestId('draft-status').filter({ hasText: 'Bản nháp đã lưu trong tài liệu' }).waitFor();
  await page.getByTestId('tab-insert').click();
  // The insert tab opens on this school year's default form (a TT57 plan: «Chèn Biểu 2»).
  await page.getByRole('button', { name: /^Chèn (bảng|Biểu 2)$/ }).waitFor();
  await page.getByTestId('tab-rows').click();
  await rowsResult(page, 'Đã mở lại bản nháp.');
  await hasValue(page, 'target', DRAFT_21);
  await page
    .getByTestId('rows-chosen')
    .filter({ hasText: /^Tiêu chí 2\.1: / })
    .waitFor();

  // …and, saved in the .docx, reloading the page: open the file again and the draft is back.
  const withDraft = (await saveDocx(page)).bytes;
  const stored = parseDraft(await DocxDocument.open(withDraft, parseXml).loadStore());
  expect(stored).toMatchObject({ ref: '2.1', cells: { target: DRAFT_21 } });
  await page.reload();
  await page.getByTestId('preview').waitFor();
  await page.getByTestId('open-file').setInputFiles({
    name: 'Kế hoạch cải tiến.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(withDraft),
  });
  await page.getByTestId('file-notice').filter({ hasText: 'Đã mở «Kế hoạch cải tiến.docx»' }).waitFor();
  await page.getByTestId('tab-rows').click();
  await rowsResult(page, 'Đã mở lại bản nháp.');
  await hasValue(page, 'target', DRAFT_21);
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('tieu-hoc');
  // Writing the draft clears it.
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 2.1.');
  const bytes = (await saveDocx(page)).bytes;
  const elapsed = Date.now() - t0;

  // The .docx: the rows in order under the right standard and level rows, the texts exact.
  const saved = DocxDocument.open(bytes, parseXml);
  const model = await saved.read();
  const tables = recogniseTables(model);
  expect(tables).toHaveLength(1);
  const [rec] = tables;
  expect(rec.form.id).toBe('plan-2018');
  expect(rec.tag).toMatch(/^ctcl:plan-2018:/);
  expect(outline(rec)).toEqual([
    'S MỨC 1, 2, 3',
    'T 1',
    'C 1.2',
    'C 1.10',
    'T 2',
    'C 2.1',
    'T 3',
    'C 3.5 (3)',
    'T 4',
    'T 5',
    'S MỨC 4',
    'C M4.2',
  ]);
  const cells = Object.fromEntries(criterionEntries(rec).map((e) => [`${e.ref.level4 ? 'M4.' : ''}${e.ref.code}`, e.cells]));
  expect(cells['1.10']).toEqual({ target: TEXT_110, timeline: 'Tháng 9/2025 – tháng 5/2026' });
  expect(cells['1.2']).toEqual({ target: TEXT_12, owner: OWNER_12_NEW });
  expect(cells['3.5']).toEqual({ target: TEXT_35 });
  expect(cells['M4.2']).toEqual({ target: TEXT_M4 });
  expect(cells['2.1']).toEqual({ target: DRAFT_21 });
  // The labels the domain writes: official title, "(mức 3)", Mức 4's own numbering.
  const labelOf = (code: string, level4 = false) => {
    const e = criterionEntries(rec).find((x) => x.ref.code === code && !!x.ref.level4 === level4)!;
    const row = model.tables[e.at.table].rows[e.at.row];
    return row.cells.find((c) => c.col === rec.columns.find((m) => m.key === 'criterion')!.col)!.text;
  };
  expect(labelOf('3.5')).toBe(criterionLabel(TT17, { code: '3.5' }, 3).join('\n'));
  expect(labelOf('2', true)).toBe('Tiêu chí 2 (Mức 4)');
  // The draft is gone from the document's store once written; the school type stays.
  const store = await saved.loadStore();
  expect(store[STORE_KEYS.rowDraft]).toBeUndefined();
  expect(storedSchoolType(store)).toBe('tieu-hoc');
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);

  // LibreOffice prints the criteria labels and the typed texts.
  const file = join(dir, 'ke-hoach.docx');
  writeFileSync(file, bytes);
  const t1 = Date.now();
  const [pdf] = await convertToPdf([file], dir);
  const text = squash(pdfPages(pdf).join('\n'));
  for (const [code, level] of [['1.2'], ['1.10'], ['2.1'], ['3.5', 3]] as const) {
    expect(wordsInOrder(text, criterionLabel(TT17, { code }, level).join(' '))).toBe(true);
  }
  expect(text).toContain(squash('Tiêu chí 2 (Mức 4)'));
  expect(text).toContain(squash('MỨC 4'));
  for (const typed of [TEXT_110, TEXT_12, OWNER_12_NEW, TEXT_35, TEXT_M4, DRAFT_21]) {
    expect({ typed, printed: wordsInOrder(text, typed) }).toEqual({ typed, printed: true });
  }
  expect(text).not.toContain(squash(OWNER_12));
  console.log(`rows panel scenario: ${elapsed} ms in the browser, LibreOffice ${Date.now() - t1} ms`);
}, 180_000);

/** A 2025-2026 document of a primary school: the plan (1.2 at mức 2) and an empty report table. */
async function planAndReport(): Promise<Uint8Array> {
  const doc = DocxDocument.blank(parseXml, 'Báo cáo.docx', [
    paragraph('TRƯỜNG TIỂU HỌC KIM ĐỒNG'),
    paragraph('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2025-2026'),
  ]);
  const skeleton = (form: 'plan-2018' | 'report-2018') => ({
    form,
    framework: '2018' as const,
    schoolType: 'tieu-hoc' as const,
    schoolYear: '2025-2026',
    groupByLevel: false,
    rows: initialRows(getForm(form), TT17, { start: 'skeleton' }),
  });
  const plan = await doc.insertTable(skeleton('plan-2018'));
  await doc.insertTable(skeleton('report-2018'));
  await doc.editTable({ tag: plan.tag }, (rec) =>
    planAddRow(rec, TT17, { ref: { code: '1.2' }, level: 2, cells: { actions: PLAN_12, target: 'Kết quả 1.2' } }),
  );
  return doc.toBytes();
}

const PLAN_12 = 'Rà soát quy chế hoạt động của Hội đồng trường\n– họp đủ 3 kỳ/năm';

test("a report restates the plan's content for the criterion chosen, never over what was typed; keyboard and axe", async () => {
  const { page, errors } = await harness.openStandalone();
  await page.getByTestId('open-file').setInputFiles({
    name: 'Báo cáo.docx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await planAndReport()),
  });
  await page.getByTestId('file-notice').filter({ hasText: 'Đã mở «Báo cáo.docx»' }).waitFor();
  await page.getByTestId('tab-rows').click();
  const table = page.getByTestId('rows-table');
  await table.waitFor();
  // The school type and year come from the document itself.
  await page.getByText('Thông tư 17, 18, 19/2018 (sửa đổi bởi 22/2024) · năm học 2025-2026').waitFor();
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('tieu-hoc');
  const options = await table.locator('option').allTextContents();
  expect(options).toHaveLength(2);
  await table.selectOption({ label: options.find((o) => o.includes('Báo cáo'))! });
  const planned = 'ND Kế hoạch cải tiến chất lượng được xây dựng đầu năm';
  await page.getByLabel(planned).waitFor();

  // Choosing 1.2 fills the plan column from the plan table; what was typed elsewhere stays.
  await field(page, 'done').fill('Đã họp 2 kỳ');
  await page.getByRole('radio', { name: 'Mức 2', exact: true }).check();
  await pickCriterion(page, '1.2', /^1\.2 /);
  await hasValue(page, 'planned', PLAN_12);
  await hasValue(page, 'done', 'Đã họp 2 kỳ');
  await page.getByText('Đã lấy từ bảng kế hoạch trong tài liệu.', { exact: false }).waitFor();
  // Another criterion with no plan row: the plan's text for 1.2 goes, the user's text stays.
  await pickCriterion(page, '1.1', /^1\.1 /);
  await hasValue(page, 'planned', '');
  await hasValue(page, 'done', 'Đã họp 2 kỳ');
  // Text typed into the plan column is never replaced.
  await field(page, 'planned').fill('Nội dung tôi tự ghi');
  await pickCriterion(page, '1.2', /^1\.2 /);
  await hasValue(page, 'planned', 'Nội dung tôi tự ghi');

  // Keyboard: from the search box, Tab reaches the chosen criterion; arrows move the focus (choosing loads
  // a form, so passing over a criterion does not choose it); Enter chooses.
  await page.getByLabel('Tìm tiêu chí').fill('');
  await page.getByLabel('Tìm tiêu chí').focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('1.2');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('1.3');
  await page
    .getByTestId('rows-chosen')
    .filter({ hasText: /^Tiêu chí 1\.2: / })
    .waitFor();
  await page.keyboard.press('Enter');
  await page
    .getByTestId('rows-chosen')
    .filter({ hasText: /^Tiêu chí 1\.3: .*\(mức 2\)$/ })
    .waitFor();
  expect(await axeProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('TT57, a table split by MỨC 1 / MỨC 2: the mandatory criteria, Mức 1 or 2 only, the content under the label', async () => {
  const { page, errors } = await harness.openStandalone();
  await page.getByLabel('Năm học').fill('2026-2027');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2026');
  await page.getByRole('radio', { name: 'Chỉ bảng mục V' }).check();
  await page.getByRole('checkbox', { name: 'Chia theo mức (MỨC 1, MỨC 2)' }).check();
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').waitFor();
  await page.getByTestId('tab-rows').click();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  const list = page.getByTestId('criterion-list');
  await list.waitFor();
  expect(await list.getByText('bắt buộc', { exact: true }).count()).toBe(8);
  expect(await page.getByRole('radio', { name: 'MỨC 4', exact: true }).count()).toBe(0);
  expect(await page.getByRole('radio', { name: 'Không ghi mức', exact: true }).count()).toBe(0);
  await page.getByText('Bảng này chia theo MỨC 1, MỨC 2: hãy chọn mức.').waitFor();
  await page.getByRole('radio', { name: 'Mức 2', exact: true }).check();
  await pickCriterion(page, '1.3', /^1\.3 .*bắt buộc/);
  await field(page, 'criterion').fill('Công khai thông tin\ntrên cổng thông tin điện tử');
  await field(page, 'goal').fill('100% thông tin được công khai đúng hạn');
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 1.3');
  const rec = recogniseTables(await DocxDocument.open((await saveDocx(page)).bytes, parseXml).read())[0];
  expect(outline(rec).filter((l) => !l.startsWith('T '))).toEqual(['S MỨC 1', 'S MỨC 2', 'C 1.3 (2)']);
  expect(criterionEntries(rec)[0].cells).toEqual({
    criterion: 'Công khai thông tin\ntrên cổng thông tin điện tử',
    goal: '100% thông tin được công khai đúng hạn',
  });
  expect(errors).toEqual([]);
});

test('characters XML cannot hold are written as «�», and the pane says so; a vertical tab becomes a line break', async () => {
  const { page, errors } = await harness.openStandalone();
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();
  await page.getByTestId('tab-rows').click();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await pickCriterion(page, '1.2', /^1\.2 /);
  // Pasted from another program: a control character (U+0001), a form feed, and Word's manual line break (vertical tab).
  await field(page, 'target').fill('Họp\u0001 hội đồng\fđủ 3 kỳ\vmỗi năm');
  await field(page, 'owner').fill('Hiệu trưởng');
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  await rowsResult(page, 'Đã thêm Tiêu chí 1.2.');
  await rowsResult(page, '2 ký tự không ghi được vào tệp Word (ký tự điều khiển) đã được thay bằng «\ufffd».');

  const { bytes } = await saveDocx(page);
  const rec = recogniseTables(await DocxDocument.open(bytes, parseXml, 'x.docx').read())[0];
  const row = rec.entries.find((e): e is CriterionEntry => e.kind === 'criterion' && e.ref.code === '1.2')!;
  expect(row.rowCells[0].target).toBe('Họp\ufffd hội đồng\ufffdđủ 3 kỳ\nmỗi năm');
  expect(row.rowCells[0].owner).toBe('Hiệu trưởng');
  expect(errors).toEqual([]);
});
