/**
 * Seeing what matters (issue 14), in Chromium: a finding's cell is scrolled to the middle of the document
 * and flashed (wide page); in a 400 px pane the preview keeps words whole, choosing «Loại trường» in
 * «Điền dòng» leaves the page where it is, and notices about the previous document go; arrowing through
 * the criterion list does not choose each criterion on the way (Enter does); closing a notice gives the
 * focus back to the button that did the action, in the standalone page and in the stand-in Word.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { seedPath } from '../helpers';
import { startHarness, type PaneHarness, axeProblems, placeOnScreen } from './browser';
import { installStandInWord } from './stand-in-word';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** «Tài liệu mới», without saving the one open. */
async function startNew(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  const discard = page.getByRole('button', { name: 'Không lưu' });
  if (await discard.count()) await discard.click();
  await page.getByTestId('file-notice').filter({ hasText: 'Đã tạo tài liệu mới' }).waitFor();
}

async function newPlan(page: Page): Promise<void> {
  await startNew(page);
  await page.getByLabel('Loại trường').selectOption('tieu-hoc');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('radio', { name: 'Mọi tiêu chí, mỗi tiêu chí một dòng' }).check();
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'Đã tạo tài liệu.' }).waitFor();
}

/** Where an element is within what one sees of it: 0 top … 1 bottom, by its centre. */
async function placeInView(locator: Locator): Promise<number> {
  const p = await placeOnScreen(locator);
  return ((p.top + p.bottom) / 2 - p.seenTop) / (p.seenBottom - p.seenTop);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('wide page: a finding far down the document is scrolled to the middle and flashed', async () => {
  const { page, errors } = await harness.openStandalone({ width: 1400, height: 900 });
  const bytes = readFileSync(seedPath('000'));
  await page
    .getByTestId('open-file')
    .setInputFiles({ name: 'bao-cao.docx', mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByTestId('file-notice').filter({ hasText: 'Đã mở «bao-cao.docx»' }).waitFor();
  await page.getByTestId('tab-check').click();
  await page.getByTestId('checked-at').waitFor({ timeout: 10000 });
  // The document is at its top; the finding is about Tiêu chuẩn 5, far below.
  await page.getByTestId('preview').evaluate((el) => el.closest('section')?.scrollTo(0, 0));
  await page.getByTestId('finding').filter({ hasText: 'Tiêu chuẩn 5' }).locator('[data-finding-main]').click();
  const cell = page.locator('[data-testid="preview"] td[aria-selected="true"]');
  await cell.waitFor();
  await page.locator('[data-testid="preview"] td[aria-selected="true"][data-flash]').waitFor();
  const place = await placeInView(cell);
  expect(place).toBeGreaterThan(0.3);
  expect(place).toBeLessThan(0.7);
  // The flash goes by itself.
  await page.locator('[data-testid="preview"] td[data-flash]').waitFor({ state: 'detached', timeout: 5000 });
  expect(await cell.count()).toBe(1);
  expect(errors).toEqual([]);
});

test('400 px: whole words in the preview, «Loại trường» does not move the page, old notices go, keyboard', async () => {
  const { page, errors } = await harness.openStandalone({ width: 400, height: 900 });
  await newPlan(page);

  // The preview's table keeps its columns wide enough for whole words: no heading broken inside a word.
  const broken = await page.getByTestId('preview').evaluate((root) => {
    const out: string[] = [];
    for (const td of root.querySelectorAll('td')) {
      for (const p of td.querySelectorAll('p')) {
        const text = p.textContent ?? '';
        if (!text.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(p);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        const words = text.trim().split(/\s+/).length;
        if (lines > words) out.push(`${text} (${lines} dòng, ${words} chữ)`);
      }
    }
    return out;
  });
  expect(broken).toEqual([]);

  // «Điền dòng»: choosing the school type keeps the page where it is (it used to jump to the preview).
  await page.getByTestId('tab-rows').click();
  await page.getByTestId('rows-table').waitFor({ timeout: 10000 });
  const select = page.getByLabel('Loại trường');
  await select.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => document.scrollingElement!.scrollTop);
  await select.selectOption('thcs-thpt');
  await sleep(600);
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(before);
  await select.selectOption('tieu-hoc');

  // Keyboard: arrowing through the criteria moves the focus only; Enter chooses.
  const list = page.getByTestId('criterion-list');
  const radios = list.locator('input[type="radio"]:not(:disabled)');
  await radios.first().focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  expect(await list.locator('input[type="radio"]:checked').count()).toBe(0);
  const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  expect(focused).toBe(await radios.nth(3).getAttribute('value'));
  await page.keyboard.press('Enter');
  await list.locator('input[type="radio"]:checked').waitFor();
  expect(await list.locator('input[type="radio"]:checked').getAttribute('value')).toBe(focused);

  // A notice about the previous document goes when another one is started.
  await page.getByTestId('tab-insert').click();
  await newPlan(page);
  await startNew(page);
  await page.getByTestId('insert-result').waitFor({ state: 'detached' });
  expect(await axeProblems(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('closing a notice gives the focus back to the button that did the action (standalone and Word)', async () => {
  const { page } = await harness.openStandalone({ width: 1280, height: 900 });
  await newPlan(page);
  // The button the notice answers.
  const insert = page.getByRole('button', { name: 'Chèn bảng', exact: true });
  await insert.focus();
  await insert.press('Enter');
  await page.getByTestId('insert-result').filter({ hasText: 'Đã chèn bảng.' }).waitFor();
  await page.getByTestId('insert-result').getByRole('button', { name: 'Đóng thông báo' }).click();
  await page.getByTestId('insert-result').waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chèn bảng');

  const empty =
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';
  const w = await harness.open({
    width: 400,
    height: 900,
    init: installStandInWord,
    initArg: { ooxml: empty, url: 'C:\\a.docx' },
  });
  await w.page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await w.page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 15000 });
  await w.page.getByLabel('Năm học').fill('2025-2026');
  await w.page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  const button = w.page.getByRole('button', { name: 'Chèn bảng', exact: true });
  await button.focus();
  await button.press('Enter');
  await w.page.getByTestId('insert-result').waitFor();
  await w.page.getByTestId('insert-result').getByRole('button', { name: 'Đóng thông báo' }).press('Enter');
  await w.page.getByTestId('insert-result').waitFor({ state: 'detached' });
  expect(await w.page.evaluate(() => document.activeElement?.textContent)).toBe('Chèn bảng');
  expect(w.errors).toEqual([]);
});
