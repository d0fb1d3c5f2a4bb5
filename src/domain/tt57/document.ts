/**
 * The writer of the whole Biểu 2 (Mẫu số 2, Phụ lục V, Thông tư 57/2026): NĐ 30 header from the school
 * profile, «KẾ HOẠCH / Cải tiến chất lượng giáo dục năm học …», sections I–VIII with the form's fixed texts
 * (generated from tt57-2026.json → improvementPlan), the mục IV, V and VI tables (each in our content
 * control, headings repeated on every page), «Nơi nhận» and the signature (GIÁM ĐỐC for a GDTX centre).
 * Pure: the CLI writes it into a new A4-landscape .docx, the pane inserts the same blocks at the cursor.
 *
 *   plan2026Blocks(plan, { profile, date })  every block of the document, top to bottom
 *   itemTableSpec(plan) / problemTableSpec(plan) / reviewTableSpec(plan)
 *                                            the three tables as table specs (buildTableBlock renders them)
 *   itemContentText(plan, item)              column (2) as written: the criteria (or problems) the item
 *                                            serves named first, «Tiêu chí 1.3: …», unless the text names them
 *   signerTitle(profile, schoolType)         HIỆU TRƯỞNG, or GIÁM ĐỐC for gdtx
 */
import { findCriterion, findStandard, getCatalog, type SchoolType } from '../catalog';
import planForm from '../catalog/data/tt57-plan-form';
import { headerBlock, officialTitle, signatureBlock } from '../documents/official-frame';
import { paragraph, paragraphs, type ParagraphStyle } from '../ooxml/writer';
import type { XElement } from '../ooxml/xml';
import { EMPTY_PROFILE, type SchoolProfile } from '../profile';
import { buildTableBlock } from '../table/render';
import type { BodyRow, TableSpec } from '../table/model';
import { fold } from '../text';
import { criteriaNamedIn } from './read';
import { getReview, ITEM_COLUMN_KEYS, ITEM_TEXTS, problemNumber, type Tt57Item, type Tt57Plan, type Tt57Problem } from './plan';

/** Number of empty numbered rows a table gets when the plan has nothing for it yet (to fill by hand). */
const BLANK_ROWS = 3;

const LEVEL_NAMES: Readonly<Record<SchoolType, string>> = {
  'mam-non': 'Giáo dục mầm non',
  'tieu-hoc': 'Tiểu học',
  'thcs-thpt': 'Trung học cơ sở, trung học phổ thông',
  gdtx: 'Giáo dục thường xuyên',
};

/** «HIỆU TRƯỞNG», or «GIÁM ĐỐC» for a GDTX centre (Phụ lục III: the centre is headed by a Giám đốc). */
export function signerTitle(profile: Pick<SchoolProfile, 'signerTitle'>, schoolType: SchoolType): string {
  const t = profile.signerTitle.trim() || planForm.signature.default;
  return schoolType === 'gdtx' ? t.replace(/HIỆU TRƯỞNG/gi, planForm.signature.gdtx) : t;
}

/** Whether column (2) already names these criteria (as the reader finds them). */
function namesCodes(text: string, codes: readonly string[]): boolean {
  const named = criteriaNamedIn(text);
  return codes.every((c) => named.includes(c));
}

/** Column (2) as written: the criteria the item serves named first («Tiêu chí 1.3: …»), or its problems («Vấn đề 2: …»). */
export function itemContentText(plan: Tt57Plan, item: Tt57Item): string {
  const content = item.content.trim();
  const fromProblems = item.problems.flatMap((id) => plan.problems.find((p) => p.id === id)?.criteria ?? []);
  const codes = item.criteria.length ? item.criteria : [...new Set(fromProblems)];
  let prefix = '';
  if (codes.length) {
    if (!namesCodes(content, codes)) prefix = `Tiêu chí ${codes.join(', ')}`;
  } else if (item.problems.length) {
    const numbers = item.problems.map((id) => problemNumber(plan, id)).filter((n) => n > 0);
    if (numbers.length && !/\bvan de\s*\d/.test(fold(content))) prefix = `Vấn đề ${numbers.join(', ')}`;
  }
  if (!prefix) return item.content;
  return content ? `${prefix}: ${item.content.replace(/^\s+/, '')}` : prefix;
}

function problemCells(plan: Tt57Plan, p: Tt57Problem): Record<string, string> {
  const catalog = getCatalog('2026', plan.schoolType);
  const std = p.standard ? findStandard(catalog, p.standard) : undefined;
  const standard =
    p.standardText?.trim() || (std ? `Tiêu chuẩn ${std.number}: ${std.title}` : p.standard ? `Tiêu chuẩn ${p.standard}` : '');
  const criteria =
    p.criteriaText?.trim() ||
    p.criteria
      .map((code) => {
        const c = findCriterion(catalog, code);
        return c ? `Tiêu chí ${c.code}: ${c.title}` : `Tiêu chí ${code}`;
      })
      .join('\n');
  return { standard, criteria, situation: p.situation, weakness: p.weakness, cause: p.cause };
}

function blankRows(n: number): BodyRow[] {
  return Array.from({ length: n }, (_, i) => ({ kind: 'item', tt: String(i + 1), cells: {} }));
}

/** The mục IV table: one numbered row per problem (empty numbered rows when there is none yet). */
function problemTableSpec(plan: Tt57Plan, blank = BLANK_ROWS): TableSpec {
  const rows: BodyRow[] = plan.problems.length
    ? plan.problems.map((p, i) => ({ kind: 'item', tt: String(i + 1), cells: problemCells(plan, p) }))
    : blankRows(blank);
  return {
    form: 'problems-2026',
    framework: '2026',
    schoolType: plan.schoolType,
    schoolYear: plan.schoolYear,
    groupByLevel: false,
    rows,
  };
}

/** The mục V table: items numbered 1..n, columns (2)–(10); no level, standard or criterion rows. */
export function itemTableSpec(plan: Tt57Plan, blank = BLANK_ROWS): TableSpec {
  const rows: BodyRow[] = plan.items.length
    ? plan.items.map((item) => {
        const cells: Record<string, string> = {};
        for (const k of ITEM_TEXTS) cells[ITEM_COLUMN_KEYS[k]] = k === 'content' ? itemContentText(plan, item) : item[k];
        return { kind: 'item', tt: String(item.number), cells };
      })
    : blankRows(blank);
  return {
    form: 'plan-2026',
    framework: '2026',
    schoolType: plan.schoolType,
    schoolYear: plan.schoolYear,
    groupByLevel: false,
    rows,
  };
}

/** The mục VI table: its two rows, Cuối học kỳ I and Cuối năm học. */
function reviewTableSpec(plan: Tt57Plan): TableSpec {
  const rows: BodyRow[] = (['term1', 'year'] as const).map((when) => {
    const r = getReview(plan, when);
    return {
      kind: 'fixed',
      label: r.label,
      cells: { content: r.content, result: r.result, adjustment: r.adjustment, reviewer: r.reviewer },
    };
  });
  return {
    form: 'monitoring-2026',
    framework: '2026',
    schoolType: plan.schoolType,
    schoolYear: plan.schoolYear,
    groupByLevel: false,
    rows,
  };
}

const SECTION: ParagraphStyle = { bold: true, before: 120, after: 60, keepNext: true };
const SUBSECTION: ParagraphStyle = { bold: true, firstLine: 567, keepNext: true };
const BODY: ParagraphStyle = { align: 'both', firstLine: 567, after: 40 };

const body = (text: string): XElement => paragraph(text, BODY);

export interface Plan2026Options {
  /** The school profile; without one the header and signature are left to fill by hand («…»). */
  readonly profile?: SchoolProfile;
  /** The date in the header (today by default). */
  readonly date: { readonly day: number; readonly month: number; readonly year: number };
  /** Empty rows for IV and V when the plan has none (default 3). */
  readonly blankRows?: number;
}

/** Mục I from the profile: what the frame knows, «…» for the rest. */
function generalInformation(plan: Tt57Plan, profile: SchoolProfile): XElement[] {
  const or = (v: string): string => v.trim() || '…';
  return [
    body(`1. Tên cơ sở giáo dục: ${or(profile.schoolName)}`),
    body(`2. Cơ quan quản lý trực tiếp: ${or(profile.parentBody)}`),
    body(`3. Cấp học: ${LEVEL_NAMES[plan.schoolType]}`),
    body(`4. Người đứng đầu cơ sở giáo dục: ${or(profile.principal)}`),
    body(`5. Năm học thực hiện kế hoạch: ${plan.schoolYear}`),
  ];
}

/** Every block of Biểu 2, top to bottom (insert them at the cursor, or as the body of a new document). */
export function plan2026Blocks(plan: Tt57Plan, opts: Plan2026Options): XElement[] {
  const profile = opts.profile ?? EMPTY_PROFILE;
  const frameProfile: SchoolProfile = {
    ...profile,
    schoolName: profile.schoolName.trim() || '…',
    signerTitle: signerTitle(profile, plan.schoolType),
  };
  const frame = { kind: 'plan' as const, schoolYear: plan.schoolYear, date: opts.date };
  const s = planForm.sections;
  const table = (spec: TableSpec): XElement[] => [buildTableBlock(spec).sdt];
  const bases = [
    ...planForm.sectionIIText,
    ...plan.bases.filter((b) => b.trim()).map((b, i) => `${planForm.sectionIIText.length + i + 1}. ${b.trim()}`),
  ];
  return [
    headerBlock(frameProfile, frame),
    ...officialTitle(frame),
    paragraph(s[0], SECTION),
    ...generalInformation(plan, profile),
    paragraph(s[1], SECTION),
    ...bases.map(body),
    paragraph(s[2], SECTION),
    ...planForm.sectionIIIText.flatMap((part) => [paragraph(part.heading, SUBSECTION), ...part.lines.map(body)]),
    paragraph(s[3], SECTION),
    ...table(problemTableSpec(plan, opts.blankRows)),
    ...paragraphs(planForm.sectionIVNote, { ...BODY, italic: true, before: 60 }),
    paragraph(s[4], SECTION),
    ...table(itemTableSpec(plan, opts.blankRows)),
    paragraph(s[5], { ...SECTION, before: 240 }),
    ...table(reviewTableSpec(plan)),
    paragraph(s[6], { ...SECTION, before: 240 }),
    ...planForm.sectionVII.map(body),
    paragraph(s[7], SECTION),
    ...planForm.sectionVIIIText.map(body),
    paragraph(''),
    // Biểu 2 has «(Ký, ghi rõ họ tên, đóng dấu)» under the title (tt57-2026.json → improvementPlan.signature.note).
    signatureBlock(frameProfile, { signNote: '(Ký, ghi rõ họ tên, đóng dấu)' }),
  ];
}
