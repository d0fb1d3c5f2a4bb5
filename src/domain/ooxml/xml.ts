/**
 * A small XML tree for OOXML: what the reader walks, what the writer builds and what edits change.
 * Parsing is done outside the domain (saxes in Node, the native DOMParser in the browser) and both
 * produce this same tree; serialising is done here, and it is the one place where text is escaped.
 */
import { replaceXmlInvalid } from '../text';
import { UserError } from '../errors';

export interface XElement {
  readonly t: 'e';
  /** Qualified name as written, e.g. "w:tc". */
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export interface XText {
  readonly t: 'x';
  /** Decoded text. */
  v: string;
}

/** Comments, processing instructions and CDATA, kept verbatim so a round trip loses nothing. */
export interface XRaw {
  readonly t: 'r';
  v: string;
}

export type XNode = XElement | XText | XRaw;

export interface ParseOptions {
  /**
   * For reading only (the checker, reviewers' folder checks): leave out the formatting the reader
   * never looks at (LEAN_DROPPED) and Word's revision ids, to keep big documents small in memory.
   * Never for documents that are edited and saved: the tree would lose that formatting.
   */
  readonly lean?: boolean;
}

/** Turns XML text into the tree. Must refuse DTDs and entity declarations (see assertNoDtd). */
export type XmlParser = (xml: string, opts?: ParseOptions) => XElement;

/** Elements (with their subtrees) a lean parse leaves out: run, paragraph, cell and table formatting the reader does not use. */
export const LEAN_DROPPED: ReadonlySet<string> = new Set([
  'w:color',
  'w:sz',
  'w:szCs',
  'w:lang',
  'w:spacing',
  'w:ind',
  'w:tcW',
  'w:vAlign',
  'w:tcBorders',
  'w:tcMar',
  'w:shd',
  'w:tblW',
  'w:tblBorders',
  'w:tblCellMar',
  'w:tblLook',
  'w:tblLayout',
  'w:tblInd',
  'w:trHeight',
  'w:noProof',
  'w:kern',
  'w:w',
  'w:position',
  'w:spacingPr',
  'w:highlight',
  'w:vertAlign',
  'w:lastRenderedPageBreak',
  'w:proofErr',
  'w:bookmarkStart',
  'w:bookmarkEnd',
  'w:sectPr',
  'w:webHidden',
  'w:snapToGrid',
  'w:widowControl',
  'w:autoSpaceDE',
  'w:autoSpaceDN',
  'w:adjustRightInd',
  'w:textAlignment',
  'w:contextualSpacing',
  'w:keepNext',
  'w:keepLines',
  'w:tabs',
  'w:pBdr',
  'w:eastAsianLayout',
  'w:textDirection',
  'w:hideMark',
]);

/** Attributes a lean parse leaves out: Word's revision-save ids and paragraph ids. */
export function leanDroppedAttr(name: string): boolean {
  return name.startsWith('w:rsid') || name.startsWith('w14:');
}

export class XmlSecurityError extends UserError {
  constructor(message: string) {
    super('xml-unsafe', message);
  }
}
export class XmlSyntaxError extends UserError {
  constructor(message: string) {
    super('xml-invalid', message);
  }
}

/** Refuse a DTD or entity declaration before any parser sees it: never expand entities. */
export function assertNoDtd(xml: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new XmlSecurityError('Tệp chứa khai báo DTD hoặc thực thể XML (có thể độc hại) nên không được đọc.');
  }
}

export function el(name: string, attrs: Record<string, string | number | undefined> = {}, children: XNode[] = []): XElement {
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) a[k] = String(v);
  return { t: 'e', name, attrs: a, children };
}

export function text(v: string): XText {
  return { t: 'x', v };
}

export function isEl(n: XNode | undefined, name?: string): n is XElement {
  return !!n && n.t === 'e' && (name === undefined || n.name === name);
}

export function childElements(e: XElement, name?: string): XElement[] {
  const out: XElement[] = [];
  for (const c of e.children) if (c.t === 'e' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(e: XElement, name: string): XElement | undefined {
  for (const c of e.children) if (c.t === 'e' && c.name === name) return c;
  return undefined;
}

/** Depth-first search for the first element with this name. */
export function findFirst(e: XElement, name: string): XElement | undefined {
  for (const c of e.children) {
    if (c.t !== 'e') continue;
    if (c.name === name) return c;
    const f = findFirst(c, name);
    if (f) return f;
  }
  return undefined;
}

/**
 * Text content, escaped. A carriage return is written as &#13; (a literal one would be read back as a
 * line feed, changing text nobody edited); characters XML cannot carry become «�».
 */
function escapeText(s: string): string {
  return replaceXmlInvalid(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttr(s: string): string {
  return replaceXmlInvalid(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function serialize(n: XNode): string {
  const parts: string[] = [];
  write(n, parts);
  return parts.join('');
}

function write(n: XNode, out: string[]): void {
  if (n.t === 'x') {
    out.push(escapeText(n.v));
    return;
  }
  if (n.t === 'r') {
    out.push(n.v);
    return;
  }
  out.push('<', n.name);
  for (const k in n.attrs) out.push(' ', k, '="', escapeAttr(n.attrs[k]), '"');
  if (!n.children.length) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const c of n.children) write(c, out);
  out.push('</', n.name, '>');
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export function serializeDocument(root: XElement): string {
  return XML_DECLARATION + '\n' + serialize(root);
}

/** Deep copy of a subtree. */
export function cloneNode<T extends XNode>(n: T): T {
  if (n.t !== 'e') return { ...n };
  return { t: 'e', name: n.name, attrs: { ...n.attrs }, children: n.children.map(cloneNode) } as XElement as T;
}
