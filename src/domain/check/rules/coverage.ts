/**
 * Is everything filled in and reported: results of a report, plan cells, criteria planned but not reported (and the reverse).
 */
import type { ColumnDef } from '../../forms';
import { refKey } from '../../table/model';
import { criterionEntries, type CriterionEntry, type RecognisedTable } from '../../table/recognise';
import type { Finding } from '../findings';
import { emptyItemCells } from './tt57';
import { schoolKey } from '../pairing';
import { entryLocation, make, name, tableKey, type CheckContext, type Rule } from './shared';

const resultColumns = (rec: RecognisedTable): ColumnDef[] =>
  rec.form.columns.filter((c) => c.result && rec.columns.some((m) => m.key === c.key));

const emptyResult: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  for (const rec of ctx.tables.filter((t) => t.form.kind === 'report')) {
    const results = resultColumns(rec);
    if (!results.length) continue;
    for (const e of criterionEntries(rec)) {
      if (results.some((c) => (e.cells[c.key] ?? '').trim())) continue;
      out.push(
        make(
          'empty-result',
          'error',
          `${name(e)} chưa có kết quả thực hiện: các cột «đã triển khai xong», «đang triển khai», «chưa triển khai» đều trống. Hãy ghi kết quả (nếu chưa làm, ghi vào cột «chưa triển khai» và nêu lý do).`,
          entryLocation(rec, e, results[0].key),
          [tableKey(ctx, rec), refKey(e.ref), e.level],
          { criterion: refKey(e.ref) },
        ),
      );
    }
  }
  return out;
};

function reportedRefs(ctx: CheckContext): CriterionEntry[] {
  return ctx.tables.filter((t) => t.form.kind === 'report').flatMap(criterionEntries);
}

const planVsReport: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  const plan = ctx.plan;
  const report = ctx.tables.find((t) => t.form.kind === 'report');
  if (!plan || !report) return out;
  const reported = reportedRefs(ctx);
  // A plan of another school or year: say so, and the criteria it lists are no longer sure to be missing.
  const otherSchool =
    plan.origin !== 'document' &&
    !!plan.schoolName &&
    !!ctx.meta.schoolName &&
    schoolKey(plan.schoolName) !== schoolKey(ctx.meta.schoolName);
  const otherYear =
    plan.origin !== 'document' && !!plan.schoolYear && !!ctx.meta.schoolYear && plan.schoolYear !== ctx.meta.schoolYear;
  if (otherSchool || otherYear) {
    const differs = [
      ...(otherSchool ? [`của «${plan.schoolName}», báo cáo của «${ctx.meta.schoolName}»`] : []),
      ...(otherYear ? [`năm học ${plan.schoolYear}, báo cáo năm học ${ctx.meta.schoolYear}`] : []),
    ];
    out.push(
      make(
        'plan-mismatch',
        'warning',
        `Kế hoạch «${plan.name}» ${differs.join('; ')}. Có thể đã chọn nhầm kế hoạch: các tiêu chí «có trong kế hoạch nhưng không có trong báo cáo» dưới đây chưa chắc đúng. Hãy đối chiếu với kế hoạch của chính trường, cùng năm học.`,
        {},
        [tableKey(ctx, report)],
      ),
    );
  }
  const mismatch = otherSchool || otherYear;
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const item of plan.items) {
    const key = refKey(item.ref);
    if (seen.has(key)) continue;
    seen.add(key);
    if (reported.some((e) => refKey(e.ref) === key)) continue;
    missing.push(key);
  }
  const where = plan.origin === 'document' ? 'kế hoạch trong tài liệu này' : `kế hoạch «${plan.name}»`;
  for (const key of missing) {
    const label = key.startsWith('M4.') ? `Tiêu chí ${key.slice(3)} (Mức 4)` : `Tiêu chí ${key}`;
    out.push(
      make(
        'unreported-criterion',
        mismatch ? 'warning' : 'error',
        `${label} có trong ${where} nhưng không có trong báo cáo. Hãy thêm dòng báo cáo kết quả cho tiêu chí này.`,
        { table: report.parts[0].index },
        [tableKey(ctx, report), key],
        { criterion: key, fix: { kind: 'add-planned-rows', codes: missing }, fixLabel: 'Thêm các tiêu chí còn thiếu' },
      ),
    );
  }
  const planned = new Set(plan.items.map((i) => refKey(i.ref)));
  const reportedOnce = new Set<string>();
  for (const e of reported) {
    const key = refKey(e.ref);
    if (planned.has(key) || reportedOnce.has(key)) continue;
    reportedOnce.add(key);
    out.push(
      make(
        'unplanned-criterion',
        'info',
        `${name(e)} có trong báo cáo nhưng không có trong ${where}. Nếu kế hoạch đã được điều chỉnh, hãy ghi rõ ở cột «đã được điều chỉnh».`,
        entryLocation(report, e),
        [tableKey(ctx, report), key],
        { criterion: key },
      ),
    );
  }
  return out;
};

const emptyCells: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  // Biểu 2 items are judged by the tt57 rules.
  for (const rec of ctx.tables.filter((t) => t.form.kind === 'plan' && t.form.id !== 'plan-2026')) {
    const required = rec.form.columns.filter((c) => c.required && rec.columns.some((m) => m.key === c.key));
    for (const e of criterionEntries(rec)) {
      const empty = required.filter((c) => !(e.cells[c.key] ?? '').trim());
      // A row with nothing typed yet is an unfinished draft, reported once rather than cell by cell.
      if (!empty.length) continue;
      const all = empty.length === required.length;
      out.push(
        make(
          'empty-cell',
          'warning',
          all
            ? `${name(e)} chưa có nội dung kế hoạch. Hãy ghi ${required.map((c) => `«${c.heading}»`).join(', ')}.`
            : `${name(e)}: ${empty.map((c) => `«${c.heading}»`).join(', ')} còn trống. Hãy ghi đủ trước khi gửi.`,
          entryLocation(rec, e, empty[0].key),
          [tableKey(ctx, rec), refKey(e.ref), e.level, empty.map((c) => c.key).join(',')],
          { criterion: refKey(e.ref) },
        ),
      );
    }
  }
  return [...out, ...emptyItemCells(ctx)];
};

export const COVERAGE_RULES: readonly Rule[] = [
  { id: 'empty-result', family: 'coverage', reports: ['empty-result'], run: emptyResult },
  {
    id: 'plan-vs-report',
    family: 'coverage',
    reports: ['plan-mismatch', 'unreported-criterion', 'unplanned-criterion'],
    run: planVsReport,
  },
  { id: 'empty-cells', family: 'coverage', reports: ['empty-cell'], run: emptyCells },
];
