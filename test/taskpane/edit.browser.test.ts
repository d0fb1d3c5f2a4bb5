/**
 * Editing in the standalone page's preview (Debian Chromium, offline): cells edited in place (text and
 * line breaks, saved when the cell is left), rows removed («Xoá dòng», «Xoá các dòng trống»), all undone
 * with «Hoàn tác» and Ctrl+Z. The document is a plan a school wrote in LibreOffice Writer (bold words in
 * cells, a reviewer's comment, a photo in a cell: test/fixtures/school-docs/edit); the saved .docx is read
 * back — exactly the edited cells changed, the bold runs, the comment and the photo are still there — and
 * printed by LibreOffice. The TT57 monitoring table is filled the same way. Opening the page from disk
 * (file://) says in Vietnamese how to open it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { readDocument, type DocModel, type DocTable } from '../../src/domain/ooxml/reader';
import { serializeDocument } from '../../src/domain/ooxml/xml';
import { recogniseTables } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { SCHOOL_DOCS } from '../helpers';
import { assertTools, convertToPdf, pdfPages, squash } from '../docx/libreoffice';
import { axeProblems, PANE_DIST, saveDocx, startHarness, type PaneHarness } from './browser';

const FILE = join(SCHOOL_DOCS, 'edit', '13-ke-hoach-sua-tren-trang.docx');
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let harness: PaneHarness;
let dir: string;

beforeAll(async () => {
  assertTools();
  harness = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'ctcl-edit-'));
});

afterAll(async () => {
  await harness?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cellWith = (page: Page, text: string) => page.locator('[data-testid="preview"] td[data-cell]', { hasText: text });
const editor = (page: Page) => page.getByTestId('cell-editor');
const rowCount = (page: Page, table: number) =>
  page.locator(`[data-testid="preview"] table[data-table="${table}"] > tbody > tr`).count();

async function waitRows(page: Page, table: number, n: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await rowCount(page, table)) !== n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} rows, the preview shows ${await rowCount(page, table)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Double-click a cell, replace its text, leave it with Tab. */
async function editCell(page: Page, text: string, value: string): Promise<void> {
  await cellWith(page, text).first().dblclick();
  await editor(page).waitFor();
  await editor(page).fill(value);
  await page.keyboard.press('Tab');
  await editor(page).waitFor({ state: 'detached' });
}

/** Every cell of every table as XML, by table/row/cell. */
function cellXml(model: DocModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of model.tables)
    for (const r of t.rows) for (const c of r.cells) out.set(`${t.index}/${r.index}/${c.index}`, serializeDocument(c.el));
  return out;
}

function plan(model: DocModel): DocTable {
  return model.tables.find((t) => t.rows.some((r) => r.cells.some((c) => c.text.includes('Tiêu chí 1.2'))))!;
}

test('cells of a school-written plan are edited in place, rows removed and undone; nothing else in the .docx changes', async () => {
  const { page, errors, outside } = await harness.openStandalone();
  const original = readFileSync(FILE);
  const before = readDocument(DocxDocument.open(original, parseXml).body());
  const origPlan = plan(before);
  expect(origPlan.rows).toHaveLength(10);

  await page
    .getByTestId('open-file')
    .setInputFiles({ name: '13-ke-hoach-sua-tren-trang.docx', mimeType: DOCX_MIME, buffer: original });
  await cellWith(page, 'Tiêu chí 1.2').first().waitFor();
  const tableIndex = Number(
    await page.locator('[data-testid="preview"] table', { hasText: 'Tiêu chí 1.2' }).getAttribute('data-table'),
  );
  expect(tableIndex).toBe(origPlan.index);

  // 1. A cell with bold words: text changed at the end and a line added (a new paragraph).
  await editCell(page, 'hoạt động hiệu quả', 'Hội đồng trường hoạt động hiệu quả, họp đủ 4 kỳ/năm.\nCó biên bản từng kỳ họp.');
  await page.getByTestId('preview').getByText('Có biên bản từng kỳ họp.').waitFor();
  expect(await page.getByRole('button', { name: 'Hoàn tác' }).first().isEnabled()).toBe(true);
  await page.getByText('— chưa lưu').waitFor();

  // 2. The cell with a comment: the other paragraph changes, the commented one stays.
  await editCell(page, 'Kiểm kê tài sản', 'Rà soát quy chế chi tiêu nội bộ.\nKiểm kê tài sản hai lần mỗi năm.');
  await page.getByTestId('preview').getByText('Kiểm kê tài sản hai lần mỗi năm.').waitFor();

  // 3. Removing the paragraph that holds the comment is refused, in Vietnamese; the box keeps the text.
  await cellWith(page, 'Kiểm kê tài sản').first().dblclick();
  await editor(page).fill('Kiểm kê tài sản hai lần mỗi năm.');
  await page.keyboard.press('Control+Enter');
  const refusal = page.getByTestId('edit-notice').filter({ hasText: 'Chưa sửa được ô.' });
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain('Hãy sửa ô này trực tiếp trong Word');
  expect(await editor(page).inputValue()).toBe('Kiểm kê tài sản hai lần mỗi năm.');
  await page.keyboard.press('Escape');
  await editor(page).waitFor({ state: 'detached' });
  await page.getByTestId('preview').getByText('Rà soát quy chế chi tiêu nội bộ.').waitFor();

  // 4. The cell with a photo: its caption changes, the photo stays.
  // (its paragraph has no text: the box shows it as an empty last line, which must stay)
  expect(
    await (async () => {
      await cellWith(page, 'Ảnh thư viện:').first().dblclick();
      return editor(page).inputValue();
    })(),
  ).toBe('Ảnh thư viện:\n');
  await editor(page).fill('Ảnh thư viện (tháng 9/2025):');
  await page.keyboard.press('Tab');
  await page.getByTestId('edit-notice').filter({ hasText: 'Chưa sửa được ô.' }).waitFor();
  await editor(page).fill('Ảnh thư viện (tháng 9/2025):\n');
  await page.keyboard.press('Tab');
  await editor(page).waitFor({ state: 'detached' });

  // 5. Keyboard: a cell is reached, Enter opens it, Enter makes a new line, Ctrl+Enter saves.
  const note = cellWith(page, 'Tháng 11/2025').first();
  await note.click();
  await note.focus();
  await page.keyboard.press('Enter');
  await editor(page).waitFor();
  expect(await axeProblems(page)).toEqual([]);
  // The caret is after the text.
  await page.keyboard.press('Enter');
  await page.keyboard.type('đến tháng 12/2025');
  await page.keyboard.press('Control+Enter');
  await editor(page).waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tháng 11/2025đến tháng 12/2025');

  // 6. «Xoá dòng» on an empty row, undone with Ctrl+Z; then «Xoá các dòng trống», undone and done again.
  const empty = page.locator(`[data-testid="preview"] table[data-table="${tableIndex}"] td[data-row="6"][data-cell="3"]`);
  await empty.click();
  await page.getByRole('button', { name: 'Xoá dòng' }).click();
  await page.getByTestId('edit-notice').filter({ hasText: 'Đã xoá dòng 7.' }).waitFor();
  await waitRows(page, tableIndex, 9);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await page.getByTestId('edit-notice').filter({ hasText: 'Đã hoàn tác: xoá dòng.' }).waitFor();
  await waitRows(page, tableIndex, 10);

  await cellWith(page, 'Tiêu chí 3.4').first().click();
  await page.getByRole('button', { name: 'Xoá các dòng trống' }).click();
  await page.getByTestId('edit-notice').filter({ hasText: 'Đã xoá 2 dòng trống của bảng.' }).waitFor();
  await waitRows(page, tableIndex, 8);
  await page.getByTestId('edit-notice').getByRole('button', { name: 'Hoàn tác' }).click();
  await waitRows(page, tableIndex, 10);
  await cellWith(page, 'Tiêu chí 3.4').first().click();
  await page.getByRole('button', { name: 'Xoá các dòng trống' }).click();
  await waitRows(page, tableIndex, 8);
  // The criterion row without content is not "empty": its label stays.
  await cellWith(page, 'Tiêu chí 1.8').first().waitFor();
  expect(await axeProblems(page)).toEqual([]);

  // The saved file.
  const { bytes } = await saveDocx(page);
  const after = readDocument(DocxDocument.open(bytes, parseXml).body());
  const p = plan(after);
  expect(p.rows).toHaveLength(8);
  const text = (r: number, c: number) => p.rows[r].cells[c].paragraphs;
  expect(text(3, 2)).toEqual(['Hội đồng trường hoạt động hiệu quả, họp đủ 4 kỳ/năm.', 'Có biên bản từng kỳ họp.']);
  expect(text(4, 3)).toEqual(['Rà soát quy chế chi tiêu nội bộ.', 'Kiểm kê tài sản hai lần mỗi năm.']);
  expect(text(4, 5)).toEqual(['Tháng 11/2025', 'đến tháng 12/2025']);
  expect(text(7, 8)).toEqual(['Ảnh thư viện (tháng 9/2025):', '']);

  // Exactly the edited cells changed: every other cell is the same XML as the school's file.
  const was = cellXml(before);
  const now = cellXml(after);
  const removed = new Set([6, 7]);
  const edited = new Set(['3/2', '4/3', '4/5', '9/8']);
  for (const [key, xml] of was) {
    const [t, r, c] = key.split('/').map(Number);
    if (t !== origPlan.index) {
      expect(now.get(key)).toBe(xml);
      continue;
    }
    if (removed.has(r) || edited.has(`${r}/${c}`)) continue;
    const newRow = r > 7 ? r - 2 : r;
    expect([key, now.get(`${t}/${newRow}/${c}`)]).toEqual([key, xml]);
  }
  // The bold words are still bold runs, the comment and the photo are still there.
  const boldRuns = (t: DocTable, r: number, c: number) =>
    serializeDocument(t.rows[r].cells[c].el).match(/<w:r>(?:(?!<\/w:r>).)*<w:b\/>(?:(?!<\/w:r>).)*<\/w:r>/g) ?? [];
  expect(boldRuns(p, 3, 2).join('')).toContain('hoạt động hiệu quả');
  expect(boldRuns(p, 3, 3).join('')).toContain('họp định kỳ');
  expect(serializeDocument(p.rows[4].cells[3].el)).toContain('w:commentReference');
  expect(serializeDocument(p.rows[7].cells[8].el)).toContain('<w:drawing>');
  const files = unzipSync(bytes);
  expect(strFromU8(files['word/comments.xml'])).toContain('Kiểm tra lại với kế toán');
  expect(Object.keys(files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
  expect(recogniseTables(after).find((r) => r.parts.includes(p))?.form.id).toBe('plan-2018');

  // LibreOffice prints the edits.
  const out = join(dir, 'edited.docx');
  writeFileSync(out, bytes);
  const [pdf] = await convertToPdf([out], dir);
  const printed = squash(pdfPages(pdf).join('\n'));
  for (const s of ['họp đủ 4 kỳ/năm.', 'Có biên bản từng kỳ họp.', 'Kiểm kê tài sản hai lần mỗi năm.', 'đến tháng 12/2025'])
    expect(printed).toContain(squash(s));
  expect(printed).toContain(squash('Ảnh thư viện (tháng 9/2025):'));

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

test('the TT57 monitoring table (mục VI) is filled in the preview', async () => {
  const { page, errors } = await harness.openStandalone();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2026-2027');
  await page.getByLabel('Mẫu bảng').selectOption('monitoring-2026');
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').waitFor();

  // The second cell of the row «Cuối học kỳ I».
  const row = page.locator('[data-testid="preview"] tr', { hasText: 'Cuối học kỳ I' });
  await row.locator('td[data-cell="1"]').dblclick();
  await editor(page).fill('Rà soát 12 nội dung của kế hoạch\nĐã xong 8 nội dung');
  await page.keyboard.press('Control+Enter');
  await editor(page).waitFor({ state: 'detached' });
  await page.getByTestId('preview').getByText('Đã xong 8 nội dung').waitFor();

  const { bytes } = await saveDocx(page);
  const model = readDocument(DocxDocument.open(bytes, parseXml).body());
  const t = model.tables.find((x) => x.tag?.includes('monitoring-2026'))!;
  const r = t.rows.find((x) => x.cells[0].text.includes('Cuối học kỳ I'))!;
  expect(r.cells[1].paragraphs).toEqual(['Rà soát 12 nội dung của kế hoạch', 'Đã xong 8 nội dung']);
  expect(errors).toEqual([]);
});

test('opened from disk (file://), the page says in Vietnamese to open it through its web address', async () => {
  // A context of its own: the harness's contexts refuse every address but its server's.
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(PANE_DIST, 'taskpane.html')).href);
  const note = page.locator('[data-ctcl-from-disk]');
  await note.waitFor({ timeout: 5000 });
  const text = await note.textContent();
  expect(text).toContain('file://');
  expect(text).toContain('npm start');
  expect(text).toContain('localhost:3000/taskpane.html');
  expect(await page.getByText('Đang mở…').isVisible()).toBe(false);
  expect(await page.getByText('Trang chưa mở được.').isVisible()).toBe(false);
  await context.close();
});
