/**
 * The reviewer page's table of files, from the run's light records: what each column shows (the same
 * words as the workbook: src/domain/review), sorting and filtering. Pure, so it is tested in Node.
 */
import type { RunView } from '../../app/review-session';
import type { FileReport } from '../../domain/check/report';
import { coverageOf, ignoredCount, kindOf, schoolOf, schoolTypeOf } from '../../domain/review';
import { planMethodLabel } from '../../domain/check/report';
import { fold } from '../../domain/text';

export type KindFilter = 'all' | 'plan' | 'report' | 'bieu-2' | 'other' | 'unreadable';

export interface FileRow {
  /** Index into the run's outcomes. */
  readonly index: number;
  readonly path: string;
  readonly school: string;
  readonly schoolType: string;
  readonly year: string;
  readonly kind: string;
  readonly kindKey: Exclude<KindFilter, 'all' | 'bieu-2'>;
  readonly bieu2: boolean;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** «12/15», or ''. */
  readonly coverage: string;
  /** reported / total, for sorting (-1 when there is none). */
  readonly coverageValue: number;
  /** The paired plan's file name and how it was paired, or ''. */
  readonly plan: string;
  readonly ignored: number;
  /** Why the file could not be read. */
  readonly reason?: string;
}

function kindKey(r: FileReport): FileRow['kindKey'] {
  if (r.error) return 'unreadable';
  if (r.documentKind === 'plan' || r.documentKind === 'report') return r.documentKind;
  return 'other';
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export function fileRows(run: Pick<RunView, 'outcomes'>): FileRow[] {
  return run.outcomes.map(({ report: r }, index) => ({
    index,
    path: r.path,
    school: schoolOf(r),
    schoolType: schoolTypeOf(r),
    year: r.schoolYear ?? '',
    kind: kindOf(r),
    kindKey: kindKey(r),
    bieu2: r.form === 'plan-2026' || r.form === 'monitoring-2026',
    error: r.error ? 0 : r.counts.error,
    warning: r.error ? 0 : r.counts.warning,
    info: r.error ? 0 : r.counts.info,
    coverage: coverageOf(r),
    coverageValue: r.coverage && r.coverage.total ? r.coverage.reported / r.coverage.total : -1,
    plan: r.plan ? `${baseName(r.plan.path)} (${planMethodLabel(r.plan.method)})` : '',
    ignored: r.error ? 0 : ignoredCount(r),
    reason: r.error?.message,
  }));
}

export type SortKey =
  'school' | 'schoolType' | 'year' | 'kind' | 'error' | 'warning' | 'info' | 'coverage' | 'plan' | 'ignored' | 'path';

export interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

function value(r: FileRow, key: SortKey): string | number {
  return key === 'coverage' ? r.coverageValue : r[key];
}

/** Rows sorted by a column (empty texts last), ties in run order. */
export function sortRows(rows: readonly FileRow[], sort: Sort): FileRow[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    let c: number;
    if (typeof x === 'number' && typeof y === 'number') c = (x - y) * dir;
    else if (x === '' || y === '') c = x === y ? 0 : x === '' ? 1 : -1;
    else c = collator.compare(String(x), String(y)) * dir;
    return c || a.index - b.index;
  });
}

export interface Filter {
  /** Words to find in the school's name or the file's path (accents and case ignored). */
  readonly text: string;
  readonly kind: KindFilter;
  readonly onlyErrors: boolean;
}

export const NO_FILTER: Filter = { text: '', kind: 'all', onlyErrors: false };

export function filterRows(rows: readonly FileRow[], f: Filter): FileRow[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (f.kind === 'bieu-2' ? !r.bieu2 : f.kind !== 'all' && r.kindKey !== f.kind) return false;
    if (f.onlyErrors && r.error === 0) return false;
    if (!words.length) return true;
    const hay = fold(`${r.school} ${r.path}`);
    return words.every((w) => hay.includes(w));
  });
}

export const KIND_FILTER_LABELS: Readonly<Record<KindFilter, string>> = {
  all: 'Mọi loại văn bản',
  plan: 'Kế hoạch',
  report: 'Báo cáo',
  'bieu-2': 'Biểu 2 (Thông tư 57)',
  other: 'Không phải văn bản KHCT',
  unreadable: 'Không đọc được',
};

/** «60 tệp: 52 đã kiểm tra (14 lỗi, 30 cảnh báo, 12 gợi ý), 8 không đọc được; 5 tệp khác bỏ qua.» */
export function runSummary(rows: readonly FileRow[], skipped: number): string {
  const bad = rows.filter((r) => r.kindKey === 'unreadable').length;
  const sum = (k: 'error' | 'warning' | 'info') => rows.reduce((n, r) => n + r[k], 0);
  const counts = `${sum('error')} lỗi, ${sum('warning')} cảnh báo, ${sum('info')} gợi ý`;
  const tail = skipped ? `; ${skipped} tệp khác bỏ qua` : '';
  return `${rows.length} tệp .docx: ${rows.length - bad} đã kiểm tra (${counts})${bad ? `, ${bad} không đọc được` : ''}${tail}.`;
}
