/** Documents for the Word gateway tests: a real seed plus our own table and a layout table with nested tables. */
import { getCatalog } from '../../src/domain/catalog';
import { getForm, type FormId } from '../../src/domain/forms';
import { cell, paragraph, row } from '../../src/domain/ooxml/writer';
import { buildTableBlock } from '../../src/domain/table/render';
import { el, findFirst, type XElement } from '../../src/domain/ooxml/xml';
import { initialRows, type CriterionRef, type TableSpec } from '../../src/domain/table/model';
import { DocxDocument } from '../../src/docx/document';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

export function spec(form: FormId, selected?: CriterionRef[]): TableSpec {
  const f = getForm(form);
  const catalog = getCatalog(f.framework, 'tieu-hoc');
  return {
    form,
    framework: f.framework,
    schoolType: 'tieu-hoc',
    schoolYear: f.framework === '2018' ? '2025-2026' : '2026-2027',
    groupByLevel: false,
    rows: initialRows(f, catalog, selected ? { start: 'selected', selected } : { start: 'skeleton' }),
  };
}

/** A plain table; `nested` puts tables into cells (row, cell), with a paragraph between them. */
export function simpleTable(texts: string[][], nested: { row: number; cell: number; tables: XElement[] }[] = []): XElement {
  const cols = Math.max(...texts.map((r) => r.length));
  const width = 2000;
  return el('w:tbl', {}, [
    el('w:tblPr', {}, [el('w:tblW', { 'w:w': cols * width, 'w:type': 'dxa' })]),
    el(
      'w:tblGrid',
      {},
      Array.from({ length: cols }, () => el('w:gridCol', { 'w:w': width })),
    ),
    ...texts.map((r, ri) =>
      row(
        r.map((t, ci) => {
          const inner = nested.find((n) => n.row === ri && n.cell === ci)?.tables ?? [];
          const blocks = [paragraph(t), ...inner.flatMap((tbl) => [tbl, paragraph('')])];
          return cell(blocks, { width });
        }),
      ),
    ),
  ]);
}

/**
 * Seed 003 (a real plan, rebuilt by LibreOffice) followed by a layout table L with nested tables
 * A (in L row 0 cell 1, with A1 inside it) and B, C (both in L row 1 cell 0), then one of our
 * tables in its content control. Tables in document order: 0 seed, 1 L, 2 A, 3 A1, 4 B, 5 C, 6 ours.
 */
export function mixedDocument(): { xml: string; tag: string; docx: DocxDocument } {
  const a1 = simpleTable([['A1 trái', 'A1 phải']]);
  const a = simpleTable(
    [
      ['A 0,0', 'A 0,1'],
      ['A 1,0', 'A 1,1'],
    ],
    [{ row: 1, cell: 0, tables: [a1] }],
  );
  const b = simpleTable([['B 0,0', 'B 0,1', 'B 0,2']]);
  const c = simpleTable([['C 0,0'], ['C 1,0']]);
  const layout = simpleTable(
    [
      ['L 0,0', 'L 0,1'],
      ['L 1,0', 'L 1,1'],
    ],
    [
      { row: 0, cell: 1, tables: [a] },
      { row: 1, cell: 0, tables: [b, c] },
    ],
  );
  const ours = buildTableBlock(spec('plan-2018', [{ code: '1.1' }, { code: '1.3' }]));
  const docx = openSeed('003');
  const end = docx.cursor;
  docx.insertBlocks(end, [paragraph('Bảng bố cục'), layout, paragraph(''), ours.sdt, paragraph('')]);
  return { xml: documentXmlOf(docx), tag: ours.tag, docx: reopen(docx) };
}

/** Remove grid column `col` from a table: its cells go, cells merged across it get narrower. */
export function dropColumn(tbl: XElement, col: number): void {
  const kids = (e: XElement, name: string) => e.children.filter((c): c is XElement => c.t === 'e' && c.name === name);
  const grid = kids(tbl, 'w:tblGrid')[0];
  grid.children.splice(grid.children.indexOf(kids(grid, 'w:gridCol')[col]), 1);
  for (const tr of kids(tbl, 'w:tr')) {
    let at = 0;
    for (const tc of kids(tr, 'w:tc')) {
      const span = kids(kids(tc, 'w:tcPr')[0], 'w:gridSpan')[0];
      const n = Number(span?.attrs['w:val'] ?? 1);
      if (at <= col && col < at + n) {
        if (n > 1) span.attrs['w:val'] = String(n - 1);
        else tr.children.splice(tr.children.indexOf(tc), 1);
        break;
      }
      at += n;
    }
  }
}

/** A document holding one of our tables only. */
export function oursOnly(
  selected: CriterionRef[],
  change?: (tbl: XElement) => void,
): { xml: string; tag: string; docx: DocxDocument } {
  const ours = buildTableBlock(spec('plan-2018', selected));
  if (change) change(findFirst(ours.sdt, 'w:tbl')!);
  const docx = DocxDocument.blank(parseXml, 'Kế hoạch.docx', [paragraph('Kế hoạch'), ours.sdt, paragraph('')]);
  return { xml: documentXmlOf(docx), tag: ours.tag, docx: reopen(docx) };
}

export function seedDocument(n: string): { xml: string; docx: DocxDocument } {
  const docx = openSeed(n);
  return { xml: documentXmlOf(docx), docx };
}

function documentXmlOf(docx: DocxDocument): string {
  const pkg = DocxPackage.open(docx.toBytes());
  const xml = pkg.text(pkg.mainPath);
  if (!xml) throw new Error('no main part');
  return xml;
}

/** A fresh DocxDocument of the same bytes (the .docx backend the Word results are compared with). */
function reopen(docx: DocxDocument): DocxDocument {
  return DocxDocument.open(docx.toBytes(), parseXml, docx.name);
}

/** Seed `n` with these blocks added at its end (the document's namespaces cover drawings and text boxes). */
export function seedWith(n: string, blocks: XElement[]): { xml: string; docx: DocxDocument } {
  const docx = openSeed(n);
  docx.insertBlocks(docx.cursor, blocks);
  return { xml: documentXmlOf(docx), docx: reopen(docx) };
}
