/**
 * What the reviewer dropped or picked, as files with their place in the folder: a dropped folder is
 * walked (webkitGetAsEntry), a folder picked with the folder picker gives webkitRelativePath, and .zip
 * files are handed over whole (the worker lists and reads them). Nothing is read here.
 */
import type { DroppedFile } from './protocol';

export interface Picked {
  readonly files: DroppedFile[];
  readonly zips: File[];
}

const isZip = (name: string) => /\.zip$/i.test(name);

function add(out: Picked, path: string, file: File): void {
  if (isZip(file.name)) out.zips.push(file);
  else out.files.push({ path, file });
}

/** Files from an <input type="file"> (with or without webkitdirectory). */
export function fromInput(list: FileList | readonly File[]): Picked {
  const out: Picked = { files: [], zips: [] };
  for (const f of Array.from(list)) add(out, f.webkitRelativePath || f.name, f);
  return out;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((ok, fail) => entry.file(ok, fail));
}

async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries gives at most 100 entries at a time: call it until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, path: string, out: Picked): Promise<void> {
  if (entry.isFile) {
    add(out, path, await fileOf(entry as FileSystemFileEntry));
  } else if (entry.isDirectory) {
    for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, `${path}/${child.name}`, out);
  }
}

/** Files from a drop: folders walked, files as they are. */
export async function fromDrop(data: DataTransfer): Promise<Picked> {
  const out: Picked = { files: [], zips: [] };
  const entries = Array.from(data.items)
    .filter((i) => i.kind === 'file')
    .map((i) => i.webkitGetAsEntry());
  if (entries.length && entries.every((e): e is FileSystemEntry => !!e)) {
    for (const e of entries) await walk(e, e.name, out);
    return out;
  }
  return fromInput(data.files);
}
