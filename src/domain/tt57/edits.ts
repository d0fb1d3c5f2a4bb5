/**
 * Biểu 2 (TT57) as the pane fills it in a document: the mục IV, V and VI tables found among the
 * recognised tables, their rows read as a plan (./plan.ts), and the minimal edits that add a problem,
 * add / change / remove an item (the rest renumbered 1..n) or write a review row. Every edit is a cell
 * write, a row copied from its neighbour (row templates keep the school's formatting) or a row removal:
 * nothing else in the document changes. Pure; the pane and the CLI share it.
 *
 *   findTt57Tables(tables)                 the problems-2026, plan-2026 (items, no criterion grouping)
 *                                          and monitoring-2026 tables of a document
 *   readTt57(model, schoolType, year)      those tables read: rows, links, and a Tt57Plan for the summaries
 *   planAddProblem / planAddItem / planUpdateItem / planRemoveItem / planSetReview
 *                                          EditPlanners for DocumentBackend.editTable
 *   itemColumnText(criteria, problems, content)
 *                                          column (2) as written: «Tiêu chí 1.3, 2.1: …» or «Vấn đề 2: …»
 */
import { findCriterion, findStandard, type Catalog, type SchoolType } from '../catalog';
import { columnCount, readDocument, type DocModel, type DocRow } from '../ooxml/reader';
import { applyEdits, type EditPlan, type NewCell, type TableEdit } from '../table/edit';
import { PlacementError } from '../table/model';
import { recogniseTables, type RecognisedTable, type RowRef } from '../table/recognise';
import { fold } from '../text';
import type { XElement } from '../ooxml/xml';
import { addItem, addProblem, emptyPlan, setReview, type ReviewWhen, type Tt57Plan } from './plan';
import { codesInCriteriaCell, criteriaNamedIn, problemNumbersIn } from './read';

export interface Tt57Tables {
  /** Mục IV: the problems. */
  readonly problems?: RecognisedTable;
  /** Mục V: the numbered items. */
  readonly items?: RecognisedTable;
  /** Mục VI: Cuối học kỳ I, Cuối năm học. */
  readonly reviews?: RecognisedTable;
}

/** The Biểu 2 tables of a document (the first of each); a plan-2026 table grouped by criteria is not Biểu 2's mục V. */
export function findTt57Tables(tables: readonly RecognisedTable[]): Tt57Tables {
  const grouped = (t: RecognisedTable): boolean =>
    t.groupedByLevel || t.entries.some((e) => e.kind === 'standard' || e.kind === 'section');
  return {
    problems: tables.find((t) => t.form.id === 'problems-2026'),
    items: tables.find((t) => t.form.id === 'plan-2026' && !grouped(t)),
    reviews: tables.find((t) => t.form.id === 'monitoring-2026'),
  };
}

/** A numbered row of the mục IV or V table as it is in the document. */
interface TableRow {
  readonly at: RowRef;
  /** Its place among the table's numbered rows, from 1. */
  readonly position: number;
  /** Column (1) as written. */
  readonly tt: string;
  /** Text per form column key. */
  readonly texts: Readonly<Record<string, string>>;
  /** Nothing written besides the number (the writer's empty rows to fill). */
  readonly empty: boolean;
}

export interface ProblemRow extends TableRow {
  readonly criteria: readonly string[];
  readonly standard?: number;
}

export interface ItemRow extends TableRow {
  /** Criteria named in column (2). */
  readonly criteria: readonly string[];
  /** Problems («Vấn đề 2») named in column (2), and those sharing a criterion with it: their positions. */
  readonly problems: readonly number[];
}

export interface ReviewRow {
  readonly when: ReviewWhen;
  readonly at: RowRef;
  readonly texts: Readonly<Record<string, string>>;
}

export interface Tt57Document {
  readonly tables: Tt57Tables;
  /** Rows of mục IV with something written. */
  readonly problems: readonly ProblemRow[];
  /** Rows of mục V with something written, in order. */
  readonly items: readonly ItemRow[];
  readonly reviews: readonly ReviewRow[];
  /** The same as a plan (ids p<position>, i<position>), for counts, summaries and review drafts. */
  readonly plan: Tt57Plan;
}

/** The text of the cell covering a grid column. */
function cellAt(row: DocRow, col: number) {
  return row.cells.find((c) => c.col <= col && col < c.col + c.span);
}

/** The numbered body rows of a table (all its parts), full-width rows left out. */
function bodyRows(rec: RecognisedTable): TableRow[] {
  const out: TableRow[] = [];
  rec.parts.forEach((part, i) => {
    for (const row of part.rows.slice(i === 0 ? rec.headerRows : 0)) {
      if (row.deleted || row.header) continue;
      if (row.cells.length === 1 && rec.gridColumns > 1) continue;
      const texts: Record<string, string> = {};
      for (const m of rec.columns) {
        const c = cellAt(row, m.col);
        if (c && !(m.key in texts)) texts[m.key] = c.text.trim();
      }
      const tt = texts.tt ?? '';
      const empty = Object.entries(texts).every(([k, v]) => k === 'tt' || !v);
      out.push({ at: { table: part.index, row: row.index }, position: out.length + 1, tt, texts, empty });
    }
  });
  return out;
}

function reviewRows(rec: RecognisedTable): ReviewRow[] {
  const out: ReviewRow[] = [];
  for (const r of bodyRows(rec)) {
    const f = fold(r.texts.when ?? '');
    const when: ReviewWhen | undefined = f.startsWith('cuoi hoc ky') ? 'term1' : f.startsWith('cuoi nam') ? 'year' : undefined;
    if (when && !out.some((x) => x.when === when)) out.push({ when, at: r.at, texts: r.texts });
  }
  return out;
}

/** The Biểu 2 of a document, read; undefined when it has neither a mục IV nor a mục V table. */
export function readTt57(model: DocModel, schoolType: SchoolType, schoolYear: string): Tt57Document | undefined {
  const tables = findTt57Tables(recogniseTables(model, { framework: '2026' }));
  if (!tables.problems && !tables.items) return undefined;
  const problems: ProblemRow[] = (tables.problems ? bodyRows(tables.problems) : [])
    .filter((r) => !r.empty)
    .map((r) => {
      const criteria = codesInCriteriaCell(r.texts.criteria ?? '');
      const std = /(\d)/.exec(fold(r.texts.standard ?? ''))?.[1];
      return { ...r, criteria, standard: std ? Number(std) : criteria[0] ? Number(criteria[0].split('.')[0]) : undefined };
    });
  const items: ItemRow[] = (tables.items ? bodyRows(tables.items) : [])
    .filter((r) => !r.empty)
    .map((r) => {
      const text = r.texts.criterion ?? '';
      const criteria = criteriaNamedIn(text);
      const named = problemNumbersIn(text).filter((n) => n >= 1 && n <= problems.length);
      const sharing = problems.filter((p) => p.criteria.some((c) => criteria.includes(c))).map((p) => problems.indexOf(p) + 1);
      return { ...r, criteria, problems: [...new Set([...named, ...sharing])].sort((a, b) => a - b) };
    });
  const reviews = tables.reviews ? reviewRows(tables.reviews) : [];

  let plan = emptyPlan(schoolType, schoolYear);
  for (const p of problems) {
    plan = addProblem(plan, {
      standard: p.standard,
      criteria: p.criteria,
      situation: p.texts.situation ?? '',
      weakness: p.texts.weakness ?? '',
      cause: p.texts.cause ?? '',
    });
  }
  for (const i of items) {
    plan = addItem(plan, {
      problems: i.problems.map((n) => plan.problems[n - 1].id),
      criteria: i.criteria,
      content: i.texts.criterion ?? '',
      goal: i.texts.goal ?? '',
      activities: i.texts.activities ?? '',
      indicator: i.texts.indicator ?? '',
      time: i.texts.time ?? '',
      owner: i.texts.owner ?? '',
      resources: i.texts.resources ?? '',
      evidence: i.texts.evidence ?? '',
      status: i.texts.status ?? '',
    });
  }
  for (const r of reviews) {
    plan = setReview(plan, r.when, {
      content: r.texts.content ?? '',
      result: r.texts.result ?? '',
      adjustment: r.texts.adjustment ?? '',
      reviewer: r.texts.reviewer ?? '',
    });
  }
  return { tables, problems, items, reviews, plan };
}

// ---------------------------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------------------------

/** Column (2) as written: the criteria served named first, else the problems, then the school's words. */
export function itemColumnText(criteria: readonly string[], problems: readonly number[], content: string): string {
  const text = content.trim();
  let prefix = '';
  if (criteria.length && !criteriaNamedIn(text).length) prefix = `Tiêu chí ${criteria.join(', ')}`;
  else if (!criteria.length && problems.length && !problemNumbersIn(text).length) prefix = `Vấn đề ${problems.join(', ')}`;
  if (!prefix) return text;
  return text ? `${prefix}: ${text}` : prefix;
}

/** Set the given texts in a row (cells whose text is already the same are left alone). */
function setCells(
  rec: RecognisedTable,
  model: DocModel | undefined,
  at: RowRef,
  texts: Readonly<Record<string, string>>,
): TableEdit | undefined {
  const table = rec.parts.find((p) => p.index === at.table) ?? model?.tables[at.table];
  const row = table?.rows[at.row];
  if (!row) throw new PlacementError('Không tìm thấy dòng cần sửa (tài liệu đã thay đổi?). Hãy đọc lại tài liệu.');
  const cells: { cell: number; text: string }[] = [];
  for (const [key, text] of Object.entries(texts)) {
    const col = rec.columns.find((c) => c.key === key)?.col;
    if (col === undefined) continue;
    const c = cellAt(row, col);
    if (!c || cells.some((x) => x.cell === c.index) || c.text.trim() === text.trim()) continue;
    cells.push({ cell: c.index, text });
  }
  return cells.length ? { op: 'set', table: at.table, row: at.row, cells } : undefined;
}

/** A new row after the last numbered row (or the heading), shaped and formatted like it. */
function appendRow(
  rec: RecognisedTable,
  rows: readonly TableRow[],
  texts: Readonly<Record<string, string>>,
): { edit: TableEdit; at: RowRef } {
  const last = rows[rows.length - 1];
  const at: RowRef = last ? { table: last.at.table, row: last.at.row + 1 } : { table: rec.parts[0].index, row: rec.headerRows };
  const table = rec.parts.find((p) => p.index === at.table)!;
  const shape = last ? table.rows[last.at.row] : table.rows[rec.headerRows - 1];
  const keyAt = (col: number, span: number): string | undefined =>
    rec.columns.find((m) => m.col >= col && m.col < col + span)?.key;
  const cells: NewCell[] = (shape?.cells ?? []).map((c) => {
    const key = keyAt(c.col, c.span);
    return {
      col: c.col,
      span: c.span,
      text: key ? (texts[key] ?? '') : '',
      ...(key === 'tt' ? { align: 'center' as const } : {}),
    };
  });
  const like = last ? { criterion: last.at.row } : { heading: rec.headerRows - 1 };
  return { edit: { op: 'insert', table: at.table, index: at.row, rows: [{ kind: 'criterion', cells }], like }, at };
}

/** Column (1) written 1..n over the rows (those not already right). */
function renumber(rec: RecognisedTable, model: DocModel | undefined, rows: readonly TableRow[], skip?: RowRef): TableEdit[] {
  const out: TableEdit[] = [];
  let n = 0;
  for (const r of rows) {
    if (skip && r.at.table === skip.table && r.at.row === skip.row) continue;
    n++;
    if (r.tt === String(n)) continue;
    const e = setCells(rec, model, r.at, { tt: String(n) });
    if (e) out.push(e);
  }
  return out;
}

/** Fill the first empty numbered row, or add one at the end; the rows stay numbered 1..n. */
function addNumbered(
  rec: RecognisedTable,
  model: DocModel | undefined,
  texts: Record<string, string>,
): { edits: TableEdit[]; at: RowRef; number: number } {
  const rows = bodyRows(rec);
  const free = rows.find((r) => r.empty);
  if (free) {
    const e = setCells(rec, model, free.at, { ...texts, tt: String(free.position) });
    return {
      edits: [
        ...(e ? [e] : []),
        ...renumber(rec, model, rows).filter((x) => x.op !== 'set' || x.row !== free.at.row || x.table !== free.at.table),
      ],
      at: free.at,
      number: free.position,
    };
  }
  const number = rows.length + 1;
  const { edit, at } = appendRow(rec, rows, { ...texts, tt: String(number) });
  return { edits: [...renumber(rec, model, rows), edit], at, number };
}

interface ProblemInput {
  readonly standard?: number;
  readonly criteria: readonly string[];
  readonly situation: string;
  readonly weakness: string;
  readonly cause: string;
}

/** The mục IV cells of a problem: «Tiêu chuẩn 1: …» and one «Tiêu chí 1.3: …» line per criterion, from the catalog. */
function problemTexts(catalog: Catalog, p: ProblemInput): Record<string, string> {
  const n = p.standard ?? (p.criteria[0] ? Number(p.criteria[0].split('.')[0]) : undefined);
  const std = n ? findStandard(catalog, n) : undefined;
  return {
    standard: std ? `Tiêu chuẩn ${std.number}: ${std.title}` : n ? `Tiêu chuẩn ${n}` : '',
    criteria: p.criteria
      .map((code) => {
        const c = findCriterion(catalog, code);
        return c ? `Tiêu chí ${c.code}: ${c.title}` : `Tiêu chí ${code}`;
      })
      .join('\n'),
    situation: p.situation,
    weakness: p.weakness,
    cause: p.cause,
  };
}

/** Add a problem to mục IV (the first empty numbered row, else a new row like the last). */
export function planAddProblem(rec: RecognisedTable, catalog: Catalog, p: ProblemInput, model?: DocModel): EditPlan {
  if (rec.form.id !== 'problems-2026') throw new PlacementError('Bảng này không phải bảng mục IV của Biểu 2.');
  const r = addNumbered(rec, model, problemTexts(catalog, p));
  return { edits: r.edits, target: r.at, summary: `Đã thêm vấn đề ${r.number} vào mục IV.` };
}

/** Texts of an item's columns (2)–(10), by form key. */
interface ItemInput {
  /** Column (2) as it will be written (see itemColumnText). */
  readonly criterion: string;
  readonly goal?: string;
  readonly activities?: string;
  readonly indicator?: string;
  readonly time?: string;
  readonly owner?: string;
  readonly resources?: string;
  readonly evidence?: string;
  readonly status?: string;
}

function itemTexts(i: Partial<ItemInput>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(i)) if (v !== undefined) out[k] = v;
  return out;
}

/** Add an item to mục V: numbered after the others. */
export function planAddItem(rec: RecognisedTable, item: ItemInput, model?: DocModel): EditPlan {
  if (rec.form.id !== 'plan-2026') throw new PlacementError('Bảng này không phải bảng mục V của Biểu 2.');
  const r = addNumbered(rec, model, itemTexts(item));
  return { edits: r.edits, target: r.at, summary: `Đã thêm nội dung cải tiến ${r.number} vào mục V.` };
}

/** The `number`-th written item of mục V (written rows counted, empty ones skipped). */
function itemAt(rec: RecognisedTable, number: number): TableRow {
  const row = bodyRows(rec).filter((r) => !r.empty)[number - 1];
  if (!row)
    throw new PlacementError(
      `Không tìm thấy nội dung cải tiến ${number} trong mục V (tài liệu đã thay đổi?). Hãy đọc lại tài liệu.`,
    );
  return row;
}

/** Change some columns of item `number` (e.g. column (10) only). */
export function planUpdateItem(rec: RecognisedTable, number: number, patch: Partial<ItemInput>, model?: DocModel): EditPlan {
  const row = itemAt(rec, number);
  const e = setCells(rec, model, row.at, itemTexts(patch));
  return { edits: e ? [e] : [], target: row.at, summary: `Đã cập nhật nội dung cải tiến ${row.tt || number}.` };
}

/** Remove item `number`; the rows after it are renumbered. */
export function planRemoveItem(rec: RecognisedTable, number: number, model?: DocModel): EditPlan {
  const row = itemAt(rec, number);
  const rows = bodyRows(rec);
  const edits: TableEdit[] = [...renumber(rec, model, rows, row.at), { op: 'delete', table: row.at.table, row: row.at.row }];
  const next = rows.find((r) => r.position === row.position + 1) ?? rows.find((r) => r.position === row.position - 1);
  const target = next
    ? { table: next.at.table, row: next.at.row > row.at.row && next.at.table === row.at.table ? next.at.row - 1 : next.at.row }
    : row.at;
  return { edits, target, summary: `Đã xóa nội dung cải tiến ${row.tt || number}; các dòng sau được đánh số lại.` };
}

interface ReviewInput {
  readonly content: string;
  readonly result: string;
  readonly adjustment: string;
  readonly reviewer: string;
}

/** Write the mục VI row of a review. */
export function planSetReview(rec: RecognisedTable, when: ReviewWhen, review: ReviewInput, model?: DocModel): EditPlan {
  const row = reviewRows(rec).find((r) => r.when === when);
  if (!row) throw new PlacementError(`Bảng mục VI không có dòng «${when === 'term1' ? 'Cuối học kỳ I' : 'Cuối năm học'}».`);
  const { content, result, adjustment, reviewer } = review;
  const e = setCells(rec, model, row.at, { content, result, adjustment, reviewer });
  return {
    edits: e ? [e] : [],
    target: row.at,
    summary: `Đã ghi rà soát ${when === 'term1' ? 'cuối học kỳ I' : 'cuối năm học'} vào mục VI.`,
  };
}

/**
 * A planner that also keeps what the document looks like after its edits, so the pane can show the
 * result without reading the document again (in Word a read is a context.sync): the model the backend
 * planned on is copied before planning and the same edits are applied to the copy.
 */
export function withResult(planner: (rec: RecognisedTable, model: DocModel) => EditPlan): {
  planner: (rec: RecognisedTable, model: DocModel) => EditPlan;
  result: () => DocModel | undefined;
} {
  let after: DocModel | undefined;
  return {
    planner: (rec, model) => {
      const plan = planner(rec, model);
      try {
        const copy = readDocument(cloneElement(model.body));
        const parts = new Set(rec.parts.map((p) => p.index));
        applyEdits(copy.tables, plan.edits, (t) => (parts.has(t.index) ? rec.gridColumns : columnCount(t)));
        after = readDocument(copy.body);
      } catch {
        after = undefined;
      }
      return plan;
    },
    result: () => after,
  };
}

function cloneElement(e: XElement): XElement {
  return { ...e, attrs: { ...e.attrs }, children: e.children.map((c) => (c.t === 'e' ? cloneElement(c) : { ...c })) };
}

/** The school type Biểu 2's mục I names («3. Cấp học: Tiểu học»), when the document says it. */
export function schoolTypeOfBieu2(model: DocModel): SchoolType | undefined {
  for (const p of model.paragraphs) {
    const m = /^\s*(?:\d+\.\s*)?cap hoc\s*:\s*(.+)$/.exec(fold(p.text));
    if (!m) continue;
    const v = m[1];
    if (v.startsWith('giao duc mam non') || v.startsWith('mam non')) return 'mam-non';
    if (v.startsWith('tieu hoc')) return 'tieu-hoc';
    if (v.startsWith('trung hoc')) return 'thcs-thpt';
    if (v.startsWith('giao duc thuong xuyen')) return 'gdtx';
  }
  return undefined;
}
