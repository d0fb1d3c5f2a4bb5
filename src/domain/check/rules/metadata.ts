/**
 * What the checker could not work out about the document (its school type).
 */
import { make, type Rule } from './shared';

const schoolType: Rule['run'] = (ctx) =>
  ctx.meta.schoolType || !ctx.tables.some((t) => t.form.sections !== 'none')
    ? []
    : [
        make(
          'unknown-school-type',
          'info',
          'Không xác định được loại trường (mầm non, tiểu học, THCS/THPT, GDTX) nên chưa đối chiếu được các tiêu chí với bộ tiêu chí. Hãy chọn loại trường rồi kiểm tra lại.',
          {},
          [],
        ),
      ];

export const METADATA_RULES: readonly Rule[] = [
  { id: 'school-type', family: 'metadata', reports: ['unknown-school-type'], run: schoolType },
];
