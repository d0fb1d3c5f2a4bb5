/**
 * The pane inside "Word", in Chromium: a stand-in for the Office and Word globals (what office.js gives
 * a task pane) is installed before the page runs, so host detection, the gateway and the pane are
 * exercised together without Office. Also an accessibility scan of the first screen with axe-core.
 */
import type { Page } from 'playwright-core';
import { readDocument } from '../../src/domain/ooxml/reader';
import { parseXml } from '../../src/docx/xml-node';
import { startHarness, type PaneHarness, axeProblems } from './browser';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

interface FakeWord {
  inserted: [string, string][];
}

/** Runs in the page before its scripts: Office.onReady says Word; Word.run records insertOoxml. */
function installFakeOffice(wordApi13: boolean): void {
  const rec: FakeWord = { inserted: [] };
  const w = window as unknown as Record<string, unknown>;
  w.__fakeWord = rec;
  w.Office = {
    onReady: () => Promise.resolve({ host: 'Word', platform: 'PC' }),
    context: {
      document: { url: 'C:\\Truong\\Kế hoạch 2025-2026.docx', mode: 'readWrite' },
      requirements: {
        isSetSupported: (name: string, v: string) =>
          name === 'WordApi' && (v === '1.1' || v === '1.2' || (wordApi13 && v === '1.3')),
      },
    },
  };
  w.Word = {
    run: (batch: (context: unknown) => Promise<unknown>) =>
      batch({
        document: {
          getSelection: () => ({ insertOoxml: (xml: string, where: string) => void rec.inserted.push([xml, where]) }),
        },
        sync: () => Promise.resolve(),
      }),
  };
}

async function openInWord(wordApi13: boolean): Promise<Page> {
  const s = await harness.open({ width: 360, height: 900, init: installFakeOffice, initArg: wordApi13 });
  await s.page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await s.page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 5000 });
  return s.page;
}

test('inside Word: no file toolbar or preview; "Chèn bảng" sends one insertOoxml at the selection', async () => {
  const page = await openInWord(true);
  expect(await page.getByRole('button', { name: 'Mở tệp .docx' }).count()).toBe(0);
  expect(await page.getByTestId('preview').count()).toBe(0);
  await page.getByLabel('Năm học').fill('2025-2026');
  await page.getByLabel('Mẫu bảng').selectOption('report-2018');
  await page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await page.getByTestId('insert-result').filter({ hasText: 'vị trí con trỏ trong Word' }).waitFor();
  const rec = (await page.evaluate(() => (window as unknown as { __fakeWord: FakeWord }).__fakeWord)) as FakeWord;
  expect(rec.inserted).toHaveLength(1);
  const [ooxml, where] = rec.inserted[0];
  expect(where).toBe('Replace');
  const model = readDocument(parseXml(ooxml));
  expect(model.tables[0].tag).toMatch(/^ctcl:report-2018:/);
  expect(model.tables[0].rows[0].cells.map((c) => c.text)).toContain(
    'ND Kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026',
  );
});

test('a Word without WordApi 1.3 gets a Vietnamese explanation instead of the button', async () => {
  const page = await openInWord(false);
  await page.getByText('Không chèn được bảng ở đây.').waitFor();
  await page.getByText(/WordApi 1\.3/).waitFor();
  expect(await page.getByRole('button', { name: 'Chèn bảng', exact: true }).count()).toBe(0);
});

test('the first screen and the criteria list have no serious accessibility problems (axe-core)', async () => {
  const s = await harness.open();
  await s.page.goto(harness.url);
  await s.page.getByTestId('preview').waitFor();
  await s.page.getByRole('radio', { name: 'Các tiêu chí tôi chọn' }).check();
  const scan = () => axeProblems(s.page);
  expect(await scan()).toEqual([]);
  // And with a table in the preview, a cell selected.
  await s.page.getByRole('checkbox', { name: /^1\.1 / }).check();
  await s.page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await s.page.getByTestId('insert-result').waitFor();
  await s.page.locator('[data-testid="preview"] td', { hasText: /^Tiêu chí 1\.1/ }).click();
  expect(await scan()).toEqual([]);
});
