/**
 * The frame around a table in a new document: the short title block above it (NĐ 30/2020: document
 * type in capitals, bold, centred; the summary line (trích yếu) in lower case, bold, centred under it;
 * optionally the school's name). Pure: the CLI and the standalone pane build new documents with it.
 */
import { getForm, type DocumentKind, type FormId } from '../forms';
import { paragraph, type ParagraphStyle } from '../ooxml/writer';
import type { XElement } from '../ooxml/xml';

/** 14 pt in half-points (NĐ 30/2020 allows 13–14 pt for the type and summary lines). */
export const SIZE_14 = 28;

export type TitleRole = 'school' | 'type' | 'summary';

export interface TitleLine {
  readonly role: TitleRole;
  readonly text: string;
}

/** "KẾ HOẠCH" / "BÁO CÁO": the document type (tên loại văn bản) for a kind of table. */
export function documentType(kind: DocumentKind): string {
  // The monitoring table (Biểu 2, mục VI) reports the results of a review, so it is headed as a report.
  return kind === 'plan' || kind === 'problems' ? 'KẾ HOẠCH' : 'BÁO CÁO';
}

/** The summary line (trích yếu) naming the school year. */
export function summaryLine(kind: DocumentKind, schoolYear: string): string {
  switch (kind) {
    case 'plan':
    case 'problems':
      return `Cải tiến chất lượng giáo dục năm học ${schoolYear}`;
    case 'report':
      return `Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học ${schoolYear}`;
    case 'monitoring':
      return `Theo dõi và đánh giá thực hiện kế hoạch cải tiến chất lượng năm học ${schoolYear}`;
  }
}

interface TitleOptions {
  /** The school's name, e.g. "Trường Tiểu học Yên Thế"; written in capitals above the title. */
  readonly school?: string;
}

/** The lines of the title block, top to bottom. */
export function titleLines(form: FormId, schoolYear: string, opts: TitleOptions = {}): TitleLine[] {
  const kind = getForm(form).kind;
  const lines: TitleLine[] = [];
  const school = opts.school?.replace(/\s+/g, ' ').trim();
  if (school) lines.push({ role: 'school', text: school.toUpperCase() });
  lines.push({ role: 'type', text: documentType(kind) }, { role: 'summary', text: summaryLine(kind, schoolYear) });
  return lines;
}

const STYLES: Readonly<Record<TitleRole, ParagraphStyle>> = {
  // Issuer name (NĐ 30 ô 2): capitals, bold, 13 pt; a blank line's worth of space under it.
  school: { bold: true, align: 'left', after: 240 },
  type: { bold: true, align: 'center', size: SIZE_14, keepNext: true },
  summary: { bold: true, align: 'center', size: SIZE_14, after: 240, keepNext: true },
};

/** Paragraphs of the title block (Times New Roman as direct formatting, like every run we write). */
export function titleParagraphs(lines: readonly TitleLine[]): XElement[] {
  return lines.map((l) => paragraph(l.text, STYLES[l.role]));
}

/** The title block of a new document for a form and school year. */
export function titleBlock(form: FormId, schoolYear: string, opts: TitleOptions = {}): XElement[] {
  return titleParagraphs(titleLines(form, schoolYear, opts));
}
