/**
 * Table edits (src/domain/table/edit.ts) turned into Office.js calls, all queued for one sync.
 * - "set" of cells holding plain text only: each changed cell's text is written with
 *   Body.insertText('Replace') and one Body.insertParagraph('End') per further line (WordApi 1.1),
 *   keeping the cell's own formatting. A cell holding anything else (comments, tracked changes,
 *   fields, images, bookmarks, content controls, nested tables) is written by the domain in place
 *   (only the changed characters) and its table sent back whole, as below; a change the domain
 *   refuses is refused before anything is queued.
 * - "insert" of rows with one cell per grid column (criterion rows): TableRow.insertRows next to a
 *   neighbouring row of the same shape (WordApi 1.3), then the texts as above.
 * - "insert" of rows with merged cells (level sections, standard rows): the same, then
 *   Table.mergeCells when WordApi 1.4 is there (checked at run time); without it the table is
 *   rewritten: the domain applies the edits to the table's XML (as the .docx backend does) and one
 *   insertOoxml replaces the table.
 * - any other edit (e.g. a new column): its tables are rewritten the same way.
 */
import type { DocModel, DocRow, DocTable } from '../domain/ooxml/reader';
import type { NewCell, NewRow, TableEdit } from '../domain/table/edit';
import { applyEdits, deleteRefusal } from '../domain/table/edit';
import { PlacementError } from '../domain/table/model';
import { isPlainTextCell } from '../domain/ooxml/cell-text';
import { blocksPackage } from '../domain/ooxml/flat-opc';
import { flatOpc } from '../domain/ooxml/writer';
import { childElements, el, type XElement } from '../domain/ooxml/xml';
import { normalizeNewlines } from '../domain/text';

/** Flat OPC of a body holding exactly these blocks (no trailing paragraph: the table's own is kept). */
function blocksOpc(blocks: XElement[], documentAttrs: Record<string, string>): string {
  return flatOpc(el('w:document', documentAttrs, [el('w:body', {}, blocks)]));
}

/** Namespace declarations of the w:document inside a getOoxml package (so copied XML keeps its prefixes). */
export function documentAttrs(root: XElement): Record<string, string> {
  const fallback = { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' };
  if (root.name === 'w:document') return { ...fallback, ...root.attrs };
  for (const part of childElements(root, 'pkg:part')) {
    const data = childElements(part, 'pkg:xmlData')[0];
    const doc = data && childElements(data)[0];
    if (doc?.name === 'w:document') return { ...fallback, ...doc.attrs };
  }
  return fallback;
}

interface CellText {
  readonly text: string;
  readonly bold?: boolean;
  readonly align?: NewCell['align'];
}

/** Write a cell's text: first line replaces the content, each further line is a paragraph. */
function writeCell(cell: Word.TableCell, c: CellText): void {
  const body = cell.body;
  const lines = normalizeNewlines(c.text).split('\n');
  const written: { font: Word.Font }[] = [];
  let first: Word.Range | undefined;
  if (lines[0]) {
    first = body.insertText(lines[0], 'Replace');
    written.push(first);
  } else body.clear();
  for (const line of lines.slice(1)) written.push(body.insertParagraph(line, 'End'));
  if (c.bold) for (const w of written) w.font.bold = true;
  if (c.align === 'center' && first) first.paragraphs.getFirst().alignment = 'Centered';
}

/** A row new rows can be copied from: not a heading row, no merged cells. */
function plainRow(r: DocRow | undefined): r is DocRow {
  return !!r && !r.header && r.cells.every((c) => c.span === 1 && !c.vMerge);
}

/** A neighbour of the insertion point to copy rows from, with `cells` cells. */
function anchorFor(t: DocTable, index: number, cells: number): { row: DocRow; where: 'After' | 'Before' } | undefined {
  const prev = t.rows[index - 1];
  if (plainRow(prev) && prev.cells.length === cells) return { row: prev, where: 'After' };
  const next = t.rows[index];
  if (plainRow(next) && next.cells.length === cells) return { row: next, where: 'Before' };
  return undefined;
}

function isPlain(r: NewRow, cols: number): boolean {
  return r.cells.length === cols && r.cells.every((c) => c.span === 1);
}

interface EditContext {
  readonly model: DocModel;
  /** The Word table of a model table. */
  readonly table: (t: DocTable) => Word.Table;
  /** Grid columns of a table (the recognised table's count for its parts). */
  readonly columns: (t: DocTable) => number;
  /** WordApi 1.4 is there (Table.mergeCells). */
  readonly canMerge: boolean;
  /** Namespace declarations for XML copied out of the document. */
  readonly documentAttrs: Record<string, string>;
  /**
   * The package body.getOoxml() gave (pkg:package): a rewritten table is sent back in a package that
   * carries everything it references from it (relationships, images, comments, footnotes, numbering).
   */
  readonly source?: XElement;
}

/**
 * The Flat OPC package that replaces a rewritten table: with its references when the source package
 * is known (PackageReferenceError when one cannot be carried: the edit is refused), else the body alone.
 */
function tablePackage(ctx: Pick<EditContext, 'source' | 'documentAttrs'>, tbl: XElement): string {
  if (ctx.source?.name === 'pkg:package') return blocksPackage(ctx.source, [tbl]);
  return blocksOpc([tbl], ctx.documentAttrs);
}

/** Edits that change one table's rows or cells (the others, e.g. new columns, rewrite their tables). */
type RowEdit = Extract<TableEdit, { readonly table: number }>;

function isRowEdit(e: TableEdit): e is RowEdit {
  return 'table' in e && (e.op === 'insert' || e.op === 'set' || e.op === 'delete');
}

/** The tables an edit changes. */
function tablesOf(e: TableEdit): readonly number[] {
  if (isRowEdit(e)) return [e.table];
  const many = (e as { readonly tables?: readonly number[] }).tables;
  return many ?? [];
}

/** How each edited table is changed: in place, or rewritten whole. */
export function planTables(ctx: EditContext, edits: readonly TableEdit[]): Map<number, 'cells' | 'rewrite'> {
  const how = new Map<number, 'cells' | 'rewrite'>();
  for (const e of edits) {
    let mode: 'cells' | 'rewrite' = 'cells';
    if (!isRowEdit(e)) mode = 'rewrite';
    else if (e.op === 'insert') {
      const t = ctx.model.tables[e.table];
      const cols = t ? ctx.columns(t) : 0;
      const plain = e.rows.every((r) => isPlain(r, cols));
      if (!t || !anchorFor(t, e.index, cols) || (!plain && !ctx.canMerge)) mode = 'rewrite';
    } else if (e.op === 'delete') {
      // TableRow.delete (WordApi 1.3) removes the row; the domain's own refusals apply first.
      const t = ctx.model.tables[e.table];
      const why = t ? deleteRefusal(t, e.row) : 'Không tìm thấy bảng cần sửa.';
      if (why) throw new PlacementError(why);
    } else {
      // insertText would replace everything in the cell: cells with more than text are rewritten in place.
      const r = ctx.model.tables[e.table]?.rows[e.row];
      const plain = e.cells.every((c) => {
        const tc = r?.cells.find((x) => x.index === c.cell)?.el;
        return !!tc && isPlainTextCell(tc);
      });
      if (!plain) mode = 'rewrite';
    }
    for (const index of tablesOf(e)) if (how.get(index) !== 'rewrite') how.set(index, mode);
  }
  return how;
}

/** Queue the edits (no sync here). Edits refer to the tables as read; rows are changed bottom-up. */
export function queueEdits(ctx: EditContext, edits: readonly TableEdit[]): Map<number, 'cells' | 'rewrite'> {
  const how = planTables(ctx, edits);
  // Every rewritten table's package is made before anything is queued: a refusal (content the edit
  // cannot keep, a reference Word's package lacks) leaves the document as it was.
  const rewrites: { t: DocTable; ooxml: string }[] = [];
  for (const [index, mode] of how) {
    if (mode !== 'rewrite') continue;
    const t = ctx.model.tables[index];
    if (!t) throw new Error(`no table ${index}`);
    // The domain applies this table's edits to its XML (as the .docx backend does); one insertOoxml
    // then replaces the table in Word.
    applyEdits(
      [t],
      edits.filter((e) => tablesOf(e).includes(index)),
      ctx.columns,
    );
    rewrites.push({ t, ooxml: tablePackage(ctx, t.el) });
  }
  for (const { t, ooxml } of rewrites) ctx.table(t).getRange('Whole').insertOoxml(ooxml, 'Replace');
  const rowEdits = edits.filter(isRowEdit).filter((e) => how.get(e.table) === 'cells');
  const sorted = [...rowEdits].sort((a, b) => b.table - a.table || rowOf(b) - rowOf(a));
  for (const e of sorted) {
    const t = ctx.model.tables[e.table];
    const table = ctx.table(t);
    if (e.op === 'set') {
      for (const c of e.cells) writeCell(table.getCell(e.row, c.cell), { text: c.text });
      continue;
    }
    if (e.op === 'delete') {
      table.getCell(e.row, 0).parentRow.delete();
      continue;
    }
    const cols = ctx.columns(t);
    const anchor = anchorFor(t, e.index, cols)!;
    table.getCell(anchor.row.index, 0).parentRow.insertRows(anchor.where, e.rows.length);
    e.rows.forEach((r, k) => {
      const rowIndex = e.index + k;
      // Merge spans from the right so the cell indexes on the left stay valid.
      for (const c of [...r.cells].reverse()) {
        if (c.span > 1) table.mergeCells(rowIndex, c.col, rowIndex, c.col + c.span - 1);
      }
      r.cells.forEach((c, i) => {
        if (c.text || c.bold) writeCell(table.getCell(rowIndex, i), c);
      });
    });
  }
  return how;
}

function rowOf(e: RowEdit): number {
  return e.op === 'insert' ? e.index : e.row;
}
