/**
 * The table model: the logical rows of a plan or report table (level sections, standards, criteria),
 * independent of OOXML. The writer turns it into a table; the reader's recogniser turns tables back into it.
 */
import {
  compareCodes,
  findCriterion,
  findLevel4Item,
  findStandard,
  type Catalog,
  type Framework,
  type Level,
  type SchoolType,
} from '../catalog';
import { sectionsOf, type FormId, type SectionId, type TableForm, SECTION_LABELS } from '../forms';

/** A criterion (code "1.3") or a Mức 4 item of the 2018 circulars (code "2", level4 true). */
export interface CriterionRef {
  readonly code: string;
  readonly level4?: boolean;
}

export type BodyRow =
  | { readonly kind: 'section'; readonly section: SectionId; readonly text?: string }
  | { readonly kind: 'standard'; readonly standard: number; readonly title: string }
  | {
      readonly kind: 'criterion';
      readonly ref: CriterionRef;
      /** The level the row is written for, shown as "(mức n)". */
      readonly level?: Level;
      /** Cell texts by column key (the label column's extra text for plan-2026 under its key). */
      readonly cells: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'fixed'; readonly label: string; readonly cells: Readonly<Record<string, string>> }
  /** A numbered content row tied to no criterion (TT57 plans allow them; TT holds its number). */
  | { readonly kind: 'item'; readonly tt: string; readonly cells: Readonly<Record<string, string>> };

export interface TableSpec {
  readonly form: FormId;
  readonly framework: Framework;
  readonly schoolType: SchoolType;
  readonly schoolYear: string;
  /** TT57 tables only: rows grouped under "MỨC 1" / "MỨC 2". */
  readonly groupByLevel: boolean;
  readonly rows: readonly BodyRow[];
}

export function refKey(ref: CriterionRef): string {
  return ref.level4 ? `M4.${ref.code}` : ref.code;
}

/** Parse "1.3", "M4.2", "m4-2" (CLI and JSON spelling of criteria and Mức 4 items). */
export function parseRef(s: string): CriterionRef | undefined {
  const t = s.trim();
  const m4 = /^m(?:uc)?\s*4\s*[.\-: ]\s*(\d+)$/i.exec(t);
  if (m4) return { code: String(Number(m4[1])), level4: true };
  const c = /^(\d+)\.(\d+)$/.exec(t);
  if (c) return { code: `${Number(c[1])}.${Number(c[2])}` };
  return undefined;
}

export function sameRef(a: CriterionRef, b: CriterionRef): boolean {
  return a.code === b.code && !!a.level4 === !!b.level4;
}

export function standardLabel(number: number, title: string): string {
  return `Tiêu chuẩn ${number}: ${title}`;
}

/** "Tiêu chí 1.3: <official title>" (+ "(mức 3)"), or "Tiêu chí 2 (Mức 4)" for a Mức 4 item. */
export function criterionLabel(catalog: Catalog, ref: CriterionRef, level?: Level): string[] {
  if (ref.level4) return [`Tiêu chí ${ref.code} (Mức 4)`];
  const c = findCriterion(catalog, ref.code);
  const first = c ? `Tiêu chí ${c.code}: ${c.title}` : `Tiêu chí ${ref.code}`;
  return level ? [first, `(mức ${level})`] : [first];
}

export class PlacementError extends Error {}

/** Check a criterion reference (and level) against the catalog; returns a Vietnamese reason or undefined. */
export function validateRef(catalog: Catalog, ref: CriterionRef, level?: Level): string | undefined {
  if (ref.level4) {
    if (catalog.framework !== '2018') return 'Thông tư 57/2026 không có tiêu chí Mức 4.';
    if (!findLevel4Item(catalog, ref.code)) {
      return `Không có tiêu chí ${ref.code} ở Mức 4 (${catalog.circular.number} có ${catalog.level4.length} tiêu chí Mức 4${catalog.level4Complete ? '' : ' đã xác minh'}).`;
    }
    return undefined;
  }
  const c = findCriterion(catalog, ref.code);
  if (!c)
    return `Không có tiêu chí ${ref.code} trong bộ tiêu chí ${catalog.circular.number} (${catalog.schoolTypeName.toLowerCase()}).`;
  if (level && !c.levels.includes(level)) {
    const has = c.levels.map((l) => `Mức ${l}`).join(', ');
    return `Tiêu chí ${c.code} không có yêu cầu ở Mức ${level} (chỉ có ${has}).`;
  }
  return undefined;
}

export type StartWith = 'skeleton' | 'all' | 'selected';

export interface InitialRowsOptions {
  readonly start: StartWith;
  /** For 'selected': criteria and Mức 4 items to give a row each. */
  readonly selected?: readonly CriterionRef[];
  readonly groupByLevel?: boolean;
}

/**
 * The body rows a new table starts with: level sections and standard rows, and optionally one empty
 * row per criterion (all of them, or the selected ones). Standards without a selected criterion are
 * left out when criteria are selected, as schools list only the criteria they work on.
 */
export function initialRows(form: TableForm, catalog: Catalog, opts: InitialRowsOptions): BodyRow[] {
  if (form.sections === 'none') {
    return (form.fixedRows ?? []).map((label) => ({ kind: 'fixed', label, cells: {} }));
  }
  const selected = opts.selected ?? [];
  for (const ref of selected) {
    const why = validateRef(catalog, ref);
    if (why) throw new PlacementError(why);
  }
  const wants = (ref: CriterionRef): boolean =>
    opts.start === 'all' || (opts.start === 'selected' && selected.some((s) => sameRef(s, ref)));
  const rows: BodyRow[] = [];
  const standardBlock = (): void => {
    for (const std of catalog.standards) {
      const crit = std.criteria.filter((c) => wants({ code: c.code }));
      if (opts.start === 'selected' && !crit.length) continue;
      rows.push({ kind: 'standard', standard: std.number, title: std.title });
      for (const c of [...crit].sort((a, b) => compareCodes(a.code, b.code))) {
        rows.push({ kind: 'criterion', ref: { code: c.code }, cells: {} });
      }
    }
  };
  const sections = sectionsOf(form, !!opts.groupByLevel);
  if (!sections.length) {
    standardBlock();
    return rows;
  }
  for (const section of sections) {
    rows.push({ kind: 'section', section });
    if (section === 'm4') {
      for (const item of catalog.level4) {
        if (wants({ code: item.code, level4: true })) {
          rows.push({ kind: 'criterion', ref: { code: item.code, level4: true }, cells: {} });
        }
      }
    } else if (section === 'm123' || section === 'm1') {
      standardBlock();
    }
  }
  return rows;
}

export function sectionLabel(section: SectionId): string {
  return SECTION_LABELS[section];
}

export function standardTitle(catalog: Catalog, n: number): string {
  return findStandard(catalog, n)?.title ?? '';
}
