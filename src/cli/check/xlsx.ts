/**
 * The reviewer's summary workbook (exceljs): "Tổng hợp" (a row per file), "Tiêu chí" (file × criterion
 * matrix), "Chi tiết" (every finding) and, with a plan folder, "Ghép cặp" (reports paired with plans).
 * Headings are Vietnamese, heading rows frozen, filters on, column widths fitted to the content (capped).
 */
import type { Worksheet } from 'exceljs';
import { allCriteria, compareCodes, findCatalog, SCHOOL_TYPE_LABELS, type Framework } from '../../domain/catalog';
import { RULE_LABELS, SEVERITY_LABELS, type RuleId } from '../../domain/check/findings';
import {
  CRITERION_STATUS_LABELS,
  DOCUMENT_KIND_LABELS,
  formatLocation,
  FRAMEWORK_SHORT,
  planMethodLabel,
  type CriterionStatus,
  type FileReport,
} from '../../domain/check/report';
import type { CheckRun } from './engine';

export const SHEETS = { summary: 'Tổng hợp', criteria: 'Tiêu chí', details: 'Chi tiết', pairing: 'Ghép cặp' } as const;

/** The legend at the top of the "Tiêu chí" sheet: what each value means, precisely. */
export const CRITERIA_LEGEND =
  'Mỗi dòng là một tệp, mỗi cột một tiêu chí (M4.n: tiêu chí n ở Mức 4). ' +
  `«${CRITERION_STATUS_LABELS.planned}»: tiêu chí có trong bảng kế hoạch của tệp (tệp là kế hoạch). ` +
  `«${CRITERION_STATUS_LABELS.reported}»: báo cáo có dòng của tiêu chí và đã ghi ít nhất một trong ba cột kết quả (đã triển khai xong, đang triển khai, chưa triển khai). ` +
  `«${CRITERION_STATUS_LABELS['no-result']}»: báo cáo có dòng của tiêu chí nhưng cả ba cột kết quả đều trống. ` +
  `«${CRITERION_STATUS_LABELS.missing}»: tiêu chí có trong kế hoạch được đối chiếu (kế hoạch ghép cặp, kế hoạch chọn bằng --plan, hoặc bảng kế hoạch trong cùng tệp) nhưng báo cáo không có dòng nào cho tiêu chí đó. ` +
  'Ô trống: tệp không nhắc đến tiêu chí này. Cột theo mã tiêu chí: cùng một mã ở loại trường khác là tiêu chí khác (xem cột Loại trường).';

const STATUS_FILL: Readonly<Record<CriterionStatus, string>> = {
  planned: 'FFDDEBF7',
  reported: 'FFE2EFDA',
  'no-result': 'FFFFF2CC',
  missing: 'FFF8CBAD',
};

const HEADER_FILL = 'FFD9E1F2';

interface Column {
  readonly header: string;
  /** Widest the column may get (characters). */
  readonly max?: number;
  readonly wrap?: boolean;
}

/** Column widths from the longest line in each column, between the heading's length and a cap. */
function fitColumns(ws: Worksheet, columns: readonly Column[], fromRow: number): void {
  columns.forEach((c, i) => {
    let longest = c.header.length;
    ws.getColumn(i + 1).eachCell({ includeEmpty: false }, (cell, row) => {
      if (row < fromRow) return;
      const v = cell.value;
      const text = v === null || v === undefined ? '' : String(v);
      for (const line of text.split('\n')) longest = Math.max(longest, line.length);
    });
    ws.getColumn(i + 1).width = Math.min(c.max ?? 50, Math.max(6, longest + 2));
    if (c.wrap) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Heading row: bold, shaded, frozen above the data, with a filter over every column. */
function headingRow(ws: Worksheet, row: number, columns: readonly Column[], freezeColumns: number): void {
  const r = ws.getRow(row);
  columns.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', xSplit: freezeColumns, ySplit: row, activeCell: `A${row + 1}` }];
  ws.autoFilter = { from: { row, column: 1 }, to: { row, column: columns.length } };
}

function readable(r: FileReport): string {
  return r.error ? 'Không' : 'Có';
}

function kindLabel(r: FileReport): string {
  return r.error ? 'Không đọc được' : DOCUMENT_KIND_LABELS[r.documentKind];
}

function summarySheet(ws: Worksheet, run: CheckRun): void {
  const columns: Column[] = [
    { header: 'Tệp', max: 60 },
    { header: 'Trường', max: 40 },
    { header: 'Loại trường' },
    { header: 'Năm học' },
    { header: 'Loại văn bản', max: 36 },
    { header: 'Mẫu' },
    { header: 'Thông tư' },
    { header: 'Số Lỗi' },
    { header: 'Số Cảnh báo' },
    { header: 'Số Gợi ý' },
    { header: 'Đọc được' },
    { header: 'Lý do không đọc được', max: 80, wrap: true },
    { header: 'Kế hoạch đối chiếu', max: 60 },
  ];
  headingRow(ws, 1, columns, 1);
  for (const { report: r } of run.outcomes) {
    ws.addRow([
      r.path,
      r.schoolName ?? '',
      r.schoolType ? SCHOOL_TYPE_LABELS[r.schoolType] : '',
      r.schoolYear ?? '',
      kindLabel(r),
      r.form ?? '',
      r.framework ? FRAMEWORK_SHORT[r.framework] : '',
      r.error ? null : r.counts.error,
      r.error ? null : r.counts.warning,
      r.error ? null : r.counts.info,
      readable(r),
      r.error?.message ?? '',
      r.plan ? `${r.plan.path} (${planMethodLabel(r.plan.method)})` : '',
    ]);
  }
  fitColumns(ws, columns, 1);
}

export interface CriterionColumn {
  readonly framework: Framework;
  readonly code: string;
}

/** A matrix column's heading: the code, prefixed with its framework when the workbook has both. */
export function criterionHeader(c: CriterionColumn, bothFrameworks: boolean): string {
  return bothFrameworks ? `${c.framework === '2026' ? 'TT57' : 'TT2018'} ${c.code}` : c.code;
}

function compareKeys(a: string, b: string): number {
  const m4a = a.startsWith('M4.');
  const m4b = b.startsWith('M4.');
  if (m4a !== m4b) return m4a ? 1 : -1;
  return m4a ? Number(a.slice(3)) - Number(b.slice(3)) : compareCodes(a, b);
}

/** Criterion columns: every criterion (and Mức 4 item) of the catalogs the files use, and any other code they list. */
export function criterionColumns(
  reports: readonly FileReport[],
  statuses: readonly Readonly<Record<string, unknown>>[],
): CriterionColumn[] {
  const byFramework = new Map<Framework, Set<string>>();
  reports.forEach((r, i) => {
    if (r.error || !r.framework) return;
    const set = byFramework.get(r.framework) ?? new Set<string>();
    byFramework.set(r.framework, set);
    const cat = r.schoolType ? findCatalog(r.framework, r.schoolType) : undefined;
    if (cat) {
      for (const c of allCriteria(cat)) set.add(c.code);
      for (const item of cat.level4) set.add(`M4.${item.code}`);
    }
    for (const k of Object.keys(statuses[i])) set.add(k);
  });
  const out: CriterionColumn[] = [];
  for (const fw of ['2018', '2026'] as const) {
    for (const code of [...(byFramework.get(fw) ?? [])].sort(compareKeys)) out.push({ framework: fw, code });
  }
  return out;
}

function criteriaSheet(ws: Worksheet, run: CheckRun): void {
  const reports = run.outcomes.map((o) => o.report);
  const codes = criterionColumns(
    reports,
    run.outcomes.map((o) => o.statuses),
  );
  const both = new Set(codes.map((c) => c.framework)).size > 1;
  const fixed: Column[] = [
    { header: 'Tệp', max: 50 },
    { header: 'Trường', max: 36 },
    { header: 'Loại trường' },
    { header: 'Năm học' },
    { header: 'Loại văn bản', max: 30 },
  ];
  const columns: Column[] = [...fixed, ...codes.map((c) => ({ header: criterionHeader(c, both), max: 16 }))];
  // Row 1: the legend over the whole width; row 2: headings.
  ws.mergeCells(1, 1, 1, Math.max(columns.length, 8));
  const legend = ws.getCell(1, 1);
  legend.value = CRITERIA_LEGEND;
  legend.alignment = { wrapText: true, vertical: 'top' };
  legend.font = { italic: true };
  ws.getRow(1).height = 90;
  headingRow(ws, 2, columns, 2);
  run.outcomes.forEach((o) => {
    const r = o.report;
    const values = codes.map((c) => {
      const s = r.framework === c.framework ? o.statuses[c.code] : undefined;
      return s ? CRITERION_STATUS_LABELS[s] : '';
    });
    const type = r.schoolType ? SCHOOL_TYPE_LABELS[r.schoolType] : '';
    const row = ws.addRow([r.path, r.schoolName ?? '', type, r.schoolYear ?? '', kindLabel(r), ...values]);
    codes.forEach((c, j) => {
      const s = r.framework === c.framework ? o.statuses[c.code] : undefined;
      if (s) row.getCell(fixed.length + j + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[s] } };
    });
  });
  fitColumns(ws, columns, 2);
}

function detailsSheet(ws: Worksheet, run: CheckRun): void {
  const columns: Column[] = [
    { header: 'Tệp', max: 50 },
    { header: 'Trường', max: 36 },
    { header: 'Mức độ' },
    { header: 'Quy tắc' },
    { header: 'Loại lỗi', max: 40 },
    { header: 'Nội dung', max: 100, wrap: true },
    { header: 'Tiêu chí' },
    { header: 'Vị trí', max: 30 },
    { header: 'Bảng' },
    { header: 'Dòng' },
    { header: 'Cột' },
  ];
  headingRow(ws, 1, columns, 1);
  const plus1 = (n: number | null) => (n === null ? null : n + 1);
  for (const { report: r } of run.outcomes) {
    for (const f of r.findings) {
      ws.addRow([
        r.path,
        r.schoolName ?? '',
        SEVERITY_LABELS[f.severity],
        f.rule,
        RULE_LABELS[f.rule as RuleId] ?? f.rule,
        f.message,
        f.criterion ?? '',
        formatLocation(f.location),
        plus1(f.location.table),
        plus1(f.location.row),
        plus1(f.location.column),
      ]);
    }
  }
  fitColumns(ws, columns, 1);
}

export const PAIR_RESULT_LABELS = {
  paired: 'Đã ghép',
  reportAlone: 'Báo cáo chưa có kế hoạch',
  planAlone: 'Kế hoạch chưa có báo cáo',
} as const;

function pairingSheet(ws: Worksheet, run: CheckRun): void {
  const p = run.pairing!;
  const columns: Column[] = [
    { header: 'Kết quả' },
    { header: 'Báo cáo', max: 60 },
    { header: 'Kế hoạch', max: 60 },
    { header: 'Trường', max: 40 },
    { header: 'Năm học' },
    { header: 'Cách ghép', max: 40 },
  ];
  headingRow(ws, 1, columns, 1);
  const rep = (i: number) => run.outcomes[i].report;
  for (const pair of p.pairs) {
    const r = rep(pair.report);
    ws.addRow([
      PAIR_RESULT_LABELS.paired,
      r.path,
      rep(pair.plan).path,
      r.schoolName ?? rep(pair.plan).schoolName ?? '',
      r.schoolYear ?? '',
      planMethodLabel(pair.method),
    ]);
  }
  for (const i of p.unpairedReports) {
    ws.addRow([PAIR_RESULT_LABELS.reportAlone, rep(i).path, '', rep(i).schoolName ?? '', rep(i).schoolYear ?? '', '']);
  }
  for (const i of p.unpairedPlans) {
    ws.addRow([PAIR_RESULT_LABELS.planAlone, '', rep(i).path, rep(i).schoolName ?? '', rep(i).schoolYear ?? '', '']);
  }
  fitColumns(ws, columns, 1);
}

/**
 * exceljs, loaded on demand. Node's import() of this CommonJS package gives only a default export (its
 * named exports cannot be detected), while bundlers and jest give the named ones: take either.
 */
async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const mod = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
  return mod.default ?? mod;
}

/** The workbook's bytes. exceljs is loaded only when a workbook is asked for. */
export async function summaryWorkbook(run: CheckRun): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = 'ctcl';
  wb.created = new Date();
  summarySheet(wb.addWorksheet(SHEETS.summary), run);
  criteriaSheet(wb.addWorksheet(SHEETS.criteria), run);
  detailsSheet(wb.addWorksheet(SHEETS.details), run);
  if (run.pairing) pairingSheet(wb.addWorksheet(SHEETS.pairing), run);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
