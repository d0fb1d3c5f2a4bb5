/**
 * The pane's code beyond the first screen. The first paint carries only the insert form; the other tabs,
 * the catalogs and the document code are chunks fetched afterwards. Once the first screen is up and the
 * browser is idle, preloadAll() fetches every one of them, so that a network that drops later (a school's
 * Wi-Fi, a laptop carried to another room) does not leave a tab that cannot open. A chunk that still fails
 * says so in Vietnamese (error-text.ts, CHUNK_FAILED) and can be tried again.
 */
import { allCatalogLoaders } from './insert/catalogs';

/** Every chunk the tabs may need, as the tabs import them (same chunk names, so the same files). */
const LATER: readonly (() => Promise<unknown>)[] = [
  () => import(/* webpackChunkName: "rows" */ './rows/RowsPanel'),
  () => import(/* webpackChunkName: "tt57" */ './rows/Tt57Fill'),
  () => import(/* webpackChunkName: "check" */ './check/CheckPanel'),
  () => import(/* webpackChunkName: "check-files" */ './check/files'),
  () => import(/* webpackChunkName: "year" */ './year/YearPanel'),
  () => import(/* webpackChunkName: "year-files" */ './year/files'),
  () => import(/* webpackChunkName: "plan2026" */ './insert/whole-plan'),
  ...allCatalogLoaders(),
];

/**
 * Fetches (and runs the modules of) every later chunk, one after another so the pane stays responsive.
 * Resolves to the number that failed; a failure now is not an error (the tab retries when opened).
 */
export async function preloadAll(loaders: readonly (() => Promise<unknown>)[] = LATER): Promise<number> {
  let failed = 0;
  for (const load of loaders) {
    try {
      await load();
    } catch {
      failed++;
    }
  }
  return failed;
}

/** Runs `task` when the browser is idle (at the latest after `timeoutMs`). */
export function whenIdle(task: () => void, timeoutMs = 3000): () => void {
  const w = globalThis as typeof globalThis & {
    requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const id = w.requestIdleCallback(task, { timeout: timeoutMs });
    return () => w.cancelIdleCallback?.(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
