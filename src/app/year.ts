/**
 * The new year's documents, one way for the pane («Năm học mới») and the CLI (`ctcl report-from-plan`,
 * `ctcl roll`): the body of a new document holding a table (the NĐ 30 frame when the school's profile is
 * given, the title block otherwise), the report made from a plan table, and the plan rolled forward from
 * last year's rows (a plan table, or the whole Biểu 2 when it goes into Thông tư 57/2026).
 */
import { getForm } from '../domain/forms';
import { titleBlock } from '../domain/documents/frame';
import { framedBody } from '../domain/documents/official-frame';
import { paragraph } from '../domain/ooxml/writer';
import type { XElement } from '../domain/ooxml/xml';
import type { SchoolProfile } from '../domain/profile';
import type { SchoolType } from '../domain/catalog';
import type { TableSpec } from '../domain/table/model';
import type { RecognisedTable } from '../domain/table/recognise';
import { buildTableBlock } from '../domain/table/render';
import type { Tt57Plan } from '../domain/tt57/plan';
import { planFrom2018, rolledPlanBlocks, rollPlan2026 } from '../domain/tt57/year';
import { reportFromPlan, rolledSpec, type RollResult } from '../domain/year';

/** A calendar day, as the frame prints it. */
export interface Day {
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

/** Today as a Day. */
export function today(now = new Date()): Day {
  return { day: now.getDate(), month: now.getMonth() + 1, year: now.getFullYear() };
}

interface BodyOptions {
  /** The school's profile: the official frame (header, title, signature) around the table. */
  readonly profile?: SchoolProfile;
  /** Without a profile: the school's name above the title. */
  readonly school?: string;
  /** The document's date (the frame's «…, ngày … tháng … năm …»). */
  readonly date: Day;
}

/** The body of a new document holding this table: the official frame, or the title block. */
export function tableDocumentBody(spec: TableSpec, opts: BodyOptions): XElement[] {
  const { sdt } = buildTableBlock(spec);
  if (opts.profile) {
    const kind = getForm(spec.form).kind;
    return framedBody(opts.profile, { kind, schoolYear: spec.schoolYear, date: opts.date }, [sdt]);
  }
  return [...titleBlock(spec.form, spec.schoolYear, { school: opts.school }), sdt, paragraph('')];
}

/** The report table for a plan table, with what both front ends say about it. */
interface ReportMade {
  readonly spec: TableSpec;
  /** Plan rows tied to no criterion (they have no report row). */
  readonly skipped: number;
  /** Criterion rows of the report. */
  readonly criterionRows: number;
}

/** The report for a plan table (throws YearError, a UserError, for a table that is not a plan). */
export function reportForPlan(plan: RecognisedTable, opts: { schoolType: SchoolType; schoolYear: string }): ReportMade {
  const { spec, skipped } = reportFromPlan(plan, opts);
  return { spec, skipped, criterionRows: spec.rows.filter((r) => r.kind === 'criterion').length };
}

/** Last year's rows rolled into this year's plan. */
export type RolledPlan =
  | { readonly kind: 'table'; readonly spec: TableSpec; readonly unassigned: number; readonly rows: number }
  | { readonly kind: 'bieu2'; readonly plan: Tt57Plan; readonly unassigned: number; readonly done: number };

/**
 * This year's plan from the rows picked of a rolled table: into Thông tư 57/2026 (result.remap) the whole
 * Biểu 2 — old rows as items, the criteria assigned to them as mục IV problems —, else the plan table.
 */
export function rolledPlan(
  result: RollResult,
  schoolType: SchoolType,
  picks: readonly { index: number; assign?: string }[],
): RolledPlan {
  if (result.remap) {
    const made = planFrom2018(result, schoolType, picks);
    return { kind: 'bieu2', plan: made.plan, unassigned: made.unassigned, done: 0 };
  }
  return { kind: 'table', ...rolledSpec(result, schoolType, picks), rows: picks.length };
}

/** A Biểu 2 (TT57) rolled to the next year as a whole Biểu 2: its unfinished items, or all of them. */
export function rolledBieu2(
  old: Tt57Plan,
  opts: { readonly all?: boolean } = {},
): Extract<RolledPlan, { kind: 'bieu2' }> & { readonly carried: number } {
  const r = rollPlan2026(old, opts);
  return { kind: 'bieu2', plan: r.plan, unassigned: 0, done: r.done, carried: r.carried };
}

/** The body of the new document holding a rolled plan (a Biểu 2 keeps the old school name without a profile). */
export function rolledPlanBody(made: RolledPlan, opts: BodyOptions): XElement[] {
  return made.kind === 'bieu2'
    ? rolledPlanBlocks(made.plan, { profile: opts.profile, schoolName: opts.school, date: opts.date })
    : tableDocumentBody(made.spec, opts);
}
