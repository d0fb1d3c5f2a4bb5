/**
 * The "Kiểm tra" tab inside "Word", in Chromium: a stand-in for office.js (Word.run with a counting
 * context.sync, body.getOoxml, body.tables, getCell(…).body.getRange().select(), customXmlParts) is
 * installed before the page runs, holding seed 000. The check costs one sync, selecting a finding two;
 * "Bỏ qua" goes to the document's custom XML part; other files are checked without the standalone code.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DocxPackage } from '../../src/docx/package';
import { seedPath } from '../helpers';
import { startHarness, type PaneHarness } from './browser';
import { installStandInWord, standIn, type StandInWord } from './stand-in-word';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

test('in Word: the check is one sync, a finding selects its cell in two, "Bỏ qua" goes to the document', async () => {
  const pkg = DocxPackage.open(new Uint8Array(readFileSync(seedPath('000'))));
  const ooxml = pkg.text(pkg.mainPath)!;
  const s = await harness.open({
    width: 360,
    height: 900,
    init: installStandInWord,
    initArg: { ooxml, url: 'C:\\Phong GD\\Báo cáo Yên Thế.docx' },
  });
  const { page } = s;
  await page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 5000 });
  await page.getByTestId('tab-check').click();
  await page.getByTestId('checked-at').waitFor({ timeout: 10000 });
  expect((await standIn(page)).syncs).toBe(1);
  await page.getByRole('heading', { name: 'Báo cáo Yên Thế.docx' }).waitFor();

  const findings = page.getByTestId('finding-list').getByTestId('finding');
  expect(await findings.count()).toBe(2);
  await findings.filter({ hasText: 'Tiêu chuẩn 5' }).locator('[data-finding-main]').click();
  await page.waitForFunction(() => (window as unknown as { __standIn: StandInWord }).__standIn.selected.length === 1);
  let rec = await standIn(page);
  expect(rec.selected).toEqual([{ table: 0, row: 13, cell: 1 }]);
  expect(rec.syncs).toBe(3);

  await findings.filter({ hasText: 'Tiêu chuẩn 2' }).getByRole('button', { name: 'Bỏ qua', exact: true }).click();
  await page.getByTestId('check-notice').filter({ hasText: 'Đã bỏ qua mục này' }).waitFor();
  rec = await standIn(page);
  expect(Object.values(rec.parts).join('')).toContain('ignoredFindings');
  expect(rec.syncs).toBe(3);
  await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
  await page.waitForFunction(() => (window as unknown as { __standIn: StandInWord }).__standIn.syncs === 4);
  await page.getByRole('button', { name: 'Đã bỏ qua (1)' }).waitFor();
  expect(await findings.count()).toBe(1);

  // Other files, with the zip code loaded on demand (no standalone chunk in Word).
  await page
    .getByTestId('review-files')
    .setInputFiles([
      { name: basename(seedPath('004')), mimeType: 'application/octet-stream', buffer: readFileSync(seedPath('004')) },
    ]);
  await page.getByTestId('review-summary').filter({ hasText: '1 tệp: 1 đã kiểm tra (1 lỗi, 1 cảnh báo, 0 gợi ý).' }).waitFor();
  expect(s.errors).toEqual([]);
  expect(s.outside).toEqual([]);
});
