/**
 * What the side form needs to know about a recognised table's rows: the fields it asks for (the
 * form's input columns the document actually has), how many rows each criterion already has, and
 * which criterion a physical row belongs to. Pure; shared by the pane and the CLI.
 */
import { fillYear, inputColumns } from '../forms';
import { collapseSpaces } from '../text';
import { refKey } from './model';
import type { CriterionEntry, RecognisedTable, RowRef } from './recognise';

/** One field of the side form: a column of the table in the document. */
export interface RowField {
  /** Form column key (the key of RowRequest.cells). */
  readonly key: string;
  /** The column's heading as the document writes it (the form's heading when the document has none). */
  readonly heading: string;
  /** Short hint from the form. */
  readonly hint: string;
  /** Grid column in the document. */
  readonly col: number;
  /** Report: the column restating the plan (pre-filled from the plan table). */
  readonly fromPlan: boolean;
  /** Plan: a cell that should not be left empty. */
  readonly required: boolean;
  /** plan-2026: text written under the criterion's label in the label column. */
  readonly underLabel: boolean;
}

/**
 * The side form's fields for a table: the form's input columns (inputColumns) that the document has,
 * in the document's column order. Columns the document lacks are left out (there is nowhere to write them).
 */
export function rowFormFields(rec: RecognisedTable, schoolYear = ''): RowField[] {
  const out: RowField[] = [];
  for (const c of inputColumns(rec.form)) {
    const m = rec.columns.find((x) => x.key === c.key);
    if (!m) continue;
    const own = collapseSpaces(m.heading);
    out.push({
      key: c.key,
      heading: own || fillYear(c.heading, schoolYear),
      hint: c.hint,
      col: m.col,
      fromPlan: !!c.fromPlan,
      required: !!c.required,
      underLabel: c.role === 'criterion',
    });
  }
  return out.sort((a, b) => a.col - b.col);
}

/** Physical rows per criterion (refKey: "1.3", "M4.2"), every entry of the criterion counted. */
export function criterionRowCounts(rec: RecognisedTable): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of rec.entries) {
    if (e.kind !== 'criterion') continue;
    const k = refKey(e.ref);
    counts.set(k, (counts.get(k) ?? 0) + e.rows.length);
  }
  return counts;
}

/** The criterion a physical row belongs to, and which of its rows it is (0: the row with the label). */
export function entryAtRow(rec: RecognisedTable, at: RowRef): { entry: CriterionEntry; ordinal: number } | undefined {
  for (const e of rec.entries) {
    if (e.kind !== 'criterion') continue;
    const ordinal = e.rows.findIndex((r) => r.table === at.table && r.row === at.row);
    if (ordinal >= 0) return { entry: e, ordinal };
  }
  return undefined;
}
