#!/usr/bin/env node
/**
 * Regenerates the README's pictures of the reviewer page: builds the site (production), generates a
 * folder of schools' files with the tests' corpus generator (test/fixtures/corpus.ts), serves the site
 * on a free local port, opens reviewer.html in Chromium (offline), picks the folder, then
 *   docs/reviewer.png        — the table of the files;
 *   docs/reviewer-detail.png — a report opened: its findings beside the preview, the first one clicked;
 *   docs/reviewer-matrix.png — the «Tiêu chí» tab at a Thông tư 57 group (Biểu 2 plans by problem and item).
 *
 *   node scripts/screenshot-reviewer.mjs [--out docs/reviewer.png] [--detail-out docs/reviewer-detail.png] [--matrix-out docs/reviewer-matrix.png] [--chromium /usr/bin/chromium]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { arg, bundledModule, ROOT, shot, withSitePage } from './lib/shot.mjs';

const OUT = resolve(ROOT, arg('--out', 'docs/reviewer.png'));
const DETAIL_OUT = resolve(ROOT, arg('--detail-out', 'docs/reviewer-detail.png'));
const MATRIX_OUT = resolve(ROOT, arg('--matrix-out', 'docs/reviewer-matrix.png'));

const work = mkdtempSync(join(tmpdir(), 'ctcl-reviewer-shot-'));
const { buildCorpus } = await bundledModule('test/fixtures/corpus.ts');
const folder = join(work, 'ho-so-cac-truong');
await buildCorpus(folder, { schools: 14, seedsDir: join(ROOT, 'test', 'fixtures', 'seeds') });
try {
  await withSitePage({ dist: join(ROOT, '.tmp', 'reviewer-shot'), width: 1440 }, async (page, base) => {
    await page.goto(`${base}reviewer.html`);
    await page.getByTestId('folder-input').setInputFiles(folder);
    await page.getByTestId('run-summary').waitFor({ timeout: 120_000 });
    await page.locator('[data-sort=error]').click();
    await shot(page, OUT);

    await page.getByTestId('open-file').first().click();
    await page.getByTestId('review-preview').waitFor();
    await page.locator('[data-finding-main]').first().click();
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, DETAIL_OUT);

    await page.getByRole('button', { name: 'Quay lại bảng' }).click();
    await page.getByRole('tab', { name: 'Tiêu chí' }).click();
    const group = page.locator('[data-testid=matrix-group][data-label*="57/2026"]').first();
    await group.scrollIntoViewIfNeeded();
    await group.evaluate((el) => globalThis.scrollBy(0, el.getBoundingClientRect().top - 16));
    await shot(page, MATRIX_OUT);
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
