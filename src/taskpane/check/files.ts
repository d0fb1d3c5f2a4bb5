/**
 * Other .docx files, read only to be checked or used as a plan: "Chọn tệp kế hoạch…" and "Kiểm tra tệp
 * khác". Loaded on demand (it brings the zip code, shared with the standalone chunk). Reading and checking
 * are src/app's (the same as `ctcl check`): the file's own store counts (what the school told the add-in,
 * the findings it ignored). Every broken or hostile file becomes a Vietnamese message, never a crash.
 */
import { checkOpened } from '../../app/check';
import { readFailure, tooLargeError, tryOpenForReading } from '../../app/open';
import { readPlanInput } from '../../app/plan-input';
import type { CheckResult, PlanSource } from '../../domain/check';
import type { Framework } from '../../domain/catalog';
import type { XmlParser } from '../../domain/ooxml/xml';

/** A file's bytes as the browser gives them (File), or already read (tests). */
export interface InputFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Why a file could not be read, in Vietnamese (the CLI's messages). */
export function failureMessage(e: unknown): string {
  return readFailure(e).message;
}

async function bytesOf(file: InputFile): Promise<Uint8Array> {
  const tooLarge = tooLargeError(file.size);
  if (tooLarge) throw tooLarge;
  return new Uint8Array(await file.arrayBuffer());
}

export type FileCheck =
  | { readonly name: string; readonly ok: true; readonly result: CheckResult }
  | { readonly name: string; readonly ok: false; readonly reason: string };

/** Check another file with the same checker (its own plan table, its own store). */
export async function checkFile(file: InputFile, parse: XmlParser): Promise<FileCheck> {
  try {
    const opened = tryOpenForReading(await bytesOf(file), parse);
    if (!opened.ok) return { name: file.name, ok: false, reason: opened.failure.message };
    return { name: file.name, ok: true, result: checkOpened(opened.doc) };
  } catch (e) {
    return { name: file.name, ok: false, reason: failureMessage(e) };
  }
}

/**
 * A plan from another .docx, or from a plan template (.json, «Lưu làm mẫu»); throws a UserError with a
 * Vietnamese message when there is none.
 */
export async function readPlanFile(file: InputFile, parse: XmlParser, framework?: Framework): Promise<PlanSource> {
  return readPlanInput(file.name, await bytesOf(file), parse, framework);
}
