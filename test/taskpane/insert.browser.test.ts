/**
 * The task pane in a real browser (Debian Chromium, offline), in standalone mode: it starts at once,
 * inserts a table into a new document, saves a .docx that holds it, refuses broken files without losing
 * the open document, and tells users of too-old runtimes what to do.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { getForm } from '../../src/domain/forms';
import { recogniseTables } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/docx/xml-node';
import { startHarness, type PaneHarness, type PaneSession, saveDocx } from './browser';

/** Budget for the JavaScript the first screen loads, gzip (see bundle.test.ts for the entry alone). */
const FIRST_SCREEN_GZIP_BUDGET = 200 * 1024;

const REPORT_GROUP_HEADING = 'ND Kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** The primary button: «Chèn bảng», or «Chèn Biểu 2» for a TT57 plan (the whole Biểu 2, this school year's default). */
const insertButton = (page: Page) => page.getByRole('button', { name: /^Chèn (bảng|Biểu 2)$/ });

/** Open the pane and wait until standalone mode and its document are ready. */
async function openPane(options?: Parameters<PaneHarness['open']>[0]): Promise<PaneSession & { startMs: number }> {
  const s = await harness.open(options);
  const t0 = Date.now();
  await s.page.goto(harness.url);
  await s.page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 5000 });
  await s.page.getByTestId('preview').waitFor({ timeout: 5000 });
  return { ...s, startMs: Date.now() - t0 };
}

async function insertReport2018(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  // The framework follows the year: 2025-2026 is still the 2018 circulars.
  await selectedText(page.getByLabel('Bộ tiêu chuẩn'), /Theo năm học: Thông tư 17, 18, 19\/2018/);
  await page.getByLabel('Mẫu bảng').selectOption('report-2018');
  await insertButton(page).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();
}

/** Wait until a <select> shows an option matching `re` (Playwright's own expect is not installed). */
async function selectedText(locator: ReturnType<Page['getByLabel']>, re: RegExp): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    if (re.test(last)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${re}, the list shows «${last}»`);
}

test('starts in standalone mode at once, offline, without loading office.js or breaking its CSP', async () => {
  const loaded: Promise<number>[] = [];
  const s = await openPane({
    onResponse: (r) => {
      if (/\.js$/.test(new URL(r.url()).pathname)) loaded.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
    },
  });
  // Everything the first screen loaded (entry, host detection, standalone document code) fits the budget.
  const gz = (await Promise.all(loaded)).reduce((a, b) => a + b, 0);
  console.log(`first screen (standalone): ${loaded.length} scripts, ${(gz / 1024).toFixed(1)} KB gzip, ready in ${s.startMs} ms`);
  expect(gz).toBeLessThanOrEqual(FIRST_SCREEN_GZIP_BUDGET);
  expect(s.startMs).toBeLessThan(3000);
  // No request leaves the machine: office.js is only loaded when there are signs of Office.
  expect(s.outside).toEqual([]);
  expect(s.errors).toEqual([]);
  await selectedText(s.page.getByLabel('Bộ tiêu chuẩn'), /^Theo năm học/);
  expect(await insertButton(s.page).isEnabled()).toBe(true);
  expect(await s.page.getAttribute('html', 'lang')).toBe('vi');
});

test('inserts the report-2018 table for Tiểu học 2025-2026 and saves a .docx that holds it', async () => {
  const { page, errors } = await openPane();
  await insertReport2018(page);

  // The preview shows the new table, wrapped in our content control.
  const preview = page.getByTestId('preview');
  await preview.getByText(REPORT_GROUP_HEADING).waitFor();
  await preview.getByText('MỨC 1, 2, 3').waitFor();

  const { name, bytes } = await saveDocx(page);
  expect(name).toBe('Tài liệu mới.docx');
  const doc = DocxDocument.open(bytes, parseXml, name);
  const model = await doc.read();
  const form = getForm('report-2018');
  const table = model.tables.find((t) => /^ctcl:report-2018:[0-9a-f-]+$/.test(t.tag ?? ''));
  expect(table).toBeDefined();
  expect(table!.controlTitle).toBe(form.controlTitle);
  const headings = table!.rows.filter((r) => r.header).flatMap((r) => r.cells.map((c) => c.text));
  expect(headings).toContain(REPORT_GROUP_HEADING);
  expect(headings).toContain('Kết quả thực hiện');
  for (const c of form.columns) expect(headings).toContain(c.heading);
  // Body: the level sections and the standards of Thông tư 17 (tiểu học).
  const body = table!.rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.text).join(' | '));
  expect(body[0]).toBe('MỨC 1, 2, 3');
  expect(body).toContain('MỨC 4');
  expect(body.some((t) => t.startsWith('1 | Tiêu chuẩn 1: '))).toBe(true);
  // The table reads back as the report form, with our tag.
  const rec = recogniseTables(model);
  expect(rec.map((r) => [r.form.id, r.tag])).toEqual([['report-2018', table!.tag]]);
  expect(errors).toEqual([]);
});

test('criteria ticked in the list get a row each, at the caret placed in the preview', async () => {
  const { page } = await openPane();
  await page.getByLabel('Năm học').fill('2026-2027');
  await selectedText(page.getByLabel('Bộ tiêu chuẩn'), /Thông tư 57\/2026/);
  await page.getByLabel('Mẫu bảng').selectOption('plan-2026');
  await page.getByRole('radio', { name: 'Chỉ bảng mục V' }).check();
  await page.getByRole('radio', { name: 'Các tiêu chí tôi chọn' }).check();
  // Nothing ticked yet: the pane says what to do and does not insert.
  expect(await insertButton(page).isDisabled()).toBe(true);
  await page.getByRole('checkbox', { name: /^1\.3 / }).check();
  await page.getByRole('checkbox', { name: /^2\.1 / }).check();
  await page.getByRole('checkbox', { name: 'Chia theo mức (MỨC 1, MỨC 2)' }).check();
  await insertButton(page).click();
  await page.getByTestId('insert-result').filter({ hasText: '2 dòng tiêu chí' }).waitFor();

  // Put the caret before the table (the first gap) and insert the monitoring table there.
  await page.locator('[data-gap="0"]').click();
  await page.locator('[data-gap="0"][data-caret="true"]').waitFor();
  await page.getByLabel('Mẫu bảng').selectOption('monitoring-2026');
  await insertButton(page).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Theo dõi' }).waitFor();

  // The caret sits after the new table (and its empty paragraph), and moves with the arrow keys.
  const caret = page.locator('[data-caret="true"]');
  expect(await caret.getAttribute('data-gap')).toBe('2');
  await caret.focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('[data-gap="3"][data-caret="true"]').waitFor();
  await page.keyboard.press('ArrowUp');
  await page.locator('[data-gap="2"][data-caret="true"]').waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-gap'))).toBe('2');

  // A click on a cell selects it.
  const cell = page.locator('[data-testid="preview"] td', { hasText: 'Cuối năm học' });
  await cell.click();
  expect(await cell.getAttribute('aria-selected')).toBe('true');

  const { bytes } = await saveDocx(page);
  const model = await DocxDocument.open(bytes, parseXml).read();
  const tags = model.tables.map((t) => t.tag?.split(':')[1]);
  expect(tags).toEqual(['monitoring-2026', 'plan-2026']);
  const plan = recogniseTables(model).find((r) => r.form.id === 'plan-2026')!;
  expect(plan.groupedByLevel).toBe(true);
  const codes = plan.entries.flatMap((e) => (e.kind === 'criterion' ? [e.ref.code] : []));
  expect(codes).toEqual(['1.3', '2.1']);
});

test('a broken or old file shows a Vietnamese error and keeps the open document', async () => {
  const { page } = await openPane();
  await insertReport2018(page);
  const input = page.getByTestId('open-file');
  const notice = page.getByTestId('file-notice');

  await input.setInputFiles({
    name: 'kế hoạch hỏng.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]),
  });
  await notice.filter({ hasText: 'Không mở được «kế hoạch hỏng.docx»' }).waitFor();
  const text = await notice.textContent();
  expect(text).toMatch(/bị hỏng|không phải \.docx|không đọc được/i);
  expect(text).toContain('Tài liệu đang soạn vẫn được giữ nguyên.');

  await input.setInputFiles({
    name: 'cũ.doc',
    mimeType: 'application/msword',
    buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
  });
  await notice.filter({ hasText: 'Đây là tệp Word cũ (.doc)' }).waitFor();

  // The document with its table is still there, unsaved changes and all.
  await page.getByTestId('preview').getByText(REPORT_GROUP_HEADING).waitFor();
  await page.getByText('Tài liệu mới.docx — chưa lưu').waitFor();
  const { bytes } = await saveDocx(page);
  const model = await DocxDocument.open(bytes, parseXml).read();
  expect(model.tables.map((t) => t.tag?.split(':')[1])).toEqual(['report-2018']);
});

test('opens a real .docx and inserts into it', async () => {
  const { page } = await openPane();
  const bytes = readFileSync(require.resolve('../fixtures/seeds/000_460dc8fb162abd75.docx'));
  await page.getByTestId('open-file').setInputFiles({ name: 'mẫu.docx', mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByTestId('file-notice').filter({ hasText: 'Đã mở «mẫu.docx»' }).waitFor();
  const before = await DocxDocument.open(new Uint8Array(bytes), parseXml).read();
  await page.getByLabel('Năm học').fill('2025-2026');
  await insertButton(page).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã chèn bảng.' }).waitFor();
  const saved = await saveDocx(page);
  expect(saved.name).toBe('mẫu.docx');
  const after = await DocxDocument.open(saved.bytes, parseXml).read();
  expect(after.tables.length).toBe(before.tables.length + 1);
  expect(after.tables.filter((t) => t.tag?.startsWith('ctcl:plan-2018:'))).toHaveLength(1);
});

test('a runtime without modern features gets the "too old" message, and the pane does not start', async () => {
  const s = await harness.open({
    init: () => {
      // Pretend to be an old web view: no Array.prototype.flatMap.
      delete (Array.prototype as { flatMap?: unknown }).flatMap;
    },
  });
  await s.page.goto(harness.url);
  await s.page.getByRole('alert').filter({ hasText: 'Trình duyệt này quá cũ' }).waitFor();
  expect(await s.page.getByTestId('mode').count()).toBe(0);
  // Outside Word: the address to open in a modern browser, and no office.js.
  await s.page.getByRole('alert').getByText(harness.url).waitFor();
});

test('when the scripts cannot load, the page still explains itself in Vietnamese', async () => {
  const s = await harness.open();
  await s.context.route(/taskpane\.[0-9a-f]+\.js$/, (r) => r.abort());
  await s.page.goto(harness.url);
  const failed = s.page.getByText('Trang chưa mở được');
  // Hidden while the page may still be loading…
  expect(await failed.isVisible()).toBe(false);
  // …shown after the wait: 8 s in use, shortened here through the page's --ctcl-boot-wait.
  await s.page.addStyleTag({ content: ':root { --ctcl-boot-wait: 0.2s; }' });
  await failed.waitFor({ state: 'visible', timeout: 5000 });
});
