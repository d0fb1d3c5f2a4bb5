/**
 * Everything about catalogs that needs none of their data: school types, frameworks and their labels,
 * the framework of a school year, and the look-ups that work on a catalog given to them. ./index adds
 * the catalogs themselves; the pane's first screen imports only this module and loads the catalog it
 * needs on demand (src/taskpane/insert/catalogs.ts).
 */
import type { Catalog, Criterion, Framework, Level4Item, SchoolType, Standard } from './types';
import { invalidYearMessage } from '../vocabulary';
import { fold, formatSchoolYear, parseSchoolYear, type SchoolYear } from '../text';
import { UserError } from '../errors';

export type { Catalog, Criterion, Framework, Level, SchoolType } from './types';

export const SCHOOL_TYPES: readonly SchoolType[] = ['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'];
export const FRAMEWORKS: readonly Framework[] = ['2018', '2026'];

export const SCHOOL_TYPE_LABELS: Readonly<Record<SchoolType, string>> = {
  'mam-non': 'Mầm non',
  'tieu-hoc': 'Tiểu học',
  'thcs-thpt': 'THCS, THPT',
  gdtx: 'Giáo dục thường xuyên',
};

/**
 * School types each framework has a catalog for, known without loading any catalog (the pane loads the
 * chosen one on demand); the same as schoolTypesOf() in ./index (test/domain/catalog.test.ts checks).
 */
export const CATALOG_SCHOOL_TYPES: Readonly<Record<Framework, readonly SchoolType[]>> = {
  '2018': ['mam-non', 'tieu-hoc', 'thcs-thpt'],
  '2026': ['mam-non', 'tieu-hoc', 'thcs-thpt', 'gdtx'],
};

export const FRAMEWORK_LABELS: Readonly<Record<Framework, string>> = {
  '2018': 'Thông tư 17, 18, 19/2018 (sửa đổi bởi 22/2024)',
  '2026': 'Thông tư 57/2026/TT-BGDĐT',
};

export function isSchoolType(v: unknown): v is SchoolType {
  return typeof v === 'string' && (SCHOOL_TYPES as readonly string[]).includes(v);
}

export function isFramework(v: unknown): v is Framework {
  return v === '2018' || v === '2026';
}

export class CatalogError extends UserError {
  constructor(message: string) {
    super('catalog', message);
  }
}

/** 2026-2027 onward: Thông tư 57/2026; earlier years: the 2018 circulars. */
export function frameworkForYear(year: SchoolYear | string): Framework {
  const y = typeof year === 'string' ? parseSchoolYear(year) : year;
  if (!y) throw new CatalogError(invalidYearMessage(String(year)));
  return y.start >= 2026 ? '2026' : '2018';
}

/** The school year being written now: from August on, the year starting this calendar year. */
export function currentSchoolYear(now = new Date()): string {
  const y = now.getFullYear();
  return formatSchoolYear(now.getMonth() >= 7 ? { start: y, end: y + 1 } : { start: y - 1, end: y });
}

export function allCriteria(catalog: Catalog): Criterion[] {
  return catalog.standards.flatMap((s) => s.criteria);
}

export function findCriterion(catalog: Catalog, code: string): Criterion | undefined {
  for (const s of catalog.standards) for (const c of s.criteria) if (c.code === code) return c;
  return undefined;
}

export function findStandard(catalog: Catalog, n: number): Standard | undefined {
  return catalog.standards.find((s) => s.number === n);
}

export function findLevel4Item(catalog: Catalog, code: string): Level4Item | undefined {
  return catalog.level4.find((i) => i.code === code);
}

/** Sort key of a criterion code: "1.10" after "1.9". */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

interface CriterionMatch {
  readonly criterion: Criterion;
  readonly standard: Standard;
}

/**
 * Search criteria by code ("3.2") or by words of the title or level summaries, ignoring diacritics and
 * case ("co so vat chat" finds "Cơ sở vật chất").
 */
export function searchCriteria(catalog: Catalog, query: string): CriterionMatch[] {
  const q = fold(query);
  const all = catalog.standards.flatMap((standard) => standard.criteria.map((criterion) => ({ criterion, standard })));
  if (!q) return all;
  const code = /^(?:tieu chi\s*)?(\d+)(?:\.(\d*))?$/.exec(q);
  if (code) {
    // "3.2" is one criterion; "3" or "3." is every criterion of Tiêu chuẩn 3.
    return code[2]
      ? all.filter((m) => m.criterion.code === `${code[1]}.${code[2]}`)
      : all.filter((m) => m.standard.number === Number(code[1]));
  }
  const words = q.split(' ');
  return all.filter((m) => {
    const hay = fold(
      `${m.criterion.code} ${m.criterion.title} ${m.standard.title} ${Object.values(m.criterion.summary).join(' ')}`,
    );
    return words.every((w) => hay.includes(w));
  });
}
