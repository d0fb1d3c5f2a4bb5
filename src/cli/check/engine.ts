/**
 * Checking many files from the disk: the files and the plan folder, each once, read with the read-only
 * flag and checked by src/app/review.ts (the same code as the reviewer page), with a plan folder's
 * plans paired with the reports.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSources, type ReviewProgress, type ReviewSource } from '../../app/review';
import type { MetaOverrides, PlanSource } from '../../domain/check';
import type { ReviewOutcome, ReviewPairing } from '../../domain/review';
import type { XmlParser } from '../../domain/ooxml/xml';
import { readFailure, tooLargeError, type ReadFailure } from '../../app/open';
import { parseXml } from '../../xml/node';
import { realPathOf, type InputFile } from './inputs';

/** Codes of files that could not be read, besides DocxError's: see README (ctcl check). */
type FileErrorCode = ReadFailure['code'] | 'not-found' | 'not-a-file' | 'no-access' | 'io' | 'doc-conversion';

/** A file's record and what the workbook's matrix shows of it (ReviewOutcome), and where the file is. */
export interface FileOutcome extends ReviewOutcome {
  readonly file: InputFile;
  /** Found through --plan-dir (such files are checked like the others). */
  readonly fromPlanDir: boolean;
}

export type PairingOutcome = ReviewPairing;

export interface CheckRun {
  readonly outcomes: readonly FileOutcome[];
  /** With a plan folder only. */
  readonly pairing?: PairingOutcome;
}

interface CheckFilesOptions {
  readonly overrides?: MetaOverrides;
  /** One plan for every report (--plan). */
  readonly plan?: { readonly source: PlanSource; readonly path: string };
  /** Files of the plan folder (--plan-dir): checked too; their plans are paired with the reports. */
  readonly planFiles?: readonly InputFile[];
  readonly parse?: XmlParser;
  /** LibreOffice's soffice: old Word files (.doc) are checked through a converted copy. */
  readonly soffice?: string;
  /** Called after each file; then, with a plan folder, after each report checked again against its plan. */
  readonly onProgress?: (p: CheckProgress) => void;
}

export type CheckProgress = ReviewProgress;

type Bytes =
  | { readonly bytes: Uint8Array; readonly convertedFrom?: 'doc' }
  | { readonly failure: ReadFailure | { code: FileErrorCode; message: string } };

/** LibreOffice's soffice when it is on the PATH. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  return undefined;
}

/** An old Word file (OLE compound file, as .doc files are). */
function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * A .docx copy of an old Word file, made by LibreOffice in a temporary folder (with a throw-away
 * profile, so a LibreOffice the user has open is not disturbed). The file itself is only read.
 */
async function convertDoc(soffice: string, fullPath: string, timeoutMs = 120_000): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'ctcl-doc-'));
  try {
    const copy = join(dir, 'van-ban.doc');
    await copyFile(fullPath, copy);
    await new Promise<void>((resolve, reject) =>
      execFile(
        soffice,
        [
          '--headless',
          '--norestore',
          '--nolockcheck',
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--convert-to',
          'docx:MS Word 2007 XML',
          '--outdir',
          dir,
          copy,
        ],
        { timeout: timeoutMs, killSignal: 'SIGKILL' },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    return new Uint8Array(await readFile(join(dir, 'van-ban.docx')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Read a file for checking; never rejects. Refuses files too large before reading them. An old Word
 * file named .doc is checked through a converted copy when LibreOffice is there (`soffice`).
 */
async function readInputBytes(fullPath: string, soffice?: string): Promise<Bytes> {
  const got = await readRaw(fullPath);
  if (!soffice || !('bytes' in got) || extname(fullPath).toLowerCase() !== '.doc' || !isOle(got.bytes)) return got;
  try {
    return { bytes: await convertDoc(soffice, fullPath), convertedFrom: 'doc' };
  } catch (e) {
    return {
      failure: {
        code: 'doc-conversion',
        message: `Không chuyển được tệp .doc sang .docx bằng LibreOffice (${(e as Error).message.split('\n')[0]}). Hãy mở trong Word và lưu lại dưới dạng .docx.`,
      },
    };
  }
}

async function readRaw(fullPath: string): Promise<Bytes> {
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
    read: () => readInputBytes(file.fullPath, opts.soffice),
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
