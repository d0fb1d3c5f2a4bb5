/**
 * What `npm ci` on a fresh clone prints: no engine warning (every package of the lock supports the
 * Node versions package.json promises, which .ci/run and the README state too) and no install-script
 * warning (every package of the lock with an install script is approved or denied in allowScripts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const ROOT = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean }>;
};
const installed = Object.entries(lock.packages).filter(([path]) => path !== '');
const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

test('the promised Node versions are 20.19+, 22.13+ and 24+, and include the one running the tests', () => {
  const promised = pkg.engines.node;
  for (const v of ['20.19.0', '20.20.2', '22.13.0', '24.0.0']) expect(semver.satisfies(v, promised)).toBe(true);
  for (const v of ['18.20.0', '20.18.0', '22.12.0']) expect(semver.satisfies(v, promised)).toBe(false);
  expect(semver.satisfies(process.versions.node, promised)).toBe(true);
});

test('every package in the lock supports every promised Node version (no EBADENGINE)', () => {
  // The lowest version of each range the project promises.
  const lowest = ['20.19.0', '22.13.0', '24.0.0'];
  const unsupported: string[] = [];
  let checked = 0;
  for (const [path, entry] of installed) {
    const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
    if (!range) continue;
    checked++;
    for (const v of lowest) {
      if (!semver.satisfies(v, range)) unsupported.push(`${nameOf(path)}@${entry.version} needs Node ${range} (not ${v})`);
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(unsupported).toEqual([]);
});

test('every install script in the lock is declared in allowScripts', () => {
  const declared = pkg.allowScripts ?? {};
  const withScripts = [...new Set(installed.filter(([, e]) => e.hasInstallScript).map(([path]) => nameOf(path)))].sort();
  expect(withScripts.length).toBeGreaterThan(0);
  expect(withScripts.filter((name) => !(name in declared))).toEqual([]);
  // Nothing stale: each entry names a package that has an install script.
  expect(Object.keys(declared).sort()).toEqual(withScripts);
});
