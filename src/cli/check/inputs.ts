/**
 * The files `ctcl check` looks at: files named on the command line (read whatever their extension, so
 * a .doc gets its "save as .docx" message), and the .docx files under named folders, walked
 * recursively. Other files are listed as skipped; Word lock files (~$…) and hidden files are passed
 * over silently (the rules are src/app/review-files.ts's, shared with the reviewer page). Nothing here
 * opens a file for writing.
 */
import { closeSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { compareNames, isSilent, skipReason } from '../../app/review-files';
import type { CliIo } from '../context';
import { resolvePath } from '../files';

export interface InputFile {
  /** The path as shown to the user: the argument, or the folder argument joined with the file's place under it. */
  readonly path: string;
  readonly fullPath: string;
  /** Named on the command line (not found by walking a folder). */
  readonly explicit: boolean;
}

export interface SkippedFile {
  readonly path: string;
  /** Why, in Vietnamese. */
  readonly reason: string;
}

interface Inputs {
  readonly files: readonly InputFile[];
  readonly skipped: readonly SkippedFile[];
}

/** An old Word file: an OLE compound file (its first bytes only are read, read-only). */
function isWordDoc(full: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(full, 'r');
    const head = Buffer.alloc(8);
    const n = readSync(fd, head, 0, 8, 0);
    return n === 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function walk(
  dir: string,
  shown: string,
  out: InputFile[],
  skipped: SkippedFile[],
  exclude: ReadonlySet<string>,
  doc: boolean,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    skipped.push({ path: shown, reason: `không mở được thư mục (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    return;
  }
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const d of entries) {
    if (isSilent(d.name)) continue;
    const full = join(dir, d.name);
    const path = join(shown, d.name);
    if (exclude.has(full)) continue;
    if (d.isSymbolicLink()) {
      // Linked files are read; linked folders are not followed (no loops, no surprises).
      const st = statSync(full, { throwIfNoEntry: false });
      if (st?.isDirectory()) {
        skipped.push({ path, reason: 'liên kết tới thư mục khác, không đi theo' });
        continue;
      }
      if (!st) {
        skipped.push({ path, reason: 'liên kết hỏng' });
        continue;
      }
    } else if (d.isDirectory()) {
      walk(full, path, out, skipped, exclude, doc);
      continue;
    } else if (!d.isFile()) {
      continue;
    }
    const ext = extname(d.name).toLowerCase();
    if (ext === '.docx' || (doc && ext === '.doc' && isWordDoc(full))) out.push({ path, fullPath: full, explicit: false });
    else skipped.push({ path, reason: skipReason(d.name) });
  }
}

/**
 * The files to check, in a stable order (arguments in the order given, folders by name), each once.
 * `exclude`: full paths never to pick up while walking (the workbook being written).
 */
export function collectInputs(
  io: CliIo,
  args: readonly string[],
  exclude: ReadonlySet<string> = new Set(),
  /** Old Word files (.doc) are checked too (LibreOffice is there to convert them). */
  doc = false,
): Inputs {
  const found: InputFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const arg of args) {
    const full = resolvePath(io, arg);
    const st = lstatSync(full, { throwIfNoEntry: false });
    const isDir = st?.isDirectory() || (st?.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isDirectory());
    if (isDir) walk(full, join(arg), found, skipped, exclude, doc);
    // A file named on the command line is always read: a missing one or a .doc gets its own message.
    else found.push({ path: arg, fullPath: full, explicit: true });
  }
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const f of found) {
    let key = f.fullPath;
    try {
      key = realpathSync(f.fullPath);
    } catch {
      // Missing: reported when it is read.
    }
    if (seen.has(key)) continue;
    seen.add(key);
    files.push(f);
  }
  return { files, skipped };
}

/** The real path of a file, to tell whether two names are the same file. */
export function realPathOf(full: string): string {
  try {
    return realpathSync(full);
  } catch {
    return full;
  }
}
