/**
 * The reviewer page (reviewer.html) in Chromium, offline: a generated folder of schools' files
 * (test/fixtures/corpus.ts: seeds, variants, Biểu 2 plans, non-KHCT documents, broken files, other and
 * hidden files) picked with the folder picker, and the same folder as a dropped .zip. The table, the
 * broken files with their reasons, sorting, filtering, a file's findings beside its preview, the
 * matrix, pairing by hand, the JSON (the same as `ctcl check --format json`), the workbook (the same
 * sheets as `ctcl check --xlsx`, read back by LibreOffice) and the «Phiếu nhận xét» (rendered by
 * LibreOffice); axe-core and the keyboard.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { run as ctclRun } from '../../src/cli/main';
import { schoolDisplayName } from '../../src/domain/check/pairing';
import { planMethodLabel, type FileReport } from '../../src/domain/check/report';
import { CRITERION_STATUS_LABELS, PLAN2026_STATUS_COLORS, PLAN2026_STATUS_LABELS } from '../../src/domain/review';
import { FIXTURES } from '../helpers';
import { schoolsOf } from '../../src/domain/review/note';
import { PLAN2026_HEADING, SHEETS } from '../../src/domain/review/workbook';
import { folderZip } from '../app/folder-zip';
import { blankDocumentParts } from '../../src/domain/ooxml/package';
import { paragraph } from '../../src/domain/ooxml/writer';
import { DocxPackage } from '../../src/docx/package';
import { buildCorpus, type Corpus } from '../fixtures/corpus';
import { convertToPdf, pdfInfo, pdfPages, renderPage, squash, xlsxSheets } from '../docx/libreoffice';
import { axeProblems, startHarness, type PaneHarness, type PaneSession } from './browser';

interface CliJson {
  files: FileReport[];
  skipped: { path: string; reason: string }[];
  pairing: { pairs: { report: string; plan: string; method: string }[] };
}

let harness: PaneHarness;
let work: string;
let corpus: Corpus;
let cli: CliJson;
let cliXlsx: Uint8Array;
let s: PaneSession;
let page: Page;

const FOLDER = 'ho-so';
const NOT_KHCT = 'cong-van.docx';
/** A Biểu 2 a school wrote itself (test/fixtures/tt57): three problems, three items, column (10) partly written. */
const BIEU2 = 'ke-hoach/tt57/th-kim-dong-2026-2027.docx';
/** Every .docx of the folder. */
const docxCount = () => corpus.docx.length + 2;

async function bytesOf(d: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await d.path()));
}

async function downloadOf(testId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: await bytesOf(d) };
}

beforeAll(async () => {
  harness = await startHarness();
  work = mkdtempSync(join(tmpdir(), 'ctcl-reviewer-page-'));
  corpus = await buildCorpus(join(work, FOLDER), { schools: 16 });
  // A letter that is not a KHCT document.
  const letter = blankDocumentParts([paragraph('Công văn về việc nộp hồ sơ cải tiến chất lượng năm học 2025-2026.')]);
  writeFileSync(join(corpus.root, NOT_KHCT), DocxPackage.fromParts(letter).toBytes());
  mkdirSync(join(corpus.root, 'ke-hoach', 'tt57'), { recursive: true });
  copyFileSync(join(FIXTURES, 'tt57', 'th-kim-dong-2026-2027.docx'), join(corpus.root, BIEU2));
  let out = '';
  await ctclRun(['check', FOLDER, '--plan-dir', FOLDER, '--format', 'json', '--xlsx', 'cli.xlsx'], {
    stdout: (x) => (out += x),
    stderr: () => undefined,
    cwd: work,
  });
  cli = JSON.parse(out);
  cliXlsx = new Uint8Array(readFileSync(join(work, 'cli.xlsx')));
  s = await harness.open({ width: 1400, height: 900 });
  page = s.page;
  await page.goto(`${harness.server.url}reviewer.html`);
  await page.getByTestId('privacy').waitFor();
  await page.getByTestId('folder-input').setInputFiles(corpus.root);
  await page.getByTestId('run-summary').waitFor({ timeout: 40000 });
});

afterAll(async () => {
  await harness?.close();
  if (process.env.CTCL_KEEP_REVIEWER) console.log(work);
  else rmSync(work, { recursive: true, force: true });
});

test('the page says nothing is uploaded, and makes no request outside its own server', () => {
  expect(page.getByTestId('privacy')).toBeDefined();
  expect(s.outside).toEqual([]);
  expect(s.errors).toEqual([]);
});

test('a folder of 50+ files: a row per .docx, broken files with their reasons, other files skipped, hidden ones not mentioned', async () => {
  expect(docxCount()).toBeGreaterThanOrEqual(50);
  await expect(page.getByTestId('privacy').textContent()).resolves.toContain('không tệp nào được tải lên mạng');
  const rows = page.getByTestId('file-row');
  await expect(rows.count()).resolves.toBe(docxCount());
  const summary = await page.getByTestId('run-summary').textContent();
  expect(summary).toContain(`${docxCount()} tệp .docx`);
  expect(summary).toContain(`${corpus.bad.length} không đọc được`);
  await page.getByTestId('bad-files').locator('summary').click();
  const bad = await page.getByTestId('bad-file').allTextContents();
  expect(bad).toHaveLength(corpus.bad.length);
  for (const b of corpus.bad) {
    const f = cli.files.find((x) => x.path === `${FOLDER}/${b.path.split(/[\\/]/).join('/')}`)!;
    expect(bad).toContain(`${f.path}: ${f.error!.message}`);
  }
  const skipped = await page.getByTestId('skipped-file').allTextContents();
  expect(skipped.sort()).toEqual(cli.skipped.map((x) => `${x.path}: ${x.reason}`).sort());
  const all = (await page.getByTestId('file-table').textContent()) ?? '';
  for (const h of corpus.silent) expect(all).not.toContain(h.split(/[\\/]/).pop());
});

test('the table: school names in one form, kind, counts, coverage, paired plan, ignored items', async () => {
  const row = (path: string) => page.locator(`[data-testid=file-row]:has([data-testid=open-file]:text-is("${path}"))`);
  for (const f of cli.files.slice(0, 60)) {
    const r = row(f.path);
    const cell = async (field: string) => ((await r.locator(`[data-field=${field}]`).textContent()) ?? '').trim();
    await expect(cell('school')).resolves.toBe(f.schoolName ? schoolDisplayName(f.schoolName) : '');
    if (f.error) continue;
    await expect(cell('error')).resolves.toBe(String(f.counts.error));
    await expect(cell('warning')).resolves.toBe(String(f.counts.warning));
    await expect(cell('coverage')).resolves.toBe(f.coverage ? `${f.coverage.reported}/${f.coverage.total}` : '');
    if (f.plan) await expect(cell('plan')).resolves.toContain(f.plan.path.split('/').pop()!);
    const ignored = f.findings.filter((x) => (x as { ignored?: boolean }).ignored).length;
    await expect(cell('ignored')).resolves.toBe(ignored ? `${ignored} (trường đã bỏ qua)` : '');
  }
  const kinds = await page.locator('[data-testid=file-row] [data-field=kind]').allTextContents();
  expect(kinds.some((k) => k.includes('Biểu 2'))).toBe(true);
  expect(kinds.some((k) => k.startsWith('Không phải văn bản KHCT'))).toBe(true);
});

test('sorting by Lỗi (mouse and keyboard) and filtering', async () => {
  await page.locator('[data-sort=error]').click();
  const errors = (await page.locator('[data-testid=file-row] [data-field=error]').allTextContents()).map((t) => Number(t || -1));
  expect(errors).toEqual([...errors].sort((a, b) => b - a));
  await expect(page.locator('th:has([data-sort=error])').getAttribute('aria-sort')).resolves.toBe('descending');
  await page.locator('[data-sort=school]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('th:has([data-sort=school])').getAttribute('aria-sort')).resolves.toBe('ascending');
  await page.getByTestId('filter-kind').selectOption('unreadable');
  await expect(page.getByTestId('file-row').count()).resolves.toBe(corpus.bad.length);
  await page.getByTestId('filter-kind').selectOption('all');
  await page.getByTestId('filter-errors').click();
  await expect(page.getByTestId('file-row').count()).resolves.toBe(
    cli.files.filter((f) => !f.error && f.counts.error > 0).length,
  );
  await page.getByTestId('filter-errors').click();
  const school = cli.files.find((f) => f.schoolName)!.schoolName!;
  await page.getByTestId('filter-text').fill(schoolDisplayName(school).toLowerCase());
  const shown = await page.locator('[data-testid=file-row] [data-field=school]').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  for (const t of shown) expect(t).toBe(schoolDisplayName(school));
  await page.getByTestId('filter-text').fill('');
  expect(await axeProblems(page)).toEqual([]);
});

test('a file opened from the table (keyboard): findings beside the preview; a finding selects its cell', async () => {
  const f = cli.files.find((x) => !x.error && x.findings.some((y) => y.location.table !== null && y.location.row !== null))!;
  await page.locator(`[data-testid=open-file]:text-is("${f.path}")`).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('review-preview').waitFor();
  const messages = await page.locator('[data-testid=detail-findings] [data-testid=finding]').count();
  expect(messages).toBe(f.findings.filter((x) => !(x as { ignored?: boolean }).ignored).length);
  await page.locator('[data-finding-main]').first().click();
  await expect(page.locator('[data-selected=true]').count()).resolves.toBeGreaterThan(0);
  expect(await axeProblems(page)).toEqual([]);
  await page.getByTestId('close-detail').click();
  await page.getByTestId('file-table').waitFor();
});

test('the matrix: a table per framework and school type, criteria headed by code and title, the workbook’s words', async () => {
  await page.getByTestId('tab-matrix').click();
  const labels = await page.getByTestId('matrix-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
  expect(labels.length).toBeGreaterThan(1);
  expect(labels.some((l) => l!.includes('TT57/2026'))).toBe(true);
  const p = corpus.pairs.find((x) => x.statuses)!;
  const index = cli.files.findIndex((f) => f.path === `${FOLDER}/${p.report.split(/[\\/]/).join('/')}`);
  const row = page.locator(`[data-testid=matrix-row][data-index="${index}"]`);
  for (const [key, status] of Object.entries(p.statuses!)) {
    await expect(row.locator(`td[data-key="${key}"]`).textContent()).resolves.toBe(CRITERION_STATUS_LABELS[status]);
  }
  const title = await page.getByTestId('matrix-group').first().locator('th[data-key="1.1"]').textContent();
  expect(title!.length).toBeGreaterThan(10);
  expect(await axeProblems(page)).toEqual([]);
});

test('the matrix: a Biểu 2 plan by problem and item status, its mandatory criteria without a problem or an item marked', async () => {
  await page.getByTestId('tab-matrix').click();
  const index = cli.files.findIndex((f) => f.path === `${FOLDER}/${BIEU2}`);
  expect(cli.files[index].form).toBe('plan-2026');
  const group = page.locator('[data-testid=matrix-group][data-label="Tiểu học · TT57/2026"]');
  const row = group.locator(`[data-testid=matrix-row][data-index="${index}"]`);
  const cell = async (key: string) => {
    const td = row.locator(`td[data-key="${key}"]`);
    const lines = await td.evaluate((e) => (e as HTMLElement).innerText.split('\n').filter(Boolean));
    const background = await td.evaluate((e) => getComputedStyle(e).backgroundColor);
    return { status: await td.getAttribute('data-status'), lines, background };
  };
  const rgb = (hex: string) => `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  await expect(cell('1.3')).resolves.toEqual({
    status: 'in-progress',
    lines: [PLAN2026_STATUS_LABELS['in-progress'], 'VĐ 1 · 2 nội dung', '1 hoàn thành, 1 chưa ghi'],
    background: rgb(PLAN2026_STATUS_COLORS['in-progress']),
  });
  await expect(cell('4.2')).resolves.toEqual({
    status: 'no-item',
    lines: [PLAN2026_STATUS_LABELS['no-item'], 'VĐ 3'],
    background: rgb(PLAN2026_STATUS_COLORS['no-item']),
  });
  await expect(cell('2.1')).resolves.toEqual({
    status: 'mandatory-absent',
    lines: [PLAN2026_STATUS_LABELS['mandatory-absent']],
    background: rgb(PLAN2026_STATUS_COLORS['mandatory-absent']),
  });
  await expect(cell('1.1')).resolves.toMatchObject({ status: null, lines: [] });
  await expect(row.locator('[data-field=plan2026]').allTextContents()).resolves.toEqual([
    '3 vấn đề · 3 nội dung',
    'Rà soát (mục VI): Cuối học kỳ I',
  ]);
  await expect(group.locator('th[data-key="2.1"]').textContent()).resolves.toContain('bắt buộc');
  await expect(group.locator('th[data-key="1.1"]').textContent()).resolves.not.toContain('bắt buộc');
  const legend = await page.getByTestId('legend-2026').locator('li').allTextContents();
  expect(legend).toEqual(Object.values(PLAN2026_STATUS_LABELS));
  // The meanings open from the keyboard.
  await page.locator('summary:text-is("Ý nghĩa các ô của kế hoạch theo Biểu 2")').focus();
  await page.keyboard.press('Enter');
  await expect(
    page.locator('details:has(summary:text-is("Ý nghĩa các ô của kế hoạch theo Biểu 2"))').getAttribute('open'),
  ).resolves.toBe('');
  expect(await axeProblems(page)).toEqual([]);
});

test('exports: the JSON and the workbook are the CLI’s; a «Phiếu nhận xét» per school', async () => {
  await page.getByTestId('tab-exports').click();
  const json = await downloadOf('export-json');
  expect(JSON.parse(strFromU8(json.bytes))).toEqual(cli);

  const xlsx = await downloadOf('export-xlsx');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const mine = unzipSync(xlsx.bytes);
  const theirs = unzipSync(cliXlsx);
  // The same module: every part the same but the creation time.
  expect(Object.keys(mine).sort()).toEqual(Object.keys(theirs).sort());
  for (const part of Object.keys(theirs).filter((p) => p !== 'docProps/core.xml')) {
    expect([part, strFromU8(mine[part])]).toEqual([part, strFromU8(theirs[part])]);
  }
  const file = join(work, 'trang.xlsx');
  writeFileSync(file, xlsx.bytes);
  const out = join(work, 'csv');
  mkdirSync(out);
  const sheets = await xlsxSheets(file, out);
  expect([...sheets.keys()][0]).toBe(SHEETS.summary);
  expect([...sheets.keys()]).toContain(SHEETS.pairing);
  expect(sheets.get(SHEETS.summary)!.length).toBeGreaterThanOrEqual(cli.files.length + 2);
  // The Biểu 2 plan's row, read back by LibreOffice: the page's words.
  const tt57 = sheets.get('Tiêu chí Tiểu học TT57')!;
  const heading = tt57[2];
  const bieu2 = tt57.find((r) => r[0] === `${FOLDER}/${BIEU2}`)!;
  const at = (code: string) => bieu2[heading.findIndex((h) => h.startsWith(`${code}\n`))];
  expect(bieu2[heading.indexOf(PLAN2026_HEADING)]).toBe('3 vấn đề · 3 nội dung\nRà soát (mục VI): Cuối học kỳ I');
  expect(at('1.3')).toBe(`${PLAN2026_STATUS_LABELS['in-progress']}\nVĐ 1 · 2 nội dung\n1 hoàn thành, 1 chưa ghi`);
  expect(at('4.2')).toBe(`${PLAN2026_STATUS_LABELS['no-item']}\nVĐ 3`);
  expect(at('2.1')).toBe(PLAN2026_STATUS_LABELS['mandatory-absent']);
  expect(at('1.1')).toBe('');
  expect(heading.find((h) => h.startsWith('2.1\n'))).toMatch(/\(bắt buộc\)$/);

  await page.locator('input[data-field=parentBody]').fill('UBND huyện Yên Thế');
  await page.locator('input[data-field=place]').fill('Yên Thế');
  await page.locator('input[data-field=principal]').fill('Nguyễn Văn An');
  const notes = await downloadOf('export-notes');
  expect(notes.name).toMatch(/\.zip$/);
  const docs = unzipSync(notes.bytes);
  const schools = schoolsOf({ outcomes: cli.files.map((report) => ({ report, statuses: {} })) });
  expect(Object.keys(docs)).toHaveLength(schools.length);
  const one = await downloadOf('export-note');
  const school = schools[0];
  expect(one.name).toBe(Object.keys(docs)[0]);
  const docx = join(work, 'phieu.docx');
  writeFileSync(docx, one.bytes);
  const [pdf] = await convertToPdf([docx], work);
  for (const size of pdfInfo(pdf).sizes) expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
  const text = squash(pdfPages(pdf).join('\n'));
  for (const t of ['UBND HUYỆN YÊN THẾ', 'PHIẾU NHẬN XÉT', `Kính gửi: ${school.school}`, 'Yên Thế, ngày', 'Nguyễn Văn An']) {
    expect(text).toContain(squash(t));
  }
  renderPage(pdf, 1, join(work, 'phieu-1'), 60);
  expect(await axeProblems(page)).toEqual([]);
});

test('pairing shown and corrected by hand: the report is checked again against the chosen plan', async () => {
  await page.getByTestId('tab-pairing').click();
  const pair = cli.pairing.pairs[0];
  const index = cli.files.findIndex((f) => f.path === pair.report);
  const row = page.locator(`[data-testid=pair-row][data-index="${index}"]`);
  await expect(row.locator('[data-field=method]').textContent()).resolves.not.toBe('Báo cáo chưa có kế hoạch');
  await row.getByTestId('pair-select').selectOption('');
  await row.locator('[data-field=method]:text-is("Báo cáo chưa có kế hoạch")').waitFor();
  const plan = cli.files.findIndex((f) => f.path === pair.plan);
  await row.getByTestId('pair-select').selectOption(String(plan));
  await page.waitForFunction(
    ([i, label]) =>
      document.querySelector(`[data-testid=pair-row][data-index="${i}"] [data-field=method]`)?.textContent === label,
    [index, planMethodLabel('manual')] as const,
  );
  // The table now names the plan chosen by hand.
  await page.getByTestId('tab-files').click();
  const planCell = page.locator(`[data-testid=file-row][data-index="${index}"] [data-field=plan]`);
  await expect(planCell.textContent()).resolves.toBe(`${pair.plan.split('/').pop()} (${planMethodLabel('manual')})`);
  await page.getByTestId('tab-pairing').click();
  expect(await axeProblems(page)).toEqual([]);
});

test('a dropped .zip of the same folder gives the same JSON', async () => {
  const zip = folderZip(corpus.root, FOLDER);
  const z = await harness.open({ width: 1280, height: 800 });
  await z.page.route('**/__corpus.zip', (route) => route.fulfill({ body: Buffer.from(zip), contentType: 'application/zip' }));
  await z.page.goto(`${harness.server.url}reviewer.html`);
  await z.page.getByTestId('drop-zone').waitFor();
  await z.page.evaluate(async () => {
    const blob = await (await fetch('__corpus.zip')).blob();
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'ho-so.zip', { type: 'application/zip' }));
    const zone = document.querySelector('[data-testid=drop-zone]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await z.page.getByTestId('run-summary').waitFor({ timeout: 40000 });
  await z.page.getByTestId('tab-exports').click();
  const [d] = await Promise.all([z.page.waitForEvent('download'), z.page.getByTestId('export-json').click()]);
  expect(JSON.parse(strFromU8(await bytesOf(d)))).toEqual(cli);
  expect(z.errors).toEqual([]);
});
