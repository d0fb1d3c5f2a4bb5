/**
 * Jest global setup: makes sure .tmp exists and builds the task pane once per run (webpack, production)
 * into .tmp/pane-dist for the Chromium tests of test/taskpane. The build is skipped when nothing it
 * depends on changed since the last one (a hash of src/, the webpack config and the lock file).
 * A failed build does not stop the other suites: its errors go to .tmp/pane-build-error.txt, and the
 * pane tests report them. Set CTCL_SKIP_PANE_BUILD=1 to skip the build entirely.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
export const PANE_DIST = join(ROOT, '.tmp', 'pane-dist');
export const PANE_BUILD_ERROR = join(ROOT, '.tmp', 'pane-build-error.txt');
const HASH_FILE = '.build-hash';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

/** Hash of everything the pane build reads. */
function sourceHash(): string {
  const h = createHash('sha256');
  const inputs = [
    ...files(join(ROOT, 'src')),
    ...['webpack.config.js', 'package-lock.json', 'tsconfig.json', 'manifest.xml'].map((f) => join(ROOT, f)),
    ...(existsSync(join(ROOT, 'assets')) ? files(join(ROOT, 'assets')) : []),
  ].sort();
  for (const f of inputs) {
    if (!existsSync(f)) continue;
    h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex');
}

async function buildPane(): Promise<void> {
  const hash = sourceHash();
  const stamp = join(PANE_DIST, HASH_FILE);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  const partial = `${PANE_DIST}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<import('webpack').Configuration>;
  const config = await makeConfig({ out: partial }, { mode: 'production' });
  const stats = await new Promise<import('webpack').Stats>((ok, fail) => {
    const compiler = webpack({ ...config, infrastructureLogging: { level: 'error' } });
    compiler.run((err, result) => {
      compiler.close(() => undefined);
      if (err || !result) fail(err ?? new Error('webpack gave no result'));
      else ok(result);
    });
  });
  if (stats.hasErrors()) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`Building the task pane failed:\n${stats.toString({ all: false, errors: true, colors: false })}`);
  }
  writeFileSync(join(partial, HASH_FILE), hash);
  rmSync(PANE_DIST, { recursive: true, force: true });
  renameSync(partial, PANE_DIST);
}

export default async function globalSetup(): Promise<void> {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  if (process.env.CTCL_SKIP_PANE_BUILD === '1') return;
  rmSync(PANE_BUILD_ERROR, { force: true });
  try {
    await buildPane();
  } catch (e) {
    rmSync(PANE_DIST, { recursive: true, force: true });
    writeFileSync(PANE_BUILD_ERROR, e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
}
