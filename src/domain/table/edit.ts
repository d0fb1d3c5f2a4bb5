/**
 * Row placement and table edits, shared by both backends: where a new criterion row goes (its level
 * section, under its standard — created if missing — ordered by code), how an existing row is
 * updated, and how either is applied to a table's XML. The Word gateway turns the same edits into
 * Office.js calls; the .docx backend applies them to the tree with applyEdits().
 */
import { compareCodes, findStandard, type Catalog, type Level } from '../catalog';
import { SECTION_LABELS, sectionForLevel, type SectionId } from '../forms';
import { planCellText } from '../ooxml/cell-text';
import type { ParagraphStyle } from '../ooxml/writer';
import { readDocument, type DocRow, type DocTable } from '../ooxml/reader';
import { el, type XElement } from '../ooxml/xml';
import { countXmlInvalid, fold, normalizeNewlines, REPLACEMENT_CHAR } from '../text';
import { criterionLabel, PlacementError, sameRef, standardLabel, validateRef, type CriterionRef } from './model';
import type { CriterionEntry, RecognisedTable, RowRef } from './recognise';
import { cellLike, mergesAcross, rowLike, rowSlot, syncCellWidths, widenCell, type TemplateCell } from './row-template';

/** A request from the side form. */
export interface RowRequest {
  readonly ref: CriterionRef;
  readonly level?: Level;
  /** Text per form column key (plan-2026's criterion key: content under the label). */
  readonly cells: Readonly<Record<string, string>>;
}

/** One cell of a new row, in the document's grid. */
export interface NewCell {
  readonly col: number;
  readonly span: number;
  readonly text: string;
  readonly bold?: boolean;
  readonly align?: ParagraphStyle['align'];
}

export type NewRowKind = 'section' | 'standard' | 'criterion';

export interface NewRow {
  readonly kind: NewRowKind;
  readonly cells: readonly NewCell[];
}

export type TableEdit =
  /**
   * Insert rows so that the first gets index `index` in table `table` (DocTable.index). Each new row is
   * formatted like the row `like` names for its kind (row indexes in the same table).
   */
  | {
      readonly op: 'insert';
      readonly table: number;
      readonly index: number;
      readonly rows: readonly NewRow[];
      readonly like?: RowTemplates;
    }
  /**
   * Remove one row (an item of the Biểu 2 mục V table); refused when it is part of a vertical merge or
   * inside a row-level content control. Row indexes as read, like every edit.
   */
  | { readonly op: 'delete'; readonly table: number; readonly row: number }
  /** Replace the text of cells (w:tc indexes) of one row. */
  | {
      readonly op: 'set';
      readonly table: number;
      readonly row: number;
      readonly cells: readonly { readonly cell: number; readonly text: string }[];
    }
  /**
   * Insert a grid column before grid column `at` (or at the end) in every row of the listed tables
   * (a table and its continuations); `heading` goes into the heading rows, and cells merged across
   * the place (level and standard rows, group headings) are widened instead.
   */
  | {
      readonly op: 'insertColumn';
      readonly tables: readonly number[];
      readonly at: number;
      readonly headerRows: number;
      readonly heading: string;
      /** The new column sits under a group heading (whose cell is widened). */
      readonly inGroup: boolean;
      readonly width: number;
    };

/** Rows of the table new rows copy their formatting from, by kind (row indexes in the edited table). */
export interface RowTemplates {
  readonly section?: number;
  readonly standard?: number;
  readonly criterion?: number;
  /** The last heading row: the template of last resort (its bold and centring are not copied). */
  readonly heading?: number;
}

export interface EditPlan {
  readonly edits: readonly TableEdit[];
  /** Where the criterion's row is after the edits (for selecting it). */
  readonly target: RowRef;
  /** What the plan does, in Vietnamese, for the pane's message. */
  readonly summary: string;
}

function colOf(rec: RecognisedTable, key: string): number | undefined {
  return rec.columns.find((c) => c.key === key)?.col;
}

/** Cells of a full-width row. */
function wide(rec: RecognisedTable, text: string, bold: boolean): NewRow['cells'] {
  return [{ col: 0, span: rec.gridColumns, text, bold }];
}

function sectionRow(rec: RecognisedTable, section: SectionId): NewRow {
  return { kind: 'section', cells: wide(rec, SECTION_LABELS[section], true) };
}

function standardRow(rec: RecognisedTable, number: number, title: string): NewRow {
  const label = standardLabel(number, title);
  const tt = colOf(rec, 'tt');
  if (tt !== 0 || rec.gridColumns < 2) return { kind: 'standard', cells: wide(rec, label, true) };
  return {
    kind: 'standard',
    cells: [
      { col: 0, span: 1, text: String(number), bold: true, align: 'center' },
      { col: 1, span: rec.gridColumns - 1, text: label, bold: true },
    ],
  };
}

/** A criterion row: one cell per grid column, texts in the columns the form's keys map to. */
function criterionRow(rec: RecognisedTable, catalog: Catalog, req: RowRequest): NewRow {
  const texts = new Map<number, string>();
  const labelCol = colOf(rec, 'criterion');
  if (labelCol !== undefined) {
    const label = criterionLabel(catalog, req.ref, req.level).join('\n');
    const extra = req.cells.criterion;
    texts.set(labelCol, extra ? `${label}\n${extra}` : label);
  }
  for (const m of rec.columns) {
    if (m.key === 'criterion' || m.key === 'tt') continue;
    const v = req.cells[m.key];
    if (v) texts.set(m.col, v);
  }
  const cells: NewCell[] = [];
  for (let c = 0; c < rec.gridColumns; c++) cells.push({ col: c, span: 1, text: texts.get(c) ?? '' });
  return { kind: 'criterion', cells };
}

/**
 * The nearest row of each kind to a place in a table part (above it first), for new rows to copy:
 * level sections, standard rows and criterion rows (a content row without a label when there is no
 * criterion row).
 */
function rowTemplates(rec: RecognisedTable, at: RowRef): RowTemplates {
  const near = (rows: readonly RowRef[]): number | undefined => {
    const here = rows.filter((r) => r.table === at.table);
    const above = here.filter((r) => r.row < at.row).sort((a, b) => b.row - a.row)[0];
    const below = here.filter((r) => r.row >= at.row).sort((a, b) => a.row - b.row)[0];
    return (above ?? below)?.row;
  };
  const of = (kind: BodyEntryKind) => rec.entries.filter((e) => e.kind === kind).map((e) => e.at);
  const first = rec.parts[0];
  return {
    section: near(of('section')),
    standard: near(of('standard')),
    criterion: near(of('criterion')) ?? near(of('item')),
    heading: at.table === first.index && rec.headerRows > 0 ? rec.headerRows - 1 : undefined,
  };
}

type BodyEntryKind = RecognisedTable['entries'][number]['kind'];

/** Sections in the order they appear in a table. */
const SECTION_ORDER: readonly SectionId[] = ['m123', 'all', 'm1', 'm2', 'm3', 'm4'];

interface Segment {
  section?: SectionId;
  /** Index into rec.entries of the section row (undefined for rows before any section). */
  start: number;
  end: number;
}

function segments(rec: RecognisedTable): Segment[] {
  const segs: Segment[] = [];
  let cur: Segment = { start: 0, end: 0 };
  rec.entries.forEach((e, i) => {
    if (e.kind === 'section') {
      cur.end = i;
      segs.push(cur);
      cur = { section: e.section, start: i, end: i };
    }
  });
  cur.end = rec.entries.length;
  segs.push(cur);
  return segs.filter((s) => s.section !== undefined || s.end > s.start);
}

/** Position just after an entry (its last row). */
function after(rec: RecognisedTable, entryIndex: number): RowRef {
  const e = rec.entries[entryIndex];
  const last = e.kind === 'criterion' || e.kind === 'item' ? e.rows[e.rows.length - 1] : e.at;
  return { table: last.table, row: last.row + 1 };
}

function before(rec: RecognisedTable, entryIndex: number): RowRef {
  return rec.entries[entryIndex].at;
}

/** Where rows are added when a table has no body yet: after the heading rows. */
function bodyStart(rec: RecognisedTable): RowRef {
  return { table: rec.parts[0].index, row: rec.headerRows };
}

/** The end of the table (after its last part's last row). */
function tableEnd(rec: RecognisedTable): RowRef {
  const last = rec.parts[rec.parts.length - 1];
  return { table: last.index, row: last.rows.length };
}

/** The section a request belongs in, given the sections the document actually uses. */
function targetSection(rec: RecognisedTable, req: RowRequest, groupByLevel: boolean): SectionId | undefined {
  const present = new Set(
    rec.entries.filter((e) => e.kind === 'section').map((e) => (e.kind === 'section' ? e.section : 'm123')),
  );
  if (req.ref.level4) return 'm4';
  // A document grouped by single levels (seed 001: "MỨC 1", "MỨC 2") keeps that grouping.
  if (req.level && (present.has('m1') || present.has('m2') || present.has('m3')) && !present.has('m123')) {
    return (['m1', 'm2', 'm3'] as const)[req.level - 1];
  }
  if (!present.size) return undefined;
  const s = sectionForLevel(rec.form, groupByLevel || rec.groupedByLevel, req.level, false);
  if (s && present.has(s)) return s;
  if (present.has('m123')) return 'm123';
  if (present.has('all')) return 'all';
  return s;
}

/**
 * Plan the insertion of a criterion row: refused with a Vietnamese message when the criterion does
 * not exist or lacks the chosen level. Creates the level section and standard row when missing.
 */
export function planAddRow(
  rec: RecognisedTable,
  catalog: Catalog,
  req: RowRequest,
  opts: { groupByLevel?: boolean } = {},
): EditPlan {
  if (rec.form.sections === 'none')
    throw new PlacementError('Bảng theo dõi (mục VI) có các dòng cố định, không thêm dòng tiêu chí.');
  const why = validateRef(catalog, req.ref, req.level);
  if (why) throw new PlacementError(why);
  if (req.ref.level4 && rec.form.framework !== '2018') throw new PlacementError('Thông tư 57/2026 không có tiêu chí Mức 4.');
  const newRows: NewRow[] = [];
  const section = targetSection(rec, req, !!opts.groupByLevel);
  const segs = segments(rec);
  let seg = segs.find((s) => s.section === section);
  let at: RowRef;

  if (section && !seg) {
    // The section is missing: add it in level order (MỨC 4 last).
    newRows.push(sectionRow(rec, section));
    const order = SECTION_ORDER.indexOf(section);
    const next = segs.find((s) => s.section !== undefined && SECTION_ORDER.indexOf(s.section) > order);
    at = next ? before(rec, next.start) : lastContentEnd(rec);
    seg = undefined;
  } else {
    const range = seg ?? { start: 0, end: rec.entries.length };
    at = insertionPoint(rec, catalog, req, range, newRows);
  }
  if (section && !segs.find((s) => s.section === section) && !req.ref.level4) {
    const std = catalogStandard(catalog, req.ref);
    newRows.push(standardRow(rec, std.number, std.title));
  }
  newRows.push(criterionRow(rec, catalog, req));
  const target = { table: at.table, row: at.row + newRows.length - 1 };
  const name = req.ref.level4 ? `Tiêu chí ${req.ref.code} (Mức 4)` : `Tiêu chí ${req.ref.code}`;
  const created = newRows.filter((r) => r.kind !== 'criterion').map((r) => r.cells[r.cells.length - 1].text);
  return {
    edits: [{ op: 'insert', table: at.table, index: at.row, rows: newRows, like: rowTemplates(rec, at) }],
    target,
    summary:
      (created.length ? `Đã thêm ${name} (kèm dòng «${created.join('», «')}»).` : `Đã thêm ${name}.`) +
      invalidNote(Object.values(req.cells)),
  };
}

function catalogStandard(catalog: Catalog, ref: CriterionRef) {
  const n = Number(ref.code.split('.')[0]);
  const std = findStandard(catalog, n);
  if (!std) throw new PlacementError(`Không có Tiêu chuẩn ${n}.`);
  return std;
}

/** After the last non-empty entry of the table (trailing empty rows stay at the end). */
function lastContentEnd(rec: RecognisedTable): RowRef {
  for (let i = rec.entries.length - 1; i >= 0; i--) if (rec.entries[i].kind !== 'empty') return after(rec, i);
  return rec.entries.length ? tableEnd(rec) : bodyStart(rec);
}

/** Where in a section a criterion row goes; pushes a standard row to `newRows` when it must be created. */
function insertionPoint(
  rec: RecognisedTable,
  catalog: Catalog,
  req: RowRequest,
  range: { start: number; end: number },
  newRows: NewRow[],
): RowRef {
  const entries = rec.entries;
  const firstBody = entries[range.start]?.kind === 'section' ? range.start + 1 : range.start;
  const endOfRange = (): RowRef => {
    for (let i = range.end - 1; i >= firstBody; i--) if (entries[i].kind !== 'empty') return after(rec, i);
    if (range.start < entries.length && entries[range.start]?.kind === 'section') return after(rec, range.start);
    return range.end < entries.length ? before(rec, range.end) : entries.length ? lastContentEnd(rec) : bodyStart(rec);
  };
  if (req.ref.level4) {
    // Mức 4 items are numbered on their own and kept in order.
    for (let i = firstBody; i < range.end; i++) {
      const e = entries[i];
      if (e.kind === 'criterion' && e.ref.level4 && Number(e.ref.code) > Number(req.ref.code)) return before(rec, i);
    }
    return endOfRange();
  }
  const stdNumber = Number(req.ref.code.split('.')[0]);
  // Find the block of this standard.
  let stdIndex = -1;
  let nextStd = -1;
  for (let i = firstBody; i < range.end; i++) {
    const e = entries[i];
    if (e.kind !== 'standard') continue;
    if (stdIndex < 0 && e.standard === stdNumber) {
      stdIndex = i;
      nextStd = -1;
    } else if (stdIndex >= 0) {
      // The next standard row ends our block.
      nextStd = i;
      break;
    } else if (e.standard > stdNumber && nextStd < 0) nextStd = i;
  }
  if (stdIndex < 0) {
    // No standard row yet: create it before the first standard with a higher number.
    const std = catalogStandard(catalog, req.ref);
    newRows.push(standardRow(rec, std.number, std.title));
    if (nextStd >= 0) return before(rec, nextStd);
    // No standards in this range at all: put it where criteria of this standard already sit, else at the end.
    const lastOwn = lastIndexWhere(
      entries,
      firstBody,
      range.end,
      (e) => e.kind === 'criterion' && !e.ref.level4 && Number(e.ref.code.split('.')[0]) < stdNumber,
    );
    return lastOwn >= 0 ? after(rec, lastOwn) : endOfRange();
  }
  const blockEnd = nextStd >= 0 ? nextStd : range.end;
  let lastInBlock = stdIndex;
  for (let i = stdIndex + 1; i < blockEnd; i++) {
    const e = entries[i];
    if (e.kind === 'criterion' && !e.ref.level4) {
      if (compareCodes(e.ref.code, req.ref.code) > 0) return before(rec, i);
      lastInBlock = i;
    } else if (e.kind === 'item') lastInBlock = i;
  }
  return after(rec, lastInBlock);
}

function lastIndexWhere<T>(arr: readonly T[], from: number, to: number, f: (x: T) => boolean): number {
  for (let i = to - 1; i >= from; i--) if (f(arr[i])) return i;
  return -1;
}

/**
 * Add several criterion rows at once, each in its place. Every row is placed against the table as it
 * is now; rows that land at the same place are merged into one insertion, in order, sharing the level
 * and standard rows they need.
 */
export function planAddRows(rec: RecognisedTable, catalog: Catalog, requests: readonly RowRequest[]): EditPlan {
  // Requests landing at the same place keep code order (Mức 4 items last); different levels land apart.
  const sorted = [...requests].sort(
    (a, b) => Number(!!a.ref.level4) - Number(!!b.ref.level4) || compareCodes(a.ref.code, b.ref.code),
  );
  const groups = new Map<string, { table: number; index: number; rows: NewRow[] }>();
  for (const req of sorted) {
    const plan = planAddRow(rec, catalog, req);
    const ins = plan.edits[0] as Extract<TableEdit, { op: 'insert' }>;
    const key = `${ins.table}:${ins.index}`;
    const g = groups.get(key) ?? { table: ins.table, index: ins.index, rows: [] };
    for (const r of ins.rows) {
      // A level or standard row another request already adds here is shared.
      const text = r.cells.map((c) => c.text).join('|');
      if (r.kind !== 'criterion' && g.rows.some((x) => x.kind === r.kind && x.cells.map((c) => c.text).join('|') === text))
        continue;
      g.rows.push(r);
    }
    groups.set(key, g);
  }
  const edits: TableEdit[] = [...groups.values()].map((g) => ({
    op: 'insert',
    table: g.table,
    index: g.index,
    rows: g.rows,
    like: rowTemplates(rec, { table: g.table, row: g.index }),
  }));
  const first = edits[0] as Extract<TableEdit, { op: 'insert' }> | undefined;
  return {
    edits,
    target: first ? { table: first.table, row: first.index } : { table: rec.parts[0].index, row: rec.headerRows },
    summary: `Đã thêm ${requests.length} tiêu chí: ${sorted.map((r) => (r.ref.level4 ? `${r.ref.code} (Mức 4)` : r.ref.code)).join(', ')}.`,
  };
}

/** Find a criterion's entry again (by its reference, never by a stale index). */
export function findCriterionEntry(rec: RecognisedTable, ref: CriterionRef, level?: Level): CriterionEntry | undefined {
  const all = rec.entries.filter((e): e is CriterionEntry => e.kind === 'criterion' && sameRef(e.ref, ref));
  return all.find((e) => level === undefined || e.level === level || e.level === undefined) ?? all[0];
}

/**
 * The paragraphs of a label cell that make the label ("Tiêu chí 1.3: …", and a "(mức 3)" line under
 * it), with the empty ones before them: what an update never rewrites.
 */
export function labelParagraphCount(paragraphs: readonly string[]): number {
  let i = 0;
  while (i < paragraphs.length && !paragraphs[i].trim()) i++;
  if (i >= paragraphs.length) return paragraphs.length;
  i++;
  if (paragraphs[i] !== undefined && /^\(\s*muc\s*\d\s*\)$/.test(fold(paragraphs[i]))) i++;
  return i;
}

/**
 * Plan the update of a criterion's row: the `ordinal`-th physical row of the criterion (0 = the row
 * with its label) gets the request's texts; nothing else in the table changes. Cells whose text is
 * unchanged are not rewritten, and the label itself never is: in forms whose label cell also holds
 * content (plan-2026), only the paragraphs under the label change.
 */
export function planUpdateRow(rec: RecognisedTable, catalog: Catalog, req: RowRequest, ordinal = 0): EditPlan {
  const why = validateRef(catalog, req.ref, req.level);
  if (why) throw new PlacementError(why);
  const entry = findCriterionEntry(rec, req.ref, req.level);
  if (!entry) {
    throw new PlacementError(`Không tìm thấy dòng của tiêu chí ${req.ref.code} trong bảng. Hãy dùng «Thêm dòng».`);
  }
  const at = entry.rows[Math.min(ordinal, entry.rows.length - 1)];
  const table = rec.parts.find((p) => p.index === at.table)!;
  const docRow = table.rows[at.row];
  const changes: { cell: number; text: string }[] = [];
  const underLabel = rec.form.columns.some((c) => c.key === 'criterion' && c.labelContent);
  for (const m of rec.columns) {
    if (m.key === 'tt') continue;
    const c = docRow.cells.find((x) => x.col === m.col && x.vMerge !== 'continue');
    if (!c) continue;
    let text: string | undefined;
    if (m.key === 'criterion') {
      if (at !== entry.rows[0] || !underLabel || req.cells.criterion === undefined) continue;
      const keep = c.paragraphs.slice(0, labelParagraphCount(c.paragraphs));
      text = [...keep, ...(req.cells.criterion ? [req.cells.criterion] : [])].join('\n');
    } else text = req.cells[m.key] ?? '';
    if (text !== c.text) changes.push({ cell: c.index, text });
  }
  return {
    edits: changes.length ? [{ op: 'set', table: at.table, row: at.row, cells: changes }] : [],
    target: at,
    summary: changes.length
      ? `Đã cập nhật tiêu chí ${req.ref.code} (${changes.length} ô).${invalidNote(changes.map((c) => c.text))}`
      : `Tiêu chí ${req.ref.code} không có gì thay đổi.`,
  };
}

/**
 * Whether a criterion's row has nothing written yet: every content cell empty (the TT number and the
 * label do not count; in forms whose label cell also holds content, nothing under the label).
 */
function isBlankCriterionRow(rec: RecognisedTable, at: RowRef): boolean {
  const row = rec.parts.find((p) => p.index === at.table)?.rows[at.row];
  if (!row) return false;
  const underLabel = rec.form.columns.some((c) => c.key === 'criterion' && c.labelContent);
  return rec.columns.every((m) => {
    if (m.key === 'tt') return true;
    const c = row.cells.find((x) => x.col === m.col && x.vMerge !== 'continue');
    if (!c) return true;
    if (m.key === 'criterion') {
      if (!underLabel) return true;
      return c.paragraphs.slice(labelParagraphCount(c.paragraphs)).every((p) => !p.trim());
    }
    return !c.text.trim();
  });
}

/**
 * «Thêm dòng»: when the criterion already has a row at this level with nothing written in it, that row
 * is filled (a second row would leave an empty one behind, and the counts would disagree); otherwise a
 * row is added in its place (planAddRow).
 */
export function planAddOrFillRow(
  rec: RecognisedTable,
  catalog: Catalog,
  req: RowRequest,
  opts: { groupByLevel?: boolean } = {},
): EditPlan {
  const entry = rec.form.sections === 'none' ? undefined : findCriterionEntry(rec, req.ref, req.level);
  const sameLevel = !!entry && (req.ref.level4 || entry.level === req.level);
  const ordinal = entry && sameLevel ? entry.rows.findIndex((at) => isBlankCriterionRow(rec, at)) : -1;
  if (ordinal < 0) return planAddRow(rec, catalog, req, opts);
  const plan = planUpdateRow(rec, catalog, req, ordinal);
  const name = req.ref.level4 ? `Tiêu chí ${req.ref.code} (Mức 4)` : `Tiêu chí ${req.ref.code}`;
  const texts = plan.edits.flatMap((e) => (e.op === 'set' ? e.cells.map((c) => c.text) : []));
  return { ...plan, summary: `Đã điền vào dòng còn trống của ${name} (không thêm dòng thứ hai).${invalidNote(texts)}` };
}

/** What the pane says when some typed characters cannot be kept (XML cannot carry them). */
function invalidNote(texts: readonly string[]): string {
  const n = texts.reduce((s, t) => s + countXmlInvalid(t), 0);
  return n ? ` ${n} ký tự không ghi được vào tệp Word (ký tự điều khiển) đã được thay bằng «${REPLACEMENT_CHAR}».` : '';
}

// ---------------------------------------------------------------------------------------------
// Applying edits to XML (the .docx backend, and Word's fallback when it must rewrite a table)
// ---------------------------------------------------------------------------------------------

/** The rows of a table that fit a kind of new row, by shape (when the planner named none). */
function shapeTemplate(t: DocTable, kind: NewRowKind, cols: number, index: number): DocRow | undefined {
  const fits = (r: DocRow): boolean => {
    if (r.header || r.index === 0) return false;
    if (kind === 'section') return r.cells.length === 1 && r.cells[0].span === cols;
    if (kind === 'standard') return r.cells.length === 2 && r.cells[1].col + r.cells[1].span === cols;
    return r.cells.length === cols && r.cells.every((c) => c.span === 1);
  };
  const above = [...t.rows.slice(0, index)].reverse().find(fits);
  return above ?? t.rows.slice(index).find(fits);
}

/** The row a new row copies its formatting from, and whether that is a heading row. */
function templateFor(t: DocTable, r: NewRow, like: RowTemplates | undefined, cols: number, index: number) {
  const named = like?.[r.kind];
  const row = (named !== undefined ? t.rows[named] : undefined) ?? shapeTemplate(t, r.kind, cols, index);
  if (row) return { row: row.el, fromHeading: false };
  // A criterion row can look like a section or standard row's cells and the other way round.
  const other = [like?.criterion, like?.standard, like?.section].find((i) => i !== undefined && t.rows[i]);
  if (other !== undefined) return { row: t.rows[other].el, fromHeading: false };
  const heading = like?.heading !== undefined ? t.rows[like.heading] : t.rows[0];
  return { row: heading?.el, fromHeading: true };
}

/** The w:tr elements for new rows at `index`, each like its template; merges across the place continue. */
function newRowsXml(t: DocTable, e: Extract<TableEdit, { op: 'insert' }>, cols: number): XElement[] {
  const across = mergesAcross(t, e.index);
  return e.rows.map((r) => {
    const cells: TemplateCell[] = r.cells.map((c) => {
      const continues = c.span === 1 && across.has(c.col);
      if (continues && c.text.trim())
        throw new PlacementError(
          'Dòng mới sẽ nằm giữa một ô gộp dọc có chữ; thêm vào đó sẽ cắt đôi ô gộp. Hãy tách ô gộp trong Word rồi thử lại.',
        );
      return { col: c.col, span: c.span, text: c.text, bold: c.bold, align: c.align, vMergeContinue: continues };
    });
    const tpl = templateFor(t, r, e.like, cols, e.index);
    return rowLike(t.el, tpl.row, cells, { fromHeading: tpl.fromHeading });
  });
}

/** Insert a column into one table's XML (see the insertColumn edit). */
function insertColumn(t: DocTable, e: Extract<TableEdit, { op: 'insertColumn' }>, isFirstPart: boolean): void {
  const grid = firstEl(t.el, 'w:tblGrid');
  if (grid) {
    const gridCols = grid.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:gridCol');
    const total = gridCols.reduce((s, g) => s + Number(g.attrs['w:w'] ?? 0), 0);
    // Keep the table's width: the new column's width is taken from the others in proportion.
    const scale = total > e.width ? (total - e.width) / total : 1;
    for (const g of gridCols) g.attrs['w:w'] = String(Math.round(Number(g.attrs['w:w'] ?? 0) * scale));
    const before = gridCols[e.at];
    grid.children.splice(before ? grid.children.indexOf(before) : grid.children.length, 0, el('w:gridCol', { 'w:w': e.width }));
  }
  t.rows.forEach((r, ri) => {
    const header = isFirstPart && ri < e.headerRows;
    // In the heading rows above a grouped column, the group heading touching the place is widened
    // even when the new column goes at the group's edge.
    const groupCell =
      header && e.inGroup && ri < e.headerRows - 1
        ? r.cells.find((c) => c.span > 1 && c.col <= e.at && e.at <= c.col + c.span)
        : undefined;
    const covering = groupCell ?? r.cells.find((c) => c.col < e.at && c.col + c.span > e.at);
    if (covering) {
      // Merged across the place (level/standard rows, a group heading): widen it.
      widenCell(covering.el);
      return;
    }
    let value = '';
    let vMerge: 'restart' | 'continue' | undefined;
    if (header) {
      if (e.inGroup) value = ri === e.headerRows - 1 ? e.heading : '';
      else if (e.headerRows > 1) {
        vMerge = ri === 0 ? 'restart' : 'continue';
        value = ri === 0 ? e.heading : '';
      } else value = e.heading;
    }
    const next = r.cells.find((c) => c.col >= e.at);
    const prev = [...r.cells].reverse().find((c) => c.col < e.at);
    // The new cell looks like its neighbour in the row (borders, font); headings are bold and centred.
    const neighbour = (prev ?? next)?.el;
    const tc = cellLike(neighbour, e.width, value, header ? { vMerge, bold: true, align: 'center' } : {});
    const parent = next ? (rowParent(r.el, next.el) ?? r.el) : r.el;
    parent.children.splice(next ? parent.children.indexOf(next.el) : parent.children.length, 0, tc);
  });
  syncCellWidths(t.el);
}

/** Where a cell lives in its row (its parent may be w:tr or a cell-level content control). */
function rowParent(tr: XElement, tc: XElement): XElement | undefined {
  if (tr.children.includes(tc)) return tr;
  for (const c of tr.children) {
    if (c.t === 'e' && c.name !== 'w:tc') {
      const p = rowParent(c, tc);
      if (p) return p;
    }
  }
  return undefined;
}

function firstEl(e: XElement, name: string): XElement | undefined {
  return e.children.find((c): c is XElement => c.t === 'e' && c.name === name);
}

/** A cell write that cannot be made safely, with where it is. */
function refusal(e: Extract<TableEdit, { op: 'set' }>, cellIndex: number, reason: string): PlacementError {
  return new PlacementError(`Không sửa ô ${cellIndex + 1} của dòng ${e.row + 1}: ${reason} Chưa có gì bị thay đổi.`);
}

/**
 * Apply edits to the tables of a parsed document (the .docx backend). Edits refer to the tables as
 * read. Every cell write is planned first; when one would damage content it cannot keep, nothing at
 * all is changed and the PlacementError says why.
 */
export function applyEdits(tables: readonly DocTable[], edits: readonly TableEdit[], cols: (t: DocTable) => number): void {
  const table = (i: number): DocTable => {
    const t = tables.find((x) => x.index === i);
    if (!t) throw new PlacementError('Không tìm thấy bảng cần sửa (tài liệu đã thay đổi?). Hãy đọc lại tài liệu.');
    return t;
  };
  // 1. Plan every cell write and every new row before changing anything.
  const writes: (() => void)[] = [];
  const inserts = new Map<TableEdit, XElement[]>();
  for (const e of edits) {
    if (e.op === 'set') {
      const r = table(e.table).rows[e.row];
      if (!r) throw new PlacementError('Không tìm thấy dòng cần sửa (tài liệu đã thay đổi?).');
      for (const c of e.cells) {
        const tc = r.cells.find((x) => x.index === c.cell)?.el;
        if (!tc) throw new PlacementError('Không tìm thấy ô cần sửa (tài liệu đã thay đổi?).');
        const w = planCellText(tc, normalizeNewlines(c.text));
        if (!w.ok) throw refusal(e, c.cell, w.reason);
        writes.push(w.apply);
      }
    } else if (e.op === 'insert') {
      const t = table(e.table);
      inserts.set(e, newRowsXml(t, e, cols(t)));
    } else if (e.op === 'delete') {
      const why = deleteRefusal(table(e.table), e.row);
      if (why) throw new PlacementError(why);
    }
  }
  // 2. Cell texts, new rows (bottom-up, so earlier row indexes stay valid), then new columns (which
  // refer to grid columns as read: rows made above already have the table's old grid).
  for (const w of writes) w();
  const rowChanges = edits.filter((e): e is RowChange => e.op === 'insert' || e.op === 'delete');
  const at = (e: RowChange): number => (e.op === 'insert' ? e.index : e.row);
  const sorted = [...rowChanges].sort((a, b) => b.table - a.table || at(b) - at(a));
  for (const e of sorted) {
    const t = table(e.table);
    if (e.op === 'delete') {
      const tr = t.rows[e.row].el;
      t.el.children.splice(t.el.children.indexOf(tr), 1);
      continue;
    }
    const slot = rowSlot(t.el, t, e.index);
    slot.parent.children.splice(slot.at, 0, ...inserts.get(e)!);
  }
  for (const e of edits) {
    if (e.op !== 'insertColumn') continue;
    e.tables.forEach((ti, i) => {
      const t = tables.find((x) => x.index === ti);
      if (t) insertColumn(readTableAgain(t), e, i === 0);
    });
  }
}

type RowChange = Extract<TableEdit, { op: 'insert' | 'delete' }>;

/** Why a row cannot be removed without damaging the table (undefined: it can). */
export function deleteRefusal(t: DocTable, row: number): string | undefined {
  const r = t.rows[row];
  if (!r) return 'Không tìm thấy dòng cần xóa (tài liệu đã thay đổi?). Hãy đọc lại tài liệu.';
  if (!t.el.children.includes(r.el))
    return 'Dòng này nằm trong một vùng nội dung (content control) của Word; xóa dòng trong Word rồi đọc lại tài liệu.';
  const next = t.rows[row + 1];
  if (r.cells.some((c) => c.vMerge) || next?.cells.some((c) => c.vMerge === 'continue'))
    return 'Dòng này thuộc một ô gộp dọc; xóa sẽ cắt đôi ô gộp. Hãy tách ô gộp trong Word rồi thử lại.';
  return undefined;
}

/** A table read again after rows were added to its XML (column inserts walk its current rows). */
function readTableAgain(t: DocTable): DocTable {
  const m = readDocument(el('w:body', {}, [t.el]));
  return { ...m.tables[0], index: t.index };
}
