/**
 * Deployment in one command: `npm run build -- --env url=https://…/ --env id=<GUID>` (test/global-setup.ts
 * builds .tmp/pane-dist exactly so) leaves no localhost address in manifest.xml. The built manifest is
 * checked offline as test/word/manifest.test.ts checks the source one; deployManifest's refusals are
 * checked directly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childElements, firstChild, type XElement } from '../../src/domain/ooxml/xml';
import { parseXml } from '../../src/xml/node';
import { PANE_DEPLOYMENT } from '../global-setup';
import { assertBuilt, PANE_DIST, ROOT } from './browser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deployManifest } = require(join(ROOT, 'webpack.config.js')) as {
  deployManifest(xml: string, options: { url?: string; id?: string }): string;
};

const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function textOf(e: XElement): string {
  return e.children.map((c) => (c.t === 'x' ? c.v : '')).join('');
}

/** Every address the manifest gives Word: URL attributes and AppDomain elements. */
function addresses(root: XElement): string[] {
  const out: string[] = [];
  const visit = (e: XElement): void => {
    for (const [k, v] of Object.entries(e.attrs)) if (!k.startsWith('xmlns') && /^https?:/i.test(v)) out.push(v);
    if (e.name === 'AppDomain') out.push(textOf(e).trim());
    childElements(e).forEach(visit);
  };
  visit(root);
  return out;
}

describe('the built manifest (npm run build -- --env url=… --env id=…)', () => {
  let xml: string;
  let manifest: XElement;
  beforeAll(() => {
    assertBuilt();
    xml = readFileSync(join(PANE_DIST, 'manifest.xml'), 'utf8');
    manifest = parseXml(xml);
  });

  test('no localhost address is left anywhere in the file', () => {
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/i);
    expect(SOURCE).toMatch(/https:\/\/localhost:3000\//);
  });

  test('every address is on the deployment server, every file it names was built, AppDomain is its origin', () => {
    const urls = addresses(manifest);
    expect(urls.length).toBe(addresses(parseXml(SOURCE)).length);
    const origin = new URL(PANE_DEPLOYMENT.url).origin;
    for (const url of urls) {
      if (url === origin) continue;
      expect(url.startsWith(PANE_DEPLOYMENT.url)).toBe(true);
      expect(existsSync(join(PANE_DIST, url.slice(PANE_DEPLOYMENT.url.length)))).toBe(true);
    }
    const domains = childElements(firstChild(manifest, 'AppDomains')!, 'AppDomain').map(textOf);
    expect(domains).toEqual([origin]);
    expect(firstChild(firstChild(manifest, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe(
      `${PANE_DEPLOYMENT.url}taskpane.html`,
    );
  });

  test('the Id is the one given, and nothing else changed', () => {
    expect(textOf(firstChild(manifest, 'Id')!)).toBe(PANE_DEPLOYMENT.id);
    const origin = new URL(PANE_DEPLOYMENT.url).origin;
    const back = xml
      .split(PANE_DEPLOYMENT.url)
      .join('https://localhost:3000/')
      .split(origin)
      .join('https://localhost:3000')
      .replace(PANE_DEPLOYMENT.id, textOf(firstChild(parseXml(SOURCE), 'Id')!));
    expect(back).toBe(SOURCE);
  });

  test('office-addin-manifest reads it (offline "info")', () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'office-addin-manifest');
    const r = spawnSync(bin, ['info', join(PANE_DIST, 'manifest.xml')], { cwd: ROOT, encoding: 'utf8', timeout: 50000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Id: ${PANE_DEPLOYMENT.id}`);
    expect(r.stdout).toContain(`Source Location: ${PANE_DEPLOYMENT.url}taskpane.html`);
    expect(r.stdout).toContain(`AppDomains: ${new URL(PANE_DEPLOYMENT.url).origin}`);
  });
});

test('npm run build hands what follows "--" to webpack (npm appends it to the last command)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.build).toMatch(/&& webpack --mode production$/);
});

describe('deployManifest', () => {
  test('an address under a path, without the final slash, is completed; & is escaped', () => {
    const out = deployManifest(SOURCE, { url: 'https://so-gd.example.vn/ctcl&khct' });
    expect(out).not.toContain('localhost');
    expect(out).toContain('<SourceLocation DefaultValue="https://so-gd.example.vn/ctcl&amp;khct/taskpane.html"/>');
    expect(out).toContain('<AppDomain>https://so-gd.example.vn</AppDomain>');
    expect(() => parseXml(out)).not.toThrow();
  });

  test('without options the manifest is the dev one, unchanged', () => {
    expect(deployManifest(SOURCE, {})).toBe(SOURCE);
  });

  test('refuses, in Vietnamese, what Word could not load', () => {
    expect(() => deployManifest(SOURCE, { url: 'http://ctcl.truong-abc.edu.vn/' })).toThrow(
      /https:\/\/.*Word chỉ nạp add-in qua HTTPS/,
    );
    expect(() => deployManifest(SOURCE, { url: 'ctcl.truong-abc.edu.vn' })).toThrow(/không hợp lệ/);
    expect(() => deployManifest(SOURCE, { url: 'https://ctcl.truong-abc.edu.vn/?a=1' })).toThrow(/không được có/);
    expect(() => deployManifest(SOURCE, { id: 'truong-abc' })).toThrow(/không phải một GUID/);
  });
});
