/**
 * Thông tư 57/2026: the year-end status column of the plan and the monitoring table (mục VI).
 */
import { refKey } from '../../table/model';
import { fold, parseSchoolYear } from '../../text';
import type { Finding } from '../findings';
import { colOf, entryLocation, make, name, tableKey, type CheckContext, type Rule } from './shared';

/** End of term I and end of year as month counts from January of the start year. */
function termsPassed(ctx: CheckContext): { term1: boolean; year: boolean } | undefined {
  const y = ctx.meta.schoolYear ? parseSchoolYear(ctx.meta.schoolYear) : undefined;
  if (!y) return undefined;
  const now = (ctx.asOf.year - y.start) * 12 + ctx.asOf.month;
  return { term1: now >= 13, year: now >= 17 }; // from January and from May of the end year
}

const tt57: Rule['run'] = (ctx) => {
  const out: Finding[] = [];
  const passed = termsPassed(ctx);
  const monitoring = ctx.tables.filter((t) => t.form.id === 'monitoring-2026');
  const yearEndRecorded = monitoring.some((m) =>
    m.entries.some((e) => e.kind === 'fixed' && /cuoi nam/.test(fold(e.label)) && Object.values(e.cells).some((v) => v.trim())),
  );
  for (const rec of ctx.tables.filter((t) => t.form.id === 'plan-2026')) {
    if (!(passed?.year || yearEndRecorded)) continue;
    const statusCol = rec.form.columns.find((c) => c.status)!;
    if (!rec.columns.some((m) => m.key === statusCol.key)) continue;
    for (const e of rec.entries) {
      if (e.kind !== 'criterion' && e.kind !== 'item') continue;
      if ((e.cells[statusCol.key] ?? '').trim()) continue;
      const label = e.kind === 'criterion' ? name(e) : `Dòng ${e.at.row + 1}`;
      out.push(
        make(
          'missing-status',
          'error',
          `${label}: cuối năm học phải ghi cột (10) «Mức độ thực hiện» (ví dụ Hoàn thành / Đang thực hiện / Chưa hoàn thành).`,
          entryLocation(rec, e, statusCol.key),
          [tableKey(ctx, rec), e.kind === 'criterion' ? refKey(e.ref) : `row${e.at.row}`],
          e.kind === 'criterion' ? { criterion: refKey(e.ref) } : {},
        ),
      );
    }
  }
  for (const rec of monitoring) {
    const fixed = rec.entries.filter((e): e is Extract<typeof e, { kind: 'fixed' }> => e.kind === 'fixed');
    for (const [label, due] of [
      ['Cuối học kỳ I', passed?.term1],
      ['Cuối năm học', passed?.year],
    ] as const) {
      const row = fixed.find((e) => fold(e.label).startsWith(fold(label)));
      if (!row) {
        out.push(
          make(
            'empty-monitoring',
            'error',
            `Bảng theo dõi (mục VI) thiếu dòng «${label}». Thông tư 57 yêu cầu rà soát ít nhất cuối học kỳ I và cuối năm học.`,
            { table: rec.parts[0].index },
            [tableKey(ctx, rec), label],
          ),
        );
        continue;
      }
      if (!due) continue;
      const empty = rec.form.columns.filter((c) => c.required && !(row.cells[c.key] ?? '').trim());
      if (!empty.length) continue;
      out.push(
        make(
          'empty-monitoring',
          'warning',
          `Dòng «${label}» của bảng theo dõi (mục VI) chưa ghi ${empty.map((c) => `«${c.heading}»`).join(', ')}. Hãy ghi kết quả rà soát.`,
          { table: row.at.table, row: row.at.row, column: colOf(rec, empty[0].key) },
          [tableKey(ctx, rec), label],
        ),
      );
    }
  }
  return out;
};

export const TT57_RULES: readonly Rule[] = [
  { id: 'tt57-status-monitoring', family: 'tt57', reports: ['missing-status', 'empty-monitoring'], run: tt57 },
];
