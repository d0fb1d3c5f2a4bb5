/**
 * The OOXML reader: turns a w:document (from a .docx, or from Word's getOoxml) into paragraphs and
 * tables with their grid positions, merged cells (gridSpan, vMerge, hMerge, gridBefore), nested tables
 * and the content control each table sits in. It reads documents the add-in did not write.
 */
import { childElements, firstChild, type XElement } from './xml';
import { UserError } from '../errors';

export interface DocParagraph {
  /** Text with tabs as \t and line breaks as \n. */
  readonly text: string;
  /** Position among the body's top-level blocks. */
  readonly block: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly align?: string;
  /** Fonts named in run properties (for legacy TCVN3/VNI detection). */
  readonly fonts: readonly string[];
  /** Text found in a text box or shape rather than the body flow. */
  readonly floating?: boolean;
}

export interface DocCell {
  /** Index of the w:tc in its row (what Word's getCell(row, cellIndex) takes). */
  readonly index: number;
  /** First grid column the cell covers. */
  readonly col: number;
  readonly span: number;
  readonly vMerge?: 'restart' | 'continue';
  readonly paragraphs: readonly string[];
  /** Paragraphs joined by \n. */
  readonly text: string;
  readonly fonts: readonly string[];
  readonly el: XElement;
}

export interface DocRow {
  readonly index: number;
  /** Marked to repeat as a heading row on every page. */
  readonly header: boolean;
  /**
   * A tracked deletion (w:trPr/w:del) not yet accepted: still in the document (and in Word's row
   * indexes), but not part of the text. With Track Changes on, a rewritten table leaves its old rows so
   * (https://github.com/OfficeDev/office-js/issues/334).
   */
  readonly deleted?: boolean;
  readonly cells: readonly DocCell[];
  readonly el: XElement;
}

export interface DocTable {
  /** Position among all tables in document order (nested ones included, after their parent). */
  readonly index: number;
  /** Position among the top-level tables (nesting level 1), or -1 for a nested table. */
  readonly topIndex: number;
  readonly parent?: { readonly table: number; readonly row: number; readonly cell: number };
  /** Tag and title of the content control the table sits in, if any. */
  readonly tag?: string;
  readonly controlTitle?: string;
  /** Top-level block index of the table (or of its outermost ancestor). */
  readonly block: number;
  /** Grid column widths (twips) from w:tblGrid. */
  readonly grid: readonly number[];
  readonly rows: readonly DocRow[];
  readonly el: XElement;
}

export interface DocModel {
  /** Body paragraphs outside tables, in order (text boxes marked floating). */
  readonly paragraphs: readonly DocParagraph[];
  readonly tables: readonly DocTable[];
  /** Number of top-level blocks in the body. */
  readonly blockCount: number;
  readonly body: XElement;
}

export class DocumentStructureError extends UserError {
  constructor(message: string) {
    super('document-structure', message);
  }
}

/** Find the w:body of a w:document (or a Flat OPC package from Word's getOoxml). */
function findBody(root: XElement): XElement {
  if (root.name === 'w:body') return root;
  if (root.name === 'w:document') {
    const b = firstChild(root, 'w:body');
    if (b) return b;
  }
  if (root.name === 'pkg:package') {
    for (const part of childElements(root, 'pkg:part')) {
      const name = part.attrs['pkg:name'] ?? '';
      if (name === '/word/document.xml' || /document\d*\.xml$/.test(name)) {
        const data = firstChild(part, 'pkg:xmlData');
        const doc = data && childElements(data)[0];
        if (doc) return findBody(doc);
      }
    }
  }
  throw new DocumentStructureError('Không tìm thấy phần thân văn bản (w:body).');
}

/** Elements that only wrap content and are read through. */
const TRANSPARENT = new Set([
  'w:sdtContent',
  'w:customXml',
  'w:smartTag',
  'w:ins',
  'w:moveTo',
  'w:hyperlink',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
]);

interface Ctx {
  tables: DocTable[];
  paragraphs: DocParagraph[];
  topCount: number;
  block: number;
}

export function readDocument(root: XElement): DocModel {
  const body = findBody(root);
  const ctx: Ctx = { tables: [], paragraphs: [], topCount: 0, block: 0 };
  const blocks = topLevelBlocks(body);
  blocks.forEach((b, i) => {
    ctx.block = i;
    if (b.el.name === 'w:p') readBodyParagraph(b.el, ctx);
    else readTable(b.el, ctx, undefined, b.tag, b.title);
  });
  return { paragraphs: ctx.paragraphs, tables: ctx.tables, blockCount: blocks.length, body };
}

interface Block {
  /** A w:p or w:tbl. */
  readonly el: XElement;
  /** The element directly under w:body that holds it (itself, or a w:sdt / w:customXml around it). */
  readonly holder: XElement;
  readonly tag?: string;
  readonly title?: string;
}

/** The body's paragraphs and tables in order, looking through block content controls. */
export function topLevelBlocks(body: XElement): Block[] {
  const out: Block[] = [];
  const visit = (container: XElement, holder: XElement | undefined, tag?: string, title?: string): void => {
    for (const c of container.children) {
      if (c.t !== 'e') continue;
      const h = holder ?? c;
      if (c.name === 'w:p' || c.name === 'w:tbl') out.push({ el: c, holder: h, tag, title });
      else if (c.name === 'w:sdt') {
        const pr = firstChild(c, 'w:sdtPr');
        const t = pr && firstChild(pr, 'w:tag')?.attrs['w:val'];
        const a = pr && firstChild(pr, 'w:alias')?.attrs['w:val'];
        const content = firstChild(c, 'w:sdtContent');
        if (content) visit(content, h, t ?? tag, a ?? title);
      } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') visit(c, h, tag, title);
    }
  };
  visit(body, undefined);
  return out;
}

function readBodyParagraph(p: XElement, ctx: Ctx): void {
  const info = paragraphInfo(p, ctx);
  ctx.paragraphs.push({ ...info, block: ctx.block });
}

interface ParaInfo {
  text: string;
  bold: boolean;
  italic: boolean;
  align?: string;
  fonts: string[];
}

/** Text and basic formatting of a paragraph; text boxes inside it are read as floating paragraphs. */
function paragraphInfo(p: XElement, ctx: Ctx | undefined): ParaInfo {
  const parts: string[] = [];
  const fonts = new Set<string>();
  let runs = 0;
  let boldRuns = 0;
  let italicRuns = 0;
  const pPr = firstChild(p, 'w:pPr');
  const align = pPr && firstChild(pPr, 'w:jc')?.attrs['w:val'];
  const pBold = isOn(pPr && firstChild(pPr, 'w:rPr'), 'w:b');
  const visit = (e: XElement): void => {
    for (const c of e.children) {
      if (c.t !== 'e') continue;
      if (c.name === 'w:r') {
        const rPr = firstChild(c, 'w:rPr');
        const f = rPr && firstChild(rPr, 'w:rFonts');
        if (f) for (const k of ['w:ascii', 'w:hAnsi', 'w:cs']) if (f.attrs[k]) fonts.add(f.attrs[k]);
        let hasText = false;
        for (const rc of c.children) {
          if (rc.t !== 'e') continue;
          switch (rc.name) {
            case 'w:t':
              parts.push(textOf(rc));
              hasText = hasText || textOf(rc).trim() !== '';
              break;
            case 'w:tab':
            case 'w:ptab':
              parts.push('\t');
              break;
            case 'w:br':
            case 'w:cr':
              if (rc.attrs['w:type'] !== 'page' && rc.attrs['w:type'] !== 'column') parts.push('\n');
              break;
            case 'w:noBreakHyphen':
              parts.push('-');
              break;
            case 'w:sym':
              break;
            case 'w:drawing':
            case 'w:pict':
            case 'mc:AlternateContent':
            case 'w:object':
              if (ctx) readFloating(rc, ctx);
              break;
          }
        }
        if (hasText) {
          runs++;
          if (isOn(rPr, 'w:b') ?? pBold) boldRuns++;
          if (isOn(rPr, 'w:i')) italicRuns++;
        }
      } else if (TRANSPARENT.has(c.name) || c.name === 'w:sdt') {
        visit(c.name === 'w:sdt' ? (firstChild(c, 'w:sdtContent') ?? c) : c);
      } else if (c.name === 'mc:AlternateContent' && ctx) {
        readFloating(c, ctx);
      }
    }
  };
  visit(p);
  return {
    text: parts.join(''),
    bold: runs > 0 && boldRuns === runs,
    italic: runs > 0 && italicRuns === runs,
    align,
    fonts: [...fonts],
  };
}

/** On/off property (w:b, w:i): present without val, or val not false/0. */
function isOn(pr: XElement | undefined, name: string): boolean | undefined {
  const e = pr && firstChild(pr, name);
  if (!e) return undefined;
  const v = e.attrs['w:val'];
  return v === undefined || !(v === 'false' || v === '0' || v === 'off');
}

function textOf(e: XElement): string {
  let s = '';
  for (const c of e.children) if (c.t === 'x') s += c.v;
  return s;
}

/** Paragraphs inside text boxes (letterheads are sometimes drawn in them). */
function readFloating(e: XElement, ctx: Ctx): void {
  // For mc:AlternateContent read only the first choice, so the fallback is not read twice.
  if (e.name === 'mc:AlternateContent') {
    const choice = childElements(e)[0];
    if (choice) readFloating(choice, ctx);
    return;
  }
  for (const c of e.children) {
    if (c.t !== 'e') continue;
    if (c.name === 'w:txbxContent') {
      for (const p of childElements(c, 'w:p')) {
        const info = paragraphInfo(p, undefined);
        if (info.text.trim()) ctx.paragraphs.push({ ...info, block: ctx.block, floating: true });
      }
    } else readFloating(c, ctx);
  }
}

function intAttr(e: XElement | undefined, name = 'w:val'): number | undefined {
  const v = e?.attrs[name];
  if (v === undefined) return undefined;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Rows of a table, looking through row-level content controls and custom XML. */
function tableRows(tbl: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement): void => {
    for (const c of e.children) {
      if (c.t !== 'e') continue;
      if (c.name === 'w:tr') out.push(c);
      else if (c.name === 'w:sdt') {
        const content = firstChild(c, 'w:sdtContent');
        if (content) visit(content);
      } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') visit(c);
    }
  };
  visit(tbl);
  return out;
}

/** Cells of a row, looking through cell-level content controls and custom XML. */
function rowCells(tr: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement): void => {
    for (const c of e.children) {
      if (c.t !== 'e') continue;
      if (c.name === 'w:tc') out.push(c);
      else if (c.name === 'w:sdt') {
        const content = firstChild(c, 'w:sdtContent');
        if (content) visit(content);
      } else if (c.name === 'w:customXml') visit(c);
    }
  };
  visit(tr);
  return out;
}

/** Block children of a cell (paragraphs and nested tables), looking through content controls. */
function cellBlocks(tc: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement): void => {
    for (const c of e.children) {
      if (c.t !== 'e') continue;
      if (c.name === 'w:p' || c.name === 'w:tbl') out.push(c);
      else if (c.name === 'w:sdt') {
        const content = firstChild(c, 'w:sdtContent');
        if (content) visit(content);
      } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') visit(c);
    }
  };
  visit(tc);
  return out;
}

function readTable(tbl: XElement, ctx: Ctx, parent: DocTable['parent'], tag?: string, title?: string): void {
  const index = ctx.tables.length;
  const topIndex = parent ? -1 : ctx.topCount++;
  const gridEl = firstChild(tbl, 'w:tblGrid');
  const grid = gridEl ? childElements(gridEl, 'w:gridCol').map((g) => intAttr(g, 'w:w') ?? 0) : [];
  const rows: DocRow[] = [];
  const table: DocTable = { index, topIndex, parent, tag, controlTitle: title, block: ctx.block, grid, rows, el: tbl };
  ctx.tables.push(table);
  const nested: { el: XElement; row: number; cell: number }[] = [];
  tableRows(tbl).forEach((tr, ri) => {
    const trPr = firstChild(tr, 'w:trPr');
    const header = !!(trPr && isOn(trPr, 'w:tblHeader'));
    let col = intAttr(trPr && firstChild(trPr, 'w:gridBefore')) ?? 0;
    const cells: DocCell[] = [];
    rowCells(tr).forEach((tc, ci) => {
      const tcPr = firstChild(tc, 'w:tcPr');
      const span = Math.max(1, intAttr(tcPr && firstChild(tcPr, 'w:gridSpan')) ?? 1);
      const vm = tcPr && firstChild(tcPr, 'w:vMerge');
      const vMerge = vm ? (vm.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : undefined;
      const hm = tcPr && firstChild(tcPr, 'w:hMerge');
      const paras: string[] = [];
      const fonts = new Set<string>();
      for (const b of cellBlocks(tc)) {
        if (b.name === 'w:p') {
          const info = paragraphInfo(b, ctx);
          paras.push(info.text);
          for (const f of info.fonts) fonts.add(f);
        } else nested.push({ el: b, row: ri, cell: ci });
      }
      // Legacy horizontal merge: a continuation cell widens the cell before it.
      if (hm && hm.attrs['w:val'] !== 'restart' && cells.length) {
        const prev = cells[cells.length - 1];
        cells[cells.length - 1] = { ...prev, span: prev.span + span };
        col += span;
        return;
      }
      cells.push({ index: ci, col, span, vMerge, paragraphs: paras, text: paras.join('\n'), fonts: [...fonts], el: tc });
      col += span;
    });
    const deleted = !!(trPr && firstChild(trPr, 'w:del'));
    rows.push(deleted ? { index: ri, header, deleted, cells, el: tr } : { index: ri, header, cells, el: tr });
  });
  for (const n of nested) readTable(n.el, ctx, { table: index, row: n.row, cell: n.cell }, undefined, undefined);
}

/** The cell covering a grid column in a row, if any. */
export function cellAt(row: DocRow, col: number): DocCell | undefined {
  return row.cells.find((c) => col >= c.col && col < c.col + c.span);
}

/** Number of grid columns a table uses (the grid, or the widest row when the grid is missing). */
export function columnCount(t: DocTable): number {
  let max = t.grid.length;
  for (const r of t.rows) {
    const last = r.cells[r.cells.length - 1];
    if (last) max = Math.max(max, last.col + last.span);
  }
  return max;
}
