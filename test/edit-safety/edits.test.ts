/**
 * Every edit the product makes, run over the edit-safety corpus (documents written by LibreOffice and
 * raw WordprocessingML full of comments, tracked changes, fields, images…), and checked against the
 * invariants: nothing outside the intended change moves, written cells keep their non-text content,
 * ids stay unique, references resolve.
 */
import { getCatalog } from '../../src/domain/catalog';
import { planFromDocument } from '../../src/domain/check';
import { fixPlanner } from '../../src/domain/check/fixes';
import { headerBlock, signatureBlock } from '../../src/domain/documents/official-frame';
import type { SchoolProfile } from '../../src/domain/profile';
import { readDocument } from '../../src/domain/ooxml/reader';
import { planAddRow, planAddRows, planUpdateRow, type EditPlan } from '../../src/domain/table/edit';
import { recogniseTables, type CriterionEntry, type RecognisedTable } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/docx/xml-node';
import { openSeed } from '../helpers';
import { loPlan, rawPlan, rawReport } from './corpus';
import { editViolations, packageProblems, type Intended } from './invariants';

const catalog = getCatalog('2018', 'tieu-hoc');

async function open(bytes: Uint8Array): Promise<{ doc: DocxDocument; rec: RecognisedTable }> {
  const doc = DocxDocument.open(bytes, parseXml, 'x.docx');
  const rec = recogniseTables(await doc.read())[0];
  return { doc, rec };
}

/** Run a planner over a copy of `bytes`; returns the plan and the bytes after. */
async function edit(
  bytes: Uint8Array,
  planner: (rec: RecognisedTable) => EditPlan,
): Promise<{ plan: EditPlan; after: Uint8Array }> {
  const { doc } = await open(bytes);
  const plan = await doc.editTable({}, (rec) => planner(rec));
  return { plan, after: doc.toBytes() };
}

function entry(rec: RecognisedTable, code: string): CriterionEntry {
  const e = rec.entries.find((x): x is CriterionEntry => x.kind === 'criterion' && x.ref.code === code && !x.ref.level4);
  if (!e) throw new Error(`no ${code}`);
  return e;
}

function addedRows(plan: EditPlan): number {
  return plan.edits.reduce((n, e) => n + (e.op === 'insert' ? e.rows.length : 0), 0);
}

const CORPUS: readonly { name: string; bytes: () => Promise<Uint8Array> }[] = [
  { name: 'LibreOffice plan (HTML)', bytes: loPlan },
  { name: 'raw plan (seed 003 + WordprocessingML)', bytes: async () => rawPlan() },
  { name: 'raw report (seed 000 + WordprocessingML)', bytes: async () => rawReport() },
];

function expectSafe(before: Uint8Array, after: Uint8Array, intended: Intended): void {
  const v = editViolations(before, after, intended);
  expect(v.map((x) => `${x.rule}: ${x.detail}`)).toEqual([]);
}

beforeAll(async () => {
  await loPlan();
}, 120_000);

describe('the corpus itself', () => {
  test.each(CORPUS)('$name: valid (ids unique, references resolve) and recognised', async ({ bytes }) => {
    const b = await bytes();
    expect(packageProblems(DocxPackage.open(b, { parts: 'all' }))).toEqual([]);
    const { rec } = await open(b);
    expect(rec).toBeDefined();
    expect(rec.entries.filter((e) => e.kind === 'criterion').length).toBeGreaterThanOrEqual(3);
  });

  test.each(CORPUS)('$name: opening and saving with no edit changes nothing, &#13; included', async ({ bytes }) => {
    const b = await bytes();
    const { doc } = await open(b);
    const after = doc.toBytes();
    expectSafe(b, after, {});
    // Byte for byte, bar empty elements written short (<w:rPr></w:rPr> → <w:rPr/>, the same XML).
    const short = (x: string) => x.replace(/<([\w:]+)((?:\s[^<>]*)?)><\/\1>/g, '<$1$2/>');
    const xml = DocxPackage.open(after).text('word/document.xml')!;
    expect(xml).toBe(short(DocxPackage.open(b).text('word/document.xml')!));
    if (xml.includes('Dòng một')) expect(xml).toContain('Dòng một&#13;dòng hai');
  });
});

describe('add rows', () => {
  test.each(CORPUS)('$name: one criterion row', async ({ bytes }) => {
    const b = await bytes();
    const { rec } = await open(b);
    const code = rec.form.kind === 'plan' ? '1.2' : '1.2';
    const { plan, after } = await edit(b, (r) => planAddRow(r, catalog, { ref: { code }, cells: { owner: 'Hiệu trưởng' } }));
    expectSafe(b, after, { table: rec.parts[0].index, addedRows: addedRows(plan) });
  });

  test.each(CORPUS)('$name: several rows at once, in several places', async ({ bytes }) => {
    const b = await bytes();
    const { rec } = await open(b);
    const { plan, after } = await edit(b, (r) =>
      planAddRows(r, catalog, [
        { ref: { code: '1.4' }, cells: {} },
        { ref: { code: '2.1' }, cells: {} },
        { ref: { code: '3.4' }, cells: {} },
        { ref: { code: '5.1' }, cells: {} },
      ]),
    );
    expectSafe(b, after, { table: rec.parts[0].index, addedRows: addedRows(plan) });
  });
});

/** Update one field of a criterion row: only that cell may change. */
async function updateField(b: Uint8Array, code: string, key: string, value: (old: string) => string) {
  const { rec } = await open(b);
  const e = entry(rec, code);
  const cells = { ...e.rowCells[0] } as Record<string, string>;
  // The side form gives the content under the label for the criterion key; a 2018 form has none.
  delete cells.criterion;
  cells[key] = value(cells[key] ?? '');
  const { plan, after } = await edit(b, (r) => planUpdateRow(r, catalog, { ref: e.ref, level: e.level, cells }));
  const col = rec.columns.find((c) => c.key === key)!.col;
  const t = rec.parts.find((p) => p.index === e.at.table)!;
  const cell = t.rows[e.at.row].cells.find((c) => c.col === col)!;
  return { rec, e, plan, after, cell, t };
}

describe('update a row', () => {
  test.each(CORPUS)('$name: one field changed: only its cell is written, the label cell never', async ({ bytes }) => {
    const b = await bytes();
    const { rec } = await open(b);
    const code = rec.form.kind === 'plan' ? (entryOrUndefined(rec, '1.6') ? '1.6' : '1.1') : '1.5';
    const key = rec.form.kind === 'plan' ? 'owner' : 'done';
    const { after, cell, e } = await updateField(b, code, key, (old) => `${old} Bổ sung: họp tổ hằng tháng.`);
    expectSafe(b, after, { table: e.at.table, cells: [{ row: e.at.row, cell: cell.index }] });
    const again = recogniseTables(readDocument(DocxPackage.open(after).mainDocument(parseXml)))[0];
    expect(entry(again, code).rowCells[0][key]).toMatch(/Bổ sung: họp tổ hằng tháng\.$/);
  });
});

function entryOrUndefined(rec: RecognisedTable, code: string): CriterionEntry | undefined {
  return rec.entries.find((x): x is CriterionEntry => x.kind === 'criterion' && x.ref.code === code && !x.ref.level4);
}

describe('fixes', () => {
  test('«Ghi tên đúng» for a standard keeps its bold, bookmark and comment', async () => {
    const b = rawReport();
    const { rec } = await open(b);
    const std = rec.entries.find((x) => x.kind === 'standard' && x.standard === 5)!;
    const { after } = await edit(b, fixPlanner({ kind: 'write-standard-title', standard: 5 }, { catalog }));
    expectSafe(b, after, { table: std.at.table, cells: [{ row: std.at.row, cell: 1 }] });
  });

  test('«Ghi tên đúng» for a criterion keeps the other paragraphs under the label', async () => {
    const b = rawReport();
    const { rec } = await open(b);
    const e = entry(rec, '1.1');
    const { after } = await edit(b, fixPlanner({ kind: 'write-criterion-title', code: '1.1' }, { catalog }));
    expectSafe(b, after, { table: e.at.table, cells: [{ row: e.at.row, cell: 1 }] });
    const again = recogniseTables(readDocument(DocxPackage.open(after).mainDocument(parseXml)))[0];
    const t = again.parts[0].rows[e.at.row].cells[1];
    expect(t.paragraphs[1]).toBe('(ghi chú của trường dưới nhãn)');
  });

  test('write a missing heading', async () => {
    const b = rawReport({ blankHeading: { row: 1, cell: 6 } });
    const { rec } = await open(b);
    const key = rec.columns.find((c) => c.col === 6)?.key ?? 'notStarted';
    const { after } = await edit(b, fixPlanner({ kind: 'write-heading', key }, { catalog, schoolYear: '2021-2022' }));
    expectSafe(b, after, { table: rec.parts[0].index, cells: [{ row: 1, cell: 6 }] });
  });

  test.each([
    ['raw plan without «Điều kiện hỗ trợ khác»', () => rawPlan({ dropColumn: 7 }), 'support'],
    ['raw report without «Ghi chú»', () => rawReport({ dropColumn: 7 }), 'note'],
    ['raw report without «đã được điều chỉnh» (in a group)', () => rawReport({ dropColumn: 3 }), 'adjusted'],
  ])('add a missing column: %s', async (_name, bytes, key) => {
    const b = bytes();
    const { rec } = await open(b);
    expect(rec.missing.map((c) => c.key)).toContain(key);
    const { after } = await edit(b, fixPlanner({ kind: 'add-column', key }, { catalog, schoolYear: '2021-2022' }));
    expectSafe(b, after, { table: rec.parts[0].index, column: true });
  });

  test('add the planned rows a report lacks', async () => {
    const b = rawReport();
    const { rec } = await open(b);
    const plan = planFromDocument(await openSeed('003').read(), 'ke-hoach.docx')!;
    const codes = ['1.6', '2.2', '3.2'];
    const { plan: p, after } = await edit(b, fixPlanner({ kind: 'add-planned-rows', codes }, { catalog, plan }));
    expectSafe(b, after, { table: rec.parts[0].index, addedRows: addedRows(p) });
  });
});

describe('frame insertion and the store', () => {
  test.each(CORPUS)('$name: the official frame goes in as new blocks, nothing else moves', async ({ bytes }) => {
    const b = await bytes();
    const { doc } = await open(b);
    doc.cursor = 0;
    const profile: SchoolProfile = {
      schoolName: 'Trường Tiểu học Hoa Sen',
      parentBody: 'UBND huyện Hoa Sen',
      place: 'Hoa Sen',
      abbreviation: 'THHS',
      principal: 'Nguyễn Văn A',
      signerTitle: 'HIỆU TRƯỞNG',
      recipients: ['Phòng GD&ĐT'],
    };
    const date = { day: 20, month: 9, year: 2025 };
    const blocks = [headerBlock(profile, { kind: 'plan', schoolYear: '2025-2026', date }), signatureBlock(profile)];
    await doc.insertAtCursor(blocks);
    expectSafe(b, doc.toBytes(), { addedBlocks: blocks.length });
  });

  test.each(CORPUS)('$name: saving the store leaves the document part alone', async ({ bytes }) => {
    const b = await bytes();
    const { doc } = await open(b);
    await doc.saveStore({ version: 1, drafts: { '1.1': { owner: 'Hiệu trưởng' } } });
    expectSafe(b, doc.toBytes(), {
      parts: (p) => p.startsWith('customXml/') || p === '[Content_Types].xml' || p === 'word/_rels/document.xml.rels',
    });
  });
});
