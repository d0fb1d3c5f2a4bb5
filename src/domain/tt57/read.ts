/**
 * Reading a Biểu 2 plan from a document's recognised tables into the model (./plan.ts), as schools write it:
 * the mục IV table (problems-2026), the mục V table (plan-2026: numbered items, numbers in the headings or in a
 * row of their own, abbreviated headings; or the criterion-grouped tables this product wrote before) and the
 * mục VI table (monitoring-2026). Criteria are read from what the school wrote: the «Tiêu chí liên quan» cell of
 * mục IV, and inside column (2) as «Tiêu chí 1.3: …», «… (TC 1.3)», «tiêu chí 1.3 và 2.2». Column (2) is the
 * school's content and is never compared with a catalog title.
 *
 *   readPlan2026(tables, { schoolType, schoolYear })  the plan, and where each problem, item and review sits
 */
import type { SchoolType } from '../catalog';
import type { BodyEntry, RecognisedTable, RowRef } from '../table/recognise';
import { fold } from '../text';
import {
  emptyReview,
  ITEM_COLUMN_KEYS,
  ITEM_TEXTS,
  renumber,
  type ReviewWhen,
  type Tt57Item,
  type Tt57Plan,
  type Tt57Problem,
  type Tt57Review,
} from './plan';

/** The reminder a 2018 → TT57 roll writes in column (2) of rows it could not give a criterion («Cần gán tiêu chí…»). */
const UNASSIGNED_RE = /can gan tieu chi/;

export interface ReadProblem {
  readonly problem: Tt57Problem;
  readonly table: RecognisedTable;
  readonly at: RowRef;
  /** «TT» as written. */
  readonly tt: string;
}

export interface ReadItem {
  readonly item: Tt57Item;
  readonly table: RecognisedTable;
  readonly at: RowRef;
  readonly rows: readonly RowRef[];
  /** «TT» as written (the model renumbers 1..n). */
  readonly tt: string;
  /** Carried over from a 2018 plan and still marked «Cần gán tiêu chí…». */
  readonly unassigned: boolean;
}

export interface ReadReview {
  readonly review: Tt57Review;
  readonly table: RecognisedTable;
  readonly at: RowRef;
}

export interface ReadPlan2026 {
  readonly plan: Tt57Plan;
  readonly problems: readonly ReadProblem[];
  readonly items: readonly ReadItem[];
  readonly reviews: readonly ReadReview[];
  readonly problemTable?: RecognisedTable;
  readonly itemTable?: RecognisedTable;
  readonly reviewTable?: RecognisedTable;
}

const CODE = String.raw`(\d{1,2})\s*\.\s*(\d{1,2})(?![\d])`;

/**
 * Criterion codes named in a text: «Tiêu chí 1.3», «TC 1.3», «tiêu chí 1.3, 1.4 và 2.2», «(TC1.3)». A line that
 * says where a row came from («Trước đây: Tiêu chí 1.6 … (TT 17/2018)», written by a roll from 2018) names an old
 * criterion, not a TT57 one, and is skipped.
 */
export function criteriaNamedIn(text: string): string[] {
  const f = text
    .split('\n')
    .map((line) => fold(line).replace(/\btruoc day\b.*$/, ''))
    .join('\n');
  const out: string[] = [];
  const add = (a: string, b: string): void => {
    const code = `${Number(a)}.${Number(b)}`;
    if (!out.includes(code)) out.push(code);
  };
  // A mention and the codes listed after it.
  const mention = new RegExp(String.raw`(?:tieu chi|\btc)\s*${CODE}((?:\s*(?:,|;|va|\/|-)\s*${CODE})*)`, 'g');
  for (const m of f.matchAll(mention)) {
    add(m[1], m[2]);
    for (const more of (m[3] ?? '').matchAll(new RegExp(CODE, 'g'))) add(more[1], more[2]);
  }
  return out;
}

/** Codes in a «Tiêu chí liên quan» cell, where bare codes («1.3; 1.4») are the norm. */
export function codesInCriteriaCell(text: string): string[] {
  const named = criteriaNamedIn(text);
  if (named.length) return named;
  const out: string[] = [];
  for (const m of fold(text).matchAll(new RegExp(String.raw`(?<![\d./])${CODE}(?![./]\d)`, 'g'))) {
    const code = `${Number(m[1])}.${Number(m[2])}`;
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** «Tiêu chuẩn 1», «TC1», «1», «Tiêu chuẩn 4: Điều kiện …» → the number. */
function standardNumber(text: string): number | undefined {
  const f = fold(text).trim();
  const m = /^(?:tieu chuan|tc)\s*(\d{1,2})\b/.exec(f) ?? /^(\d{1,2})(?:\s*[.:)-]|\s*$)/.exec(f);
  return m ? Number(m[1]) : undefined;
}

/** «Vấn đề 2», «VĐ 2», «vấn đề 1, 3» in column (2): the mục IV rows an item serves by number. */
export function problemNumbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of fold(text).matchAll(/\b(?:van de|vd)\s*(?:so\s*)?(\d{1,2})((?:\s*(?:,|va)\s*\d{1,2})*)/g)) {
    out.push(Number(m[1]));
    for (const more of (m[2] ?? '').matchAll(/\d{1,2}/g)) out.push(Number(more[0]));
  }
  return [...new Set(out)];
}

function texts(cells: Readonly<Record<string, string>>, keys: readonly string[]): boolean {
  return keys.some((k) => (cells[k] ?? '').trim());
}

function readProblems(rec: RecognisedTable): ReadProblem[] {
  const out: ReadProblem[] = [];
  let standard: number | undefined;
  const push = (tt: string, cells: Readonly<Record<string, string>>, at: RowRef, std?: number): void => {
    const standardText = (cells.standard ?? '').trim();
    const criteriaText = (cells.criteria ?? '').trim();
    const criteria = codesInCriteriaCell(criteriaText);
    const problem: Tt57Problem = {
      id: `p${out.length + 1}`,
      standard: standardNumber(standardText) ?? std ?? (criteria[0] ? Number(criteria[0].split('.')[0]) : undefined),
      standardText: standardText || undefined,
      criteria,
      criteriaText: criteriaText || undefined,
      situation: cells.situation ?? '',
      weakness: cells.weakness ?? '',
      cause: cells.cause ?? '',
    };
    out.push({ problem, table: rec, at, tt });
  };
  for (const e of rec.entries) {
    if (e.kind === 'standard') {
      // A row that only names a standard groups the problems under it; with a TT of its own it is a problem.
      standard = e.standard;
      if (/^\d{1,2}\.?$/.test(e.tt)) push(e.tt, { standard: `Tiêu chuẩn ${e.standard}${e.title ? `: ${e.title}` : ''}` }, e.at);
      continue;
    }
    if (e.kind !== 'item' && e.kind !== 'criterion') continue;
    const cells = e.cells;
    if (!texts(cells, ['standard', 'criteria', 'situation', 'weakness', 'cause'])) continue;
    push(e.kind === 'item' ? e.tt : '', cells, e.at, standard);
  }
  return out;
}

/** Column (2) as written: for a criterion entry its label line and the text under it. */
function contentOf(e: Extract<BodyEntry, { kind: 'criterion' | 'item' }>): string {
  if (e.kind === 'item') return e.cells.criterion ?? '';
  return [e.label, e.cells.criterion ?? ''].filter((t) => t.trim()).join('\n');
}

function readItems(rec: RecognisedTable, problems: readonly ReadProblem[]): ReadItem[] {
  const out: ReadItem[] = [];
  const keys = ITEM_TEXTS.map((k) => ITEM_COLUMN_KEYS[k]);
  for (const e of rec.entries) {
    if (e.kind !== 'item' && e.kind !== 'criterion') continue;
    const content = contentOf(e);
    // A numbered row left empty for hand-filling is not an item.
    if (
      !content.trim() &&
      !texts(
        e.cells,
        keys.filter((k) => k !== 'criterion'),
      )
    )
      continue;
    const own = e.kind === 'criterion' && !e.ref.level4 ? [e.ref.code] : [];
    const criteria = [...new Set([...own, ...criteriaNamedIn(content)])];
    const byNumber = problemNumbersIn(content)
      .map((n) => problems[n - 1]?.problem.id)
      .filter((id): id is string => !!id);
    const byCriterion = problems.filter((p) => p.problem.criteria.some((c) => criteria.includes(c))).map((p) => p.problem.id);
    const cells = e.cells;
    const item: Tt57Item = {
      id: `i${out.length + 1}`,
      number: out.length + 1,
      problems: [...new Set([...byNumber, ...byCriterion])],
      criteria,
      content,
      goal: cells.goal ?? '',
      activities: cells.activities ?? '',
      indicator: cells.indicator ?? '',
      time: cells.time ?? '',
      owner: cells.owner ?? '',
      resources: cells.resources ?? '',
      evidence: cells.evidence ?? '',
      status: cells.status ?? '',
    };
    out.push({
      item,
      table: rec,
      at: e.at,
      rows: e.rows,
      tt: e.kind === 'item' ? e.tt : '',
      unassigned: UNASSIGNED_RE.test(fold(content)),
    });
  }
  return out;
}

function reviewWhen(label: string): ReviewWhen | undefined {
  const f = fold(label);
  if (/cuoi (hoc )?ky\s*(i|1)\b|hoc ky\s*(i|1)\b|giua nam/.test(f) && !/ky\s*(ii|2)\b/.test(f)) return 'term1';
  if (/cuoi nam|ca nam|hoc ky\s*(ii|2)\b/.test(f)) return 'year';
  return undefined;
}

function readReviews(rec: RecognisedTable): ReadReview[] {
  const out: ReadReview[] = [];
  for (const e of rec.entries) {
    if (e.kind !== 'fixed') continue;
    const when = reviewWhen(e.label);
    if (!when || out.some((r) => r.review.when === when)) continue;
    const c = e.cells;
    out.push({
      review: {
        when,
        label: e.label,
        content: c.content ?? '',
        result: c.result ?? '',
        adjustment: c.adjustment ?? '',
        reviewer: c.reviewer ?? '',
      },
      table: rec,
      at: e.at,
    });
  }
  return out;
}

/** The Biểu 2 plan of a document, or undefined when it has none of the mục IV, V and VI tables. */
export function readPlan2026(
  tables: readonly RecognisedTable[],
  opts: { readonly schoolType: SchoolType; readonly schoolYear: string },
): ReadPlan2026 | undefined {
  const problemTable = tables.find((t) => t.form.id === 'problems-2026');
  const itemTable = tables.find((t) => t.form.id === 'plan-2026');
  const reviewTable = tables.find((t) => t.form.id === 'monitoring-2026');
  if (!problemTable && !itemTable && !reviewTable) return undefined;
  const problems = problemTable ? readProblems(problemTable) : [];
  const items = itemTable ? readItems(itemTable, problems) : [];
  const reviews = reviewTable ? readReviews(reviewTable) : [];
  const plan: Tt57Plan = {
    schoolType: opts.schoolType,
    schoolYear: opts.schoolYear,
    bases: [],
    problems: problems.map((p) => p.problem),
    items: renumber(items.map((i) => i.item)),
    reviews: (['term1', 'year'] as const).map((w) => reviews.find((r) => r.review.when === w)?.review ?? emptyReview(w)),
  };
  return { plan, problems, items, reviews, problemTable, itemTable, reviewTable };
}
