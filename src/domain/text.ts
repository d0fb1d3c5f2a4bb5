/** Text helpers shared by every part of the domain: Vietnamese-aware folding, fuzzy matching, years. */

/** NFC-normalise: decomposed input (the "Unicode tổ hợp" of some input methods) compares equal to precomposed. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Collapse runs of white space (including line breaks and NBSP) into one space and trim. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

/**
 * Fold for matching: strip diacritics (tone and vowel marks), đ→d, lower case, unify dashes,
 * collapse spaces. "Cơ sở  vật chất" and "co so vat chat" fold to the same string.
 */
export function fold(s: string): string {
  return collapseSpaces(
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .toLowerCase(),
  );
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** A school year such as 2025-2026. */
export interface SchoolYear {
  readonly start: number;
  readonly end: number;
}

const YEAR_PAIR = /(?<!\d)((?:19|20)\d\d)\s*[-\u2010-\u2015/]\s*((?:19|20)\d\d)(?!\d)/g;

/** Every school year written in a text ("2021-2022", "2023 – 2024", "2020–2021"). */
export function findSchoolYears(text: string): SchoolYear[] {
  const out: SchoolYear[] = [];
  for (const m of text.matchAll(YEAR_PAIR)) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (end === start + 1) out.push({ start, end });
  }
  return out;
}

/** Parse "2025-2026" (also with spaces or dashes of other kinds); undefined when not a school year. */
export function parseSchoolYear(text: string): SchoolYear | undefined {
  const t = text.trim();
  const m = /^((?:19|20)\d\d)\s*[-\u2010-\u2015/]\s*((?:19|20)\d\d)$/.exec(t);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end === start + 1 ? { start, end } : undefined;
}

export function formatSchoolYear(y: SchoolYear): string {
  return `${y.start}-${y.end}`;
}

export function nextSchoolYear(y: SchoolYear): SchoolYear {
  return { start: y.start + 1, end: y.end + 1 };
}

/** The school year a date belongs to (a year runs from August to the following July). */
export function schoolYearOfDate(year: number, month: number): SchoolYear {
  return month >= 8 ? { start: year, end: year + 1 } : { start: year - 1, end: year };
}

/** Vietnamese dates as written in documents: "ngày 12 tháng 9 năm 2023", "12/9/2023". */
export function findDates(text: string): { day: number; month: number; year: number }[] {
  const out: { day: number; month: number; year: number }[] = [];
  const t = fold(text);
  for (const m of t.matchAll(/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)/g)) {
    out.push({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) });
  }
  for (const m of t.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)(?![\d/])/g)) {
    out.push({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) });
  }
  return out.filter((d) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
}

/**
 * Characters XML 1.0 cannot carry at all. They are written as U+FFFD «�» (visibly, never dropped):
 * a vertical tab (Word's manual line break) is turned into a line break before it gets here.
 */
const XML_INVALID_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The visible stand-in for a character XML cannot carry. */
export const REPLACEMENT_CHAR = '\ufffd';

export function replaceXmlInvalid(s: string): string {
  return s.replace(XML_INVALID_CHARS, REPLACEMENT_CHAR);
}

/** How many characters of a text XML cannot carry (vertical tabs aside: they become line breaks). */
export function countXmlInvalid(s: string): number {
  let n = 0;
  for (const m of s.matchAll(XML_INVALID_CHARS)) if (m[0] !== '\v') n++;
  return n;
}

/** Normalise line breaks to \n. */
export function normalizeNewlines(s: string): string {
  return s.replace(/\r\n?/g, '\n');
}
