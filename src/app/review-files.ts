/**
 * Which files of a folder a review looks at, and in what order, the one way `ctcl check <folder>` and the
 * reviewer page (a dropped folder or a .zip) both decide it: .docx files are checked; other files are
 * listed as skipped with a reason; hidden files and folders and Word's lock files (~$…) are passed over
 * without a word; files come in the order a walk of the folder gives, each folder's entries by name
 * (Vietnamese collation, numbers as numbers). Pure.
 */

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Two names of one folder in the walk's order. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The extension, lower case, with its dot ('' when none), as node:path's extname gives it. */
function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Files and folders that are never listed: hidden ones and the lock files Word leaves next to open documents. */
export function isSilent(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/** Why a file that is not a .docx is not checked, in Vietnamese. */
export function skipReason(name: string): string {
  const ext = extensionOf(name);
  if (ext === '.doc' || ext === '.rtf' || ext === '.odt' || ext === '.docm' || ext === '.dotx') {
    return `không phải tệp .docx (${ext}); hãy mở trong Word và lưu lại dưới dạng .docx để kiểm tra`;
  }
  if (ext === '.pdf') return 'tệp PDF không kiểm tra được; hãy xin trường gửi bản Word (.docx)';
  return 'không phải tệp Word .docx';
}

/** Paths ('/'-separated) in the order a walk of their folders gives: folder by folder, entries by name. */
function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    return compareNames(x[i], y[i]);
  }
  return x.length - y.length;
}

export interface FolderEntry<T> {
  /** The path inside the dropped folder or .zip, '/'-separated, starting with the top folder's name. */
  readonly path: string;
  readonly item: T;
}

interface SortedEntries<T> {
  readonly files: readonly FolderEntry<T>[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/** The files to check and the ones skipped, as `ctcl check` walks a folder. */
export function sortEntries<T>(entries: readonly FolderEntry<T>[]): SortedEntries<T> {
  const kept = entries
    .filter((e) => !e.path.split('/').some((part) => isSilent(part)))
    .sort((a, b) => comparePaths(a.path, b.path));
  const seen = new Set<string>();
  const files: FolderEntry<T>[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const e of kept) {
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    if (extensionOf(e.path) === '.docx') files.push(e);
    else skipped.push({ path: e.path, reason: skipReason(e.path) });
  }
  return { files, skipped };
}
