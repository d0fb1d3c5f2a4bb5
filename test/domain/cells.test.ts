/** Cell edits and row removals of the standalone preview (src/domain/table/cells.ts) on a school's file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../src/domain/ooxml/reader';
import { serializeDocument } from '../../src/domain/ooxml/xml';
import { applyEdits } from '../../src/domain/table/edit';
import { planCellEdit, planEmptyRowsDelete, planRowDelete } from '../../src/domain/table/cells';
import { columnCount } from '../../src/domain/ooxml/reader';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { SCHOOL_DOCS } from '../helpers';

const FILE = join(SCHOOL_DOCS, 'edit', '13-ke-hoach-sua-tren-trang.docx');

test('a refused cell write changes nothing; the next write is made on the cell as it was', () => {
  const doc = DocxDocument.open(readFileSync(FILE), parseXml);
  const model = readDocument(doc.body());
  const t = model.tables[0];
  const cell = t.rows[9].cells[8];
  expect(cell.paragraphs).toEqual(['Ảnh thư viện:', '']);
  const before = serializeDocument(doc.body());
  const edits = planCellEdit(model, { table: t.index, row: 9, cell: 8 }, 'Ảnh thư viện (tháng 9/2025):');
  expect(() => applyEdits(model.tables, edits, columnCount)).toThrow('Hãy sửa ô này trực tiếp trong Word');
  expect(serializeDocument(doc.body())).toBe(before);
});

test('a cell with a photo: its caption is rewritten, the photo paragraph stays', () => {
  const doc = DocxDocument.open(readFileSync(FILE), parseXml);
  const model = readDocument(doc.body());
  const t = model.tables[0];
  const edits = planCellEdit(model, { table: t.index, row: 9, cell: 8 }, 'Ảnh thư viện (tháng 9/2025):\n');
  applyEdits(model.tables, edits, columnCount);
  const again = readDocument(doc.body()).tables[0].rows[9].cells[8];
  expect(again.paragraphs).toEqual(['Ảnh thư viện (tháng 9/2025):', '']);
  expect(serializeDocument(again.el)).toContain('<w:drawing>');
});

test('empty rows: only rows without text or other content go, never a criterion row or the heading', () => {
  const doc = DocxDocument.open(readFileSync(FILE), parseXml);
  const model = readDocument(doc.body());
  const t = model.tables[0];
  const { edits, kept } = planEmptyRowsDelete(model, t.index);
  expect(edits).toEqual([
    { op: 'delete', table: t.index, row: 6 },
    { op: 'delete', table: t.index, row: 7 },
  ]);
  expect(kept).toBe(0);
  expect(() => planRowDelete(model, t.index, 99)).toThrow('Không tìm thấy dòng');
  expect(planCellEdit(model, { table: t.index, row: 3, cell: 1 }, 'Tiêu chí 1.2')).toEqual([]);
});
