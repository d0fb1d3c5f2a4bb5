/**
 * The order WordprocessingML's schema gives the children of the property elements (`w:rPr`, `w:pPr`,
 * `w:tcPr`, `w:trPr`, `w:tblPr`, `w:sectPr`, borders and margins), declared once. Word refuses XML
 * whose properties are out of order (insertOoxml fails, a .docx "cannot be opened"), so every place
 * that writes into a `*Pr` goes through setProperty()/orderChildren() here: the writer and the edits
 * alike. Names not in a list (extensions such as w14:*) keep their place after the known ones.
 *
 * From ECMA-376 Part 1 (CT_RPr, CT_ParaRPr, CT_PPrBase/CT_PPr, CT_TcPr, CT_TrPr, CT_TblPr, CT_SectPr,
 * CT_TcBorders, CT_TblBorders, CT_TcMar, CT_TblCellMar, CT_SdtPr).
 */
import { el, type XElement, type XNode } from './xml';

const RUN_BASE = [
  'w:rStyle',
  'w:rFonts',
  'w:b',
  'w:bCs',
  'w:i',
  'w:iCs',
  'w:caps',
  'w:smallCaps',
  'w:strike',
  'w:dstrike',
  'w:outline',
  'w:shadow',
  'w:emboss',
  'w:imprint',
  'w:noProof',
  'w:snapToGrid',
  'w:vanish',
  'w:webHidden',
  'w:color',
  'w:spacing',
  'w:w',
  'w:kern',
  'w:position',
  'w:sz',
  'w:szCs',
  'w:highlight',
  'w:u',
  'w:effect',
  'w:bdr',
  'w:shd',
  'w:fitText',
  'w:vertAlign',
  'w:rtl',
  'w:cs',
  'w:em',
  'w:lang',
  'w:eastAsianLayout',
  'w:specVanish',
  'w:oMath',
];

const PARA_BASE = [
  'w:pStyle',
  'w:keepNext',
  'w:keepLines',
  'w:pageBreakBefore',
  'w:framePr',
  'w:widowControl',
  'w:numPr',
  'w:suppressLineNumbers',
  'w:pBdr',
  'w:shd',
  'w:tabs',
  'w:suppressAutoHyphens',
  'w:kinsoku',
  'w:wordWrap',
  'w:overflowPunct',
  'w:topLinePunct',
  'w:autoSpaceDE',
  'w:autoSpaceDN',
  'w:bidi',
  'w:adjustRightInd',
  'w:snapToGrid',
  'w:spacing',
  'w:ind',
  'w:contextualSpacing',
  'w:mirrorIndents',
  'w:suppressOverlap',
  'w:jc',
  'w:textDirection',
  'w:textAlignment',
  'w:textboxTightWrap',
  'w:outlineLvl',
  'w:divId',
  'w:cnfStyle',
];

const SIDES = ['w:top', 'w:start', 'w:left', 'w:bottom', 'w:end', 'w:right'];

/** Child order of each property element, by the element's name. */
export const SCHEMA_ORDER: Readonly<Record<string, readonly string[]>> = {
  // A run's properties; the paragraph mark's (w:pPr/w:rPr) start with its own revision marks.
  'w:rPr': ['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo', ...RUN_BASE, 'w:rPrChange'],
  'w:pPr': [...PARA_BASE, 'w:rPr', 'w:sectPr', 'w:pPrChange'],
  'w:tcPr': [
    'w:cnfStyle',
    'w:tcW',
    'w:gridSpan',
    'w:hMerge',
    'w:vMerge',
    'w:tcBorders',
    'w:shd',
    'w:noWrap',
    'w:tcMar',
    'w:textDirection',
    'w:tcFitText',
    'w:vAlign',
    'w:hideMark',
    'w:headers',
    'w:cellIns',
    'w:cellDel',
    'w:cellMerge',
    'w:tcPrChange',
  ],
  // CT_TrPrBase is a choice (any order); this is the order Word writes.
  'w:trPr': [
    'w:cnfStyle',
    'w:divId',
    'w:gridBefore',
    'w:gridAfter',
    'w:wBefore',
    'w:wAfter',
    'w:cantSplit',
    'w:trHeight',
    'w:tblHeader',
    'w:tblCellSpacing',
    'w:jc',
    'w:hidden',
    'w:ins',
    'w:del',
    'w:trPrChange',
  ],
  'w:tblPr': [
    'w:tblStyle',
    'w:tblpPr',
    'w:tblOverlap',
    'w:bidiVisual',
    'w:tblStyleRowBandSize',
    'w:tblStyleColBandSize',
    'w:tblW',
    'w:jc',
    'w:tblCellSpacing',
    'w:tblInd',
    'w:tblBorders',
    'w:shd',
    'w:tblLayout',
    'w:tblCellMar',
    'w:tblLook',
    'w:tblCaption',
    'w:tblDescription',
    'w:tblPrChange',
  ],
  'w:sectPr': [
    'w:headerReference',
    'w:footerReference',
    'w:footnotePr',
    'w:endnotePr',
    'w:type',
    'w:pgSz',
    'w:pgMar',
    'w:paperSrc',
    'w:pgBorders',
    'w:lnNumType',
    'w:pgNumType',
    'w:cols',
    'w:formProt',
    'w:vAlign',
    'w:noEndnote',
    'w:titlePg',
    'w:textDirection',
    'w:bidi',
    'w:rtlGutter',
    'w:docGrid',
    'w:printerSettings',
    'w:sectPrChange',
  ],
  'w:tcBorders': [...SIDES, 'w:insideH', 'w:insideV', 'w:tl2br', 'w:tr2bl'],
  'w:tblBorders': [...SIDES, 'w:insideH', 'w:insideV'],
  'w:pBdr': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:between', 'w:bar'],
  'w:tcMar': SIDES,
  'w:tblCellMar': SIDES,
  'w:sdtPr': ['w:rPr', 'w:alias', 'w:tag', 'w:id', 'w:lock', 'w:placeholder', 'w:temporary', 'w:showingPlcHdr', 'w:dataBinding'],
};

function rank(order: readonly string[], n: XNode): number {
  if (n.t !== 'e') return order.length;
  const i = order.indexOf(n.name);
  return i < 0 ? order.length : i;
}

/** Put a property element's children in schema order (stable: unknown names keep their order, last). */
export function orderChildren(pr: XElement): XElement {
  const order = SCHEMA_ORDER[pr.name];
  if (!order) return pr;
  const indexed = pr.children.map((c, i) => ({ c, i, r: rank(order, c) }));
  indexed.sort((a, b) => a.r - b.r || a.i - b.i);
  pr.children = indexed.map((x) => x.c);
  return pr;
}

/** A property element with its children put in schema order. */
export function props(
  name: string,
  children: readonly XNode[],
  attrs: Record<string, string | number | undefined> = {},
): XElement {
  return orderChildren(el(name, attrs, [...children]));
}

/** Set (replace or insert at its schema place) one child of a property element. */
export function setProperty(pr: XElement, child: XElement): XElement {
  const i = pr.children.findIndex((c) => c.t === 'e' && c.name === child.name);
  if (i >= 0) {
    pr.children[i] = child;
    return child;
  }
  const order = SCHEMA_ORDER[pr.name];
  const r = order ? rank(order, child) : Number.MAX_SAFE_INTEGER;
  let at = pr.children.length;
  if (order) {
    for (let k = 0; k < pr.children.length; k++) {
      if (rank(order, pr.children[k]) > r) {
        at = k;
        break;
      }
    }
  }
  pr.children.splice(at, 0, child);
  return child;
}

/** Remove children of a property element by name. */
export function removeProperty(pr: XElement, ...names: string[]): void {
  pr.children = pr.children.filter((c) => !(c.t === 'e' && names.includes(c.name)));
}

/** The property element `name` of `parent` (w:tcPr of a w:tc…), created at the front when missing. */
export function propertiesOf(parent: XElement, name: string): XElement {
  const found = parent.children.find((c): c is XElement => c.t === 'e' && c.name === name);
  if (found) return found;
  const pr = el(name);
  parent.children.unshift(pr);
  return pr;
}

/** Whether a property element's known children are in schema order (for tests and checks). */
export function inSchemaOrder(pr: XElement): boolean {
  const order = SCHEMA_ORDER[pr.name];
  if (!order) return true;
  let last = -1;
  for (const c of pr.children) {
    if (c.t !== 'e') continue;
    const r = order.indexOf(c.name);
    if (r < 0) continue;
    if (r < last) return false;
    last = r;
  }
  return true;
}
