/**
 * What the screenshot scripts share: their command-line options, a production build of the site into a
 * folder, the tests' static server (test/taskpane/serve.ts) on a free local port, and Debian's Chromium, offline (every request that is
 * not to that server is refused), at a fixed viewport.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** A TypeScript module of the repository bundled for Node (its dependencies stay in node_modules). */
export async function bundledModule(entry) {
  const { build } = await import('esbuild');
  const outfile = join(ROOT, '.tmp', 'shot', `${entry.replace(/[\\/.]/g, '-')}.cjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    packages: 'external',
    logLevel: 'warning',
  });
  return require(outfile);
}

/**
 * Build the site into `dist`, serve it, open an offline page of `width`×`height` in Chromium and hand it
 * to `shoot(page, base)`; everything is closed and `dist` removed afterwards, whatever happens.
 */
export async function withSitePage({ dist, width, height = 960 }, shoot) {
  await buildSite(dist);
  // The tests' static server: the right content types (the stylesheet is refused without text/css).
  const { serveStatic } = await bundledModule('test/taskpane/serve.ts');
  const server = await serveStatic(dist);
  const base = server.url;
  const { chromium } = require('playwright-core');
  // The tests' Chromium and flags (test/taskpane/browser.ts), and no font hinting for even screenshots.
  const { CHROMIUM, CHROMIUM_ARGS } = await bundledModule('test/taskpane/browser.ts');
  const browser = await chromium.launch({
    executablePath: arg('--chromium', CHROMIUM),
    args: [...CHROMIUM_ARGS, '--font-render-hinting=none'],
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
    await server.close();
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
