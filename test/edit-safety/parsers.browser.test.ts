/**
 * Both XML parsers give the same result: every edit of the edit-safety corpus run in Node (saxes,
 * src/xml/node.ts, what the CLI uses) and in Chromium (DOMParser, src/xml/dom.ts, what the pane
 * uses) leaves the same package, part for part, byte for byte except for the order of namespace
 * declarations (Chromium's DOMParser sorts the root element's); and both parsers read every XML part of
 * the documents before and after into the same tree, full and lean — also for documents that bind
 * WordprocessingML to another prefix (test/docx/namespaces.test.ts shows those edits equal the `w:` ones).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { XElement } from '../../src/domain/ooxml/xml';
import { parseXml } from '../../src/xml/node';
import { seedPath } from '../helpers';
import { CHROMIUM, CHROMIUM_ARGS } from '../taskpane/browser';
import { loPlan, rawPlan, rawReport } from './corpus';
import { withForeignPrefix } from './prefixes';
import { runScenario, SCENARIOS, type ScenarioName } from './scenarios';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(__dirname, 'parsers-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    charset: 'utf8',
    logLevel: 'warning',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><head></head><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const seed003 = (): Uint8Array => new Uint8Array(readFileSync(seedPath('003')));

interface Case {
  readonly doc: string;
  readonly bytes: () => Uint8Array | Promise<Uint8Array>;
  readonly scenario: ScenarioName;
  readonly plan?: () => Uint8Array;
}

const DOCS: readonly { doc: string; bytes: Case['bytes'] }[] = [
  { doc: 'LibreOffice plan', bytes: loPlan },
  { doc: 'raw plan (seed 003 + WordprocessingML)', bytes: () => rawPlan() },
  { doc: 'raw report (seed 000 + WordprocessingML)', bytes: () => rawReport() },
  { doc: 'seed 003', bytes: seed003 },
  // XML by namespace: WordprocessingML under another prefix is read and edited the same in both parsers.
  { doc: 'seed 003 with ns0: for w:', bytes: () => withForeignPrefix(seed003(), 'ns0') },
];
/** Read by both parsers (the edits of this one are compared in Node only, test/docx/namespaces.test.ts). */
const READ_DOCS: readonly { doc: string; bytes: Case['bytes'] }[] = [
  ...DOCS,
  { doc: 'seed 003 in the default namespace', bytes: () => withForeignPrefix(seed003(), 'default namespace') },
];
const ON_EVERY_DOC: readonly ScenarioName[] = [
  'add a row',
  'add several rows',
  'update a row (text with a vertical tab, & < > and a control character)',
  'official frame at the start',
  'insert a new table at the end',
  'save the store',
];
const CASES: readonly Case[] = [
  ...DOCS.flatMap((d) => ON_EVERY_DOC.map((scenario) => ({ ...d, scenario }))),
  { doc: 'raw report', bytes: () => rawReport(), scenario: 'fix: official standard title' },
  { doc: 'raw report', bytes: () => rawReport(), scenario: 'fix: official criterion title' },
  { doc: 'raw report', bytes: () => rawReport(), scenario: 'fix: planned rows (from the plan given)', plan: seed003 },
  { doc: 'raw report without «Ghi chú»', bytes: () => rawReport({ dropColumn: 7 }), scenario: 'fix: missing column' },
  { doc: 'raw plan without «Điều kiện hỗ trợ khác»', bytes: () => rawPlan({ dropColumn: 7 }), scenario: 'fix: missing column' },
];

test('every scenario is run', () => {
  expect(new Set(CASES.map((c) => c.scenario))).toEqual(new Set(Object.keys(SCENARIOS)));
});

/** The package's parts by name, every XML part as text. */
function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)).sort(([a], [b]) => a.localeCompare(b)));
}

/** The tree from the browser's parser (a plain copy of the XElement). */
const parseInBrowser = (xml: string, lean: boolean): Promise<XElement> =>
  page.evaluate(([x, l]) => (window as unknown as { ctcl: { parse(x: string, l: boolean): XElement } }).ctcl.parse(x, l), [
    xml,
    lean,
  ] as const);

test.each(CASES.map((c) => [`${c.doc}: ${c.scenario}`, c] as const))('%s', async (_name, c) => {
  const before = await c.bytes();
  const plan = c.plan?.();
  const inNode = await runScenario(before, c.scenario, parseXml, plan);
  const b64 = (x: Uint8Array) => Buffer.from(x).toString('base64');
  const inBrowser = Buffer.from(
    await page.evaluate(
      ([b, name, p]) =>
        (window as unknown as { ctcl: { run(b: string, n: string, p?: string): Promise<string> } }).ctcl.run(b, name, p),
      [b64(before), c.scenario, plan && b64(plan)] as const,
    ),
    'base64',
  );
  const node = parts(inNode);
  const dom = parts(inBrowser);
  expect([...dom.keys()]).toEqual([...node.keys()]);
  // The edit did something (the same thing in both).
  expect(
    strFromU8(node.get('word/document.xml')!) !== strFromU8(parts(before).get('word/document.xml')!) ||
      c.scenario === 'save the store',
  ).toBe(true);
  for (const [name, data] of node) {
    const a = strFromU8(data);
    const b = strFromU8(dom.get(name)!);
    if (a === b) continue;
    // The one difference allowed: Chromium's DOMParser lists an element's namespace declarations in its own
    // order (the root's, alphabetically). Attribute order means nothing in XML; everything else is the same.
    const noNamespaces = (x: string) => x.replace(/ xmlns(:\w+)?="[^"]*"/g, '');
    expect({ name, text: noNamespaces(b) === noNamespaces(a) }).toEqual({ name, text: true });
    expect(parseXml(b)).toEqual(parseXml(a));
  }

  // Both parsers read what the edit wrote into the same tree (what was there before: the test below).
  const original = parts(before);
  for (const [name, data] of node) {
    if (!/\.(xml|rels)$/.test(name) || Buffer.from(data).equals(Buffer.from(original.get(name) ?? []))) continue;
    await expectSameTrees(name, strFromU8(data));
  }
});

async function expectSameTrees(name: string, xml: string): Promise<void> {
  for (const lean of [false, true]) {
    expect({ name, lean, tree: await parseInBrowser(xml, lean) }).toEqual({ name, lean, tree: parseXml(xml, { lean }) });
  }
}

test.each(READ_DOCS.map((d) => [d.doc, d] as const))(
  '%s: both parsers read every XML part into the same tree',
  async (_name, d) => {
    for (const [name, data] of parts(await d.bytes()))
      if (/\.(xml|rels)$/.test(name)) await expectSameTrees(name, strFromU8(data));
  },
);
