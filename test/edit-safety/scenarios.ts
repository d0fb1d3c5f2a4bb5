/**
 * The edits of the edit-safety corpus as named scenarios that run the same way with either XML parser:
 * the Node one (saxes, src/xml/node.ts) in Jest, and the browser's DOMParser (src/xml/dom.ts)
 * in Chromium, where this module is bundled by parsers.browser.test.ts. No Node built-ins here.
 */
import { getCatalog } from '../../src/domain/catalog';
import { planFromDocument } from '../../src/domain/check';
import { fixPlanner } from '../../src/domain/check/fixes';
import { resolveNewDocument } from '../../src/domain/documents/new-document';
import { headerBlock, signatureBlock } from '../../src/domain/documents/official-frame';
import type { XmlParser } from '../../src/domain/ooxml/xml';
import { planAddRow, planAddRows, planUpdateRow } from '../../src/domain/table/edit';
import type { CriterionEntry, RecognisedTable } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';

const catalog = getCatalog('2018', 'tieu-hoc');

function firstCriterion(rec: RecognisedTable): CriterionEntry {
  const e = rec.entries.find((x): x is CriterionEntry => x.kind === 'criterion' && !x.ref.level4);
  if (!e) throw new Error('no criterion row');
  return e;
}

/** Each scenario edits the document it is given; the bytes after are compared across parsers. */
export const SCENARIOS = {
  'add a row': (doc: DocxDocument) =>
    doc.editTable({}, (rec) => planAddRow(rec, catalog, { ref: { code: '1.2' }, cells: { owner: 'Hiệu trưởng' } })),
  'add several rows': (doc: DocxDocument) =>
    doc.editTable({}, (rec) =>
      planAddRows(rec, catalog, [
        { ref: { code: '1.4' }, cells: {} },
        { ref: { code: '2.1' }, cells: { owner: 'Tổ văn phòng' } },
        { ref: { code: '5.1' }, cells: {} },
      ]),
    ),
  'update a row (text with a vertical tab, & < > and a control character)': (doc: DocxDocument) =>
    doc.editTable({}, (rec) => {
      const e = firstCriterion(rec);
      const cells = { ...e.rowCells[0] } as Record<string, string>;
      delete cells.criterion;
      const key = rec.form.kind === 'plan' ? 'owner' : 'done';
      cells[key] = `${cells[key] ?? ''} Bổ sung:\vhọp tổ & <lớp> \u0001 hằng tháng.`;
      return planUpdateRow(rec, catalog, { ref: e.ref, level: e.level, cells });
    }),
  'fix: official standard title': (doc: DocxDocument) =>
    doc.editTable({}, fixPlanner({ kind: 'write-standard-title', standard: 5 }, { catalog })),
  'fix: official criterion title': (doc: DocxDocument) =>
    doc.editTable({}, (rec) =>
      fixPlanner({ kind: 'write-criterion-title', code: firstCriterion(rec).ref.code }, { catalog })(rec),
    ),
  'fix: missing column': (doc: DocxDocument) =>
    doc.editTable({}, (rec) =>
      fixPlanner({ kind: 'add-column', key: rec.missing[0].key }, { catalog, schoolYear: '2021-2022' })(rec),
    ),
  'fix: planned rows (from the plan given)': async (doc: DocxDocument, planDoc?: DocxDocument) => {
    const plan = planFromDocument(await planDoc!.read(), 'ke-hoach.docx')!;
    return doc.editTable({}, fixPlanner({ kind: 'add-planned-rows', codes: ['1.6', '2.2', '3.2'] }, { catalog, plan }));
  },
  'official frame at the start': async (doc: DocxDocument) => {
    doc.cursor = 0;
    const profile = {
      schoolName: 'Trường Tiểu học Hoa Sen',
      parentBody: 'UBND huyện Hoa Sen',
      place: 'Hoa Sen',
      abbreviation: 'THHS',
      principal: 'Nguyễn Văn A',
      signerTitle: 'HIỆU TRƯỞNG',
      recipients: ['Phòng GD&ĐT'],
    };
    const date = { day: 20, month: 9, year: 2025 };
    await doc.insertAtCursor([headerBlock(profile, { kind: 'plan', schoolYear: '2025-2026', date }), signatureBlock(profile)]);
  },
  'insert a new table at the end': (doc: DocxDocument) =>
    doc.insertTable(
      resolveNewDocument({ form: 'report-2018', schoolType: 'tieu-hoc', schoolYear: '2025-2026', criteria: 'all' }).spec,
    ),
  'save the store': (doc: DocxDocument) => doc.saveStore({ version: 1, drafts: { '1.1': { owner: 'Hiệu trưởng' } } }),
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/**
 * The same "random" ids in Node and in the browser while a scenario runs (new tables' tags, the store
 * part's item id, paragraph ids): crypto.randomUUID counts and Math.random follows a fixed sequence.
 * Returns the function that puts the real ones back.
 */
function deterministicIds(): () => void {
  const g = globalThis as unknown as { crypto: { randomUUID?: () => string }; Math: { random: () => number } };
  const uuid = Object.getOwnPropertyDescriptor(g.crypto, 'randomUUID');
  const random = g.Math.random;
  let n = 0;
  let seed = 1;
  Object.defineProperty(g.crypto, 'randomUUID', {
    configurable: true,
    value: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
  });
  g.Math.random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
  return () => {
    if (uuid) Object.defineProperty(g.crypto, 'randomUUID', uuid);
    else delete g.crypto.randomUUID;
    g.Math.random = random;
  };
}

/** Open the bytes with `parse`, run the scenario (with a plan document, for the scenarios that take one), return the bytes after. */
export async function runScenario(
  bytes: Uint8Array,
  name: ScenarioName,
  parse: XmlParser,
  plan?: Uint8Array,
): Promise<Uint8Array> {
  const restore = deterministicIds();
  try {
    const doc = DocxDocument.open(bytes, parse, 'x.docx');
    await SCENARIOS[name](doc, plan && DocxDocument.open(plan, parse, 'ke-hoach.docx'));
    return doc.toBytes();
  } finally {
    restore();
  }
}
