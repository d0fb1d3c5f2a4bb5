/**
 * Other .docx files, read only to be checked or used as a plan: "Chọn tệp kế hoạch…" and "Kiểm tra tệp
 * khác". Loaded on demand (it brings the zip code, shared with the standalone chunk). Only the parts
 * reading needs are inflated; every broken or hostile file becomes a Vietnamese message, never a crash.
 */
import { UserError } from '../../domain/errors';
import { checkDocument, planFromDocument, type CheckResult, type PlanSource } from '../../domain/check';
import type { Framework } from '../../domain/catalog';
import { DocumentStructureError, readDocument, type DocModel } from '../../domain/ooxml/reader';
import type { XmlParser } from '../../domain/ooxml/xml';
import { DocxPackage } from '../../docx/package';
import { readFailure, tooLargeError } from '../../docx/read';
import { readStore } from '../../docx/store';
import { parseTemplate, planSourceFromTemplate } from '../../domain/year/templates';
import { ignoredOf } from './view';

/** A file's bytes as the browser gives them (File), or already read (tests). */
export interface InputFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Why a file could not be read, in Vietnamese (the CLI's messages). */
export function failureMessage(e: unknown): string {
  if (e instanceof DocumentStructureError) return 'Tệp .docx không có phần thân văn bản (w:body), có thể đã bị hỏng.';
  return readFailure(e).message;
}

/** A .docx read for looking only: the model and the ids the school chose to ignore. */
export function readDocx(bytes: Uint8Array, parse: XmlParser): { model: DocModel; ignored: string[] } {
  const pkg = DocxPackage.open(bytes, { parts: 'read' });
  // Read-only: the lean tree (formatting the reader never uses is left out).
  const model = readDocument(pkg.mainDocument(parse, { lean: true }));
  let ignored: string[] = [];
  try {
    ignored = ignoredOf(readStore(pkg, parse));
  } catch {
    // A broken store part does not stop the check.
  }
  return { model, ignored };
}

async function bytesOf(file: InputFile): Promise<Uint8Array> {
  const tooLarge = tooLargeError(file.size);
  if (tooLarge) throw tooLarge;
  return new Uint8Array(await file.arrayBuffer());
}

export type FileCheck =
  | { readonly name: string; readonly ok: true; readonly result: CheckResult }
  | { readonly name: string; readonly ok: false; readonly reason: string };

/** Check another file with the same checker (its own plan table, its own ignored findings). */
export async function checkFile(file: InputFile, parse: XmlParser): Promise<FileCheck> {
  try {
    const { model, ignored } = readDocx(await bytesOf(file), parse);
    return { name: file.name, ok: true, result: checkDocument(model, { ignored }) };
  } catch (e) {
    return { name: file.name, ok: false, reason: failureMessage(e) };
  }
}

/**
 * A plan from another .docx, or from a plan template (.json, «Lưu làm mẫu»); throws an Error with a
 * Vietnamese message when there is none.
 */
export async function readPlanFile(file: InputFile, parse: XmlParser, framework?: Framework): Promise<PlanSource> {
  if (/\.json$/i.test(file.name)) {
    return planSourceFromTemplate(parseTemplate(new TextDecoder().decode(await bytesOf(file))));
  }
  let model: DocModel;
  try {
    model = readDocx(await bytesOf(file), parse).model;
  } catch (e) {
    throw new UserError('read-failed', failureMessage(e));
  }
  const plan = planFromDocument(model, file.name, framework);
  if (!plan) throw new UserError('no-plan', `Không tìm thấy bảng kế hoạch trong «${file.name}».`);
  if (!plan.items.length) throw new UserError('empty-plan', `Bảng kế hoạch trong «${file.name}» chưa có tiêu chí nào.`);
  return plan;
}
