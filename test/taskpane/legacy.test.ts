/**
 * legacy.js in a sandbox (node:vm) with the globals of the web views old Word versions use: Internet
 * Explorer 11 (Trident, volume-licensed Word 2016/2019) and Edge Legacy (EdgeHTML, retail 2016/2019
 * without WebView2). Each sandbox takes away what that engine lacks, with a small DOM that records what
 * the script builds. Inside Word it must load office.js and set Office.initialize (or Word reports the
 * add-in as broken), and show the standalone page's address with a button that opens it outside Word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { parse } from 'acorn';

const SOURCE = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'legacy.js'), 'utf8');
const PAGE = 'https://ctcl.truong.edu.vn/taskpane.html';
const IN_WORD = `${PAGE}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`;

/** A DOM node, as much as legacy.js uses. */
class Node {
  readonly children: Node[] = [];
  readonly attrs: Record<string, string> = {};
  className = '';
  onclick: (() => void) | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  src = '';
  constructor(
    readonly tag: string,
    readonly text = '',
  ) {}
  get firstChild(): Node | null {
    return this.children[0] ?? null;
  }
  appendChild(n: Node): Node {
    this.children.push(n);
    return n;
  }
  setAttribute(k: string, v: string): void {
    this.attrs[k] = v;
  }
  hasAttribute(k: string): boolean {
    return k in this.attrs;
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  find(test: (n: Node) => boolean): Node | undefined {
    for (const c of this.children) {
      if (test(c)) return c;
      const deep = c.find(test);
      if (deep) return deep;
    }
    return undefined;
  }
}

type Engine = 'ie11' | 'edgehtml' | 'modern';

interface Sandbox {
  readonly html: Node;
  readonly head: Node;
  readonly boot: Node;
  readonly opened: string[];
  readonly window: Record<string, unknown>;
}

/** What each engine lacks, taken away inside the sandbox before legacy.js runs. */
const PRELUDE: Record<Engine, string> = {
  // IE11: no Promise, no Symbol, no modules, no ES2018 regular expressions, no TextDecoder, no globalThis.
  ie11: `
    Promise = undefined; Symbol = undefined; TextDecoder = undefined;
    delete Array.prototype.flatMap; delete Object.fromEntries; delete String.prototype.matchAll;
    delete String.prototype.normalize;
    RegExp = (function (R) { return function (p) { if (/\\(\\?<[!=a-z]/.test(p)) throw new SyntaxError('IE11'); return new R(p); }; })(RegExp);
  `,
  // Edge Legacy (EdgeHTML 18): Promise.finally and Symbol, but no flatMap/fromEntries, no look-behind,
  // no matchAll, and no noModule on scripts.
  edgehtml: `
    delete Array.prototype.flatMap; delete Object.fromEntries; delete String.prototype.matchAll;
    RegExp = (function (R) { return function (p) { if (/\\(\\?<[!=a-z]/.test(p)) throw new SyntaxError('Edge 18'); return new R(p); }; })(RegExp);
  `,
  modern: '',
};

function run(engine: Engine, options: { href: string; external?: boolean; office?: Record<string, unknown> }): Sandbox {
  const html = new Node('html');
  const head = new Node('head');
  const boot = new Node('div');
  const opened: string[] = [];
  const document = {
    documentElement: html,
    createElement: (tag: string) => {
      const n = new Node(tag);
      // Only engines that know modules have noModule on scripts.
      if (tag === 'script' && engine === 'modern') Object.assign(n, { noModule: false });
      return n;
    },
    createTextNode: (text: string) => new Node('#text', text),
    getElementById: (id: string) => (id === 'boot' ? boot : null),
    getElementsByTagName: (tag: string) => (tag === 'head' ? [head] : []),
  };
  const win: Record<string, unknown> = {
    document,
    location: { href: options.href },
    name: '',
    open: (url: string) => {
      opened.push(url);
      return {};
    },
    DOMParser: function DOMParser() {},
    Blob: function Blob() {},
    TextDecoder,
  };
  win.window = win;
  win.self = win;
  win.top = win;
  // Word on Windows gives Trident and EdgeHTML a host object with GetContext.
  if (options.external) win.external = { GetContext: () => undefined };
  if (options.office) win.Office = options.office;
  const context = createContext(win);
  runInContext(PRELUDE[engine], context);
  runInContext(SOURCE, context, { filename: 'legacy.js' });
  return { html, head, boot, opened, window: win };
}

const message = (s: Sandbox) => s.boot.find((n) => n.hasAttribute('data-ctcl-legacy'));
const address = (s: Sandbox) => s.boot.find((n) => n.hasAttribute('data-ctcl-address'))?.textContent;
const button = (s: Sandbox) => s.boot.find((n) => n.tag === 'button');

test('legacy.js is ES5 (IE11 parses nothing newer)', () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
});

describe.each([
  ['ie11', 'Internet Explorer 11 (volume-licensed Word 2016/2019)'],
  ['edgehtml', 'Edge Legacy (retail Word 2016/2019 without WebView2)'],
] as const)('%s: %s', (engine, _label) => {
  test('inside Word: office.js is loaded, Office.initialize set, the address shown and opened outside Word', () => {
    const s = run(engine, { href: IN_WORD, external: true });
    expect(s.html.hasAttribute('data-ctcl-too-old')).toBe(true);
    expect(s.boot.className).toContain('boot-old');
    // office.js from the CDN; once it is there, Office.initialize is set so Word shows the pane.
    const scripts = s.head.children.filter((n) => n.tag === 'script');
    expect(scripts.map((n) => n.src)).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    const office: Record<string, unknown> = {};
    s.window.Office = office;
    scripts[0].onload?.();
    expect(typeof office.initialize).toBe('function');
    // The message for Word, with the standalone address (without Office's query string).
    expect(message(s)?.attrs.role).toBe('alert');
    expect(message(s)?.textContent).toContain('không chạy được trong Word');
    expect(message(s)?.textContent).toContain('Microsoft 365 hoặc Word 2021');
    expect(address(s)).toBe(PAGE);
    // No OpenBrowserWindowApi in these Words: window.open.
    button(s)?.onclick?.();
    expect(s.opened).toEqual([PAGE]);
  });

  test("inside Word, the CDN blocked: office.js from the add-in's own copy, then Office.initialize", () => {
    const s = run(engine, { href: IN_WORD, external: true });
    const scripts = () => s.head.children.filter((n) => n.tag === 'script');
    scripts()[0].onerror?.();
    expect(scripts().map((n) => n.src)).toEqual([
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
      'office-js/office.js',
    ]);
    const office: Record<string, unknown> = {};
    s.window.Office = office;
    scripts()[1].onload?.();
    expect(typeof office.initialize).toBe('function');
    expect(message(s)?.textContent).toContain('không chạy được trong Word');
  });

  test('inside Word with OpenBrowserWindowApi: the button uses Office.context.ui.openBrowserWindow', () => {
    const viaOffice: string[] = [];
    const office = {
      initialize: undefined as unknown,
      context: {
        ui: { openBrowserWindow: (u: string) => viaOffice.push(u) },
        requirements: { isSetSupported: (name: string) => name === 'OpenBrowserWindowApi' },
      },
    };
    const s = run(engine, { href: IN_WORD, external: true, office });
    // office.js was already there: no second copy, Office.initialize set at once.
    expect(s.head.children).toHaveLength(0);
    expect(typeof office.initialize).toBe('function');
    button(s)?.onclick?.();
    expect(viaOffice).toEqual([PAGE]);
    expect(s.opened).toEqual([]);
  });

  test('a pop-up blocked: the user is asked to copy the address', () => {
    const s = run(engine, { href: IN_WORD, external: true });
    s.window.open = () => null;
    button(s)?.onclick?.();
    expect(message(s)?.textContent).toContain('hãy chép địa chỉ trên vào trình duyệt');
  });

  test('an old browser outside Word: no office.js, the message and the address, no button', () => {
    const s = run(engine, { href: PAGE });
    expect(s.html.hasAttribute('data-ctcl-too-old')).toBe(true);
    expect(s.head.children).toHaveLength(0);
    expect(message(s)?.textContent).toContain('Trình duyệt này quá cũ');
    expect(address(s)).toBe(PAGE);
    expect(button(s)).toBeUndefined();
  });
});

test('a modern runtime: legacy.js does nothing, the pane starts', () => {
  const s = run('modern', { href: IN_WORD, external: true });
  expect(s.html.hasAttribute('data-ctcl-too-old')).toBe(false);
  expect(s.boot.children).toHaveLength(0);
  expect(s.head.children).toHaveLength(0);
});
