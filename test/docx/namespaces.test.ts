/**
 * XML by namespace, not by prefix: a document that binds WordprocessingML to `ns0`, or makes it the default
 * namespace, is read as the same document, and every edit leaves it valid and the same document as the edit
 * of the `w:` original (compared namespace-aware: {uri}local names). The same in Chromium:
 * test/edit-safety/parsers.browser.test.ts runs the edits on an `ns0` document with the browser's parser.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { openForReading } from '../../src/app/open';
import { checkDocument } from '../../src/domain/check';
import { canonicalPrefixes, hasForeignPrefixes } from '../../src/domain/ooxml/namespaces';
import type { DocModel } from '../../src/domain/ooxml/reader';
import { serialize } from '../../src/domain/ooxml/xml';
import { parseXml } from '../../src/xml/node';
import { runScenario, type ScenarioName } from '../edit-safety/scenarios';
import { expanded, PREFIX_VARIANTS, withForeignPrefix, W_NS } from '../edit-safety/prefixes';
import { seedPath } from '../helpers';

const seed = (n: string): Uint8Array => new Uint8Array(readFileSync(seedPath(n)));

/** Everything the reader reports, without the XML element references. */
function plain(m: DocModel) {
  return {
    paragraphs: m.paragraphs,
    tables: m.tables.map((t) => ({
      ...t,
      el: undefined,
      rows: t.rows.map((r) => ({ ...r, el: undefined, cells: r.cells.map((c) => ({ ...c, el: undefined })) })),
    })),
  };
}

/** Every edit of the edit-safety corpus, on the seed it applies to. */
const EDITS: readonly (readonly [string, ScenarioName])[] = [
  ...(
    [
      'add a row',
      'add several rows',
      'update a row (text with a vertical tab, & < > and a control character)',
      'official frame at the start',
      'insert a new table at the end',
      'save the store',
    ] as const
  ).map((s) => ['003', s] as const),
  ['000', 'fix: official standard title'],
];

const xmlParts = (bytes: Uint8Array): Map<string, string> =>
  new Map(
    Object.entries(unzipSync(bytes))
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, data]) => [name, strFromU8(data)]),
  );

/** The parts after an edit of the `w:` original, namespace-aware; made once per edit for the three variants. */
const expectedTrees = new Map<string, Promise<Map<string, string>>>();
function expectedAfter(n: string, scenario: ScenarioName): Promise<Map<string, string>> {
  const key = `${n}/${scenario}`;
  let p = expectedTrees.get(key);
  if (!p) expectedTrees.set(key, (p = runScenario(seed(n), scenario, parseXml).then(xmlParts)));
  return p;
}

describe.each(PREFIX_VARIANTS)('WordprocessingML under another prefix (%s)', (variant) => {
  test.each(['000', '003'])('seed %s is read and checked as the w: original is', (n) => {
    const original = seed(n);
    const foreign = withForeignPrefix(original, variant);
    // The document really does not say `w:body` (the reader used to refuse it: «không có phần thân văn bản»).
    const main = xmlParts(foreign).get('word/document.xml')!;
    expect(main).not.toMatch(/<w:body\b/);
    expect(expanded(main)).toEqual(expanded(xmlParts(original).get('word/document.xml')!));

    const a = openForReading(original, parseXml);
    const b = openForReading(foreign, parseXml);
    expect(b.model.tables.length).toBeGreaterThan(0);
    expect(plain(b.model)).toEqual(plain(a.model));
    const asOf = new Date(2026, 0, 1);
    const ca = checkDocument(a.model, { asOf });
    const cb = checkDocument(b.model, { asOf });
    expect(cb.meta).toEqual(ca.meta);
    expect(cb.findings).toEqual(ca.findings);
  });

  test.each(EDITS)(
    'seed %s / %s: the edit leaves a valid document, the same as the edit of the w: original',
    async (n, scenario) => {
      const original = seed(n);
      const after = xmlParts(await runScenario(withForeignPrefix(original, variant), scenario, parseXml));
      const expected = await expectedAfter(n, scenario);
      expect([...after.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [name, xml] of expected) {
        // expanded() refuses an undeclared prefix: every part written is namespace-well-formed.
        expect({ name, tree: expanded(after.get(name)!) }).toEqual({ name, tree: expanded(xml) });
      }
    },
  );
});

describe('canonicalPrefixes', () => {
  test('a document with Word’s own prefixes is not walked: the same tree comes back', () => {
    const xml = `<w:document xmlns:w="${W_NS}"><w:body><w:p/></w:body></w:document>`;
    expect(hasForeignPrefixes(xml)).toBe(false);
    const tree = parseXml(xml);
    expect(canonicalPrefixes(tree, xml)).toBe(tree);
  });

  test('the document keeps its own declarations and gains the canonical one where it declared its own', () => {
    const xml =
      `<ns0:document xmlns:ns0="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
      `xmlns:x5="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="x5">` +
      `<ns0:body><ns0:p x5:paraId="1"><ns0:r><ns0:t xml:space="preserve">ns0:body &amp; w:</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;
    const out = serialize(parseXml(xml));
    expect(out).toBe(
      `<w:document xmlns:ns0="${W_NS}" xmlns:w="${W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
        `xmlns:x5="http://schemas.microsoft.com/office/word/2010/wordml" ` +
        `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="x5">` +
        `<w:body><w:p w14:paraId="1"><w:r><w:t xml:space="preserve">ns0:body &amp; w:</w:t></w:r></w:p></w:body></w:document>`,
    );
    expect(expanded(out)).toEqual(expanded(xml));
  });

  test('a prefix redeclared inside the document is followed by scope', () => {
    const xml =
      `<ns0:document xmlns:ns0="${W_NS}"><ns0:body>` +
      `<ns0:p><x xmlns:ns0="urn:example:other" ns0:a="1"><ns0:y/></x></ns0:p></ns0:body></ns0:document>`;
    const out = serialize(parseXml(xml));
    expect(out).toContain('<ns0:y/>');
    expect(out).toContain('<w:body>');
    expect(expanded(out)).toEqual(expanded(xml));
  });

  test('a lean parse leaves out the same formatting under any prefix', () => {
    const doc = (p: string) =>
      `<${p}:document xmlns:${p}="${W_NS}"><${p}:body><${p}:p ${p}:rsidR="00A1"><${p}:pPr><${p}:spacing ${p}:after="0"/><${p}:jc ${p}:val="center"/></${p}:pPr>` +
      `<${p}:r><${p}:t>A</${p}:t></${p}:r></${p}:p></${p}:body></${p}:document>`;
    expect(parseXml(doc('ns0'), { lean: true }).children).toEqual(parseXml(doc('w'), { lean: true }).children);
    expect(serialize(parseXml(doc('w'), { lean: true }))).not.toContain('spacing');
  });
});
