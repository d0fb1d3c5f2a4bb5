/**
 * Year to year: the report table built from a plan, last year's plan or report rolled into this
 * year's plan (unfinished work kept, finished work offered, results cleared, dates moved on a year),
 * and the move from the 2018 circulars to Thông tư 57/2026 (rows keep their texts and are marked to be
 * given a TT57 criterion, with suggestions by title similarity — there is no official mapping).
 */
import { invalidYearMessage } from '../vocabulary';
import {
  allCriteria,
  findCatalog,
  findCriterion,
  FRAMEWORK_LABELS,
  frameworkForYear,
  getCatalog,
  type Catalog,
  type Criterion,
  type Framework,
  type Level,
  type SchoolType,
} from '../catalog';
import { formFor, type DocumentKind, type FormId, type SectionId } from '../forms';
import { layoutRows, refKey, type CriterionRef, type TableSpec } from '../table/model';
import { criterionEntries, type CriterionEntry, type RecognisedTable } from '../table/recognise';
import { fold, formatSchoolYear, nextSchoolYear, parseSchoolYear } from '../text';
import { UserError } from '../errors';

export class YearError extends UserError {
  constructor(message: string) {
    super('year', message);
  }
}

// ---------------------------------------------------------------------------------------------
// Report from plan
// ---------------------------------------------------------------------------------------------

interface PlannedRow {
  readonly ref: CriterionRef;
  readonly level?: Level;
  /** The plan's work/solution text, for "ND … xây dựng đầu năm". */
  readonly content: string;
  /** The section the plan listed it in. */
  readonly section?: SectionId;
}

/** The plan's rows, one per criterion (several plan rows of one criterion are joined). */
function plannedRows(plan: RecognisedTable): PlannedRow[] {
  const content = plan.form.columns.find((c) => c.planContent);
  const out: PlannedRow[] = [];
  for (const e of criterionEntries(plan)) {
    const text = content ? (e.cells[content.key] ?? '') : '';
    const same = out.find((r) => refKey(r.ref) === refKey(e.ref) && r.level === e.level);
    if (same) {
      out[out.indexOf(same)] = { ...same, content: [same.content, text].filter(Boolean).join('\n') };
      continue;
    }
    out.push({ ref: e.ref, level: e.level, content: text, section: e.section });
  }
  return out;
}

interface ReportFromPlan {
  readonly spec: TableSpec;
  /** Plan rows that name no criterion (TT57 allows them) and so have no report row. */
  readonly skipped: number;
}

/** The report table for a plan: one row per planned criterion, "ND … xây dựng đầu năm" filled in. */
export function reportFromPlan(
  plan: RecognisedTable,
  opts: { schoolType: SchoolType; schoolYear: string; framework?: Framework },
): ReportFromPlan {
  if (plan.form.kind !== 'plan') throw new YearError('Bảng đã chọn không phải bảng kế hoạch cải tiến chất lượng.');
  const framework = opts.framework ?? plan.form.framework;
  const ofYear = parseSchoolYear(opts.schoolYear) ? frameworkForYear(opts.schoolYear) : undefined;
  if (ofYear && ofYear !== framework) {
    // As `ctcl new` refuses a form of another framework than the year's: a 2018 report for a TT57 year is not one.
    throw new YearError(
      `Kế hoạch này theo ${FRAMEWORK_LABELS[framework]}, còn năm học ${opts.schoolYear} theo ${FRAMEWORK_LABELS[ofYear]}: ` +
        `không tạo được báo cáo mẫu của ${FRAMEWORK_LABELS[framework]} cho năm học này. Hãy chọn năm học của kế hoạch` +
        (ofYear === '2026'
          ? `, hoặc chuyển kế hoạch sang Biểu 2 (Thông tư 57/2026) ở «Năm học mới» → «Kế hoạch năm mới từ năm trước» (ctcl roll).`
          : '.'),
    );
  }
  const catalog = findCatalog(framework, opts.schoolType);
  if (!catalog) throw new YearError('Không có bộ tiêu chí cho loại trường này theo thông tư đã chọn.');
  const reportForm = formFor('report', framework)!;
  const planned = reportForm.columns.find((c) => c.fromPlan)!;
  const items = plannedRows(plan).map((r) => ({
    ref: r.ref,
    level: r.level,
    cells: r.content ? { [planned.key]: r.content } : {},
  }));
  if (!items.length) throw new YearError('Bảng kế hoạch chưa có tiêu chí nào để báo cáo.');
  return {
    spec: {
      form: reportForm.id,
      framework,
      schoolType: opts.schoolType,
      schoolYear: opts.schoolYear,
      groupByLevel: plan.groupedByLevel,
      rows: layoutRows(reportForm.id, catalog, items, { groupByLevel: plan.groupedByLevel }),
    },
    skipped: plan.entries.filter((e) => e.kind === 'item').length,
  };
}

// ---------------------------------------------------------------------------------------------
// Roll forward
// ---------------------------------------------------------------------------------------------

/** Move every year written in dates and school years on by `delta` ("5/2022" → "5/2023", "2021-2022" → "2022-2023"). */
export function shiftYears(text: string, delta = 1): string {
  return text
    .replace(/\b((?:19|20)\d\d)(\s*[-–—]\s*)((?:19|20)\d\d)\b/g, (m, a: string, sep: string, b: string) =>
      Number(b) === Number(a) + 1 ? `${Number(a) + delta}${sep}${Number(b) + delta}` : m,
    )
    .replace(/(\/\s*|năm\s+)((?:19|20)\d\d)\b/gi, (_m, pre: string, y: string) => `${pre}${Number(y) + delta}`);
}

/** "Không", "không có", "-": cells that say there is nothing. */
export function saysNothing(text: string): boolean {
  // A cell joined from several rows says nothing when every line does ("Không\nKhông").
  return text.split('\n').every((line) => {
    const t = fold(line).replace(/[.\s-]+$/g, '');
    return !t || /^(khong( co)?|chua co|x|0|-+)$/.test(t);
  });
}

export interface RollCandidate {
  /** Last year's criterion (or Mức 4 item). */
  readonly ref: CriterionRef;
  readonly level?: Level;
  /** Finished last year: offered, but not ticked. */
  readonly finished: boolean;
  /** Ticked by default: unfinished work. */
  readonly selected: boolean;
  /** Why, in Vietnamese ("Đang triển khai: …", "Đã hoàn thành"). */
  readonly reason: string;
  /** Texts carried into this year's plan row, by column key of the new plan form. */
  readonly cells: Readonly<Record<string, string>>;
  /** 2018 → TT57: the row must be given a TT57 criterion; suggestions by similarity. */
  readonly needsMapping: boolean;
  readonly suggestions: readonly Suggestion[];
  /** Last year's label, for display ("Tiêu chí 1.6"). */
  readonly label: string;
}

export interface Suggestion {
  readonly code: string;
  readonly title: string;
  /** Similarity in [0, 1]; not an official mapping. */
  readonly score: number;
}

/** First line of a rolled row still waiting for its TT57 criterion. */
export const UNASSIGNED_MARK = 'Cần gán tiêu chí theo Thông tư 57/2026.';

export const NO_OFFICIAL_MAPPING =
  'Không có bảng chuyển đổi chính thức giữa tiêu chí của các thông tư 2018 và Thông tư 57/2026; các gợi ý dưới đây chỉ dựa trên độ giống nhau của tên và nội dung, hãy tự chọn tiêu chí phù hợp.';

const STOP = new Set([
  'va',
  'cac',
  'cua',
  'co',
  'trong',
  'duoc',
  'cho',
  'voi',
  'theo',
  'nha',
  'doi',
  'la',
  'de',
  'tu',
  've',
  'tai',
  'nhung',
  'mot',
  'khi',
  'so',
  'it',
  'nhat',
  'tren',
]);

/** Features of a text: folded syllables and syllable pairs (Vietnamese words are mostly two syllables). */
function features(text: string): Map<string, number> {
  const words = fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w));
  const f = new Map<string, number>();
  const add = (k: string, w: number): void => {
    f.set(k, (f.get(k) ?? 0) + w);
  };
  words.forEach((w, i) => {
    add(w, 1);
    if (i > 0) add(`${words[i - 1]} ${w}`, 2);
  });
  return f;
}

function cosine(a: Map<string, number>, b: Map<string, number>, idf: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    const w = v * (idf.get(k) ?? 0);
    na += w * w;
    const bv = b.get(k);
    if (bv) dot += w * bv * (idf.get(k) ?? 0);
  }
  for (const [k, v] of b) {
    const w = v * (idf.get(k) ?? 0);
    nb += w * w;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * TT57 criteria most like a 2018 criterion (its title and level summaries, and the row's texts),
 * best first: cosine similarity of syllables and syllable pairs weighted by how rare they are among
 * the TT57 texts. This is a suggestion, not a mapping.
 */
export function suggestTT57(old: Criterion | undefined, texts: string, target: Catalog, count = 3): Suggestion[] {
  const criteria = allCriteria(target);
  // The title counts twice: it says what the criterion is about; summaries say how it is met.
  const docs = criteria.map((c) => features(`${c.title} ${c.title} ${Object.values(c.summary).join(' ')}`));
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [k, n] of df) idf.set(k, Math.log(1 + criteria.length / n));
  const source = features(`${old?.title ?? ''} ${old?.title ?? ''} ${Object.values(old?.summary ?? {}).join(' ')} ${texts}`);
  return criteria
    .map((c, i) => ({ code: c.code, title: c.title, score: Math.round(cosine(source, docs[i], idf) * 100) / 100 }))
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code, 'vi', { numeric: true }))
    .slice(0, count);
}

/** 2018 plan column keys with the same meaning as each TT57 plan column (Biểu 2, mục V). */
const SAME_MEANING: Readonly<Record<string, readonly string[]>> = {
  goal: ['target'],
  activities: ['actions'],
  time: ['timeline'],
  owner: ['owner'],
  resources: ['budget', 'support'],
};

interface RollInput {
  /** Last year's plan or report table. */
  readonly table: RecognisedTable;
  readonly schoolType: SchoolType;
  /** Last year's school year. */
  readonly schoolYear: string;
  /** This year's framework; defaults to the one the new year falls under. */
  readonly framework?: Framework;
}

export interface RollResult {
  readonly fromYear: string;
  readonly toYear: string;
  readonly framework: Framework;
  readonly form: FormId;
  readonly candidates: readonly RollCandidate[];
  /** True when moving from the 2018 circulars to TT57. */
  readonly remap: boolean;
  /** Last year's table was grouped under «MỨC 1», «MỨC 2» (TT57): this year's keeps the grouping. */
  readonly groupByLevel: boolean;
}

function textOf(e: CriterionEntry, ...keys: string[]): string {
  return keys
    .map((k) => e.cells[k] ?? '')
    .filter((t) => !saysNothing(t))
    .join('\n');
}

/** Last year's plan or report → this year's plan rows (candidates the user ticks). */
export function rollForward(input: RollInput): RollResult {
  const from = parseSchoolYear(input.schoolYear);
  if (!from) throw new YearError(invalidYearMessage(input.schoolYear));
  const toYear = formatSchoolYear(nextSchoolYear(from));
  const framework = input.framework ?? frameworkForYear(toYear);
  const planForm = formFor('plan', framework)!;
  const oldFramework = input.table.form.framework;
  const remap = oldFramework === '2018' && framework === '2026';
  if (oldFramework === '2026' && framework === '2018')
    throw new YearError('Không thể chuyển kế hoạch theo Thông tư 57/2026 về các thông tư 2018.');
  const oldCatalog = findCatalog(oldFramework, input.schoolType);
  const newCatalog = getCatalog(framework, input.schoolType);
  const kind: DocumentKind = input.table.form.kind;
  if (kind === 'monitoring')
    throw new YearError('Bảng theo dõi (mục VI) không dùng để lập kế hoạch năm sau; hãy chọn bảng kế hoạch hoặc báo cáo.');
  const target = planForm.columns.find((c) => c.planContent)!.key;
  const goal = planForm.columns.find((c) => c.key === 'target' || c.key === 'goal')?.key;
  const candidates: RollCandidate[] = [];
  for (const e of criterionEntries(input.table)) {
    let finished: boolean;
    let reason: string;
    let carried: string;
    let note = '';
    /** Last year's unfinished work, said as such (its dates moved on like the rest). */
    let rest = '';
    if (kind === 'report') {
      const unfinished = textOf(e, 'inProgress', 'notStarted');
      const done = textOf(e, 'done');
      finished = !unfinished && !!done;
      reason = unfinished
        ? `Chưa xong: ${unfinished.split('\n')[0].slice(0, 120)}`
        : done
          ? 'Đã hoàn thành năm trước'
          : 'Năm trước chưa có kết quả';
      // The work still to do goes into the content columns; Ghi chú only says where the row comes from
      // (the whole history in that narrow column made each row a page long).
      carried = textOf(e, 'adjusted') || textOf(e, 'planned');
      if (unfinished) rest = `Phần chưa hoàn thành năm học ${input.schoolYear}: ${shiftYears(unfinished)}`;
      note = unfinished ? `Chuyển tiếp từ năm học ${input.schoolYear}` : '';
    } else {
      const status = e.cells.status ?? '';
      finished = /^hoan thanh/.test(fold(status));
      reason = status.trim() ? `Mức độ thực hiện năm trước: ${status.trim()}` : 'Trong kế hoạch năm trước';
      carried = e.cells[input.table.form.columns.find((c) => c.planContent)?.key ?? ''] ?? '';
    }
    const cells: Record<string, string> = {};
    if (carried) cells[target] = shiftYears(carried);
    // What is left to do is what the row must achieve this year: «Kết quả cần đạt (so với hiện trạng)» /
    // «Mục tiêu», which a report does not have (so the row's height is shared between two columns).
    if (rest) {
      if (goal && !cells[goal]) cells[goal] = rest;
      else cells[target] = [cells[target], rest].filter(Boolean).join('\n');
    }
    if (kind === 'plan') {
      // Plan → plan: every text goes to the new form's column of the same meaning, dates moved on.
      const oldForm = input.table.form;
      for (const c of planForm.columns) {
        if (c.role !== 'text' || c.status || cells[c.key]) continue;
        const sources = oldForm.id === planForm.id ? [c.key] : (SAME_MEANING[c.key] ?? []);
        const texts = sources
          .map((k) => ({ k, v: e.cells[k] ?? '' }))
          .filter((x) => x.v && !saysNothing(x.v))
          .map((x) => (sources.length > 1 ? `${oldForm.columns.find((oc) => oc.key === x.k)!.heading}: ${x.v}` : x.v));
        if (texts.length) cells[c.key] = shiftYears(texts.join('\n'));
      }
    }
    if (note) cells.note = note;
    const old = !e.ref.level4 && oldCatalog ? findCriterion(oldCatalog, e.ref.code) : undefined;
    const label = e.ref.level4 ? `Tiêu chí ${e.ref.code} (Mức 4)` : `Tiêu chí ${e.ref.code}`;
    if (remap) {
      // The TT57 plan has no notes column: the old criterion, and what is carried over, go under
      // «Nội dung cải tiến»; the other texts stay in their columns.
      const oldName = `${label}${old ? `: ${old.title}` : ''} (${oldCatalog?.circular.number ?? 'thông tư 2018'})`;
      const oldNote = kind === 'plan' && e.cells.note && !saysNothing(e.cells.note) ? e.cells.note : '';
      cells.criterion = [`Trước đây: ${oldName}`, cells.note ?? '', oldNote].filter(Boolean).join('\n');
      delete cells.note;
    }
    candidates.push({
      ref: e.ref,
      level: e.level,
      finished,
      selected: !finished,
      reason,
      cells,
      needsMapping: remap,
      suggestions: remap ? suggestTT57(old, Object.values(e.cells).join(' '), newCatalog) : [],
      label,
    });
  }
  if (!candidates.length) throw new YearError('Bảng năm trước không có tiêu chí nào để chuyển sang năm nay.');
  const groupByLevel = input.table.groupedByLevel && planForm.sections === 'levels-2026';
  return { fromYear: input.schoolYear, toYear, framework, form: planForm.id, candidates, remap, groupByLevel };
}

/**
 * This year's plan table from the ticked candidates. Under TT57 a remapped row keeps its texts and
 * takes the criterion the user assigned; rows not yet assigned are written without a criterion and
 * marked so (TT57 plans may list content not tied to one criterion, and the checker does not object).
 */
export function rolledSpec(
  result: RollResult,
  schoolType: SchoolType,
  picks: readonly { index: number; assign?: string }[],
): { spec: TableSpec; unassigned: number } {
  const catalog = getCatalog(result.framework, schoolType);
  const items: { ref: CriterionRef; level?: Level; cells: Record<string, string> }[] = [];
  const loose: Record<string, string>[] = [];
  for (const p of picks) {
    const c = result.candidates[p.index];
    if (!c) continue;
    if (!result.remap) {
      items.push({ ref: c.ref, level: c.level, cells: { ...c.cells } });
      continue;
    }
    const code = p.assign && findCriterion(catalog, p.assign) ? p.assign : undefined;
    if (code) items.push({ ref: { code }, level: c.level && c.level <= 2 ? c.level : undefined, cells: { ...c.cells } });
    else loose.push({ ...c.cells });
  }
  const rows = layoutRows(result.form, catalog, items, { groupByLevel: result.groupByLevel });
  loose.forEach((cells, i) => {
    // No criterion yet: a numbered content row, with the reminder in front of its text.
    rows.push({
      kind: 'item',
      tt: String(i + 1),
      cells: { ...cells, criterion: `${UNASSIGNED_MARK}\n${cells.criterion ?? ''}`.trim() },
    });
  });
  return {
    spec: {
      form: result.form,
      framework: result.framework,
      schoolType,
      schoolYear: result.toYear,
      groupByLevel: result.groupByLevel,
      rows,
    },
    unassigned: loose.length,
  };
}
