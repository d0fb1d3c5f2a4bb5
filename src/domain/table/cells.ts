/**
 * Edits the standalone page makes on any table, outside the side form: one cell's text, one row
 * removed, the empty rows of a table removed. Pure: they are planned on a DocModel and applied with
 * applyEdits (src/domain/table/edit.ts), which refuses a write that would damage what a cell holds.
 */
import type { CellLocation } from '../backend';
import { PlacementError } from './model';
import { isPlainTextCell } from '../ooxml/cell-text';
import type { DocModel, DocRow, DocTable } from '../ooxml/reader';
import { deleteRefusal, type TableEdit } from './edit';

function tableOf(model: DocModel, index: number): DocTable {
  const t = model.tables.find((x) => x.index === index);
  if (!t) throw new PlacementError('Không tìm thấy bảng (tài liệu đã thay đổi?). Hãy bấm lại vào ô cần sửa.');
  return t;
}

/** Set the text of one cell (lines separated by \n); no edit when the text is the same. */
export function planCellEdit(model: DocModel, at: CellLocation, text: string): TableEdit[] {
  const t = tableOf(model, at.table);
  const cell = t.rows[at.row]?.cells.find((c) => c.index === at.cell);
  if (!cell) throw new PlacementError('Không tìm thấy ô cần sửa (tài liệu đã thay đổi?). Hãy bấm lại vào ô.');
  if (cell.text === text) return [];
  return [{ op: 'set', table: at.table, row: at.row, cells: [{ cell: cell.index, text }] }];
}

/** Remove one row; refused (PlacementError) when that would cut a merged cell or a content control. */
export function planRowDelete(model: DocModel, table: number, row: number): TableEdit[] {
  const t = tableOf(model, table);
  const why = deleteRefusal(t, row);
  if (why) throw new PlacementError(why);
  if (t.rows.length <= 1) throw new PlacementError('Đây là dòng duy nhất của bảng; xoá dòng sẽ làm hỏng bảng.');
  return [{ op: 'delete', table, row }];
}

/** A row with no text and nothing but plain text in its cells (no image, comment, field…), not a heading row. */
function isEmptyRow(r: DocRow): boolean {
  return !r.header && r.cells.length > 0 && r.cells.every((c) => !c.text.trim() && isPlainTextCell(c.el));
}

/**
 * The empty rows of a table that can go without damage (rows in merges or content controls stay),
 * and how many empty rows have to stay. The table keeps at least one row.
 */
export function planEmptyRowsDelete(model: DocModel, table: number): { edits: TableEdit[]; kept: number } {
  const t = tableOf(model, table);
  const empty = t.rows.filter(isEmptyRow);
  const removable = empty.filter((r) => !deleteRefusal(t, r.index));
  const edits: TableEdit[] = removable
    .slice(0, Math.max(0, Math.min(removable.length, t.rows.length - 1)))
    .map((r) => ({ op: 'delete', table, row: r.index }));
  return { edits, kept: empty.length - edits.length };
}
