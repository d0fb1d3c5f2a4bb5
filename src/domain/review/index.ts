/**
 * A reviewer's view of many schools' files, shared by the workbook (`ctcl check --xlsx`) and the
 * reviewer page: the files checked (their JSON records and criterion statuses), how reports were paired
 * with plans, and what each table cell says (school name in one form, kind, coverage, ignored items,
 * the matrix of criteria per framework and school type). Pure.
 */
import {
  allCriteria,
  compareCodes,
  findCatalog,
  SCHOOL_TYPE_LABELS,
  type Catalog,
  type Framework,
  type SchoolType,
} from '../catalog';
import { schoolDisplayName, type PairMethod } from '../check/pairing';
import { CRITERION_STATUS_LABELS, type CriterionStatus, type FileReport, type JsonFinding } from '../check/report';
import { DOCUMENT_KIND_SHORT } from '../vocabulary';
import {
  plan2026Cell,
  PLAN2026_STATUS_COLORS,
  PLAN2026_STATUS_LABELS,
  type Plan2026Record,
  type Plan2026Status,
} from './plan2026';

export * from './plan2026';

export interface ReviewOutcome {
  readonly report: FileReport;
  /** Status of each criterion the file mentions, keyed "1.3" or "M4.2". */
  readonly statuses: Readonly<Record<string, CriterionStatus>>;
  /** A Thông tư 57 plan (Biểu 2): its problems, items and reviews by criterion; the matrix shows these instead. */
  readonly plan2026?: Plan2026Record;
}

export interface ReviewPairing {
  /** Indexes into ReviewRun.outcomes. */
  readonly pairs: readonly { readonly report: number; readonly plan: number; readonly method: PairMethod | 'manual' }[];
  readonly unpairedReports: readonly number[];
  readonly unpairedPlans: readonly number[];
}

/** What a check of many files gives: `ctcl check` (CheckRun) and the reviewer page alike. */
export interface ReviewRun {
  readonly outcomes: readonly ReviewOutcome[];
  readonly pairing?: ReviewPairing;
}

/** Background colours of criterion statuses (RRGGBB), the same in the workbook and on the page. */
export const STATUS_COLORS: Readonly<Record<CriterionStatus, string>> = {
  planned: 'DDEBF7',
  reported: 'E2EFDA',
  'no-result': 'FFF2CC',
  missing: 'F8CBAD',
};

export { CRITERION_STATUS_LABELS };

/** A finding the school chose to «Bỏ qua» (marked `ignored: true` in the JSON). */
export function isIgnored(f: JsonFinding): boolean {
  return (f as JsonFinding & { readonly ignored?: boolean }).ignored === true;
}

/** The school's name in one written form (see schoolDisplayName), or ''. */
export function schoolOf(r: FileReport): string {
  return r.schoolName ? schoolDisplayName(r.schoolName) : '';
}

export function schoolTypeOf(r: FileReport): string {
  return r.schoolType ? SCHOOL_TYPE_LABELS[r.schoolType] : '';
}

/** Short names of what a file is, for a column of a table. */
const KIND_SHORT: Readonly<Record<FileReport['documentKind'] | 'unreadable', string>> = {
  ...DOCUMENT_KIND_SHORT,
  unreadable: 'Không đọc được',
};

export function kindOf(r: FileReport): string {
  if (r.error) return KIND_SHORT.unreadable;
  const kind = KIND_SHORT[r.documentKind] ?? r.documentKind;
  // Thông tư 57's plan and its follow-up table are parts of Biểu 2.
  const shown = r.form === 'plan-2026' || r.form === 'monitoring-2026' ? `${kind} (Biểu 2)` : kind;
  return r.convertedFrom ? `${shown} (đã chuyển từ .doc)` : shown;
}

/** Coverage of the plan by a report: «12/15» (criteria reported with a result / criteria planned), or ''. */
export function coverageOf(r: FileReport): string {
  return r.coverage ? `${r.coverage.reported}/${r.coverage.total}` : '';
}

export function ignoredCount(r: FileReport): number {
  return r.findings.filter(isIgnored).length;
}

/** A criterion or Mức 4 item, as a matrix column. */
export interface CriterionColumn {
  /** "1.3", or "M4.2" for Mức 4 item 2 of the 2018 circulars. */
  readonly key: string;
  /** Short title from the catalog of the school type; '' for codes the catalog does not have. */
  readonly title: string;
  /** One of TT57's eight mandatory criteria. */
  readonly mandatory: boolean;
}

/** Files of one framework and school type: their criteria are the same (a TT17 «1.5» is not a TT19 «1.5»). */
export interface MatrixGroup {
  readonly framework: Framework;
  readonly schoolType: SchoolType | null;
  /** «Tiểu học · TT17/2018», «Mầm non · TT57/2026», «Chưa rõ loại trường · TT57/2026». */
  readonly label: string;
  readonly columns: readonly CriterionColumn[];
  /** Indexes into ReviewRun.outcomes, in run order. */
  readonly rows: readonly number[];
  /** Some row is a Thông tư 57 plan (Biểu 2), shown by problem and item status. */
  readonly plans2026: boolean;
}

/** A title cut at a word boundary to at most `max` characters, with «…». */
export function shortTitle(title: string, max = 60): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

function compareKeys(a: string, b: string): number {
  const m4a = a.startsWith('M4.');
  const m4b = b.startsWith('M4.');
  if (m4a !== m4b) return m4a ? 1 : -1;
  return m4a ? Number(a.slice(3)) - Number(b.slice(3)) : compareCodes(a, b);
}

/** «TT17/2018» from «17/2018/TT-BGDĐT». */
function circularShort(number: string): string {
  const m = /^(\d+)\/(\d{4})/.exec(number);
  return m ? `TT${m[1]}/${m[2]}` : number;
}

const UNKNOWN_SCHOOL_TYPE = 'Chưa rõ loại trường';

/** «TT17/2018», «TT57/2026»; «TT 2018» when the 2018 framework has no catalog for the school type. */
export function circularOf(framework: Framework, schoolType: SchoolType | null): string {
  const cat = schoolType ? findCatalog(framework, schoolType) : undefined;
  return cat ? circularShort(cat.circular.number) : framework === '2026' ? 'TT57/2026' : 'TT 2018';
}

function groupLabel(framework: Framework, schoolType: SchoolType | null): string {
  return `${schoolType ? SCHOOL_TYPE_LABELS[schoolType] : UNKNOWN_SCHOOL_TYPE} · ${circularOf(framework, schoolType)}`;
}

/**
 * The matrix, one group per framework and school type that the readable files have: every criterion
 * (and Mức 4 item) of the group's catalog, with its short title, and any other code the files list.
 */
export function matrixGroups(run: ReviewRun): MatrixGroup[] {
  const groups = new Map<
    string,
    { framework: Framework; schoolType: SchoolType | null; rows: number[]; keys: Set<string>; plans2026: boolean }
  >();
  run.outcomes.forEach((o, i) => {
    const r = o.report;
    if (r.error || !r.framework) return;
    if (r.documentKind === 'unknown' && !Object.keys(o.statuses).length) return;
    const id = `${r.framework}|${r.schoolType ?? ''}`;
    let g = groups.get(id);
    if (!g) {
      g = { framework: r.framework, schoolType: r.schoolType, rows: [], keys: new Set(), plans2026: false };
      groups.set(id, g);
    }
    g.rows.push(i);
    for (const k of Object.keys(o.statuses)) g.keys.add(k);
    if (o.plan2026) {
      g.plans2026 = true;
      for (const k of Object.keys(o.plan2026.criteria)) g.keys.add(k);
    }
  });
  const order = (g: { framework: Framework; schoolType: SchoolType | null }) =>
    `${g.framework}|${g.schoolType ? ['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'].indexOf(g.schoolType) : 9}`;
  return [...groups.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .map((g) => {
      const cat = g.schoolType ? findCatalog(g.framework, g.schoolType) : undefined;
      const titles = new Map<string, string>();
      if (cat) {
        for (const c of allCriteria(cat)) titles.set(c.code, shortTitle(c.title));
        for (const item of cat.level4) titles.set(`M4.${item.code}`, shortTitle(item.summary));
      }
      const mandatory = mandatoryCodes(g.framework, cat);
      const keys = [...new Set([...titles.keys(), ...g.keys])].sort(compareKeys);
      return {
        framework: g.framework,
        schoolType: g.schoolType,
        label: groupLabel(g.framework, g.schoolType),
        columns: keys.map((key) => ({ key, title: titles.get(key) ?? '', mandatory: mandatory.has(key) })),
        rows: g.rows,
        plans2026: g.plans2026,
      };
    });
}

/**
 * TT57's mandatory criteria: from the school type's catalog, else (school type not known) from any TT57
 * catalog — the eight are the same codes for every school type. None for 2018.
 */
function mandatoryCodes(framework: Framework, cat: Catalog | undefined): Set<string> {
  if (framework !== '2026') return new Set();
  const c = cat ?? findCatalog('2026', 'tieu-hoc');
  return new Set(
    c
      ? allCriteria(c)
          .filter((x) => x.mandatory)
          .map((x) => x.code)
      : [],
  );
}

/** Every status a matrix cell can have: a 2018-style file's (plans and reports), or a Biểu 2 plan's. */
export type MatrixStatus = CriterionStatus | Plan2026Status;

/** What a matrix cell shows: the status word on its colour, and for a Biểu 2 plan the problems and items under it. */
export interface MatrixCell {
  readonly status: MatrixStatus;
  readonly label: string;
  /** RRGGBB. */
  readonly color: string;
  readonly detail: readonly string[];
}

/** The cell of a file's row under a criterion column; undefined for an empty cell. The page and the workbook both use it. */
export function matrixCell(o: ReviewOutcome, column: CriterionColumn): MatrixCell | undefined {
  if (o.plan2026) {
    const c = plan2026Cell(o.plan2026, column.key, column.mandatory);
    return (
      c && {
        status: c.status,
        label: PLAN2026_STATUS_LABELS[c.status],
        color: PLAN2026_STATUS_COLORS[c.status],
        detail: c.detail,
      }
    );
  }
  const s = o.statuses[column.key];
  return s && { status: s, label: CRITERION_STATUS_LABELS[s], color: STATUS_COLORS[s], detail: [] };
}
