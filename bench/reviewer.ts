/**
 * Bench section "reviewer": the reviewer page (reviewer.html) beside `ctcl check` on the same folder.
 *
 * 1. A folder is generated with the tests' corpus generator (test/fixtures/corpus.ts).
 * 2. `ctcl check <folder> --plan-dir <folder> --format json` in-process: files per second (the same
 *    work the page does: every file a candidate plan, reports paired and checked again).
 * 3. The page in Debian's Chromium, headless, offline: the folder given to its folder picker, timed
 *    from the pick to the summary line (reading, checking and pairing in its Web Worker): files per
 *    second, median of the rounds, a fresh page each round.
 * 4. 2,000 files: the folder's files copied into as many sub-folders as needed, picked once; the JS
 *    heap of the page and of its worker after the run (garbage collected first), through the DevTools
 *    protocol. The worker keeps each file's record and findings only, never the documents.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { run as ctcl } from '../src/cli/main';
import globalSetup from '../test/global-setup';
import { buildCorpus } from '../test/fixtures/corpus';
import { CHROMIUM, CHROMIUM_ARGS, PANE_DIST } from '../test/taskpane/browser';
import { serveStatic } from '../test/taskpane/serve';
import { median, type BenchOptions } from './shared';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

/** Pick the folder in a fresh page; ms from the pick to the summary, and the page. */
async function pageRun(browser: Browser, url: string, folder: string): Promise<{ ms: number; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  await context.route(
    (u) => !u.href.startsWith(url),
    (r) => r.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  await page.goto(`${url}reviewer.html`);
  await page.getByTestId('drop-zone').waitFor();
  const t = performance.now();
  await page.getByTestId('folder-input').setInputFiles(folder);
  await page.getByTestId('run-summary').waitFor({ timeout: 30 * 60_000 });
  return { ms: performance.now() - t, page };
}

/** Used JS heap of the page and of its worker, after a garbage collection, in bytes. */
async function heaps(browser: Browser, page: Page): Promise<{ page: number; worker: number }> {
  const pageCdp = await page.context().newCDPSession(page);
  await pageCdp.send('HeapProfiler.collectGarbage');
  const pageHeap = (await pageCdp.send('Runtime.getHeapUsage')).usedSize;
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const w = targetInfos.find((t) => t.type === 'worker');
  if (!w) throw new Error('the reviewer page has no worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: w.targetId, flatten: false });
  let id = 0;
  const call = (method: string) =>
    new Promise<Record<string, number>>((ok) => {
      const mine = ++id;
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        const m = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
        if (m.id === mine) ok(m.result ?? {});
      });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
    });
  await call('HeapProfiler.collectGarbage');
  const worker = (await call('Runtime.getHeapUsage')).usedSize;
  await cdp.detach();
  return { page: pageHeap, worker };
}

export async function run(opts: BenchOptions): Promise<Record<string, number | object>> {
  const log = opts.log ?? (() => undefined);
  const rounds = opts.quick ? 2 : 5;
  const big = opts.quick ? 500 : 2000;
  const work = mkdtempSync(join(tmpdir(), 'ctcl-bench-reviewer-'));
  await globalSetup();
  const server = await serveStatic(PANE_DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const folder = join(work, 'ho-so');
    const corpus = await buildCorpus(folder, {
      schools: opts.quick ? 14 : 40,
      seedsDir: join(opts.root, 'test', 'fixtures', 'seeds'),
    });
    const files = corpus.docx.length;
    log(`reviewer: ${files} tệp .docx, ${rounds} vòng`);

    const sink = { stdout: () => undefined, stderr: () => undefined, cwd: work };
    const argv = ['check', 'ho-so', '--plan-dir', 'ho-so', '--format', 'json'];
    await ctcl(argv, sink);
    const cli: number[] = [];
    const page: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      await ctcl(argv, sink);
      cli.push(performance.now() - t);
      const p = await pageRun(browser, server.url, folder);
      page.push(p.ms);
      await p.page.context().close();
    }

    // 2,000 files: copies of the folder's .docx files in numbered sub-folders.
    const bigFolder = join(work, 'so-gd');
    const sources = filesUnder(folder).filter((f) => f.endsWith('.docx') && !/[\\/][.~]/.test(relative(folder, f)));
    let n = 0;
    for (let copy = 0; n < big; copy++) {
      for (const f of sources) {
        if (n >= big) break;
        const to = join(bigFolder, `phong-${String(copy + 1).padStart(3, '0')}`, relative(folder, f));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(f, to);
        n++;
      }
    }
    log(`reviewer: ${n} tệp trong một lần chọn thư mục`);
    const p = await pageRun(browser, server.url, bigFolder);
    const heap = await heaps(browser, p.page);
    await p.page.context().close();

    const cliMs = median(cli);
    const pageMs = median(page);
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    return {
      files,
      rounds,
      cliFilesPerSecond: Math.round((files / cliMs) * 1000 * 10) / 10,
      browserFilesPerSecond: Math.round((files / pageMs) * 1000 * 10) / 10,
      bigFiles: n,
      bigBrowserFilesPerSecond: Math.round((n / p.ms) * 1000 * 10) / 10,
      bigPageHeapMB: mb(heap.page),
      bigWorkerHeapMB: mb(heap.worker),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export function format(r: Record<string, number | object>): string[] {
  return [
    `Cùng thư mục (${r.files} tệp, ghép kế hoạch trong cùng thư mục), trung vị ${r.rounds} vòng:`,
    `  ctcl check --plan-dir (trong tiến trình):    ${r.cliFilesPerSecond} tệp/giây`,
    `  trang tổng hợp (Chromium, Web Worker):       ${r.browserFilesPerSecond} tệp/giây`,
    `Trang tổng hợp với ${r.bigFiles} tệp:             ${r.bigBrowserFilesPerSecond} tệp/giây`,
    `  bộ nhớ JS sau khi xong: trang ${r.bigPageHeapMB} MB, worker ${r.bigWorkerHeapMB} MB`,
  ];
}
