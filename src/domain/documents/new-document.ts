/**
 * A request for a new document (form, school type, year, which criteria) turned into the table spec
 * and title block, with every check and its Vietnamese message in one place: the CLI's `new` command
 * and the standalone pane's "new document" use it.
 */
import { invalidYearMessage } from '../vocabulary';
import {
  FRAMEWORK_LABELS,
  frameworkForYear,
  getCatalog,
  isFramework,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPES,
  isSchoolType,
  CatalogError,
  type Catalog,
  type Framework,
  type SchoolType,
} from '../catalog';
import { FORM_IDS, formFor, getForm, isFormId, type FormId, type TableForm } from '../forms';
import { initialRows, parseRef, PlacementError, type CriterionRef, type TableSpec } from '../table/model';
import { formatSchoolYear, parseSchoolYear } from '../text';
import { titleLines, titleParagraphs, type TitleLine } from './frame';
import type { XElement } from '../ooxml/xml';
import type { MetaOverrides } from '../check/metadata';
import { UserError } from '../errors';

/** A request that cannot be carried out; the message is Vietnamese and says what to change. */
export class NewDocumentError extends UserError {
  constructor(message: string) {
    super('new-document', message);
  }
}

/** Which criteria get a row: none (level and standard rows only), all, or the listed ones. */
export type CriteriaChoice = 'none' | 'all' | readonly CriterionRef[];

export interface NewDocumentRequest {
  readonly form: FormId;
  readonly schoolType: SchoolType;
  /** "2025-2026" (other dashes and spaces are accepted). */
  readonly schoolYear: string;
  /** Given explicitly; otherwise it follows from the year. */
  readonly framework?: Framework;
  readonly criteria?: CriteriaChoice;
  readonly groupByLevel?: boolean;
  readonly school?: string;
}

export interface NewDocument {
  readonly form: TableForm;
  readonly catalog: Catalog;
  readonly spec: TableSpec;
  readonly title: readonly TitleLine[];
  /** Number of criterion (and Mức 4) rows the table starts with. */
  readonly criterionRows: number;
  /** Things the user asked for that do not apply (Vietnamese), e.g. criteria in a monitoring table. */
  readonly notes: readonly string[];
}

function formLabel(id: FormId): string {
  return `«${id}» (${getForm(id).name})`;
}

/** "Không có mẫu …": the list of forms, for error messages and help. */
export function formList(): string {
  return FORM_IDS.map((id) => `  ${id.padEnd(16)} ${getForm(id).name}`).join('\n');
}

export function schoolTypeList(): string {
  return SCHOOL_TYPES.map((t) => `  ${t.padEnd(16)} ${SCHOOL_TYPE_LABELS[t]}`).join('\n');
}

export function parseFormId(s: string): FormId {
  const v = s.trim().toLowerCase();
  if (isFormId(v)) return v;
  throw new NewDocumentError(`Không có mẫu «${s}». Các mẫu có:\n${formList()}`);
}

export function parseSchoolType(s: string): SchoolType {
  const v = s.trim().toLowerCase();
  if (isSchoolType(v)) return v;
  throw new NewDocumentError(`Không có loại trường «${s}». Các loại trường có:\n${schoolTypeList()}`);
}

export function parseFramework(s: string): Framework {
  const v = s.trim();
  if (isFramework(v)) return v;
  throw new NewDocumentError(
    `Không có khung quy định «${s}». Chọn 2018 (${FRAMEWORK_LABELS['2018']}) hoặc 2026 (${FRAMEWORK_LABELS['2026']}).`,
  );
}

/** "all", or a comma-separated list such as "1.1,1.3,M4.2". An empty string means no criterion rows. */
export function parseCriteria(s: string): CriteriaChoice {
  const t = s.trim();
  if (!t) return 'none';
  if (/^(all|tat ca|tất cả)$/i.test(t)) return 'all';
  const refs: CriterionRef[] = [];
  for (const piece of t.split(/[,;]/)) {
    if (!piece.trim()) continue;
    const ref = parseRef(piece);
    if (!ref) {
      throw new NewDocumentError(
        `Mã tiêu chí không hợp lệ: «${piece.trim()}». Viết mã tiêu chí như 1.3, tiêu chí Mức 4 như M4.2, cách nhau bằng dấu phẩy; hoặc «all» để có mọi tiêu chí.`,
      );
    }
    refs.push(ref);
  }
  return refs.length ? refs : 'none';
}

/** Check that a form belongs to a framework; the message suggests the form that does. */
function formFrameworkProblem(form: FormId, framework: Framework, schoolYear?: string): string | undefined {
  const f = getForm(form);
  if (f.framework === framework) return undefined;
  const reason = schoolYear
    ? `năm học ${schoolYear} theo ${FRAMEWORK_LABELS[framework]}`
    : `khung quy định đã chọn là ${FRAMEWORK_LABELS[framework]}`;
  const other = formFor(f.kind, framework);
  const suggestion = other ? `Hãy dùng mẫu ${formLabel(other.id)}.` : `${FRAMEWORK_LABELS[framework]} không có mẫu tương ứng.`;
  return `Mẫu ${formLabel(form)} thuộc ${FRAMEWORK_LABELS[f.framework]}, còn ${reason}. ${suggestion}`;
}

/** Resolve and check a request; throws NewDocumentError (or the catalog's own error) with a Vietnamese message. */
export function resolveNewDocument(req: NewDocumentRequest): NewDocument {
  const year = parseSchoolYear(req.schoolYear);
  if (!year) {
    throw new NewDocumentError(invalidYearMessage(req.schoolYear));
  }
  const schoolYear = formatSchoolYear(year);
  const framework = req.framework ?? frameworkForYear(year);
  const problem = formFrameworkProblem(req.form, framework, req.framework ? undefined : schoolYear);
  if (problem) throw new NewDocumentError(problem);
  const form = getForm(req.form);
  let catalog: Catalog;
  try {
    catalog = getCatalog(framework, req.schoolType);
  } catch (e) {
    if (e instanceof CatalogError) throw new NewDocumentError(e.message);
    throw e;
  }
  const criteria = req.criteria ?? 'none';
  const notes: string[] = [];
  if (form.sections === 'none' && criteria !== 'none') {
    notes.push(`Bảng «${form.name}» không có dòng tiêu chí; danh sách tiêu chí được bỏ qua.`);
  }
  if (req.groupByLevel && form.sections !== 'levels-2026') {
    notes.push(`Bảng «${form.name}» không nhóm theo mức; tùy chọn nhóm theo mức được bỏ qua.`);
  }
  let rows;
  try {
    rows = initialRows(form, catalog, {
      start: criteria === 'none' ? 'skeleton' : criteria === 'all' ? 'all' : 'selected',
      selected: typeof criteria === 'string' || form.sections === 'none' ? undefined : criteria,
      groupByLevel: !!req.groupByLevel,
    });
  } catch (e) {
    if (e instanceof PlacementError) throw new NewDocumentError(e.message);
    throw e;
  }
  const spec: TableSpec = {
    form: form.id,
    framework,
    schoolType: req.schoolType,
    schoolYear,
    groupByLevel: form.sections === 'levels-2026' && !!req.groupByLevel,
    rows,
  };
  return {
    form,
    catalog,
    spec,
    title: titleLines(form.id, schoolYear, { school: req.school }),
    criterionRows: rows.filter((r) => r.kind === 'criterion').length,
    notes,
  };
}

/**
 * What a new document keeps about itself in its store (src/domain/store withCreatedMeta): the school
 * type, year, framework and kind it was made for, which the checker, «Điền dòng» and «Báo cáo từ kế
 * hoạch» then read even where the document's text does not say (no school name in the title).
 */
export function createdMeta(spec: Pick<TableSpec, 'form' | 'framework' | 'schoolType' | 'schoolYear'>): MetaOverrides {
  const kind = getForm(spec.form).kind;
  return {
    schoolType: spec.schoolType,
    schoolYear: spec.schoolYear,
    framework: spec.framework,
    documentKind: kind === 'problems' ? 'plan' : kind,
  };
}

/** The body a new document starts with: the title block (the table is inserted after it). */
export function newDocumentBody(doc: NewDocument): XElement[] {
  return titleParagraphs(doc.title);
}
