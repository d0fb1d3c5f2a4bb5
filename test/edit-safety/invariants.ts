/**
 * The edit-safety invariants: what must hold between a .docx before and after an edit, whatever the
 * edit was. Every part other than the main document part is byte-for-byte the same; every body block,
 * table row and cell outside the intended change serialises the same; the cells an edit writes keep
 * their non-text content (comments, tracked changes, bookmarks, fields, images, footnotes, content
 * controls, nested tables); ids stay unique; every reference resolves.
 *
 * The checker works on the XML trees only (it does not use the domain reader to judge the domain's
 * edits), so a mistake in the reader cannot hide a mistake in an edit.
 */
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { serialize, type XElement, type XNode } from '../../src/domain/ooxml/xml';

/** What an edit was asked to change: one table (its position among the body's w:tbl in document order). */
export interface Intended {
  /** Index among all w:tbl elements in document order (nested ones included), as DocTable.index. */
  readonly table?: number;
  /** Rows (as read before the edit) whose listed cells (w:tc index) may change. */
  readonly cells?: readonly { readonly row: number; readonly cell: number }[];
  /** Number of rows the edit adds to the table. */
  readonly addedRows?: number;
  /** The edit adds a grid column: every row may change, but each old cell keeps its content. */
  readonly column?: boolean;
  /** Top-level body blocks the edit adds (frame insertion); they may appear anywhere in the body. */
  readonly addedBlocks?: number;
  /** Parts that may change besides the main part (the store: customXml parts, rels, content types). */
  readonly parts?: (path: string) => boolean;
}

export interface Violation {
  readonly rule: string;
  readonly detail: string;
}

const W_ID_REVISIONS = new Set([
  'w:ins',
  'w:del',
  'w:moveFrom',
  'w:moveTo',
  'w:rPrChange',
  'w:pPrChange',
  'w:tcPrChange',
  'w:trPrChange',
  'w:tblPrChange',
  'w:sectPrChange',
  'w:cellIns',
  'w:cellDel',
  'w:cellMerge',
  'w:numberingChange',
]);

/** Elements that are not text: what a cell edit must keep. */
const NON_TEXT = new Set([
  'w:bookmarkStart',
  'w:bookmarkEnd',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:commentReference',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:fldChar',
  'w:instrText',
  'w:fldSimple',
  'w:drawing',
  'w:pict',
  'w:object',
  'w:ins',
  'w:del',
  'w:moveFrom',
  'w:moveTo',
  'w:hyperlink',
  'w:sdt',
  'w:tbl',
  'mc:AlternateContent',
]);

function els(e: XElement, name?: string): XElement[] {
  return e.children.filter((c): c is XElement => c.t === 'e' && (name === undefined || c.name === name));
}

function walk(n: XNode, f: (e: XElement) => void): void {
  if (n.t !== 'e') return;
  f(n);
  for (const c of n.children) walk(c, f);
}

function all(root: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  walk(root, (e) => {
    if (e.name === name) out.push(e);
  });
  return out;
}

/** Every w:tbl in document order (pre-order, nested included, text boxes left out): DocTable.index order. */
export function tablesOf(root: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement): void => {
    for (const c of els(e)) {
      if (c.name === 'w:txbxContent' || c.name === 'mc:AlternateContent') continue;
      if (c.name === 'w:tbl') out.push(c);
      visit(c);
    }
  };
  visit(root);
  return out;
}

/** Rows of a table, through row-level content controls and custom XML (not nested tables'). */
export function rowsOf(tbl: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement): void => {
    for (const c of els(e)) {
      if (c.name === 'w:tr') out.push(c);
      else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') visit(c);
    }
  };
  visit(tbl);
  return out;
}

/** Cells of a row, through cell-level content controls. */
export function cellsOf(tr: XElement): XElement[] {
  const out: XElement[] = [];
  const visit = (e: XElement): void => {
    for (const c of els(e)) {
      if (c.name === 'w:tc') out.push(c);
      else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') visit(c);
    }
  };
  visit(tr);
  return out;
}

function body(root: XElement): XElement {
  const b = els(root, 'w:body')[0];
  if (!b) throw new Error('no w:body');
  return b;
}

/** Non-text content of a subtree, each as its serialisation (text inside it blanked for w:ins runs being kept is not required). */
export function nonText(n: XElement): string[] {
  const out: string[] = [];
  const visit = (e: XElement): void => {
    for (const c of els(e)) {
      if (NON_TEXT.has(c.name)) {
        // Wrappers count by their own identity (name and attributes) plus what they hold that is not text.
        if (c.name === 'w:ins' || c.name === 'w:moveTo' || c.name === 'w:hyperlink' || c.name === 'w:sdt') {
          out.push(`${c.name} ${JSON.stringify(c.attrs)}`);
          if (c.name === 'w:sdt') {
            const pr = els(c, 'w:sdtPr')[0];
            if (pr) out.push(serialize(pr));
          }
          visit(c);
        } else out.push(serialize(c));
      } else visit(c);
    }
  };
  visit(n);
  return out.sort();
}

function attrsOf(root: XElement, names: readonly string[]): string[] {
  const out: string[] = [];
  walk(root, (e) => {
    for (const n of names) if (e.attrs[n] !== undefined) out.push(e.attrs[n]);
  });
  return out;
}

function duplicates(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const x of xs) (seen.has(x) ? dup : seen).add(x);
  return [...dup];
}

/** Id uniqueness and reference resolution in one package. */
export function packageProblems(pkg: DocxPackage): Violation[] {
  const out: Violation[] = [];
  const doc = pkg.mainDocument(parseXml);
  const main = pkg.mainPath;
  const relsPath = main.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = pkg.has(relsPath) ? els(parseXml(pkg.text(relsPath)!), 'Relationship') : [];
  const relIds = new Set(rels.map((r) => r.attrs.Id));
  for (const r of rels) {
    if (r.attrs.TargetMode === 'External') continue;
    const target = (main.slice(0, main.lastIndexOf('/') + 1) + r.attrs.Target).replace(/[^/]+\/\.\.\//g, '');
    const path = r.attrs.Target?.startsWith('/') ? r.attrs.Target.slice(1) : target;
    if (!pkg.has(path)) out.push({ rule: 'reference', detail: `relationship ${r.attrs.Id} points at missing part ${path}` });
  }
  for (const id of attrsOf(doc, ['r:id', 'r:embed', 'r:link', 'r:pict', 'r:dm', 'r:lo', 'r:qs', 'r:cs'])) {
    if (!relIds.has(id)) out.push({ rule: 'reference', detail: `r:id ${id} has no relationship` });
  }
  // Bookmarks: unique ids, every start has its end.
  const starts = all(doc, 'w:bookmarkStart').map((b) => b.attrs['w:id']);
  const ends = new Set(all(doc, 'w:bookmarkEnd').map((b) => b.attrs['w:id']));
  for (const d of duplicates(starts)) out.push({ rule: 'unique-id', detail: `bookmark id ${d} twice` });
  for (const s of starts) if (!ends.has(s)) out.push({ rule: 'reference', detail: `bookmark ${s} has no end` });
  for (const e of ends) if (!starts.includes(e)) out.push({ rule: 'reference', detail: `bookmark end ${e} has no start` });
  // Revisions: unique w:id among revision elements.
  const revIds: string[] = [];
  walk(doc, (e) => {
    if (W_ID_REVISIONS.has(e.name) && e.attrs['w:id'] !== undefined) revIds.push(e.attrs['w:id']);
  });
  for (const d of duplicates(revIds)) out.push({ rule: 'unique-id', detail: `revision id ${d} twice` });
  // Paragraph ids, drawing ids, content control ids.
  for (const d of duplicates(attrsOf(doc, ['w14:paraId']))) out.push({ rule: 'unique-id', detail: `w14:paraId ${d} twice` });
  for (const d of duplicates(all(doc, 'wp:docPr').map((e) => e.attrs.id)))
    out.push({ rule: 'unique-id', detail: `wp:docPr id ${d} twice` });
  const sdtIds = all(doc, 'w:sdtPr').flatMap((p) => els(p, 'w:id').map((i) => i.attrs['w:val']));
  for (const d of duplicates(sdtIds)) out.push({ rule: 'unique-id', detail: `content control id ${d} twice` });
  // Comments: every reference and range has its comment; every comment is still anchored.
  const commentsPart = rels.find((r) => /\/comments$/.test(r.attrs.Type ?? ''));
  const commentIds = new Set<string>();
  if (commentsPart) {
    const c = pkg.xml(main.replace(/[^/]+$/, commentsPart.attrs.Target), parseXml);
    if (c) for (const x of els(c, 'w:comment')) commentIds.add(x.attrs['w:id']);
  }
  const commentRefs = new Set(all(doc, 'w:commentReference').map((e) => e.attrs['w:id']));
  for (const id of commentRefs)
    if (!commentIds.has(id)) out.push({ rule: 'reference', detail: `comment ${id} not in comments part` });
  for (const id of commentIds) if (!commentRefs.has(id)) out.push({ rule: 'reference', detail: `comment ${id} is orphaned` });
  for (const name of ['w:commentRangeStart', 'w:commentRangeEnd'])
    for (const e of all(doc, name))
      if (!commentIds.has(e.attrs['w:id'])) out.push({ rule: 'reference', detail: `${name} ${e.attrs['w:id']} has no comment` });
  // Footnotes: references resolve and every footnote of the part is referenced.
  const footPart = rels.find((r) => /\/footnotes$/.test(r.attrs.Type ?? ''));
  if (footPart) {
    const f = pkg.xml(main.replace(/[^/]+$/, footPart.attrs.Target), parseXml);
    const notes = new Set(
      (f ? els(f, 'w:footnote') : [])
        .filter((n) => !n.attrs['w:type'] || n.attrs['w:type'] === 'normal')
        .map((n) => n.attrs['w:id']),
    );
    const refs = new Set(all(doc, 'w:footnoteReference').map((e) => e.attrs['w:id']));
    for (const id of refs) if (!notes.has(id)) out.push({ rule: 'reference', detail: `footnote ${id} not in footnotes part` });
    for (const id of notes) if (!refs.has(id)) out.push({ rule: 'reference', detail: `footnote ${id} is orphaned` });
  }
  // Fields: begin/separate/end balanced in every paragraph that has them.
  for (const p of all(doc, 'w:p')) {
    const kinds = all(p, 'w:fldChar').map((f) => f.attrs['w:fldCharType']);
    const begins = kinds.filter((k) => k === 'begin').length;
    const endsN = kinds.filter((k) => k === 'end').length;
    if (begins !== endsN)
      out.push({ rule: 'reference', detail: `field begin/end unbalanced in a paragraph (${kinds.join(',')})` });
  }
  return out;
}

/** Top-level body blocks, serialised (the holder under w:body: paragraph, table or block content control). */
function blocks(root: XElement): { xml: string; el: XElement }[] {
  return els(body(root)).map((el) => ({ xml: serialize(el), el }));
}

function contains(a: XElement, b: XElement): boolean {
  let found = false;
  walk(a, (e) => {
    if (e === b) found = true;
  });
  return found;
}

/** Cell content without its tcPr (widths change with a new column). */
function cellContent(tc: XElement): string {
  return tc.children
    .filter((c) => !(c.t === 'e' && c.name === 'w:tcPr'))
    .map(serialize)
    .join('');
}

/** tcPr without the elements a new column may change (width, span). */
function cellProps(tc: XElement): string {
  const pr = els(tc, 'w:tcPr')[0];
  if (!pr) return '';
  return pr.children
    .filter((c) => !(c.t === 'e' && (c.name === 'w:tcW' || c.name === 'w:gridSpan')))
    .map(serialize)
    .join('');
}

/** Is `before` a subsequence of `after`, with exactly `extra` items added? Returns the added positions. */
function insertedPositions(before: readonly string[], after: readonly string[]): number[] | undefined {
  const added: number[] = [];
  let i = 0;
  for (let j = 0; j < after.length; j++) {
    if (i < before.length && before[i] === after[j]) i++;
    else added.push(j);
  }
  return i === before.length ? added : undefined;
}

/**
 * Compare two packages against what the edit was meant to change. Returns every violation (empty when
 * the edit was safe).
 */
export function editViolations(beforeBytes: Uint8Array, afterBytes: Uint8Array, intended: Intended): Violation[] {
  const out: Violation[] = [];
  const before = DocxPackage.open(beforeBytes, { parts: 'all' });
  const after = DocxPackage.open(afterBytes, { parts: 'all' });
  // 1. Parts other than the main part: unchanged, byte for byte.
  const mayChange = (p: string) => p === before.mainPath || !!intended.parts?.(p);
  const paths = new Set([...before.paths(), ...after.paths()]);
  for (const p of paths) {
    if (mayChange(p)) continue;
    const a = before.bytes(p);
    const b = after.bytes(p);
    if (!a || !b) out.push({ rule: 'parts', detail: `part ${p} ${a ? 'removed' : 'added'}` });
    else if (a.length !== b.length || a.some((x, i) => x !== b[i])) out.push({ rule: 'parts', detail: `part ${p} changed` });
  }
  const rootA = before.mainDocument(parseXml);
  const rootB = after.mainDocument(parseXml);
  // Everything outside the body (namespaces, the w:document's attributes) is unchanged.
  const outside = (r: XElement) => JSON.stringify(r.attrs) + r.name;
  if (outside(rootA) !== outside(rootB)) out.push({ rule: 'blocks', detail: 'w:document attributes changed' });
  // 2. Body blocks: all the same except the one holding the edited table (and blocks the edit adds).
  const tblA = intended.table !== undefined ? tablesOf(rootA)[intended.table] : undefined;
  const tblB = intended.table !== undefined ? tablesOf(rootB)[intended.table] : undefined;
  if (intended.table !== undefined && (!tblA || !tblB)) {
    out.push({ rule: 'blocks', detail: `table ${intended.table} missing` });
    return out;
  }
  const ba = blocks(rootA);
  const bb = blocks(rootB);
  const keyA = ba.map((b) => (tblA && contains(b.el, tblA) ? '#edited' : b.xml));
  const keyB = bb.map((b) => (tblB && contains(b.el, tblB) ? '#edited' : b.xml));
  const added = insertedPositions(keyA, keyB);
  if (!added || added.length !== (intended.addedBlocks ?? 0)) {
    const firstDiff = keyA.findIndex((k, i) => k !== keyB[i]);
    out.push({
      rule: 'blocks',
      detail: `body blocks outside the edit changed (first difference at block ${firstDiff}: ${(keyA[firstDiff] ?? '').slice(0, 160)} → ${(keyB[firstDiff] ?? '').slice(0, 160)})`,
    });
  }
  if (tblA && tblB) out.push(...tableViolations(tblA, tblB, intended));
  // 3. Ids and references in the result.
  out.push(...packageProblems(after));
  return out;
}

function tableViolations(a: XElement, b: XElement, intended: Intended): Violation[] {
  const out: Violation[] = [];
  const ownA = a.children.filter((c) => !(c.t === 'e' && (c.name === 'w:tr' || c.name === 'w:sdt' || c.name === 'w:tblGrid')));
  const ownB = b.children.filter((c) => !(c.t === 'e' && (c.name === 'w:tr' || c.name === 'w:sdt' || c.name === 'w:tblGrid')));
  if (ownA.map(serialize).join('') !== ownB.map(serialize).join(''))
    out.push({ rule: 'table', detail: 'table properties changed' });
  const rowsA = rowsOf(a);
  const rowsB = rowsOf(b);
  // Row-level content controls and custom XML: their properties stay and their rows stay inside them.
  const wrappersA = els(a)
    .filter((c) => c.name === 'w:sdt')
    .map((s) => serialize(els(s, 'w:sdtPr')[0] ?? s));
  const wrappersB = els(b)
    .filter((c) => c.name === 'w:sdt')
    .map((s) => serialize(els(s, 'w:sdtPr')[0] ?? s));
  if (wrappersA.join() !== wrappersB.join()) out.push({ rule: 'table', detail: 'row-level content controls changed' });
  for (const s of els(b).filter((c) => c.name === 'w:sdt')) {
    const before = els(a).filter((c) => c.name === 'w:sdt')[
      els(b)
        .filter((c) => c.name === 'w:sdt')
        .indexOf(s)
    ];
    if (before && rowsOf(before).length !== rowsOf(s).length)
      out.push({ rule: 'table', detail: 'rows were added inside a row-level content control' });
  }
  if (intended.column) {
    if (rowsA.length !== rowsB.length) out.push({ rule: 'rows', detail: 'a new column changed the number of rows' });
    rowsA.forEach((ra, i) => {
      const rb = rowsB[i];
      if (!rb) return;
      const ca = cellsOf(ra);
      const cb = cellsOf(rb);
      // Every old cell is still there with its content and its own properties (width and span aside).
      const keysB = cb.map((c) => cellContent(c) + '|' + cellProps(c));
      const keysA = ca.map((c) => cellContent(c) + '|' + cellProps(c));
      const extra = insertedPositions(keysA, keysB);
      if (!extra || extra.length > 1) out.push({ rule: 'cells', detail: `row ${i}: old cells changed by the new column` });
    });
    out.push(...widthProblems(b));
    return out;
  }
  const editedRows = new Set((intended.cells ?? []).map((c) => c.row));
  const keyA = rowsA.map((r, i) => (editedRows.has(i) ? `#edited${i}` : serialize(r)));
  const keyB = rowsB.map((r) => serialize(r));
  // Rows written by a "set" edit: compare cell by cell.
  for (const row of editedRows) {
    const ra = rowsA[row];
    const rb = rowsB[row + (intended.addedRows ? 0 : 0)];
    if (!ra || !rb) {
      out.push({ rule: 'rows', detail: `edited row ${row} missing` });
      continue;
    }
    keyB[rowsB.indexOf(rb)] = `#edited${row}`;
    const allowed = new Set((intended.cells ?? []).filter((c) => c.row === row).map((c) => c.cell));
    const ca = cellsOf(ra);
    const cb = cellsOf(rb);
    if (ca.length !== cb.length) out.push({ rule: 'cells', detail: `row ${row}: cell count changed` });
    const trPrA = els(ra, 'w:trPr').map(serialize).join('');
    const trPrB = els(rb, 'w:trPr').map(serialize).join('');
    if (trPrA !== trPrB) out.push({ rule: 'rows', detail: `row ${row}: row properties changed` });
    ca.forEach((x, k) => {
      const y = cb[k];
      if (!y) return;
      if (!allowed.has(k)) {
        if (serialize(x) !== serialize(y))
          out.push({ rule: 'cells', detail: `row ${row} cell ${k} changed but was not asked for` });
        return;
      }
      if (serialize(els(x, 'w:tcPr')[0] ?? x) !== serialize(els(y, 'w:tcPr')[0] ?? y) && els(x, 'w:tcPr').length)
        out.push({ rule: 'cells', detail: `row ${row} cell ${k}: cell properties changed` });
      const na = nonText(x);
      const nb = nonText(y);
      if (na.join('\n') !== nb.join('\n'))
        out.push({
          rule: 'non-text',
          detail: `row ${row} cell ${k}: non-text content changed:\n  before ${na.join(' ').slice(0, 400)}\n  after  ${nb.join(' ').slice(0, 400)}`,
        });
    });
  }
  const added = insertedPositions(keyA, keyB);
  if (!added || added.length !== (intended.addedRows ?? 0)) {
    const first = keyA.findIndex((k, i) => k !== keyB[i]);
    out.push({
      rule: 'rows',
      detail: `rows outside the edit changed or a wrong number of rows was added (expected ${intended.addedRows ?? 0}, first difference at row ${first})`,
    });
  }
  out.push(...widthProblems(b));
  return out;
}

/** Grid and cell widths agree: each row's cells (with gridBefore/After) cover the grid, and each dxa tcW is its columns' width. */
export function widthProblems(tbl: XElement): Violation[] {
  const out: Violation[] = [];
  const grid = els(els(tbl, 'w:tblGrid')[0] ?? tbl, 'w:gridCol').map((g) => Number(g.attrs['w:w'] ?? 0));
  if (!grid.length) return out;
  rowsOf(tbl).forEach((tr, i) => {
    const trPr = els(tr, 'w:trPr')[0];
    let col = Number((trPr && els(trPr, 'w:gridBefore')[0]?.attrs['w:val']) ?? 0);
    for (const tc of cellsOf(tr)) {
      const pr = els(tc, 'w:tcPr')[0];
      const span = Number((pr && els(pr, 'w:gridSpan')[0]?.attrs['w:val']) ?? 1);
      const w = pr && els(pr, 'w:tcW')[0];
      const expected = grid.slice(col, col + span).reduce((s, x) => s + x, 0);
      if (w && (w.attrs['w:type'] ?? 'dxa') === 'dxa' && Math.abs(Number(w.attrs['w:w']) - expected) > span + 1)
        out.push({ rule: 'widths', detail: `row ${i}: a cell is ${w.attrs['w:w']} wide over grid columns worth ${expected}` });
      col += span;
    }
    col += Number((trPr && els(trPr, 'w:gridAfter')[0]?.attrs['w:val']) ?? 0);
    if (col !== grid.length) out.push({ rule: 'widths', detail: `row ${i} covers ${col} grid columns of ${grid.length}` });
  });
  return out;
}
