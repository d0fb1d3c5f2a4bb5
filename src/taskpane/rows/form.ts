/**
 * The side form of the "Điền dòng" panel: its state, the draft kept in the document, which row
 * "Cập nhật" replaces, what it would erase, loading the row the cursor is in, and pre-filling a
 * report's plan column. Rows are always found again by criterion, level and ordinal (never by a row
 * index kept from an earlier read). Texts are kept exactly as typed. Pure: tested in Node.
 */
import { storedOverrides, type RowDraftV1 } from '../../domain/store';
import type { CellLocation, DocumentStore, TableTarget } from '../../domain/backend';
import type { Level, SchoolType } from '../../domain/catalog';
import type { PlanSource } from '../../domain/check';
import { findCriterionEntry, type RowRequest } from '../../domain/table/edit';
import { parseRef, refKey, sameRef, type CriterionRef } from '../../domain/table/model';
import type { CriterionEntry, RecognisedTable } from '../../domain/table/recognise';
import { entryAtRow, type RowField } from '../../domain/table/rows';
import type { Section } from './criteria';
import type { TableChoice } from './document';

export interface RowForm {
  /** TableChoice.key of the table being filled. */
  readonly table?: string;
  readonly section: Section;
  readonly level?: Level;
  readonly ref?: CriterionRef;
  /** Text per column key, exactly as typed (keys of other tables' forms are kept, not written). */
  readonly cells: Readonly<Record<string, string>>;
  /** Which of the criterion's rows "Cập nhật" replaces (0: the row with its label). */
  readonly ordinal: number;
}

export const EMPTY_FORM: RowForm = { section: 'main', cells: {}, ordinal: 0 };

/** Whether the form holds anything worth keeping. */
export function hasContent(form: RowForm): boolean {
  return !!form.ref || Object.values(form.cells).some((v) => v !== '');
}

/** The request the form sends: its criterion, level and the texts of this table's fields, untouched. */
export function requestOf(form: RowForm, fields: readonly RowField[]): RowRequest | undefined {
  if (!form.ref) return undefined;
  const cells: Record<string, string> = {};
  for (const f of fields) {
    const v = form.cells[f.key];
    if (v !== undefined && v !== '') cells[f.key] = v;
  }
  return { ref: form.ref, level: form.ref.level4 ? undefined : form.level, cells };
}

// ---------------------------------------------------------------------------------------------
// The draft, kept in the document's store
// ---------------------------------------------------------------------------------------------

export type RowDraft = RowDraftV1;

export function draftOf(form: RowForm, target: TableTarget | undefined, now: Date): RowDraft {
  return {
    table: target ?? {},
    ref: form.ref ? refKey(form.ref) : undefined,
    level: form.level,
    section: form.section,
    cells: { ...form.cells },
    ordinal: form.ordinal,
    updatedAt: now.toISOString(),
  };
}

/** The form a draft restores; `table` is the key of the draft's table, when it is still there. */
export function formOfDraft(draft: RowDraft, table: string | undefined): RowForm {
  return {
    table,
    section: draft.section,
    level: draft.level,
    ref: draft.ref ? parseRef(draft.ref) : undefined,
    cells: { ...draft.cells },
    ordinal: draft.ordinal,
  };
}

export function storedSchoolType(store: DocumentStore | undefined): SchoolType | undefined {
  return storedOverrides(store).schoolType;
}

/** Same content (the time of saving aside): to tell a draft written elsewhere from our own. */
export function sameDraft(a: RowDraft | undefined, b: RowDraft | undefined): boolean {
  const strip = (d: RowDraft | undefined) => (d ? JSON.stringify({ ...d, updatedAt: '' }) : '');
  return strip(a) === strip(b);
}

// ---------------------------------------------------------------------------------------------
// Which row "Cập nhật" replaces
// ---------------------------------------------------------------------------------------------

interface RowOption {
  readonly ordinal: number;
  /** "Dòng 1 (có tên tiêu chí): Kết quả cần đạt …". */
  readonly label: string;
}

interface UpdateTarget {
  readonly entry: CriterionEntry;
  readonly rows: readonly RowOption[];
  /** The row is written for another level: updating rewrites its "(mức n)". */
  readonly relabel?: string;
  /** Other rows of the criterion, at levels "Cập nhật" reaches when that level is picked. */
  readonly otherLevels: readonly (Level | undefined)[];
}

const preview = (cells: Readonly<Record<string, string>>, fields: readonly RowField[]): string => {
  const first = fields.map((f) => cells[f.key] ?? '').find((t) => t.trim()) ?? '';
  const line = first.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line || '(trống)';
};

const levelText = (l: Level | undefined): string => (l ? `(mức ${l})` : 'không ghi mức');

/**
 * The row "Cập nhật" would replace for this criterion and level, found as the domain finds it
 * (findCriterionEntry), or undefined when the criterion has no row in the table.
 */
export function updateTarget(
  rec: RecognisedTable,
  ref: CriterionRef,
  level: Level | undefined,
  fields: readonly RowField[],
): UpdateTarget | undefined {
  const entry = findCriterionEntry(rec, ref, level);
  if (!entry) return undefined;
  const rows = entry.rows.map((_, i) => ({
    ordinal: i,
    label: `Dòng ${i + 1}${i === 0 ? ' (có tên tiêu chí)' : ''}: ${preview(entry.rowCells[i] ?? {}, fields)}`,
  }));
  const others = rec.entries.filter(
    (e): e is CriterionEntry =>
      e.kind === 'criterion' && e !== entry && sameRef(e.ref, ref) && findCriterionEntry(rec, ref, e.level) === e,
  );
  const relabel =
    !ref.level4 && entry.level !== level
      ? `Dòng này đang ${levelText(entry.level)}; «Cập nhật» sẽ ghi lại thành ${levelText(level)}.`
      : undefined;
  return { entry, rows, relabel, otherLevels: [...new Set(others.map((e) => e.level))] };
}

/** Fields whose text in the document "Cập nhật" would erase (the form has nothing for them). */
export function clearedFields(target: UpdateTarget, ordinal: number, fields: readonly RowField[], req: RowRequest): RowField[] {
  const at = Math.min(ordinal, target.entry.rows.length - 1);
  const now = target.entry.rowCells[at] ?? {};
  return fields.filter((f) => !(f.underLabel && at > 0) && (now[f.key] ?? '').trim() !== '' && !req.cells[f.key]);
}

/** The texts of one of a criterion's rows, for the form (the fields of this table only). */
export function rowTexts(entry: CriterionEntry, ordinal: number, fields: readonly RowField[]): Record<string, string> {
  const cells = entry.rowCells[ordinal] ?? {};
  const out: Record<string, string> = {};
  for (const f of fields) {
    if (f.underLabel && ordinal > 0) continue;
    const v = cells[f.key];
    if (v !== undefined && v !== '') out[f.key] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// "Lấy dòng đang chọn"
// ---------------------------------------------------------------------------------------------

type Loaded =
  | { readonly ok: true; readonly form: RowForm; readonly entry: CriterionEntry }
  | { readonly ok: false; readonly message: string };

/**
 * The form for the row the cursor is in: its table, criterion, level, which of the criterion's rows
 * it is, and that row's texts. `fieldsOf` gives a table's fields.
 */
export function loadSelectedRow(
  tables: readonly TableChoice[],
  at: CellLocation | undefined,
  fieldsOf: (choice: TableChoice) => readonly RowField[],
  base: RowForm,
): Loaded {
  if (!at) {
    return {
      ok: false,
      message: 'Con trỏ chưa ở trong bảng. Hãy bấm vào một ô của dòng tiêu chí cần sửa, rồi bấm lại «Lấy dòng đang chọn».',
    };
  }
  const choice = tables.find((t) => t.rec.parts.some((p) => p.index === at.table));
  if (!choice) {
    return { ok: false, message: 'Con trỏ đang ở một bảng không phải bảng kế hoạch hay báo cáo cải tiến chất lượng.' };
  }
  const found = entryAtRow(choice.rec, { table: at.table, row: at.row });
  if (!found) {
    return {
      ok: false,
      message:
        'Dòng đang chọn không phải dòng tiêu chí (có thể là dòng tiêu đề, dòng mức hoặc dòng tiêu chuẩn). Hãy bấm vào dòng của một tiêu chí.',
    };
  }
  const { entry, ordinal } = found;
  if (findCriterionEntry(choice.rec, entry.ref, entry.level) !== entry) {
    return {
      ok: false,
      message: `Bảng có nhiều dòng ghi cùng tiêu chí ${entry.ref.code} ở cùng mức; chỉ dòng đầu tiên sửa được từ đây. Hãy sửa dòng này trực tiếp trong tài liệu.`,
    };
  }
  return {
    ok: true,
    entry,
    form: {
      ...base,
      table: choice.key,
      section: entry.ref.level4 ? 'm4' : 'main',
      level: entry.ref.level4 ? undefined : entry.level,
      ref: entry.ref,
      cells: rowTexts(entry, ordinal, fieldsOf(choice)),
      ordinal,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A report's plan column
// ---------------------------------------------------------------------------------------------

/** The plan's content for a criterion (its level's row first), or undefined. */
export function planContent(plan: PlanSource | undefined, ref: CriterionRef, level: Level | undefined): string | undefined {
  const items = plan?.items.filter((i) => sameRef(i.ref, ref) && i.content !== '') ?? [];
  const item = items.find((i) => i.level === level) ?? items.find((i) => i.level === undefined) ?? items[0];
  return item?.content;
}

/**
 * Cells with the report's plan column (fromPlan) filled from the plan for a newly chosen criterion,
 * only where the user has not typed anything: the column is empty, or still holds exactly what the
 * plan gave the `previous` criterion. Returns the same object when nothing changes.
 */
export function prefillFromPlan(
  cells: Readonly<Record<string, string>>,
  fields: readonly RowField[],
  plan: PlanSource | undefined,
  ref: CriterionRef,
  level: Level | undefined,
  previous?: { readonly ref: CriterionRef; readonly level?: Level },
): Readonly<Record<string, string>> {
  const field = fields.find((f) => f.fromPlan);
  if (!field) return cells;
  const now = cells[field.key] ?? '';
  const untouched = now === '' || (!!previous && now === planContent(plan, previous.ref, previous.level));
  if (!untouched) return cells;
  const content = planContent(plan, ref, level) ?? '';
  return content === now ? cells : { ...cells, [field.key]: content };
}
