/**
 * Years and dates: the framework of the school year, the years in titles and headings, the date of the document, the times planned.
 */
import { refKey } from '../../table/model';
import { criterionEntries } from '../../table/recognise';
import { formatSchoolYear, parseSchoolYear, type SchoolYear } from '../../text';
import type { Finding } from '../findings';
import { itemTimes } from './tt57';
import { entryLocation, make, monthsOutsideYear, name, tableKey, type Rule } from './shared';

const framework: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  const fw = ctx.meta.framework;
  if (!fw) return out;
  for (const rec of ctx.tables) {
    if (rec.form.framework === fw) continue;
    const year = ctx.meta.schoolYear;
    out.push(
      make(
        'framework-mismatch',
        'error',
        fw === '2026'
          ? `Năm học ${year ?? ''} áp dụng Thông tư 57/2026 (4 tiêu chuẩn, Mức 1–2) nhưng bảng dùng mẫu theo Thông tư 17, 18, 19/2018. Hãy chuyển sang mẫu ${fw === '2026' ? 'Biểu 2 của Thông tư 57' : ''}.`
          : `Năm học ${year ?? ''} còn áp dụng các thông tư 2018 nhưng bảng dùng mẫu của Thông tư 57/2026. Hãy kiểm tra lại năm học hoặc mẫu bảng.`,
        { table: rec.parts[0].index, row: 0 },
        [tableKey(ctx, rec)],
      ),
    );
  }
  return out;
};

const years: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  const m = ctx.meta;
  const title = m.titleYears[0];
  const fmt = (y: SchoolYear): string => formatSchoolYear(y);
  for (const rec of ctx.tables) {
    for (const y of rec.headingYears) {
      if (title && (y.start !== title.start || y.end !== title.end)) {
        out.push(
          make(
            'year-mismatch',
            'error',
            `Tiêu đề cột ghi năm học ${fmt(y)} nhưng tên văn bản ghi năm học ${fmt(title)}. Hãy sửa cho thống nhất.`,
            { table: rec.parts[0].index, row: 0 },
            [tableKey(ctx, rec), 'heading'],
          ),
        );
      }
    }
  }
  const yearOf = title ?? m.headingYears[0];
  if (!yearOf) return out;
  if (m.planDate && m.documentKind === 'report') {
    const planYear = m.planDate.month >= 4 ? m.planDate.year : m.planDate.year - 1;
    if (planYear !== yearOf.start) {
      out.push(
        make(
          'year-mismatch',
          'warning',
          `Kế hoạch được dẫn chiếu đề ngày ${m.planDate.day}/${m.planDate.month}/${m.planDate.year}, không thuộc năm học ${fmt(yearOf)} của báo cáo. Hãy kiểm tra lại.`,
          {},
          ['plan-date'],
        ),
      );
    }
  }
  const d = m.date;
  if (d) {
    const months = (d.year - yearOf.start) * 12 + d.month; // months since January of the start year
    const report = m.documentKind === 'report';
    // A report is written from the end of term I (December) to the end of the calendar year after;
    // a plan from spring before the year starts to the middle of the year. A Biểu 2 plan (TT57) carries its own
    // reviews (column (10), mục VI), so it is dated again up to the end of the school year (August).
    const bieu2 = ctx.tables.some((t) => t.form.id === 'plan-2026' || t.form.id === 'monitoring-2026');
    const ok = report ? months >= 12 && months <= 24 : months >= 4 && months <= (bieu2 ? 20 : 15);
    if (!ok) {
      out.push(
        make(
          'year-mismatch',
          'warning',
          report
            ? `Báo cáo đề ngày ${d.day}/${d.month}/${d.year}, ${months < 12 ? 'trước khi' : 'sau khi'} năm học ${fmt(yearOf)} ${months < 12 ? 'có kết quả để báo cáo' : 'kết thúc khá lâu'}. Hãy kiểm tra lại ngày tháng hoặc năm học.`
            : `Kế hoạch đề ngày ${d.day}/${d.month}/${d.year}, không khớp với năm học ${fmt(yearOf)}. Hãy kiểm tra lại ngày tháng hoặc năm học.`,
          {},
          ['date'],
        ),
      );
    }
  }
  return out;
};

const planTimes: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  const y = ctx.meta.schoolYear ? parseSchoolYear(ctx.meta.schoolYear) : undefined;
  if (!y) return out;
  // Biểu 2 items are judged by the tt57 rules.
  for (const rec of ctx.tables.filter((t) => t.form.kind === 'plan' && t.form.id !== 'plan-2026')) {
    const timeCol = rec.form.columns.find((c) => c.key === 'timeline' || c.key === 'time');
    if (!timeCol) continue;
    for (const e of criterionEntries(rec)) {
      const late = monthsOutsideYear(e.cells[timeCol.key] ?? '', y);
      if (!late.length) continue;
      out.push(
        make(
          'time-outside-year',
          'info',
          `Thời gian thực hiện của ${name(e).toLowerCase()} (${late.map((m) => `${m.month}/${m.year}`).join(', ')}) nằm ngoài năm học ${formatSchoolYear(y)}. Nếu đây là việc nhiều năm, hãy ghi rõ; nếu không, hãy sửa lại.`,
          entryLocation(rec, e, timeCol.key),
          [tableKey(ctx, rec), refKey(e.ref), e.level],
          { criterion: refKey(e.ref) },
        ),
      );
    }
  }
  return [...out, ...itemTimes(ctx)];
};

export const DATES_RULES: readonly Rule[] = [
  { id: 'framework', family: 'dates', reports: ['framework-mismatch'], run: framework },
  { id: 'years', family: 'dates', reports: ['year-mismatch'], run: years },
  { id: 'plan-times', family: 'dates', reports: ['time-outside-year'], run: planTimes },
];
