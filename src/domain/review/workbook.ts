/**
 * The reviewer's summary workbook, the same from `ctcl check --xlsx` and from the reviewer page:
 * «Tổng hợp» (a row per file, with coverage and the items the school ignored), one «Tiêu chí» sheet per
 * framework and school type (file × criterion, columns headed by code and short title), «Chi tiết»
 * (every finding, ignored ones marked) and, when reports were paired with plans, «Ghép cặp».
 * Each sheet has a title row, a frozen heading row with filters, and prints on A4 landscape pages one
 * page wide with the heading row repeated.
 */
import { IGNORED_HEADING, IGNORED_MARK } from '../vocabulary';
import { SCHOOL_TYPE_LABELS } from '../catalog';
import { RULE_LABELS, SEVERITY_LABELS, type RuleId } from '../check/findings';
import { CRITERION_STATUS_LABELS, formatLocation, planMethodLabel, type FileReport } from '../check/report';
import { sheetName, type Cell, type CellStyle, type Sheet, type SheetRow, type Workbook } from '../spreadsheet';
import {
  circularOf,
  coverageOf,
  ignoredCount,
  isIgnored,
  kindOf,
  matrixCell,
  matrixGroups,
  plan2026Facts,
  PLAN2026_STATUS_LABELS,
  PLAN2026_STATUS_MEANINGS,
  schoolOf,
  schoolTypeOf,
  type CriterionColumn,
  type MatrixGroup,
  type Plan2026Status,
  type ReviewPairing,
  type ReviewRun,
} from './index';

export const SHEETS = { summary: 'Tổng hợp', criteria: 'Tiêu chí', details: 'Chi tiết', pairing: 'Ghép cặp' } as const;

/** The legend above each «Tiêu chí» sheet: what each value means, precisely. */
export const CRITERIA_LEGEND =
  'Mỗi dòng là một tệp, mỗi cột một tiêu chí của loại trường và thông tư ghi ở tên trang (M4.n: mục n ở Mức 4). ' +
  `«${CRITERION_STATUS_LABELS.planned}»: tiêu chí có trong bảng kế hoạch của tệp (tệp là kế hoạch). ` +
  `«${CRITERION_STATUS_LABELS.reported}»: báo cáo có dòng của tiêu chí và đã ghi ít nhất một trong ba cột kết quả (đã triển khai xong, đang triển khai, chưa triển khai). ` +
  `«${CRITERION_STATUS_LABELS['no-result']}»: báo cáo có dòng của tiêu chí nhưng cả ba cột kết quả đều trống. ` +
  `«${CRITERION_STATUS_LABELS.missing}»: tiêu chí có trong kế hoạch được đối chiếu (kế hoạch ghép cặp, kế hoạch chọn bằng --plan, hoặc bảng kế hoạch trong cùng tệp) nhưng báo cáo không có dòng nào cho tiêu chí đó. ` +
  'Ô trống: tệp không nhắc đến tiêu chí này.';

export const PAIR_RESULT_LABELS = {
  paired: 'Đã ghép',
  reportAlone: 'Báo cáo chưa có kế hoạch',
  planAlone: 'Kế hoạch chưa có báo cáo',
} as const;

export const IGNORED_LABEL = IGNORED_MARK;

/** Headings of «Tổng hợp». */
export const SUMMARY_HEADINGS = {
  file: 'Tệp',
  school: 'Trường',
  schoolType: 'Loại trường',
  year: 'Năm học',
  kind: 'Loại văn bản',
  framework: 'Thông tư',
  errors: 'Lỗi',
  warnings: 'Cảnh báo',
  infos: 'Gợi ý',
  ignored: IGNORED_HEADING,
  coverage: 'Tiêu chí đã báo cáo / kế hoạch',
  plan: 'Kế hoạch đối chiếu',
  reason: 'Lý do không đọc được',
} as const;

const TITLE: CellStyle = { bold: true, size: 13 };
const HEADING: CellStyle = { bold: true, fill: 'D9E1F2', wrap: true, vertical: 'center', border: 'bottom' };
const WRAP: CellStyle = { wrap: true, vertical: 'top' };
const IGNORED: CellStyle = { italic: true, color: '7F7F7F', wrap: true, vertical: 'top' };

interface Column {
  readonly header: string;
  /** Widest the column may get (characters). */
  readonly max?: number;
  /** Narrowest (characters); default 6. */
  readonly min?: number;
  readonly wrap?: boolean;
}

function styled(c: Cell): boolean {
  return typeof c === 'object' && c !== null && !!c.s;
}

function valueOf(c: Cell): string {
  const v = typeof c === 'object' && c !== null ? c.v : c;
  return v === null || v === undefined ? '' : String(v);
}

/** Column widths from the longest line in each column (heading words included), between bounds. */
function fit(columns: readonly Column[], rows: readonly (readonly Cell[])[]): number[] {
  return columns.map((c, i) => {
    let longest = Math.max(...c.header.split(/\s|\n/).map((w) => w.length));
    for (const r of rows) for (const line of valueOf(r[i]).split('\n')) longest = Math.max(longest, line.length);
    return Math.min(c.max ?? 50, Math.max(c.min ?? 6, longest + 2));
  });
}

/**
 * A sheet: a title row over the whole width, optional rows under it (a legend), the heading row
 * (frozen, filtered, repeated on every printed page), then the data rows.
 */
function tableSheet(
  name: string,
  title: string,
  columns: readonly Column[],
  data: readonly SheetRow[],
  opts: { legend?: string; legendHeight?: number; freezeCols?: number; headingHeight?: number; widths?: number[] } = {},
): Sheet {
  const width = columns.length;
  const top: SheetRow[] = [{ cells: [{ v: title, s: TITLE }], height: 22 }];
  if (opts.legend)
    top.push({ cells: [{ v: opts.legend, s: { italic: true, wrap: true, vertical: 'top' } }], height: opts.legendHeight ?? 64 });
  const heading = top.length;
  const widths =
    opts.widths ??
    fit(
      columns,
      data.map((r) => r.cells),
    );
  const wrapped = (cells: readonly Cell[], all: boolean) => {
    const lines = cells.map((c, i) => (all || columns[i]?.wrap ? linesIn(valueOf(c), widths[i]) : 1));
    const n = Math.max(1, ...lines);
    return n > 1 ? Math.ceil(n * LINE_HEIGHT + 3) : undefined;
  };
  const headingCells = columns.map((c) => c.header);
  const rows: SheetRow[] = [
    ...top,
    { cells: columns.map((c) => ({ v: c.header, s: HEADING })), height: opts.headingHeight ?? wrapped(headingCells, true) },
    ...data.map((r) => {
      const height = wrapped(r.cells, !!r.style?.wrap);
      // Plain values of wrapped columns get the wrapped style; a cell with a style of its own keeps it.
      const cells = r.style
        ? r.cells
        : r.cells.map((c, i) => (columns[i]?.wrap && !styled(c) ? { v: valueOf(c) || null, s: WRAP } : c));
      return { ...r, cells, height };
    }),
  ];
  return {
    name,
    widths,
    rows,
    merges: top.map((_, row) => ({ row, col: 0, cols: Math.max(width, 2) })),
    freeze: { rows: heading + 1, cols: opts.freezeCols ?? 1 },
    filterRow: heading,
    print: { title, repeatRows: [heading, heading] },
  };
}

/** Points per line of 11-point text. */
const LINE_HEIGHT = 14.5;

/**
 * Lines a text takes in a wrapped cell of this width (characters): readers do not size rows to wrapped
 * text when a file is opened, so the writer gives each row the height its longest cell needs.
 */
function linesIn(text: string, width: number): number {
  const per = Math.max(1, Math.floor(width * 1.1) - 1);
  let n = 0;
  for (const line of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of line.split(' ')) {
      const w = word.length;
      if (used && used + 1 + w > per) {
        count++;
        used = w;
      } else used += (used ? 1 : 0) + w;
      while (used > per) {
        count++;
        used -= per;
      }
    }
    n += count;
  }
  return n;
}

function dateText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

function summarySheet(run: ReviewRun, when: string): Sheet {
  const H = SUMMARY_HEADINGS;
  const columns: Column[] = [
    { header: H.file, max: 45 },
    { header: H.school, max: 40 },
    { header: H.schoolType, max: 14 },
    { header: H.year, min: 10 },
    { header: H.kind, max: 28 },
    { header: H.framework, max: 12 },
    { header: H.errors },
    { header: H.warnings, min: 9 },
    { header: H.infos },
    { header: H.ignored, min: 9, max: 10 },
    { header: H.coverage, min: 11, max: 12 },
    { header: H.plan, max: 40 },
    { header: H.reason, max: 50, wrap: true },
  ];
  const data = run.outcomes.map(({ report: r }): SheetRow => {
    const n = (v: number) => (r.error ? null : v);
    return {
      cells: [
        r.path,
        schoolOf(r),
        schoolTypeOf(r),
        r.schoolYear ?? '',
        kindOf(r),
        r.framework ? (r.framework === '2026' ? 'TT57/2026' : 'TT 2018') : '',
        n(r.counts.error),
        n(r.counts.warning),
        n(r.counts.info),
        n(ignoredCount(r)),
        coverageOf(r),
        r.plan ? `${r.plan.path} (${planMethodLabel(r.plan.method)})` : '',
        r.error?.message ?? '',
      ],
    };
  });
  const title = `Tổng hợp kết quả kiểm tra kế hoạch và báo cáo cải tiến chất lượng — ${run.outcomes.length} tệp — ${when}`;
  return tableSheet(SHEETS.summary, title, columns, data);
}

/** A matrix column's heading: the code, then its short title on the next line. */
function criterionHeading(c: { key: string; title: string }): string {
  return c.title ? `${c.key}\n${c.title}` : c.key;
}

/** The heading of the fixed column that sums up a Biểu 2 plan (problems, items, mục VI reviews). */
export const PLAN2026_HEADING = 'Biểu 2: vấn đề, nội dung, rà soát';

/** The legend of a Biểu 2 plan's cells: every status word and what it means. */
export const PLAN2026_LEGEND =
  'Kế hoạch theo Biểu 2 (Thông tư 57/2026): mỗi ô ghi tình trạng của tiêu chí, rồi các vấn đề ở mục IV nêu tiêu chí («VĐ 1, 3») và số nội dung cải tiến ở mục V gắn với tiêu chí (ghi ở cột (2) hoặc qua vấn đề). ' +
  (Object.keys(PLAN2026_STATUS_LABELS) as Plan2026Status[])
    .map((s) => `«${PLAN2026_STATUS_LABELS[s]}»: ${PLAN2026_STATUS_MEANINGS[s]}.`)
    .join(' ');

/** The legend above a «Tiêu chí» sheet: the 2018 words, and the Biểu 2 words when the sheet has a Biểu 2 plan. */
export function criteriaLegend(g: Pick<MatrixGroup, 'plans2026'>): string {
  return g.plans2026 ? `${CRITERIA_LEGEND} ${PLAN2026_LEGEND}` : CRITERIA_LEGEND;
}

/** A criterion column's heading in the workbook: code, short title, and «(bắt buộc)» for TT57's mandatory ones. */
function criterionColumnHeading(c: CriterionColumn): string {
  return c.mandatory ? `${criterionHeading(c)}\n(bắt buộc)` : criterionHeading(c);
}

function criteriaSheet(run: ReviewRun, g: MatrixGroup, name: string, when: string): Sheet {
  const fixed: Column[] = [
    { header: 'Tệp', max: 36 },
    { header: 'Trường', max: 32 },
    { header: 'Loại văn bản', max: 20 },
    { header: 'Năm học', min: 10 },
    ...(g.plans2026 ? [{ header: PLAN2026_HEADING, min: 18, max: 24, wrap: true }] : []),
  ];
  const columns: Column[] = [...fixed, ...g.columns.map((c) => ({ header: criterionColumnHeading(c), wrap: g.plans2026 }))];
  const data = g.rows.map((i): SheetRow => {
    const o = run.outcomes[i];
    const r = o.report;
    // In a sheet with Biểu 2 plans the rows are tall: every cell reads from the top, like the criterion cells.
    const top = (v: string): Cell => (g.plans2026 ? { v, s: { vertical: 'top' } } : v);
    return {
      cells: [
        top(r.path),
        top(schoolOf(r)),
        top(kindOf(r)),
        top(r.schoolYear ?? ''),
        ...(g.plans2026 ? [o.plan2026 ? plan2026Facts(o.plan2026).join('\n') : ''] : []),
        ...g.columns.map((c): Cell => {
          const cell = matrixCell(o, c);
          if (!cell) return null;
          // A sheet with a Biểu 2 plan has wider, wrapped cells: the status word, then the problems and items.
          const wrap = g.plans2026 ? ({ vertical: 'top', wrap: true } as const) : {};
          return { v: [cell.label, ...cell.detail].join('\n'), s: { fill: cell.color, horizontal: 'center', ...wrap } };
        }),
      ],
    };
  });
  const widths = [
    ...fit(
      fixed,
      data.map((r) => r.cells),
    ),
    ...g.columns.map(() => (g.plans2026 ? 16 : 13)),
  ];
  const title = `Tình trạng từng tiêu chí — ${g.label} — ${g.rows.length} tệp — ${when}`;
  return tableSheet(name, title, columns, data, {
    legend: criteriaLegend(g),
    // The Biểu 2 words make the legend longer: as many lines as it takes over the sheet's width.
    legendHeight: g.plans2026
      ? Math.max(
          64,
          Math.ceil(
            linesIn(
              criteriaLegend(g),
              widths.reduce((a, b) => a + b, 0),
            ) *
              LINE_HEIGHT +
              6,
          ),
        )
      : undefined,
    freezeCols: 2,
    headingHeight: g.plans2026 ? 130 : 105,
    widths,
  });
}

export const DETAIL_HEADINGS = {
  file: 'Tệp',
  school: 'Trường',
  severity: 'Mức độ',
  rule: 'Quy tắc',
  ruleLabel: 'Loại lỗi',
  message: 'Nội dung',
  criterion: 'Tiêu chí',
  place: 'Vị trí',
  table: 'Bảng',
  row: 'Dòng',
  column: 'Cột',
  ignored: IGNORED_HEADING,
} as const;

function detailsSheet(run: ReviewRun, when: string): Sheet {
  const H = DETAIL_HEADINGS;
  const columns: Column[] = [
    { header: H.file, max: 36 },
    { header: H.school, max: 30 },
    { header: H.severity },
    { header: H.rule, max: 24 },
    { header: H.ruleLabel, max: 30, wrap: true },
    { header: H.message, max: 80, wrap: true },
    { header: H.criterion, min: 8 },
    { header: H.place, max: 24 },
    { header: H.table },
    { header: H.row },
    { header: H.column },
    { header: H.ignored, min: 9, max: 10 },
  ];
  const plus1 = (n: number | null) => (n === null ? null : n + 1);
  const data: SheetRow[] = [];
  for (const { report: r } of run.outcomes) {
    for (const f of r.findings) {
      const ignored = isIgnored(f);
      data.push({
        style: ignored ? IGNORED : undefined,
        cells: [
          r.path,
          schoolOf(r),
          SEVERITY_LABELS[f.severity],
          f.rule,
          RULE_LABELS[f.rule as RuleId] ?? f.rule,
          f.message,
          f.criterion ?? '',
          formatLocation(f.location),
          plus1(f.location.table),
          plus1(f.location.row),
          plus1(f.location.column),
          ignored ? IGNORED_LABEL : '',
        ],
      });
    }
  }
  const count = data.length;
  return tableSheet(SHEETS.details, `Chi tiết ${count} nhận xét — ${when}`, columns, data);
}

function pairMethodLabel(method: ReviewPairing['pairs'][number]['method']): string {
  return planMethodLabel(method);
}

function pairingSheet(run: ReviewRun, p: ReviewPairing, when: string): Sheet {
  const columns: Column[] = [
    { header: 'Kết quả', max: 26 },
    { header: 'Báo cáo', max: 45 },
    { header: 'Kế hoạch', max: 45 },
    { header: 'Trường', max: 36 },
    { header: 'Năm học', min: 10 },
    { header: 'Cách ghép', max: 30 },
  ];
  const rep = (i: number): FileReport => run.outcomes[i].report;
  const school = (...rs: FileReport[]) => rs.map(schoolOf).find(Boolean) ?? '';
  const data: SheetRow[] = [
    ...p.pairs.map((pair) => ({
      cells: [
        PAIR_RESULT_LABELS.paired,
        rep(pair.report).path,
        rep(pair.plan).path,
        school(rep(pair.report), rep(pair.plan)),
        rep(pair.report).schoolYear ?? '',
        pairMethodLabel(pair.method),
      ],
    })),
    ...p.unpairedReports.map((i) => ({
      cells: [PAIR_RESULT_LABELS.reportAlone, rep(i).path, '', school(rep(i)), rep(i).schoolYear ?? '', ''],
    })),
    ...p.unpairedPlans.map((i) => ({
      cells: [PAIR_RESULT_LABELS.planAlone, '', rep(i).path, school(rep(i)), rep(i).schoolYear ?? '', ''],
    })),
  ];
  return tableSheet(SHEETS.pairing, `Ghép báo cáo với kế hoạch — ${p.pairs.length} cặp — ${when}`, columns, data);
}

/** Names of the «Tiêu chí» sheets, one per matrix group, in order. */
function criteriaSheetNames(groups: readonly MatrixGroup[]): string[] {
  const taken = new Set<string>(Object.values(SHEETS));
  return groups.map((g) => {
    const type = g.schoolType ? SCHOOL_TYPE_LABELS[g.schoolType] : 'chưa rõ loại';
    const circular = circularOf(g.framework, g.schoolType)
      .replace(/\/\d{4}$/, '')
      .replace(' ', '');
    const name = sheetName(`${SHEETS.criteria} ${type} ${circular}`, taken);
    taken.add(name);
    return name;
  });
}

interface ReviewWorkbookOptions {
  /** The date printed in the titles (default: now). */
  readonly date?: Date;
}

/** The workbook of a review: see the module comment. */
export function reviewWorkbook(run: ReviewRun, opts: ReviewWorkbookOptions = {}): Workbook {
  const date = opts.date ?? new Date();
  const when = `ngày ${dateText(date)}`;
  const groups = matrixGroups(run);
  const names = criteriaSheetNames(groups);
  const sheets: Sheet[] = [
    summarySheet(run, when),
    ...groups.map((g, i) => criteriaSheet(run, g, names[i], when)),
    detailsSheet(run, when),
  ];
  if (run.pairing) sheets.push(pairingSheet(run, run.pairing, when));
  return { sheets, title: 'Tổng hợp kiểm tra kế hoạch và báo cáo cải tiến chất lượng', creator: 'ctcl', created: date };
}
