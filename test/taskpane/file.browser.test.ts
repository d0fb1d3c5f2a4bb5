/**
 * The standalone page's file handling in Chromium (offline): «Lưu» proposes a name from the document
 * (editable; Ctrl+S saves), the working document is kept in IndexedDB and offered back after a reload or
 * a crash (or discarded), and a fix from «Kiểm tra» («Ghi tên đúng») is taken back with «Hoàn tác» like
 * an edit of the preview.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { recogniseTables } from '../../src/domain/table/recognise';
import { seedPath } from '../helpers';
import { axeProblems, startHarness, type PaneHarness, type PaneSession } from './browser';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function ready(page: Page): Promise<void> {
  await page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 20000 });
  await page.getByTestId('preview').waitFor({ timeout: 20000 });
}

async function openPane(): Promise<PaneSession> {
  const s = await harness.open();
  await s.page.goto(harness.url);
  await ready(s.page);
  return s;
}

async function insertPlan(page: Page): Promise<void> {
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();
}

async function value(locator: Locator, expected: string | RegExp): Promise<string> {
  const deadline = Date.now() + 5000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue();
    if (typeof expected === 'string' ? last === expected : expected.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${String(expected)}, found ${JSON.stringify(last)}`);
}

test('«Lưu» proposes a name from the document, the name can be changed, and Ctrl+S saves', async () => {
  const { page, errors } = await openPane();
  const name = page.getByTestId('file-name');
  expect(await name.inputValue()).toBe('Tài liệu mới.docx');
  await insertPlan(page);
  // What the document is, read from it (its kind; its year and school when it says them).
  const proposed = await value(name, /^Kế hoạch cải tiến chất lượng/);
  expect(proposed).toMatch(/^Kế hoạch cải tiến chất lượng( \d{4}-\d{4})?( - .+)?\.docx$/);

  // Ctrl+S downloads under that name.
  let [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect(download.suggestedFilename()).toBe(proposed);
  await page
    .getByTestId('file-notice')
    .filter({ hasText: `Đã lưu «${proposed}»` })
    .waitFor();

  // A name typed by the user is used as it is (made safe for the file system), and stays.
  await name.fill('KH cải tiến: TH Kim Đồng');
  [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('KH cải tiến TH Kim Đồng.docx');
  const bytes = new Uint8Array(readFileSync(await download.path()));
  expect(recogniseTables(await DocxDocument.open(bytes, parseXml).read()).map((t) => t.form.id)).toEqual(['plan-2018']);
  expect(await name.inputValue()).toBe('KH cải tiến TH Kim Đồng.docx');

  // Ctrl+S while a cell is being edited: the cell is written first, then saved.
  await page.locator('[data-testid="preview"] td', { hasText: 'MỨC 1, 2, 3' }).first().dblclick();
  await page.getByTestId('cell-editor').fill('MỨC 1, 2, 3 (đã sửa)');
  [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const saved = await DocxDocument.open(new Uint8Array(readFileSync(await download.path())), parseXml).read();
  expect(saved.tables[0].rows.some((r) => r.cells.some((c) => c.text === 'MỨC 1, 2, 3 (đã sửa)'))).toBe(true);
  expect(await axeProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('unsaved work survives a reload and a crash; it can be restored or discarded', async () => {
  const s = await openPane();
  const { page, context } = s;
  page.on('dialog', (d) => void d.accept());
  await insertPlan(page);
  await page.getByText('— chưa lưu').waitFor();
  // Kept a moment after the change.
  await page.waitForTimeout(1500);

  // Reload: the page offers the work back.
  await page.reload();
  await ready(page);
  const offer = page.getByTestId('restore-offer');
  await offer.waitFor();
  expect(await offer.textContent()).toContain('Còn một tài liệu soạn dở chưa lưu.');
  expect(await axeProblems(page)).toEqual([]);
  await offer.getByRole('button', { name: 'Khôi phục' }).click();
  await page.getByTestId('preview').getByText('MỨC 1, 2, 3').waitFor();
  await page.getByText('— chưa lưu').waitFor();
  await page.getByTestId('file-notice').filter({ hasText: 'Đã khôi phục' }).waitFor();

  // A crash (the tab goes without a word): a new tab of the same browser offers it again.
  await page.waitForTimeout(1500);
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await again.goto(harness.url);
  await ready(again);
  await again.getByTestId('restore-offer').waitFor();
  await again.getByTestId('restore-offer').getByRole('button', { name: 'Bỏ bản này' }).click();
  await again.getByTestId('file-notice').filter({ hasText: 'Đã bỏ bản soạn dở' }).waitFor();
  expect(await again.getByTestId('preview').getByText('MỨC 1, 2, 3').count()).toBe(0);

  // Discarded: the next visit offers nothing.
  await again.reload();
  await ready(again);
  await again.waitForTimeout(500);
  expect(await again.getByTestId('restore-offer').count()).toBe(0);

  // Saved work is not offered either.
  await insertPlan(again);
  await again.waitForTimeout(1500);
  await Promise.all([again.waitForEvent('download'), again.getByRole('button', { name: 'Lưu', exact: true }).click()]);
  await again.waitForTimeout(500);
  await again.reload();
  await ready(again);
  await again.waitForTimeout(500);
  expect(await again.getByTestId('restore-offer').count()).toBe(0);
});

test('a fix from «Kiểm tra» is taken back with «Hoàn tác», and again with Ctrl+Z', async () => {
  const { page, errors } = await openPane();
  const path = seedPath('000');
  await page.getByTestId('open-file').setInputFiles({ name: basename(path), mimeType: DOCX_MIME, buffer: readFileSync(path) });
  await page.getByTestId('file-notice').filter({ hasText: 'Đã mở' }).waitFor();
  await page.getByTestId('tab-check').click();
  await page.getByTestId('checked-at').waitFor({ timeout: 10000 });
  const std5 = page.getByTestId('finding-list').getByTestId('finding').filter({ hasText: 'Tiêu chuẩn 5' });
  const official = 'Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục';

  await std5.getByRole('button', { name: 'Ghi tên đúng', exact: true }).click();
  const notice = page.getByTestId('check-notice');
  await notice.filter({ hasText: 'Đã ghi tên đúng của Tiêu chuẩn 5.' }).waitFor();
  await page.getByTestId('preview').getByText(official).waitFor();
  await std5.waitFor({ state: 'detached' });

  await notice.getByRole('button', { name: 'Hoàn tác' }).click();
  await notice.filter({ hasText: 'Đã hoàn tác: Đã ghi tên đúng của Tiêu chuẩn 5.' }).waitFor();
  expect(await page.getByTestId('preview').getByText(official).count()).toBe(0);
  // The finding is back after the check that follows.
  await std5.waitFor();

  // Again, undone this time with Ctrl+Z (focus outside any text box).
  await std5.getByRole('button', { name: 'Ghi tên đúng', exact: true }).click();
  await page.getByTestId('preview').getByText(official).waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await page.getByTestId('edit-notice').filter({ hasText: 'Đã hoàn tác: sửa bảng.' }).waitFor();
  await page.getByTestId('preview').getByText(official).waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});
