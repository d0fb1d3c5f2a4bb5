/**
 * Words the product uses in more than one place: the names of the frameworks and the year messages. Every
 * surface (pane, CLI, workbook, checker) takes them from here so they say the same thing.
 */
import type { Framework } from './catalog/types';
import type { FileKind } from './forms';

/** Short names of the frameworks for sentences and one-line descriptions. */
export const FRAMEWORK_SHORT: Readonly<Record<Framework, string>> = {
  '2018': 'Thông tư 17, 18, 19/2018',
  '2026': 'Thông tư 57/2026',
};

/** The shortest names, for narrow places (badges, table cells). */
export const FRAMEWORK_ABBREVIATION: Readonly<Record<Framework, string>> = {
  '2018': 'TT 17, 18, 19/2018',
  '2026': 'TT 57/2026',
};

/** How a school year is written. */
const YEAR_FORMAT_HINT = 'Viết theo dạng 2025-2026 (hai năm liền nhau).';

/** Under a year field whose text is not a school year. */
export const YEAR_FIELD_ERROR = `Năm học chưa đúng. ${YEAR_FORMAT_HINT}`;

/** «Năm học không hợp lệ: «2025». Viết theo dạng 2025-2026 (hai năm liền nhau).» — `where` names the option or field. */
export function invalidYearMessage(text: string, where?: string): string {
  return `Năm học không hợp lệ${where ? ` ở ${where}` : ''}: «${text}». ${YEAR_FORMAT_HINT}`;
}

/** How every surface marks a finding the school chose to «Bỏ qua» (listed and counted apart, never dropped). */
export const IGNORED_MARK = 'trường đã bỏ qua';
export const IGNORED_HEADING = 'Trường đã bỏ qua';

/** What a document is, in full (the pane's «Tài liệu này», ctcl check's text report). */
export const DOCUMENT_KIND_LABELS: Readonly<Record<FileKind | 'unknown', string>> = {
  plan: 'Kế hoạch cải tiến chất lượng',
  report: 'Báo cáo kết quả thực hiện kế hoạch',
  monitoring: 'Theo dõi, đánh giá thực hiện kế hoạch',
  unknown: 'Chưa nhận ra loại văn bản',
};

/** What a document is, for a column of a table (the reviewer's page and workbook, «Kiểm tra tệp khác»). */
export const DOCUMENT_KIND_SHORT: Readonly<Record<FileKind | 'unknown', string>> = {
  plan: 'Kế hoạch',
  report: 'Báo cáo',
  monitoring: 'Theo dõi, đánh giá',
  unknown: 'Không phải văn bản KHCT',
};
