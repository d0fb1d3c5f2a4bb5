/**
 * Chromium for the pane tests: Debian's /usr/bin/chromium driven by playwright-core, offline (every
 * request that is not to our local server is refused and recorded), serving the build that
 * test/global-setup.ts made in .tmp/pane-dist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { serveStatic, type StaticServer } from './serve';

export const ROOT = join(__dirname, '..', '..');
export const PANE_DIST = join(ROOT, '.tmp', 'pane-dist');
const BUILD_ERROR = join(ROOT, '.tmp', 'pane-build-error.txt');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Throws with the build's own errors when global setup could not build the pane. */
export function assertBuilt(): void {
  if (existsSync(BUILD_ERROR)) throw new Error(`The pane build failed:\n${readFileSync(BUILD_ERROR, 'utf8')}`);
  if (!existsSync(join(PANE_DIST, 'taskpane.html'))) {
    throw new Error('No pane build in .tmp/pane-dist (was CTCL_SKIP_PANE_BUILD set?).');
  }
}

export interface PaneHarness {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** The pane's page on the local server. */
  readonly url: string;
  /** A fresh browser context and page (not yet navigated), recording what it logs and requests. */
  open(options?: OpenOptions): Promise<PaneSession>;
  /** open(), then the pane's page, once it is in standalone mode with its preview shown. */
  openStandalone(options?: OpenOptions): Promise<PaneSession>;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  /** Runs in the page before any of its scripts, with initArg. */
  readonly init?: (arg: never) => void;
  readonly initArg?: unknown;
  readonly onResponse?: (response: Response) => void;
}

export interface PaneSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Requests to anywhere but the local server (all refused). */
  readonly outside: string[];
  /** Console errors, page errors and CSP violations. */
  readonly errors: string[];
}

export async function startHarness(): Promise<PaneHarness> {
  assertBuilt();
  const server = await serveStatic(PANE_DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const url = `${server.url}taskpane.html`;
  const harness: PaneHarness = {
    browser,
    server,
    url,
    async open(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        acceptDownloads: true,
        locale: 'vi-VN',
        serviceWorkers: 'block',
        // No transitions half-way through when a test looks (axe's colour contrast, screenshots).
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const outside: string[] = [];
      const errors: string[] = [];
      await context.route(
        (url) => !url.href.startsWith(server.url),
        (route) => {
          outside.push(route.request().url());
          return route.abort('internetdisconnected');
        },
      );
      const page = await context.newPage();
      if (options.init) await page.addInitScript(options.init as (arg: unknown) => void, options.initArg);
      if (options.onResponse) page.on('response', options.onResponse);
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      return { page, context, outside, errors };
    },
    async openStandalone(options) {
      const s = await harness.open(options);
      await s.page.goto(url);
      await s.page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 20_000 });
      await s.page.getByTestId('preview').waitFor({ timeout: 20_000 });
      return s;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
  return harness;
}

/** Click «Lưu» in the standalone toolbar and return the downloaded .docx. */
export async function saveDocx(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lưu', exact: true }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(await download.path())) };
}

export interface AxeProblem {
  readonly id: string;
  readonly html: string[];
  /** axe-core's explanation for each node. */
  readonly why: (string | undefined)[];
}

/**
 * Serious or critical axe-core violations (WCAG 2.1 A and AA) on the page as it is, or inside the element
 * matching `scope`. axe is evaluated through the DevTools protocol: the pane's CSP rightly refuses an
 * inline <script>.
 */
export async function axeProblems(page: Page, scope?: string): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return page.evaluate(async (selector) => {
    type Node = { html: string; failureSummary?: string };
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: Node[] }[] }> };
      }
    ).axe;
    const r = await axe.run(selector ? document.querySelector(selector) : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, html: v.nodes.map((n) => n.html.slice(0, 160)), why: v.nodes.map((n) => n.failureSummary) }));
  }, scope);
}

/**
 * Where an element is, and the part of the page one can see of it: the window, narrowed by every scrolling
 * box around the element (the preview, the pane's column). Pixels, from the window's top.
 */
export function placeOnScreen(locator: Locator): Promise<{ top: number; bottom: number; seenTop: number; seenBottom: number }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    let box = { top: 0, bottom: window.innerHeight };
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowY;
      if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) {
        const b = p.getBoundingClientRect();
        box = { top: Math.max(box.top, b.top), bottom: Math.min(box.bottom, b.bottom) };
      }
    }
    return { top: r.top, bottom: r.bottom, seenTop: box.top, seenBottom: box.bottom };
  });
}
