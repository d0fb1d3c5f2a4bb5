/**
 * Plan templates: the rows of a plan saved as versioned JSON, kept in the document and shared as a
 * file (a district office can give schools a starting template). A newer, unknown version is refused
 * with a clear message rather than half-read.
 */
import { invalidYearMessage } from '../vocabulary';
import { findCatalog, isFramework, isSchoolType, type Framework, type Level, type SchoolType } from '../catalog';
import { formFor, isFormId, type FormId } from '../forms';
import { layoutRows, parseRef, refKey, validateRef, type TableSpec } from '../table/model';
import { criterionEntries, type RecognisedTable } from '../table/recognise';
import type { PlanSource } from '../check/rules';
import { parseSchoolYear } from '../text';
import { shiftYears } from './index';
import { UserError } from '../errors';

export const TEMPLATE_SCHEMA = 'ctcl/plan-template';
export const TEMPLATE_VERSION = 1;

export interface TemplateRow {
  /** "1.3", or "M4.2" for a Mức 4 item. */
  readonly criterion: string;
  readonly level?: Level;
  /** Cell texts by column key of the template's form. */
  readonly cells: Readonly<Record<string, string>>;
}

export interface PlanTemplate {
  readonly schema: typeof TEMPLATE_SCHEMA;
  readonly version: typeof TEMPLATE_VERSION;
  readonly name: string;
  readonly description?: string;
  /** ISO date-time. */
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly framework: Framework;
  readonly form: FormId;
  readonly schoolType?: SchoolType;
  /** The school year the texts were written for (dates in them move with the year on use). */
  readonly schoolYear?: string;
  readonly rows: readonly TemplateRow[];
}

export class TemplateError extends UserError {
  constructor(message: string) {
    super('template', message);
  }
}

/** A template from a plan table. */
export function templateFromTable(
  rec: RecognisedTable,
  meta: { name: string; description?: string; schoolType?: SchoolType; schoolYear?: string; createdBy?: string; now?: Date },
): PlanTemplate {
  if (rec.form.kind !== 'plan') throw new TemplateError('Chỉ lưu được mẫu từ bảng kế hoạch.');
  const rows: TemplateRow[] = criterionEntries(rec).map((e) => {
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.cells)) if (v) cells[k] = v;
    return { criterion: refKey(e.ref), ...(e.level ? { level: e.level } : {}), cells };
  });
  if (!rows.length) throw new TemplateError('Bảng kế hoạch chưa có dòng tiêu chí nào để lưu làm mẫu.');
  const name = meta.name.trim();
  if (!name) throw new TemplateError('Hãy đặt tên cho mẫu.');
  return {
    schema: TEMPLATE_SCHEMA,
    version: TEMPLATE_VERSION,
    name,
    ...(meta.description?.trim() ? { description: meta.description.trim() } : {}),
    createdAt: (meta.now ?? new Date()).toISOString(),
    ...(meta.createdBy?.trim() ? { createdBy: meta.createdBy.trim() } : {}),
    framework: rec.form.framework,
    form: rec.form.id,
    ...(meta.schoolType ? { schoolType: meta.schoolType } : {}),
    ...(meta.schoolYear ? { schoolYear: meta.schoolYear } : {}),
    rows,
  };
}

export function serializeTemplate(t: PlanTemplate): string {
  return JSON.stringify(t, null, 2) + '\n';
}

function fail(why: string): never {
  throw new TemplateError(`Tệp mẫu không hợp lệ: ${why}`);
}

/** Read and validate a template (JSON text or an already parsed value). */
export function parseTemplate(input: string | unknown): PlanTemplate {
  let v: unknown = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input.replace(/^\ufeff/, ''));
    } catch {
      throw new TemplateError('Tệp mẫu không đọc được: không phải JSON hợp lệ.');
    }
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail('nội dung không phải một mẫu.');
  const o = v as Record<string, unknown>;
  if (o.schema !== TEMPLATE_SCHEMA) throw new TemplateError('Tệp này không phải mẫu kế hoạch của ctcl.');
  if (typeof o.version !== 'number' || !Number.isInteger(o.version) || o.version < 1) fail('thiếu số phiên bản.');
  if (o.version > TEMPLATE_VERSION) {
    throw new TemplateError(
      `Mẫu này được tạo bằng phiên bản ctcl mới hơn (định dạng mẫu ${o.version}; bản này đọc được đến ${TEMPLATE_VERSION}). Hãy cập nhật ctcl rồi mở lại mẫu.`,
    );
  }
  if (typeof o.name !== 'string' || !o.name.trim()) fail('thiếu tên mẫu.');
  if (!isFramework(o.framework)) fail('bộ tiêu chuẩn không hợp lệ.');
  if (!isFormId(o.form) || formFor('plan', o.framework)?.id !== o.form)
    fail('mẫu bảng không phải bảng kế hoạch của bộ tiêu chuẩn này.');
  if (o.schoolType !== undefined && !isSchoolType(o.schoolType)) fail('loại trường không hợp lệ.');
  if (o.schoolYear !== undefined && (typeof o.schoolYear !== 'string' || !parseSchoolYear(o.schoolYear)))
    fail('năm học không hợp lệ.');
  if (typeof o.createdAt !== 'string') fail('thiếu ngày tạo.');
  if (!Array.isArray(o.rows) || !o.rows.length) fail('mẫu không có dòng nào.');
  const catalog = o.schoolType ? findCatalog(o.framework, o.schoolType as SchoolType) : undefined;
  const rows: TemplateRow[] = o.rows.map((r: unknown, i: number) => {
    if (!r || typeof r !== 'object') fail(`dòng ${i + 1} không hợp lệ.`);
    const row = r as Record<string, unknown>;
    const ref = typeof row.criterion === 'string' ? parseRef(row.criterion) : undefined;
    if (!ref) fail(`dòng ${i + 1}: mã tiêu chí «${String(row.criterion)}» không hợp lệ.`);
    const level = row.level;
    if (level !== undefined && level !== 1 && level !== 2 && level !== 3) fail(`dòng ${i + 1}: mức không hợp lệ.`);
    if (catalog) {
      const why = validateRef(catalog, ref, level as Level | undefined);
      if (why) fail(`dòng ${i + 1}: ${why}`);
    }
    const cells: Record<string, string> = {};
    if (row.cells !== undefined) {
      if (!row.cells || typeof row.cells !== 'object' || Array.isArray(row.cells))
        fail(`dòng ${i + 1}: nội dung ô không hợp lệ.`);
      for (const [k, val] of Object.entries(row.cells as Record<string, unknown>)) {
        if (typeof val !== 'string') fail(`dòng ${i + 1}: ô «${k}» không phải văn bản.`);
        cells[k] = val;
      }
    }
    return { criterion: refKey(ref), ...(level ? { level: level as Level } : {}), cells };
  });
  return {
    schema: TEMPLATE_SCHEMA,
    version: TEMPLATE_VERSION,
    name: o.name.trim(),
    ...(typeof o.description === 'string' && o.description.trim() ? { description: o.description } : {}),
    createdAt: o.createdAt,
    ...(typeof o.createdBy === 'string' ? { createdBy: o.createdBy } : {}),
    framework: o.framework,
    form: o.form,
    ...(o.schoolType ? { schoolType: o.schoolType as SchoolType } : {}),
    ...(o.schoolYear ? { schoolYear: o.schoolYear as string } : {}),
    rows,
  };
}

/** This year's plan table from a template: texts kept, dates moved to the new year. */
export function specFromTemplate(t: PlanTemplate, opts: { schoolType: SchoolType; schoolYear: string }): TableSpec {
  const catalog = findCatalog(t.framework, opts.schoolType);
  if (!catalog) throw new TemplateError('Mẫu này không dùng được cho loại trường đã chọn.');
  const to = parseSchoolYear(opts.schoolYear);
  const from = t.schoolYear ? parseSchoolYear(t.schoolYear) : undefined;
  if (!to) throw new TemplateError(invalidYearMessage(opts.schoolYear));
  const delta = from ? to.start - from.start : 0;
  const items = t.rows.map((r) => {
    const ref = parseRef(r.criterion)!;
    const why = validateRef(catalog, ref, r.level);
    if (why) throw new TemplateError(`Mẫu có tiêu chí không dùng được cho trường này: ${why}`);
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.cells)) cells[k] = delta ? shiftYears(v, delta) : v;
    return { ref, level: r.level, cells };
  });
  return {
    form: t.form,
    framework: t.framework,
    schoolType: opts.schoolType,
    schoolYear: opts.schoolYear,
    groupByLevel: false,
    rows: layoutRows(t.form, catalog, items),
  };
}

/** A template as the plan a report is checked against. */
export function planSourceFromTemplate(t: PlanTemplate): PlanSource {
  const form = formFor('plan', t.framework)!;
  const content = form.columns.find((c) => c.planContent)?.key ?? '';
  return {
    origin: 'template',
    name: t.name,
    items: t.rows.map((r) => ({ ref: parseRef(r.criterion)!, level: r.level, content: r.cells[content] ?? '' })),
  };
}
