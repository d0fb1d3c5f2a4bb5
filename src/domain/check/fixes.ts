/**
 * The checker's deterministic, safe fixes, as edit planners: write a missing heading, add a missing
 * column with its heading, write the official standard or criterion title, add the planned criteria
 * a report lacks as rows. Each plans on the table as it is when the fix is applied.
 */
import { findCriterion, findStandard, type Catalog } from '../catalog';
import { fillYear } from '../forms';
import { cellAt } from '../ooxml/reader';
import { labelParagraphCount, planAddRows, type EditPlan, type RowRequest, type TableEdit } from '../table/edit';
import { criterionLabel, PlacementError, refKey, standardLabel, type CriterionRef } from '../table/model';
import { criterionEntries, type RecognisedTable } from '../table/recognise';
import type { FindingFix } from './findings';
import type { PlanSource } from './rules';

export interface FixContext {
  readonly catalog?: Catalog;
  readonly schoolYear?: string;
  readonly plan?: PlanSource;
}

function year(ctx: FixContext): string {
  return ctx.schoolYear ?? '…';
}

/** The heading cell of a grid column: the topmost heading row whose cell there is its own (not a group, not a merge continuation). */
function headingCell(rec: RecognisedTable, col: number): { row: number; cell: number } | undefined {
  const t = rec.parts[0];
  for (let r = 0; r < rec.headerRows; r++) {
    const c = cellAt(t.rows[r], col);
    if (c && c.span === 1 && c.vMerge !== 'continue') return { row: r, cell: c.index };
  }
  return undefined;
}

function planWriteHeading(rec: RecognisedTable, key: string, ctx: FixContext): EditPlan {
  const m = rec.columns.find((c) => c.key === key);
  const col = rec.form.columns.find((c) => c.key === key);
  if (!m || !col) throw new PlacementError('Không tìm thấy cột cần ghi tiêu đề (bảng đã thay đổi?). Hãy kiểm tra lại.');
  const at = headingCell(rec, m.col);
  if (!at) throw new PlacementError('Không tìm thấy ô tiêu đề của cột này.');
  const table = rec.parts[0].index;
  return {
    edits: [{ op: 'set', table, row: at.row, cells: [{ cell: at.cell, text: fillYear(col.heading, year(ctx)) }] }],
    target: { table, row: at.row },
    summary: `Đã ghi tiêu đề «${fillYear(col.heading, year(ctx))}».`,
  };
}

export function planAddColumn(rec: RecognisedTable, key: string, ctx: FixContext): EditPlan {
  const fi = rec.form.columns.findIndex((c) => c.key === key);
  if (fi < 0 || rec.columns.some((c) => c.key === key)) throw new PlacementError('Cột này đã có trong bảng.');
  const col = rec.form.columns[fi];
  // After the nearest form column to its left that the table has, else before the nearest to its right.
  let at = 0;
  for (let i = fi - 1; i >= 0; i--) {
    const m = rec.columns.find((c) => c.key === rec.form.columns[i].key);
    if (m) {
      at = m.col + 1;
      break;
    }
  }
  if (fi > 0 && at === 0) {
    const right = rec.form.columns
      .slice(fi + 1)
      .map((c) => rec.columns.find((m) => m.key === c.key))
      .find(Boolean);
    at = right ? right.col : rec.gridColumns;
  }
  const total = rec.parts[0].grid.reduce((s, w) => s + w, 0) || 14000;
  const formTotal = rec.form.columns.reduce((s, c) => s + c.width, 0);
  const width = Math.round((col.width * total) / formTotal);
  const heading = fillYear(col.heading, year(ctx));
  return {
    edits: [
      {
        op: 'insertColumn',
        tables: rec.parts.map((p) => p.index),
        at,
        headerRows: rec.headerRows,
        heading,
        inGroup: !!col.group && rec.headerRows > 1,
        width,
      },
    ],
    target: { table: rec.parts[0].index, row: 0 },
    summary: `Đã thêm cột «${heading}».`,
  };
}

function planWriteStandardTitle(rec: RecognisedTable, standard: number, ctx: FixContext): EditPlan {
  const std = ctx.catalog && findStandard(ctx.catalog, standard);
  if (!std) throw new PlacementError(`Không có Tiêu chuẩn ${standard} trong bộ tiêu chí.`);
  const edits: TableEdit[] = [];
  for (const e of rec.entries) {
    if (e.kind !== 'standard' || e.standard !== standard) continue;
    const part = rec.parts.find((p) => p.index === e.at.table)!;
    const row = part.rows[e.at.row];
    const c = row.cells.find((x) => /tieu chuan/i.test(x.text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
    if (c)
      edits.push({
        op: 'set',
        table: e.at.table,
        row: e.at.row,
        cells: [{ cell: c.index, text: standardLabel(standard, std.title) }],
      });
  }
  if (!edits.length) throw new PlacementError(`Không tìm thấy dòng Tiêu chuẩn ${standard}.`);
  const first = edits[0] as Extract<TableEdit, { op: 'set' }>;
  return { edits, target: { table: first.table, row: first.row }, summary: `Đã ghi tên đúng của Tiêu chuẩn ${standard}.` };
}

function planWriteCriterionTitle(rec: RecognisedTable, code: string, ctx: FixContext): EditPlan {
  const c = ctx.catalog && findCriterion(ctx.catalog, code);
  if (!c || !ctx.catalog) throw new PlacementError(`Không có tiêu chí ${code} trong bộ tiêu chí.`);
  const labelCol = rec.columns.find((m) => m.key === 'criterion');
  if (!labelCol) throw new PlacementError('Bảng không có cột «Tiêu chuẩn, tiêu chí».');
  const edits: TableEdit[] = [];
  for (const e of criterionEntries(rec)) {
    if (e.ref.level4 || e.ref.code !== code || !e.title) continue;
    const part = rec.parts.find((p) => p.index === e.at.table)!;
    const cell = cellAt(part.rows[e.at.row], labelCol.col);
    if (!cell) continue;
    // Only the label's own paragraphs change; what the school wrote under it stays.
    const label = criterionLabel(ctx.catalog, e.ref, e.level);
    const used = labelParagraphCount(cell.paragraphs);
    let empty = 0;
    while (empty < used && !cell.paragraphs[empty].trim()) empty++;
    const text = [...cell.paragraphs.slice(0, empty), ...label, ...cell.paragraphs.slice(used)].join('\n');
    if (text === cell.text) continue;
    edits.push({ op: 'set', table: e.at.table, row: e.at.row, cells: [{ cell: cell.index, text }] });
  }
  if (!edits.length) throw new PlacementError(`Không tìm thấy dòng tiêu chí ${code} có ghi tên.`);
  const first = edits[0] as Extract<TableEdit, { op: 'set' }>;
  return { edits, target: { table: first.table, row: first.row }, summary: `Đã ghi tên chính thức của tiêu chí ${code}.` };
}

/** Rows for the planned criteria a report lacks, with "ND … xây dựng đầu năm" taken from the plan. */
function planAddPlannedRows(rec: RecognisedTable, codes: readonly string[], ctx: FixContext): EditPlan {
  if (!ctx.catalog) throw new PlacementError('Chưa xác định được bộ tiêu chí (loại trường, năm học).');
  const planned = rec.form.columns.find((c) => c.fromPlan);
  const requests: RowRequest[] = [];
  const present = new Set(criterionEntries(rec).map((e) => refKey(e.ref)));
  for (const key of codes) {
    if (present.has(key)) continue;
    const ref: CriterionRef = key.startsWith('M4.') ? { code: key.slice(3), level4: true } : { code: key };
    const items = ctx.plan?.items.filter((i) => refKey(i.ref) === key) ?? [];
    const content = items
      .map((i) => i.content)
      .filter(Boolean)
      .join('\n');
    requests.push({ ref, level: items[0]?.level, cells: planned && content ? { [planned.key]: content } : {} });
  }
  if (!requests.length) throw new PlacementError('Các tiêu chí trong kế hoạch đều đã có trong báo cáo.');
  return planAddRows(rec, ctx.catalog, requests);
}

/** The planner for a finding's fix. */
export function fixPlanner(fix: FindingFix, ctx: FixContext): (rec: RecognisedTable) => EditPlan {
  switch (fix.kind) {
    case 'write-heading':
      return (rec) => planWriteHeading(rec, fix.key, ctx);
    case 'add-column':
      return (rec) => planAddColumn(rec, fix.key, ctx);
    case 'write-standard-title':
      return (rec) => planWriteStandardTitle(rec, fix.standard, ctx);
    case 'write-criterion-title':
      return (rec) => planWriteCriterionTitle(rec, fix.code, ctx);
    case 'add-planned-rows':
      return (rec) => planAddPlannedRows(rec, fix.codes, ctx);
  }
}
