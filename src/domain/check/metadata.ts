/**
 * What a document is, worked out from the document itself: kind, school type, school year and
 * framework, school name, date, each with the evidence it came from. The user can override any of them.
 */
import {
  findCatalog,
  findCriterion,
  findLevel4Item,
  frameworkForYear,
  isFramework,
  isSchoolType,
  type Framework,
  type SchoolType,
} from '../catalog';
import type { FileKind as DocumentKind } from '../forms';
import type { DocModel, DocParagraph } from '../ooxml/reader';
import type { RecognisedTable } from '../table/recognise';
import {
  collapseSpaces,
  findDates,
  findSchoolYears,
  fold,
  formatSchoolYear,
  parseSchoolYear,
  schoolYearOfDate,
  type SchoolYear,
} from '../text';

export interface DatedLine {
  readonly text: string;
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

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
}

export interface MetaOverrides {
  readonly schoolType?: SchoolType;
  readonly schoolYear?: string;
  readonly framework?: Framework;
}

/** Key of the overrides in the document store: what the user told the add-in the document does not say. */
export const META_OVERRIDES_KEY = 'metaOverrides';

/** The overrides kept in a document store, each field validated (anything else is ignored). */
export function storedOverrides(store: { readonly [key: string]: unknown } | undefined): MetaOverrides {
  const v = store?.[META_OVERRIDES_KEY];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  const o = v as Record<string, unknown>;
  return {
    ...(isSchoolType(o.schoolType) ? { schoolType: o.schoolType } : {}),
    ...(typeof o.schoolYear === 'string' && parseSchoolYear(o.schoolYear) ? { schoolYear: o.schoolYear } : {}),
    ...(isFramework(o.framework) ? { framework: o.framework } : {}),
  };
}

const TYPE_NAMES: readonly [RegExp, SchoolType][] = [
  [/\b(mam non|mau giao|nha tre|mn)\b/, 'mam-non'],
  [/\b(gdtx|giao duc thuong xuyen|gdnn ?- ?gdtx)\b/, 'gdtx'],
  [/\b(thcs|thpt|trung hoc co so|trung hoc pho thong|pho thong co nhieu cap hoc|th ?(&|va) ?thcs|pt ?dtbt|ptdt)\b/, 'thcs-thpt'],
  [/\b(tieu hoc|th)\b/, 'tieu-hoc'],
];

const SCHOOL_NAME =
  /\b(truong|trung tam)\s+((?:mam non|mau giao|tieu hoc|thcs|thpt|th|mn|pt|gdtx|gdnn|trung hoc co so|trung hoc pho thong|pho thong|ptdtbt|ptdtnt)\b.{0,60})/;

const STOP_WORDS = new Set([
  'va',
  'trong',
  'theo',
  'cua',
  've',
  'duoc',
  'co',
  'la',
  'de',
  'tai',
  'tren',
  'cac',
  'nhung',
  'nam',
  'thuc',
  'hien',
]);

/** The school's name from a paragraph ("TRƯỜNG TH NGUYỄN BÁ NGỌC", "của trường Tiểu học Yên Thế"). */
function schoolNameIn(text: string): string | undefined {
  const f = fold(text);
  const m = SCHOOL_NAME.exec(f);
  if (!m) return undefined;
  // Cut the original text at the same place (fold keeps the length apart from whitespace).
  const flat = collapseSpaces(text);
  const start = fold(flat).indexOf(m[0]);
  if (start < 0) return undefined;
  let name = flat.slice(start, start + m[0].length);
  name = name
    .replace(/[\s,;:.)(]+$/, '')
    .split(/[,;()]| - | – /)[0]
    .trim();
  // "… đối với trường tiểu học" names a kind of school, not a school: a proper name must follow.
  const words = fold(name).split(' ');
  const typeWords = /^(truong|trung|tam|mam|non|mau|giao|tieu|hoc|thcs|thpt|th|mn|pt|gdtx|gdnn|co|so|pho|thong|ptdtbt|ptdtnt)$/;
  const rest = words.slice(1).filter((w) => !typeWords.test(w));
  if (!rest.length || STOP_WORDS.has(rest[0])) return undefined;
  return name.length >= 8 ? name : undefined;
}

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

const DATE_LINE = /^(.{2,60}?),\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+(?:19|20)\d\d\s*$/;

function datedLine(p: DocParagraph): DatedLine | undefined {
  const t = collapseSpaces(p.text);
  if (!DATE_LINE.test(fold(t))) return undefined;
  const d = findDates(t)[0];
  return d ? { text: t, ...d } : undefined;
}

/** Title lines: the document type line ("KẾ HOẠCH", "BÁO CÁO") and the few lines after it. */
function titleLines(paras: readonly DocParagraph[], firstTableBlock: number): { kind?: DocumentKind; lines: string[] } {
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p.block > firstTableBlock) break;
    const f = fold(p.text);
    const kind: DocumentKind | undefined = /^bao cao\b/.test(f) ? 'report' : /^ke hoach\b/.test(f) ? 'plan' : undefined;
    if (!kind) continue;
    const lines = [p.text];
    for (let j = i + 1; j < paras.length && lines.length < 4; j++) {
      const t = paras[j].text.trim();
      if (!t) continue;
      if (/^(i|1)[.)]\s/.test(fold(t)) || paras[j].block > firstTableBlock) break;
      lines.push(t);
      if (/nam hoc/.test(fold(t))) break;
    }
    return { kind, lines };
  }
  return { lines: [] };
}

/** The kind of a document from its tables: a report (possibly with its plan), a plan, or monitoring only. */
export function kindOfTables(tables: readonly RecognisedTable[]): DocumentKind | 'unknown' {
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

/**
 * The document's own text outside its plan/report tables: body paragraphs, and the cells of other
 * tables (letterheads and signature blocks are often laid out in a borderless table), in order.
 */
function frameParagraphs(model: DocModel, tables: readonly RecognisedTable[]): DocParagraph[] {
  const ours = new Set(tables.flatMap((t) => t.parts.map((p) => p.index)));
  const extra: DocParagraph[] = [];
  for (const t of model.tables) {
    if (ours.has(t.index) || t.topIndex < 0) continue;
    for (const r of t.rows)
      for (const c of r.cells)
        for (const text of c.paragraphs) extra.push({ text, block: t.block, bold: false, italic: false, fonts: c.fonts });
  }
  if (!extra.length) return [...model.paragraphs];
  // Stable merge by block: a table's text sits where the table is.
  return [...model.paragraphs, ...extra].sort((a, b) => a.block - b.block);
}

export function inferMeta(model: DocModel, tables: readonly RecognisedTable[], overrides: MetaOverrides = {}): DocumentMeta {
  const evidence: Record<string, string> = {};
  const overridden: string[] = [];
  const paras = frameParagraphs(model, tables);
  const firstTableBlock = tables.length ? tables[0].parts[0].block : Infinity;
  const title = titleLines(paras, firstTableBlock);
  const titleYears = title.lines.flatMap((l) => findSchoolYears(l));
  const headingYears = tables.flatMap((t) => t.headingYears);

  // Kind: the tables say it; the title confirms.
  let documentKind = kindOfTables(tables);
  if (documentKind !== 'unknown') evidence.documentKind = 'Nhận ra từ tiêu đề các cột của bảng.';
  else if (title.kind) {
    documentKind = title.kind;
    evidence.documentKind = `Theo tên văn bản «${collapseSpaces(title.lines.join(' ')).slice(0, 80)}».`;
  }

  // Number, dates.
  let number: string | undefined;
  let date: DatedLine | undefined;
  let planDate: DatedLine | undefined;
  for (const p of paras) {
    const t = collapseSpaces(p.text);
    if (!number) {
      const m = /^Số\s*:\s*(.+)$/i.exec(t.normalize('NFC'));
      if (m && /\/(KH|BC)\b/i.test(m[1])) number = `Số: ${m[1].trim()}`;
    }
    if (!date) date = datedLine(p);
    if (!planDate && /^\(?\s*kem theo ke hoach/.test(fold(t))) {
      const d = findDates(t)[0];
      if (d) planDate = { text: t, ...d };
    }
  }

  // School name: letterhead or anywhere in the text outside the table.
  let schoolName: string | undefined;
  for (const p of paras) {
    schoolName = schoolNameIn(p.text);
    if (schoolName) break;
  }

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
  const allText = fold(paras.map((p) => p.text).join('\n'));
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
  };
}
