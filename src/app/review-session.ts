/**
 * A reviewer's session over many files, what the reviewer page's worker holds: the sources, the run
 * (light records only: each file's JSON record and criterion statuses; no document is kept), the plans
 * found (small), the pairing of reports with plans — first made exactly as `ctcl check --plan-dir` makes
 * it, then corrected by hand — and what is built from them: one file's findings and model again on
 * demand (read once more), the workbook, the «Phiếu nhận xét» of each school, the JSON. No DOM, no Node.
 */
import { zipSync, type Zippable } from 'fflate';
import { checkOpened } from './check';
import { tryOpenForReading } from './open';
import { checkAgainstPlan, checkSources, type ReviewProgress, type ReviewSource } from './review';
import { reviewJson, type ReviewJson } from './review-json';
import type { CheckResult, PlanSource } from '../domain/check';
import type { DocModel } from '../domain/ooxml/reader';
import type { XmlParser } from '../domain/ooxml/xml';
import type { ReviewOutcome, ReviewPairing, ReviewRun } from '../domain/review';
import { noteFileName, noteParts, schoolsOf, type ReviewerProfile, type SchoolFiles } from '../domain/review/note';
import { reviewWorkbook } from '../domain/review/workbook';
import { DocxPackage } from '../docx/package';
import { xlsxBytes } from '../docx/xlsx';

export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

/** What the page shows of a run: no document, only records. */
export interface RunView extends ReviewRun {
  readonly outcomes: readonly ReviewOutcome[];
  readonly pairing: ReviewPairing;
  /** Outcome indexes of the files that are plans (what a report may be paired with by hand). */
  readonly plans: readonly number[];
  readonly skipped: readonly Skipped[];
}

/** A file read again to be looked at: its model and its check (the same as in the run). */
type FileDetail =
  { readonly ok: true; readonly model: DocModel; readonly result: CheckResult } | { readonly ok: false; readonly reason: string };

/** A file built in the session: a name and its bytes. */
interface BuiltFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

export class ReviewSession {
  private outcomes: ReviewOutcome[] = [];
  private pairing: ReviewPairing = { pairs: [], unpairedReports: [], unpairedPlans: [] };
  private plans = new Map<number, PlanSource>();

  constructor(
    private readonly sources: readonly ReviewSource[],
    private readonly skipped: readonly Skipped[],
    private readonly parse: XmlParser,
  ) {}

  /** Check every source, every file a candidate plan (as `ctcl check <folder> --plan-dir <folder>`). */
  async run(onProgress?: (p: ReviewProgress) => void | Promise<void>): Promise<RunView> {
    const run = await checkSources(
      this.sources.map((s) => ({ ...s, planCandidate: true })),
      { parse: this.parse, pair: true, onProgress },
    );
    this.outcomes = [...run.outcomes];
    this.plans = new Map(run.plans);
    this.pairing = run.pairing ?? { pairs: [], unpairedReports: [], unpairedPlans: [] };
    return this.view();
  }

  view(): RunView {
    return {
      outcomes: this.outcomes,
      pairing: this.pairing,
      plans: [...this.plans.keys()],
      skipped: this.skipped,
    };
  }

  /** Pair a report with a plan by hand (`plan` null: with no plan), and check it again. */
  async pairByHand(report: number, plan: number | null): Promise<RunView> {
    const source = this.sources[report];
    if (!source || this.outcomes[report]?.report.documentKind !== 'report') throw new Error(`Not a report: ${report}`);
    let outcome: ReviewOutcome;
    if (plan === null) {
      outcome = (await checkSources([{ ...source, planCandidate: false }], { parse: this.parse })).outcomes[0];
    } else {
      const p = this.plans.get(plan);
      if (!p) throw new Error(`Not a plan: ${plan}`);
      outcome = await checkAgainstPlan(
        source,
        p,
        { path: this.outcomes[plan].report.path, method: 'manual' },
        { parse: this.parse },
      );
    }
    this.outcomes = this.outcomes.map((o, i) => (i === report ? outcome : o));
    const pairs = this.pairing.pairs.filter((x) => x.report !== report);
    if (plan !== null) pairs.push({ report, plan, method: 'manual' });
    pairs.sort((a, b) => a.report - b.report);
    const paired = new Set(pairs.map((x) => x.report));
    const used = new Set(pairs.map((x) => x.plan));
    const reports = this.outcomes.flatMap((o, i) => (!o.report.error && o.report.documentKind === 'report' ? [i] : []));
    this.pairing = {
      pairs,
      unpairedReports: reports.filter((i) => !paired.has(i)),
      unpairedPlans: [...this.plans.keys()].filter((i) => !used.has(i)),
    };
    return this.view();
  }

  /** Read one file again, and check it as the run did (against its paired plan). */
  async detail(index: number): Promise<FileDetail> {
    const source = this.sources[index];
    const got = await source.read();
    if ('failure' in got) return { ok: false, reason: got.failure.message };
    const opened = tryOpenForReading(got.bytes, this.parse);
    if (!opened.ok) return { ok: false, reason: opened.failure.message };
    const pair = this.pairing.pairs.find((p) => p.report === index);
    const plan = pair ? this.plans.get(pair.plan) : undefined;
    return { ok: true, model: opened.doc.model, result: checkOpened(opened.doc, { plan }) };
  }

  json(): ReviewJson {
    return reviewJson({ outcomes: this.outcomes, pairing: this.pairing }, this.skipped);
  }

  /** The workbook, the same as `ctcl check --xlsx`. */
  workbook(date = new Date()): BuiltFile {
    const wb = reviewWorkbook({ outcomes: this.outcomes, pairing: this.pairing }, { date });
    return { name: `Tong-hop-kiem-tra-${dateStamp(date)}.xlsx`, bytes: xlsxBytes(wb) };
  }

  /** The schools a «Phiếu nhận xét» can be made for. */
  schools(): SchoolFiles[] {
    return schoolsOf({ outcomes: this.outcomes, pairing: this.pairing });
  }

  /** One school's «Phiếu nhận xét» (.docx), or every school's in one .zip (`key` undefined). */
  notes(reviewer: ReviewerProfile, key?: string, date = new Date()): BuiltFile {
    const run = { outcomes: this.outcomes, pairing: this.pairing };
    const schools = this.schools().filter((s) => key === undefined || s.key === key);
    if (!schools.length) throw new Error(`No school ${key}`);
    const docx = (s: SchoolFiles) => DocxPackage.fromParts(noteParts(run, s, { date, reviewer })).toBytes();
    if (key !== undefined) return { name: noteFileName(schools[0]), bytes: docx(schools[0]) };
    const files: Zippable = {};
    for (const s of schools) {
      let name = noteFileName(s);
      for (let n = 2; name in files; n++) name = noteFileName(s).replace(/\.docx$/, ` (${n}).docx`);
      // Already compressed: stored as is.
      files[name] = [docx(s), { level: 0, mtime: ZIP_TIME }];
    }
    return { name: `Phieu-nhan-xet-${dateStamp(date)}.zip`, bytes: zipSync(files) };
  }
}

function dateStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
