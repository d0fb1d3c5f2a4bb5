/**
 * What a document is, worked out from the document itself: kind, school type, school year and
 * framework, school name, date, each with the evidence it came from. The user can override any of them.
 */
import { findCatalog, findCriterion, findLevel4Item, frameworkForYear, type Framework, type SchoolType } from '../catalog';
import type { FileKind as DocumentKind } from '../forms';
import type { DocModel } from '../ooxml/reader';
import type { RecognisedTable } from '../table/recognise';
import { readFrame, type DatedLine, type DocumentFrame } from './frame';
import { collapseSpaces, findDates, findSchoolYears, fold, formatSchoolYear, schoolYearOfDate, type SchoolYear } from '../text';

export type { DatedLine } from './frame';

export interface DocumentMeta {
  readonly documentKind: DocumentKind | 'unknown';
  readonly framework?: Framework;
  readonly schoolType?: SchoolType;
  readonly schoolYear?: string;
  readonly schoolName?: string;
  /** "Số: 29/BC-NBN". */
  readonly number?: string;
  /** Place-and-date line of the document ("Bình Thạnh, ngày 12 tháng 9 năm 2023"). */
  readonly date?: DatedLine;
  /** The plan a report refers to: "(Kèm theo Kế hoạch số …, ngày … )". */
  readonly planDate?: DatedLine;
  /** School years in the title lines, and in the table headings. */
  readonly titleYears: readonly SchoolYear[];
  readonly headingYears: readonly SchoolYear[];
  /** How each value was found, in Vietnamese, for the pane. */
  readonly evidence: Readonly<Partial<Record<'schoolType' | 'schoolYear' | 'framework' | 'documentKind', string>>>;
  /** Values the user set by hand. */
  readonly overridden: readonly string[];
  /** The letterhead, title, signature and «Nơi nhận» as read. */
  readonly frame: DocumentFrame;
  /**
   * A document with text of its own that is neither a KHCT plan or report (no plan/report table, no
   * title saying so): a self-assessment report, a strategy plan, a công văn, a list. Such files sit in
   * reviewers' folders; they are listed, not checked. An empty document is not one (it is a draft).
   */
  readonly notKhct: boolean;
}

export interface MetaOverrides {
  readonly schoolType?: SchoolType;
  readonly schoolYear?: string;
  readonly framework?: Framework;
  /**
   * What the document was made as (a new document keeps what it was created for): used when neither its
   * tables nor its title say.
   */
  readonly documentKind?: DocumentKind;
}

const TYPE_NAMES: readonly [RegExp, SchoolType][] = [
  [/\b(mam non|mau giao|nha tre|mn)\b/, 'mam-non'],
  [/\b(gdtx|giao duc thuong xuyen|gdnn ?- ?gdtx)\b/, 'gdtx'],
  [/\b(thcs|thpt|trung hoc co so|trung hoc pho thong|pho thong co nhieu cap hoc|th ?(&|va) ?thcs|pt ?dtbt|ptdt)\b/, 'thcs-thpt'],
  [/\b(tieu hoc|th)\b/, 'tieu-hoc'],
];

function typeOfName(name: string): SchoolType | undefined {
  const f = fold(name);
  for (const [re, t] of TYPE_NAMES) if (re.test(f)) return t;
  return undefined;
}

const CIRCULAR_TYPES: readonly [RegExp, SchoolType][] = [
  [/\b17\/2018\/tt/, 'tieu-hoc'],
  [/\b18\/2018\/tt/, 'thcs-thpt'],
  [/\b19\/2018\/tt/, 'mam-non'],
];

const KEYWORDS: Readonly<Record<SchoolType, readonly string[]>> = {
  'mam-non': ['mam non', 'tre', 'cap duong', 'nhom lop', 'khoi mam', 'khoi choi', 'khoi la', 'be', 'mau giao', 'nuoi duong'],
  'tieu-hoc': ['tieu hoc', 'lop 1', 'lop 2', 'lop 3', 'lop 4', 'lop 5'],
  'thcs-thpt': ['thcs', 'thpt', 'lop 6', 'lop 7', 'lop 8', 'lop 9', 'lop 10', 'lop 11', 'lop 12', 'trung hoc'],
  gdtx: ['gdtx', 'giao duc thuong xuyen', 'hoc vien'],
};

function countWord(hay: string, word: string): number {
  let n = 0;
  const re = new RegExp(`\\b${word.replace(/ /g, '\\s+')}\\b`, 'g');
  while (re.exec(hay)) n++;
  return n;
}

/** The kind of a document from its tables: a report (possibly with its plan), a plan, or monitoring only. */
function kindOfTables(tables: readonly RecognisedTable[]): DocumentKind | 'unknown' {
  if (tables.some((t) => t.form.kind === 'report')) return 'report';
  // The mục IV table of Biểu 2 is part of a plan.
  if (tables.some((t) => t.form.kind === 'plan' || t.form.kind === 'problems')) return 'plan';
  if (tables.some((t) => t.form.kind === 'monitoring')) return 'monitoring';
  return 'unknown';
}

/** School types whose catalog has every criterion the tables list (a constraint, not a guess). */
function typesFittingCriteria(tables: readonly RecognisedTable[], framework: Framework): SchoolType[] {
  const types: SchoolType[] = ['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'];
  return types.filter((t) => {
    const cat = findCatalog(framework, t);
    if (!cat) return false;
    return tables.every((r) =>
      r.entries.every(
        (e) =>
          e.kind !== 'criterion' ||
          (e.ref.level4 ? !cat.level4Complete || !!findLevel4Item(cat, e.ref.code) : !!findCriterion(cat, e.ref.code)),
      ),
    );
  });
}

export function inferMeta(model: DocModel, tables: readonly RecognisedTable[], overrides: MetaOverrides = {}): DocumentMeta {
  const evidence: Record<string, string> = {};
  const overridden: string[] = [];
  const frame = readFrame(model, tables);
  const title = frame.title;
  const titleYears = (title?.lines ?? []).flatMap((l) => findSchoolYears(l));
  const headingYears = tables.flatMap((t) => t.headingYears);

  // Kind: the tables say it; else a title saying it is a KHCT plan or report; else not a KHCT document.
  let documentKind = kindOfTables(tables);
  if (documentKind !== 'unknown') evidence.documentKind = 'Nhận ra từ tiêu đề các cột của bảng.';
  else if (title?.khct && title.kind) {
    // A title names a plan, a report or monitoring (the frame reads it as a file kind).
    documentKind = title.kind;
    evidence.documentKind = `Theo tên văn bản «${collapseSpaces(title.lines.join(' ')).slice(0, 80)}».`;
  } else if (overrides.documentKind) {
    documentKind = overrides.documentKind;
    overridden.push('documentKind');
    evidence.documentKind = 'Theo loại văn bản đã chọn khi tạo tài liệu.';
  }

  // Number, dates.
  const number = frame.number && /\/(KH|BC)\b/i.test(frame.number) ? frame.number : undefined;
  const date = frame.date;
  let planDate: DatedLine | undefined;
  for (const l of frame.lines) {
    const t = collapseSpaces(l.text);
    if (!planDate && /^\(?\s*kem theo ke hoach/.test(fold(t))) {
      const d = findDates(t)[0];
      if (d) planDate = { text: t, ...d };
    }
  }

  // School name: the letterhead, else the first sentence naming the school.
  const schoolName = frame.schoolName;

  // School year: title, then headings, then the plan reference, then the document date.
  let schoolYear: string | undefined;
  if (overrides.schoolYear) {
    schoolYear = overrides.schoolYear;
    overridden.push('schoolYear');
    evidence.schoolYear = 'Do người dùng chọn.';
  } else if (titleYears.length) {
    schoolYear = formatSchoolYear(titleYears[0]);
    evidence.schoolYear = 'Theo tên văn bản.';
  } else if (headingYears.length) {
    schoolYear = formatSchoolYear(headingYears[0]);
    evidence.schoolYear = 'Theo tiêu đề cột của bảng.';
  } else if (planDate) {
    schoolYear = formatSchoolYear(schoolYearOfDate(planDate.year, planDate.month));
    evidence.schoolYear = `Theo ngày của kế hoạch (${planDate.day}/${planDate.month}/${planDate.year}).`;
  } else if (date) {
    schoolYear = formatSchoolYear(schoolYearOfDate(date.year, date.month));
    evidence.schoolYear = `Theo ngày ký văn bản (${date.day}/${date.month}/${date.year}).`;
  }

  // Framework: by hand, by the year, else by the table's body.
  let framework: Framework | undefined;
  if (overrides.framework) {
    framework = overrides.framework;
    overridden.push('framework');
    evidence.framework = 'Do người dùng chọn.';
  } else if (schoolYear) {
    framework = frameworkForYear(schoolYear);
    evidence.framework = `Theo năm học ${schoolYear}.`;
  } else if (tables.length) {
    framework = tables[0].form.framework;
    evidence.framework = 'Theo mẫu bảng.';
  }

  // School type: by hand; the school's name; the circular cited; what the criteria allow; the words used.
  let schoolType: SchoolType | undefined;
  const allText = fold(frame.lines.map((p) => p.text).join('\n'));
  const fitting = framework ? typesFittingCriteria(tables, framework) : [];
  if (overrides.schoolType) {
    schoolType = overrides.schoolType;
    overridden.push('schoolType');
    evidence.schoolType = 'Do người dùng chọn.';
  } else if (schoolName && typeOfName(schoolName)) {
    schoolType = typeOfName(schoolName);
    evidence.schoolType = `Theo tên trường «${schoolName}».`;
  } else {
    const cited = CIRCULAR_TYPES.find(([re]) => re.test(allText));
    if (cited) {
      schoolType = cited[1];
      evidence.schoolType = `Theo thông tư được trích dẫn (${cited[0].source.match(/\d+/)?.[0]}/2018).`;
    } else {
      const bodyText = fold(
        tables.flatMap((t) => t.parts.flatMap((p) => p.rows.flatMap((r) => r.cells.map((c) => c.text)))).join('\n') +
          '\n' +
          allText,
      );
      const scores = (Object.keys(KEYWORDS) as SchoolType[])
        .filter((t) => !fitting.length || fitting.includes(t))
        .map((t) => ({ t, n: KEYWORDS[t].reduce((s, w) => s + countWord(bodyText, w), 0) }))
        .sort((a, b) => b.n - a.n);
      if (scores.length && scores[0].n >= 2 && (scores.length === 1 || scores[0].n >= 2 * scores[1].n)) {
        schoolType = scores[0].t;
        evidence.schoolType = 'Suy ra từ nội dung (không thấy tên trường); hãy kiểm tra lại.';
      } else if (fitting.length === 1) {
        schoolType = fitting[0];
        evidence.schoolType = 'Suy ra từ các tiêu chí có trong bảng.';
      }
    }
  }

  return {
    documentKind,
    framework,
    schoolType,
    schoolYear,
    schoolName,
    number,
    date,
    planDate,
    titleYears,
    headingYears,
    evidence,
    overridden,
    frame,
    notKhct: documentKind === 'unknown' && (frame.title !== undefined || frame.lines.filter((l) => l.text.trim()).length >= 3),
  };
}
