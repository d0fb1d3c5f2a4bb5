import { parseXml } from '../../src/xml/node';
import {
  checkRequirements,
  detectHost,
  hasOfficeHint,
  OFFICE_JS_LOCAL_URL,
  OFFICE_JS_URL,
  openInBrowser,
  READY_TIMEOUT_MS,
  REQUIREMENTS_MESSAGE,
  SCRIPT_TIMEOUT_MS,
  standaloneAddress,
  type HostWindow,
  type OfficeLike,
} from '../../src/word/host';

interface FakeScript {
  src: string;
  async?: boolean;
  onload: ((ev: unknown) => unknown) | null;
  onerror: ((ev: unknown) => unknown) | null;
  removed?: boolean;
  remove(): void;
}

/** A browser-like window: no Office, not framed, a document that records injected scripts. */
function browserWindow(extra: Partial<Record<keyof HostWindow, unknown>> = {}) {
  const scripts: FakeScript[] = [];
  const win: Record<string, unknown> = {
    location: { href: 'https://localhost:3000/taskpane.html' },
    name: '',
    document: {
      createElement: (tag: string) => {
        if (tag !== 'script') throw new Error(tag);
        const script: FakeScript = {
          src: '',
          onload: null,
          onerror: null,
          remove: () => {
            script.removed = true;
          },
        };
        return script;
      },
      head: {
        appendChild: (s: FakeScript) => {
          scripts.push(s);
          return s;
        },
      },
    },
    ...extra,
  };
  win.self = win;
  win.top = 'top' in extra ? extra.top : win;
  win.parent = 'parent' in extra ? extra.parent : win;
  return { win: win as HostWindow, scripts };
}

function officeFor(host: string | null, wordApi: string[] = ['1.1', '1.2', '1.3']): OfficeLike {
  return {
    onReady: () => Promise.resolve({ host, platform: host ? 'PC' : null }),
    context: {
      document: { url: 'C:\\Trường\\Kế hoạch.docx' },
      requirements: { isSetSupported: (name, v) => name === 'WordApi' && wordApi.includes(v ?? '1.1') },
    },
  };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('detectHost', () => {
  test('a plain browser starts standalone at once, without loading office.js', async () => {
    const { win, scripts } = browserWindow();
    // With the clock stopped, only an answer that needs no timer can arrive.
    const result = await detectHost({ window: win });
    expect(result).toMatchObject({ mode: 'standalone', reason: 'browser' });
    expect(result.mode === 'standalone' && result.message).toContain('ngoài Word');
    expect(scripts).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a hint, then neither the CDN nor the local copy of office.js loads: standalone, not a blank pane', async () => {
    const { win, scripts } = browserWindow({
      location: { href: 'https://localhost:3000/taskpane.html?_host_Info=Word$Win32$16.01$vi-VN$$$$0' },
    });
    const pending = detectHost({ window: win });
    expect(scripts).toHaveLength(1);
    expect(scripts[0].src).toBe(OFFICE_JS_URL);
    scripts[0].onerror?.({});
    await jest.advanceTimersByTimeAsync(0);
    // Then the copy served beside the pane (a relative address: the add-in's own server).
    expect(scripts.map((x) => x.src)).toEqual([OFFICE_JS_URL, OFFICE_JS_LOCAL_URL]);
    expect(scripts[0].removed).toBe(true);
    scripts[1].onerror?.({});
    await expect(pending).resolves.toMatchObject({ mode: 'standalone', reason: 'office-js-failed' });
    expect((await pending).mode === 'standalone' && (await pending).officeJs).toBeUndefined();
  });

  test('the CDN blocked: office.js from the local copy, Word mode, and the result says where it came from', async () => {
    const { win, scripts } = browserWindow({ top: {} });
    const pending = detectHost({ window: win });
    scripts[0].onerror?.({});
    await jest.advanceTimersByTimeAsync(0);
    expect(scripts[1].src).toBe('office-js/office.js');
    (win as { Office?: OfficeLike }).Office = officeFor('Word');
    scripts[1].onload?.({});
    const result = await pending;
    expect(result).toMatchObject({ mode: 'word', platform: 'PC', officeJs: 'local' });
  });

  test('the CDN answers: office.js from the CDN only', async () => {
    const { win, scripts } = browserWindow({ top: {} });
    const pending = detectHost({ window: win });
    (win as { Office?: OfficeLike }).Office = officeFor('Word');
    scripts[0].onload?.({});
    await expect(pending).resolves.toMatchObject({ mode: 'word', officeJs: 'cdn' });
    expect(scripts).toHaveLength(1);
    expect(scripts[0].removed).toBeUndefined();
  });

  test("a hint, office.js never arrives from either: the local copy after the CDN's time limit, standalone after both", async () => {
    const { win, scripts } = browserWindow({ name: '{"_host_Info":"Word|Win32|16.01|vi-VN"}' });
    const pending = detectHost({ window: win });
    let settled = false;
    void pending.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(SCRIPT_TIMEOUT_MS - 1);
    expect(scripts).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    // The CDN is given up (its element removed, so a late answer cannot load a second copy).
    expect(scripts.map((x) => x.src)).toEqual([OFFICE_JS_URL, OFFICE_JS_LOCAL_URL]);
    expect(scripts[0].removed).toBe(true);
    expect(scripts[0].onload).toBeNull();
    await jest.advanceTimersByTimeAsync(SCRIPT_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ mode: 'standalone', reason: 'office-js-failed' });
  });

  test('a hint, office.js loads but Office.onReady never answers: standalone after 15 s, not 3 s', async () => {
    const { win, scripts } = browserWindow({ top: {} });
    const waiting = jest.fn();
    const pending = detectHost({ window: win, onWaiting: waiting });
    expect(waiting).toHaveBeenCalledTimes(1);
    (win as { Office?: OfficeLike }).Office = { onReady: () => new Promise(() => undefined) };
    scripts[0].onload?.({});
    let settled = false;
    void pending.then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(READY_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ mode: 'standalone', reason: 'timeout' });
    // office.js gives its own host file 10 s; the pane waits longer than that.
    expect(READY_TIMEOUT_MS).toBeGreaterThanOrEqual(15000);
    expect(waiting).toHaveBeenCalledTimes(1);
  });

  test('Office.onReady answers after the wait (slow school network): the result still carries Word mode', async () => {
    let answer: (r: { host: unknown; platform?: unknown }) => void = () => undefined;
    const slow: OfficeLike = {
      ...officeFor('Word'),
      onReady: () => new Promise((resolve) => (answer = resolve)),
    };
    const { win } = browserWindow({ Office: slow });
    const waiting = jest.fn();
    const pending = detectHost({ window: win, onWaiting: waiting });
    expect(waiting).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(READY_TIMEOUT_MS);
    const result = await pending;
    if (result.mode !== 'standalone' || !result.late) throw new Error('expected standalone with a late answer');
    expect(result.message).toContain('chuyển sang tài liệu trong Word');
    let late: unknown;
    void result.late.then((w) => (late = w));
    await jest.advanceTimersByTimeAsync(20000);
    expect(late).toBeUndefined();
    answer({ host: 'Word', platform: 'PC' });
    await jest.advanceTimersByTimeAsync(0);
    expect(late).toMatchObject({ mode: 'word', platform: 'PC', requirements: { ok: true } });
  });

  test('a late answer from another application does not switch the pane', async () => {
    let answer: (r: { host: unknown }) => void = () => undefined;
    const { win } = browserWindow({ Office: { ...officeFor('Excel'), onReady: () => new Promise((r) => (answer = r)) } });
    const pending = detectHost({ window: win });
    await jest.advanceTimersByTimeAsync(READY_TIMEOUT_MS);
    const result = await pending;
    if (result.mode !== 'standalone' || !result.late) throw new Error('expected a late promise');
    let late: unknown;
    void result.late.then((w) => (late = w));
    answer({ host: 'Excel' });
    await jest.advanceTimersByTimeAsync(0);
    expect(late).toBeUndefined();
  });

  test('Office.onReady rejects: office.js failed, no late switch', async () => {
    const { win } = browserWindow({ Office: { ...officeFor('Word'), onReady: () => Promise.reject(new Error('x')) } });
    const result = await detectHost({ window: win });
    expect(result).toMatchObject({ mode: 'standalone', reason: 'office-js-failed' });
    expect(result.mode === 'standalone' && result.late).toBeFalsy();
  });

  test('office.js outside Office reports no host: standalone', async () => {
    const { win } = browserWindow({ Office: officeFor(null) });
    await expect(detectHost({ window: win })).resolves.toMatchObject({ mode: 'standalone', reason: 'browser' });
  });

  test('another Office application: standalone', async () => {
    const { win } = browserWindow({ Office: officeFor('Excel') });
    await expect(detectHost({ window: win })).resolves.toMatchObject({ mode: 'standalone', reason: 'not-word' });
  });

  test('inside Word: word mode, requirements met, a Word backend', async () => {
    const { win, scripts } = browserWindow({ Office: officeFor('Word', ['1.1', '1.2', '1.3', '1.4']) });
    const result = await detectHost({ window: win });
    expect(scripts).toHaveLength(0);
    if (result.mode !== 'word') throw new Error('expected word mode');
    expect(result.platform).toBe('PC');
    expect(result.requirements).toEqual({ ok: true, features: ['WordApi1.4'] });
    const backend = result.createBackend({ parse: parseXml });
    expect(backend.info()).toEqual({ kind: 'word', documentName: 'Kế hoạch.docx', features: ['WordApi1.4'] });
  });

  test('loaded after a hint: word mode once Office.onReady answers', async () => {
    const { win, scripts } = browserWindow({ webkit: { messageHandlers: {} } });
    const pending = detectHost({ window: win });
    (win as { Office?: OfficeLike }).Office = officeFor('Word');
    scripts[0].onload?.({});
    await expect(pending).resolves.toMatchObject({ mode: 'word', requirements: { ok: true } });
  });

  test('Word without WordApi 1.3: the Vietnamese message, not a blank pane', async () => {
    const { win } = browserWindow({ Office: officeFor('Word', ['1.1', '1.2']) });
    const result = await detectHost({ window: win });
    if (result.mode !== 'word') throw new Error('expected word mode');
    expect(result.requirements.ok).toBe(false);
    expect(result.requirements.message).toBe(REQUIREMENTS_MESSAGE);
  });
});

describe('checkRequirements', () => {
  test('WordApi 1.3 missing: a clear Vietnamese message', () => {
    const r = checkRequirements(officeFor('Word', ['1.1']));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Phiên bản Word này chưa có/);
    // The truth about Word 2016: the volume-licensed one has only WordApi 1.1.
    expect(r.message).toContain('Word 2016 bản cấp phép theo số lượng');
    expect(r.message).not.toContain('Word 2016 trở lên');
    expect(r.message).toContain('Word trên web');
    expect(r.message).toContain('trình duyệt');
  });

  test('no requirements API at all counts as missing', () => {
    const broken: OfficeLike = {
      onReady: () => Promise.resolve({ host: 'Word' }),
      context: {
        document: {},
        requirements: {
          isSetSupported: () => {
            throw new Error('not available');
          },
        },
      },
    };
    expect(checkRequirements(broken)).toMatchObject({ ok: false, message: REQUIREMENTS_MESSAGE });
  });

  test('WordApi 1.3 present', () => {
    expect(checkRequirements(officeFor('Word'))).toEqual({ ok: true, features: [] });
  });
});

describe('hasOfficeHint', () => {
  test('each sign of Office counts; a plain window has none', () => {
    expect(hasOfficeHint(browserWindow().win)).toBe(false);
    expect(hasOfficeHint(browserWindow({ location: { href: 'https://x/?_host_Info=Word' } }).win)).toBe(true);
    expect(hasOfficeHint(browserWindow({ name: '_host_Info=Word$Mac' }).win)).toBe(true);
    expect(hasOfficeHint(browserWindow({ top: {} }).win)).toBe(true);
    expect(hasOfficeHint(browserWindow({ external: { GetContext: () => undefined } }).win)).toBe(true);
    expect(hasOfficeHint(browserWindow({ chrome: { webview: {} } }).win)).toBe(true);
    expect(hasOfficeHint(browserWindow({ chrome: {} }).win)).toBe(false);
    expect(hasOfficeHint(browserWindow({ webkit: { messageHandlers: {} } }).win)).toBe(true);
    expect(
      hasOfficeHint(
        browserWindow({ sessionStorage: { getItem: (k: string) => (k === 'hostInfoValue' ? 'Word|Win32' : null) } }).win,
      ),
    ).toBe(true);
  });

  test('a cross-origin parent that throws on access is a frame', () => {
    const { win } = browserWindow();
    Object.defineProperty(win, 'top', {
      get() {
        throw new Error('SecurityError');
      },
    });
    expect(hasOfficeHint(win)).toBe(true);
  });
});

describe('the standalone page from an old Word', () => {
  test('standaloneAddress drops the query string Office adds', () => {
    expect(standaloneAddress('https://ctcl.truong.edu.vn/taskpane.html?_host_Info=Word$Win32$16.01$vi-VN$$$$0')).toBe(
      'https://ctcl.truong.edu.vn/taskpane.html',
    );
    expect(standaloneAddress('https://localhost:3000/taskpane.html#x')).toBe('https://localhost:3000/taskpane.html');
    expect(standaloneAddress('about:blank')).toBeUndefined();
    expect(standaloneAddress(undefined)).toBeUndefined();
  });

  test('openInBrowser uses Office.context.ui.openBrowserWindow where the set is there, else window.open', () => {
    const opened: string[] = [];
    const withApi = {
      Office: {
        context: {
          ui: { openBrowserWindow: (u: string) => opened.push(`office:${u}`) },
          requirements: { isSetSupported: (n: string) => n === 'OpenBrowserWindowApi' },
        },
      },
      open: (u: string) => opened.push(`window:${u}`),
    };
    expect(openInBrowser('https://a/taskpane.html', withApi)).toBe(true);
    // Volume-licensed Word 2016/2019: no OpenBrowserWindowApi, window.open instead.
    const without = {
      ...withApi,
      Office: { context: { ...withApi.Office.context, requirements: { isSetSupported: () => false } } },
    };
    expect(openInBrowser('https://b/taskpane.html', without)).toBe(true);
    expect(opened).toEqual(['office:https://a/taskpane.html', 'window:https://b/taskpane.html']);
    // A blocked pop-up: false, so the pane asks the user to copy the address.
    expect(openInBrowser('https://c/', { open: () => null })).toBe(false);
  });
});
