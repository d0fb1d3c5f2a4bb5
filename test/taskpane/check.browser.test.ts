/**
 * The "Kiểm tra" tab in a real browser (Debian Chromium, offline), standalone mode: real seed documents
 * opened through the file input, their findings, selecting a finding's cell in the preview (mouse and
 * keyboard), "Bỏ qua" remembered in the saved .docx, the fixes, a plan from another file, "Kiểm tra tệp
 * khác" with a broken file, and an axe-core scan of the panel.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { checkDocument } from '../../src/domain/check';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { recogniseTables } from '../../src/domain/table/recognise';
import { serializeTemplate, templateFromTable } from '../../src/domain/year/templates';
import { seedPath } from '../helpers';
import { axeProblems, saveDocx, startHarness, type PaneHarness, placeOnScreen } from './browser';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

function seedFile(n: string) {
  const path = seedPath(n);
  return { name: basename(path), mimeType: DOCX_MIME, buffer: readFileSync(path) };
}

/** Open the pane with a .docx in the standalone session and go to "Kiểm tra"; the check runs at once. */
async function openChecked(file: { name: string; mimeType: string; buffer: Buffer }, width = 1280) {
  // Scripts the page loaded, gzip sizes: the first screen, then the check chunk and what it shares (fetched
  // when the tab is clicked or, before that, when the browser was idle: src/taskpane/chunks.ts).
  const lazy: { sizes: Promise<[string, number]>[] } = { sizes: [] };
  const s = await harness.open({
    width,
    height: 900,
    onResponse: (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) lazy.sizes.push(r.body().then((b) => [path.slice(1), gzipSync(b, { level: 9 }).length]));
    },
  });
  const { page } = s;
  await page.goto(harness.url);
  await page.getByTestId('preview').waitFor({ timeout: 20000 });
  await page.getByTestId('open-file').setInputFiles(file);
  await page
    .getByTestId('file-notice')
    .filter({ hasText: `Đã mở «${file.name}»` })
    .waitFor();
  const t0 = Date.now();
  await page.getByTestId('tab-check').click();
  await page.getByTestId('checked-at').waitFor({ timeout: 10000 });
  return { ...s, checkMs: Date.now() - t0, lazy: () => Promise.all(lazy.sizes) };
}

const findings = (page: Page) => page.getByTestId('finding-list').getByTestId('finding');
const finding = (page: Page, text: string | RegExp) => findings(page).filter({ hasText: text });
const selectedCell = (page: Page) => page.locator('[data-testid="preview"] td[aria-selected="true"]');

/** Wait until a locator has n elements. */
async function count(locator: Locator, n: number): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = -1;
  while (Date.now() < deadline) {
    last = await locator.count();
    if (last === n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected ${n} elements, found ${last}`);
}

/** Whether an element is inside the visible part of the preview's scrolling container and the window. */
async function inView(locator: Locator): Promise<boolean> {
  const p = await placeOnScreen(locator);
  return p.top >= p.seenTop - 1 && p.bottom <= p.seenBottom + 1;
}

test('seed 000: what the document is, the two title findings, select, filter, keyboard, axe', async () => {
  const { page, errors, checkMs, lazy } = await openChecked(seedFile('000'));
  const chunks = await lazy();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `"Kiểm tra" opened and seed 000 checked in ${checkMs} ms; scripts the page loaded: ` +
      `${chunks.map(([f, n]) => `${f} ${kb(n)}`).join(', ')} = ${kb(chunks.reduce((a, [, n]) => a + n, 0))} gzip`,
  );
  expect(chunks.some(([f]) => f.startsWith('check.'))).toBe(true);

  // What the document is, with the evidence.
  await page.getByTestId('document-kind').filter({ hasText: 'Báo cáo kết quả thực hiện kế hoạch' }).waitFor();
  await page.getByText('Theo tên trường «trường Tiểu học Yên Thế».').waitFor();
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('');
  expect(await page.getByLabel('Loại trường').locator('option').first().textContent()).toBe('Theo tài liệu: Tiểu học');
  expect(await page.getByLabel('Năm học').getAttribute('placeholder')).toBe('2021-2022');
  // Coverage: no plan in this report, so only within the report.
  const coverage = page.getByTestId('coverage');
  await coverage.getByText('Đã báo cáo 7/7 tiêu chí').waitFor();
  await coverage.getByText(/Chỉ tính các tiêu chí có trong báo cáo/).waitFor();
  expect(await coverage.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');

  // The findings: Tiêu chuẩn 5 in preschool wording (Lỗi), Tiêu chuẩn 2 shortened (Gợi ý: it still names the right standard).
  await count(findings(page), 2);
  const group = page.getByTestId('finding-group').filter({ hasText: 'Tên tiêu chuẩn sai' });
  expect(await group.getByTestId('finding').count()).toBe(2);
  const std5 = finding(page, 'Tiêu chuẩn 5');
  const std2 = finding(page, 'Tiêu chuẩn 2');
  expect(await std5.getAttribute('data-severity')).toBe('error');
  expect(await std2.getAttribute('data-severity')).toBe('info');
  expect(await std5.textContent()).toContain('trường mầm non');
  await page.getByRole('button', { name: 'Lỗi (1)' }).waitFor();
  await page.getByRole('button', { name: 'Gợi ý (1)' }).waitFor();
  expect(await page.getByRole('button', { name: 'Cảnh báo (0)' }).isDisabled()).toBe(true);

  // Click: the cell is selected in the preview and scrolled into view.
  await page.getByTestId('preview').evaluate((el) => el.closest('section')?.scrollTo(0, 0));
  await std5.locator('[data-finding-main]').click();
  await count(selectedCell(page), 1);
  expect(await selectedCell(page).getAttribute('data-row')).toBe('13');
  expect(await selectedCell(page).textContent()).toContain('Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục');
  expect(await inView(selectedCell(page))).toBe(true);

  // Keyboard: Tab reaches the findings, Enter and Space select.
  await std2.locator('[data-finding-main]').focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="preview"] td[aria-selected="true"][data-row="8"]').waitFor();
  expect(await selectedCell(page).textContent()).toContain('Cán bộ quản lý, giáo viên, nhân viên');
  await std5.locator('[data-finding-main]').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="finding"]')?.textContent)).toContain(
    'Tiêu chuẩn 5',
  );
  await page.keyboard.press(' ');
  await page.locator('[data-testid="preview"] td[aria-selected="true"][data-row="13"]').waitFor();
  // Focus is visible: an outline on the focused finding.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');

  // The severity filter hides the suggestion and says so.
  await page.getByRole('button', { name: 'Gợi ý (1)' }).click();
  await count(findings(page), 1);
  await page.getByText('1 mục đang ẩn theo bộ lọc.').waitFor();
  expect(await page.getByRole('button', { name: 'Gợi ý (1)' }).getAttribute('aria-pressed')).toBe('false');
  await page.getByRole('button', { name: 'Gợi ý (1)' }).click();
  await count(findings(page), 2);

  // Another school type by hand: the check follows (criteria 2.4 and 5.5 do not exist in a preschool).
  await page.getByLabel('Loại trường').selectOption('mam-non');
  await page.getByText('Do người dùng chọn.').waitFor();
  await page.getByTestId('finding-group').filter({ hasText: 'Tiêu chí không có trong bộ tiêu chí' }).waitFor();
  await count(finding(page, 'cho trường mầm non'), 2);
  await page.getByLabel('Loại trường').selectOption('');
  await count(findings(page), 2);
  await page.getByText('Theo tên trường «trường Tiểu học Yên Thế».').waitFor();

  expect(await axeProblems(page, '[data-testid="check-panel"]')).toEqual([]);
  expect(errors).toEqual([]);
});

test('seed 000: "Bỏ qua" is kept in the saved .docx; "Ghi tên đúng" writes the official title', async () => {
  const { page, errors } = await openChecked(seedFile('000'));
  await count(findings(page), 2);

  // Ignore the warning: it leaves the list, focus stays in the list, the store goes into the file.
  await finding(page, 'Tiêu chuẩn 2').getByRole('button', { name: 'Bỏ qua', exact: true }).click();
  await count(findings(page), 1);
  await page.getByTestId('check-notice').filter({ hasText: 'Đã bỏ qua mục này' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="finding"]')?.textContent)).toContain(
    'Tiêu chuẩn 5',
  );
  await page.getByRole('button', { name: 'Gợi ý (0)' }).waitFor();
  const first = await saveDocx(page);

  // Reopen the saved file: still ignored after a new check.
  await page.getByTestId('open-file').setInputFiles({ name: first.name, mimeType: DOCX_MIME, buffer: Buffer.from(first.bytes) });
  await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
  await count(findings(page), 1);
  await page.getByRole('button', { name: 'Đã bỏ qua (1)' }).click();
  await page.getByTestId('ignored').filter({ hasText: 'Tiêu chuẩn 2' }).waitFor();

  // Restore it, and ignore it again.
  await page.getByTestId('ignored').getByRole('button', { name: 'Khôi phục' }).click();
  await count(findings(page), 2);
  await finding(page, 'Tiêu chuẩn 2').getByRole('button', { name: 'Bỏ qua', exact: true }).click();
  await count(findings(page), 1);

  // The fix: the error is gone after the re-check.
  await finding(page, 'Tiêu chuẩn 5').getByRole('button', { name: 'Ghi tên đúng', exact: true }).click();
  await page.getByTestId('check-notice').filter({ hasText: 'Đã ghi tên đúng của Tiêu chuẩn 5.' }).waitFor();
  await count(findings(page), 0);
  await page.getByText('Không thấy lỗi nào').waitFor();
  await page.getByTestId('preview').getByText('Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục').waitFor();

  // The downloaded .docx has the official title, and keeps the ignored warning.
  const { bytes } = await saveDocx(page);
  const doc = DocxDocument.open(bytes, parseXml);
  const store = await doc.loadStore();
  const r = checkDocument(await doc.read(), { ignored: store.ignoredFindings as string[] });
  expect(r.findings).toEqual([]);
  expect(r.ignored.map((f) => f.rule)).toEqual(['standard-title-mismatch']);
  const std5 = r.tables[0].entries.find((e) => e.kind === 'standard' && e.standard === 5);
  expect(std5).toMatchObject({ title: 'Hoạt động giáo dục và kết quả giáo dục' });
  expect(errors).toEqual([]);
});

test('seed 004: the two missing headings, fixed with "Ghi tiêu đề"', async () => {
  const { page, errors } = await openChecked(seedFile('004'));
  await count(findings(page), 2);
  const group = page.getByTestId('finding-group').filter({ hasText: 'Cột chưa có tiêu đề' });
  expect(await group.getByTestId('finding').count()).toBe(2);
  const notStarted = finding(page, 'Những công việc chưa triển khai');
  expect(await notStarted.getAttribute('data-severity')).toBe('error');
  expect(await finding(page, '«TT»').getAttribute('data-severity')).toBe('warning');

  // The empty heading cell is the one selected.
  await notStarted.locator('[data-finding-main]').click();
  await count(selectedCell(page), 1);
  expect(await selectedCell(page).getAttribute('data-row')).toBe('1');
  expect(await selectedCell(page).getAttribute('data-col')).toBe('6');
  expect((await selectedCell(page).textContent())?.trim()).toBe('');

  await notStarted.getByRole('button', { name: 'Ghi tiêu đề', exact: true }).click();
  await count(findings(page), 1);
  await finding(page, '«TT»').getByRole('button', { name: 'Ghi tiêu đề', exact: true }).click();
  await count(findings(page), 0);
  await page.getByText('Không thấy lỗi nào').waitFor();

  const { bytes } = await saveDocx(page);
  const r = checkDocument(await DocxDocument.open(bytes, parseXml).read());
  expect(r.findings.filter((f) => f.rule === 'missing-heading')).toEqual([]);
  const heads = (await DocxDocument.open(bytes, parseXml).read()).tables[0].rows[1].cells.map((c) => c.text);
  expect(heads).toContain('Những công việc chưa triển khai (nêu rõ lý do)');
  expect(errors).toEqual([]);
});

test('a plan from another file: "Chọn tệp kế hoạch…" compares the report with it', async () => {
  const { page } = await openChecked(seedFile('000'));
  await page.getByTestId('plan-file').setInputFiles(seedFile('003'));
  await page.getByTestId('check-notice').filter({ hasText: 'Đang đối chiếu với kế hoạch' }).waitFor();
  const coverage = page.getByTestId('coverage');
  await coverage.getByText(/So với kế hoạch «003_/).waitFor();
  await coverage.getByText(/^Chưa báo cáo: /).waitFor();
  await page.getByTestId('finding-group').filter({ hasText: 'Có trong kế hoạch, không có trong báo cáo' }).waitFor();
  // A file without a plan table is refused in Vietnamese; the plan in use stays.
  await page.getByTestId('plan-file').setInputFiles(seedFile('004'));
  await page.getByTestId('check-notice').filter({ hasText: 'Không tìm thấy bảng kế hoạch' }).waitFor();
  await coverage.getByText(/So với kế hoạch «003_/).waitFor();
  await page.getByRole('button', { name: 'Dùng kế hoạch trong tài liệu' }).click();
  await coverage.getByText(/Chỉ tính các tiêu chí có trong báo cáo/).waitFor();

  // Opening another file in the standalone page checks it again by itself, with its own plan.
  await page.getByTestId('plan-file').setInputFiles(seedFile('003'));
  await coverage.getByText(/So với kế hoạch «003_/).waitFor();
  await page.getByTestId('open-file').setInputFiles(seedFile('004'));
  await page.getByTestId('finding-group').filter({ hasText: 'Cột chưa có tiêu đề' }).waitFor();
  await coverage.getByText('Đã báo cáo 3/3 tiêu chí').waitFor();
  await coverage.getByText(/Chỉ tính các tiêu chí có trong báo cáo/).waitFor();
});

test('a saved plan template: one kept in the document and one picked as a .json file are both compared with', async () => {
  // Seed 000 with a template of seed 003's plan kept in its store («Lưu làm mẫu» in the year tab).
  const [planTable] = recogniseTables(await DocxDocument.open(new Uint8Array(readFileSync(seedPath('003'))), parseXml).read());
  const template = templateFromTable(planTable, { name: 'Mẫu KHCT Thanh Chấn', schoolType: 'tieu-hoc', schoolYear: '2021-2022' });
  const doc = DocxDocument.open(new Uint8Array(readFileSync(seedPath('000'))), parseXml, 'bao-cao.docx');
  await doc.saveStore({ version: 1, templates: [template] });
  const { page } = await openChecked({ name: 'bao-cao.docx', mimeType: DOCX_MIME, buffer: Buffer.from(doc.toBytes()) });
  const coverage = page.getByTestId('coverage');
  await coverage.getByText(/Chỉ tính các tiêu chí có trong báo cáo/).waitFor();
  await page.getByTestId('plan-template').selectOption('Mẫu KHCT Thanh Chấn');
  await coverage.getByText(/So với kế hoạch «Mẫu KHCT Thanh Chấn»/).waitFor();
  const group = page.getByTestId('finding-group').filter({ hasText: 'Có trong kế hoạch, không có trong báo cáo' });
  await group.waitFor();
  expect(await group.getByTestId('finding').first().textContent()).toContain('«Mẫu KHCT Thanh Chấn»');
  // The same template as a file picked with «Chọn tệp kế hoạch…».
  await page.getByRole('button', { name: 'Dùng kế hoạch trong tài liệu' }).click();
  await page
    .getByTestId('plan-file')
    .setInputFiles({ name: 'mau.json', mimeType: 'application/json', buffer: Buffer.from(serializeTemplate(template)) });
  await coverage.getByText(/So với kế hoạch «Mẫu KHCT Thanh Chấn»/).waitFor();
});

test('"Kiểm tra tệp khác": three files, one broken, a summary row each and findings on expand', async () => {
  const { page, errors } = await openChecked(seedFile('002'));
  // A zip without the main document part, built here.
  const broken = zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>') });
  await page
    .getByTestId('review-files')
    .setInputFiles([
      seedFile('000'),
      { name: 'báo cáo hỏng.docx', mimeType: DOCX_MIME, buffer: Buffer.from(broken) },
      seedFile('004'),
    ]);
  await page
    .getByTestId('review-summary')
    .filter({ hasText: '3 tệp: 2 đã kiểm tra (2 lỗi, 1 cảnh báo, 1 gợi ý), 1 không đọc được.' })
    .waitFor();
  const rows = page.getByTestId('review-row');
  expect(await rows.count()).toBe(3);
  const fields = await rows.evaluateAll((trs) =>
    trs.map((tr) =>
      Object.fromEntries(
        [...tr.querySelectorAll('[data-field]')].map((e) => [e.getAttribute('data-field'), e.textContent?.trim()]),
      ),
    ),
  );
  const counts000 = { error: '1', warning: '0', info: '1' };
  const report = 'Báo cáo';
  expect(fields[0]).toEqual({
    name: seedFile('000').name,
    kind: report,
    school: 'trường Tiểu học Yên Thế',
    'school-type': 'Tiểu học',
    year: '2021-2022',
    ...counts000,
  });
  expect(fields[1]).toEqual({ name: 'báo cáo hỏng.docx' });
  expect(await rows.nth(1).getByTestId('review-unreadable').textContent()).toMatch(
    /^Không đọc được: Tệp \.docx thiếu phần nội dung chính \(word\/document\.xml\)/,
  );
  expect(fields[2]).toEqual({
    name: seedFile('004').name,
    kind: report,
    school: 'trường Mầm non 2',
    'school-type': 'Mầm non',
    year: '2023-2024',
    error: '1',
    warning: '1',
    info: '0',
  });
  expect(await page.getByTestId('review-unreadable').count()).toBe(1);

  // Expand the first file: its findings, read-only.
  const expand = page.getByRole('button', { name: seedFile('000').name });
  await expand.click();
  expect(await expand.getAttribute('aria-expanded')).toBe('true');
  const details = page.getByTestId('review-table').getByTestId('finding');
  await count(details, 2);
  expect(await page.getByTestId('review-table').getByRole('button', { name: 'Bỏ qua', exact: true }).count()).toBe(0);
  expect(await axeProblems(page, '[data-testid="check-panel"]')).toEqual([]);
  expect(errors).toEqual([]);
});

test('"Kiểm tra tệp khác" with the browser XML parser: every kind of bad file gets its reason, the run goes on', async () => {
  const { page, errors } = await openChecked(seedFile('002'));
  const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  const RELS =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const docx = (xml: string) =>
    Buffer.from(zipSync({ '[Content_Types].xml': strToU8(CT), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(xml) }));
  const cfb = (utf16 = '') => {
    const b = Buffer.alloc(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...utf16].forEach((ch, i) => (b[600 + 2 * i] = ch.charCodeAt(0)));
    return b;
  };
  const bad: [string, Buffer, RegExp][] = [
    ['rỗng.docx', Buffer.alloc(0), /^Tệp rỗng/],
    ['không phải zip.docx', Buffer.from('xin chào'), /^Tệp không phải \.docx/],
    ['cũ.doc', cfb(), /^Đây là tệp Word cũ \(\.doc\)/],
    ['mật khẩu.docx', cfb('EncryptedPackage'), /^Tệp được đặt mật khẩu/],
    ['thiếu phần chính.docx', Buffer.from(zipSync({ '[Content_Types].xml': strToU8(CT) })), /thiếu phần nội dung chính/],
    [
      'bom nén.docx',
      Buffer.from(
        zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': new Uint8Array(3 * 1024 * 1024) }, { level: 9 }),
      ),
      /bom nén/,
    ],
    ['dtd.docx', docx(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><w:document ${W}><w:body/></w:document>`), /DTD/],
    ['xml hỏng.docx', docx(`<w:document ${W}><w:body>`), /^Phần word\/document\.xml của tệp bị hỏng\. XML không hợp lệ/],
  ];
  await page
    .getByTestId('review-files')
    .setInputFiles([...bad.map(([name, buffer]) => ({ name, mimeType: DOCX_MIME, buffer })), seedFile('004')]);
  await page.getByTestId('review-summary').filter({ hasText: '9 tệp: 1 đã kiểm tra' }).waitFor();
  const reasons = await page.getByTestId('review-unreadable').allTextContents();
  expect(reasons).toHaveLength(bad.length);
  bad.forEach(([, , re], i) => expect(reasons[i].replace(/^Không đọc được: /, '')).toMatch(re));
  expect(await page.getByTestId('review-row').last().getAttribute('data-ok')).toBe('true');
  expect(errors).toEqual([]);
});
