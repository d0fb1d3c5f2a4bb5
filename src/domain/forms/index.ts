/**
 * Table forms: the plan and report tables schools write, with their exact column headings
 * (shared/reference/forms.md and tt57-2026.md), header layout, widths and the role of each column.
 */
import type { Framework, Level } from '../catalog';

export type FormId = 'plan-2018' | 'report-2018' | 'plan-2026' | 'problems-2026' | 'monitoring-2026' | 'report-2026';
/** What a document is, from its main table (the CLI JSON `documentKind`). */
export type FileKind = 'plan' | 'report' | 'monitoring';
/** What a table is; `problems` is the mục IV table of Biểu 2 (the focus problems a TT57 plan serves), part of a plan. */
export type DocumentKind = FileKind | 'problems';

export const FORM_IDS: readonly FormId[] = [
  'plan-2018',
  'report-2018',
  'plan-2026',
  'problems-2026',
  'monitoring-2026',
  'report-2026',
];

export function isFormId(v: unknown): v is FormId {
  return typeof v === 'string' && (FORM_IDS as readonly string[]).includes(v);
}

export type ColumnRole =
  /** Row number (TT). */
  | 'tt'
  /** "Tiêu chuẩn, tiêu chí": the criterion label. */
  | 'criterion'
  /** Free text typed by the school. */
  | 'text'
  /** Monitoring table: the fixed time label (Thời điểm). */
  | 'when';

export interface ColumnDef {
  /** Stable key used by the row form, JSON and templates. */
  readonly key: string;
  /** Leaf heading exactly as written in the document; "{year}" is replaced by the school year. */
  readonly heading: string;
  readonly role: ColumnRole;
  /** Width in twentieths of a point; each form's widths sum to the A4-landscape text width. */
  readonly width: number;
  /** Short hint for the side form. */
  readonly hint: string;
  /** Key of the group heading above this column (report header row 1). */
  readonly group?: string;
  /** Report: a result column; a criterion row whose result cells are all empty is unreported. */
  readonly result?: boolean;
  /** Plan: a cell that must not be left empty in a criterion row. */
  readonly required?: boolean;
  /** Plan 2026: the column number shown in the number row, (1)…(10). */
  readonly number?: number;
  /** Report: the column that restates the plan's content (pre-filled from the plan). */
  readonly fromPlan?: boolean;
  /** Plan: the column a report's "ND … xây dựng đầu năm" is filled from. */
  readonly planContent?: boolean;
  /** Criterion column that also carries text after the label (plan-2026 "Nội dung cải tiến"). */
  readonly labelContent?: boolean;
  /** Plan 2026: the implementation status column (10). */
  readonly status?: boolean;
  /** Report: the column of work still in progress or late / not started (roll-forward keeps these). */
  readonly unfinished?: boolean;
  /** Other phrasings seen in real documents. */
  readonly aliases?: readonly string[];
}

export interface ColumnGroup {
  readonly key: string;
  readonly heading: string;
}

export type SectionScheme =
  /** "MỨC 1, 2, 3" then "MỨC 4" (2018 circulars). */
  | 'levels-2018'
  /** TT57: "MỨC 1", "MỨC 2" when the table is grouped by level, otherwise no level rows. */
  | 'levels-2026'
  /** No level or standard rows (monitoring table). */
  | 'none';

export interface TableForm {
  readonly id: FormId;
  readonly kind: DocumentKind;
  readonly framework: Framework;
  /** Vietnamese name shown in the pane. */
  readonly name: string;
  /** Whether the form is prescribed by a circular or only customary practice. */
  readonly basis: string;
  /** True for customary layouts that no circular prescribes (the pane says so). */
  readonly customary: boolean;
  readonly columns: readonly ColumnDef[];
  readonly groups: readonly ColumnGroup[];
  /** A row of column numbers (1)…(n) under the headings. */
  readonly numberRow: boolean;
  /** The column numbers stand inside the heading cells («TT (1)», «Nội dung cải tiến (2)» …), as Biểu 2 does. */
  readonly numbersInHeadings?: boolean;
  readonly sections: SectionScheme;
  /** Fixed body rows (monitoring table): the text of the first column. */
  readonly fixedRows?: readonly string[];
  /** Vietnamese title of the content control that wraps the table. */
  readonly controlTitle: string;
  /** Unverified parts of the form, shown in the product. */
  readonly unverified?: readonly string[];
}

/** A4 landscape (297 mm) minus NĐ 30/2020 margins (left 30 mm, right 20 mm), in twips. */
export const LANDSCAPE_TEXT_WIDTH = 14003;

const PLAN_2018: TableForm = {
  id: 'plan-2018',
  kind: 'plan',
  framework: '2018',
  name: 'Kế hoạch cải tiến chất lượng (9 cột)',
  basis: 'Mẫu thường dùng theo hướng dẫn 5932/5942 (Thông tư 17, 18, 19/2018); không phải mẫu bắt buộc.',
  customary: true,
  controlTitle: 'Bảng kế hoạch cải tiến chất lượng',
  numberRow: false,
  sections: 'levels-2018',
  groups: [],
  columns: [
    { key: 'tt', heading: 'TT', role: 'tt', width: 500, hint: 'Số thứ tự' },
    { key: 'criterion', heading: 'Tiêu chuẩn, tiêu chí', role: 'criterion', width: 2000, hint: 'Tiêu chí cần cải tiến' },
    {
      key: 'target',
      heading: 'Kết quả cần đạt (so với hiện trạng)',
      role: 'text',
      width: 2000,
      required: true,
      hint: 'Kết quả cần đạt, so với hiện trạng trong báo cáo tự đánh giá',
    },
    {
      key: 'actions',
      heading: 'Công việc/giải pháp cần thực hiện',
      role: 'text',
      width: 2500,
      required: true,
      planContent: true,
      hint: 'Những việc, giải pháp sẽ làm để đạt kết quả',
    },
    {
      key: 'owner',
      heading: 'Chủ trì và phối hợp thực hiện',
      role: 'text',
      width: 1600,
      required: true,
      hint: 'Ai chủ trì, ai phối hợp',
    },
    {
      key: 'timeline',
      heading: 'Thời gian thực hiện và hoàn thành',
      role: 'text',
      width: 1500,
      required: true,
      hint: 'Bắt đầu và hoàn thành, ví dụ: Tháng 10/2025 – tháng 5/2026',
    },
    { key: 'budget', heading: 'Dự kiến kinh phí (triệu đồng)', role: 'text', width: 1100, hint: 'Số triệu đồng, hoặc «Không»' },
    { key: 'support', heading: 'Điều kiện hỗ trợ khác', role: 'text', width: 1500, hint: 'Hỗ trợ khác cần có' },
    { key: 'note', heading: 'Ghi chú', role: 'text', width: 1300, hint: 'Ghi chú (nếu có)' },
  ],
};

const REPORT_GROUPS: readonly ColumnGroup[] = [
  { key: 'plan', heading: 'ND Kế hoạch cải tiến chất lượng giáo dục năm học {year}' },
  { key: 'result', heading: 'Kết quả thực hiện' },
];

const REPORT_COLUMNS: readonly ColumnDef[] = [
  { key: 'tt', heading: 'TT', role: 'tt', width: 500, hint: 'Số thứ tự' },
  { key: 'criterion', heading: 'Tiêu chuẩn, tiêu chí', role: 'criterion', width: 2000, hint: 'Tiêu chí đã lập kế hoạch' },
  {
    key: 'planned',
    heading: 'ND Kế hoạch cải tiến chất lượng được xây dựng đầu năm',
    role: 'text',
    group: 'plan',
    width: 2000,
    fromPlan: true,
    hint: 'Nội dung kế hoạch đã xây dựng đầu năm (lấy từ bảng kế hoạch nếu có)',
  },
  {
    key: 'adjusted',
    heading: 'ND Kế hoạch cải tiến chất lượng giáo dục đã được điều chỉnh',
    role: 'text',
    group: 'plan',
    width: 1900,
    hint: 'Nội dung đã điều chỉnh trong năm, hoặc «Không»',
  },
  {
    key: 'done',
    heading: 'Những công việc đã triển khai xong theo đúng KH (nêu rõ chất lượng, hiệu quả công việc)',
    role: 'text',
    group: 'result',
    width: 2100,
    result: true,
    hint: 'Việc đã xong đúng kế hoạch, nêu rõ chất lượng, hiệu quả',
  },
  {
    key: 'inProgress',
    heading:
      'Những công việc đang triển khai theo KH, hoặc chậm so với KH (lý do chậm tiến độ), đánh giá sơ bộ về những ND đã triển khai',
    role: 'text',
    group: 'result',
    width: 2300,
    result: true,
    unfinished: true,
    hint: 'Việc đang làm hoặc chậm, lý do chậm, đánh giá sơ bộ',
  },
  {
    key: 'notStarted',
    heading: 'Những công việc chưa triển khai (nêu rõ lý do)',
    role: 'text',
    group: 'result',
    width: 1900,
    result: true,
    unfinished: true,
    hint: 'Việc chưa làm và lý do',
  },
  { key: 'note', heading: 'Ghi chú', role: 'text', width: 1300, hint: 'Ghi chú (nếu có)' },
];

const REPORT_2018: TableForm = {
  id: 'report-2018',
  kind: 'report',
  framework: '2018',
  name: 'Báo cáo kết quả thực hiện kế hoạch cải tiến (8 cột)',
  basis: 'Mẫu thường dùng của các trường (Thông tư 17, 18, 19/2018); không phải mẫu bắt buộc.',
  customary: true,
  controlTitle: 'Bảng báo cáo kết quả thực hiện kế hoạch cải tiến',
  numberRow: false,
  sections: 'levels-2018',
  groups: REPORT_GROUPS,
  columns: REPORT_COLUMNS,
};

const PLAN_2026: TableForm = {
  id: 'plan-2026',
  kind: 'plan',
  framework: '2026',
  name: 'Kế hoạch cải tiến chất lượng – Biểu 2, mục V (10 cột)',
  basis: 'Biểu 2 (Mẫu số 2) Phụ lục V Thông tư 57/2026/TT-BGDĐT, mục V.',
  customary: false,
  controlTitle: 'Bảng kế hoạch cải tiến chất lượng (Biểu 2)',
  numberRow: false,
  numbersInHeadings: true,
  sections: 'levels-2026',
  groups: [],
  unverified: [
    'Tên cột theo nguồn thứ cấp (chưa đối chiếu văn bản gốc Thông tư 57/2026).',
    'Giá trị cột (10) «Hoàn thành / Đang thực hiện / Chưa hoàn thành» là cách ghi của một ứng dụng, không phải quy định.',
  ],
  columns: [
    { key: 'tt', heading: 'TT', role: 'tt', width: 600, number: 1, hint: 'Số thứ tự' },
    {
      key: 'criterion',
      heading: 'Nội dung cải tiến',
      role: 'criterion',
      width: 2000,
      number: 2,
      labelContent: true,
      hint: 'Vấn đề cần cải tiến (ghi dưới dòng tên tiêu chí)',
      aliases: ['Nội dung'],
    },
    {
      key: 'goal',
      heading: 'Mục tiêu cải tiến',
      role: 'text',
      width: 1600,
      number: 3,
      required: true,
      hint: 'Mục tiêu cần đạt',
      aliases: ['Mục tiêu'],
    },
    {
      key: 'activities',
      heading: 'Hoạt động/giải pháp',
      role: 'text',
      width: 2000,
      number: 4,
      required: true,
      planContent: true,
      hint: 'Hoạt động, giải pháp sẽ thực hiện',
    },
    {
      key: 'indicator',
      heading: 'Chỉ số đánh giá kết quả',
      role: 'text',
      width: 1500,
      number: 5,
      required: true,
      hint: 'Đo kết quả bằng chỉ số nào',
      aliases: ['Chỉ số đánh giá'],
    },
    {
      key: 'time',
      heading: 'Thời gian thực hiện',
      role: 'text',
      width: 1200,
      number: 6,
      required: true,
      hint: 'Từ … đến …',
      aliases: ['Thời gian'],
    },
    {
      key: 'owner',
      heading: 'Đơn vị/cá nhân phụ trách',
      role: 'text',
      width: 1400,
      number: 7,
      required: true,
      hint: 'Đơn vị, cá nhân phụ trách',
      aliases: ['Phụ trách', 'Người phụ trách'],
    },
    {
      key: 'resources',
      heading: 'Nguồn lực bảo đảm',
      role: 'text',
      width: 1300,
      number: 8,
      hint: 'Kinh phí, nhân lực, cơ sở vật chất',
      aliases: ['Nguồn lực'],
    },
    {
      key: 'evidence',
      heading: 'Thông tin, dữ liệu hoặc minh chứng dự kiến',
      role: 'text',
      width: 1400,
      number: 9,
      hint: 'Minh chứng dự kiến, ví dụ MC.1.3.01',
      aliases: ['Minh chứng dự kiến'],
    },
    {
      key: 'status',
      heading: 'Mức độ thực hiện',
      role: 'text',
      width: 1000,
      number: 10,
      status: true,
      hint: 'Cuối năm: Hoàn thành / Đang thực hiện / Chưa hoàn thành',
      aliases: ['Mức độ hoàn thành', 'Tiến độ thực hiện'],
    },
  ],
};

const PROBLEMS_2026: TableForm = {
  id: 'problems-2026',
  kind: 'problems',
  framework: '2026',
  name: 'Tóm tắt các vấn đề trọng tâm cần cải tiến – Biểu 2, mục IV',
  basis: 'Biểu 2 (Mẫu số 2) Phụ lục V Thông tư 57/2026/TT-BGDĐT, mục IV: chỉ chọn các vấn đề trọng tâm.',
  customary: false,
  controlTitle: 'Bảng các vấn đề trọng tâm cần cải tiến (Biểu 2, mục IV)',
  numberRow: false,
  sections: 'none',
  groups: [],
  unverified: ['Các cột của mục IV chỉ có từ một nguồn (chưa đối chiếu văn bản gốc).'],
  columns: [
    { key: 'tt', heading: 'TT', role: 'tt', width: 600, hint: 'Số thứ tự' },
    {
      key: 'standard',
      heading: 'Tiêu chuẩn',
      role: 'text',
      width: 1700,
      required: true,
      hint: 'Tiêu chuẩn, ví dụ «Tiêu chuẩn 1»',
    },
    {
      key: 'criteria',
      heading: 'Tiêu chí liên quan (nếu có)',
      role: 'text',
      width: 2300,
      hint: 'Tiêu chí liên quan, ví dụ «Tiêu chí 1.3»',
      aliases: ['Tiêu chí liên quan', 'Tiêu chí'],
    },
    {
      key: 'situation',
      heading: 'Đánh giá hiện trạng',
      role: 'text',
      width: 3200,
      required: true,
      hint: 'Hiện trạng theo báo cáo tự đánh giá',
      aliases: ['Hiện trạng'],
    },
    {
      key: 'weakness',
      heading: 'Điểm hạn chế',
      role: 'text',
      width: 3000,
      required: true,
      hint: 'Điểm hạn chế cần cải tiến',
      aliases: ['Hạn chế'],
    },
    {
      key: 'cause',
      heading: 'Nguyên nhân của hạn chế',
      role: 'text',
      width: 3003,
      hint: 'Nguyên nhân của hạn chế',
      aliases: ['Nguyên nhân'],
    },
  ],
};

const MONITORING_2026: TableForm = {
  id: 'monitoring-2026',
  kind: 'monitoring',
  framework: '2026',
  name: 'Theo dõi và đánh giá thực hiện – Biểu 2, mục VI',
  basis: 'Biểu 2 (Mẫu số 2) Phụ lục V Thông tư 57/2026/TT-BGDĐT, mục VI: rà soát ít nhất 2 lần mỗi năm học.',
  customary: false,
  controlTitle: 'Bảng theo dõi, đánh giá thực hiện kế hoạch cải tiến',
  numberRow: false,
  sections: 'none',
  groups: [],
  fixedRows: ['Cuối học kỳ I', 'Cuối năm học'],
  unverified: ['Các cột của mục VI chỉ có từ một nguồn (chưa đối chiếu văn bản gốc).'],
  columns: [
    { key: 'when', heading: 'Thời điểm', role: 'when', width: 1800, hint: 'Thời điểm rà soát' },
    {
      key: 'content',
      heading: 'Nội dung theo dõi',
      role: 'text',
      width: 3400,
      required: true,
      hint: 'Những nội dung đã theo dõi',
      aliases: ['Nội dung'],
    },
    {
      key: 'result',
      heading: 'Kết quả thực hiện',
      role: 'text',
      width: 3600,
      required: true,
      hint: 'Kết quả thực hiện đến thời điểm này',
      aliases: ['Kết quả'],
    },
    {
      key: 'adjustment',
      heading: 'Điều chỉnh (nếu có)',
      role: 'text',
      width: 3000,
      hint: 'Điều chỉnh kế hoạch, nếu có',
      aliases: ['Điều chỉnh'],
    },
    {
      key: 'reviewer',
      heading: 'Người đánh giá',
      role: 'text',
      width: 2200,
      required: true,
      hint: 'Người (hoặc hội đồng) đánh giá',
    },
  ],
};

const REPORT_2026: TableForm = {
  id: 'report-2026',
  kind: 'report',
  framework: '2026',
  name: 'Báo cáo kết quả thực hiện kế hoạch cải tiến (8 cột, theo Thông tư 57)',
  basis:
    'Thông tư 57/2026 không quy định mẫu báo cáo riêng; đây là mẫu báo cáo thường dùng của các trường, áp dụng cho tiêu chí và mức của Thông tư 57.',
  customary: true,
  controlTitle: 'Bảng báo cáo kết quả thực hiện kế hoạch cải tiến',
  numberRow: false,
  sections: 'levels-2026',
  groups: REPORT_GROUPS,
  columns: REPORT_COLUMNS,
};

export const FORMS: Readonly<Record<FormId, TableForm>> = {
  'plan-2018': PLAN_2018,
  'report-2018': REPORT_2018,
  'plan-2026': PLAN_2026,
  'problems-2026': PROBLEMS_2026,
  'monitoring-2026': MONITORING_2026,
  'report-2026': REPORT_2026,
};

export function getForm(id: FormId): TableForm {
  return FORMS[id];
}

export function formsOf(framework: Framework): TableForm[] {
  return FORM_IDS.map((id) => FORMS[id]).filter((f) => f.framework === framework);
}

/** The form of the same kind in the other framework (used when the year moves a document across). */
export function formFor(kind: DocumentKind, framework: Framework): TableForm | undefined {
  return formsOf(framework).find((f) => f.kind === kind);
}

export function fillYear(heading: string, schoolYear: string): string {
  return heading.replace('{year}', schoolYear);
}

/** Columns the side form shows: everything the school types (not TT, not the criterion label). */
export function inputColumns(form: TableForm): ColumnDef[] {
  return form.columns.filter((c) => c.role === 'text' || (c.role === 'criterion' && c.labelContent));
}

// ---------------------------------------------------------------------------------------------
// Level sections
// ---------------------------------------------------------------------------------------------

/** A level block of the table body. */
export type SectionId = 'm123' | 'm4' | 'm1' | 'm2' | 'm3' | 'all';

export const SECTION_LABELS: Readonly<Record<SectionId, string>> = {
  m123: 'MỨC 1, 2, 3',
  m4: 'MỨC 4',
  m1: 'MỨC 1',
  m2: 'MỨC 2',
  m3: 'MỨC 3',
  all: 'MỨC 1, 2',
};

/** Sections a new table of this form starts with. */
export function sectionsOf(form: TableForm, groupByLevel: boolean): SectionId[] {
  if (form.sections === 'levels-2018') return ['m123', 'm4'];
  if (form.sections === 'levels-2026') return groupByLevel ? ['m1', 'm2'] : [];
  return [];
}

/**
 * The section a criterion row written for `level` belongs to. In 2018 tables every Mức 1–3 row goes
 * to "MỨC 1, 2, 3" (its level shown as "(mức n)"); grouped TT57 tables have one section per level.
 */
export function sectionForLevel(
  form: TableForm,
  groupByLevel: boolean,
  level: Level | undefined,
  level4: boolean,
): SectionId | undefined {
  if (form.sections === 'levels-2018') return level4 ? 'm4' : 'm123';
  if (form.sections === 'levels-2026' && groupByLevel) return level === 2 ? 'm2' : 'm1';
  return undefined;
}

/** The key under which the criteria of an ungrouped body are listed (the CLI JSON "criteria" object). */
export function defaultSectionLabel(framework: Framework): string {
  return framework === '2018' ? SECTION_LABELS.m123 : SECTION_LABELS.all;
}
