/**
 * Year to year under Thông tư 57 (use cases shared by `ctcl roll` / `ctcl report-from-plan` and the pane):
 *
 *   rollPlan2026(plan, { all? })         this year's Biểu 2 → next year's: items not «Hoàn thành» carried over
 *                                        with a note of where they came from and how far they got («chuyển tiếp
 *                                        từ năm học 2026-2027, đang thực hiện»), problems carried over for the
 *                                        school to review, dates moved on a year, column (10) and mục VI emptied
 *   planFrom2018(result, picks)          a 2018 plan or report rolled into Biểu 2: old rows become items, the TT57
 *                                        criteria chosen for them (from the suggestions, or --assign) become mục IV
 *                                        problems the items serve; rows with no criterion yet are marked
 *                                        «Cần gán tiêu chí theo Thông tư 57/2026.» with the suggestions
 *   reviewAdvice(plan, date)             «Báo cáo từ kế hoạch» for a TT57 plan: TT57 has no separate report form;
 *                                        what the review (mục VI and column (10)) holds and which one is due
 */
import { findCriterion, getCatalog, type SchoolType } from '../catalog';
import type { CheckResult } from '../check';
import type { XElement } from '../ooxml/xml';
import { EMPTY_PROFILE, type SchoolProfile } from '../profile';
import { plan2026Blocks, type Plan2026Options } from './document';
import { formatSchoolYear, nextSchoolYear, parseSchoolYear } from '../text';
import { shiftYears, UNASSIGNED_MARK, YearError, type RollResult } from '../year';
import {
  addItem,
  addProblem,
  dueReviews,
  emptyPlan,
  emptyReview,
  getReview,
  renumber,
  REVIEW_LABELS,
  reviewDraft,
  statusKind,
  statusSummary,
  type Tt57Item,
  type Tt57Plan,
} from './plan';

/** «đang thực hiện», «chưa hoàn thành», «chưa ghi mức độ thực hiện», or the school's own words. */
function howFar(status: string): string {
  const k = statusKind(status);
  if (k === 'in-progress') return 'đang thực hiện';
  if (k === 'not-done') return 'chưa hoàn thành';
  if (k === 'done') return 'đã hoàn thành';
  return status.trim()
    ? status
        .trim()
        .replace(/[.;]+$/, '')
        .toLowerCase()
    : 'chưa ghi mức độ thực hiện';
}

interface RolledPlan2026 {
  readonly plan: Tt57Plan;
  /** Items carried over, and items left out because they were done. */
  readonly carried: number;
  readonly done: number;
}

/** Next year's Biểu 2 from this year's. */
export function rollPlan2026(plan: Tt57Plan, opts: { readonly all?: boolean } = {}): RolledPlan2026 {
  const from = parseSchoolYear(plan.schoolYear);
  if (!from) throw new YearError(`Năm học không hợp lệ: «${plan.schoolYear}».`);
  const toYear = formatSchoolYear(nextSchoolYear(from));
  const fromYear = formatSchoolYear(from);
  const keep = plan.items.filter((i) => opts.all || statusKind(i.status) !== 'done');
  const items: Tt57Item[] = keep.map((i) => {
    const note = `(chuyển tiếp từ năm học ${fromYear}, ${howFar(i.status)})`;
    return {
      ...i,
      content: [shiftYears(i.content), note].filter((t) => t.trim()).join('\n'),
      goal: shiftYears(i.goal),
      activities: shiftYears(i.activities),
      indicator: shiftYears(i.indicator),
      time: shiftYears(i.time),
      evidence: shiftYears(i.evidence),
      status: '',
    };
  });
  return {
    plan: {
      ...plan,
      schoolYear: toYear,
      problems: plan.problems.map((p) => ({ ...p, situation: shiftYears(p.situation) })),
      items: renumber(items),
      reviews: [emptyReview('term1'), emptyReview('year')],
    },
    carried: keep.length,
    done: plan.items.length - keep.length,
  };
}

/**
 * The Biểu 2 a roll starts from: the document's plan when it holds mục IV or V (and no 2018 report table), else
 * undefined (a 2018 plan or report, rolled by year/rollForward).
 */
export function bieu2ToRoll(found: CheckResult): Tt57Plan | undefined {
  const tt57 = found.tt57;
  if (!tt57 || !(tt57.itemTable || tt57.problemTable)) return undefined;
  if (found.tables.some((t) => t.form.kind === 'report')) return undefined;
  return tt57.plan;
}

/**
 * The rolled plan as a whole Biểu 2 (what `ctcl roll` writes and the pane inserts): header and signature from the
 * school profile when there is one, else from the old document's school name, else left to fill by hand.
 */
export function rolledPlanBlocks(
  plan: Tt57Plan,
  opts: { readonly profile?: SchoolProfile; readonly schoolName?: string; readonly date: Plan2026Options['date'] },
): XElement[] {
  const profile = opts.profile ?? (opts.schoolName ? { ...EMPTY_PROFILE, schoolName: opts.schoolName } : undefined);
  return plan2026Blocks(plan, { profile, date: opts.date });
}

/** A 2018 plan or report (rolled by year/rollForward) as a Biểu 2 plan. */
export function planFrom2018(
  result: RollResult,
  schoolType: SchoolType,
  picks: readonly { index: number; assign?: string }[],
): { plan: Tt57Plan; unassigned: number } {
  if (!result.remap) throw new YearError('Chỉ dùng khi chuyển từ các thông tư 2018 sang Thông tư 57/2026.');
  const catalog = getCatalog('2026', schoolType);
  let plan = emptyPlan(schoolType, result.toYear);
  let unassigned = 0;
  for (const p of picks) {
    const c = result.candidates[p.index];
    if (!c) continue;
    const code = p.assign && findCriterion(catalog, p.assign) ? p.assign : undefined;
    const cells = c.cells;
    const texts = {
      goal: cells.goal ?? '',
      activities: cells.activities ?? '',
      indicator: cells.indicator ?? '',
      time: cells.time ?? '',
      owner: cells.owner ?? '',
      resources: cells.resources ?? '',
      evidence: cells.evidence ?? '',
    };
    if (code) {
      let problem = plan.problems.find((x) => x.criteria.length === 1 && x.criteria[0] === code);
      if (!problem) {
        plan = addProblem(plan, { criteria: [code] });
        problem = plan.problems[plan.problems.length - 1];
      }
      plan = addItem(plan, { problems: [problem.id], content: cells.criterion ?? '', ...texts });
    } else {
      unassigned++;
      const hint = c.suggestions.length ? ` Gợi ý: ${c.suggestions.map((s) => s.code).join('; ')}.` : '';
      plan = addItem(plan, {
        content: [`${UNASSIGNED_MARK}${hint}`, cells.criterion ?? ''].filter(Boolean).join('\n'),
        ...texts,
      });
    }
  }
  return { plan, unassigned };
}

/** What «Báo cáo từ kế hoạch» says for a TT57 plan (Vietnamese, several lines). */
export function reviewAdvice(plan: Tt57Plan, date: { year: number; month: number; day: number }): string {
  const due = dueReviews(plan.schoolYear, date);
  const when = due.year ? 'year' : 'term1';
  const draft = reviewDraft(plan, when);
  const written = getReview(plan, when);
  const lines = [
    'Thông tư 57/2026 không có mẫu báo cáo kết quả thực hiện kế hoạch cải tiến riêng. Kết quả được ghi ngay trong kế hoạch (Biểu 2): ' +
      'cột (10) «Mức độ thực hiện» của mục V và hai dòng «Cuối học kỳ I», «Cuối năm học» của bảng theo dõi, đánh giá (mục VI).',
    `Mục V hiện có: ${statusSummary(plan)}`,
    due.term1
      ? `Đã đến kỳ rà soát «${REVIEW_LABELS[when]}»${written.result.trim() ? ' (đã ghi)' : ': hãy ghi dòng này ở mục VI'}.`
      : `Chưa đến kỳ rà soát (cuối học kỳ I tính từ 15/01, cuối năm học từ 31/05 năm ${parseSchoolYear(plan.schoolYear)?.end ?? ''}).`,
  ];
  if (due.term1 && !written.result.trim()) lines.push(`Gợi ý cho cột «Kết quả thực hiện»: ${draft.result}`);
  lines.push(
    'Nếu trường vẫn cần một báo cáo riêng theo mẫu thường dùng, hãy tạo bằng: ctcl new report-2026 (mẫu của trường, không phải mẫu của Thông tư 57).',
  );
  return lines.join('\n');
}
