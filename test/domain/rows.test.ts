/** The side form's view of a table: its fields, rows per criterion, the criterion of a physical row. */
import { headingText } from '../../src/domain/table/render';
import { getCatalog } from '../../src/domain/catalog';
import { FORM_IDS, getForm, inputColumns, type FormId } from '../../src/domain/forms';
import { paragraph } from '../../src/domain/ooxml/writer';
import { buildTableBlock } from '../../src/domain/table/render';
import { findFirst, type XElement } from '../../src/domain/ooxml/xml';
import { initialRows } from '../../src/domain/table/model';
import { recogniseTables } from '../../src/domain/table/recognise';
import { criterionRowCounts, entryAtRow, rowFormFields } from '../../src/domain/table/rows';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';
import { dropColumn } from '../word/documents';

async function tableOf(form: FormId, change?: (tbl: XElement) => void) {
  const f = getForm(form);
  const { sdt } = buildTableBlock({
    form,
    framework: f.framework,
    schoolType: 'tieu-hoc',
    schoolYear: f.framework === '2018' ? '2025-2026' : '2026-2027',
    groupByLevel: false,
    rows: initialRows(f, getCatalog(f.framework, 'tieu-hoc'), { start: 'skeleton' }),
  });
  if (change) change(findFirst(sdt, 'w:tbl')!);
  const doc = DocxDocument.blank(parseXml, 'x.docx', [sdt, paragraph('')]);
  return recogniseTables(await doc.read())[0];
}

describe('rowFormFields', () => {
  test.each(FORM_IDS)('%s: the input columns, headed as in the document, in its column order', async (id) => {
    const rec = await tableOf(id);
    const fields = rowFormFields(rec, '2025-2026');
    expect(fields.map((f) => f.key)).toEqual(inputColumns(getForm(id)).map((c) => c.key));
    for (const f of fields) {
      const c = getForm(id).columns.find((x) => x.key === f.key)!;
      expect(f.heading).toBe(headingText(getForm(id), c, '2025-2026'));
      expect(f.hint).toBe(c.hint);
      expect(f.fromPlan).toBe(!!c.fromPlan);
      expect(f.underLabel).toBe(c.role === 'criterion');
    }
    expect(fields.map((f) => f.col)).toEqual([...fields.map((f) => f.col)].sort((a, b) => a - b));
  });

  test('plan-2026: the content under the criterion label is a field; report: the plan column is marked', async () => {
    expect(rowFormFields(await tableOf('plan-2026'))[0]).toMatchObject({ key: 'criterion', underLabel: true });
    const report = rowFormFields(await tableOf('report-2018'));
    expect(report.filter((f) => f.fromPlan).map((f) => f.key)).toEqual(['planned']);
  });

  test('a column the document lacks is not asked for', async () => {
    // plan-2018 without "Điều kiện hỗ trợ khác" (grid column 7).
    const rec = await tableOf('plan-2018', (tbl) => dropColumn(tbl, 7));
    expect(rec.missing.map((c) => c.key)).toEqual(['support']);
    expect(rowFormFields(rec).map((f) => f.key)).toEqual(['target', 'actions', 'owner', 'timeline', 'budget', 'note']);
  });

  test("a real document's own headings label the fields", async () => {
    const rec = recogniseTables(await openSeed('000').read())[0];
    const fields = rowFormFields(rec);
    expect(fields.map((f) => f.key)).toEqual(['planned', 'adjusted', 'done', 'inProgress', 'notStarted', 'note']);
    for (const f of fields) {
      const own = rec.columns.find((c) => c.key === f.key)!.heading;
      expect(f.heading).toBe(own.replace(/\s+/g, ' ').trim());
    }
  });
});

describe('criterionRowCounts and entryAtRow (seed 003: 1.6 has two rows)', () => {
  test('physical rows per criterion', async () => {
    const rec = recogniseTables(await openSeed('003').read())[0];
    const counts = criterionRowCounts(rec);
    expect(counts.get('1.6')).toBe(2);
    expect(counts.get('1.10')).toBe(1);
    expect(counts.get('M4.2')).toBe(2);
    expect(counts.get('M4.4')).toBe(1);
    expect(counts.has('1.1')).toBe(false);
  });

  test("a physical row's criterion and ordinal; other rows are none", async () => {
    const rec = recogniseTables(await openSeed('003').read())[0];
    const e16 = rec.entries.find((e) => e.kind === 'criterion' && e.ref.code === '1.6')!;
    if (e16.kind !== 'criterion') throw new Error();
    expect(entryAtRow(rec, e16.rows[1])).toEqual({ entry: e16, ordinal: 1 });
    expect(entryAtRow(rec, e16.rows[0])?.ordinal).toBe(0);
    const std = rec.entries.find((e) => e.kind === 'standard')!;
    expect(entryAtRow(rec, std.at)).toBeUndefined();
    expect(entryAtRow(rec, { table: 0, row: 0 })).toBeUndefined();
    expect(entryAtRow(rec, { table: 9, row: 3 })).toBeUndefined();
  });
});
