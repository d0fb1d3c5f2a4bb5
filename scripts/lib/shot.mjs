/**
 * What the screenshot scripts share: their command-line options, a production build of the site into a
 * folder, a static server on a free local port, and Debian's Chromium, offline (every request that is
 * not to that server is refused), at a fixed viewport.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** `--name value` from the command line, or the fallback. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** webpack.config.js in production mode, into `out`. */
async function buildSite(out) {
  const webpack = require('webpack');
  const config = await require(join(ROOT, 'webpack.config.js'))({ out }, { mode: 'production' });
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

/**
 * Build the site into `dist`, serve it, open an offline page of `width`×`height` in Chromium and hand it
 * to `shoot(page, base)`; everything is closed and `dist` removed afterwards, whatever happens.
 */
export async function withSitePage({ dist, width, height = 960 }, shoot) {
  await buildSite(dist);
  const server = await serve(dist);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: arg('--chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
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
    const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', reducedMotion: 'reduce' });
    await context.route(
      (url) => !url.href.startsWith(base),
      (route) => route.abort(),
    );
    await shoot(await context.newPage(), base);
  } finally {
    await browser.close();
    server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

/** Let hover and transitions settle, then save the page as `path`. */
export async function shot(page, path) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  console.log(`Đã lưu ảnh: ${path}`);
}
