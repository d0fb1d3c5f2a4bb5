import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childElements, firstChild, type XElement } from '../../src/domain/ooxml/xml';
import { parseXml } from '../../src/xml/node';

const ROOT = join(__dirname, '..', '..');
const ORIGIN = 'https://localhost:3000';
const manifest = parseXml(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));

function child(e: XElement, name: string): XElement {
  const c = firstChild(e, name);
  if (!c) throw new Error(`${e.name} has no ${name}`);
  return c;
}

function textOf(e: XElement): string {
  return e.children.map((c) => (c.t === 'x' ? c.v : '')).join('');
}

function all(e: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  const visit = (x: XElement): void => {
    for (const c of childElements(x)) {
      if (c.name === name) out.push(c);
      visit(c);
    }
  };
  visit(e);
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  test('a Word task pane add-in with a fixed GUID, Vietnamese name and locale', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(textOf(child(manifest, 'Id'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(textOf(child(manifest, 'DefaultLocale'))).toBe('vi-VN');
    expect(child(manifest, 'DisplayName').attrs.DefaultValue).toBe('Cải tiến chất lượng');
    expect(child(manifest, 'Description').attrs.DefaultValue).toMatch(/kế hoạch cải tiến chất lượng/i);
    expect(childElements(child(manifest, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Document']);
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
  });

  test('declares WordApi 1.1 (so Word 2016 volume licence opens the pane; 1.3 is checked at run time) and asks for ReadWriteDocument only', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets');
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(childElements(sets, 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['WordApi', '1.1']]);
    expect(textOf(child(manifest, 'Permissions')).trim()).toBe('ReadWriteDocument');
    expect(all(manifest, 'Permissions')).toHaveLength(1);
  });

  test('a Home tab button "Mở ctcl" in the group "Cải tiến chất lượng" opens the pane', () => {
    const overrides = child(manifest, 'VersionOverrides');
    const resources = child(overrides, 'Resources');
    const strings = new Map<string, string>();
    for (const kind of ['bt:ShortStrings', 'bt:LongStrings', 'bt:Urls', 'bt:Images']) {
      for (const s of childElements(child(resources, kind))) strings.set(s.attrs.id, s.attrs.DefaultValue);
    }
    const tab = all(overrides, 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    const group = child(tab, 'Group');
    expect(strings.get(child(group, 'Label').attrs.resid)).toBe('Cải tiến chất lượng');
    const button = child(group, 'Control');
    expect(button.attrs['xsi:type']).toBe('Button');
    expect(strings.get(child(button, 'Label').attrs.resid)).toBe('Mở ctcl');
    const action = child(button, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(strings.get(child(action, 'SourceLocation').attrs.resid)).toBe(`${ORIGIN}/taskpane.html`);
    // Every resid points at a resource.
    const referenced = collectWithResid(overrides).map((e) => e.attrs.resid);
    expect(referenced.length).toBeGreaterThan(10);
    for (const id of referenced) expect(strings.has(id)).toBe(true);
    // No FunctionFile: the add-in has no UI-less commands, and the pane page is not a function file.
    expect(all(overrides, 'FunctionFile')).toHaveLength(0);
    // Ribbon icons come in the sizes Word asks for.
    const sizes = childElements(child(group, 'Icon')).map((i) => i.attrs.size);
    expect(sizes).toEqual(['16', '32', '80']);
  });

  test('every URL is on the dev server, and every asset it names exists with the right size', () => {
    const urls: string[] = [];
    const visit = (e: XElement): void => {
      for (const [k, v] of Object.entries(e.attrs)) if (!k.startsWith('xmlns') && /^https?:/.test(v)) urls.push(v);
      if (e.name === 'AppDomain') urls.push(textOf(e));
      childElements(e).forEach(visit);
    };
    visit(manifest);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
      const path = url.slice(ORIGIN.length + 1);
      if (path.startsWith('assets/')) {
        const file = join(ROOT, path);
        expect(existsSync(file)).toBe(true);
        const size = /icon-(\d+)\.png$/.exec(path);
        if (size) expect(pngSize(file)).toEqual([Number(size[1]), Number(size[1])]);
      }
    }
    for (const n of [16, 32, 64, 80, 128]) expect(pngSize(join(ROOT, 'assets', `icon-${n}.png`))).toEqual([n, n]);
    expect(readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8')).toContain('<svg');
  });

  test('office-addin-manifest reads it (offline "info")', () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'office-addin-manifest');
    const r = spawnSync(bin, ['info', 'manifest.xml'], { cwd: ROOT, encoding: 'utf8', timeout: 50000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Name: Cải tiến chất lượng');
    expect(r.stdout).toContain('Permissions: ReadWriteDocument');
    expect(r.stdout).toContain(`Source Location: ${ORIGIN}/taskpane.html`);
  });
});

/** Elements carrying a resid attribute, anywhere under e. */
function collectWithResid(e: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (x: XElement): void => {
    if (x.attrs.resid) out.push(x);
    childElements(x).forEach(visit);
  };
  visit(e);
  return out;
}
