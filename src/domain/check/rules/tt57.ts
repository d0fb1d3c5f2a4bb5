/**
 * Thông tư 57/2026, Biểu 2: the plan read as problems (mục IV), items (mục V) and reviews (mục VI), judged as the
 * form asks. Column (2) is the school's content: it is never compared with a catalog title.
 *
 * - `problem-without-action`: a mục IV problem no item of mục V serves (by naming its criterion or «Vấn đề n»);
 *   quiet when no item names anything (the links cannot be told then).
 * - `plan-not-focused`: once, when IV and V name (nearly) every criterion — mục III.2.b asks for focus.
 * - `unknown-criterion`: a code (or standard) in IV or V that TT57 does not have for the school type.
 * - `missing-status`, `empty-monitoring`: judged against the document's date (tt57/plan.ts → dueReviews):
 *   from 15/01 of the end year the Cuối học kỳ I row must be written; from 31/05 (or once the Cuối năm học row
 *   is written) the Cuối năm học row and column (10) of every item; before that nothing is missing.
 * - `unassigned-criterion`: items carried over from a 2018 plan still marked «Cần gán tiêu chí…».
 * - `time-outside-year`, `empty-cell` (no activity, time or person responsible) for items.
 */
import { findCriterion, findStandard } from '../../catalog';
import { getForm } from '../../forms';
import { headingText } from '../../table/render';
import { formatSchoolYear, parseSchoolYear } from '../../text';
import { dueReviews, itemCriteria, problemsWithoutItems, REVIEW_LABELS, type Tt57Item } from '../../tt57/plan';
import { readPlan2026, type ReadItem, type ReadPlan2026 } from '../../tt57/read';
import type { Finding } from '../findings';
import { colOf, entryLocation, make, monthsOutsideYear, tableKey, type CheckContext, type Rule } from './shared';

/** The Biểu 2 plan of the checked document, if it has one. */
function planOf(ctx: CheckContext): ReadPlan2026 | undefined {
  return readPlan2026(ctx.tables, { schoolType: ctx.meta.schoolType ?? 'tieu-hoc', schoolYear: ctx.meta.schoolYear ?? '' });
}

const PLAN = getForm('plan-2026');
const heading = (key: string): string => {
  const c = PLAN.columns.find((x) => x.key === key)!;
  return `«${headingText(PLAN, c, '')}»`;
};

function itemName(r: ReadItem): string {
  return `Nội dung cải tiến ${r.tt || r.item.number}`;
}

function criterionOf(read: ReadPlan2026, item: Tt57Item): { criterion?: string } {
  const c = itemCriteria(read.plan, item)[0];
  return c ? { criterion: c } : {};
}

interface Bieu2 {
  readonly read: ReadPlan2026;
  readonly ivKey: string;
  readonly vKey: string;
}

function bieu2(ctx: CheckContext): Bieu2 | undefined {
  const read = planOf(ctx);
  if (!read) return undefined;
  return {
    read,
    ivKey: read.problemTable ? tableKey(ctx, read.problemTable) : 'IV',
    vKey: read.itemTable ? tableKey(ctx, read.itemTable) : 'V',
  };
}

/** `unknown-criterion` in mục IV and V (reported by the criteria family's catalog rule). */
export function unknownCriteria2026(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const b = bieu2(ctx);
  const cat = ctx.catalog?.framework === '2026' ? ctx.catalog : undefined;
  if (!b || !cat) return out;
  const { read, ivKey, vKey } = b;
  const typeName = cat.schoolTypeName.toLowerCase();
  {
    for (const p of read.problems) {
      const std = p.problem.standard;
      if (std !== undefined && !findStandard(cat, std)) {
        out.push(
          make(
            'unknown-criterion',
            'error',
            `Mục IV, vấn đề ${p.tt || read.problems.indexOf(p) + 1}: ${cat.circular.number} không có Tiêu chuẩn ${std} (chỉ có ${cat.standards.length} tiêu chuẩn).`,
            entryLocation(p.table, p, 'standard'),
            [ivKey, p.at.row, `TC${std}`],
          ),
        );
      }
      for (const code of p.problem.criteria.filter((c) => !findCriterion(cat, c))) {
        out.push(
          make(
            'unknown-criterion',
            'error',
            `Mục IV, vấn đề ${p.tt || read.problems.indexOf(p) + 1}: không có tiêu chí ${code} trong ${cat.circular.number} (${typeName}). Các tiêu chí từ 1.1 đến ${cat.standards[cat.standards.length - 1].criteria.slice(-1)[0].code}.`,
            entryLocation(p.table, p, 'criteria'),
            [ivKey, p.at.row, code],
            { criterion: code },
          ),
        );
      }
    }
    for (const r of read.items) {
      for (const code of r.item.criteria.filter((c) => !findCriterion(cat, c))) {
        out.push(
          make(
            'unknown-criterion',
            'error',
            `${itemName(r)} ghi tiêu chí ${code}, nhưng ${cat.circular.number} (${typeName}) không có tiêu chí này. Hãy kiểm tra lại số tiêu chí.`,
            entryLocation(r.table, r),
            [vKey, r.at.row, code],
            { criterion: code },
          ),
        );
      }
    }
  }

  return out;
}

/** `empty-cell`: an item without activity, time or person responsible (reported by the coverage family). */
export function emptyItemCells(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const b = bieu2(ctx);
  if (!b) return out;
  const { read, vKey } = b;
  for (const r of read.items) {
    const required = (['activities', 'time', 'owner'] as const).filter((k) => colOf(r.table, k) !== undefined);
    const empty = required.filter((k) => !r.item[k].trim());
    if (!empty.length) continue;
    out.push(
      make(
        'empty-cell',
        'warning',
        `${itemName(r)}: ${empty.map(heading).join(', ')} còn trống. Hãy ghi đủ hoạt động, thời gian và người phụ trách.`,
        entryLocation(r.table, r, empty[0]),
        [vKey, r.at.row, empty.join(',')],
        criterionOf(read, r.item),
      ),
    );
  }
  return out;
}

/** `time-outside-year` for items (reported by the dates family). */
export function itemTimes(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const b = bieu2(ctx);
  const y = ctx.meta.schoolYear ? parseSchoolYear(ctx.meta.schoolYear) : undefined;
  if (!b || !y) return out;
  const { read, vKey } = b;
  for (const r of read.items) {
    const late = monthsOutsideYear(r.item.time, y);
    if (!late.length) continue;
    out.push(
      make(
        'time-outside-year',
        'info',
        `Thời gian thực hiện của ${itemName(r).toLowerCase()} (${late.map((m) => `${m.month}/${m.year}`).join(', ')}) nằm ngoài năm học ${formatSchoolYear(y)}. Nếu đây là việc nhiều năm, hãy ghi rõ; nếu không, hãy sửa lại.`,
        entryLocation(r.table, r, 'time'),
        [vKey, r.at.row],
        criterionOf(read, r.item),
      ),
    );
  }
  return out;
}

const rules: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  const b = bieu2(ctx);
  if (!b) return out;
  const { read, ivKey, vKey } = b;
  const { plan } = read;
  const cat = ctx.catalog?.framework === '2026' ? ctx.catalog : undefined;

  // problem-without-action: only when items say what they serve.
  const linked = plan.items.some((i) => i.problems.length || i.criteria.length);
  if (linked) {
    const unserved = new Set(problemsWithoutItems(plan).map((p) => p.id));
    for (const p of read.problems.filter((x) => unserved.has(x.problem.id))) {
      const what = p.problem.criteria.length
        ? `tiêu chí ${p.problem.criteria.join(', ')}`
        : p.problem.standard
          ? `Tiêu chuẩn ${p.problem.standard}`
          : 'vấn đề này';
      out.push(
        make(
          'problem-without-action',
          'warning',
          `Mục IV, vấn đề ${p.tt || read.problems.indexOf(p) + 1} (${what}) chưa có nội dung cải tiến nào ở mục V. Hãy thêm nội dung cải tiến cho vấn đề này (ghi «Tiêu chí x.y» hoặc «Vấn đề ${p.tt || read.problems.indexOf(p) + 1}» ở cột (2)), hoặc bỏ vấn đề khỏi mục IV.`,
          entryLocation(p.table, p, p.problem.criteria.length ? 'criteria' : 'standard'),
          [ivKey, p.at.row],
          p.problem.criteria[0] ? { criterion: p.problem.criteria[0] } : {},
        ),
      );
    }
  }

  // plan-not-focused: (nearly) every criterion named in IV and V.
  if (cat) {
    const all = cat.standards.flatMap((s) => s.criteria.map((c) => c.code));
    const named = new Set([...plan.problems.flatMap((p) => p.criteria), ...plan.items.flatMap((i) => itemCriteria(plan, i))]);
    const covered = all.filter((c) => named.has(c)).length;
    if (all.length >= 10 && covered >= all.length - 2) {
      const at = read.itemTable ?? read.problemTable!;
      out.push(
        make(
          'plan-not-focused',
          'warning',
          `Kế hoạch có nội dung cho ${covered}/${all.length} tiêu chí. Biểu 2 (mục III.2.b) yêu cầu không xây dựng kế hoạch cải tiến đối với toàn bộ tiêu chí mà tập trung vào các vấn đề ưu tiên. Hãy chọn các vấn đề trọng tâm.`,
          { table: at.parts[0].index },
          [tableKey(ctx, at)],
        ),
      );
    }
  }

  // unassigned-criterion.
  for (const r of read.items.filter((x) => x.unassigned)) {
    out.push(
      make(
        'unassigned-criterion',
        'warning',
        `${itemName(r)} được chuyển từ kế hoạch theo các thông tư 2018 và chưa gán tiêu chí theo Thông tư 57/2026. Hãy ghi tiêu chí (ví dụ «Tiêu chí 1.3: …») ở cột (2) và xóa dòng nhắc «Cần gán tiêu chí…».`,
        entryLocation(r.table, r),
        [vKey, r.at.row],
      ),
    );
  }

  // missing-status and empty-monitoring, against the document's date.
  const due = ctx.meta.schoolYear ? dueReviews(ctx.meta.schoolYear, ctx.asOf) : { term1: false, year: false };
  const yearRow = read.reviews.find((r) => r.review.when === 'year');
  const yearWritten = !!yearRow && [yearRow.review.result, yearRow.review.content].some((t) => t.trim());
  if ((due.year || yearWritten) && read.itemTable && colOf(read.itemTable, 'status') !== undefined) {
    for (const r of read.items.filter((x) => !x.item.status.trim())) {
      out.push(
        make(
          'missing-status',
          'error',
          `${itemName(r)}: ${due.year ? 'sau cuối năm học' : 'đã có đánh giá cuối năm học'} phải ghi cột (10) «Mức độ thực hiện» (ví dụ Hoàn thành / Đang thực hiện / Chưa hoàn thành).`,
          entryLocation(r.table, r, 'status'),
          [vKey, r.at.row],
          criterionOf(read, r.item),
        ),
      );
    }
  }
  const reviewTable = read.reviewTable;
  for (const when of ['term1', 'year'] as const) {
    const label = REVIEW_LABELS[when];
    const row = read.reviews.find((r) => r.review.when === when);
    if (!reviewTable) {
      if (!due[when] || !read.itemTable) continue;
      // Only the last review due is reported when the whole table is missing.
      if (when === 'term1' && due.year) continue;
      out.push(
        make(
          'empty-monitoring',
          'error',
          `Kế hoạch không có bảng theo dõi, đánh giá (mục VI) mà đã đến kỳ rà soát «${label}». Biểu 2 yêu cầu rà soát ít nhất cuối học kỳ I và cuối năm học.`,
          { table: read.itemTable.parts[0].index },
          [vKey, 'VI', when],
        ),
      );
      continue;
    }
    if (!row) {
      out.push(
        make(
          'empty-monitoring',
          'error',
          `Bảng theo dõi (mục VI) thiếu dòng «${label}». Thông tư 57 yêu cầu rà soát ít nhất cuối học kỳ I và cuối năm học.`,
          { table: reviewTable.parts[0].index },
          [tableKey(ctx, reviewTable), label],
        ),
      );
      continue;
    }
    if (!due[when]) continue;
    const form = reviewTable.form;
    const empty = form.columns.filter(
      (c) => c.required && colOf(reviewTable, c.key) !== undefined && !(row.review[c.key as 'content'] ?? '').trim(),
    );
    if (!empty.length) continue;
    out.push(
      make(
        'empty-monitoring',
        'warning',
        `Dòng «${label}» của bảng theo dõi (mục VI) chưa ghi ${empty.map((c) => `«${c.heading}»`).join(', ')}. Đã đến kỳ rà soát: hãy ghi kết quả rà soát.`,
        { table: row.at.table, row: row.at.row, column: colOf(reviewTable, empty[0].key) },
        [tableKey(ctx, reviewTable), label],
      ),
    );
  }
  return out;
};

export const TT57_RULES: readonly Rule[] = [
  {
    id: 'tt57-plan',
    family: 'tt57',
    reports: ['problem-without-action', 'plan-not-focused', 'unassigned-criterion', 'missing-status', 'empty-monitoring'],
    run: rules,
  },
];
