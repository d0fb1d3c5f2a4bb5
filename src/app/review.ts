/**
 * Checking many files, the one way `ctcl check` and the reviewer page both do it: read each source,
 * check it, keep only a light record (the JSON record and the criterion statuses, no document tree, so
 * memory stays flat over thousands of files), pair each report with its school's plan as --plan-dir
 * does, and check the paired reports again against their plans. Where the bytes come from (the disk, a
 * dropped folder, a .zip) is the caller's; a source that cannot be read becomes a record with an error
 * and the run goes on.
 */
import { readFailure } from './open';
import { planFromTables, type CheckResult, type MetaOverrides, type PlanSource } from '../domain/check';
import { pairReportsWithPlans, type PairMethod } from '../domain/check/pairing';
import { criterionStatuses, fileReport, unreadableReport, type JsonPlanRef } from '../domain/check/report';
import type { XmlParser } from '../domain/ooxml/xml';
import { plan2026Record, type ReviewOutcome, type ReviewPairing } from '../domain/review';
import { checkOpened } from './check';
import { tryOpenForReading } from './open';

export interface SourceFailure {
  readonly code: string;
  readonly message: string;
}

/** The bytes of a .docx; `convertedFrom` when they are a converted copy of an old Word file. */
export type SourceBytes = { readonly bytes: Uint8Array; readonly convertedFrom?: 'doc' } | { readonly failure: SourceFailure };

export interface ReviewSource {
  /** The path as shown to the user. */
  readonly path: string;
  /** The bytes, or why they could not be had; never rejects. */
  read(): Promise<SourceBytes>;
  /** A candidate plan for pairing (the CLI: found through --plan-dir). */
  readonly planCandidate: boolean;
}

export interface ReviewProgress {
  /** 'check': reading and checking every file; 'plans': checking paired reports against their plans. */
  readonly phase: 'check' | 'plans';
  readonly done: number;
  readonly total: number;
  readonly path: string;
}

interface CheckSourcesOptions {
  readonly parse: XmlParser;
  readonly overrides?: MetaOverrides;
  /** One plan for every report (--plan). */
  readonly plan?: { readonly source: PlanSource; readonly path: string };
  /** Pair the reports with the plans among the candidates, and check them again against those plans. */
  readonly pair?: boolean;
  readonly onProgress?: (p: ReviewProgress) => void | Promise<void>;
}

interface SourcesRun {
  readonly outcomes: ReviewOutcome[];
  readonly pairing?: ReviewPairing;
  /** The plans of the candidates that are plans, by outcome index (to pair again by hand). */
  readonly plans: ReadonlyMap<number, PlanSource>;
}

type Checked =
  | { readonly result: CheckResult; readonly plan?: PlanSource; readonly convertedFrom?: 'doc' }
  | { readonly failure: SourceFailure };

/** Read and check one source; every failure (even a checker bug on an odd file) becomes the file's error. */
function checkBytes(got: SourceBytes, opts: CheckSourcesOptions, plan?: PlanSource): Checked {
  if ('failure' in got) return got;
  const opened = tryOpenForReading(got.bytes, opts.parse);
  if (!opened.ok) return { failure: opened.failure };
  try {
    const result = checkOpened(opened.doc, { overrides: opts.overrides, plan });
    return got.convertedFrom ? { result, plan, convertedFrom: got.convertedFrom } : { result, plan };
  } catch (e) {
    return { failure: readFailure(e) };
  }
}

function outcomeOf(path: string, c: Checked, planRef: JsonPlanRef | null): ReviewOutcome {
  if ('failure' in c) return { report: unreadableReport(path, c.failure), statuses: {} };
  const report = fileReport(path, c.result, planRef);
  const outcome: ReviewOutcome = {
    report: c.convertedFrom ? { ...report, convertedFrom: c.convertedFrom } : report,
    statuses: criterionStatuses(c.result, c.plan),
  };
  const tt57 = c.result.tt57;
  // A Thông tư 57 plan (Biểu 2: mục IV or V) is shown by problem and item status.
  const bieu2 =
    c.result.meta.framework === '2026' && c.result.meta.documentKind === 'plan' && (tt57?.itemTable || tt57?.problemTable);
  return bieu2 && tt57 ? { ...outcome, plan2026: plan2026Record(tt57) } : outcome;
}

/** Check one report against a plan chosen by the pairing or by hand. */
export async function checkAgainstPlan(
  source: ReviewSource,
  plan: PlanSource,
  ref: { readonly path: string; readonly method: PairMethod | 'manual' },
  opts: Pick<CheckSourcesOptions, 'parse' | 'overrides'>,
): Promise<ReviewOutcome> {
  const c = checkBytes(await source.read(), opts, plan);
  return outcomeOf(source.path, c, 'result' in c ? { path: ref.path, method: ref.method } : null);
}

/** Check the sources in order (the next one is read while the current one is checked). */
export async function checkSources(sources: readonly ReviewSource[], opts: CheckSourcesOptions): Promise<SourcesRun> {
  const planRef = opts.plan ? ({ path: opts.plan.path, method: 'option' } as const) : null;
  const outcomes: ReviewOutcome[] = [];
  const plans = new Map<number, PlanSource>();
  let next: Promise<SourceBytes> | undefined = sources.length ? sources[0].read() : undefined;
  for (let i = 0; i < sources.length; i++) {
    const got = await next!;
    next = i + 1 < sources.length ? sources[i + 1].read() : undefined;
    const s = sources[i];
    const c = checkBytes(got, opts, opts.plan?.source);
    // Only reports are compared with a plan.
    const compared = 'result' in c && c.result.meta.documentKind === 'report';
    outcomes.push(outcomeOf(s.path, c, compared ? planRef : null));
    if (s.planCandidate && 'result' in c && c.result.meta.documentKind === 'plan') {
      const p = planFromTables(c.result.tables, s.path.split(/[\\/]/).pop());
      const m = c.result.meta;
      if (p) plans.set(i, { ...p, origin: 'file', schoolName: m.schoolName, schoolYear: m.schoolYear });
    }
    await opts.onProgress?.({ phase: 'check', done: i + 1, total: sources.length, path: s.path });
  }
  if (!opts.pair) return { outcomes, plans };

  const candidate = (i: number) => {
    const r = outcomes[i].report;
    return { id: i, path: r.path, schoolName: r.schoolName ?? undefined, schoolYear: r.schoolYear ?? undefined };
  };
  const reports = outcomes.flatMap((o, i) => (!o.report.error && o.report.documentKind === 'report' ? [candidate(i)] : []));
  const pairing = pairReportsWithPlans(reports, [...plans.keys()].map(candidate));
  for (const [n, pair] of pairing.pairs.entries()) {
    const ref = { path: outcomes[pair.plan].report.path, method: pair.method };
    outcomes[pair.report] = await checkAgainstPlan(sources[pair.report], plans.get(pair.plan)!, ref, opts);
    await opts.onProgress?.({ phase: 'plans', done: n + 1, total: pairing.pairs.length, path: sources[pair.report].path });
  }
  return {
    outcomes,
    plans,
    pairing: {
      pairs: pairing.pairs.map(({ report, plan, method }) => ({ report, plan, method })),
      unpairedReports: pairing.unpairedReports,
      unpairedPlans: pairing.unpairedPlans,
    },
  };
}
