/**
 * The WordprocessingML writer: runs, paragraphs, cells, rows, content controls and packages as XML trees.
 * Every run carries Times New Roman 13 pt as direct formatting, so the result does not depend on the
 * styles of the document it lands in. All text goes through xml.ts's serializer, which escapes it.
 * Plan and report tables are rendered from the table model in ../table/render.ts.
 */
import { normalizeNewlines } from '../text';
import { el, serialize, text, type XElement, type XNode } from './xml';
import { props } from './schema-order';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const FONT = 'Times New Roman';
/** 13 pt in half-points. */
export const SIZE_13 = 26;

interface RunStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Half-points; 26 = 13 pt. */
  readonly size?: number;
}

export interface ParagraphStyle extends RunStyle {
  readonly align?: 'left' | 'center' | 'right' | 'both';
  /** Spacing before/after in twips. */
  readonly before?: number;
  readonly after?: number;
  /** First-line indent in twips. */
  readonly firstLine?: number;
  readonly keepNext?: boolean;
}

export function runProps(s: RunStyle = {}): XElement {
  const size = String(s.size ?? SIZE_13);
  const children: XNode[] = [el('w:rFonts', { 'w:ascii': FONT, 'w:hAnsi': FONT, 'w:cs': FONT, 'w:eastAsia': FONT })];
  if (s.bold) children.push(el('w:b'), el('w:bCs'));
  if (s.italic) children.push(el('w:i'), el('w:iCs'));
  if (s.underline) children.push(el('w:u', { 'w:val': 'single' }));
  children.push(el('w:color', { 'w:val': '000000' }));
  children.push(el('w:sz', { 'w:val': size }), el('w:szCs', { 'w:val': size }));
  children.push(el('w:lang', { 'w:val': 'vi-VN' }));
  return props('w:rPr', children);
}

/** Runs for one line of text: tabs become <w:tab/>, vertical tabs (Word's manual line break) <w:br/>, spaces are preserved. */
export function runs(line: string, s: RunStyle = {}): XElement[] {
  const out: XElement[] = [];
  for (const piece of line.split(/(\t|\v)/)) {
    if (piece === '\t') out.push(el('w:r', {}, [runProps(s), el('w:tab')]));
    else if (piece === '\v') out.push(el('w:r', {}, [runProps(s), el('w:br')]));
    else if (piece) out.push(el('w:r', {}, [runProps(s), el('w:t', { 'xml:space': 'preserve' }, [text(piece)])]));
  }
  return out;
}

export function paragraph(line: string, s: ParagraphStyle = {}): XElement {
  const pPr: XNode[] = [];
  if (s.keepNext) pPr.push(el('w:keepNext'));
  pPr.push(el('w:spacing', { 'w:before': s.before ?? 0, 'w:after': s.after ?? 0, 'w:line': 240, 'w:lineRule': 'auto' }));
  // Indents always set: a school template whose Normal style indents the first line (common in Vietnamese
  // documents) would otherwise indent every cell and line of what ctcl writes.
  pPr.push(el('w:ind', { 'w:left': 0, 'w:right': 0, 'w:firstLine': s.firstLine ?? 0 }));
  pPr.push(el('w:jc', { 'w:val': s.align ?? 'left' }));
  // The paragraph mark carries the formatting too, so text typed later into an empty cell is 13 pt.
  pPr.push(runProps(s));
  return el('w:p', {}, [props('w:pPr', pPr), ...runs(line, s)]);
}

/** Paragraphs for a cell's text: each line break starts a paragraph, exactly as typed. */
export function paragraphs(value: string, s: ParagraphStyle = {}): XElement[] {
  return normalizeNewlines(value)
    .split('\n')
    .map((line) => paragraph(line, s));
}

interface CellOptions {
  readonly width: number;
  readonly span?: number;
  readonly vMerge?: 'restart' | 'continue';
  readonly vAlign?: 'top' | 'center';
  readonly shade?: string;
}

export function cell(content: XElement[], o: CellOptions): XElement {
  const tcPr: XNode[] = [el('w:tcW', { 'w:w': o.width, 'w:type': 'dxa' })];
  if (o.span && o.span > 1) tcPr.push(el('w:gridSpan', { 'w:val': o.span }));
  if (o.vMerge) tcPr.push(el('w:vMerge', o.vMerge === 'restart' ? { 'w:val': 'restart' } : {}));
  if (o.shade) tcPr.push(el('w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': o.shade }));
  tcPr.push(el('w:vAlign', { 'w:val': o.vAlign ?? 'top' }));
  // A cell must end with a paragraph.
  const body = content.length && content[content.length - 1].name === 'w:p' ? content : [...content, paragraph('')];
  return el('w:tc', {}, [props('w:tcPr', tcPr), ...body]);
}

export function row(cells: XElement[], opts: { header?: boolean; cantSplit?: boolean } = {}): XElement {
  const trPr: XNode[] = [];
  if (opts.cantSplit || opts.header) trPr.push(el('w:cantSplit'));
  if (opts.header) trPr.push(el('w:tblHeader'));
  return el('w:tr', {}, trPr.length ? [props('w:trPr', trPr), ...cells] : cells);
}

/** "ctcl:<form>:<uuid>" — the tag of the block content control around a table we insert. */
export function controlTag(formId: string, id: string): string {
  return `ctcl:${formId}:${id}`;
}

export function parseControlTag(tag: string | undefined): { form: string; id: string } | undefined {
  const m = /^ctcl:([a-z0-9-]+):([A-Za-z0-9-]+)$/.exec(tag ?? '');
  return m ? { form: m[1], id: m[2] } : undefined;
}

/** Wrap block content in a content control with a Vietnamese title and our tag. */
export function contentControl(content: XElement[], tag: string, title: string, numericId: number): XElement {
  return el('w:sdt', {}, [
    props('w:sdtPr', [el('w:alias', { 'w:val': title }), el('w:tag', { 'w:val': tag }), el('w:id', { 'w:val': numericId })]),
    el('w:sdtContent', {}, content),
  ]);
}

/** A random id: crypto.randomUUID where the platform has it. */
export function newId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = (Math.random() * 16) | 0;
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** A signed 32-bit id as Word uses for w:sdt/w:id. */
export function newNumericId(): number {
  return (Math.random() * 0x7fffffff) | 0;
}

const NAMESPACES = {
  'xmlns:w': W_NS,
  'xmlns:r': R_NS,
};

/** A w:document around body content (no section properties: they stay the target document's). */
export function documentElement(body: XElement[], sectPr?: XElement): XElement {
  return el('w:document', NAMESPACES, [el('w:body', {}, sectPr ? [...body, sectPr] : body)]);
}

/**
 * A Flat OPC package, the form Word's insertOoxml takes (WordApi 1.1). The body ends with an empty
 * paragraph so the table is never glued to the text after the cursor.
 */
export function flatOpcPackage(body: XElement[]): string {
  return flatOpc(documentElement([...body, paragraph('')]));
}

/** A Flat OPC package (what Word's insertOoxml takes and getOoxml gives) around a w:document. */
export function flatOpc(document: XElement): string {
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml" pkg:padding="512">' +
    '<pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships></pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">' +
    `<pkg:xmlData>${serialize(document)}</pkg:xmlData></pkg:part></pkg:package>`
  );
}

/** A4 in either orientation, NĐ 30/2020 margins (top/bottom 20 mm, left 30 mm, right 20 mm). */
export function a4Section(orientation: 'portrait' | 'landscape'): XElement {
  const pgSz =
    orientation === 'landscape'
      ? el('w:pgSz', { 'w:w': 16838, 'w:h': 11906, 'w:orient': 'landscape' })
      : el('w:pgSz', { 'w:w': 11906, 'w:h': 16838 });
  return props('w:sectPr', [
    pgSz,
    el('w:pgMar', {
      'w:top': 1134,
      'w:right': 1134,
      'w:bottom': 1134,
      'w:left': 1701,
      'w:header': 567,
      'w:footer': 567,
      'w:gutter': 0,
    }),
    el('w:cols', { 'w:space': 720 }),
  ]);
}

/** A4 landscape, NĐ 30/2020 margins: the page of every plan and report table. */
export function landscapeSection(): XElement {
  return a4Section('landscape');
}
