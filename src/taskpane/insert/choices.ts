/**
 * What the "Chèn bảng" screen asks for, and everything that follows from it: the framework (from the
 * school year, or chosen by hand), the catalog, the form, validation messages and the TableSpec.
 * Pure: no React, no DOM, so it is tested in Node. The catalog comes from the caller (the pane loads it
 * on demand, src/taskpane/insert/catalogs.ts): until it is there, `loading` is set and there is no spec.
 */
import { YEAR_FIELD_ERROR } from '../../domain/vocabulary';
import {
  allCriteria,
  CATALOG_SCHOOL_TYPES,
  currentSchoolYear,
  frameworkForYear,
  type Catalog,
  type Framework,
  type SchoolType,
} from '../../domain/catalog/base';
import { FORMS, formFor, formsOf, type FormId, type TableForm } from '../../domain/forms';
import {
  initialRows,
  parseRef,
  refKey,
  validateRef,
  type CriterionRef,
  type StartWith,
  type TableSpec,
} from '../../domain/table/model';
import { formatSchoolYear, parseSchoolYear, type SchoolYear } from '../../domain/text';

export interface InsertChoices {
  readonly schoolType: SchoolType;
  /** As typed; validated with parseSchoolYear. */
  readonly schoolYear: string;
  /** A framework chosen by hand; undefined: follow the school year. */
  readonly frameworkOverride?: Framework;
  readonly formId: FormId;
  readonly start: StartWith;
  /** refKey()s of the ticked criteria and Mức 4 items ("1.3", "M4.2"). */
  readonly selected: readonly string[];
  readonly groupByLevel: boolean;
}

export function defaultChoices(now = new Date()): InsertChoices {
  const schoolYear = currentSchoolYear(now);
  const framework = frameworkForYear(schoolYear);
  return {
    schoolType: 'tieu-hoc',
    schoolYear,
    formId: formsOf(framework)[0].id,
    start: 'skeleton',
    selected: [],
    groupByLevel: false,
  };
}

interface Derived {
  /** The parsed school year, when valid. */
  readonly year?: SchoolYear;
  /** The year in canonical form (2025-2026), or the raw text when invalid. */
  readonly yearText: string;
  /** The framework the year calls for, when the year is valid. */
  readonly autoFramework?: Framework;
  readonly framework: Framework;
  readonly schoolTypes: readonly SchoolType[];
  readonly catalog?: Catalog;
  /** The framework has a catalog for the school type, but it is not loaded yet. */
  readonly loading: boolean;
  readonly forms: readonly TableForm[];
  /** The form actually used: the chosen one, or the same kind in the current framework. */
  readonly form: TableForm;
  /** Whether the "start with" choice applies (not for the monitoring table, whose rows are fixed). */
  readonly hasStartChoice: boolean;
  /** Whether "Chia theo mức" applies (TT57 plan and report). */
  readonly hasGroupByLevel: boolean;
  /** The ticked references that exist in the current catalog and form. */
  readonly selectedRefs: readonly CriterionRef[];
  readonly errors: {
    readonly year?: string;
    readonly schoolType?: string;
    readonly criteria?: string;
  };
  /** Ready to insert when every check passes. */
  readonly spec?: TableSpec;
  /** Number of criterion rows the table will start with. */
  readonly criterionRows: number;
}

/** A loaded catalog, or undefined when it is not (yet) there. */
type CatalogLookup = (framework: Framework, schoolType: SchoolType) => Catalog | undefined;

export function derive(c: InsertChoices, catalogOf: CatalogLookup): Derived {
  const year = parseSchoolYear(c.schoolYear);
  const yearText = year ? formatSchoolYear(year) : c.schoolYear.trim();
  const autoFramework = year ? frameworkForYear(year) : undefined;
  const framework = c.frameworkOverride ?? autoFramework ?? frameworkForYear(currentSchoolYear());
  const schoolTypes = CATALOG_SCHOOL_TYPES[framework];
  const available = schoolTypes.includes(c.schoolType);
  const catalog = available ? catalogOf(framework, c.schoolType) : undefined;
  const loading = available && !catalog;
  const forms = formsOf(framework);
  const chosen = FORMS[c.formId];
  const form = chosen.framework === framework ? chosen : (formFor(chosen.kind, framework) ?? forms[0]);
  const hasStartChoice = form.sections !== 'none';
  const hasGroupByLevel = form.sections === 'levels-2026';

  const errors: { year?: string; schoolType?: string; criteria?: string } = {};
  if (!year) {
    errors.year = c.schoolYear.trim() ? YEAR_FIELD_ERROR : 'Hãy nhập năm học, ví dụ 2025-2026.';
  }
  if (!available) {
    errors.schoolType =
      framework === '2018'
        ? 'Các thông tư năm 2018 không có bộ tiêu chí cho giáo dục thường xuyên. Hãy chọn Thông tư 57/2026 hoặc loại trường khác.'
        : 'Bộ tiêu chuẩn này chưa có tiêu chí cho loại trường đã chọn.';
  }

  const selectedRefs: CriterionRef[] = [];
  if (catalog) {
    for (const key of c.selected) {
      const ref = parseRef(key);
      if (!ref || validateRef(catalog, ref)) continue;
      if (ref.level4 && form.sections !== 'levels-2018') continue;
      selectedRefs.push(ref);
    }
  }
  const start: StartWith = hasStartChoice ? c.start : 'skeleton';
  if (start === 'selected' && !selectedRefs.length) {
    errors.criteria = 'Hãy đánh dấu ít nhất một tiêu chí, hoặc chọn «Chỉ các dòng mức và tiêu chuẩn».';
  }

  let spec: TableSpec | undefined;
  let criterionRows = 0;
  if (year && catalog && !errors.criteria) {
    const groupByLevel = hasGroupByLevel && c.groupByLevel;
    const rows = initialRows(form, catalog, { start, selected: selectedRefs, groupByLevel });
    criterionRows = rows.filter((r) => r.kind === 'criterion').length;
    spec = { form: form.id, framework, schoolType: c.schoolType, schoolYear: yearText, groupByLevel, rows };
  }
  return {
    year,
    yearText,
    autoFramework,
    framework,
    schoolTypes,
    catalog,
    loading,
    forms,
    form,
    hasStartChoice,
    hasGroupByLevel,
    selectedRefs,
    errors,
    spec,
    criterionRows,
  };
}

/** Every reference a catalog offers for ticking: its criteria, then (2018) its Mức 4 items. */
export function allRefKeys(catalog: Catalog, withLevel4: boolean): string[] {
  const keys = allCriteria(catalog).map((c) => refKey({ code: c.code }));
  if (withLevel4) for (const i of catalog.level4) keys.push(refKey({ code: i.code, level4: true }));
  return keys;
}

/** Toggle keys in a selection, keeping its order stable. */
export function toggleKeys(selected: readonly string[], keys: readonly string[], on: boolean): string[] {
  const set = new Set(selected);
  for (const k of keys) {
    if (on) set.add(k);
    else set.delete(k);
  }
  return [...set];
}

/** Unverified notes of the criteria of a catalog, as "Tiêu chí 1.3: …" lines. */
export function criterionNotes(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const c of allCriteria(catalog)) if (c.unverified) out.push(`Tiêu chí ${c.code}: ${c.unverified}`);
  const incomplete = catalog.level4.filter((i) => i.incomplete).map((i) => i.code);
  if (incomplete.length) {
    out.push(`Mức 4, tiêu chí ${incomplete.join(', ')}: nội dung nguồn bị cắt, chưa đầy đủ.`);
  }
  return out;
}

/** A short Vietnamese summary of what the table will start with. */
export function describeStart(d: Derived): string {
  if (!d.hasStartChoice) {
    return `Bảng có sẵn các dòng: ${(d.form.fixedRows ?? []).join(', ')}.`;
  }
  if (!d.criterionRows) {
    return d.form.sections === 'levels-2026' && !d.spec?.groupByLevel
      ? 'Bảng gồm các dòng tiêu đề và tiêu chuẩn.'
      : 'Bảng gồm các dòng tiêu đề, mức và tiêu chuẩn.';
  }
  return `Bảng có ${d.criterionRows} dòng tiêu chí để điền.`;
}

/** What the whole Biểu 2 will start with (TT57 plan, «Cả Biểu 2»). */
export function describeWholePlan(d: Derived, start: StartWith): string {
  const n = start === 'all' ? allCriteria(d.catalog!).length : start === 'selected' ? d.selectedRefs.length : 0;
  return n
    ? `Biểu 2 đầy đủ; mục IV và V có ${n} dòng, mỗi tiêu chí một vấn đề và một nội dung cải tiến.`
    : 'Biểu 2 đầy đủ; bảng mục IV và V có 3 dòng trống để điền.';
}
