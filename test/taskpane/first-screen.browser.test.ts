/**
 * What the first screen is made of and what comes after it, in a real browser (Debian Chromium, offline),
 * standalone mode: the theme and the components' CSS come with the page (no rules built at run time), the
 * other tabs' code is fetched once the browser is idle so that the tabs still open when the network drops,
 * and a tab whose code cannot be downloaded says so in Vietnamese and loads on «Thử lại».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webLightTheme } from '@fluentui/tokens';
import type { Page } from 'playwright-core';
import { CHUNK_FAILED } from '../../src/taskpane/error-text';
import { PANE_DIST, startHarness, type PaneHarness } from './browser';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function started(page: Page): Promise<void> {
  await page.goto(harness.url);
  await page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 10000 });
  await page.getByTestId('preview').waitFor({ timeout: 10000 });
}

/** Resolves to the number of chunks the idle preload could not fetch. */
async function preloaded(page: Page): Promise<number> {
  await page.waitForSelector('html[data-ctcl-preloaded]', { state: 'attached', timeout: 20000 });
  return Number(await page.getAttribute('html', 'data-ctcl-preloaded'));
}

/**
 * Opens the pane keeping aside the first element matching `selector` as soon as the page's parser puts it in
 * (before any script of the page runs); `keptInPage` then tells whether the pane still shows that very node.
 */
function openKeepingDrawn(selector: string) {
  return harness.open({
    width: 400,
    initArg: selector,
    init: (sel: string) => {
      const w = window as unknown as { ctclDrawn?: Element };
      const observer = new MutationObserver(() => {
        w.ctclDrawn = document.querySelector(sel) ?? undefined;
        if (w.ctclDrawn) observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    },
  });
}

function keptInPage(page: Page): Promise<{ seen: boolean; kept: boolean }> {
  return page.evaluate(() => {
    const drawn = (window as unknown as { ctclDrawn?: Element }).ctclDrawn;
    return { seen: drawn !== undefined, kept: drawn?.isConnected === true };
  });
}

test('the theme and the CSS come with the page: Fluent UI builds no style rules at run time', async () => {
  const { page, errors } = await harness.open({ width: 400 });
  await started(page);
  const look = await page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    const button = document.querySelector('form[aria-label="Chèn bảng kế hoạch, báo cáo"] button[type="submit"]');
    return {
      brand: root.getPropertyValue('--colorBrandBackground').trim(),
      font: root.getPropertyValue('--fontFamilyBase').trim(),
      buttonBackground: button ? getComputedStyle(button).backgroundColor : '',
      // Griffel's run-time style elements (one per bucket) when it inserts rules itself.
      runtimeRules: [...document.querySelectorAll('style[data-make-styles-bucket]')].reduce(
        (n, s) => n + ((s as HTMLStyleElement).sheet?.cssRules.length ?? 0),
        0,
      ),
      linkedSheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href),
    };
  });
  // The theme's variables are Fluent's light theme, as written at build time.
  expect(look.brand).toBe(webLightTheme.colorBrandBackground);
  expect(look.font).toBe(webLightTheme.fontFamilyBase);
  // The primary button is drawn in the brand colour by the extracted stylesheet.
  const hex = webLightTheme.colorBrandBackground.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  expect(look.buttonBackground).toBe(`rgb(${r}, ${g}, ${b})`);
  expect(look.linkedSheets).toHaveLength(1);
  expect(look.runtimeRules).toBe(0);
  expect(errors).toEqual([]);
});

test('after the first screen the other tabs are fetched when idle: offline afterwards, every tab still opens', async () => {
  const { page, context, errors } = await harness.open({ width: 400 });
  await started(page);
  expect(await preloaded(page)).toBe(0);
  // The network drops.
  await context.setOffline(true);
  await page.getByRole('tab', { name: 'Điền dòng' }).click();
  await page.getByTestId('rows-no-table').waitFor({ timeout: 10000 });
  await page.getByRole('tab', { name: 'Kiểm tra' }).click();
  await page.getByTestId('check-panel').waitFor({ timeout: 10000 });
  await page.getByRole('tab', { name: 'Năm học mới' }).click();
  await page.getByTestId('year-panel').waitFor({ timeout: 10000 });
  // Back to the first tab: a 2018 framework needs its catalog, preloaded too.
  await page.getByRole('tab', { name: 'Chèn bảng' }).click();
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByRole('button', { name: 'Chèn bảng' }).click();
  await page.getByTestId('preview').locator('table').first().waitFor({ timeout: 10000 });
  expect(await page.getByTestId('chunk-failed').count()).toBe(0);
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});

test('a tab whose code cannot be downloaded says so in Vietnamese, and «Thử lại» loads it', async () => {
  const { page, context } = await harness.open({ width: 400 });
  // The «Điền dòng» chunk does not come (the network dropped before it was fetched).
  const block = (route: { abort: (code: string) => Promise<void> }) => route.abort('internetdisconnected');
  await context.route(/\/rows\.[0-9a-f]+\.js$/, block);
  await started(page);
  expect(await preloaded(page)).toBeGreaterThanOrEqual(1);
  await page.getByRole('tab', { name: 'Điền dòng' }).click();
  const failed = page.getByTestId('chunk-failed');
  await failed.waitFor({ timeout: 10000 });
  expect(await failed.textContent()).toContain(CHUNK_FAILED);
  expect(await failed.textContent()).not.toMatch(/Loading chunk|ChunkLoadError/);
  // The other tabs, fetched when idle, still open.
  await page.getByRole('tab', { name: 'Kiểm tra' }).click();
  await page.getByTestId('check-panel').waitFor({ timeout: 10000 });
  // The network is back: «Thử lại» loads the tab.
  await context.unroute(/\/rows\.[0-9a-f]+\.js$/, block);
  await page.getByRole('tab', { name: 'Điền dòng' }).click();
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await page.getByTestId('rows-no-table').waitFor({ timeout: 10000 });
  expect(await page.getByTestId('chunk-failed').count()).toBe(0);
});

test('the first screen is on screen before the script runs, inert; the script takes over those very elements', async () => {
  // Without the pane's script: the page alone shows the form, which cannot be used yet.
  const blocked = await harness.open({ width: 400 });
  await blocked.context.route(/\/taskpane\.[0-9a-f]+\.js$/, (r) => r.abort());
  await blocked.page.goto(harness.url);
  const form = blocked.page.locator('form[aria-label="Chèn bảng kế hoạch, báo cáo"]');
  await form.waitFor({ state: 'visible' });
  expect(await blocked.page.getByLabel('Loại trường').isVisible()).toBe(true);
  expect(await form.locator('button[type="submit"]').isDisabled()).toBe(true);
  expect(await blocked.page.locator('#root').getAttribute('inert')).not.toBeNull();
  // The message for a script that never starts takes no room while the page may still be loading.
  expect(await blocked.page.getByText('Trang chưa mở được').isVisible()).toBe(false);

  // With it: React hydrates the page's elements rather than drawing them again, and the form can be used.
  const { page, errors } = await openKeepingDrawn('form[aria-label="Chèn bảng kế hoạch, báo cáo"] button[type="submit"]');
  await started(page);
  expect(await keptInPage(page)).toEqual({ seen: true, kept: true });
  const after = await page.evaluate(() => ({
    inert: document.getElementById('root')!.hasAttribute('inert'),
    boot: document.getElementById('boot') !== null,
  }));
  expect(after).toEqual({ inert: false, boot: false });
  await page.getByLabel('Loại trường').selectOption({ label: 'THCS, THPT' });
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('thcs-thpt');
  expect(errors).toEqual([]);
});

test.each([
  ['two years later: another framework', 2],
  ['a year earlier: the same framework, another year', -1],
])('a page drawn for another school year than today is drawn anew, not hydrated (%s)', async (_what, years) => {
  // The page's first screen carries the school year it was drawn for; a school may open it in another one.
  const html = readFileSync(join(PANE_DIST, 'taskpane.html'), 'utf8');
  const drawnFor = /<div id="root" data-ctcl-prerendered="(\d{4})-(\d{4})"/.exec(html);
  expect(drawnFor).not.toBeNull();
  const year = Number(drawnFor![1]) + years;
  const { page, errors } = await openKeepingDrawn('#root form');
  await page.clock.setFixedTime(new Date(year, 9, 1, 8, 0));
  await started(page);
  expect(await page.getByLabel('Năm học').inputValue()).toBe(`${year}-${year + 1}`);
  // The form drawn at build time was there, and the pane replaced it.
  expect(await keptInPage(page)).toEqual({ seen: true, kept: false });
  const after = await page.evaluate(() => ({
    forms: document.querySelectorAll('#root form[aria-label="Chèn bảng kế hoạch, báo cáo"]').length,
    inert: document.getElementById('root')!.hasAttribute('inert'),
  }));
  expect(after).toEqual({ forms: 1, inert: false });
  // The framework the form follows is the year's (the hint under the year names it when one is chosen by hand).
  expect(await page.getByText(/thường theo/).count()).toBe(0);
  await page.getByLabel('Loại trường').selectOption({ label: 'Mầm non' });
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('mam-non');
  expect(errors).toEqual([]);
});
