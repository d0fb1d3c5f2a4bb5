/**
 * src/domain/store: what a document saved by the current release holds reads unchanged (pinned fixtures
 * made before the store had an owner), one parse and one serialise, and store changes applied one after
 * another in both backends: two panels writing at once both keep their change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMPTY_STORE,
  ignoredOf,
  parseStoreJson,
  parseStoreXml,
  readStoreV1,
  storeSeq,
  storeXml,
  STORE_KEYS,
  withDraft,
  withIgnored,
  withOverrides,
  withProfile,
  withSchoolType,
  withTemplate,
  type DocumentStore,
} from '../../src/domain/store';
import { EMPTY_PROFILE } from '../../src/domain/profile';
import { DocxDocument } from '../../src/docx/document';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { createWordBackend, type OfficeContextLike } from '../../src/word/gateway';
import { partXml, readStorePart } from '../../src/word/custom-xml';
import { FakeCustomXmlParts, FakeWord } from '../word/fake-word';
import { oursOnly } from '../word/documents';
import { FIXTURES } from '../helpers';

const DIR = join(FIXTURES, 'store');
/** Saved by the release before src/domain/store (seed 000, one «Bỏ qua», school type set by hand, a draft, a profile, a template). */
const SAVED_DOCX = join(DIR, 'seed-000-saved-v1.docx');
const SAVED_JSON = JSON.parse(readFileSync(join(DIR, 'seed-000-saved-v1.json'), 'utf8')) as DocumentStore;
/** The part Word's customXmlParts got from that release. */
const WORD_PART = readFileSync(join(DIR, 'word-part-v1.xml'), 'utf8');

describe('a document saved by the current release', () => {
  test('its store reads back unchanged, every key through its reader', async () => {
    const doc = DocxDocument.open(new Uint8Array(readFileSync(SAVED_DOCX)), parseXml, 'saved.docx');
    const store = await doc.loadStore();
    expect(store).toEqual(SAVED_JSON);
    const typed = readStoreV1(store);
    expect(typed.ignoredFindings).toEqual(['standard-title-mismatch|report0|TC5']);
    expect(typed.metaOverrides).toEqual({ schoolType: 'mam-non' });
    expect(typed.rowDraft).toEqual({
      table: { table: 0 },
      ref: '1.2',
      level: 2,
      section: 'main',
      cells: { solution: 'Bồi dưỡng giáo viên & nhân viên <2026>' },
      ordinal: 3,
      updatedAt: '2026-11-30T08:05:00.000Z',
    });
    expect(typed.profile).toMatchObject({ schoolName: 'Trường Mầm non Hoa Sen', recipients: ['Phòng GDĐT', 'Lưu: VT'] });
    expect(typed.templates.map((t) => [t.name, t.framework, t.rows.length > 0])).toEqual([['Kế hoạch mẫu 2025', '2018', true]]);
  });

  test('its part reads as written (no save number: 0), and is written again the same way with the save number added', () => {
    const pkg = DocxPackage.open(new Uint8Array(readFileSync(SAVED_DOCX)));
    const item = pkg.paths().find((p) => /^customXml\/item\d+\.xml$/.test(p))!;
    const old = pkg.text(item)!;
    expect(storeSeq(parseXml(old))).toBe(0);
    expect(storeXml(SAVED_JSON, { seq: 1 })).toBe(
      old.replace('xmlns:ctcl="urn:ctcl:store:1"', 'xmlns:ctcl="urn:ctcl:store:1" ctcl:seq="1"'),
    );
    expect(partXml(SAVED_JSON)).toBe(
      WORD_PART.replace('xmlns:ctcl="urn:ctcl:store:1"', 'xmlns:ctcl="urn:ctcl:store:1" ctcl:seq="1"'),
    );
    expect(WORD_PART.startsWith('<?xml')).toBe(false);
    expect(readStorePart(WORD_PART, parseXml)).toEqual(SAVED_JSON);
  });
});

describe('one parse', () => {
  test('any prefix bound to our namespace; other namespaces, other versions and broken JSON are not a store', () => {
    const json = JSON.stringify({ version: 1, ignoredFindings: ['a'] });
    expect(parseStoreXml(parseXml(`<x:store xmlns:x="urn:ctcl:store:1">${json}</x:store>`))).toEqual({
      version: 1,
      ignoredFindings: ['a'],
    });
    expect(parseStoreXml(parseXml(`<store xmlns="urn:ctcl:store:1">${json}</store>`))).toEqual({
      version: 1,
      ignoredFindings: ['a'],
    });
    expect(parseStoreXml(parseXml(`<x:store xmlns:x="urn:other">${json}</x:store>`))).toBeUndefined();
    expect(parseStoreJson(JSON.stringify({ version: 2 }))).toBeUndefined();
    expect(parseStoreJson('{"version":1,')).toBeUndefined();
    expect(parseStoreJson('[1]')).toBeUndefined();
  });

  test('malformed values are ignored, never thrown', () => {
    const bad: DocumentStore = {
      version: 1,
      rowDraft: 'x',
      ignoredFindings: [1, 'b', null],
      metaOverrides: { schoolType: 'đại học', schoolYear: '2025', framework: '2030' },
      profile: [],
      templates: [{ name: 'hỏng' }],
    };
    expect(readStoreV1(bad)).toEqual({
      rowDraft: undefined,
      ignoredFindings: ['b'],
      metaOverrides: {},
      profile: undefined,
      templates: [],
    });
  });

  test('every writer keeps the other keys, including keys a newer ctcl wrote', () => {
    const newer: DocumentStore = { version: 1, futureKey: { a: 1 } };
    const template = readStoreV1(SAVED_JSON).templates[0];
    const all = [
      withIgnored(newer, 'x'),
      withOverrides(newer, { schoolYear: '2025-2026' }),
      withSchoolType(newer, 'tieu-hoc'),
      withDraft(newer, readStoreV1(SAVED_JSON).rowDraft),
      withDraft(newer, undefined),
      withProfile(newer, EMPTY_PROFILE),
      withTemplate(newer, template),
    ];
    for (const s of all) expect(s).toMatchObject({ version: 1, futureKey: { a: 1 } });
    expect(Object.values(STORE_KEYS).sort()).toEqual(['ignoredFindings', 'metaOverrides', 'profile', 'rowDraft', 'templates']);
  });
});

describe('concurrent store writes from two panels both survive', () => {
  /** «Kiểm tra» ignores a finding while «Điền dòng» saves its draft, both started before either finished. */
  const draft = readStoreV1(SAVED_JSON).rowDraft;
  const twoPanels = (a: { updateStore: (c: (s: DocumentStore) => DocumentStore) => Promise<DocumentStore> }, b: typeof a) =>
    Promise.all([
      a.updateStore((s) => withIgnored(s, 'finding-1')),
      b.updateStore((s) => withDraft(s, draft)),
      a.updateStore((s) => withSchoolType(s, 'gdtx')),
    ]);

  test('Word: two gateways on one document share one queue', async () => {
    const parts = new FakeCustomXmlParts();
    const office: OfficeContextLike = {
      document: { url: null, mode: 'readWrite', customXmlParts: parts },
      requirements: { isSetSupported: () => true },
    };
    const panel = () => createWordBackend({ run: new FakeWord({ documentXml: oursOnly([]).xml }).run, parse: parseXml, office });
    const [a, b] = [panel(), panel()];
    await twoPanels(a, b);
    const store = await a.loadStore();
    expect(ignoredOf(store)).toEqual(['finding-1']);
    expect(store.rowDraft).toEqual(draft);
    expect(store.metaOverrides).toEqual({ schoolType: 'gdtx' });
    // One part in our namespace, without an XML declaration.
    expect([...parts.parts.values()].filter((p) => p.ns === 'urn:ctcl:store:1')).toHaveLength(1);
  });

  test('the .docx backend (standalone pane, CLI)', async () => {
    const doc = DocxDocument.blank(parseXml, 'a.docx', []);
    await twoPanels(doc, doc);
    const store = await DocxDocument.open(doc.toBytes(), parseXml, 'a.docx').loadStore();
    expect(store).toEqual({ version: 1, ignoredFindings: ['finding-1'], rowDraft: draft, metaOverrides: { schoolType: 'gdtx' } });
  });

  test('a failed change does not stop the next one', async () => {
    const doc = DocxDocument.blank(parseXml, 'a.docx', []);
    const failing = doc.updateStore(() => {
      throw new Error('boom');
    });
    const next = doc.updateStore((s) => withIgnored(s, 'x'));
    await expect(failing).rejects.toThrow('boom');
    expect(ignoredOf(await next)).toEqual(['x']);
    expect(await doc.loadStore()).not.toEqual(EMPTY_STORE);
  });
});
