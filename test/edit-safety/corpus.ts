/**
 * The edit-safety corpus: documents the way schools and the Phòng GD&ĐT make them, full of content
 * plain text cannot express, for every edit to run over.
 *
 * - `loPlan`: written by LibreOffice from HTML (as schools' files often are): an 11 pt plan-2018 table
 *   with borders drawn per cell, a bookmark and a footnote in a criterion label, italic, coloured and
 *   linked text, an image and a PAGE field in a cell, a nested table followed by text, a TT cell merged
 *   down a standard's rows.
 * - `rawPlan` / `rawReport`: real seeds (003, 000: LibreOffice output) with what LibreOffice cannot
 *   write from HTML added as raw WordprocessingML: comments (with their part), tracked insertions and
 *   deletions, bookmarks, simple and complex fields, an image, a footnote, a row-level content
 *   control, a legacy w:hMerge title with w:cnfStyle, a table inside a text box, carriage-return
 *   character references (&#13;) in text, a vertical merge down a standard's TT column.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { el, serializeDocument, text, type XElement, type XNode } from '../../src/domain/ooxml/xml';
import { seedPath } from '../helpers';
import { cellsOf, rowsOf, tablesOf } from './invariants';

export const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function els(e: XElement, name?: string): XElement[] {
  return e.children.filter((c): c is XElement => c.t === 'e' && (name === undefined || c.name === name));
}

function textOf(n: XNode): string {
  if (n.t === 'x') return n.v;
  if (n.t !== 'e') return '';
  if (n.name === 'w:delText' || n.name === 'w:instrText') return '';
  return n.children.map(textOf).join('');
}

/** The first w:r of a cell that has text. */
function firstTextRun(tc: XElement): XElement {
  let found: XElement | undefined;
  const visit = (e: XElement): void => {
    for (const c of els(e)) {
      if (found) return;
      if (c.name === 'w:r' && els(c, 'w:t').length) found = c;
      else visit(c);
    }
  };
  visit(tc);
  if (!found) throw new Error('cell has no text run');
  return found;
}

function run(t: string, rPr: XElement[] = []): XElement {
  return el('w:r', {}, [el('w:rPr', {}, rPr), el('w:t', { 'xml:space': 'preserve' }, [text(t)])]);
}

function insertAround(parent: XElement, target: XElement, before: XNode[], after: XNode[]): void {
  const i = parent.children.indexOf(target);
  parent.children.splice(i + 1, 0, ...after);
  parent.children.splice(i, 0, ...before);
}

function parentOf(root: XElement, child: XElement): XElement {
  let found: XElement | undefined;
  const visit = (e: XElement): void => {
    if (found) return;
    if (e.children.includes(child)) found = e;
    else for (const c of els(e)) visit(c);
  };
  visit(root);
  if (!found) throw new Error('no parent');
  return found;
}

/** A package being edited: the main part as a tree, plus helpers to add parts and relationships. */
class Builder {
  readonly pkg: DocxPackage;
  readonly doc: XElement;
  private rels: XElement;
  private types: XElement;

  constructor(bytes: Uint8Array) {
    this.pkg = DocxPackage.open(bytes, { parts: 'all' });
    this.doc = this.pkg.mainDocument(parseXml);
    this.rels = parseXml(this.pkg.text('word/_rels/document.xml.rels')!);
    this.types = parseXml(this.pkg.text('[Content_Types].xml')!);
  }

  table(i = 0): XElement {
    return tablesOf(this.doc)[i];
  }

  cell(row: number, cell: number, table = 0): XElement {
    return cellsOf(rowsOf(this.table(table))[row])[cell];
  }

  addPart(path: string, contentType: string, relType: string, data: string | Uint8Array): string {
    const id = `rIdX${els(this.rels).length + 1}`;
    this.rels.children.push(el('Relationship', { Id: id, Type: `${REL}/${relType}`, Target: path.replace(/^word\//, '') }));
    if (contentType) this.types.children.push(el('Override', { PartName: `/${path}`, ContentType: contentType }));
    this.pkg.set(path, data);
    return id;
  }

  addExternal(url: string): string {
    const id = `rIdX${els(this.rels).length + 1}`;
    this.rels.children.push(el('Relationship', { Id: id, Type: `${REL}/hyperlink`, Target: url, TargetMode: 'External' }));
    return id;
  }

  bytes(): Uint8Array {
    this.pkg.set(this.pkg.mainPath, serializeDocument(this.doc));
    this.pkg.set('word/_rels/document.xml.rels', serializeDocument(this.rels));
    this.pkg.set('[Content_Types].xml', serializeDocument(this.types));
    return this.pkg.toBytes();
  }
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** Comments part with comments 0 and 1 (anchored in the document by the builders). */
function commentsXml(ids: readonly number[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${W}>` +
    ids
      .map(
        (id) =>
          `<w:comment w:id="${id}" w:author="Phòng GD&amp;ĐT" w:date="2026-10-01T08:00:00Z" w:initials="PGD">` +
          `<w:p><w:r><w:t>Nhận xét ${id}: cần bổ sung minh chứng.</w:t></w:r></w:p></w:comment>`,
      )
      .join('') +
    '</w:comments>'
  );
}

function footnotesXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes ${W}>` +
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Công văn 5932.</w:t></w:r></w:p></w:footnote>' +
    '</w:footnotes>'
  );
}

/** Anchor comment `id` around a cell's first text run. */
function comment(b: Builder, tc: XElement, id: number): void {
  const r = firstTextRun(tc);
  const p = parentOf(tc, r);
  insertAround(
    p,
    r,
    [el('w:commentRangeStart', { 'w:id': id })],
    [el('w:commentRangeEnd', { 'w:id': id }), el('w:r', {}, [el('w:commentReference', { 'w:id': id })])],
  );
  void b;
}

function bookmark(tc: XElement, id: number, name: string): void {
  const r = firstTextRun(tc);
  insertAround(
    parentOf(tc, r),
    r,
    [el('w:bookmarkStart', { 'w:id': id, 'w:name': name })],
    [el('w:bookmarkEnd', { 'w:id': id })],
  );
}

/** A tracked insertion and a tracked deletion at the end of a cell's first paragraph. */
function trackedChanges(tc: XElement, first: number): void {
  const p = els(tc, 'w:p')[0];
  const who = { 'w:author': 'Tổ trưởng', 'w:date': '2026-10-02T09:00:00Z' };
  p.children.push(
    el('w:ins', { 'w:id': first, ...who }, [run(' (bổ sung theo góp ý)')]),
    el('w:del', { 'w:id': first + 1, ...who }, [
      el('w:r', {}, [el('w:rPr'), el('w:delText', { 'xml:space': 'preserve' }, [text(' nội dung cũ đã xóa')])]),
    ]),
  );
}

function drawing(relId: string, docPrId: number): XElement {
  const xml =
    `<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:r="${REL}"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="152400" cy="152400"/><wp:docPr id="${docPrId}" name="Ảnh ${docPrId}"/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    `<pic:nvPicPr><pic:cNvPr id="${docPrId}" name="Ảnh ${docPrId}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="152400" cy="152400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
  const r = parseXml(xml);
  // The namespaces are declared on the document already.
  for (const k of Object.keys(r.attrs)) if (k.startsWith('xmlns')) delete r.attrs[k];
  return r;
}

/** A text box holding a small table (letterheads are sometimes drawn so). */
function textBoxTable(): XElement {
  const cellXml = (t: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const tbl = `<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>${cellXml('UBND HUYỆN')}${cellXml('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}</w:tr></w:tbl>`;
  const xml =
    `<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2540000" cy="508000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="77" name="Khung chữ 77"/><wp:cNvGraphicFramePr/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="508000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>' +
    `<wps:txbx><w:txbxContent>${tbl}<w:p/></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    '<mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p>';
  const p = parseXml(xml);
  for (const k of Object.keys(p.attrs)) if (k.startsWith('xmlns')) delete p.attrs[k];
  return p;
}

/** Put a carriage-return character reference into a cell's first text (the tree holds \r; the file &#13;). */
function carriageReturn(tc: XElement, at: string): void {
  const t = els(firstTextRun(tc), 'w:t')[0];
  const s = textOf(t);
  const i = s.indexOf(at);
  t.children = [text(i >= 0 ? `${s.slice(0, i)}\r${s.slice(i)}` : `${s}\r`)];
  t.attrs['xml:space'] = 'preserve';
}

/** Wrap a row in a row-level content control. */
function rowControl(tbl: XElement, tr: XElement, id: number): void {
  const i = tbl.children.indexOf(tr);
  tbl.children[i] = el('w:sdt', {}, [
    el('w:sdtPr', {}, [
      el('w:alias', { 'w:val': 'Dòng có kiểm soát' }),
      el('w:tag', { 'w:val': 'hang-kiem-soat' }),
      el('w:id', { 'w:val': id }),
    ]),
    el('w:sdtContent', {}, [tr]),
  ]);
}

/** Turn a cell spanning `span` columns into a legacy w:hMerge cell followed by its continuations, all with w:cnfStyle. */
function legacyHMerge(tr: XElement, tc: XElement, grid: readonly number[], firstCol: number): void {
  const pr = els(tc, 'w:tcPr')[0];
  const spanEl = els(pr, 'w:gridSpan')[0];
  const span = Number(spanEl.attrs['w:val']);
  pr.children.splice(pr.children.indexOf(spanEl), 1);
  const cnf = () => el('w:cnfStyle', { 'w:val': '000000000000' });
  const w = els(pr, 'w:tcW')[0];
  w.attrs['w:w'] = String(grid[firstCol]);
  pr.children.unshift(cnf());
  pr.children.splice(pr.children.indexOf(w) + 1, 0, el('w:hMerge', { 'w:val': 'restart' }));
  const conts: XElement[] = [];
  for (let k = 1; k < span; k++) {
    conts.push(
      el('w:tc', {}, [
        el('w:tcPr', {}, [cnf(), el('w:tcW', { 'w:w': grid[firstCol + k], 'w:type': 'dxa' }), el('w:hMerge')]),
        el('w:p'),
      ]),
    );
  }
  tr.children.splice(tr.children.indexOf(tc) + 1, 0, ...conts);
}

function gridOf(tbl: XElement): number[] {
  return els(els(tbl, 'w:tblGrid')[0], 'w:gridCol').map((g) => Number(g.attrs['w:w']));
}

/** Drop grid column `col` from a table (its cells go; merged cells across it get narrower). */
export function dropGridColumn(tbl: XElement, col: number): void {
  const grid = els(tbl, 'w:tblGrid')[0];
  const gridCols = els(grid, 'w:gridCol');
  const removed = Number(gridCols[col].attrs['w:w']);
  grid.children.splice(grid.children.indexOf(gridCols[col]), 1);
  for (const tr of rowsOf(tbl)) {
    let at = 0;
    for (const tc of cellsOf(tr)) {
      const pr = els(tc, 'w:tcPr')[0];
      const span = els(pr, 'w:gridSpan')[0];
      const n = Number(span?.attrs['w:val'] ?? 1);
      if (at <= col && col < at + n) {
        if (n > 1) {
          span.attrs['w:val'] = String(n - 1);
          const w = els(pr, 'w:tcW')[0];
          if (w) w.attrs['w:w'] = String(Number(w.attrs['w:w']) - removed);
        } else parentOf(tr, tc).children.splice(parentOf(tr, tc).children.indexOf(tc), 1);
        break;
      }
      at += n;
    }
  }
}

/** Seed 003 (a plan) with everything LibreOffice's HTML import cannot write. */
export function rawPlan(opts: { dropColumn?: number } = {}): Uint8Array {
  const b = new Builder(new Uint8Array(readFileSync(seedPath('003'))));
  const tbl = b.table();
  if (opts.dropColumn !== undefined) dropGridColumn(tbl, opts.dropColumn);
  const rows = rowsOf(tbl);
  const c = (r: number, k: number) => cellsOf(rows[r])[k];
  // 1.6 (row 3): a comment on the target, tracked changes in the actions.
  b.addPart(
    'word/comments.xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
    'comments',
    commentsXml([0, 1]),
  );
  comment(b, c(3, 2), 0);
  trackedChanges(c(3, 3), 901);
  // 1.10 (row 5): a bookmark in the label; the row in a row-level content control (wrapped last).
  bookmark(c(5, 1), 501, 'TC_1_10');
  // 2.2 (row 7): fields, an image and a footnote in the target; a comment on the owner.
  const target = c(7, 2);
  const p = els(target, 'w:p')[0];
  const img = b.addPart('word/media/anh1.png', '', 'image', PNG_1X1);
  b.addPart(
    'word/footnotes.xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml',
    'footnotes',
    footnotesXml(),
  );
  p.children.push(
    run(' trang '),
    el('w:fldSimple', { 'w:instr': ' PAGE ' }, [run('1')]),
    run(' ngày '),
    el('w:r', {}, [el('w:fldChar', { 'w:fldCharType': 'begin' })]),
    el('w:r', {}, [el('w:instrText', { 'xml:space': 'preserve' }, [text(' DATE \\@ "dd/MM/yyyy" ')])]),
    el('w:r', {}, [el('w:fldChar', { 'w:fldCharType': 'separate' })]),
    run('01/10/2026'),
    el('w:r', {}, [el('w:fldChar', { 'w:fldCharType': 'end' })]),
    drawing(img, 41),
    el('w:r', {}, [el('w:rPr', {}, [el('w:vertAlign', { 'w:val': 'superscript' })]), el('w:footnoteReference', { 'w:id': 1 })]),
  );
  comment(b, c(7, 4), 1);
  // 2.3 (row 8): a carriage return written as &#13; in the actions; the owner run is bold and red.
  carriageReturn(c(8, 3), 'Thỏa thuận');
  const ownerRun = firstTextRun(c(8, 4));
  els(ownerRun, 'w:rPr')[0].children.push(el('w:b'), el('w:color', { 'w:val': 'C00000' }));
  // Standard 2's TT cell merged down its criteria (rows 6–10).
  const tt = c(6, 0);
  els(tt, 'w:tcPr')[0].children.splice(1, 0, el('w:vMerge', { 'w:val': 'restart' }));
  for (let r = 7; r <= 10; r++) {
    const pr = els(c(r, 0), 'w:tcPr')[0];
    pr.children.splice(1, 0, el('w:vMerge'));
  }
  // Standard 3's title (row 11) as a legacy horizontal merge with w:cnfStyle.
  legacyHMerge(rows[11], c(11, 1), gridOf(tbl), 1);
  rowControl(tbl, rows[5], 424242);
  // Before the table: a text box holding a table; after it, a paragraph with a carriage return.
  const bodyEl = els(b.doc, 'w:body')[0];
  bodyEl.children.splice(bodyEl.children.indexOf(tbl), 0, textBoxTable());
  const after = bodyEl.children.indexOf(tbl) + 1;
  bodyEl.children.splice(after, 0, el('w:p', {}, [run('Dòng một\rdòng hai (ký tự CR)')]));
  return b.bytes();
}

/** Seed 000 (a report) with comments, bookmarks, tracked changes and titles the fixes rewrite. */
export function rawReport(opts: { dropColumn?: number; blankHeading?: { row: number; cell: number } } = {}): Uint8Array {
  const b = new Builder(new Uint8Array(readFileSync(seedPath('000'))));
  const tbl = b.table();
  if (opts.dropColumn !== undefined) dropGridColumn(tbl, opts.dropColumn);
  const rows = rowsOf(tbl);
  const c = (r: number, k: number) => cellsOf(rows[r])[k];
  b.addPart(
    'word/comments.xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
    'comments',
    commentsXml([0, 1, 2]),
  );
  // Standard 5's wrong (preschool) title, row 13: bold, with a bookmark and a comment on it.
  const std5 = c(13, 1);
  els(firstTextRun(std5), 'w:rPr')[0].children.push(el('w:b'));
  bookmark(std5, 601, 'TC5');
  comment(b, std5, 0);
  // 1.1 (row 4): a title that is not the official one, a paragraph under it and a bookmark.
  const label = c(4, 1);
  const t = els(firstTextRun(label), 'w:t')[0];
  t.children = [text('Tiêu chí 1.1: Phương hướng phát triển')];
  els(label, 'w:p')[0].attrs['w14:paraId'] = '1A2B3C4D';
  label.children.push(
    el('w:p', { 'w14:paraId': '1A2B3C4E' }, [
      els(label, 'w:p')[0].children[0],
      run('(ghi chú của trường dưới nhãn)', [el('w:i')]),
    ]),
  );
  bookmark(label, 602, 'TC_1_1');
  // 1.5 (row 7): a comment and tracked changes in the planned content.
  comment(b, c(7, 2), 1);
  trackedChanges(c(7, opts.dropColumn !== undefined && opts.dropColumn <= 4 ? 3 : 4), 911);
  comment(b, c(11, 2), 2);
  carriageReturn(c(12, 2), 'không gian');
  if (opts.blankHeading) {
    const h = c(opts.blankHeading.row, opts.blankHeading.cell);
    for (const p of els(h, 'w:p')) p.children = p.children.filter((x) => !(x.t === 'e' && x.name === 'w:r'));
  }
  return b.bytes();
}

const LO_HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Kế hoạch</title>
<style>body { font-family: 'Times New Roman'; font-size: 11pt } p { margin: 0 }</style></head>
<body>
<p align="center"><b>KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026</b></p>
<p>Trường Tiểu học <a name="ten_truong">Hoa Sen</a>, trang <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p>
<table border="1" cellspacing="0" cellpadding="4" width="100%">
<thead><tr>
<th>TT</th><th>Tiêu chuẩn, tiêu chí</th><th>Kết quả cần đạt (so với hiện trạng)</th><th>Công việc/giải pháp cần thực hiện</th>
<th>Chủ trì và phối hợp thực hiện</th><th>Thời gian thực hiện và hoàn thành</th><th>Dự kiến kinh phí (triệu đồng)</th>
<th>Điều kiện hỗ trợ khác</th><th>Ghi chú</th></tr></thead>
<tbody>
<tr><td colspan="9"><b>MỨC 1, 2, 3</b></td></tr>
<tr><td rowspan="4" align="center"><b>1</b></td><td colspan="8"><b>Tiêu chuẩn 1: Tổ chức và quản lý nhà trường</b></td></tr>
<tr><td><b><a name="tc_1_1">Tiêu chí 1.1</a></b><a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></td>
<td>Đạt <i>mức 2</i>, <span style="color:#c00000">ưu tiên</span> theo <a href="https://moet.gov.vn/">hướng dẫn</a> <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" width="12" height="12"> (trang <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>)</td>
<td><table border="1" cellspacing="0" cellpadding="2"><tr><td>Việc</td><td>Hạn</td></tr><tr><td>Rà soát</td><td>10/2025</td></tr></table><p>Sau bảng: tổ chức thực hiện.</p></td>
<td><p>Hiệu trưởng</p><p>Tổ chuyên môn</p></td><td>Tháng 10/2025</td><td>Không</td><td>Ban đại diện cha mẹ học sinh</td><td></td></tr>
<tr><td>Tiêu chí 1.3</td><td>Kiện toàn các tổ chuyên môn</td><td>Rà soát quy chế</td><td>Phó Hiệu trưởng</td><td>Tháng 11/2025</td><td>Không</td><td></td><td></td></tr>
<tr><td>Tiêu chí 1.5</td><td>Sĩ số lớp đúng quy định</td><td>Sắp xếp lớp</td><td>Hiệu trưởng</td><td>Tháng 8/2025</td><td>Không</td><td></td><td></td></tr>
<tr><td align="center"><b>3</b></td><td colspan="8"><b>Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học</b></td></tr>
<tr><td></td><td>Tiêu chí 3.2</td><td>Đủ phòng học bộ môn</td><td>Tham mưu xây dựng</td><td>Hiệu trưởng</td><td>Năm 2026</td><td>500</td><td></td><td></td></tr>
</tbody></table>
<p>Hoa Sen, ngày 20 tháng 9 năm 2025</p>
<div id="sdfootnote1"><p><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Theo Thông tư 17/2018.</p></div>
</body></html>
`;

let loPlanBytes: Promise<Uint8Array> | undefined;

/** The HTML plan through LibreOffice (one soffice run per test process). */
export function loPlan(): Promise<Uint8Array> {
  loPlanBytes ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctcl-edit-safety-'));
    const profile = mkdtempSync(join(tmpdir(), 'ctcl-lo-profile-'));
    try {
      const html = join(dir, 'ke-hoach.html');
      writeFileSync(html, LO_HTML);
      await new Promise<void>((resolve, reject) =>
        execFile(
          'soffice',
          [
            '--headless',
            '--norestore',
            '--nolockcheck',
            `-env:UserInstallation=${pathToFileURL(profile).href}`,
            '--convert-to',
            'docx:MS Word 2007 XML',
            '--outdir',
            dir,
            html,
          ],
          { timeout: 120_000, killSignal: 'SIGKILL' },
          (err, stdout, stderr) => (err ? reject(new Error(`soffice: ${err.message}\n${stdout}${stderr}`)) : resolve()),
        ),
      );
      return new Uint8Array(readFileSync(join(dir, 'ke-hoach.docx')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  })();
  return loPlanBytes;
}
