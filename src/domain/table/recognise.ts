/**
 * Recognising plan and report tables in any document, including ones the add-in did not write:
 * which form a table is (by its headings), where each form column sits in the document's grid, and what
 * the body says (level sections, standard rows, criterion rows and the rows that continue them).
 */
import { findCatalog, FRAMEWORKS, SCHOOL_TYPES, type Framework, type Level } from '../catalog';
import {
  FORMS,
  FORM_IDS,
  SECTION_LABELS,
  defaultSectionLabel,
  isFormId,
  type ColumnDef,
  type SectionId,
  type TableForm,
} from '../forms';
import { parseControlTag } from '../ooxml/writer';
import { cellAt, columnCount, type DocCell, type DocModel, type DocRow, type DocTable } from '../ooxml/reader';
import { findSchoolYears, fold, type SchoolYear } from '../text';
import { bestScore } from './headings';
import { hasMeaning, meaningsOf } from './meaning';
import type { CriterionRef } from './model';

/** A row in the document: DocTable.index and DocRow.index. */
export interface RowRef {
  readonly table: number;
  readonly row: number;
}

export type BodyEntry =
  | {
      readonly kind: 'section';
      readonly section: SectionId;
      readonly label: string;
      readonly statement?: string;
      readonly at: RowRef;
    }
  | { readonly kind: 'standard'; readonly standard: number; readonly title: string; readonly tt: string; readonly at: RowRef }
  | CriterionEntry
  | ItemEntry
  | {
      readonly kind: 'fixed';
      readonly label: string;
      readonly cells: Readonly<Record<string, string>>;
      readonly at: RowRef;
    }
  | { readonly kind: 'note'; readonly text: string; readonly at: RowRef }
  | { readonly kind: 'empty'; readonly at: RowRef }
  | { readonly kind: 'unknown'; readonly texts: readonly string[]; readonly at: RowRef };

export interface CriterionEntry {
  readonly kind: 'criterion';
  readonly ref: CriterionRef;
  readonly level?: Level;
  /** The label as written ("Tiêu chí 1.3", "Tiêu chí 1.3: …"), first line only. */
  readonly label: string;
  /** Title written after the code, if any. */
  readonly title?: string;
  /** Text of each form column (continuation rows appended on new lines). */
  readonly cells: Readonly<Record<string, string>>;
  /** The criterion's first row, and all its rows (continuations included). */
  readonly at: RowRef;
  readonly rows: readonly RowRef[];
  /** Each physical row's own cell texts, aligned with `rows`. */
  readonly rowCells: readonly Readonly<Record<string, string>>[];
  readonly section?: SectionId;
  /** Number of the standard row it sits under. */
  readonly standard?: number;
}

/** A content row that names no criterion (TT57 plans may have them; elsewhere the label is missing). */
export interface ItemEntry {
  readonly kind: 'item';
  readonly tt: string;
  readonly cells: Readonly<Record<string, string>>;
  readonly at: RowRef;
  readonly rows: readonly RowRef[];
  readonly rowCells: readonly Readonly<Record<string, string>>[];
  readonly section?: SectionId;
  readonly standard?: number;
}

export interface ColumnMapping {
  readonly key: string;
  /** Grid column in the document. */
  readonly col: number;
  /** The document's heading for it; empty when the heading is missing and the column was placed by position. */
  readonly heading: string;
  readonly inferred: boolean;
  /** The heading is worded otherwise than the form's and was understood by its key phrases: a guess. */
  readonly guessed?: boolean;
}

export interface RecognisedTable {
  /** The table and its continuations on later pages (tables without heading rows). */
  readonly parts: readonly DocTable[];
  readonly form: TableForm;
  /** How sure the recognition is, in [0, 1]. */
  readonly score: number;
  /** Heading rows at the top of the first part. */
  readonly headerRows: number;
  readonly columns: readonly ColumnMapping[];
  /** Form columns the document does not have at all. */
  readonly missing: readonly ColumnDef[];
  /** Document columns with a heading that matches no form column. */
  readonly extra: readonly { readonly col: number; readonly heading: string }[];
  /** School years written in the headings. */
  readonly headingYears: readonly SchoolYear[];
  readonly entries: readonly BodyEntry[];
  /** Tag of our content control, when the add-in inserted the table. */
  readonly tag?: string;
  /** TT57 table with MỨC 1 / MỨC 2 sections. */
  readonly groupedByLevel: boolean;
  readonly gridColumns: number;
}

interface RecogniseOptions {
  /** Framework known from elsewhere (metadata or the user), to tell 2018 from 2026 reports apart. */
  readonly framework?: Framework;
}

// ---------------------------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------------------------

const ALL_HEADINGS: string[] = FORM_IDS.flatMap((id) => [
  ...FORMS[id].columns.flatMap((c) => [c.heading, ...(c.aliases ?? [])]),
  ...FORMS[id].groups.map((g) => g.heading),
]);

function isNumberRow(row: DocRow): boolean {
  const texts = row.cells.map((c) => c.text.trim()).filter(Boolean);
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$/.test(t));
}

const BODY_START = /^(muc\s*\d|tieu chuan\s*\d|tieu chi\s*\d|cuoi hoc ky|cuoi nam hoc)/;

function looksLikeBody(row: DocRow): boolean {
  return row.cells.some((c) => BODY_START.test(fold(c.text)));
}

function isHeadingRow(row: DocRow): boolean {
  if (isNumberRow(row)) return true;
  if (looksLikeBody(row)) return false;
  if (row.header) return true;
  return row.cells.some((c) => c.text.trim() && bestScore(c.text, ALL_HEADINGS) >= 0.7);
}

/** Reworded headings: a row of short cells most of which mean form columns (two at least). */
function isRewordedHeadingRow(row: DocRow): boolean {
  if (looksLikeBody(row)) return false;
  const filled = row.cells.filter((c) => c.vMerge !== 'continue' && c.text.trim());
  if (filled.some((c) => c.text.trim().length > 200)) return false;
  const meaning = filled.filter((c) => hasMeaning(c.text)).length;
  return meaning >= 2 && meaning >= 0.6 * filled.length;
}

/** Number of heading rows at the top of a table. */
function headerRowCount(t: DocTable): number {
  let n = 0;
  while (
    n < t.rows.length &&
    n < 5 &&
    (isHeadingRow(t.rows[n]) || (n < 3 && !(n > 0 && isNumberRow(t.rows[n - 1])) && isRewordedHeadingRow(t.rows[n])))
  )
    n++;
  return n;
}

interface ColumnHeadings {
  /** Deepest heading over each grid column ('' when only a group heading covers it). */
  leaf: string[];
  /** Group heading over each grid column, if any. */
  group: string[];
}

function columnHeadings(t: DocTable, headerRows: number, cols: number): ColumnHeadings {
  const leaf = Array<string>(cols).fill('');
  const group = Array<string>(cols).fill('');
  for (let r = 0; r < headerRows; r++) {
    const row = t.rows[r];
    if (isNumberRow(row)) continue;
    for (let c = 0; c < cols; c++) {
      const cell = cellAt(row, c);
      if (!cell || cell.vMerge === 'continue') continue;
      const text = cell.text.trim();
      if (cell.span > 1) {
        group[c] = text;
        leaf[c] = '';
      } else if (text || r === 0) leaf[c] = text;
    }
  }
  return { leaf, group };
}

interface FormMatch {
  form: TableForm;
  score: number;
  matched: number;
  columns: ColumnMapping[];
  missing: ColumnDef[];
  extra: { col: number; heading: string }[];
}

const MIN_SCORE = 0.6;
/** What a heading understood by its meaning counts for: less than a heading worded like the form's. */
const GUESS_SCORE = 0.7;

function matchForm(form: TableForm, h: ColumnHeadings, cols: number): FormMatch {
  const candidates: { fi: number; col: number; score: number }[] = [];
  form.columns.forEach((fc, fi) => {
    for (let c = 0; c < cols; c++) {
      const s = bestScore(h.leaf[c], [fc.heading, ...(fc.aliases ?? [])]);
      if (s >= MIN_SCORE) candidates.push({ fi, col: c, score: s - Math.abs(c - fi) * 0.001 });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  const byForm = new Map<number, { col: number; score: number }>();
  const usedCols = new Set<number>();
  for (const cand of candidates) {
    if (byForm.has(cand.fi) || usedCols.has(cand.col)) continue;
    byForm.set(cand.fi, { col: cand.col, score: cand.score });
    usedCols.add(cand.col);
  }
  // Headings worded otherwise: understood by their key phrases, nearest form position first.
  const guessed = new Set<number>();
  for (let c = 0; c < cols; c++) {
    if (usedCols.has(c) || !h.leaf[c]) continue;
    const options = meaningsOf(form.id, h.leaf[c])
      .map((k) => form.columns.findIndex((fc) => fc.key === k))
      .filter((fi) => fi >= 0 && !byForm.has(fi))
      .sort((a, b) => Math.abs(a - c) - Math.abs(b - c));
    if (!options.length) continue;
    byForm.set(options[0], { col: c, score: GUESS_SCORE });
    usedCols.add(c);
    guessed.add(options[0]);
  }
  // Columns whose heading is missing, placed by their neighbours' positions.
  const inferred = new Map<number, number>();
  form.columns.forEach((_, fi) => {
    if (byForm.has(fi)) return;
    let prev = fi - 1;
    while (prev >= 0 && !byForm.has(prev)) prev--;
    let next = fi + 1;
    while (next < form.columns.length && !byForm.has(next)) next++;
    let col: number | undefined;
    if (prev >= 0) {
      const c = byForm.get(prev)!.col + (fi - prev);
      const fits = next >= form.columns.length ? c < cols : byForm.get(next)!.col - c === next - fi;
      if (fits) col = c;
    } else if (next < form.columns.length) {
      const c = byForm.get(next)!.col - (next - fi);
      if (c >= 0) col = c;
    }
    if (col !== undefined && col < cols && !usedCols.has(col) && !h.leaf[col]) {
      inferred.set(fi, col);
      usedCols.add(col);
    }
  });
  const columns: ColumnMapping[] = [];
  const missing: ColumnDef[] = [];
  let total = 0;
  form.columns.forEach((fc, fi) => {
    const m = byForm.get(fi);
    if (m) {
      total += Math.min(1, m.score);
      columns.push({
        key: fc.key,
        col: m.col,
        heading: h.leaf[m.col],
        inferred: false,
        ...(guessed.has(fi) ? { guessed: true } : {}),
      });
    } else if (inferred.has(fi)) columns.push({ key: fc.key, col: inferred.get(fi)!, heading: '', inferred: true });
    else missing.push(fc);
  });
  const extra: { col: number; heading: string }[] = [];
  for (let c = 0; c < cols; c++) if (!usedCols.has(c) && h.leaf[c]) extra.push({ col: c, heading: h.leaf[c] });
  // Group headings (report) support the match.
  let groupBonus = 0;
  for (const g of form.groups) if (h.group.some((t) => t && bestScore(t, [g.heading]) >= MIN_SCORE)) groupBonus += 0.5;
  return {
    form,
    score: (total + groupBonus) / (form.columns.length + form.groups.length * 0.5),
    matched: byForm.size,
    columns,
    missing,
    extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Body
// ---------------------------------------------------------------------------------------------

const SECTION_RE = /^muc\s*(\d)((?:\s*[,;&]\s*\d|\s+va\s+\d)*)\s*[:.-]?\s*(.*)$/s;

/** "MỨC 1, 2, 3" → m123, "MỨC  1" → m1, "Mức 4: không" → m4 with statement "không". */
export function parseSectionLabel(text: string): { section: SectionId; statement?: string } | undefined {
  const t = text.trim();
  const m = SECTION_RE.exec(fold(t));
  if (!m) return undefined;
  const digits = [m[1], ...(m[2].match(/\d/g) ?? [])].map(Number);
  const key = digits.join(',');
  const section: SectionId | undefined =
    key === '1,2,3'
      ? 'm123'
      : key === '1,2'
        ? 'all'
        : key === '1'
          ? 'm1'
          : key === '2'
            ? 'm2'
            : key === '3'
              ? 'm3'
              : key === '4'
                ? 'm4'
                : undefined;
  if (!section) return undefined;
  // Keep the statement in the document's own spelling.
  const colon = t.search(/[:]/);
  const statement = m[3].trim() ? (colon >= 0 ? t.slice(colon + 1).trim() : t.replace(/^\S+\s*[\d,\s]+/, '').trim()) : undefined;
  return { section, statement: statement || undefined };
}

const STANDARD_RE = /^tieu chuan\s*(\d+)\s*[:.-]?\s*(.*)$/s;

function parseStandardLabel(text: string): { standard: number; title: string } | undefined {
  const t = text.trim();
  const m = STANDARD_RE.exec(fold(t));
  if (!m) return undefined;
  const colon = t.search(/[:.\-–]/);
  const title = m[2] ? t.slice(colon >= 0 ? colon + 1 : t.length).trim() : '';
  return { standard: Number(m[1]), title };
}

const CRITERION_RE = /^(?:tieu chi|tc)\s*(\d+)(?:\s*\.\s*(\d+))?(?![\d.])\s*(.*)$/s;
const BARE_CODE_RE = /^(\d)\.(\d{1,2})(?![\d.])\s*(.*)$/s;
const LEVEL_RE = /\(\s*muc\s*(\d)\s*\)/;

interface ParsedLabel {
  readonly ref: CriterionRef;
  readonly level?: Level;
  readonly label: string;
  readonly title?: string;
  /** Paragraphs of the cell after the label (plan-2026: the improvement content). */
  readonly rest: string;
}

/**
 * A criterion label: "Tiêu chí 1.3", "Tiêu chí 1.3: <title>", "Tiêu chí 1.3" + "(mức 3)",
 * "Tiêu chí 2 (Mức 4)", or "Tiêu chí 2" inside the MỨC 4 section.
 */
export function parseCriterionLabel(paragraphs: readonly string[], inLevel4Section: boolean): ParsedLabel | undefined {
  const paras = [...paragraphs];
  while (paras.length && !paras[0].trim()) paras.shift();
  if (!paras.length) return undefined;
  const first = paras[0].trim();
  const f = fold(first);
  const m = CRITERION_RE.exec(f) ?? BARE_CODE_RE.exec(f);
  if (!m) return undefined;
  let used = 1;
  let level: number | undefined;
  const lm = LEVEL_RE.exec(f);
  if (lm) level = Number(lm[1]);
  else if (paras[1] && /^\(\s*muc\s*\d\s*\)$/.test(fold(paras[1]))) {
    level = Number(LEVEL_RE.exec(fold(paras[1]))![1]);
    used = 2;
  }
  let ref: CriterionRef;
  if (m[2] !== undefined) ref = { code: `${Number(m[1])}.${Number(m[2])}` };
  else if (level === 4 || inLevel4Section) ref = { code: String(Number(m[1])), level4: true };
  else ref = { code: String(Number(m[1])) };
  const colon = first.indexOf(':');
  const title =
    colon >= 0
      ? first
          .slice(colon + 1)
          .replace(/\(\s*m[ứu]c\s*\d\s*\)/i, '')
          .trim() || undefined
      : undefined;
  return {
    ref,
    level: level && level <= 3 ? (level as Level) : undefined,
    label: first,
    title,
    rest: paras.slice(used).join('\n').trim(),
  };
}

const FIXED_RE = /^(cuoi hoc ky|cuoi nam hoc|giua hoc ky|cuoi ky)/;

interface MutableCriterion {
  kind: 'criterion' | 'item';
  ref?: CriterionRef;
  level?: Level;
  label: string;
  title?: string;
  tt: string;
  cells: Record<string, string>;
  at: RowRef;
  rows: RowRef[];
  rowCells: Record<string, string>[];
  section?: SectionId;
  standard?: number;
}

function appendText(cells: Record<string, string>, key: string, value: string): void {
  const v = value.trim() ? value : '';
  if (!v) return;
  cells[key] = cells[key] ? `${cells[key]}\n${v}` : v;
}

function parseBody(
  parts: readonly DocTable[],
  headerRows: number,
  form: TableForm,
  columns: readonly ColumnMapping[],
  cols: number,
): BodyEntry[] {
  const entries: BodyEntry[] = [];
  const colOf = new Map(columns.map((c) => [c.key, c.col]));
  const formIndex = (key: string): number => form.columns.findIndex((c) => c.key === key);
  const criterionCol = colOf.get('criterion') ?? colOf.get('when') ?? Math.max(0, formIndex('criterion'));
  const ttCol = colOf.get('tt') ?? (formIndex('tt') >= 0 ? formIndex('tt') : -1);
  let section: SectionId | undefined;
  let standard: number | undefined;
  let current: MutableCriterion | undefined;
  const flush = (): void => {
    if (!current) return;
    const { kind, ref, level, label, title, tt, cells, at, rows, rowCells } = current;
    const where = { section: current.section, standard: current.standard };
    if (kind === 'criterion' && ref) entries.push({ kind, ref, level, label, title, cells, at, rows, rowCells, ...where });
    else entries.push({ kind: 'item', tt, cells, at, rows, rowCells, ...where });
    current = undefined;
  };
  const textAt = (row: DocRow, col: number): DocCell | undefined => {
    const c = cellAt(row, col);
    return c && c.col === col && c.vMerge !== 'continue' ? c : undefined;
  };
  const rowCells = (row: DocRow): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const m of columns) {
      if (m.key === 'tt' || m.key === 'when') continue;
      const c = textAt(row, m.col);
      if (c && c.text.trim()) out[m.key] = c.text;
    }
    return out;
  };

  parts.forEach((t, pi) => {
    t.rows.forEach((row, ri) => {
      if (pi === 0 && ri < headerRows) return;
      // A row deleted under Track Changes is not part of the plan (its text is deleted text).
      if (row.deleted) return;
      const at = { table: t.index, row: row.index };
      const filled = row.cells.filter((c) => c.vMerge !== 'continue' && c.text.trim());
      if (!filled.length) {
        flush();
        entries.push({ kind: 'empty', at });
        return;
      }
      // A row whose only text spans (most of) the width: a level section or a sentence.
      const wide = filled.length === 1 && (filled[0].span >= Math.max(2, cols - 2) || row.cells.length === 1);
      if (wide) {
        const s = parseSectionLabel(filled[0].text);
        if (s) {
          flush();
          section = s.section;
          standard = undefined;
          entries.push({ kind: 'section', section: s.section, label: filled[0].text.trim(), statement: s.statement, at });
          return;
        }
      }
      // Standard rows: "Tiêu chuẩn n: …" in one of the first cells.
      const stdCell = filled.find((c) => c.col <= Math.max(2, criterionCol + 1) && STANDARD_RE.test(fold(c.text.trim())));
      if (stdCell && filled.every((c) => c === stdCell || c.col === ttCol || /^\d{1,2}\.?$/.test(c.text.trim()))) {
        flush();
        const s = parseStandardLabel(stdCell.text)!;
        standard = s.standard;
        const tt = ttCol >= 0 && stdCell.col !== ttCol ? (textAt(row, ttCol)?.text.trim() ?? '') : '';
        entries.push({ kind: 'standard', standard: s.standard, title: s.title, tt, at });
        return;
      }
      if (form.sections === 'none') {
        const when = textAt(row, criterionCol);
        if (when && FIXED_RE.test(fold(when.text.trim()))) {
          flush();
          entries.push({ kind: 'fixed', label: when.text.trim(), cells: rowCells(row), at });
          return;
        }
      }
      const labelCell = textAt(row, criterionCol);
      const parsed = labelCell ? parseCriterionLabel(labelCell.paragraphs, section === 'm4') : undefined;
      const tt = ttCol >= 0 ? (textAt(row, ttCol)?.text.trim() ?? '') : '';
      if (parsed) {
        flush();
        const cells = rowCells(row);
        if (form.columns.some((c) => c.key === 'criterion' && c.labelContent)) {
          if (parsed.rest) cells.criterion = parsed.rest;
          else delete cells.criterion;
        } else delete cells.criterion;
        current = {
          kind: 'criterion',
          ref: parsed.ref,
          level: parsed.level,
          label: parsed.label,
          title: parsed.title,
          tt,
          cells,
          at,
          rows: [at],
          rowCells: [{ ...cells }],
          section,
          standard,
        };
        return;
      }
      if (wide && !tt) {
        flush();
        entries.push({ kind: 'note', text: filled[0].text.trim(), at });
        return;
      }
      const merged = cellAt(row, criterionCol)?.vMerge === 'continue';
      // A numbered row with content but no criterion label starts an item of its own.
      if (tt && !merged && /^\d{1,3}\.?$/.test(tt)) {
        flush();
        const cells = rowCells(row);
        current = { kind: 'item', label: '', tt, cells, at, rows: [at], rowCells: [{ ...cells }], section, standard };
        return;
      }
      // Otherwise the row continues the criterion above (a second plan row, or a row split by a page break).
      if (current) {
        const cells = rowCells(row);
        current.rows.push(at);
        current.rowCells.push(cells);
        for (const [k, v] of Object.entries(cells)) appendText(current.cells, k, v);
        return;
      }
      if (form.sections !== 'none' && labelCell?.text.trim()) {
        entries.push({ kind: 'unknown', texts: filled.map((c) => c.text), at });
        return;
      }
      const cells = rowCells(row);
      current = { kind: 'item', label: '', tt, cells, at, rows: [at], rowCells: [{ ...cells }], section, standard };
    });
  });
  flush();
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Tables and documents
// ---------------------------------------------------------------------------------------------

/** What tells the frameworks apart, read from the catalogs: standard titles, standard numbers, codes, levels. */
interface FrameworkEvidence {
  /** Folded first words of each standard title (and its variants) → the frameworks using them. */
  readonly titleStarts: ReadonlyMap<string, ReadonlySet<Framework>>;
  readonly standards: ReadonlyMap<number, ReadonlySet<Framework>>;
  readonly codes: ReadonlyMap<string, ReadonlySet<Framework>>;
  readonly levels: ReadonlyMap<Level, ReadonlySet<Framework>>;
  /** Frameworks with Mức 4 items. */
  readonly level4: ReadonlySet<Framework>;
}

const TITLE_WORDS = 3;

function titleStart(title: string): string {
  return fold(title)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .slice(0, TITLE_WORDS)
    .join(' ');
}

let evidence: FrameworkEvidence | undefined;

function frameworkEvidence(): FrameworkEvidence {
  if (evidence) return evidence;
  const titleStarts = new Map<string, Set<Framework>>();
  const standards = new Map<number, Set<Framework>>();
  const codes = new Map<string, Set<Framework>>();
  const levels = new Map<Level, Set<Framework>>();
  const level4 = new Set<Framework>();
  const add = <K>(m: Map<K, Set<Framework>>, k: K, fw: Framework): void => {
    const set = m.get(k) ?? new Set<Framework>();
    set.add(fw);
    m.set(k, set);
  };
  for (const fw of FRAMEWORKS) {
    for (const type of SCHOOL_TYPES) {
      const cat = findCatalog(fw, type);
      if (!cat) continue;
      for (const lv of cat.levels) add(levels, lv, fw);
      if (cat.level4.length) level4.add(fw);
      for (const std of cat.standards) {
        add(standards, std.number, fw);
        for (const t of [std.title, ...(std.titleVariants ?? [])]) add(titleStarts, titleStart(t), fw);
        for (const c of std.criteria) add(codes, c.code, fw);
      }
    }
  }
  evidence = { titleStarts, standards, codes, levels, level4 };
  return evidence;
}

/** Levels a level section stands for ("MỨC 1, 2, 3" needs Mức 3; "MỨC 4" the Mức 4 items). */
const SECTION_LEVELS: Readonly<Record<SectionId, readonly Level[] | 'level4'>> = {
  m123: [1, 2, 3],
  m4: 'level4',
  m1: [1],
  m2: [2],
  m3: [3],
  all: [1, 2],
};

/** Evidence in a body of the framework its table follows (the catalogs say what belongs to which). */
function bodyFramework(entries: readonly BodyEntry[]): Framework | undefined {
  const ev = frameworkEvidence();
  const votes: Record<Framework, number> = { '2018': 0, '2026': 0 };
  // Evidence counts when it belongs to one framework only.
  const vote = (frameworks: ReadonlySet<Framework> | undefined, weight: number): void => {
    if (frameworks?.size === 1) for (const fw of frameworks) votes[fw] += weight;
  };
  const withLevels = (lvs: readonly Level[]): Set<Framework> =>
    new Set(FRAMEWORKS.filter((fw) => lvs.every((lv) => ev.levels.get(lv)?.has(fw))));
  for (const e of entries) {
    if (e.kind === 'section') {
      const lvs = SECTION_LEVELS[e.section];
      vote(lvs === 'level4' ? ev.level4 : withLevels(lvs), 2);
    } else if (e.kind === 'standard') {
      vote(ev.standards.get(e.standard), 2);
      vote(ev.titleStarts.get(titleStart(e.title)), 2);
    } else if (e.kind === 'criterion') {
      if (e.ref.level4) vote(ev.level4, 2);
      else if (e.level) vote(withLevels([e.level]), 2);
      if (!e.ref.level4) vote(ev.codes.get(e.ref.code), 1);
    }
  }
  if (votes['2018'] > votes['2026']) return '2018';
  return votes['2026'] > votes['2018'] ? '2026' : undefined;
}

function recogniseOne(
  t: DocTable,
  opts: RecogniseOptions,
): (Omit<RecognisedTable, 'parts' | 'entries'> & { match: FormMatch }) | undefined {
  const headerRows = headerRowCount(t);
  if (!headerRows) return undefined;
  const cols = columnCount(t);
  const h = columnHeadings(t, headerRows, cols);
  const tagged = parseControlTag(t.tag);
  let best: FormMatch | undefined;
  for (const id of FORM_IDS) {
    const m = matchForm(FORMS[id], h, cols);
    if (m.matched < 3 || m.score < 0.45) continue;
    const better =
      !best ||
      m.score > best.score + 1e-9 ||
      // The two report forms have the same headings: decide by framework (tag, then hint).
      (Math.abs(m.score - best.score) < 1e-9 &&
        ((tagged && tagged.form === id) || (!tagged && opts.framework !== undefined && FORMS[id].framework === opts.framework)));
    if (better) best = m;
  }
  if (!best) return undefined;
  const years: SchoolYear[] = [];
  for (let r = 0; r < headerRows; r++) for (const c of t.rows[r].cells) years.push(...findSchoolYears(c.text));
  return {
    form: best.form,
    score: Math.min(1, best.score),
    headerRows,
    columns: best.columns,
    missing: best.missing,
    extra: best.extra,
    headingYears: years,
    tag: t.tag,
    groupedByLevel: false,
    gridColumns: cols,
    match: best,
  };
}

function onlyEmptyParagraphsBetween(model: DocModel, a: DocTable, b: DocTable): boolean {
  if (b.block <= a.block) return false;
  if (b.block - a.block > 4) return false;
  return model.paragraphs.every((p) => p.floating || p.block <= a.block || p.block >= b.block || !p.text.trim());
}

/** Recognise every plan, report and monitoring table of a document. */
export function recogniseTables(model: DocModel, opts: RecogniseOptions = {}): RecognisedTable[] {
  const out: RecognisedTable[] = [];
  let last: { rec: RecognisedTable; parts: DocTable[] } | undefined;
  for (const t of model.tables) {
    const r = recogniseOne(t, opts);
    if (!r) {
      // A table without heading rows right after a recognised one, with the same columns: its continuation.
      const prevPart = last?.parts[last.parts.length - 1];
      if (
        last &&
        prevPart &&
        t.topIndex >= 0 &&
        headerRowCount(t) === 0 &&
        columnCount(t) === last.rec.gridColumns &&
        onlyEmptyParagraphsBetween(model, prevPart, t)
      ) {
        last.parts.push(t);
        const rec = finish(last.rec, last.parts, opts);
        out[out.length - 1] = rec;
        last.rec = rec;
      }
      continue;
    }
    const { match: _match, ...base } = r;
    const rec = finish({ ...base, parts: [t], entries: [] }, [t], opts);
    out.push(rec);
    last = t.topIndex >= 0 ? { rec, parts: [t] } : last;
  }
  return out;
}

function finish(base: RecognisedTable, parts: DocTable[], opts: RecogniseOptions): RecognisedTable {
  let form = base.form;
  let entries = parseBody(parts, base.headerRows, form, base.columns, base.gridColumns);
  // Same headings, other framework: the body tells 2018 reports from 2026 ones.
  const tagged = parseControlTag(base.tag);
  if (!tagged || !isFormId(tagged.form)) {
    // What the body shows (MỨC 4, Tiêu chuẩn 5, TT57 standard titles) outranks the year.
    const fw = bodyFramework(entries) ?? opts.framework ?? yearFramework(base.headingYears);
    if (fw && fw !== form.framework) {
      const other = FORM_IDS.map((id) => FORMS[id]).find(
        (f) => f.kind === form.kind && f.framework === fw && sameColumns(f, form),
      );
      if (other) {
        form = other;
        entries = parseBody(parts, base.headerRows, form, base.columns, base.gridColumns);
      }
    }
  }
  const groupedByLevel =
    form.sections === 'levels-2026' && entries.some((e) => e.kind === 'section' && (e.section === 'm1' || e.section === 'm2'));
  return { ...base, form, parts, entries, groupedByLevel };
}

function sameColumns(a: TableForm, b: TableForm): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c, i) => c.heading === b.columns[i].heading);
}

function yearFramework(years: readonly SchoolYear[]): Framework | undefined {
  return years.length ? (years[0].start >= 2026 ? '2026' : '2018') : undefined;
}

/** Criteria listed in a table, by section label ("MỨC 1, 2, 3": ["1.1", …], "MỨC 4": ["2", …]). */
export function criteriaBySection(rec: RecognisedTable): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of rec.entries) {
    if (e.kind !== 'criterion') continue;
    const label = e.section ? SECTION_LABELS[e.section] : defaultSectionLabel(rec.form.framework);
    const list = (out[label] ??= []);
    if (!list.includes(e.ref.code)) list.push(e.ref.code);
  }
  return out;
}

export function criterionEntries(rec: RecognisedTable): CriterionEntry[] {
  return rec.entries.filter((e): e is CriterionEntry => e.kind === 'criterion');
}
