/**
 * Pairing each school's report with its plan when a reviewer checks many schools at once: first by
 * the school's name and the school year the documents state, then, for what is left, by similar names
 * (school names, folder and file names). Pure: paths come in as strings.
 */
import { collapseSpaces, fold, nfc } from '../text';

interface PairCandidate {
  /** The caller's index for the document. */
  readonly id: number;
  /** Path as shown to the user (folders and file name); only its words are used. */
  readonly path: string;
  readonly schoolName?: string;
  readonly schoolYear?: string;
}

export type PairMethod = 'school-year' | 'similar-name';

interface Pair {
  readonly report: number;
  readonly plan: number;
  readonly method: PairMethod;
  /** 1 for a match by school and year; the name similarity (0.6–1) otherwise. */
  readonly score: number;
}

interface Pairing {
  readonly pairs: readonly Pair[];
  readonly unpairedReports: readonly number[];
  readonly unpairedPlans: readonly number[];
}

/** Ways the kinds of school are written, brought to one spelling. */
const SCHOOL_WORDS: readonly [RegExp, string][] = [
  [/\btrung tam giao duc thuong xuyen\b|\bgiao duc thuong xuyen\b/g, 'gdtx'],
  [/\bpho thong dan toc ban tru\b/g, 'ptdtbt'],
  [/\bpho thong dan toc noi tru\b/g, 'ptdtnt'],
  [/\btrung hoc co so\b/g, 'thcs'],
  [/\btrung hoc pho thong\b/g, 'thpt'],
  [/\btieu hoc\b/g, 'th'],
  [/\bmam non\b/g, 'mn'],
  [/\bmau giao\b/g, 'mg'],
];

/** A school's name reduced for comparison: "TRƯỜNG TH YÊN THẾ" and "trường Tiểu học Yên Thế" → "th yen the". */
export function schoolKey(name: string): string {
  let t = fold(name).replace(/[^a-z0-9]+/g, ' ');
  for (const [re, v] of SCHOOL_WORDS) t = t.replace(re, v);
  return t
    .replace(/\b(truong|va)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Kinds of school as they are written in full in a school's name (first letter capital), and their folded spellings. */
const SCHOOL_KINDS: readonly { readonly full: string; readonly spellings: readonly string[] }[] = [
  { full: 'Phổ thông dân tộc bán trú', spellings: ['pho thong dan toc ban tru', 'ptdtbt'] },
  { full: 'Phổ thông dân tộc nội trú', spellings: ['pho thong dan toc noi tru', 'ptdtnt'] },
  { full: 'Trung học cơ sở', spellings: ['trung hoc co so', 'thcs'] },
  { full: 'Trung học phổ thông', spellings: ['trung hoc pho thong', 'thpt'] },
  { full: 'Tiểu học', spellings: ['tieu hoc', 'th'] },
  { full: 'Mầm non', spellings: ['mam non', 'mn'] },
  { full: 'Mẫu giáo', spellings: ['mau giao', 'mg'] },
  { full: 'Nhà trẻ', spellings: ['nha tre'] },
];

/** Words kept in capitals in a school's name. */
const ACRONYM = /^(gdtx|gdnn|gdnn-gdtx|tt|ubnd|[ivx]+|.*\d.*)$/;

function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/**
 * A school's name in one written form for reviewers' tables: «trường Tiểu học Yên Thế» and «TRƯỜNG TH
 * NGUYỄN BÁ NGỌC» become «Trường Tiểu học Yên Thế» and «Trường Tiểu học Nguyễn Bá Ngọc». The kind of
 * school is written in full («TH» → «Tiểu học»), the proper name capitalised word by word when it was
 * written all in capitals or all in small letters. schoolKey gives the same key for both forms.
 */
export function schoolDisplayName(name: string): string {
  const words = collapseSpaces(nfc(name).replace(/\s*&\s*/g, ' & '))
    .replace(/[.,;:]+$/, '')
    .split(' ')
    .filter(Boolean);
  const folded = words.map((w) => fold(w));
  const out: string[] = [];
  let i = 0;
  let school = false;
  if (folded[0] === 'truong') {
    school = true;
    i = 1;
  }
  let kinds = 0;
  for (;;) {
    const kind = SCHOOL_KINDS.flatMap((k) => k.spellings.map((s) => ({ k, s: s.split(' ') }))).find(({ s }) =>
      s.every((w, j) => folded[i + j] === w),
    );
    if (!kind) break;
    out.push(kind.k.full);
    i += kind.s.length;
    kinds++;
    // «Tiểu học và Trung học cơ sở», «TH & THCS».
    if ((folded[i] === 'va' || folded[i] === '&') && i + 1 < words.length) {
      const next = SCHOOL_KINDS.some((k) => k.spellings.some((s) => s.split(' ').every((w, j) => folded[i + 1 + j] === w)));
      if (next) {
        out.push('và');
        i++;
      }
    }
  }
  const rest = words.slice(i);
  const letters = rest.join(' ').replace(/[^\p{L}]/gu, '');
  const oneCase = letters === letters.toLocaleUpperCase('vi') || letters === letters.toLocaleLowerCase('vi');
  for (const w of rest) out.push(!oneCase ? w : ACRONYM.test(fold(w)) ? w.toLocaleUpperCase('vi') : capitalise(w));
  if (school || kinds) out.unshift('Trường');
  return out.join(' ');
}

/** Words every plan or report file name has, and words naming a kind of school: they tell no school apart. */
const GENERIC = new Set(
  (
    'bao cao ke hoach kh bc khct bcct bckq kq ket qua thuc hien cai tien chat luong cl clgd kdcl giao duc gd nam hoc nh ' +
    'truong docx doc ban final chinh sua moi copy cua va theo sau tu danh gia tdg dgn ' +
    'th tieu mn mam non mg mau thcs thpt gdtx ptdtbt ptdtnt co so pho thong trung tam'
  ).split(' '),
);

function tokens(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !GENERIC.has(w) && !/^(19|20)\d\d$/.test(w));
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

interface Prepared {
  readonly c: PairCandidate;
  readonly key?: string;
  readonly name: Set<string>;
  path: Set<string>;
}

function prepare(c: PairCandidate): Prepared {
  const key = c.schoolName ? schoolKey(c.schoolName) : undefined;
  return {
    c,
    key: key || undefined,
    name: new Set(c.schoolName ? tokens(schoolKey(c.schoolName)) : []),
    path: new Set(tokens(c.path)),
  };
}

/** Similarity of two documents' names in [0, 1]: the school names when both state one, else the best of paths and names. */
function similarity(r: Prepared, p: Prepared): number {
  if (r.name.size && p.name.size) return dice(r.name, p.name);
  return Math.max(dice(r.path, p.path), dice(r.name, p.path), dice(r.path, p.name));
}

function yearsCompatible(a?: string, b?: string): boolean {
  return !a || !b || a === b;
}

const KIND_KEYS = new Set(['th', 'thcs', 'thpt', 'mn', 'mg', 'gdtx', 'ptdtbt', 'ptdtnt', 'nha', 'pt']);

/** The kinds of school a key names («th», «thcs», «mn»…). */
function kindsOf(key: string | undefined): string {
  return (key ?? '')
    .split(' ')
    .filter((w) => KIND_KEYS.has(w))
    .join(' ');
}

/** Two documents that both name their school, of different kinds («TH Kim Đồng», «THCS Kim Đồng»), are of two schools. */
function kindsCompatible(a: Prepared, b: Prepared): boolean {
  const ka = kindsOf(a.key);
  const kb = kindsOf(b.key);
  return !ka || !kb || ka === kb;
}

interface PairingOptions {
  /** Least name similarity for a pair by name (default 0.6: more than one word in two shared). */
  readonly minSimilarity?: number;
}

/**
 * Pair reports with plans. A report whose school name and school year equal a plan's is paired with it
 * (several reports may share one plan, e.g. a report sent twice). The reports left are paired one to
 * one with the plans left, best similarity first, when the years do not contradict each other.
 */
export function pairReportsWithPlans(
  reports: readonly PairCandidate[],
  plans: readonly PairCandidate[],
  opts: PairingOptions = {},
): Pairing {
  const min = opts.minSimilarity ?? 0.6;
  const rs = reports.map(prepare);
  const ps = plans.map(prepare);
  // Words in most paths (the reviewer's own folder names) tell nothing apart.
  const all = [...rs, ...ps];
  if (all.length >= 4) {
    const df = new Map<string, number>();
    for (const d of all) for (const w of d.path) df.set(w, (df.get(w) ?? 0) + 1);
    for (const d of all) d.path = new Set([...d.path].filter((w) => df.get(w)! * 2 <= all.length));
  }
  const pairs: Pair[] = [];
  const usedPlans = new Set<number>();
  const paired = new Set<number>();
  for (const r of rs) {
    if (!r.key || !r.c.schoolYear) continue;
    const same = ps.filter((p) => p.key === r.key && p.c.schoolYear === r.c.schoolYear);
    if (!same.length) continue;
    // Several plans of the same school and year: the one whose path is most alike.
    const best = same.reduce((a, b) => (dice(r.path, b.path) > dice(r.path, a.path) ? b : a));
    pairs.push({ report: r.c.id, plan: best.c.id, method: 'school-year', score: 1 });
    usedPlans.add(best.c.id);
    paired.add(r.c.id);
  }
  const candidates: { r: Prepared; p: Prepared; score: number; order: number }[] = [];
  let order = 0;
  for (const r of rs) {
    if (paired.has(r.c.id)) continue;
    for (const p of ps) {
      if (usedPlans.has(p.c.id) || !yearsCompatible(r.c.schoolYear, p.c.schoolYear) || !kindsCompatible(r, p)) continue;
      const score = similarity(r, p);
      if (score >= min) candidates.push({ r, p, score, order: order++ });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const { r, p, score } of candidates) {
    if (paired.has(r.c.id) || usedPlans.has(p.c.id)) continue;
    pairs.push({ report: r.c.id, plan: p.c.id, method: 'similar-name', score: Math.round(score * 100) / 100 });
    paired.add(r.c.id);
    usedPlans.add(p.c.id);
  }
  const reportOrder = new Map(reports.map((r, i) => [r.id, i]));
  pairs.sort((a, b) => reportOrder.get(a.report)! - reportOrder.get(b.report)!);
  return {
    pairs,
    unpairedReports: reports.filter((r) => !paired.has(r.id)).map((r) => r.id),
    unpairedPlans: plans.filter((p) => !usedPlans.has(p.id)).map((p) => p.id),
  };
}
