/**
 * The document preview's layout, worked out from the reader's DocModel: the body's top-level blocks in
 * order, and for each table the HTML cells with colSpan (gridSpan) and rowSpan (runs of vMerge).
 * Pure, so it is tested in Node.
 */
import type { DocCell, DocModel, DocParagraph, DocTable } from '../../domain/ooxml/reader';

export interface PreviewParagraph {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly align?: string;
  readonly floating: boolean;
}

interface PreviewCell {
  /** w:tc index in the row (what CellLocation.cell takes); -1 for filler cells (gridBefore, gaps). */
  readonly index: number;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly paragraphs: readonly string[];
  /** Tables nested in this cell. */
  readonly nested: readonly PreviewTable[];
}

export interface PreviewRow {
  readonly index: number;
  readonly header: boolean;
  readonly cells: readonly PreviewCell[];
}

export interface PreviewTable {
  /** DocTable.index, as CellLocation.table takes. */
  readonly index: number;
  readonly tag?: string;
  readonly title?: string;
  /** Column widths in per cent of the table width (empty when the table has no grid). */
  readonly widths: readonly number[];
  readonly rows: readonly PreviewRow[];
}

export type PreviewBlock =
  | { readonly kind: 'paragraph'; readonly block: number; readonly paragraphs: readonly PreviewParagraph[] }
  | { readonly kind: 'table'; readonly block: number; readonly table: PreviewTable };

function toParagraph(p: DocParagraph): PreviewParagraph {
  return { text: p.text, bold: p.bold, italic: p.italic, align: p.align, floating: !!p.floating };
}

/** The body's blocks, one entry per top-level block index 0..blockCount-1. */
export function layoutDocument(model: DocModel): PreviewBlock[] {
  const paragraphs = new Map<number, PreviewParagraph[]>();
  for (const p of model.paragraphs) {
    const list = paragraphs.get(p.block) ?? [];
    // The body paragraph first, then text boxes anchored in it.
    if (p.floating) list.push(toParagraph(p));
    else list.unshift(toParagraph(p));
    paragraphs.set(p.block, list);
  }
  const nested = new Map<string, DocTable[]>();
  for (const t of model.tables) {
    if (!t.parent) continue;
    const key = `${t.parent.table}/${t.parent.row}/${t.parent.cell}`;
    nested.set(key, [...(nested.get(key) ?? []), t]);
  }
  const tables = new Map<number, DocTable>();
  for (const t of model.tables) if (t.topIndex >= 0 && !tables.has(t.block)) tables.set(t.block, t);

  const out: PreviewBlock[] = [];
  for (let b = 0; b < model.blockCount; b++) {
    const t = tables.get(b);
    if (t) out.push({ kind: 'table', block: b, table: layoutTable(t, nested) });
    else out.push({ kind: 'paragraph', block: b, paragraphs: paragraphs.get(b) ?? [] });
  }
  return out;
}

function filler(col: number, colSpan: number): PreviewCell {
  return { index: -1, col, colSpan, rowSpan: 1, paragraphs: [], nested: [] };
}

function layoutTable(t: DocTable, nested: ReadonlyMap<string, DocTable[]> = new Map()): PreviewTable {
  const total = t.grid.reduce((a, b) => a + b, 0);
  const widths = total > 0 ? t.grid.map((w) => (w / total) * 100) : [];
  // Open vertical merges by grid column: the cell that started it, and its rowSpan so far.
  const open = new Map<number, { cell: DocCell; span: number; rowSpan: { n: number } }>();
  const rows: { index: number; header: boolean; cells: { cell: PreviewCell; rowSpan: { n: number } }[] }[] = [];
  for (const r of t.rows) {
    const cells: { cell: PreviewCell; rowSpan: { n: number } }[] = [];
    let next = 0;
    const seen = new Set<number>();
    for (const c of r.cells) {
      seen.add(c.col);
      const merge = open.get(c.col);
      if (c.vMerge === 'continue' && merge && merge.span === c.span) {
        // Covered by the cell above: no cell of its own in HTML.
        merge.rowSpan.n++;
        next = c.col + c.span;
        continue;
      }
      if (c.col > next) cells.push({ cell: filler(next, c.col - next), rowSpan: { n: 1 } });
      const rowSpan = { n: 1 };
      const key = `${t.index}/${r.index}/${c.index}`;
      cells.push({
        cell: {
          index: c.index,
          col: c.col,
          colSpan: c.span,
          rowSpan: 1,
          paragraphs: c.paragraphs,
          nested: (nested.get(key) ?? []).map((n) => layoutTable(n, nested)),
        },
        rowSpan,
      });
      if (c.vMerge === 'restart') open.set(c.col, { cell: c, span: c.span, rowSpan });
      else open.delete(c.col);
      next = c.col + c.span;
    }
    // A merge ends where a row has no cell in its column.
    for (const col of [...open.keys()]) if (!seen.has(col)) open.delete(col);
    rows.push({ index: r.index, header: r.header, cells });
  }
  return {
    index: t.index,
    tag: t.tag,
    title: t.controlTitle,
    widths,
    rows: rows.map((r) => ({
      index: r.index,
      header: r.header,
      cells: r.cells.map(({ cell, rowSpan }) => ({ ...cell, rowSpan: rowSpan.n })),
    })),
  };
}

/** Whether a table was inserted by this add-in (its content control tag is ctcl:<form>:<id>). */
export function isOurTable(t: PreviewTable): boolean {
  return /^ctcl:/.test(t.tag ?? '');
}
