#!/usr/bin/env node
/**
 * Regenerates the README's pictures of the reviewer page: builds the site (production), generates a
 * folder of schools' files with the tests' corpus generator (test/fixtures/corpus.ts), serves the site
 * on a free local port, opens reviewer.html in Chromium (offline), picks the folder, then
 *   docs/reviewer.png        — the table of the files;
 *   docs/reviewer-detail.png — a report opened: its findings beside the preview, the first one clicked.
 *
 *   node scripts/screenshot-reviewer.mjs [--out docs/reviewer.png] [--detail-out docs/reviewer-detail.png] [--chromium /usr/bin/chromium]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const OUT = resolve(ROOT, arg('--out', 'docs/reviewer.png'));
const DETAIL_OUT = resolve(ROOT, arg('--detail-out', 'docs/reviewer-detail.png'));
const CHROMIUM = arg('--chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const DIST = join(ROOT, '.tmp', 'reviewer-shot');

async function buildSite() {
  const webpack = require('webpack');
  const config = await require(join(ROOT, 'webpack.config.js'))({ out: DIST }, { mode: 'production' });
  const stats = await new Promise((ok, fail) => webpack(config).run((err, s) => (err ? fail(err) : ok(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

/** The corpus generator, bundled for Node (its dependencies stay in node_modules). */
async function corpusModule() {
  const outfile = join(ROOT, '.tmp', 'reviewer-shot-corpus.cjs');
  await esbuild({
    entryPoints: [join(ROOT, 'test', 'fixtures', 'corpus.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    packages: 'external',
    logLevel: 'warning',
  });
  return require(outfile);
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

await buildSite();
const work = mkdtempSync(join(tmpdir(), 'ctcl-reviewer-shot-'));
const { buildCorpus } = await corpusModule();
const folder = join(work, 'ho-so-cac-truong');
await buildCorpus(folder, { schools: 14, seedsDir: join(ROOT, 'test', 'fixtures', 'seeds') });
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
    '--no-first-run',
    '--font-render-hinting=none',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'vi-VN', reducedMotion: 'reduce' });
  await context.route(
    (url) => !url.href.startsWith(base),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${base}reviewer.html`);
  await page.getByTestId('folder-input').setInputFiles(folder);
  await page.getByTestId('run-summary').waitFor({ timeout: 120_000 });
  await page.locator('[data-sort=error]').click();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  mkdirSync(dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`Đã lưu ảnh: ${OUT}`);

  await page.getByTestId('open-file').first().click();
  await page.getByTestId('review-preview').waitFor();
  await page.locator('[data-finding-main]').first().click();
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: DETAIL_OUT });
  console.log(`Đã lưu ảnh: ${DETAIL_OUT}`);
} finally {
  await browser.close();
  server.close();
  rmSync(DIST, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
