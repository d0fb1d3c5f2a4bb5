/**
 * The table model: the logical rows of a plan or report table (level sections, standards, criteria),
 * independent of OOXML. The writer turns it into a table; the reader's recogniser turns tables back into it.
 */
import {
  compareCodes,
  findCriterion,
  findLevel4Item,
  type Catalog,
  type Framework,
  type Level,
  type SchoolType,
} from '../catalog/base';
import { getForm, sectionForLevel, sectionsOf, type FormId, type SectionId, type TableForm, SECTION_LABELS } from '../forms';
import { UserError } from '../errors';

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

export class PlacementError extends UserError {
  constructor(message: string) {
    super('placement', message);
  }
}

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

interface InitialRowsOptions {
  readonly start: StartWith;
  /** For 'selected': criteria and Mức 4 items to give a row each. */
  readonly selected?: readonly CriterionRef[];
  readonly groupByLevel?: boolean;
}

interface LayoutItem {
  readonly ref: CriterionRef;
  readonly level?: Level;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Body rows in the standard layout: level sections (2018: MỨC 1, 2, 3 then MỨC 4; grouped TT57: MỨC 1,
 * MỨC 2), standard rows in number order, criteria in code order under their standard, Mức 4 items by
 * number. Standards without an item are left out unless `allStandards` (a new table's skeleton), in
 * which case every standard is listed in the first level section.
 */
export function layoutRows(
  formId: FormId,
  catalog: Catalog,
  items: readonly LayoutItem[],
  opts: { readonly groupByLevel?: boolean; readonly allStandards?: boolean } = {},
): BodyRow[] {
  const form = getForm(formId);
  const rows: BodyRow[] = [];
  const sectionOf = (i: LayoutItem): SectionId | undefined => {
    if (form.sections === 'levels-2018') return i.ref.level4 ? 'm4' : 'm123';
    return sectionForLevel(form, !!opts.groupByLevel, i.level, false);
  };
  const order: (SectionId | undefined)[] = sectionsOf(form, !!opts.groupByLevel);
  if (!order.length) order.push(undefined);
  order.forEach((section, n) => {
    const inSection = items.filter((i) => sectionOf(i) === section);
    if (section) rows.push({ kind: 'section', section });
    if (section === 'm4') {
      for (const i of [...inSection].sort((a, b) => Number(a.ref.code) - Number(b.ref.code))) {
        rows.push({ kind: 'criterion', ref: i.ref, level: i.level, cells: i.cells });
      }
      return;
    }
    for (const std of catalog.standards) {
      const mine = inSection.filter((i) => !i.ref.level4 && Number(i.ref.code.split('.')[0]) === std.number);
      if (!mine.length && !(opts.allStandards && n === 0)) continue;
      rows.push({ kind: 'standard', standard: std.number, title: std.title });
      for (const i of [...mine].sort((a, b) => compareCodes(a.ref.code, b.ref.code))) {
        rows.push({ kind: 'criterion', ref: i.ref, level: i.level, cells: i.cells });
      }
    }
  });
  return rows;
}

/**
 * The body rows a new table starts with: level sections and standard rows, and optionally one empty
 * row per criterion (all of them, or the selected ones). Standards without a selected criterion are
 * left out when criteria are selected, as schools list only the criteria they work on.
 */
export function initialRows(form: TableForm, catalog: Catalog, opts: InitialRowsOptions): BodyRow[] {
  if (form.sections === 'none') {
    if (form.fixedRows) return form.fixedRows.map((label) => ({ kind: 'fixed', label, cells: {} }));
    // A numbered table with no fixed rows (Biểu 2 mục IV): three numbered rows to fill in.
    return [1, 2, 3].map((n) => ({ kind: 'item', tt: String(n), cells: {} }));
  }
  const selected = opts.selected ?? [];
  for (const ref of selected) {
    const why = validateRef(catalog, ref);
    if (why) throw new PlacementError(why);
  }
  const refs: CriterionRef[] =
    opts.start === 'all'
      ? [
          ...catalog.standards.flatMap((s) => s.criteria.map((c) => ({ code: c.code }))),
          ...(form.sections === 'levels-2018' ? catalog.level4.map((i) => ({ code: i.code, level4: true })) : []),
        ]
      : opts.start === 'selected'
        ? [...selected]
        : [];
  return layoutRows(
    form.id,
    catalog,
    refs.map((ref) => ({ ref, cells: {} })),
    { groupByLevel: opts.groupByLevel, allStandards: opts.start !== 'selected' },
  );
}

export function sectionLabel(section: SectionId): string {
  return SECTION_LABELS[section];
}
