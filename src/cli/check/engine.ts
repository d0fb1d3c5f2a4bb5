/**
 * Checking many files from the disk: the files and the plan folder, each once, read with the read-only
 * flag and checked by src/app/review.ts (the same code as the reviewer page), with a plan folder's
 * plans paired with the reports.
 */
import { readFile, stat } from 'node:fs/promises';
import { checkSources, type ReviewProgress, type ReviewSource } from '../../app/review';
import type { MetaOverrides, PlanSource } from '../../domain/check';
import type { ReviewPairing } from '../../domain/review';
import type { CriterionStatus, FileReport } from '../../domain/check/report';
import type { XmlParser } from '../../domain/ooxml/xml';
import { readFailure, tooLargeError, type ReadFailure } from '../../app/open';
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

export type PairingOutcome = ReviewPairing;

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

export type CheckProgress = ReviewProgress;

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

/** Check files: `files` first (in order), then plan-folder files not among them. */
export async function checkFiles(files: readonly InputFile[], opts: CheckFilesOptions = {}): Promise<CheckRun> {
  const planDir = new Set((opts.planFiles ?? []).map((f) => realPathOf(f.fullPath)));
  const seen = new Set<string>();
  const all: { file: InputFile; fromPlanDir: boolean }[] = [];
  for (const f of [...files, ...(opts.planFiles ?? [])]) {
    const key = realPathOf(f.fullPath);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push({ file: f, fromPlanDir: planDir.has(key) });
  }
  const sources: ReviewSource[] = all.map(({ file, fromPlanDir }) => ({
    path: file.path,
    planCandidate: fromPlanDir,
    read: () => readInputBytes(file.fullPath),
  }));
  const run = await checkSources(sources, {
    parse: opts.parse ?? parseXml,
    overrides: opts.overrides,
    plan: opts.plan,
    pair: !!opts.planFiles,
    onProgress: opts.onProgress,
  });
  const outcomes = run.outcomes.map((o, i) => ({ ...o, file: all[i].file, fromPlanDir: all[i].fromPlanDir }));
  return run.pairing ? { outcomes, pairing: run.pairing } : { outcomes };
}
