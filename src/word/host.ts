/**
 * Host detection and start-up, the only file of src/word the pane imports. In a plain browser the
 * pane starts at once in standalone mode (a .docx on the computer) without loading office.js; only
 * when there is a sign of Office is office.js loaded and Office.onReady awaited, with a time limit.
 * Every global is reached through an injectable window-like object so tests need no browser.
 */
import type { XmlParser } from '../domain/ooxml/xml';
import { createWordBackend, type OfficeContextLike, type WordBackend, type WordBackendOptions } from './gateway';

/** office.js from Microsoft's CDN: always tried first, as Microsoft recommends. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/**
 * The copy of office.js the build takes from the @microsoft/office-js package and serves beside
 * taskpane.html (webpack.config.js): used when the CDN does not load (a school intranet without internet,
 * a CDN outage such as the one of 29/10/2025). office.js loads its host files relative to itself, so they
 * come from the same copy.
 */
export const OFFICE_JS_LOCAL_URL = 'office-js/office.js';
/** Where office.js came from, when the pane loaded it. */
type OfficeJsSource = 'cdn' | 'local';
/** Said in the pane when the CDN failed and the local copy is in use. */
export const LOCAL_OFFICE_JS_MESSAGE =
  'Không tải được thư viện Office (office.js) từ mạng của Microsoft: ctcl đang dùng bản office.js có sẵn trên máy chủ của add-in.';
/**
 * How long Office.onReady may take once office.js is there before the pane starts standalone. office.js
 * then downloads its host-specific file (~750 KB) with a 10 s limit of its own, and onReady never settles
 * when one of its files fails (https://github.com/OfficeDev/office-js/issues/6040, #3330): on a slow
 * school network 3 s opened the add-in inside Word as a standalone page. 15 s, with «Đang kết nối với
 * Word…» shown meanwhile; an answer that comes later still switches the pane to Word (HostResult.late).
 */
export const READY_TIMEOUT_MS = 15000;
/** How long office.js may take to download (school connections can be slow). */
export const SCRIPT_TIMEOUT_MS = 10000;

/**
 * WordApi 1.3 is in Microsoft 365, retail Word 2016 (version 1612 or later), Word 2019 and later, Word on
 * the web, Mac 15.32+ and iPad; volume-licensed Word 2016 has only WordApi 1.1
 * (https://learn.microsoft.com/javascript/api/requirement-sets/word/word-api-requirement-sets).
 */
export const REQUIREMENTS_MESSAGE =
  'Phiên bản Word này chưa có các chức năng mà ctcl cần (WordApi 1.3) — thường gặp ở Word 2016 bản cấp phép theo số lượng (của trường, của Sở) hoặc Word 2016 chưa cập nhật. Cần Word cho Microsoft 365, Word 2019 trở lên, Word 2016 bản bán lẻ đã cập nhật, Word cho Mac hoặc Word trên web. Trong lúc chờ, hãy dùng trang ctcl trong trình duyệt: làm việc trên tệp .docx rồi tải về.';

type StandaloneReason = 'browser' | 'office-js-failed' | 'timeout' | 'not-word';

const STANDALONE_MESSAGES: Readonly<Record<StandaloneReason, string>> = {
  browser: 'Đang chạy ngoài Word: ctcl làm việc với tệp .docx trên máy.',
  'office-js-failed': 'Không tải được thư viện Office (office.js), có thể do mất mạng: ctcl chuyển sang làm việc với tệp .docx.',
  timeout:
    'Word chưa phản hồi (mạng có thể đang chậm): ctcl tạm làm việc với tệp .docx, và sẽ chuyển sang tài liệu trong Word ngay khi Word kết nối.',
  'not-word': 'Ứng dụng Office đang mở không phải Word: ctcl làm việc với tệp .docx.',
};

/** The part of the Office global the start-up uses. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
  readonly context?: OfficeContextLike;
}

interface ScriptLike {
  src: string;
  async?: boolean;
  onload: ((ev: unknown) => unknown) | null;
  onerror: ((ev: unknown) => unknown) | null;
  remove?(): void;
}

/** The globals detection reads: `window` in the pane, a plain object in tests. */
export interface HostWindow {
  Office?: OfficeLike;
  readonly location?: { readonly href?: string };
  readonly name?: string;
  readonly self?: unknown;
  readonly top?: unknown;
  readonly parent?: unknown;
  readonly external?: unknown;
  readonly webkit?: { readonly messageHandlers?: unknown };
  readonly chrome?: { readonly webview?: unknown };
  readonly sessionStorage?: { getItem(key: string): string | null };
  readonly document?: {
    createElement(tag: 'script'): ScriptLike;
    readonly head?: { appendChild(node: ScriptLike): unknown } | null;
  };
}

interface RequirementCheck {
  readonly ok: boolean;
  /** Vietnamese explanation when not ok (shown instead of the pane, never a blank pane). */
  readonly message?: string;
  /** Optional features found, e.g. "WordApi1.4". */
  readonly features: readonly string[];
}

/** Word mode, as detectHost finds it. */
/** @public (named by backend-factory's `import('../word/host').WordHost`) */
export type WordHost = Extract<HostResult, { readonly mode: 'word' }>;

type HostResult =
  | {
      readonly mode: 'word';
      /** Office.PlatformType as reported (e.g. "PC", "OfficeOnline", "Mac"). */
      readonly platform: string;
      readonly requirements: RequirementCheck;
      /** Where office.js came from when the pane loaded it (undefined: it was already there). */
      readonly officeJs?: OfficeJsSource;
      /** The Word backend; pass the pane's parser (DOMParser one from src/xml/dom.ts). */
      createBackend(options: { parse: XmlParser } & Partial<WordBackendOptions>): WordBackend;
    }
  | {
      readonly mode: 'standalone';
      readonly reason: StandaloneReason;
      readonly message: string;
      /** Where office.js came from when the pane loaded it. */
      readonly officeJs?: OfficeJsSource;
      /**
       * After a timeout only: settles with Word mode if Office.onReady answers later (never rejects; stays
       * pending if Office never answers), so the pane can still switch to Word.
       */
      readonly late?: Promise<WordHost>;
    };

interface DetectOptions {
  readonly window?: HostWindow;
  readonly readyTimeoutMs?: number;
  readonly scriptTimeoutMs?: number;
  readonly scriptUrl?: string;
  /** The copy on the add-in's own server, tried when scriptUrl does not load. */
  readonly localScriptUrl?: string;
  /** Called once when there is a sign of Office and the wait for Word begins («Đang kết nối với Word…»). */
  readonly onWaiting?: () => void;
}

function standalone(reason: StandaloneReason, late?: Promise<WordHost>, officeJs?: OfficeJsSource): HostResult {
  return {
    mode: 'standalone',
    reason,
    message: STANDALONE_MESSAGES[reason],
    ...(late ? { late } : {}),
    ...(officeJs ? { officeJs } : {}),
  };
}

/**
 * The address of this page without Office's query string (_host_Info…): opened in a browser it is the
 * standalone page. Undefined when the page has no http(s) address.
 */
export function standaloneAddress(href: string | undefined): string | undefined {
  if (!href || !/^https?:\/\//i.test(href)) return undefined;
  return href.replace(/[?#].*$/, '');
}

/** The part of Office.context.ui used to open a browser window (OpenBrowserWindowApi 1.1). */
interface OfficeUiLike {
  readonly ui?: { openBrowserWindow?(url: string): void };
  readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
}

/**
 * Open an address in the user's browser, outside Word: Office.context.ui.openBrowserWindow where
 * OpenBrowserWindowApi 1.1 is there (Microsoft 365, Office 2021+, Mac, iPad; not volume-licensed 2016/2019,
 * https://learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets),
 * otherwise window.open. Returns false when neither worked (the address is on screen to copy).
 */
export function openInBrowser(
  url: string,
  win: { open?(url: string, target?: string): unknown; Office?: unknown } = globalThis,
): boolean {
  const context = (win.Office as { context?: OfficeUiLike } | undefined)?.context;
  try {
    if (context?.ui?.openBrowserWindow && context.requirements?.isSetSupported('OpenBrowserWindowApi', '1.1')) {
      context.ui.openBrowserWindow(url);
      return true;
    }
  } catch {
    /* fall back to window.open */
  }
  try {
    return !!win.open?.(url, '_blank');
  } catch {
    return false;
  }
}

/** Signs that the page runs inside an Office application (each check guarded: hosts differ). */
export function hasOfficeHint(win: HostWindow): boolean {
  const checks: (() => boolean)[] = [
    // Office passes _host_Info=Word$Win32$… in the query string; office.js keeps it in sessionStorage.
    () => /_host_info/i.test(win.location?.href ?? ''),
    () => /_host_info|hostinfo/i.test(win.name ?? ''),
    () => !!win.sessionStorage?.getItem('hostInfoValue'),
    // Word on the web runs add-ins in an iframe.
    () => (win.top !== undefined && win.top !== win.self) || (win.parent !== undefined && win.parent !== win.self),
    // Word on Windows: Internet Explorer/EdgeHTML (window.external.GetContext) or WebView2.
    () => {
      const ext = win.external as Record<string, unknown> | null | undefined;
      return !!ext && typeof ext === 'object' && 'GetContext' in ext;
    },
    () => !!win.chrome?.webview,
    // Word on Mac and iPad: WKWebView message handlers.
    () => !!win.webkit?.messageHandlers,
  ];
  return checks.some((check) => {
    try {
      return check();
    } catch {
      // A cross-origin parent throws on access: that is a frame, so a hint.
      return true;
    }
  });
}

function loadScript(win: HostWindow, url: string, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const doc = win.document;
    if (!doc?.head) {
      resolve(false);
      return;
    }
    const script = doc.createElement('script');
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      script.onload = null;
      script.onerror = null;
      // A script that failed or is too late leaves the page, so the next copy is the only one.
      if (!ok) script.remove?.();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    script.async = true;
    script.onload = () => done(true);
    script.onerror = () => done(false);
    script.src = url;
    doc.head.appendChild(script);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** WordApi 1.3 is required; WordApi 1.4 is an optional feature. */
export function checkRequirements(office?: Pick<OfficeLike, 'context'>): RequirementCheck {
  const o = office ?? (typeof Office !== 'undefined' ? (Office as unknown as OfficeLike) : undefined);
  const supported = (version: string): boolean => {
    try {
      return !!o?.context?.requirements.isSetSupported('WordApi', version);
    } catch {
      return false;
    }
  };
  if (!supported('1.3')) return { ok: false, message: REQUIREMENTS_MESSAGE, features: [] };
  return { ok: true, features: supported('1.4') ? ['WordApi1.4'] : [] };
}

/**
 * Decide where the pane runs. Office already loaded → Office.onReady; a sign of Office → load
 * office.js (the CDN, else the local copy), then Office.onReady, each with a time limit; no sign →
 * standalone at once.
 */
export async function detectHost(options: DetectOptions = {}): Promise<HostResult> {
  const win = options.window ?? (globalThis as unknown as HostWindow);
  const loadedHere = !win.Office;
  let source: OfficeJsSource | undefined;
  if (!win.Office) {
    if (!hasOfficeHint(win)) return standalone('browser');
    options.onWaiting?.();
    const timeout = options.scriptTimeoutMs ?? SCRIPT_TIMEOUT_MS;
    // The CDN first (Microsoft's recommendation), then the copy on the add-in's own server.
    if ((await loadScript(win, options.scriptUrl ?? OFFICE_JS_URL, timeout)) && win.Office) source = 'cdn';
    else if ((await loadScript(win, options.localScriptUrl ?? OFFICE_JS_LOCAL_URL, timeout)) && win.Office) source = 'local';
  }
  const office = win.Office;
  if (!office) return standalone('office-js-failed');
  if (!loadedHere) options.onWaiting?.();
  let answer: Promise<{ host: unknown; platform?: unknown }>;
  try {
    answer = office.onReady();
  } catch {
    return standalone('office-js-failed', undefined, source);
  }
  const ready = await withTimeout(
    answer.then(
      (r) => r,
      () => 'failed' as const,
    ),
    options.readyTimeoutMs ?? READY_TIMEOUT_MS,
  );
  if (ready === 'failed') return standalone('office-js-failed', undefined, source);
  if (!ready) {
    // Too slow for now; Word may still answer. Only a Word answer switches the pane later.
    const late = new Promise<WordHost>((resolve) => {
      answer.then(
        (r) => {
          const host = fromReady(office, r, source);
          if (host.mode === 'word') resolve(host);
        },
        () => undefined,
      );
    });
    return standalone('timeout', late, source);
  }
  return fromReady(office, ready, source);
}

function fromReady(office: OfficeLike, ready: { host: unknown; platform?: unknown }, officeJs?: OfficeJsSource): HostResult {
  // office.js outside an Office application resolves with a null host.
  if (ready.host === null || ready.host === undefined) return standalone('browser', undefined, officeJs);
  if (String(ready.host) !== 'Word') return standalone('not-word', undefined, officeJs);
  return {
    mode: 'word',
    platform: String(ready.platform ?? ''),
    requirements: checkRequirements(office),
    ...(officeJs ? { officeJs } : {}),
    createBackend: (backendOptions) => createWordBackend({ office: office.context, ...backendOptions }),
  };
}
