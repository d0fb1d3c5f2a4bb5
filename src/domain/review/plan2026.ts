/**
 * A Thông tư 57/2026 plan (Biểu 2) in the reviewer's matrix: for each criterion, the mục IV problems that
 * name it and the mục V items tied to it (named in column (2), or through a problem) with their column (10)
 * «Mức độ thực hiện»; for the plan, how many problems and items it has and which mục VI reviews are written.
 * A light record (plain data: it crosses from the reviewer page's worker and is kept for thousands of
 * files), and the words and colours of each criterion cell, the same on the page and in the workbook. Pure.
 */
import { itemCriteria, REVIEW_LABELS, STATUS_VALUES, statusKind } from '../tt57/plan';
import type { ReadPlan2026 } from '../tt57/read';

/** Column (10) of an item as the matrix counts it: one of the form's values, other words, or nothing yet. */
export type ItemStatus = 'done' | 'in-progress' | 'not-done' | 'other' | 'empty';

export interface Plan2026Criterion {
  /** Numbers (TT) of the mục IV problems that name the criterion. */
  readonly problems: readonly number[];
  /** The mục V items tied to the criterion, by number (TT), with their column (10). */
  readonly items: readonly { readonly number: number; readonly status: ItemStatus }[];
}

export interface Plan2026Record {
  /** Rows of mục IV and mục V. */
  readonly problems: number;
  readonly items: number;
  /** Keyed "1.3": every criterion mục IV or mục V names. */
  readonly criteria: Readonly<Record<string, Plan2026Criterion>>;
  /** mục VI: whether the Cuối học kỳ I and Cuối năm học rows are written; null when the plan has no mục VI table. */
  readonly reviews: { readonly term1: boolean; readonly year: boolean } | null;
}

function itemStatus(text: string): ItemStatus {
  if (!text.trim()) return 'empty';
  return statusKind(text) ?? 'other';
}

/** «2» from a TT written «2» or «2.»; the row's place otherwise. */
function numberOf(tt: string, fallback: number): number {
  const m = /^\s*(\d{1,3})\s*\.?\s*$/.exec(tt);
  return m ? Number(m[1]) : fallback;
}

/** The matrix's record of a Biểu 2 plan read by the checker (CheckResult.tt57). */
export function plan2026Record(read: ReadPlan2026): Plan2026Record {
  const criteria = new Map<string, { problems: number[]; items: { number: number; status: ItemStatus }[] }>();
  const entry = (code: string) => {
    let e = criteria.get(code);
    if (!e) criteria.set(code, (e = { problems: [], items: [] }));
    return e;
  };
  read.problems.forEach((p, i) => {
    const n = numberOf(p.tt, i + 1);
    for (const code of p.problem.criteria) if (!entry(code).problems.includes(n)) entry(code).problems.push(n);
  });
  read.items.forEach((r, i) => {
    const n = numberOf(r.tt, r.item.number || i + 1);
    const status = itemStatus(r.item.status);
    for (const code of itemCriteria(read.plan, r.item)) entry(code).items.push({ number: n, status });
  });
  const written = (when: 'term1' | 'year') => {
    const r = read.plan.reviews.find((x) => x.when === when);
    return !!r && [r.result, r.content, r.adjustment].some((t) => t.trim());
  };
  return {
    problems: read.problems.length,
    items: read.items.length,
    criteria: Object.fromEntries(criteria),
    reviews: read.reviewTable ? { term1: written('term1'), year: written('year') } : null,
  };
}

/**
 * What a Biểu 2 plan's cell says about a criterion:
 * - done / in-progress / not-done: column (10) of the items tied to it — all «Hoàn thành», all «Chưa hoàn
 *   thành», or anything between (some «Đang thực hiện», or items at different stages);
 * - not-reviewed: items tied to it, column (10) still empty for all of them;
 * - no-item: a mục IV problem names it, no mục V item is tied to it;
 * - mandatory-absent: one of TT57's eight mandatory criteria, named neither in mục IV nor in mục V.
 */
export type Plan2026Status = 'done' | 'in-progress' | 'not-done' | 'not-reviewed' | 'no-item' | 'mandatory-absent';

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The words of each status: column (10)'s values as the form's source gives them («Hoàn thành» …). */
export const PLAN2026_STATUS_LABELS: Readonly<Record<Plan2026Status, string>> = {
  done: lower(STATUS_VALUES[0]),
  'in-progress': lower(STATUS_VALUES[1]),
  'not-done': lower(STATUS_VALUES[2]),
  'not-reviewed': 'chưa ghi mức độ',
  'no-item': 'chưa có nội dung',
  'mandatory-absent': 'bắt buộc, chưa có',
};

/** Background colours (RRGGBB), the same in the workbook and on the page; black text on each. */
export const PLAN2026_STATUS_COLORS: Readonly<Record<Plan2026Status, string>> = {
  done: 'C6E0B4',
  'in-progress': 'FFE699',
  'not-done': 'F4B084',
  'not-reviewed': 'DDEBF7',
  'no-item': 'F8CBAD',
  'mandatory-absent': 'D9D9D9',
};

/** What each status means, for the legends (the workbook's and the page's). */
export const PLAN2026_STATUS_MEANINGS: Readonly<Record<Plan2026Status, string>> = {
  done: `mọi nội dung cải tiến (mục V) gắn với tiêu chí ghi «${STATUS_VALUES[0]}» ở cột (10)`,
  'in-progress': `có nội dung ghi «${STATUS_VALUES[1]}», hoặc các nội dung ở những mức khác nhau`,
  'not-done': `mọi nội dung gắn với tiêu chí ghi «${STATUS_VALUES[2]}»`,
  'not-reviewed': 'có nội dung gắn với tiêu chí nhưng cột (10) «Mức độ thực hiện» còn trống (chưa rà soát)',
  'no-item': 'mục IV nêu vấn đề của tiêu chí nhưng mục V chưa có nội dung cải tiến nào cho vấn đề đó',
  'mandatory-absent':
    'một trong tám tiêu chí bắt buộc của Thông tư 57/2026 mà kế hoạch không nêu ở mục IV hay mục V (Biểu 2 chỉ yêu cầu các vấn đề ưu tiên: cần xem lại, không phải lỗi)',
};

const SHORT: Readonly<Record<ItemStatus, string>> = {
  done: PLAN2026_STATUS_LABELS.done,
  'in-progress': PLAN2026_STATUS_LABELS['in-progress'],
  'not-done': PLAN2026_STATUS_LABELS['not-done'],
  other: 'ghi khác',
  empty: 'chưa ghi',
};

export interface Plan2026Cell {
  readonly status: Plan2026Status;
  /** Lines under the status word: «VĐ 1, 3 · 2 nội dung», then «1 hoàn thành, 1 chưa ghi» when the items differ. */
  readonly detail: readonly string[];
}

/** The status of all the items tied to a criterion. */
function itemsStatus(items: Plan2026Criterion['items']): Plan2026Status {
  const kinds = new Set(items.map((i) => i.status));
  if (kinds.size === 1 && kinds.has('empty')) return 'not-reviewed';
  if (kinds.size === 1 && kinds.has('done')) return 'done';
  if (kinds.size === 1 && kinds.has('not-done')) return 'not-done';
  return 'in-progress';
}

/** The cell of a criterion for a Biểu 2 plan; undefined (an empty cell) when the plan says nothing of it and it is not mandatory. */
export function plan2026Cell(rec: Plan2026Record, code: string, mandatory: boolean): Plan2026Cell | undefined {
  const c = rec.criteria[code];
  if (!c || (!c.items.length && !c.problems.length)) return mandatory ? { status: 'mandatory-absent', detail: [] } : undefined;
  const what = [
    ...(c.problems.length ? [`VĐ ${c.problems.join(', ')}`] : []),
    ...(c.items.length ? [`${c.items.length} nội dung`] : []),
  ].join(' · ');
  if (!c.items.length) return { status: 'no-item', detail: [what] };
  const status = itemsStatus(c.items);
  const counts = new Map<ItemStatus, number>();
  for (const i of c.items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const mixed = counts.size > 1 ? [[...counts].map(([k, n]) => `${n} ${SHORT[k]}`).join(', ')] : [];
  return { status, detail: [what, ...mixed] };
}

/** The plan as a whole, for the row's heading: «3 vấn đề · 3 nội dung», «Rà soát (mục VI): Cuối học kỳ I». */
export function plan2026Facts(rec: Plan2026Record): string[] {
  const reviews = rec.reviews
    ? (['term1', 'year'] as const).filter((w) => rec.reviews![w]).map((w) => REVIEW_LABELS[w])
    : undefined;
  return [
    `${rec.problems} vấn đề · ${rec.items} nội dung`,
    `Rà soát (mục VI): ${reviews === undefined ? 'không có bảng' : reviews.length ? reviews.join(', ') : 'chưa ghi'}`,
  ];
}
