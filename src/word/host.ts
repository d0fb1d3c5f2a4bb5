/**
 * Host detection and start-up, the only file of src/word the pane imports. In a plain browser the
 * pane starts at once in standalone mode (a .docx on the computer) without loading office.js; only
 * when there is a sign of Office is office.js loaded and Office.onReady awaited, with a time limit.
 * Every global is reached through an injectable window-like object so tests need no browser.
 */
import type { XmlParser } from '../domain/ooxml/xml';
import { createWordBackend, type OfficeContextLike, type WordBackend, type WordBackendOptions } from './gateway';

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** How long Office.onReady may take once office.js is there. */
export const READY_TIMEOUT_MS = 3000;
/** How long office.js may take to download (school connections can be slow). */
export const SCRIPT_TIMEOUT_MS = 10000;

export const REQUIREMENTS_MESSAGE =
  'Phiên bản Word này chưa hỗ trợ các chức năng mà ctcl cần (WordApi 1.3). Cần Word 2016 trở lên (đã cập nhật), Word cho Microsoft 365, Word cho Mac, hoặc Word trên web. Bạn vẫn có thể dùng ctcl ngoài Word để soạn tệp .docx.';

export type StandaloneReason = 'browser' | 'office-js-failed' | 'timeout' | 'not-word';

const STANDALONE_MESSAGES: Readonly<Record<StandaloneReason, string>> = {
  browser: 'Đang chạy ngoài Word: ctcl làm việc với tệp .docx trên máy.',
  'office-js-failed': 'Không tải được thư viện Office (office.js), có thể do mất mạng: ctcl chuyển sang làm việc với tệp .docx.',
  timeout: 'Word không phản hồi kịp: ctcl chuyển sang làm việc với tệp .docx.',
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

export interface RequirementCheck {
  readonly ok: boolean;
  /** Vietnamese explanation when not ok (shown instead of the pane, never a blank pane). */
  readonly message?: string;
  /** Optional features found, e.g. "WordApi1.4". */
  readonly features: readonly string[];
}

export type HostResult =
  | {
      readonly mode: 'word';
      /** Office.PlatformType as reported (e.g. "PC", "OfficeOnline", "Mac"). */
      readonly platform: string;
      readonly requirements: RequirementCheck;
      /** The Word backend; pass the pane's parser (DOMParser one from src/docx/xml-dom.ts). */
      createBackend(options: { parse: XmlParser } & Partial<WordBackendOptions>): WordBackend;
    }
  | { readonly mode: 'standalone'; readonly reason: StandaloneReason; readonly message: string };

export interface DetectOptions {
  readonly window?: HostWindow;
  readonly readyTimeoutMs?: number;
  readonly scriptTimeoutMs?: number;
  readonly scriptUrl?: string;
}

function standalone(reason: StandaloneReason): HostResult {
  return { mode: 'standalone', reason, message: STANDALONE_MESSAGES[reason] };
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
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      resolve(ok);
    };
    const script = doc.createElement('script');
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
 * office.js, then Office.onReady, each with a time limit; no sign → standalone at once.
 */
export async function detectHost(options: DetectOptions = {}): Promise<HostResult> {
  const win = options.window ?? (globalThis as unknown as HostWindow);
  if (!win.Office) {
    if (!hasOfficeHint(win)) return standalone('browser');
    const loaded = await loadScript(win, options.scriptUrl ?? OFFICE_JS_URL, options.scriptTimeoutMs ?? SCRIPT_TIMEOUT_MS);
    if (!loaded || !win.Office) return standalone('office-js-failed');
  }
  const office = win.Office;
  let ready: { host: unknown; platform?: unknown } | undefined;
  try {
    ready = await withTimeout(office.onReady(), options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  } catch {
    return standalone('office-js-failed');
  }
  if (!ready) return standalone('timeout');
  // office.js outside an Office application resolves with a null host.
  if (ready.host === null || ready.host === undefined) return standalone('browser');
  if (String(ready.host) !== 'Word') return standalone('not-word');
  return {
    mode: 'word',
    platform: String(ready.platform ?? ''),
    requirements: checkRequirements(office),
    createBackend: (backendOptions) => createWordBackend({ office: office.context, ...backendOptions }),
  };
}
