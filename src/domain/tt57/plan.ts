/**
 * The Thông tư 57/2026 improvement plan (Biểu 2, Mẫu số 2, Phụ lục V) as data: what the school writes in
 * mục IV (problems), mục V (items) and mục VI (the two reviews), independent of OOXML. Pure functions only;
 * every change returns a new plan.
 *
 * API for the pane (and the CLI):
 *
 *   emptyPlan(schoolType, schoolYear)          a plan with no problem, no item and the two empty reviews
 *   addProblem(plan, draft) / updateProblem(plan, id, patch) / removeProblem(plan, id)
 *                                              mục IV rows; removing a problem unlinks it from the items
 *   addItem(plan, draft, at?) / updateItem(plan, id, patch) / removeItem(plan, id) / moveItem(plan, id, to)
 *                                              mục V rows; items are always numbered 1..n in order
 *                                              (renumber() is applied by every change)
 *   setStatus(plan, id, status)                column (10) «Mức độ thực hiện»; STATUS_VALUES for the picker,
 *                                              free text allowed
 *   setReview(plan, when, patch)               a mục VI row ('term1' = Cuối học kỳ I, 'year' = Cuối năm học)
 *   statusCounts(plan) / statusSummary(plan)   column (10) counted, and «2/4 nội dung hoàn thành, 1 đang thực
 *                                              hiện, 1 chưa ghi mức độ» for pre-filling a review's result
 *   reviewDraft(plan, when)                    a review pre-filled from column (10) (result) and the items
 *                                              (content), keeping what the school already wrote
 *   itemCriteria(plan, item)                   criteria an item serves: its own links and those of its problems
 *   problemsWithoutItems(plan)                 mục IV problems no item serves
 *   namedCriteria(plan)                        every criterion named in IV and V, in code order
 *   seedPlan(type, year, criteria)             a new plan with one problem and one linked item per criterion
 *   dueReviews(schoolYear, date)               which reviews are due on a date (see reviewDates)
 *   reviewDates(schoolYear)                    when a review is due: Cuối học kỳ I from 15 January of the end
 *                                              year, Cuối năm học from 31 May (TT57 gives no dates; these are
 *                                              the usual ends of the terms in the Bộ's yearly calendars)
 *
 * The writer of the whole document is ./document.ts; the reader of documents schools write is ./read.ts.
 */
import { compareCodes, type SchoolType } from '../catalog';
import { fold, parseSchoolYear } from '../text';
import planForm from '../catalog/data/tt57-plan-form';

/** The values seen for column (10); an app's choice, not prescribed wording (the pane says so). */
export const STATUS_VALUES: readonly string[] = planForm.statusValues;

/** A focus problem of mục IV. */
export interface Tt57Problem {
  /** Stable id inside the plan ("p1", "p2" …); not written in the document. */
  readonly id: string;
  /** Tiêu chuẩn 1–4, when known. */
  readonly standard?: number;
  /** The «Tiêu chuẩn» cell as written, when the school wrote more than the number. */
  readonly standardText?: string;
  /** Related criteria («Tiêu chí liên quan (nếu có)»), codes such as "1.3". */
  readonly criteria: readonly string[];
  /** The «Tiêu chí liên quan» cell as written, when read from a document. */
  readonly criteriaText?: string;
  /** Đánh giá hiện trạng. */
  readonly situation: string;
  /** Điểm hạn chế. */
  readonly weakness: string;
  /** Nguyên nhân của hạn chế. */
  readonly cause: string;
}

/** An improvement item of mục V: one numbered row, columns (2)–(10). */
export interface Tt57Item {
  /** Stable id inside the plan ("i1", "i2" …); not written in the document. */
  readonly id: string;
  /** Column (1): 1..n in order. */
  readonly number: number;
  /** Problems of mục IV the item serves (their ids). */
  readonly problems: readonly string[];
  /** Criteria the item serves directly (named in column (2), or chosen in the pane). */
  readonly criteria: readonly string[];
  /** (2) Nội dung cải tiến: the school's own words. */
  readonly content: string;
  /** (3) Mục tiêu cải tiến. */
  readonly goal: string;
  /** (4) Hoạt động/giải pháp. */
  readonly activities: string;
  /** (5) Chỉ số đánh giá kết quả. */
  readonly indicator: string;
  /** (6) Thời gian thực hiện. */
  readonly time: string;
  /** (7) Đơn vị/cá nhân phụ trách. */
  readonly owner: string;
  /** (8) Nguồn lực bảo đảm. */
  readonly resources: string;
  /** (9) Thông tin, dữ liệu hoặc minh chứng dự kiến. */
  readonly evidence: string;
  /** (10) Mức độ thực hiện. */
  readonly status: string;
}

export type ReviewWhen = 'term1' | 'year';

/** A row of the mục VI table. */
export interface Tt57Review {
  readonly when: ReviewWhen;
  /** «Cuối học kỳ I» / «Cuối năm học» (as written when read from a document). */
  readonly label: string;
  /** Nội dung theo dõi. */
  readonly content: string;
  /** Kết quả thực hiện. */
  readonly result: string;
  /** Điều chỉnh (nếu có). */
  readonly adjustment: string;
  /** Người đánh giá. */
  readonly reviewer: string;
}

export interface Tt57Plan {
  readonly schoolType: SchoolType;
  /** "2026-2027". */
  readonly schoolYear: string;
  /** Bases the school adds under mục II after the three fixed ones. */
  readonly bases: readonly string[];
  readonly problems: readonly Tt57Problem[];
  readonly items: readonly Tt57Item[];
  /** Always the two rows, Cuối học kỳ I then Cuối năm học. */
  readonly reviews: readonly Tt57Review[];
}

export const REVIEW_LABELS: Readonly<Record<ReviewWhen, string>> = {
  term1: planForm.sectionVIFixedRows[0],
  year: planForm.sectionVIFixedRows[1],
};

/** Keys of the plan-2026 form's columns (2)–(10) for each item field (the table writer and reader use them). */
export const ITEM_COLUMN_KEYS = {
  content: 'criterion',
  goal: 'goal',
  activities: 'activities',
  indicator: 'indicator',
  time: 'time',
  owner: 'owner',
  resources: 'resources',
  evidence: 'evidence',
  status: 'status',
} as const satisfies Partial<Record<keyof Tt57Item, string>>;

type ItemText = keyof typeof ITEM_COLUMN_KEYS;
export const ITEM_TEXTS = Object.keys(ITEM_COLUMN_KEYS) as ItemText[];

export class PlanEditError extends Error {}

export function emptyReview(when: ReviewWhen): Tt57Review {
  return { when, label: REVIEW_LABELS[when], content: '', result: '', adjustment: '', reviewer: '' };
}

export function emptyPlan(schoolType: SchoolType, schoolYear: string): Tt57Plan {
  return { schoolType, schoolYear, bases: [], problems: [], items: [], reviews: [emptyReview('term1'), emptyReview('year')] };
}

/** A new plan with, for each criterion, a problem in mục IV and an item in mục V serving it (texts left to the school). */
export function seedPlan(schoolType: SchoolType, schoolYear: string, criteria: readonly string[]): Tt57Plan {
  let plan = emptyPlan(schoolType, schoolYear);
  for (const code of sortedCodes(criteria)) {
    plan = addProblem(plan, { criteria: [code] });
    plan = addItem(plan, { problems: [plan.problems[plan.problems.length - 1].id] });
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Problems (mục IV)
// ---------------------------------------------------------------------------------------------

type ProblemDraft = Partial<Omit<Tt57Problem, 'id'>>;

function nextId(prefix: string, ids: readonly string[]): string {
  let n = 1;
  while (ids.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function sortedCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => c.trim()).filter(Boolean))].sort(compareCodes);
}

/** The standard a problem is about: given, or that of its first criterion. */
function standardOf(d: ProblemDraft): number | undefined {
  if (d.standard) return d.standard;
  const first = d.criteria?.[0];
  return first ? Number(first.split('.')[0]) : undefined;
}

function problemOf(id: string, d: ProblemDraft): Tt57Problem {
  return {
    id,
    standard: standardOf(d),
    standardText: d.standardText,
    criteria: sortedCodes(d.criteria ?? []),
    criteriaText: d.criteriaText,
    situation: d.situation ?? '',
    weakness: d.weakness ?? '',
    cause: d.cause ?? '',
  };
}

export function addProblem(plan: Tt57Plan, draft: ProblemDraft): Tt57Plan {
  const id = nextId(
    'p',
    plan.problems.map((p) => p.id),
  );
  return { ...plan, problems: [...plan.problems, problemOf(id, draft)] };
}

export function updateProblem(plan: Tt57Plan, id: string, patch: ProblemDraft): Tt57Plan {
  const at = plan.problems.findIndex((p) => p.id === id);
  if (at < 0) throw new PlanEditError('Không tìm thấy vấn đề này trong mục IV.');
  const merged = { ...plan.problems[at], ...patch };
  // A new criterion list without a standard takes the standard of its first criterion.
  const next = problemOf(id, patch.criteria && patch.standard === undefined ? { ...merged, standard: undefined } : merged);
  return { ...plan, problems: plan.problems.map((p, i) => (i === at ? next : p)) };
}

/** Remove a problem; items that served it keep their other links. */
export function removeProblem(plan: Tt57Plan, id: string): Tt57Plan {
  return {
    ...plan,
    problems: plan.problems.filter((p) => p.id !== id),
    items: plan.items.map((i) => (i.problems.includes(id) ? { ...i, problems: i.problems.filter((p) => p !== id) } : i)),
  };
}

/** «Vấn đề 2»: the number a problem has in the mục IV table (its TT). */
export function problemNumber(plan: Tt57Plan, id: string): number {
  return plan.problems.findIndex((p) => p.id === id) + 1;
}

// ---------------------------------------------------------------------------------------------
// Items (mục V)
// ---------------------------------------------------------------------------------------------

type ItemDraft = Partial<Omit<Tt57Item, 'id' | 'number'>>;

function itemOf(id: string, number: number, d: ItemDraft): Tt57Item {
  const text = (k: ItemText): string => d[k] ?? '';
  return {
    id,
    number,
    problems: [...new Set(d.problems ?? [])],
    criteria: sortedCodes(d.criteria ?? []),
    content: text('content'),
    goal: text('goal'),
    activities: text('activities'),
    indicator: text('indicator'),
    time: text('time'),
    owner: text('owner'),
    resources: text('resources'),
    evidence: text('evidence'),
    status: text('status'),
  };
}

/** Number the items 1..n in their order. */
export function renumber(items: readonly Tt57Item[]): Tt57Item[] {
  return items.map((i, n) => (i.number === n + 1 ? i : { ...i, number: n + 1 }));
}

function checkLinks(plan: Tt57Plan, problems: readonly string[] | undefined): void {
  const unknown = (problems ?? []).filter((p) => !plan.problems.some((x) => x.id === p));
  if (unknown.length) throw new PlanEditError('Nội dung cải tiến gắn với một vấn đề không có trong mục IV.');
}

/** Add an item (at the end, or before position `at`, 0-based); the items are renumbered. */
export function addItem(plan: Tt57Plan, draft: ItemDraft, at = plan.items.length): Tt57Plan {
  checkLinks(plan, draft.problems);
  const id = nextId(
    'i',
    plan.items.map((i) => i.id),
  );
  const items = [...plan.items];
  items.splice(Math.max(0, Math.min(at, items.length)), 0, itemOf(id, 0, draft));
  return { ...plan, items: renumber(items) };
}

export function updateItem(plan: Tt57Plan, id: string, patch: ItemDraft): Tt57Plan {
  const at = plan.items.findIndex((i) => i.id === id);
  if (at < 0) throw new PlanEditError('Không tìm thấy nội dung cải tiến này trong mục V.');
  checkLinks(plan, patch.problems);
  const next = itemOf(id, plan.items[at].number, { ...plan.items[at], ...patch });
  return { ...plan, items: plan.items.map((i, n) => (n === at ? next : i)) };
}

/** Remove an item; the rest are renumbered 1..n. */
export function removeItem(plan: Tt57Plan, id: string): Tt57Plan {
  return { ...plan, items: renumber(plan.items.filter((i) => i.id !== id)) };
}

/** Move an item to position `to` (0-based); the items are renumbered. */
export function moveItem(plan: Tt57Plan, id: string, to: number): Tt57Plan {
  const from = plan.items.findIndex((i) => i.id === id);
  if (from < 0) throw new PlanEditError('Không tìm thấy nội dung cải tiến này trong mục V.');
  const items = [...plan.items];
  const [item] = items.splice(from, 1);
  items.splice(Math.max(0, Math.min(to, items.length)), 0, item);
  return { ...plan, items: renumber(items) };
}

export function setStatus(plan: Tt57Plan, id: string, status: string): Tt57Plan {
  return updateItem(plan, id, { status: status.trim() });
}

/** The canonical status a column (10) text stands for, or undefined for free text / nothing. */
export function statusKind(status: string): 'done' | 'in-progress' | 'not-done' | undefined {
  const f = fold(status);
  if (!f) return undefined;
  if (/^(da )?hoan thanh\b|^xong\b|^da xong\b|^dat\b/.test(f) && !/chua/.test(f)) return 'done';
  if (/^chua (hoan thanh|thuc hien|trien khai|lam)|^khong (hoan thanh|dat)/.test(f)) return 'not-done';
  if (/^dang\b|tiep tuc|chuyen tiep|^cham\b/.test(f)) return 'in-progress';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Criteria an item or the plan serves
// ---------------------------------------------------------------------------------------------

/** Criteria an item serves: its own and those of the problems it serves. */
export function itemCriteria(plan: Tt57Plan, item: Tt57Item): string[] {
  const fromProblems = item.problems.flatMap((id) => plan.problems.find((p) => p.id === id)?.criteria ?? []);
  return sortedCodes([...item.criteria, ...fromProblems]);
}

/** Problems of mục IV no item serves (by link, or by sharing a criterion with an item). */
export function problemsWithoutItems(plan: Tt57Plan): Tt57Problem[] {
  return plan.problems.filter((p) => {
    if (plan.items.some((i) => i.problems.includes(p.id))) return false;
    if (p.criteria.length && plan.items.some((i) => i.criteria.some((c) => p.criteria.includes(c)))) return false;
    return true;
  });
}

/** Every criterion named in mục IV and mục V, in code order. */
export function namedCriteria(plan: Tt57Plan): string[] {
  return sortedCodes([...plan.problems.flatMap((p) => p.criteria), ...plan.items.flatMap((i) => i.criteria)]);
}

// ---------------------------------------------------------------------------------------------
// Reviews (mục VI) and column (10)
// ---------------------------------------------------------------------------------------------

interface StatusCounts {
  readonly total: number;
  readonly done: number;
  readonly inProgress: number;
  readonly notDone: number;
  /** Column (10) holds something else (the school's own words). */
  readonly other: number;
  readonly empty: number;
}

export function statusCounts(plan: Pick<Tt57Plan, 'items'>): StatusCounts {
  const c = { total: plan.items.length, done: 0, inProgress: 0, notDone: 0, other: 0, empty: 0 };
  for (const i of plan.items) {
    const k = statusKind(i.status);
    if (!i.status.trim()) c.empty++;
    else if (k === 'done') c.done++;
    else if (k === 'in-progress') c.inProgress++;
    else if (k === 'not-done') c.notDone++;
    else c.other++;
  }
  return c;
}

/** «2/4 nội dung hoàn thành, 1 đang thực hiện, 1 chưa hoàn thành», from column (10). */
export function statusSummary(plan: Pick<Tt57Plan, 'items'>): string {
  const c = statusCounts(plan);
  if (!c.total) return 'Chưa có nội dung cải tiến nào.';
  const parts = [`${c.done}/${c.total} nội dung hoàn thành`];
  if (c.inProgress) parts.push(`${c.inProgress} đang thực hiện`);
  if (c.notDone) parts.push(`${c.notDone} chưa hoàn thành`);
  if (c.other) parts.push(`${c.other} ghi mức độ khác`);
  if (c.empty) parts.push(`${c.empty} chưa ghi mức độ thực hiện`);
  return `${parts.join(', ')}.`;
}

type ReviewPatch = Partial<Omit<Tt57Review, 'when'>>;

export function setReview(plan: Tt57Plan, when: ReviewWhen, patch: ReviewPatch): Tt57Plan {
  const reviews = (['term1', 'year'] as const).map((w) => {
    const r = plan.reviews.find((x) => x.when === w) ?? emptyReview(w);
    return w === when ? { ...r, ...patch, when: w } : r;
  });
  return { ...plan, reviews };
}

export function getReview(plan: Tt57Plan, when: ReviewWhen): Tt57Review {
  return plan.reviews.find((r) => r.when === when) ?? emptyReview(when);
}

/** A review pre-filled from the plan: what was followed (the items) and the result (column (10)); text already written is kept. */
export function reviewDraft(plan: Tt57Plan, when: ReviewWhen): Tt57Review {
  const r = getReview(plan, when);
  const content =
    r.content.trim() ||
    (plan.items.length
      ? `Việc thực hiện ${plan.items.length} nội dung cải tiến của mục V${plan.problems.length ? ` (${plan.problems.length} vấn đề trọng tâm)` : ''}.`
      : '');
  return { ...r, content, result: r.result.trim() || (plan.items.length ? statusSummary(plan) : '') };
}

interface ReviewDates {
  /** From this day the Cuối học kỳ I review is due. */
  readonly term1: { readonly year: number; readonly month: number; readonly day: number };
  /** From this day the Cuối năm học review and column (10) are due. */
  readonly year: { readonly year: number; readonly month: number; readonly day: number };
}

/**
 * When the reviews fall due. TT57 says «cuối học kỳ I» and «cuối năm học» without dates; the Bộ's yearly
 * calendars end học kỳ I by mid-January and the school year's teaching by the end of May, so: Cuối học kỳ I
 * from 15/01 of the end year, Cuối năm học from 31/05 of the end year.
 */
export function reviewDates(schoolYear: string): ReviewDates | undefined {
  const y = parseSchoolYear(schoolYear);
  if (!y) return undefined;
  return { term1: { year: y.end, month: 1, day: 15 }, year: { year: y.end, month: 5, day: 31 } };
}

function onOrAfter(d: { year: number; month: number; day: number }, from: { year: number; month: number; day: number }): boolean {
  return d.year * 10000 + d.month * 100 + d.day >= from.year * 10000 + from.month * 100 + from.day;
}

/** Which reviews are due on a date: nothing before 15/01, Cuối học kỳ I from then, both from 31/05. */
export function dueReviews(
  schoolYear: string,
  date: { readonly year: number; readonly month: number; readonly day: number },
): { term1: boolean; year: boolean } {
  const d = reviewDates(schoolYear);
  if (!d) return { term1: false, year: false };
  return { term1: onOrAfter(date, d.term1), year: onOrAfter(date, d.year) };
}
