#!/usr/bin/env node
/**
 * Regenerates the README's pictures of the task pane: builds the pane (production), serves it on a free
 * local port, opens it in Chromium in standalone mode (offline), then
 *   docs/pane.png  — inserts a plan table with a few chosen criteria;
 *   docs/check.png — opens seed 000 (a real report), runs «Kiểm tra» and clicks the first finding.
 *
 *   node scripts/screenshot-pane.mjs [--out docs/pane.png] [--check-out docs/check.png] [--chromium /usr/bin/chromium]
 */
import { join, resolve } from 'node:path';
import { arg, ROOT, shot, withSitePage } from './lib/shot.mjs';

const OUT = resolve(ROOT, arg('--out', 'docs/pane.png'));
const CHECK_OUT = resolve(ROOT, arg('--check-out', 'docs/check.png'));
const SEED_000 = join(ROOT, 'test', 'fixtures', 'seeds', '000_460dc8fb162abd75.docx');

await withSitePage({ dist: join(ROOT, '.tmp', 'pane-shot'), width: 1280 }, async (page, base) => {
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
  await shot(page, OUT);

  // The check on a real report: open seed 000, check, click the first finding (the cell is selected).
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('open-file').setInputFiles(SEED_000);
  await page.getByText('000_460dc8fb162abd75.docx').first().waitFor();
  await page.getByTestId('tab-check').click();
  const first = page.getByRole('button', { name: /Tiêu chuẩn 5/ }).first();
  await first.waitFor();
  await first.click();
  await page.locator('section[aria-label="Các chức năng"]').evaluate((el) => el.scrollTo(0, 260));
  await shot(page, CHECK_OUT);
});
