/**
 * New rows and columns that look like the rows around them. A new row is a copy of the formatting of
 * the nearest row of the same kind (level section, standard, criterion): row properties, each cell's
 * borders, shading, margins and alignment, the paragraph properties and the first run's formatting
 * (font, size) — never its text, revision marks, ids or merges. Widths come from the table's grid,
 * and a row that lands inside a vertical merge continues it instead of cutting it in two.
 *
 * Everything written into a *Pr element goes through the schema-order helper.
 */
import { textNodes } from '../ooxml/cell-text';
import type { DocRow, DocTable } from '../ooxml/reader';
import { orderChildren, propertiesOf, removeProperty, setProperty } from '../ooxml/schema-order';
import { cloneNode, el, type XElement, type XNode } from '../ooxml/xml';

/** One cell of a row to build. */
export interface TemplateCell {
  readonly col: number;
  readonly span: number;
  readonly text: string;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right' | 'both';
  /** Continue the vertical merge of the cell above (the text must be empty). */
  readonly vMergeContinue?: boolean;
}

const JC: Readonly<Record<string, string>> = { left: 'left', center: 'center', right: 'right', both: 'both' };

function kids(e: XElement, name?: string): XElement[] {
  return e.children.filter((c): c is XElement => c.t === 'e' && (name === undefined || c.name === name));
}

/** Physical cells of a row (through cell-level content controls), with their grid positions. */
function physicalCells(tr: XElement): { tc: XElement; col: number; span: number }[] {
  const out: { tc: XElement; col: number; span: number }[] = [];
  const trPr = kids(tr, 'w:trPr')[0];
  let col = Number((trPr && kids(trPr, 'w:gridBefore')[0]?.attrs['w:val']) ?? 0) || 0;
  const visit = (e: XElement): void => {
    for (const c of kids(e)) {
      if (c.name === 'w:tc') {
        const pr = kids(c, 'w:tcPr')[0];
        const span = Math.max(1, Number((pr && kids(pr, 'w:gridSpan')[0]?.attrs['w:val']) ?? 1) || 1);
        out.push({ tc: c, col, span });
        col += span;
      } else if (c.name === 'w:sdt') {
        const content = kids(c, 'w:sdtContent')[0];
        if (content) visit(content);
      } else if (c.name === 'w:customXml') visit(c);
    }
  };
  visit(tr);
  return out;
}

/** Rows of a table element through row-level content controls. */
function tableRowEls(tbl: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement): void => {
    for (const c of kids(e)) {
      if (c.name === 'w:tr') out.push(c);
      else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') visit(c);
    }
  };
  visit(tbl);
  return out;
}

/** The grid's column widths (twips). */
function gridOf(tbl: XElement): number[] {
  const grid = kids(tbl, 'w:tblGrid')[0];
  return grid ? kids(grid, 'w:gridCol').map((g) => Number(g.attrs['w:w'] ?? 0) || 0) : [];
}

function widthOf(grid: readonly number[], col: number, span: number): number {
  let w = 0;
  for (let i = col; i < col + span; i++) w += grid[i] ?? 0;
  return w;
}

/**
 * Make every cell's width (w:tcW in twips) the sum of the grid columns it covers, so rows add up
 * after the grid changed. Widths given in percent or auto are left alone.
 */
export function syncCellWidths(tbl: XElement): void {
  const grid = gridOf(tbl);
  if (!grid.length) return;
  for (const tr of tableRowEls(tbl)) {
    for (const { tc, col, span } of physicalCells(tr)) {
      const pr = kids(tc, 'w:tcPr')[0];
      const w = pr && kids(pr, 'w:tcW')[0];
      if (!w || (w.attrs['w:type'] ?? 'dxa') !== 'dxa') continue;
      w.attrs['w:w'] = String(widthOf(grid, col, span));
    }
  }
}

/** Run properties without revision marks; bold set or cleared when asked. */
function runProps(rPr: XElement | undefined, bold: boolean | undefined): XElement | undefined {
  const copy = rPr ? cloneNode(rPr) : undefined;
  if (copy) removeProperty(copy, 'w:ins', 'w:del', 'w:moveFrom', 'w:moveTo', 'w:rPrChange');
  if (bold === undefined) return copy && orderChildren(copy);
  const pr = copy ?? el('w:rPr');
  if (bold) {
    setProperty(pr, el('w:b'));
    setProperty(pr, el('w:bCs'));
  } else removeProperty(pr, 'w:b', 'w:bCs');
  return orderChildren(pr);
}

/** The text runs' first rPr in a cell (its formatting is what new text takes), else the paragraph mark's. */
function firstRunProps(tc: XElement): XElement | undefined {
  let found: XElement | undefined;
  const visit = (e: XElement): void => {
    for (const c of kids(e)) {
      if (found) return;
      if (c.name === 'w:r') {
        if (kids(c).some((x) => x.name === 'w:t' && x.children.some((t) => t.t === 'x' && t.v.trim())))
          found = kids(c, 'w:rPr')[0] ?? el('w:rPr');
      } else if (c.name !== 'w:tbl' && c.name !== 'w:del' && c.name !== 'w:moveFrom') visit(c);
    }
  };
  visit(tc);
  if (found) return found;
  const p = kids(tc, 'w:p')[0];
  const pPr = p && kids(p, 'w:pPr')[0];
  return pPr && kids(pPr, 'w:rPr')[0];
}

/** Paragraph properties of a cell's first paragraph, cleaned for a copy. */
function paragraphProps(
  tc: XElement,
  align: TemplateCell['align'],
  bold: boolean | undefined,
  keepAlign: boolean,
): XElement | undefined {
  const p = kids(tc, 'w:p')[0];
  const src = p && kids(p, 'w:pPr')[0];
  const pPr = src ? cloneNode(src) : align ? el('w:pPr') : undefined;
  if (!pPr) return undefined;
  removeProperty(pPr, 'w:pPrChange', 'w:sectPr', 'w:numPr');
  const mark = kids(pPr, 'w:rPr')[0];
  if (mark) {
    const clean = runProps(mark, bold);
    if (clean) pPr.children[pPr.children.indexOf(mark)] = clean;
  }
  if (align) setProperty(pPr, el('w:jc', { 'w:val': JC[align] }));
  else if (!keepAlign) removeProperty(pPr, 'w:jc');
  return orderChildren(pPr);
}

/** Cell properties copied for a new cell: borders, shading, margins, alignment; width and merges fresh. */
function cellProps(first: XElement, last: XElement, width: number, span: number, vMergeContinue: boolean): XElement {
  const src = kids(first, 'w:tcPr')[0];
  const pr = src ? cloneNode(src) : el('w:tcPr');
  removeProperty(pr, 'w:gridSpan', 'w:hMerge', 'w:vMerge', 'w:cellIns', 'w:cellDel', 'w:cellMerge', 'w:tcPrChange');
  setProperty(pr, el('w:tcW', { 'w:w': width, 'w:type': 'dxa' }));
  if (span > 1) setProperty(pr, el('w:gridSpan', { 'w:val': span }));
  if (vMergeContinue) setProperty(pr, el('w:vMerge'));
  // A cell covering several of the template's cells takes its right edge from the last of them.
  if (last !== first) {
    const lastBorders = kids(kids(last, 'w:tcPr')[0] ?? el('w:tcPr'), 'w:tcBorders')[0];
    const borders = kids(pr, 'w:tcBorders')[0];
    if (borders && lastBorders) {
      for (const side of ['w:right', 'w:end']) {
        const b = kids(lastBorders, side)[0];
        removeProperty(borders, side);
        if (b) setProperty(borders, cloneNode(b));
      }
    }
  }
  return orderChildren(pr);
}

interface RowTemplateOptions {
  /** The template is a heading row: its bold and alignment are not copied unless asked for. */
  readonly fromHeading?: boolean;
}

/**
 * A new w:tr for `cells` (covering the whole grid), formatted like `template` (a row of the same
 * table). Without a template, plain cells with the grid's widths.
 */
export function rowLike(
  tbl: XElement,
  template: XElement | undefined,
  cells: readonly TemplateCell[],
  opts: RowTemplateOptions = {},
): XElement {
  const grid = gridOf(tbl);
  const tplCells = template ? physicalCells(template) : [];
  const children: XNode[] = [];
  const trPr = template && kids(template, 'w:trPr')[0];
  if (trPr) {
    const copy = cloneNode(trPr);
    removeProperty(
      copy,
      'w:tblHeader',
      'w:gridBefore',
      'w:gridAfter',
      'w:wBefore',
      'w:wAfter',
      'w:trHeight',
      'w:ins',
      'w:del',
      'w:trPrChange',
    );
    if (kids(copy).length) children.push(orderChildren(copy));
  }
  for (const c of cells) {
    const covering = tplCells.filter((t) => t.col < c.col + c.span && t.col + t.span > c.col);
    const first = covering.find((t) => t.col === c.col)?.tc ?? covering[0]?.tc;
    const last = covering[covering.length - 1]?.tc ?? first;
    const width = widthOf(grid, c.col, c.span);
    const bold = opts.fromHeading ? !!c.bold : c.bold ? true : undefined;
    const tcPr = first
      ? cellProps(first, last!, width, c.span, !!c.vMergeContinue)
      : orderChildren(
          el('w:tcPr', {}, [
            el('w:tcW', { 'w:w': width, 'w:type': 'dxa' }),
            ...(c.span > 1 ? [el('w:gridSpan', { 'w:val': c.span })] : []),
            ...(c.vMergeContinue ? [el('w:vMerge')] : []),
          ]),
        );
    const pPr = first
      ? paragraphProps(first, c.align, bold, !opts.fromHeading)
      : c.align
        ? el('w:pPr', {}, [el('w:jc', { 'w:val': JC[c.align] })])
        : undefined;
    const rPr = runProps(first ? firstRunProps(first) : undefined, bold);
    const lines = c.vMergeContinue ? [''] : c.text.split('\n');
    const paragraphs = lines.map((line) =>
      el('w:p', {}, [
        ...(pPr ? [cloneNode(pPr)] : []),
        ...(line ? [el('w:r', {}, [...(rPr ? [cloneNode(rPr)] : []), ...textNodes(line)])] : []),
      ]),
    );
    children.push(el('w:tc', {}, [tcPr, ...paragraphs]));
  }
  return el('w:tr', {}, children);
}

/**
 * Grid columns where a row inserted before row `index` would cut a vertical merge: the row above has
 * a merged cell there that the row below continues.
 */
export function mergesAcross(t: DocTable, index: number): Set<number> {
  const out = new Set<number>();
  const above: DocRow | undefined = t.rows[index - 1];
  const below: DocRow | undefined = t.rows[index];
  if (!above || !below) return out;
  for (const c of below.cells) {
    if (c.vMerge !== 'continue' || c.span !== 1) continue;
    const up = above.cells.find((x) => x.col === c.col && x.span === 1);
    if (up?.vMerge) out.add(c.col);
  }
  return out;
}

/**
 * Where new rows go: next to the row's holder directly under w:tbl, so a row never lands inside a
 * row-level content control (or custom XML) around its neighbour.
 */
export function rowSlot(tbl: XElement, t: DocTable, index: number): { parent: XElement; at: number } {
  const holderOf = (tr: XElement): XElement => {
    for (const c of kids(tbl)) {
      if (c === tr) return c;
      let inside = false;
      const visit = (e: XElement): void => {
        for (const k of kids(e)) {
          if (k === tr) inside = true;
          else if (!inside && k.name !== 'w:tbl') visit(k);
        }
      };
      visit(c);
      if (inside) return c;
    }
    return tr;
  };
  const next = t.rows[index];
  if (next) {
    const h = holderOf(next.el);
    return { parent: tbl, at: tbl.children.indexOf(h) };
  }
  const prev = t.rows[index - 1];
  if (prev) {
    const h = holderOf(prev.el);
    return { parent: tbl, at: tbl.children.indexOf(h) + 1 };
  }
  return { parent: tbl, at: tbl.children.length };
}

/** A new cell for an inserted column, formatted like `neighbour` (a cell of the same row). */
export function cellLike(
  neighbour: XElement | undefined,
  width: number,
  text: string,
  opts: { vMerge?: 'restart' | 'continue'; bold?: boolean; align?: TemplateCell['align'] } = {},
): XElement {
  const tcPr = neighbour
    ? cellProps(neighbour, neighbour, width, 1, false)
    : orderChildren(el('w:tcPr', {}, [el('w:tcW', { 'w:w': width, 'w:type': 'dxa' })]));
  if (opts.vMerge) setProperty(tcPr, el('w:vMerge', opts.vMerge === 'restart' ? { 'w:val': 'restart' } : {}));
  const pPr = neighbour ? paragraphProps(neighbour, opts.align, opts.bold, true) : undefined;
  const rPr = runProps(neighbour ? firstRunProps(neighbour) : undefined, opts.bold);
  const lines = text.split('\n');
  return el('w:tc', {}, [
    tcPr,
    ...lines.map((line) =>
      el('w:p', {}, [
        ...(pPr ? [cloneNode(pPr)] : []),
        ...(line ? [el('w:r', {}, [...(rPr ? [cloneNode(rPr)] : []), ...textNodes(line)])] : []),
      ]),
    ),
  ]);
}

/** Widen a cell by one grid column (a merge across an inserted column), in schema order. */
export function widenCell(tc: XElement): void {
  const pr = propertiesOf(tc, 'w:tcPr');
  const span = kids(pr, 'w:gridSpan')[0];
  setProperty(pr, el('w:gridSpan', { 'w:val': Number(span?.attrs['w:val'] ?? 1) + 1 }));
}
