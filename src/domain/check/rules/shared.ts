/**
 * What every rule family shares: the context a rule reads, the rule type, and helpers that build findings
 * with stable ids and locations.
 */
import type { Catalog, Level } from '../../catalog';
import { fillYear, type ColumnDef } from '../../forms';
import { cellAt, type DocModel } from '../../ooxml/reader';
import type { CriterionRef } from '../../table/model';
import type { RecognisedTable } from '../../table/recognise';
import { findingId, type Finding, type FindingLocation, type RuleId, type Severity } from '../findings';
import type { DocumentMeta } from '../metadata';
import { fold, type SchoolYear } from '../../text';

/** Criteria a plan lists, to compare a report with. */
export interface PlanSource {
  readonly origin: 'document' | 'file' | 'template';
  /** Where it came from, for messages ("kế hoạch trong tài liệu này", a file name, a template name). */
  readonly name: string;
  readonly items: readonly { readonly ref: CriterionRef; readonly level?: Level; readonly content: string }[];
  /** What the plan document says of itself, to warn when a report is compared with another school's plan. */
  readonly schoolName?: string;
  readonly schoolYear?: string;
}

export interface CheckContext {
  readonly model: DocModel;
  readonly tables: readonly RecognisedTable[];
  readonly meta: DocumentMeta;
  readonly catalog?: Catalog;
  readonly plan?: PlanSource;
  /** The day the check is about (document date or today), to judge end-of-term rules. */
  readonly asOf: { readonly year: number; readonly month: number; readonly day: number };
}

/** The families rules are grouped by, one file each under rules/. */
export type RuleFamily = 'columns' | 'coverage' | 'criteria' | 'dates' | 'encoding' | 'frame' | 'metadata' | 'tt57';

/** One rule of the checker: what it is called, its family, the finding ids it can report, and how it runs. */
export interface Rule {
  readonly id: string;
  readonly family: RuleFamily;
  readonly reports: readonly RuleId[];
  readonly run: (ctx: CheckContext) => Finding[];
}

export function make(
  rule: RuleId,
  severity: Severity,
  message: string,
  location: FindingLocation,
  idParts: readonly (string | number | undefined)[],
  extra: Partial<Pick<Finding, 'criterion' | 'fix' | 'fixLabel'>> = {},
): Finding {
  return { id: findingId(rule, idParts), rule, severity, message, location, ...extra };
}

/** Ordinal of a recognised table among those of the document (stable id part). */
export function tableKey(ctx: CheckContext, rec: RecognisedTable): string {
  return rec.tag ?? `${rec.form.kind}${ctx.tables.filter((t) => t.form.kind === rec.form.kind).indexOf(rec)}`;
}

export function colOf(rec: RecognisedTable, key: string): number | undefined {
  return rec.columns.find((c) => c.key === key)?.col;
}

/** Location of a criterion entry's label cell. */
export function entryLocation(
  rec: RecognisedTable,
  e: { at: { table: number; row: number } },
  key = 'criterion',
): FindingLocation {
  const col = colOf(rec, key);
  const part = rec.parts.find((p) => p.index === e.at.table);
  const cell = col !== undefined && part ? cellAt(part.rows[e.at.row], col) : undefined;
  return { table: e.at.table, row: e.at.row, column: col, cell: cell?.index };
}

export function name(e: { ref: CriterionRef }): string {
  return e.ref.level4 ? `Tiêu chí ${e.ref.code} (Mức 4)` : `Tiêu chí ${e.ref.code}`;
}

export function heading(c: ColumnDef): string {
  return fillYear(c.heading, '…').replace(/ …$/, '');
}

/** "tháng 12/2026", "5/2022", "tháng 9 năm 2022" in a plan's time column, past the school year's end. */
function monthsIn(text: string): { month: number; year: number }[] {
  const t = fold(text);
  const out: { month: number; year: number }[] = [];
  for (const mm of t.matchAll(/(?<![\d/])(\d{1,2})\s*\/\s*((?:19|20)\d\d)(?![\d/])/g))
    out.push({ month: Number(mm[1]), year: Number(mm[2]) });
  for (const mm of t.matchAll(/thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)/g))
    out.push({ month: Number(mm[1]), year: Number(mm[2]) });
  return out.filter((x) => x.month >= 1 && x.month <= 12);
}

/** Months written in a time cell that fall outside the school year (September to August, with a little slack). */
export function monthsOutsideYear(text: string, y: SchoolYear): { month: number; year: number }[] {
  // A plan may run beyond the year on purpose ("và các năm học tiếp theo").
  if (/cac nam hoc tiep theo|giai doan/.test(fold(text))) return [];
  return monthsIn(text).filter((m) => m.year * 12 + m.month > y.end * 12 + 8 || m.year * 12 + m.month < y.start * 12 + 5);
}
