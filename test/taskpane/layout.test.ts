/** The preview layout: blocks in order, gridSpan as colSpan, vMerge runs as rowSpan, gridBefore fillers. */
import { readDocument } from '../../src/domain/ooxml/reader';
import { documentElement, paragraph } from '../../src/domain/ooxml/writer';
import { buildTable } from '../../src/domain/table/render';
import { serialize } from '../../src/domain/ooxml/xml';
import { getCatalog } from '../../src/domain/catalog';
import { getForm } from '../../src/domain/forms';
import { initialRows } from '../../src/domain/table/model';
import { parseXml } from '../../src/xml/node';
import { layoutDocument } from '../../src/taskpane/standalone/layout';
import { openSeed } from '../helpers';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

test('report-2018: the two heading rows merge vertically and the group headings span columns', () => {
  const form = getForm('report-2018');
  const spec = {
    form: form.id,
    framework: '2018' as const,
    schoolType: 'tieu-hoc' as const,
    schoolYear: '2025-2026',
    groupByLevel: false,
    rows: initialRows(form, getCatalog('2018', 'tieu-hoc'), { start: 'skeleton' }),
  };
  const xml = serialize(documentElement([paragraph('Trước'), buildTable(spec), paragraph('Sau')]));
  const blocks = layoutDocument(readDocument(parseXml(xml)));
  expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
  const t = blocks[1].kind === 'table' ? blocks[1].table : undefined;
  expect(t!.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  const [r1, r2, r3] = t!.rows;
  expect(r1.cells.map((c) => [c.colSpan, c.rowSpan])).toEqual([
    [1, 2],
    [1, 2],
    [2, 1],
    [3, 1],
    [1, 2],
  ]);
  // Row 2 keeps only the leaf headings under the groups.
  expect(r2.cells.map((c) => c.col)).toEqual([2, 3, 4, 5, 6]);
  expect(r3.cells).toHaveLength(1);
  expect(r3.cells[0]).toMatchObject({ colSpan: 8, paragraphs: ['MỨC 1, 2, 3'] });
});

test('gridBefore and gaps become filler cells; a stray continue cell stays a cell', () => {
  const xml = `<w:document ${W}><w:body><w:tbl><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/><w:gridCol w:w="200"/></w:tblGrid>
    <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc></w:tr>
    <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
  </w:tbl><w:p/></w:body></w:document>`;
  const [b] = layoutDocument(readDocument(parseXml(xml)));
  if (b.kind !== 'table') throw new Error('expected a table');
  expect(b.table.widths).toEqual([25, 25, 50]);
  const [r1, r2] = b.table.rows;
  expect(r1.cells.map((c) => [c.index, c.col, c.colSpan, c.rowSpan])).toEqual([
    [-1, 0, 1, 1],
    [0, 1, 1, 1],
    [1, 2, 1, 2],
  ]);
  // Column 0 had no restart above: its continue cell is shown; column 2 is merged into the row above.
  expect(r2.cells.map((c) => [c.index, c.col])).toEqual([
    [0, 0],
    [1, 1],
  ]);
});

test('every block of a real document is laid out', () => {
  const model = readDocument(openSeed('000').body());
  const blocks = layoutDocument(model);
  expect(blocks).toHaveLength(model.blockCount);
  expect(blocks.filter((b) => b.kind === 'table')).toHaveLength(model.tables.filter((t) => t.topIndex >= 0).length);
});
