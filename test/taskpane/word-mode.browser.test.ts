/**
 * The pane inside "Word", in Chromium: a stand-in for the Office and Word globals (what office.js gives
 * a task pane) is installed before the page runs, so host detection, the gateway and the pane are
 * exercised together without Office. Also an accessibility scan of the first screen with axe-core.
 */
import type { Page } from 'playwright-core';
import { readDocument } from '../../src/domain/ooxml/reader';
import { parseXml } from '../../src/xml/node';
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
  opened: string[];
}

interface FakeOfficeOptions {
  readonly wordApi13: boolean;
  /** Office.onReady answers only when the test calls window.__answerWord() (a slow first connection). */
  readonly late?: boolean;
}

/** Runs in the page before its scripts: Office.onReady says Word; Word.run records insertOoxml. */
function installFakeOffice({ wordApi13, late }: FakeOfficeOptions): void {
  const rec: FakeWord = { inserted: [], opened: [] };
  const w = window as unknown as Record<string, unknown>;
  w.__fakeWord = rec;
  // Volume-licensed Word 2016 has no OpenBrowserWindowApi: the pane falls back to window.open.
  w.open = (url: string) => {
    rec.opened.push(url);
    return {};
  };
  let answer: (r: unknown) => void = () => undefined;
  const ready = new Promise((resolve) => (answer = resolve));
  w.__answerWord = () => answer({ host: 'Word', platform: 'PC' });
  if (!late) answer({ host: 'Word', platform: 'PC' });
  w.Office = {
    onReady: () => ready,
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
          // The document has text: a table goes at the cursor, with no title block.
          body: {
            text: 'Kế hoạch cải tiến chất lượng',
            load() {
              return this;
            },
          },
          getSelection: () => {
            // The cursor is in body text: no table, content control or other story around it.
            const none = () => {
              const o = { isNullObject: true, load: () => o };
              return o;
            };
            const body = { type: 'MainDoc', parentBodyOrNullObject: none(), load: () => body };
            return {
              parentBody: body,
              parentTableOrNullObject: none(),
              parentContentControlOrNullObject: none(),
              insertOoxml: (xml: string, where: string) => void rec.inserted.push([xml, where]),
            };
          },
        },
        sync: () => Promise.resolve(),
      }),
  };
}

async function openInWord(wordApi13: boolean): Promise<Page> {
  const s = await harness.open({ width: 360, height: 900, init: installFakeOffice, initArg: { wordApi13 } });
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
  await page.getByText(/chưa có WordApi 1\.3 — xem hướng dẫn ở đầu khung/).waitFor();
  await page
    .getByTestId('old-word')
    .getByText(/WordApi 1\.3/)
    .waitFor();
  expect(await page.getByRole('button', { name: 'Chèn bảng', exact: true }).count()).toBe(0);
});

test('a slow first connection: «Đang kết nối với Word…» for 15 s, then standalone, then Word mode when onReady arrives late', async () => {
  const s = await harness.open({ width: 360, height: 900, init: installFakeOffice, initArg: { wordApi13: true, late: true } });
  await s.page.clock.install();
  await s.page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await s.page.getByText('Đang kết nối với Word…').waitFor();
  // Still waiting after the old 3 s limit.
  await s.page.clock.runFor(5000);
  expect(await s.page.getByText('Đang kết nối với Word…').count()).toBe(1);
  // A start that takes a while shows a spinner with it (a quick one does not: App.tsx, Starting).
  expect(await s.page.locator('.fui-Spinner').filter({ hasText: 'Đang kết nối với Word…' }).count()).toBe(1);
  expect(await s.page.getByTestId('mode').count()).toBe(0);
  await s.page.clock.runFor(10500);
  await s.page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor();
  await s.page.getByText(/Word chưa phản hồi/).waitFor();
  // Word answers at last: the pane switches to the document in Word (nothing was opened meanwhile).
  await s.page.evaluate(() => (window as unknown as { __answerWord: () => void }).__answerWord());
  await s.page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor();
  expect(await s.page.getByRole('button', { name: 'Mở tệp .docx' }).count()).toBe(0);
  await s.page.getByLabel('Năm học').fill('2025-2026');
  await s.page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await s.page.getByTestId('insert-result').filter({ hasText: 'vị trí con trỏ trong Word' }).waitFor();
  const rec = (await s.page.evaluate(() => (window as unknown as { __fakeWord: FakeWord }).__fakeWord)) as FakeWord;
  expect(rec.inserted).toHaveLength(1);
});

/**
 * The pane in "Word" where the office.js CDN does not answer (an intranet without internet, a CDN outage):
 * nothing is pre-installed; the harness refuses every address outside the local server, so the CDN's
 * office.js fails and the pane asks its own server for office-js/office.js. That request is answered
 * with the stand-in Office (the real office.js needs a real Word; bundle.test.ts checks that the build
 * serves Microsoft's file at that address), or refused too when `localCopy` is false.
 */
async function openWithCdnBlocked(localCopy: boolean) {
  const s = await harness.open({ width: 360, height: 900 });
  const local: string[] = [];
  await s.page.route('**/office-js/office.js', (route) => {
    local.push(route.request().url());
    return localCopy
      ? route.fulfill({
          contentType: 'text/javascript',
          body: `(${installFakeOffice.toString()})(${JSON.stringify({ wordApi13: true })});`,
        })
      : route.abort('connectionrefused');
  });
  await s.page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  return { ...s, local };
}

test("the office.js CDN blocked: the pane starts in Word from the add-in's own copy, and says so", async () => {
  const s = await openWithCdnBlocked(true);
  await s.page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 10000 });
  // The CDN was asked first (and refused), then our own server, under the pane's address.
  expect(s.outside).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  expect(s.local).toEqual([new URL('office-js/office.js', harness.url).href]);
  await s.page
    .getByTestId('office-js-note')
    .filter({ hasText: 'Không tải được thư viện Office (office.js) từ mạng của Microsoft' })
    .waitFor();
  // Only the refused CDN request is an error: the local copy broke no CSP rule.
  expect(s.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  await s.page.getByLabel('Năm học').fill('2025-2026');
  await s.page.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
  await s.page.getByTestId('insert-result').filter({ hasText: 'vị trí con trỏ trong Word' }).waitFor();
});

test('both the CDN and the local copy blocked: standalone, with the message it always gave', async () => {
  const s = await openWithCdnBlocked(false);
  await s.page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 10000 });
  await s.page.getByText(/Không tải được thư viện Office \(office\.js\), có thể do mất mạng/).waitFor();
  expect(s.outside).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  expect(s.local).toHaveLength(1);
  expect(await s.page.getByTestId('office-js-note').count()).toBe(0);
});

test('an old Word (WordApi 1.1 only) shows the standalone address and opens it in the browser', async () => {
  const page = await openInWord(false);
  const notice = page.getByTestId('old-word');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('Word 2016 bản cấp phép theo số lượng');
  // The address without Office's query string.
  expect(await page.getByTestId('standalone-url').textContent()).toBe(harness.url.replace(/[?#].*$/, ''));
  await notice.getByRole('button', { name: 'Mở trong trình duyệt' }).click();
  const rec = (await page.evaluate(() => (window as unknown as { __fakeWord: FakeWord }).__fakeWord)) as FakeWord;
  expect(rec.opened).toEqual([harness.url.replace(/[?#].*$/, '')]);
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
  // This school year's default form is the TT57 plan: the whole Biểu 2 (1.1 in mục IV and in mục V).
  await s.page.getByRole('button', { name: /^Chèn (bảng|Biểu 2)$/ }).click();
  await s.page.getByTestId('insert-result').waitFor();
  await s.page
    .locator('[data-testid="preview"] td', { hasText: /^Tiêu chí 1\.1/ })
    .first()
    .click();
  expect(await scan()).toEqual([]);
});
