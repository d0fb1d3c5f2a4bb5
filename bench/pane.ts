/**
 * Bench section "pane": what the task pane costs to start, in Debian's Chromium, headless, offline.
 *
 * - bundle.initialGzipBytes: the JavaScript the first paint needs — the scripts taskpane.html names
 *   (legacy.js and the entry; catalogs, host detection, the document code and the other tabs come after
 *   first paint) —, gzip -9 of each file, the same sum test/taskpane/bundle.test.ts holds to 120 KB;
 *   bundle.initialCssGzipBytes: the page itself (with the theme's variables) and the stylesheet it links
 *   (Fluent UI's rules, extracted at build time);
 *   bundle.loadedGzipBytes: every script loaded by the time the insert form was ready (first start);
 *   bundle.totalGzipBytes: every chunk of the build.
 * - pane.firstRenderMs: time from navigation to the first frame drawn with the insert form's button
 *   («Chèn bảng», or «Chèn Biểu 2» for the TT57 plan the school year may default to) in it (see start()),
 *   with 4× CPU throttling, a fresh browser context (cold cache) each time; the median of 5 starts,
 *   interleaved with the template's (pane, template, pane, template…) so the machine's noise hits both,
 *   after one start of each that is not counted.
 * - pane.interactiveMs: time to the first frame drawn once the pane has taken over the first screen its
 *   page comes with (React has hydrated it; before, the form is drawn but inert, and «Chèn bảng» waits for
 *   the document in any case): when a user can both see and use the form.
 * - pane.bareTemplateMs, pane.bareTemplateInteractiveMs: the same two measurements for a bare React 18 +
 *   Fluent UI v9 page shaped like Microsoft's task-pane template (header, a short list, a text box and a
 *   button), built by esbuild into a minified bundle and served the same way — the baseline "no slower
 *   than the template". The template draws nothing before its script has run and its button is usable
 *   once drawn, so its two times are the same measurement (two frames' callbacks, a few ms apart).
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import globalSetup from '../test/global-setup';
import { CHROMIUM, CHROMIUM_ARGS, PANE_DIST } from '../test/taskpane/browser';
import { serveStatic } from '../test/taskpane/serve';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const gzip = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

/** The bare template page: React 18 + Fluent UI v9, as the Office-Addin-TaskPane-React template renders it. */
const BARE_APP = `
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, Button, Textarea, Field, Image, makeStyles, tokens } from '@fluentui/react-components';
import { Ribbon24Regular, LockOpen24Regular, DesignIdeas24Regular } from '@fluentui/react-icons';
const useStyles = makeStyles({ root: { minHeight: '100vh', padding: '16px' }, list: { color: tokens.colorNeutralForeground1 } });
function App() {
  const s = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={s.root}>
        <section><Image width="90" height="90" alt="logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /><h1>Welcome</h1></section>
        <ul className={s.list}>
          <li><Ribbon24Regular /> Achieve more with Office integration</li>
          <li><LockOpen24Regular /> Unlock features and functionality</li>
          <li><DesignIdeas24Regular /> Create and visualize like a pro</li>
        </ul>
        <Field label="Enter text to insert into the document."><Textarea /></Field>
        <Button appearance="primary" id="ready">Insert text</Button>
      </div>
    </FluentProvider>
  );
}
createRoot(document.getElementById('container')).render(<App />);
`;

async function buildBareTemplate(root: string): Promise<string> {
  const dir = join(root, '.tmp', 'bench', 'bare-template');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.tsx'), BARE_APP);
  await build({
    entryPoints: [join(dir, 'app.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    outfile: join(dir, 'app.js'),
    nodePaths: [join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Template</title></head><body><div id="container"></div><script src="app.js"></script></body></html>',
  );
  return dir;
}

interface StartResult {
  /** The first frame with the form's button drawn. */
  ms: number;
  /** The first frame once the page's script has taken the form over (the pane's #root no longer inert; the template's once drawn). */
  interactiveMs: number;
  scripts: string[];
}

/**
 * One cold start, timed in the page from the navigation's time origin:
 * - `ms`: the first frame drawn with the `selector` element in it. A MutationObserver installed before the
 *   page's scripts sees the element enter the page (for the pane, while the page is read: it comes drawn;
 *   for the template, when React commits it); then a requestAnimationFrame callback runs just before that
 *   frame is drawn, and a message posted from it arrives once the frame is done.
 * - `interactiveMs`: the first frame drawn once the element is there and the page's script has taken it over
 *   (the pane removes `inert` from #root in the commit that hydrated it; the template renders it ready).
 * The page is waited for through the DevTools protocol (Runtime.evaluate of a promise), not through
 * Playwright's locators: those first inject Playwright's own script into the page, some 100–400 ms of work on
 * the page's main thread (4× throttled) in the middle of its start.
 */
async function start(page: Page, url: string, selector: string): Promise<StartResult> {
  await page.addInitScript((sel: string) => {
    const w = window as unknown as { __ctclBench?: Promise<{ ms: number; interactiveMs: number }> };
    w.__ctclBench = new Promise((resolve) => {
      let drawn: number | undefined;
      let interactive: number | undefined;
      const settle = (): void => {
        if (drawn !== undefined && drawn >= 0 && interactive !== undefined && interactive >= 0)
          resolve({ ms: drawn, interactiveMs: interactive });
      };
      // Calls `then` with the time the next frame has been drawn: a requestAnimationFrame callback runs just
      // before the frame, and a message posted from it arrives once the frame is done.
      const afterNextFrame = (then: (ms: number) => void): void => {
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => then(performance.now());
          channel.port2.postMessage(0);
        });
      };
      const observer = new MutationObserver(() => {
        if (drawn === undefined && document.querySelector(sel)) {
          drawn = -1;
          afterNextFrame((ms) => {
            drawn = ms;
            settle();
          });
        }
        if (interactive === undefined && document.querySelector(sel) && !document.querySelector('#root[inert]')) {
          interactive = -1;
          observer.disconnect();
          afterNextFrame((ms) => {
            interactive = ms;
            settle();
          });
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert'] });
    });
  }, selector);
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname.slice(1));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  for (let tries = 0; ; tries++) {
    const r = (await cdp
      .send('Runtime.evaluate', { expression: 'window.__ctclBench', awaitPromise: true, returnByValue: true })
      .catch(() => undefined)) as { result?: { value?: { ms: number; interactiveMs: number } } } | undefined;
    const v = r?.result?.value;
    if (v && typeof v.ms === 'number') return { ...v, scripts };
    if (tries > 500) throw new Error(`${url}: no first screen`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

export async function run(opts: {
  root: string;
  quick?: boolean;
  log?: (l: string) => void;
}): Promise<Record<string, number | object>> {
  await globalSetup();
  const starts = opts.quick ? 3 : 5;
  const paneServer = await serveStatic(PANE_DIST);
  const bareDir = await buildBareTemplate(opts.root);
  const bareServer = await serveStatic(bareDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const once = async (url: string, selector: string): Promise<StartResult> => {
      const context = await browser.newContext({ viewport: { width: 400, height: 800 }, locale: 'vi-VN' });
      await context.route(
        (u) => !u.href.startsWith('http://127.0.0.1') && !u.href.startsWith('http://localhost'),
        (r) => r.abort(),
      );
      const page = await context.newPage();
      try {
        return await start(page, url, selector);
      } finally {
        await context.close();
      }
    };
    // One start of each first, not counted: the browser's own start-up work (its first processes, font
    // caches) would otherwise fall on the first measured start.
    const paneUrl = `${paneServer.url}taskpane.html`;
    // The insert form's button: «Chèn bảng», or «Chèn Biểu 2» when the year's default form is the TT57 plan.
    const paneButton = 'form[aria-label="Chèn bảng kế hoạch, báo cáo"] button[type="submit"]';
    const bareUrl = `${bareServer.url}index.html`;
    await once(paneUrl, paneButton);
    await once(bareUrl, '#ready');
    // Interleaved: pane, template, pane, template… so a busy moment of the machine hits both alike.
    const pane: StartResult[] = [];
    const bare: StartResult[] = [];
    for (let i = 0; i < starts; i++) {
      pane.push(await once(paneUrl, paneButton));
      bare.push(await once(bareUrl, '#ready'));
    }
    const firstRenderMs = Math.round(median(pane.map((s) => s.ms)));
    const bareTemplateMs = Math.round(median(bare.map((s) => s.ms)));
    const interactiveMs = Math.round(median(pane.map((s) => s.interactiveMs)));
    const bareTemplateInteractiveMs = Math.round(median(bare.map((s) => s.interactiveMs)));
    // What the first paint needs: the scripts the page names (the rest is fetched by them afterwards).
    const html = readFileSync(join(PANE_DIST, 'taskpane.html'), 'utf8');
    const initial = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    const initialGzipBytes = initial.reduce((a, f) => a + gzip(join(PANE_DIST, f)), 0);
    // And the CSS it needs: the page (the theme's variables) and the stylesheet it links (the components).
    const sheets = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])![1]);
    const initialCssGzipBytes = [...sheets, 'taskpane.html'].reduce((a, f) => a + gzip(join(PANE_DIST, f)), 0);
    const loadedGzipBytes = [...new Set(pane[0].scripts)].reduce((a, f) => a + gzip(join(PANE_DIST, f)), 0);
    const totalGzipBytes = readdirSync(PANE_DIST)
      .filter((f) => f.endsWith('.js'))
      .reduce((a, f) => a + gzip(join(PANE_DIST, f)), 0);
    const bareGzipBytes = gzip(join(bareDir, 'app.js'));
    opts.log?.(
      `vẽ xong: pane ${firstRenderMs} ms, template ${bareTemplateMs} ms; dùng được: pane ${interactiveMs} ms, template ${bareTemplateInteractiveMs} ms (4× CPU, trung vị ${starts} lần xen kẽ)`,
    );
    return {
      bundle: {
        initialGzipBytes,
        initialScripts: initial.length,
        initialCssGzipBytes,
        loadedGzipBytes,
        totalGzipBytes,
        bareTemplateGzipBytes: bareGzipBytes,
      },
      pane: {
        firstRenderMs,
        bareTemplateMs,
        interactiveMs,
        bareTemplateInteractiveMs,
        runsMs: pane.map((s) => Math.round(s.ms)),
        bareRunsMs: bare.map((s) => Math.round(s.ms)),
        interactiveRunsMs: pane.map((s) => Math.round(s.interactiveMs)),
        bareInteractiveRunsMs: bare.map((s) => Math.round(s.interactiveMs)),
      },
    };
  } finally {
    await browser.close();
    await paneServer.close();
    await bareServer.close();
  }
}

export function format(r: Record<string, number | object>): string[] {
  const b = r.bundle as Record<string, number>;
  const p = r.pane as Record<string, number>;
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  return [
    `  JS cho lần vẽ đầu (gzip): ${kb(b.initialGzipBytes)} trong ${b.initialScripts} tệp (ngân sách 120 KB); đã tải khi biểu mẫu sẵn sàng: ${kb(b.loadedGzipBytes)}; toàn bộ: ${kb(b.totalGzipBytes)}`,
    `  CSS cho lần vẽ đầu (trang + bảng kiểu, gzip): ${kb(b.initialCssGzipBytes)}`,
    `  khung mẫu React + Fluent tối giản (để so sánh): ${kb(b.bareTemplateGzipBytes)}`,
    `  màn hình đầu đã vẽ (CPU chậm 4×, trung vị, xen kẽ): ${p.firstRenderMs} ms; khung mẫu: ${p.bareTemplateMs} ms`,
    `  dùng được: ${p.interactiveMs} ms; khung mẫu: ${p.bareTemplateInteractiveMs} ms`,
    `  từng lần: khung ${(p.runsMs as unknown as number[]).join(', ')} ms; mẫu ${(p.bareRunsMs as unknown as number[]).join(', ')} ms`,
  ];
}
export const topLevel = true;
