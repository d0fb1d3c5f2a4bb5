/**
 * The criterion list and level picker of the "Điền dòng" panel: which levels a table offers, and the
 * criteria of its catalog grouped by standard (or the Mức 4 items), each with its levels, a one-line
 * summary per level, badges, the rows it already has, and why it cannot be chosen at the picked level.
 * Pure: tested in Node.
 */
import { searchCriteria, type Catalog, type Level } from '../../domain/catalog';
import { refKey, validateRef, type CriterionRef } from '../../domain/table/model';
import type { RecognisedTable } from '../../domain/table/recognise';
import { fold, parseSchoolYear } from '../../domain/text';

/** The part of a 2018 table a row goes to: "MỨC 1, 2, 3" or "MỨC 4" (TT57 tables: always 'main'). */
export type Section = 'main' | 'm4';

interface LevelPick {
  readonly section: Section;
  /** The level the row is written for, shown as "(mức n)"; undefined: not written. */
  readonly level?: Level;
}

interface LevelOptions {
  /** 2018 tables: the MỨC 4 part can be chosen. */
  readonly level4: boolean;
  /** Levels offered for a row; undefined stands for "Không ghi mức". */
  readonly levels: readonly (Level | undefined)[];
  /** Why a level must be chosen, when it must (tables split by level). */
  readonly required?: string;
}

/** Levels a table offers. 2018: 1, 2, 3 or none, and the MỨC 4 part; TT57: Mức 1 or Mức 2. */
export function levelOptions(rec: RecognisedTable, catalog: Catalog | undefined): LevelOptions {
  const sections = new Set(rec.entries.flatMap((e) => (e.kind === 'section' ? [e.section] : [])));
  if (rec.form.sections === 'levels-2018') {
    // A 2018 table split into "MỨC 1", "MỨC 2" (seed 001) keeps that split: the level picks the part.
    const split = (sections.has('m1') || sections.has('m2') || sections.has('m3')) && !sections.has('m123');
    return {
      level4: !!catalog?.level4.length,
      levels: split ? [1, 2, 3] : [undefined, 1, 2, 3],
      required: split ? 'Bảng này chia theo từng mức: hãy chọn mức để dòng vào đúng phần.' : undefined,
    };
  }
  if (rec.groupedByLevel) {
    return { level4: false, levels: [1, 2], required: 'Bảng này chia theo MỨC 1, MỨC 2: hãy chọn mức.' };
  }
  return { level4: false, levels: [1, 2, undefined] };
}

/** A pick that fits the options (a level the table does not offer becomes its first choice). */
export function fitPick(pick: LevelPick, options: LevelOptions): LevelPick {
  const section: Section = pick.section === 'm4' && options.level4 ? 'm4' : 'main';
  if (section === 'm4') return { section };
  const level = options.levels.includes(pick.level) ? pick.level : options.levels[0];
  return { section, level };
}

export interface CriterionItem {
  /** refKey: "1.3", "M4.2". */
  readonly key: string;
  readonly ref: CriterionRef;
  /** "1.3", or "2" for a Mức 4 item. */
  readonly code: string;
  /** The official title (a Mức 4 item: its summary). */
  readonly title: string;
  readonly levels: readonly Level[];
  /** One line per level: "Mức 1: …". */
  readonly summaries: readonly string[];
  readonly mandatory: boolean;
  /** Why the title is not verified, if it is not. */
  readonly unverified?: string;
  /** Rows the criterion already has in the table. */
  readonly rows: number;
  /** Why it cannot be chosen at the picked level (greyed out). */
  readonly disabled?: string;
  /** A remark to show with it (TT22/2024 changes). */
  readonly note?: string;
}

export interface CriterionGroup {
  readonly id: string;
  /** "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", or "MỨC 4". */
  readonly title: string;
  readonly items: readonly CriterionItem[];
}

interface ListOptions {
  readonly query: string;
  readonly pick: LevelPick;
  /** Rows per refKey already in the table. */
  readonly counts: ReadonlyMap<string, number>;
  /** The document's school year, for the TT22/2024 note. */
  readonly schoolYear?: string;
}

const levelList = (levels: readonly Level[]): string => levels.map((l) => `Mức ${l}`).join(', ');

/** The criteria to choose from, grouped by standard (MỨC 4: the Mức 4 items), filtered by the search. */
export function criterionGroups(catalog: Catalog, opts: ListOptions): CriterionGroup[] {
  if (opts.pick.section === 'm4') {
    const q = fold(opts.query);
    // "2", "tiêu chí 2", "mức 4.2": that item; words: its summary.
    const code = /^(?:tieu chi\s*|muc\s*4\s*[.\-: ]\s*)?(\d+)$/.exec(q)?.[1];
    const items = catalog.level4
      .filter((i) => !q || (code ? i.code === String(Number(code)) : fold(`muc 4 ${i.summary}`).includes(q)))
      .map<CriterionItem>((i) => {
        const ref = { code: i.code, level4: true };
        return {
          key: refKey(ref),
          ref,
          code: i.code,
          title: i.summary,
          levels: [],
          summaries: [],
          mandatory: false,
          unverified: i.incomplete ? 'Nội dung nguồn bị cắt, chưa đầy đủ.' : undefined,
          rows: opts.counts.get(refKey(ref)) ?? 0,
        };
      });
    return items.length ? [{ id: 'm4', title: 'MỨC 4', items }] : [];
  }
  const year = opts.schoolYear ? parseSchoolYear(opts.schoolYear) : undefined;
  // TT22/2024 applies from 25/01/2025, i.e. from the 2024-2025 school year on.
  const amended = !!year && year.start >= 2024;
  const matches = searchCriteria(catalog, opts.query);
  return catalog.standards
    .map((s) => ({
      id: `s${s.number}`,
      title: `Tiêu chuẩn ${s.number}: ${s.title}`,
      items: matches
        .filter((m) => m.standard.number === s.number)
        .map<CriterionItem>(({ criterion: c }) => {
          const ref = { code: c.code };
          const level = opts.pick.level;
          const from2025 = c.levelsFrom2025;
          const changed = amended && from2025 && from2025.join() !== c.levels.join();
          return {
            key: refKey(ref),
            ref,
            code: c.code,
            title: c.title,
            levels: c.levels,
            summaries: c.levels.flatMap((l) => (c.summary[String(l)] ? [`Mức ${l}: ${c.summary[String(l)]}`] : [])),
            mandatory: c.mandatory,
            unverified: c.unverified,
            rows: opts.counts.get(refKey(ref)) ?? 0,
            disabled: level && !c.levels.includes(level) ? validateRef(catalog, ref, level) : undefined,
            note: changed ? `Từ 25/01/2025 (Thông tư 22/2024) chỉ còn ${levelList(from2025)}.` : undefined,
          };
        }),
    }))
    .filter((g) => g.items.length);
}

/** "chưa có dòng" / "đã có 1 dòng" for the list. */
export function rowsText(rows: number): string {
  return rows ? `đã có ${rows} dòng` : '';
}
