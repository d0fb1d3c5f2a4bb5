/**
 * Checking many files: read each (the next one is read from disk while the current one is parsed),
 * check it, keep only a light record (no document trees, so memory stays flat over a folder of
 * schools), and with a plan folder pair each report with its school's plan and check it again
 * against that plan. A file that cannot be read becomes a record with an error; the run goes on.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { checkDocument, planFromTables, type CheckResult, type MetaOverrides, type PlanSource } from '../../domain/check';
import { pairReportsWithPlans, type Pair, type PairMethod } from '../../domain/check/pairing';
import {
  criterionStatuses,
  fileReport,
  unreadableReport,
  type CriterionStatus,
  type FileReport,
  type JsonPlanRef,
} from '../../domain/check/report';
import type { XmlParser } from '../../domain/ooxml/xml';
import { readDocxModel, readFailure, tooLargeError, type ReadFailure } from '../../docx/read';
import { parseXml } from '../../docx/xml-node';
import { realPathOf, type InputFile } from './inputs';

/** Codes of files that could not be read, besides DocxError's: see README (ctcl check). */
export type FileErrorCode = ReadFailure['code'] | 'not-found' | 'not-a-file' | 'no-access' | 'io';

export interface FileOutcome {
  readonly file: InputFile;
  readonly report: FileReport;
  /** Status of each criterion the file mentions (the workbook's matrix). */
  readonly statuses: Readonly<Record<string, CriterionStatus>>;
  /** Found through --plan-dir (such files are checked like the others). */
  readonly fromPlanDir: boolean;
}

export interface PairingOutcome {
  /** Indexes into CheckRun.outcomes. */
  readonly pairs: readonly { readonly report: number; readonly plan: number; readonly method: PairMethod }[];
  readonly unpairedReports: readonly number[];
  readonly unpairedPlans: readonly number[];
}

export interface CheckRun {
  readonly outcomes: readonly FileOutcome[];
  /** With a plan folder only. */
  readonly pairing?: PairingOutcome;
}

export interface CheckFilesOptions {
  readonly overrides?: MetaOverrides;
  /** One plan for every report (--plan). */
  readonly plan?: { readonly source: PlanSource; readonly path: string };
  /** Files of the plan folder (--plan-dir): checked too; their plans are paired with the reports. */
  readonly planFiles?: readonly InputFile[];
  readonly parse?: XmlParser;
  /** Called after each file; then, with a plan folder, after each report checked again against its plan. */
  readonly onProgress?: (p: CheckProgress) => void;
}

export interface CheckProgress {
  /** 'check': reading and checking every file; 'plans': checking paired reports against their plans. */
  readonly phase: 'check' | 'plans';
  /** Files done and to do in this phase. */
  readonly done: number;
  readonly total: number;
  readonly path: string;
}

type Bytes = { readonly bytes: Uint8Array } | { readonly failure: ReadFailure | { code: FileErrorCode; message: string } };

/** Read a file for checking; never rejects. Refuses files too large before reading them. */
export async function readInputBytes(fullPath: string): Promise<Bytes> {
  try {
    const st = await stat(fullPath);
    if (!st.isFile()) return { failure: { code: 'not-a-file', message: 'Đây không phải một tệp (có thể là thư mục).' } };
    const big = tooLargeError(st.size);
    if (big) return { failure: readFailure(big) };
    // Read-only: the file is opened with flag 'r' and never written.
    return { bytes: new Uint8Array(await readFile(fullPath, { flag: 'r' })) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { failure: { code: 'not-found', message: 'Không tìm thấy tệp.' } };
    if (code === 'EISDIR') return { failure: { code: 'not-a-file', message: 'Đây là một thư mục, không phải tệp.' } };
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
      return { failure: { code: 'no-access', message: 'Không có quyền đọc tệp, hoặc tệp đang bị khoá.' } };
    }
    return { failure: { code: 'io', message: `Không đọc được tệp (${(e as Error).message}).` } };
  }
}

interface Checked {
  readonly result: CheckResult;
  readonly plan?: PlanSource;
}

function checkBytes(bytes: Uint8Array, parse: XmlParser, overrides: MetaOverrides | undefined, plan?: PlanSource): Checked {
  const model = readDocxModel(bytes, parse);
  return { result: checkDocument(model, { overrides, plan }), plan };
}

function outcomeOf(file: InputFile, fromPlanDir: boolean, got: Bytes | Checked, planRef: JsonPlanRef | null): FileOutcome {
  if ('failure' in got) return { file, fromPlanDir, report: unreadableReport(file.path, got.failure), statuses: {} };
  if ('bytes' in got) throw new Error('unchecked bytes');
  return {
    file,
    fromPlanDir,
    report: fileReport(file.path, got.result, planRef),
    statuses: criterionStatuses(got.result, got.plan),
  };
}

/** Read and check one file; every failure (even a checker bug on an odd file) becomes the file's error. */
function checkOne(got: Bytes, parse: XmlParser, overrides: MetaOverrides | undefined, plan?: PlanSource): Bytes | Checked {
  if ('failure' in got) return got;
  try {
    return checkBytes(got.bytes, parse, overrides, plan);
  } catch (e) {
    return { failure: readFailure(e) };
  }
}

/** Check files: `files` first (in order), then plan-folder files not among them. */
export async function checkFiles(files: readonly InputFile[], opts: CheckFilesOptions = {}): Promise<CheckRun> {
  const parse = opts.parse ?? parseXml;
  const planDir = new Set((opts.planFiles ?? []).map((f) => realPathOf(f.fullPath)));
  const seen = new Set<string>();
  const all: { file: InputFile; fromPlanDir: boolean }[] = [];
  for (const f of [...files, ...(opts.planFiles ?? [])]) {
    const key = realPathOf(f.fullPath);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push({ file: f, fromPlanDir: planDir.has(key) });
  }
  const planRef = opts.plan ? ({ path: opts.plan.path, method: 'option' } as const) : null;
  const outcomes: FileOutcome[] = [];
  /** Plans of the plan folder, by outcome index. */
  const pool = new Map<number, PlanSource>();
  // One file is read ahead while the current one is parsed (parsing is the slow, synchronous part).
  let next: Promise<Bytes> | undefined = all.length ? readInputBytes(all[0].file.fullPath) : undefined;
  for (let i = 0; i < all.length; i++) {
    const got = await next!;
    next = i + 1 < all.length ? readInputBytes(all[i + 1].file.fullPath) : undefined;
    const { file, fromPlanDir } = all[i];
    const checked = checkOne(got, parse, opts.overrides, opts.plan?.source);
    // Only reports are compared with a plan.
    const compared = 'result' in checked && checked.result.meta.documentKind === 'report';
    outcomes.push(outcomeOf(file, fromPlanDir, checked, compared ? planRef : null));
    if (fromPlanDir && 'result' in checked && checked.result.meta.documentKind === 'plan') {
      const p = planFromTables(checked.result.tables, basename(file.path));
      if (p) pool.set(i, { ...p, origin: 'file' });
    }
    opts.onProgress?.({ phase: 'check', done: i + 1, total: all.length, path: file.path });
  }
  if (!opts.planFiles) return { outcomes };

  // Pair the reports with the plans of the plan folder, then check the paired reports again.
  const candidate = (i: number) => {
    const r = outcomes[i].report;
    return { id: i, path: r.path, schoolName: r.schoolName ?? undefined, schoolYear: r.schoolYear ?? undefined };
  };
  const reports = outcomes.flatMap((o, i) => (!o.report.error && o.report.documentKind === 'report' ? [candidate(i)] : []));
  const pairing = pairReportsWithPlans(reports, [...pool.keys()].map(candidate));
  for (const [i, pair] of pairing.pairs.entries()) {
    await recheck(pair);
    opts.onProgress?.({ phase: 'plans', done: i + 1, total: pairing.pairs.length, path: outcomes[pair.report].file.path });
  }
  return {
    outcomes,
    pairing: {
      pairs: pairing.pairs.map(({ report, plan, method }) => ({ report, plan, method })),
      unpairedReports: pairing.unpairedReports,
      unpairedPlans: pairing.unpairedPlans,
    },
  };

  async function recheck(pair: Pair): Promise<void> {
    const o = outcomes[pair.report];
    const plan = pool.get(pair.plan)!;
    const checked = checkOne(await readInputBytes(o.file.fullPath), parse, opts.overrides, plan);
    const ref: JsonPlanRef = { path: outcomes[pair.plan].report.path, method: pair.method };
    outcomes[pair.report] = outcomeOf(o.file, o.fromPlanDir, checked, 'result' in checked ? ref : null);
  }
}
