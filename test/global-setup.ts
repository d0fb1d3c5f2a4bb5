/**
 * Jest global setup: makes sure .tmp exists and builds the task pane once per run into .tmp/pane-dist
 * for the Chromium tests of test/taskpane, with the deployment command (webpack-cli, production,
 * --env url=… --env id=…). The build is skipped when nothing it
 * depends on changed since the last one (a hash of src/, the webpack config and the lock file).
 * A failed build does not stop the other suites: its errors go to .tmp/pane-build-error.txt, and the
 * pane tests report them. Set CTCL_SKIP_PANE_BUILD=1 to skip the build entirely.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
export const PANE_DIST = join(ROOT, '.tmp', 'pane-dist');
export const PANE_BUILD_ERROR = join(ROOT, '.tmp', 'pane-build-error.txt');
const HASH_FILE = '.build-hash';
/** The build is a deployment build for this address and add-in Id (test/taskpane/deploy.test.ts). */
export const PANE_DEPLOYMENT = { url: 'https://ctcl.truong-abc.edu.vn/', id: '3f2b8a61-5c0d-4e7a-9b1f-8d6c4a2e7b90' } as const;

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
  h.update(JSON.stringify(PANE_DEPLOYMENT)).update('\0');
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
  // The command a school's IT person runs (npm run build -- --env url=… --env id=…), into .tmp.
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const args = ['--mode', 'production', '--env', `out=${partial}`, '--env', `url=${PANE_DEPLOYMENT.url}`];
  args.push('--env', `id=${PANE_DEPLOYMENT.id}`, '--stats', 'errors-warnings', '--no-color');
  const result = await new Promise<{ code: number | null; output: string }>((ok, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, output }));
  });
  if (result.code !== 0 || !existsSync(join(partial, 'taskpane.html'))) {
    rmSync(partial, { recursive: true, force: true });
    throw new Error(`Building the task pane failed:\n${result.output}`);
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
