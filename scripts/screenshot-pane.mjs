#!/usr/bin/env node
/**
 * Regenerates the README's pictures of the task pane: builds the pane (production), serves it on a free
 * local port, opens it in Chromium in standalone mode (offline), then
 *   docs/pane.png  — inserts a plan table with a few chosen criteria;
 *   docs/check.png — opens seed 000 (a real report), runs «Kiểm tra» and clicks the first finding.
 *
 *   node scripts/screenshot-pane.mjs [--out docs/pane.png] [--check-out docs/check.png] [--chromium /usr/bin/chromium]
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const OUT = resolve(ROOT, arg('--out', 'docs/pane.png'));
const CHECK_OUT = resolve(ROOT, arg('--check-out', 'docs/check.png'));
const SEED_000 = join(ROOT, 'test', 'fixtures', 'seeds', '000_460dc8fb162abd75.docx');
const CHROMIUM = arg('--chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const DIST = join(ROOT, '.tmp', 'pane-shot');

async function build() {
  const webpack = require('webpack');
  const config = await require(join(ROOT, 'webpack.config.js'))({ out: DIST }, { mode: 'production' });
  const stats = await new Promise((ok, fail) => webpack(config).run((err, s) => (err ? fail(err) : ok(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
  const server = createServer((req, res) => {
    const file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    try {
      if (!file.startsWith(root + sep) || !statSync(file).isFile()) throw new Error('not found');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

await build();
const server = await serve(DIST);
const base = `http://127.0.0.1:${server.address().port}/`;
const { chromium } = require('playwright-core');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--font-render-hinting=none',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 960 }, locale: 'vi-VN', reducedMotion: 'reduce' });
  await context.route(
    (url) => !url.href.startsWith(base),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${base}taskpane.html`);
  await page.getByTestId('preview').waitFor();
  await page.getByLabel('Loại trường').selectOption('thcs-thpt');
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('plan-2018');
  await page.getByRole('radio', { name: 'Các tiêu chí tôi chọn' }).check();
  for (const name of [/^1\.4 /, /^2\.2 /, /^3\.3 /, /^5\.1 /]) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').waitFor();
  // Select a cell to show the highlight, then bring the pane's form back to its top.
  await page.locator('[data-testid="preview"] td', { hasText: /^Tiêu chí 2\.2/ }).click();
  await page.locator('section[aria-label="Các chức năng"]').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  mkdirSync(dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`Đã lưu ảnh: ${OUT}`);

  // The check on a real report: open seed 000, check, click the first finding (the cell is selected).
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('open-file').setInputFiles(SEED_000);
  await page.getByText('000_460dc8fb162abd75.docx').first().waitFor();
  await page.getByTestId('tab-check').click();
  const first = page.getByRole('button', { name: /Tiêu chuẩn 5/ }).first();
  await first.waitFor();
  await first.click();
  await page.locator('section[aria-label="Các chức năng"]').evaluate((el) => el.scrollTo(0, 260));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: CHECK_OUT });
  console.log(`Đã lưu ảnh: ${CHECK_OUT}`);
} finally {
  await browser.close();
  server.close();
  rmSync(DIST, { recursive: true, force: true });
}
