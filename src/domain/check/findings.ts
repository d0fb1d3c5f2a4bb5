/** Findings: what the checker reports, with a rule id, a severity, a Vietnamese message and a location. */

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Gợi ý',
};

export type RuleId =
  | 'no-table'
  | 'missing-column'
  | 'missing-heading'
  | 'extra-column'
  | 'empty-result'
  | 'unreported-criterion'
  | 'unplanned-criterion'
  | 'unknown-criterion'
  | 'standard-title-mismatch'
  | 'criterion-title-mismatch'
  | 'wrong-standard'
  | 'level-not-available'
  | 'unknown-level4-item'
  | 'duplicate-criterion'
  | 'year-mismatch'
  | 'framework-mismatch'
  | 'empty-cell'
  | 'missing-label'
  | 'time-outside-year'
  | 'legacy-encoding'
  | 'unknown-school-type'
  | 'missing-status'
  | 'empty-monitoring'
  | 'document-frame'
  | 'not-khct-document'
  | 'uncertain-heading'
  | 'damaged-text'
  | 'problem-without-action'
  | 'plan-not-focused'
  | 'unassigned-criterion'
  | 'plan-mismatch';

/** Short Vietnamese names of the rules, for grouping in the pane and the workbook. */
export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  'no-table': 'Không có bảng kế hoạch/báo cáo',
  'missing-column': 'Thiếu cột',
  'missing-heading': 'Cột chưa có tiêu đề',
  'extra-column': 'Cột ngoài mẫu',
  'empty-result': 'Tiêu chí chưa báo cáo kết quả',
  'unreported-criterion': 'Có trong kế hoạch, không có trong báo cáo',
  'unplanned-criterion': 'Có trong báo cáo, không có trong kế hoạch',
  'unknown-criterion': 'Tiêu chí không có trong bộ tiêu chí',
  'standard-title-mismatch': 'Tên tiêu chuẩn sai',
  'criterion-title-mismatch': 'Tên tiêu chí sai',
  'wrong-standard': 'Tiêu chí đặt sai tiêu chuẩn',
  'level-not-available': 'Tiêu chí không có mức này',
  'unknown-level4-item': 'Tiêu chí Mức 4 không có',
  'duplicate-criterion': 'Tiêu chí bị lặp',
  'year-mismatch': 'Năm học không khớp',
  'framework-mismatch': 'Sai thông tư áp dụng',
  'empty-cell': 'Ô bắt buộc còn trống',
  'missing-label': 'Dòng không ghi tiêu chí',
  'time-outside-year': 'Thời gian ngoài năm học',
  'legacy-encoding': 'Phông chữ cũ (TCVN3/VNI)',
  'unknown-school-type': 'Chưa rõ loại trường',
  'missing-status': 'Thiếu mức độ thực hiện (cột 10)',
  'empty-monitoring': 'Chưa ghi theo dõi, đánh giá (mục VI)',
  'document-frame': 'Thể thức văn bản (tên, trường, ngày, chữ ký)',
  'not-khct-document': 'Không phải kế hoạch/báo cáo cải tiến chất lượng',
  'uncertain-heading': 'Tiêu đề cột khác mẫu',
  'damaged-text': 'Chữ bị hỏng (chép từ PDF…)',
  'problem-without-action': 'Vấn đề (mục IV) chưa có nội dung cải tiến',
  'plan-not-focused': 'Kế hoạch dàn trải, chưa tập trung',
  'unassigned-criterion': 'Chưa gán tiêu chí Thông tư 57',
  'plan-mismatch': 'Kế hoạch đối chiếu của trường hoặc năm học khác',
};

/** Where a finding is: the table (DocTable.index), row (DocRow.index), grid column and w:tc index. */
export interface FindingLocation {
  readonly table?: number;
  readonly row?: number;
  readonly column?: number;
  readonly cell?: number;
}

/** A deterministic, safe fix the pane can apply. */
export type FindingFix =
  | { readonly kind: 'write-heading'; readonly key: string }
  | { readonly kind: 'add-column'; readonly key: string }
  | { readonly kind: 'write-standard-title'; readonly standard: number }
  | { readonly kind: 'write-criterion-title'; readonly code: string }
  | { readonly kind: 'add-planned-rows'; readonly codes: readonly string[] };

export interface Finding {
  /** Stable across edits (rule, criterion, column, table), used to remember "Bỏ qua". */
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** "1.3", or "M4.2" for a Mức 4 item. */
  readonly criterion?: string;
  readonly location: FindingLocation;
  readonly fix?: FindingFix;
  /** Label of the fix button. */
  readonly fixLabel?: string;
}

export function findingId(rule: RuleId, parts: readonly (string | number | undefined)[]): string {
  return [rule, ...parts.map((p) => (p === undefined ? '' : String(p)))].join('|');
}
