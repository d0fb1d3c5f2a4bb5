/**
 * A new document's content, one way for every front end: the pane's «Chèn bảng» inserts it into the open
 * document (a document with no text yet gets the title block, as `ctcl new` writes it: ./new-file), and
 * «Năm học mới» inserts a table inside the official frame. Whatever the
 * document was made for (form, framework, school type, year) is kept in its store (createdMeta), so the
 * checker, «Điền dòng» and «Báo cáo từ kế hoạch» read it back on every surface.
 */
import type { DocumentBackend } from '../domain/backend';
import { titleBlock } from '../domain/documents/frame';
import { createdMeta, type NewDocumentRequest } from '../domain/documents/new-document';
import type { SchoolProfile } from '../domain/profile';
import { withCreatedMeta } from '../domain/store';
import type { TableSpec } from '../domain/table/model';
import { newPlan2026 } from '../domain/tt57/new-plan';
import { tableDocumentBody, type Day } from './year';

/** A Biểu 2 (Thông tư 57/2026) made for this school type and year: what its store keeps. */
export function bieu2Meta(schoolType: NewDocumentRequest['schoolType'], schoolYear: string) {
  return createdMeta({ form: 'plan-2026', framework: '2026', schoolType, schoolYear });
}

/**
 * A table at the cursor; a document with no text yet (one just started: «Tài liệu mới», a new Word
 * document) gets the title block above it — kind, «năm học …», the school's name when known — exactly as
 * newDocumentFile writes it, and keeps what it was made for in its store. Word: the same two syncs as
 * insertTable; the store uses none.
 */
export async function insertTableTitled(
  backend: DocumentBackend,
  spec: TableSpec,
  opts: { readonly school?: string } = {},
): Promise<{ readonly tag: string; readonly titled: boolean }> {
  const r = await backend.insertTable(spec, { titleIfEmpty: titleBlock(spec.form, spec.schoolYear, { school: opts.school }) });
  if (r.titled) await backend.updateStore((store) => withCreatedMeta(store, createdMeta(spec)));
  return { tag: r.tag, titled: !!r.titled };
}

/**
 * A table at the cursor with the official frame around it (header, title, table, signature) when the
 * school's profile is given, else as insertTableTitled. Either way one insertion (Word: one sync).
 */
export async function insertTableFramed(
  backend: DocumentBackend,
  spec: TableSpec,
  opts: { readonly profile?: SchoolProfile; readonly school?: string; readonly date: Day },
): Promise<void> {
  if (!opts.profile) {
    await insertTableTitled(backend, spec, { school: opts.school });
    return;
  }
  await backend.insertAtCursor(tableDocumentBody(spec, { profile: opts.profile, date: opts.date }));
}

interface WholePlanRequest extends Omit<NewDocumentRequest, 'form' | 'framework' | 'groupByLevel'> {
  /** The school's profile: the header and mục I; without it the school's name only (or blanks). */
  readonly profile?: SchoolProfile;
  readonly date: Day;
}

/**
 * «Chèn bảng» for a TT57 plan: the whole Biểu 2 (header, sections I–VIII, the mục IV, V and VI tables,
 * the signature) inserted at the cursor in one insertion; the document is a Biểu 2 for this school type
 * and year from then on.
 */
export async function insertWholePlan(backend: DocumentBackend, req: WholePlanRequest): Promise<{ notes: readonly string[] }> {
  const made = newPlan2026({ ...req, framework: '2026' });
  await backend.insertAtCursor(made.blocks);
  await backend.updateStore((store) => withCreatedMeta(store, bieu2Meta(req.schoolType, made.plan.schoolYear)));
  return { notes: made.notes };
}
