/**
 * The checker's results shaped for people and programs: the JSON record of one file (the contract
 * `ctcl check --format json` keeps), the Vietnamese text block and summary, locations written for
 * humans, and the status of every criterion in a file (the reviewer workbook's matrix). Pure: the CLI
 * and the pane share it.
 */
import { DOCUMENT_KIND_LABELS, FRAMEWORK_SHORT, IGNORED_HEADING } from '../vocabulary';
import { SCHOOL_TYPE_LABELS, type Framework, type SchoolType } from '../catalog';
import type { FileKind as DocumentKind, FormId } from '../forms';
import { refKey } from '../table/model';
import { criterionEntries } from '../table/recognise';
import { SEVERITY_LABELS, type Finding, type FindingLocation, type Severity } from './findings';
import { planFromTables, type CheckResult, type Coverage, type PlanSource } from './index';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A location in JSON: 0-based DocTable.index, DocRow.index and grid column; null when not known. */
export interface JsonLocation {
  readonly table: number | null;
  readonly row: number | null;
  readonly column: number | null;
}

export interface JsonFinding {
  /** Stable id (rule and what it is about), the one "Bỏ qua" remembers. */
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly criterion: string | null;
  readonly location: JsonLocation;
  /** Present (true) on a finding the school chose to «Bỏ qua»: listed and counted apart, never dropped. */
  readonly ignored?: true;
}

/** The plan a report was compared with, and how it was chosen. */
export interface JsonPlanRef {
  readonly path: string;
  /**
   * 'option': --plan; 'school-year': same school and school year; 'similar-name': similar names;
   * 'manual': chosen by the reviewer on the reviewer page (never from ctcl).
   */
  readonly method: 'option' | 'school-year' | 'similar-name' | 'manual';
}

/**
 * One file of `ctcl check --format json`. The keys path, documentKind, form, framework, schoolType,
 * schoolYear, criteria and findings are always present (null when unknown); `error` only when the file
 * could not be read, and then findings is empty.
 */
export interface FileReport {
  readonly path: string;
  readonly documentKind: DocumentKind | 'unknown';
  readonly form: FormId | null;
  readonly framework: Framework | null;
  readonly schoolType: SchoolType | null;
  readonly schoolYear: string | null;
  readonly schoolName: string | null;
  /** Criteria by level section label ("MỨC 1, 2, 3": ["1.1", …], "MỨC 4": ["2"]). */
  readonly criteria: Readonly<Record<string, readonly string[]>>;
  readonly findings: readonly JsonFinding[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Reports only: planned (or listed) criteria and those with a result. */
  readonly coverage: Coverage | null;
  /** Reports compared with a plan from another file. */
  readonly plan: JsonPlanRef | null;
  readonly error?: { readonly code: string; readonly message: string };
  /** Only for an old Word file checked through a converted copy (the file itself is never changed). */
  readonly convertedFrom?: 'doc';
}

function jsonLocation(l: FindingLocation): JsonLocation {
  return { table: l.table ?? null, row: l.row ?? null, column: l.column ?? null };
}

function jsonFinding(f: Finding): JsonFinding {
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    criterion: f.criterion ?? null,
    location: jsonLocation(f.location),
  };
}

/** The JSON record of a file that was read and checked. */
export function fileReport(path: string, result: CheckResult, plan: JsonPlanRef | null = null): FileReport {
  const m = result.meta;
  return {
    path,
    documentKind: m.documentKind,
    form: result.primary?.form.id ?? null,
    framework: m.framework ?? null,
    schoolType: m.schoolType ?? null,
    schoolYear: m.schoolYear ?? null,
    schoolName: m.schoolName ?? null,
    criteria: result.criteria,
    // The ones the school ignored come last, marked; `counts` counts the others.
    findings: [
      ...result.findings.map(jsonFinding),
      ...result.ignored.map((f) => ({ ...jsonFinding(f), ignored: true as const })),
    ],
    counts: result.counts,
    coverage: result.coverage ?? null,
    plan,
  };
}

/** The JSON record of a file that could not be read. */
export function unreadableReport(path: string, error: { code: string; message: string }): FileReport {
  return {
    path,
    documentKind: 'unknown',
    form: null,
    framework: null,
    schoolType: null,
    schoolYear: null,
    schoolName: null,
    criteria: {},
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    coverage: null,
    plan: null,
    error: { code: error.code, message: error.message },
  };
}

// ---------------------------------------------------------------------------------------------
// Criterion statuses (the reviewer workbook's matrix)
// ---------------------------------------------------------------------------------------------

/**
 * What a file says about one criterion:
 * - planned: a plan lists it (the file is a plan);
 * - reported: a report has a row for it with something in at least one result column;
 * - no-result: a report has a row for it but every result column is empty;
 * - missing: the plan the report is compared with lists it, but the report has no row for it.
 */
export type CriterionStatus = 'planned' | 'reported' | 'no-result' | 'missing';

export const CRITERION_STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  planned: 'kế hoạch',
  reported: 'đã báo cáo',
  'no-result': 'chưa có kết quả',
  missing: 'thiếu',
};

/**
 * The status of every criterion a file mentions, keyed "1.3" or "M4.2". `plan` is the plan the
 * report was checked against (as given to checkDocument); without one, a report's own plan table is used.
 */
export function criterionStatuses(result: CheckResult, plan?: PlanSource): Record<string, CriterionStatus> {
  const out: Record<string, CriterionStatus> = {};
  const kind = result.meta.documentKind;
  if (kind === 'plan') {
    for (const t of result.tables.filter((x) => x.form.kind === 'plan')) {
      for (const e of criterionEntries(t)) out[refKey(e.ref)] = 'planned';
    }
    return out;
  }
  if (kind !== 'report') return out;
  for (const t of result.tables.filter((x) => x.form.kind === 'report')) {
    const results = t.form.columns.filter((c) => c.result).map((c) => c.key);
    for (const e of criterionEntries(t)) {
      const key = refKey(e.ref);
      const has = results.some((k) => (e.cells[k] ?? '').trim());
      if (has) out[key] = 'reported';
      else if (out[key] !== 'reported') out[key] = 'no-result';
    }
  }
  const p = plan ?? planFromTables(result.tables);
  for (const item of p?.items ?? []) {
    const key = refKey(item.ref);
    if (!(key in out)) out[key] = 'missing';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text for people
// ---------------------------------------------------------------------------------------------

/** "bảng 1, dòng 5, cột 3" (1-based); '' for a finding about the whole document. */
export function formatLocation(l: FindingLocation | JsonLocation): string {
  const parts: string[] = [];
  if (l.table !== undefined && l.table !== null) parts.push(`bảng ${l.table + 1}`);
  if (l.row !== undefined && l.row !== null) parts.push(`dòng ${l.row + 1}`);
  if (l.column !== undefined && l.column !== null) parts.push(`cột ${l.column + 1}`);
  return parts.join(', ');
}

/** One line saying what a document is: kind and form, school, school type, year, framework. */
export function describeDocument(r: FileReport): string {
  const kind = DOCUMENT_KIND_LABELS[r.documentKind] + (r.form ? ` (mẫu ${r.form})` : '');
  const parts = [
    kind,
    r.schoolName ?? 'chưa rõ tên trường',
    r.schoolType ? SCHOOL_TYPE_LABELS[r.schoolType] : 'chưa rõ loại trường',
    r.schoolYear ? `năm học ${r.schoolYear}` : 'chưa rõ năm học',
  ];
  if (r.framework) parts.push(FRAMEWORK_SHORT[r.framework]);
  return parts.join(' · ');
}

const PLAN_METHOD_LABELS: Readonly<Record<JsonPlanRef['method'], string>> = {
  option: 'chọn bằng --plan',
  'school-year': 'cùng tên trường và năm học',
  'similar-name': 'tên tệp/tên trường gần giống',
  manual: 'người kiểm tra chọn',
};

export function planMethodLabel(method: JsonPlanRef['method']): string {
  return PLAN_METHOD_LABELS[method];
}

/** The Vietnamese block for one file: what it is, then its findings grouped by severity. */
export function formatFileText(r: FileReport): string {
  const lines = [`▸ ${r.path}`];
  if (r.error) {
    lines.push(`  Không đọc được: ${r.error.message}`);
    return lines.join('\n') + '\n';
  }
  lines.push(`  ${describeDocument(r)}`);
  if (r.convertedFrom) lines.push('  Đã chuyển từ .doc: kiểm tra trên một bản sao .docx do LibreOffice tạo; tệp gốc không đổi.');
  if (r.plan) lines.push(`  Đối chiếu với kế hoạch ${r.plan.path} (${PLAN_METHOD_LABELS[r.plan.method]}).`);
  const shown = r.findings.filter((f) => !f.ignored);
  const ignored = r.findings.filter((f) => f.ignored);
  const item = (f: JsonFinding) => {
    const where = formatLocation(f.location);
    return `    - ${where ? `${where}: ` : ''}${f.message}`;
  };
  if (!shown.length) lines.push('  Không có lỗi, cảnh báo hay gợi ý nào.');
  for (const s of SEVERITIES) {
    const group = shown.filter((f) => f.severity === s);
    if (!group.length) continue;
    lines.push(`  ${SEVERITY_LABELS[s]} (${group.length}):`);
    for (const f of group) lines.push(item(f));
  }
  if (ignored.length) {
    lines.push(`  ${IGNORED_HEADING} (${ignored.length}, không tính vào số lỗi):`);
    for (const f of ignored) lines.push(`${item(f)} [${SEVERITY_LABELS[f.severity].toLowerCase()}]`);
  }
  return lines.join('\n') + '\n';
}

export interface RunSummary {
  readonly files: number;
  readonly readable: number;
  readonly unreadable: number;
  /** Findings of all files, by severity. */
  readonly findings: Readonly<Record<Severity, number>>;
  /** Files with at least one finding of severity error. */
  readonly filesWithErrors: number;
  /** Readable files by document kind. */
  readonly byKind: Readonly<Record<DocumentKind | 'unknown', number>>;
  /** Of the unknown ones, files that are something else than a plan or report (a công văn, a list…). */
  readonly notKhct: number;
  /** Old Word files (.doc) checked through a converted copy. */
  readonly converted: number;
}

export function summarise(files: readonly FileReport[]): RunSummary {
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byKind: Record<DocumentKind | 'unknown', number> = { plan: 0, report: 0, monitoring: 0, unknown: 0 };
  let unreadable = 0;
  let filesWithErrors = 0;
  let notKhct = 0;
  let converted = 0;
  for (const f of files) {
    if (f.error) {
      unreadable++;
      continue;
    }
    if (f.convertedFrom) converted++;
    if (f.findings.some((x) => x.rule === 'not-khct-document')) notKhct++;
    else byKind[f.documentKind]++;
    for (const s of SEVERITIES) findings[s] += f.counts[s];
    if (f.counts.error) filesWithErrors++;
  }
  return {
    files: files.length,
    readable: files.length - unreadable,
    unreadable,
    findings,
    filesWithErrors,
    byKind,
    notKhct,
    converted,
  };
}

const KIND_COUNT_LABELS: Readonly<Record<DocumentKind | 'unknown', string>> = {
  report: 'báo cáo',
  plan: 'kế hoạch',
  monitoring: 'bảng theo dõi',
  unknown: 'chưa rõ loại',
};

/** The closing summary: files, unreadable ones, findings by severity, files by kind. */
export function formatSummary(s: RunSummary): string {
  const files = s.unreadable ? `${s.files} tệp (${s.readable} đọc được, ${s.unreadable} không đọc được)` : `${s.files} tệp`;
  const findings = SEVERITIES.map((k) => `${s.findings[k]} ${SEVERITY_LABELS[k].toLowerCase()}`).join(', ');
  const kinds = (Object.keys(KIND_COUNT_LABELS) as (DocumentKind | 'unknown')[])
    .filter((k) => s.byKind[k])
    .map((k) => `${s.byKind[k]} ${KIND_COUNT_LABELS[k]}`)
    .concat(s.notKhct ? [`${s.notKhct} không phải kế hoạch/báo cáo cải tiến chất lượng (chỉ liệt kê)`] : [])
    .join(', ');
  const converted = s.converted ? ` ${s.converted} tệp .doc đã được chuyển sang .docx để kiểm tra.` : '';
  const withErrors = s.readable > 1 ? `; ${s.filesWithErrors} tệp có lỗi` : '';
  return `Tổng cộng: ${files}; ${findings}${withErrors}.${kinds ? ` Theo loại: ${kinds}.` : ''}${converted}\n`;
}
