/**
 * Matching column headings as real documents write them: abbreviations (ND/nội dung, KH/kế hoạch,
 * XD/xây dựng, CL/chất lượng), any case, extra spaces and line breaks, typos of a letter or two,
 * decomposed Unicode, the school year inside a heading.
 */
import { editDistance, fold } from '../text';

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  nd: 'noi dung',
  kh: 'ke hoach',
  khct: 'ke hoach cai tien',
  xd: 'xay dung',
  cl: 'chat luong',
  gd: 'giao duc',
  ct: 'cai tien',
  cv: 'cong viec',
  tg: 'thoi gian',
  stt: 'tt',
  'so tt': 'tt',
  kp: 'kinh phi',
};

/** Keys already worked out: the form headings are compared with every cell of every heading row. */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 4096;

/** Canonical form of a heading for comparison. */
export function headingKey(s: string): string {
  let key = KEY_CACHE.get(s);
  if (key === undefined) {
    // Bounded: a long run over many documents must not grow memory.
    if (KEY_CACHE.size >= KEY_CACHE_LIMIT) KEY_CACHE.clear();
    key = computeHeadingKey(s);
    KEY_CACHE.set(s, key);
  }
  return key;
}

function computeHeadingKey(s: string): string {
  let t = fold(s)
    // The school year and column numbers are not part of the heading's identity.
    .replace(/(?:19|20)\d\d\s*-\s*(?:19|20)\d\d/g, ' ')
    .replace(/\(\s*\d{1,2}\s*\)/g, ' ')
    .replace(/[.,;:/\\()[\]"'“”‘’…*+–-]/g, ' ');
  t = t
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
  return t.replace(/\bnam hoc\s*$/, 'nam hoc').trim();
}

/**
 * How well a document heading matches a form heading, in [0, 1]. 1 is an exact match after
 * canonicalisation; typos cost in proportion to length (one or two letters are tolerated).
 */
export function headingScore(docHeading: string, formHeading: string): number {
  const a = headingKey(docHeading);
  const b = headingKey(formHeading);
  if (!a || !b) return 0;
  if (a === b) return 1;
  const tolerance = Math.max(2, Math.round(b.length * 0.12));
  const d = editDistance(a, b, tolerance);
  if (d <= tolerance) return 1 - d / Math.max(a.length, b.length) / 2;
  // Headings are sometimes shortened or extended ("Kết quả thực hiện" vs "Kết quả thực hiện đến nay").
  if (
    b.length >= 8 &&
    (a.startsWith(b) || b.startsWith(a)) &&
    Math.min(a.length, b.length) / Math.max(a.length, b.length) > 0.6
  ) {
    return 0.75;
  }
  return 0;
}

/** The best score of a document heading against a form heading and its aliases. */
export function bestScore(docHeading: string, headings: readonly string[]): number {
  let best = 0;
  for (const h of headings) best = Math.max(best, headingScore(docHeading, h));
  return best;
}
