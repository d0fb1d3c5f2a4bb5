/**
 * The checker: reads any document's tables, works out what the document is, and lists the mistakes
 * reviewers find, each with a rule, a severity, a Vietnamese message and a location.
 */
import { findCatalog, type Framework } from '../catalog';
import type { DocModel } from '../ooxml/reader';
import { refKey } from '../table/model';
import { criteriaBySection, criterionEntries, recogniseTables, type RecognisedTable } from '../table/recognise';
import type { Finding, Severity } from './findings';
import { inferMeta, type DocumentMeta, type MetaOverrides } from './metadata';
import { RULES, type CheckContext, type PlanSource } from './rules';
import { namedCriteria } from '../tt57/plan';
import { readPlan2026, type ReadPlan2026 } from '../tt57/read';
import { defaultSectionLabel } from '../forms';

export * from './findings';
export type { DocumentMeta, MetaOverrides } from './metadata';
export type { PlanSource } from './rules';

export interface CheckOptions {
  readonly overrides?: MetaOverrides;
  /** A plan from elsewhere (a plan .docx or a template); the document's own plan table is used otherwise. */
  readonly plan?: PlanSource;
  /** Finding ids the user chose to ignore ("Bỏ qua"). */
  readonly ignored?: readonly string[];
  /** The day to judge end-of-term rules by; defaults to the document's date, else today. */
  readonly asOf?: Date;
}

export interface Coverage {
  /** Criteria in the plan (or, without a plan, in the report). */
  readonly total: number;
  /** Of those, reported with a result. */
  readonly reported: number;
  /** Planned but absent from the report or without a result. */
  readonly missing: readonly string[];
  readonly basis: 'plan' | 'report';
}

export interface CheckResult {
  readonly meta: DocumentMeta;
  readonly tables: readonly RecognisedTable[];
  /** The table the document is about: the report, else the plan, else the monitoring table. */
  readonly primary?: RecognisedTable;
  readonly criteria: Readonly<Record<string, string[]>>;
  /** Findings not ignored, errors first. */
  readonly findings: readonly Finding[];
  /** Findings the user ignored. */
  readonly ignored: readonly Finding[];
  readonly coverage?: Coverage;
  readonly counts: Readonly<Record<Severity, number>>;
  /** The Biểu 2 plan (TT57) read from the mục IV, V and VI tables, when the document has them. */
  readonly tt57?: ReadPlan2026;
}

/** The plan table of a document as a PlanSource. */
export function planFromTables(tables: readonly RecognisedTable[], name = 'kế hoạch trong tài liệu này'): PlanSource | undefined {
  const plan = tables.find((t) => t.form.kind === 'plan');
  if (!plan) return undefined;
  const content = plan.form.columns.find((c) => c.planContent);
  return {
    origin: 'document',
    name,
    items: criterionEntries(plan).map((e) => ({
      ref: e.ref,
      level: e.level,
      content: content ? (e.cells[content.key] ?? '') : '',
    })),
  };
}

/** A plan document read as a PlanSource (for --plan and "Kiểm tra với kế hoạch…"). */
export function planFromDocument(model: DocModel, name: string, framework?: Framework): PlanSource | undefined {
  const tables = recogniseTables(model, { framework });
  const p = planFromTables(tables, name);
  if (!p) return undefined;
  const meta = inferMeta(model, tables, framework ? { framework } : {});
  return { ...p, origin: 'file', schoolName: meta.schoolName, schoolYear: meta.schoolYear };
}

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function primaryTable(tables: readonly RecognisedTable[]): RecognisedTable | undefined {
  return tables.find((t) => t.form.kind === 'report') ?? tables.find((t) => t.form.kind === 'plan') ?? tables[0];
}

function coverageOf(primary: RecognisedTable | undefined, plan: PlanSource | undefined): Coverage | undefined {
  if (!primary || primary.form.kind !== 'report') return undefined;
  const results = primary.form.columns.filter((c) => c.result).map((c) => c.key);
  const entries = criterionEntries(primary);
  const withResult = new Set(entries.filter((e) => results.some((k) => (e.cells[k] ?? '').trim())).map((e) => refKey(e.ref)));
  if (plan) {
    const planned = [...new Set(plan.items.map((i) => refKey(i.ref)))];
    const missing = planned.filter((k) => !withResult.has(k));
    return { total: planned.length, reported: planned.length - missing.length, missing, basis: 'plan' };
  }
  const all = [...new Set(entries.map((e) => refKey(e.ref)))];
  return {
    total: all.length,
    reported: all.filter((k) => withResult.has(k)).length,
    missing: all.filter((k) => !withResult.has(k)),
    basis: 'report',
  };
}

export function checkDocument(model: DocModel, opts: CheckOptions = {}): CheckResult {
  // A first pass tells 2018 from 2026 tables by the year; recognition then uses that framework.
  const first = recogniseTables(model, { framework: opts.overrides?.framework });
  const meta0 = inferMeta(model, first, opts.overrides);
  const tables = meta0.framework && !opts.overrides?.framework ? recogniseTables(model, { framework: meta0.framework }) : first;
  const meta = tables === first ? meta0 : inferMeta(model, tables, opts.overrides);
  const catalog = meta.framework && meta.schoolType ? findCatalog(meta.framework, meta.schoolType) : undefined;
  const plan = opts.plan ?? (tables.some((t) => t.form.kind === 'report') ? planFromTables(tables) : undefined);
  const when = opts.asOf ?? (meta.date ? new Date(meta.date.year, meta.date.month - 1, meta.date.day) : new Date());
  const ctx: CheckContext = {
    model,
    tables,
    meta,
    catalog,
    plan,
    asOf: { year: when.getFullYear(), month: when.getMonth() + 1, day: when.getDate() },
  };
  // A file that is not a plan or report gets its one finding and nothing else.
  const rules = meta.notKhct ? RULES.filter((r) => r.reports.includes('not-khct-document')) : RULES;
  const all = rules.flatMap((r) => r.run(ctx)).sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const ignoredIds = new Set(opts.ignored ?? []);
  const findings = all.filter((f) => !ignoredIds.has(f.id));
  const ignored = all.filter((f) => ignoredIds.has(f.id));
  const primary = primaryTable(tables);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const tt57 = readPlan2026(tables, { schoolType: meta.schoolType ?? 'tieu-hoc', schoolYear: meta.schoolYear ?? '' });
  // A Biểu 2 plan: every criterion named in mục IV and V.
  const named = tt57 && (tt57.itemTable || tt57.problemTable) ? namedCriteria(tt57.plan) : undefined;
  return {
    meta,
    tables,
    primary,
    tt57,
    criteria:
      named && (!primary || primary.form.kind !== 'report')
        ? named.length
          ? { [defaultSectionLabel('2026')]: named }
          : {}
        : primary
          ? criteriaBySection(primary)
          : {},
    findings,
    ignored,
    coverage: coverageOf(primary, plan),
    counts,
  };
}
