/**
 * `ctcl new`'s new .docx: the same content the pane inserts into an empty document (./new-document), as
 * bytes. Node only (the saxes parser).
 */
import { FRAMEWORK_LABELS, SCHOOL_TYPE_LABELS } from '../domain/catalog';
import { createdMeta, NewDocumentError, resolveNewDocument, type NewDocumentRequest } from '../domain/documents/new-document';
import type { SchoolProfile } from '../domain/profile';
import { withCreatedMeta } from '../domain/store';
import { newPlan2026 } from '../domain/tt57/new-plan';
import { parseXml } from '../xml/node';
import { DocxDocument } from './docx-backend';
import { bieu2Meta } from './new-document';
import { tableDocumentBody, type Day } from './year';

export interface NewFileRequest extends NewDocumentRequest {
  /** plan-2026: the school's profile for the header, mục I and the signature (NĐ 30/2020). */
  readonly profile?: SchoolProfile;
  /** plan-2026: only the mục V table under the title block. */
  readonly tableOnly?: boolean;
  /** The document's date (Biểu 2's «…, ngày … tháng … năm …»). */
  readonly date: Day;
}

interface NewFile {
  readonly bytes: Uint8Array;
  /** What was made, in a sentence (Vietnamese, no final full stop). */
  readonly summary: string;
  /** Things asked for that do not apply (Vietnamese). */
  readonly notes: readonly string[];
}

/** The bytes of a new .docx (file name `name`) for a request; throws NewDocumentError for a bad one. */
export async function newDocumentFile(req: NewFileRequest, name: string): Promise<NewFile> {
  if (req.form === 'plan-2026') {
    const made = newPlan2026({ ...req });
    const { plan } = made;
    const docx = DocxDocument.blank(parseXml, name, made.blocks);
    await docx.updateStore((s) => withCreatedMeta(s, bieu2Meta(plan.schoolType, plan.schoolYear)));
    const type = SCHOOL_TYPE_LABELS[plan.schoolType].toLowerCase();
    const items = plan.items.length ? `${plan.items.length} nội dung cải tiến` : 'bảng để trống cho trường điền';
    const summary = req.tableOnly
      ? `Biểu 2, bảng mục V (Thông tư 57/2026), ${type}, năm học ${plan.schoolYear}; ${items}`
      : `Kế hoạch cải tiến chất lượng – Biểu 2 (Thông tư 57/2026), đủ mục I–VIII, ${type}, ` +
        `năm học ${plan.schoolYear}; mục IV: ${plan.problems.length || 'bảng trống'}${plan.problems.length ? ' vấn đề' : ''}, mục V: ${items}`;
    return { bytes: docx.toBytes(), summary, notes: made.notes };
  }
  if (req.tableOnly) throw new NewDocumentError('--table-only chỉ dùng với mẫu plan-2026 (Biểu 2).');
  const doc = resolveNewDocument(req);
  const { spec } = doc;
  // The body the pane makes when a table goes into an empty document: the title block, the table.
  const docx = DocxDocument.blank(parseXml, name, tableDocumentBody(spec, { school: req.school, date: req.date }));
  await docx.updateStore((s) => withCreatedMeta(s, createdMeta(spec)));
  const rows =
    doc.form.sections === 'none'
      ? ''
      : doc.criterionRows
        ? `; ${doc.criterionRows} dòng tiêu chí`
        : '; chưa có dòng tiêu chí (chỉ có dòng mức và dòng tiêu chuẩn)';
  const summary =
    `${doc.form.name}, ${SCHOOL_TYPE_LABELS[spec.schoolType].toLowerCase()}, năm học ${spec.schoolYear}, ` +
    `theo ${FRAMEWORK_LABELS[spec.framework]}${rows}`;
  return { bytes: docx.toBytes(), summary, notes: doc.notes };
}
