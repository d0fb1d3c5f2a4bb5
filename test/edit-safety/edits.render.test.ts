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
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';
import { loPlan, rawPlan, rawReport } from './corpus';
import { cellsOf, editViolations, packageProblems, rowsOf, tablesOf, type Intended } from './invariants';
import { inSchemaOrder, SCHEMA_ORDER } from '../../src/domain/ooxml/schema-order';
import { serialize, type XElement } from '../../src/domain/ooxml/xml';

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
  // Every property element of the result is in schema order (Word refuses it otherwise).
  const root = DocxPackage.open(after).mainDocument(parseXml);
  const out: string[] = [];
  const visit = (e: XElement): void => {
    if (SCHEMA_ORDER[e.name] && !inSchemaOrder(e)) out.push(serialize(e).slice(0, 200));
    for (const c of e.children) if (c.t === 'e') visit(c);
  };
  visit(root);
  expect(out).toEqual([]);
}

function els(e: XElement, name: string): XElement[] {
  return e.children.filter((c): c is XElement => c.t === 'e' && c.name === name);
}

/** What a cell looks like, text aside: borders, shading, paragraph style and alignment, the first run's direct size and font. */
function look(tc: XElement): string {
  const pr = els(tc, 'w:tcPr')[0];
  const borders = pr ? els(pr, 'w:tcBorders').map(serialize).join('') : '';
  const shd = pr ? els(pr, 'w:shd').map(serialize).join('') : '';
  const p = els(tc, 'w:p')[0];
  const pPr = p && els(p, 'w:pPr')[0];
  const style = pPr ? els(pPr, 'w:pStyle').map(serialize).join('') : '';
  const mark = pPr && els(pPr, 'w:rPr')[0];
  const run = p && els(p, 'w:r').find((r) => els(r, 'w:t').length);
  // An empty cell's paragraph mark size (LibreOffice writes 2 pt there) shows nothing: compare text runs only.
  const rPr = run ? els(run, 'w:rPr')[0] : undefined;
  void mark;
  const size = rPr ? [...els(rPr, 'w:sz'), ...els(rPr, 'w:rFonts')].map(serialize).join('') : '';
  return [borders, shd, style, size].join('|');
}

/**
 * Rows an edit added (those of `after` not in `before`) each look like the old row of the same shape
 * nearest above them: same borders, shading, paragraph style, font size as that row, cell by cell.
 */
function expectNewRowsLikeNeighbours(before: Uint8Array, after: Uint8Array, table: number): number {
  const a = rowsOf(tablesOf(DocxPackage.open(before).mainDocument(parseXml))[table]);
  const b = rowsOf(tablesOf(DocxPackage.open(after).mainDocument(parseXml))[table]);
  const old = new Set(a.map((r) => serialize(r)));
  let checked = 0;
  b.forEach((r, i) => {
    if (old.has(serialize(r))) return;
    const cells = cellsOf(r);
    const shape = (x: XElement) =>
      cellsOf(x)
        .map((c) => els(els(c, 'w:tcPr')[0] ?? c, 'w:gridSpan')[0]?.attrs['w:val'] ?? '1')
        .join();
    const like =
      [...b.slice(0, i)]
        .reverse()
        .find((x) => old.has(serialize(x)) && cellsOf(x).length === cells.length && shape(x) === shape(r)) ??
      b.slice(i + 1).find((x) => old.has(serialize(x)) && cellsOf(x).length === cells.length && shape(x) === shape(r));
    if (!like) return;
    cells.forEach((c, k) => {
      const l = cellsOf(like)[k];
      // A cell continuing a vertical merge is empty: its look is the merge's.
      if (els(els(c, 'w:tcPr')[0], 'w:vMerge').length) return;
      const strip = (x: string, text: boolean) => {
        const parts = x.replace(/<w:(top|bottom)\b[^>]*\/>/g, '').split('|');
        return (text ? parts : parts.slice(0, 3)).join('|');
      };
      const hasText = (x: XElement) => els(x, 'w:p').some((p) => els(p, 'w:r').some((r) => els(r, 'w:t').length));
      const both = hasText(c) && hasText(l);
      expect(strip(look(c), both)).toBe(strip(look(l), both));
    });
    checked++;
  });
  return checked;
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
    expect(expectNewRowsLikeNeighbours(b, after, rec.parts[0].index)).toBeGreaterThan(0);
  });

  test.each(CORPUS)('$name: several rows at once, in several places', async ({ bytes }) => {
    const b = await bytes();
    const { rec } = await open(b);
    const { plan, after } = await edit(b, (r) =>
      planAddRows(r, catalog, [
        { ref: { code: '1.4' }, cells: {} },
        { ref: { code: '1.8' }, cells: { owner: 'Tổ văn phòng' } },
        { ref: { code: '2.1' }, cells: {} },
        { ref: { code: '3.4' }, cells: {} },
        { ref: { code: '5.1' }, cells: {} },
      ]),
    );
    expectSafe(b, after, { table: rec.parts[0].index, addedRows: addedRows(plan) });
    expect(expectNewRowsLikeNeighbours(b, after, rec.parts[0].index)).toBeGreaterThanOrEqual(4);
  });

  test('a row added inside a vertical merge continues it; one added after it does not; none lands in a row-level content control', async () => {
    const b = rawPlan();
    // Standard 2's TT cell is merged down rows 6–10; 2.1 goes before 2.2 (row 7), 3.1 under standard 3's row, past the merge.
    const { after } = await edit(b, (r) =>
      planAddRows(r, catalog, [
        { ref: { code: '2.1' }, cells: {} },
        { ref: { code: '3.1' }, cells: {} },
        { ref: { code: '1.9' }, cells: {} },
      ]),
    );
    const again = recogniseTables(readDocument(DocxPackage.open(after).mainDocument(parseXml)))[0];
    const row = (code: string) => again.parts[0].rows[entry(again, code).at.row];
    expect(row('2.1').cells[0].vMerge).toBe('continue');
    expect(row('3.1').cells[0].vMerge).toBeUndefined();
    // The TT merge is whole: from standard 2's row down to 2.4, every row continues it.
    const std2 = again.entries.find((e) => e.kind === 'standard' && e.standard === 2)!.at.row;
    const tt = again.parts[0].rows.slice(std2, entry(again, '2.4').at.row + 1).map((r) => r.cells[0].vMerge);
    expect(tt).toEqual(['restart', ...tt.slice(1).map(() => 'continue')]);
    // 1.9 goes before 1.10, whose row sits in a row-level content control: outside it.
    const tbl = tablesOf(DocxPackage.open(after).mainDocument(parseXml))[0];
    const sdt = els(tbl, 'w:sdt')[0];
    expect(rowsOf(sdt)).toHaveLength(1);
    expect(serialize(rowsOf(sdt)[0])).toContain('Tiêu chí 1.10');
    expect(entry(again, '1.9').at.row).toBe(entry(again, '1.10').at.row - 1);
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
