/**
 * The "Kiểm tra" tab inside "Word", in Chromium: a stand-in for office.js (Word.run with a counting
 * context.sync, body.getOoxml, body.tables, getCell(…).body.getRange().select(), customXmlParts) is
 * installed before the page runs, holding seed 000. The check costs one sync, selecting a finding two;
 * "Bỏ qua" goes to the document's custom XML part; other files are checked without the standalone code.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { DocxPackage } from '../../src/docx/package';
import { seedPath } from '../helpers';
import { startHarness, type PaneHarness } from './browser';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

interface Recorder {
  syncs: number;
  selected: { table: number; row: number; cell?: number }[];
  parts: Record<string, string>;
}

/** Runs in the page before its scripts: a Word with one document (its w:document XML) and no edits. */
function installFakeWord(documentXml: string): void {
  const rec: Recorder = { syncs: 0, selected: [], parts: {} };
  const w = window as unknown as Record<string, unknown>;
  w.__fakeWord = rec;
  const ok = <T>(value: T) => ({ status: 'succeeded', value });
  const later = (fn: () => void) => setTimeout(fn, 0);
  let nextPart = 1;
  const part = (id: string) => ({
    id,
    getXmlAsync: (cb: (r: unknown) => void) => later(() => cb(ok(rec.parts[id]))),
    deleteAsync: (cb: (r: unknown) => void) =>
      later(() => {
        delete rec.parts[id];
        cb(ok(undefined));
      }),
  });
  // Top-level tables of the document, with their nesting level (seed 000 has no nested tables).
  const tableCount = (documentXml.match(/<w:tbl>/g) ?? []).length;
  w.Office = {
    onReady: () => Promise.resolve({ host: 'Word', platform: 'PC' }),
    context: {
      document: {
        url: 'C:\\Phong GD\\Báo cáo Yên Thế.docx',
        mode: 'readWrite',
        customXmlParts: {
          getByNamespaceAsync: (ns: string, cb: (r: unknown) => void) =>
            later(() =>
              cb(
                ok(
                  Object.keys(rec.parts)
                    .filter((id) => rec.parts[id].includes(ns))
                    .map(part),
                ),
              ),
            ),
          addAsync: (xml: string, cb: (r: unknown) => void) =>
            later(() => {
              const id = `{part-${nextPart++}}`;
              rec.parts[id] = xml;
              cb(ok(part(id)));
            }),
        },
      },
      requirements: {
        isSetSupported: (name: string, v: string) => name === 'WordApi' && ['1.1', '1.2', '1.3'].includes(v),
      },
    },
  };
  w.Word = {
    run: (batch: (context: unknown) => Promise<unknown>) => {
      const queue: (() => void)[] = [];
      const table = (index: number) => ({
        nestingLevel: 1,
        getCell: (row: number, cell: number) => ({
          body: { getRange: () => ({ select: () => queue.push(() => rec.selected.push({ table: index, row, cell })) }) },
          parentRow: { select: () => queue.push(() => rec.selected.push({ table: index, row })) },
        }),
      });
      const tables = { items: [] as unknown[], load: () => tables };
      const context = {
        document: {
          body: {
            getOoxml: () => {
              const result = { value: '' };
              queue.push(() => (result.value = documentXml));
              return result;
            },
            tables,
          },
        },
        sync: async () => {
          rec.syncs++;
          tables.items = Array.from({ length: tableCount }, (_, i) => table(i));
          for (const fn of queue.splice(0)) fn();
        },
      };
      return batch(context);
    },
  };
}

const recorder = (page: Page) => page.evaluate(() => (window as unknown as { __fakeWord: Recorder }).__fakeWord);

test('in Word: the check is one sync, a finding selects its cell in two, "Bỏ qua" goes to the document', async () => {
  const pkg = DocxPackage.open(new Uint8Array(readFileSync(seedPath('000'))));
  const xml = pkg.text(pkg.mainPath)!;
  const s = await harness.open({ width: 360, height: 900, init: installFakeWord, initArg: xml });
  const { page } = s;
  await page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 5000 });
  await page.getByTestId('tab-check').click();
  await page.getByTestId('checked-at').waitFor({ timeout: 10000 });
  expect((await recorder(page)).syncs).toBe(1);
  await page.getByRole('heading', { name: 'Báo cáo Yên Thế.docx' }).waitFor();

  const findings = page.getByTestId('finding-list').getByTestId('finding');
  expect(await findings.count()).toBe(2);
  await findings.filter({ hasText: 'Tiêu chuẩn 5' }).locator('[data-finding-main]').click();
  await page.waitForFunction(() => (window as unknown as { __fakeWord: Recorder }).__fakeWord.selected.length === 1);
  let rec = await recorder(page);
  expect(rec.selected).toEqual([{ table: 0, row: 13, cell: 1 }]);
  expect(rec.syncs).toBe(3);

  await findings.filter({ hasText: 'Tiêu chuẩn 2' }).getByRole('button', { name: 'Bỏ qua', exact: true }).click();
  await page.getByTestId('check-notice').filter({ hasText: 'Đã bỏ qua mục này' }).waitFor();
  rec = await recorder(page);
  expect(Object.values(rec.parts).join('')).toContain('ignoredFindings');
  expect(rec.syncs).toBe(3);
  await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
  await page.waitForFunction(() => (window as unknown as { __fakeWord: Recorder }).__fakeWord.syncs === 4);
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
