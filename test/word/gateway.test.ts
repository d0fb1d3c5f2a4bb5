import { headingText } from '../../src/domain/table/render';
import { EMPTY_STORE, TableNotFoundError, type EditPlanner, type TableTarget } from '../../src/domain/backend';
import { getCatalog } from '../../src/domain/catalog';
import { FORM_IDS, getForm } from '../../src/domain/forms';
import { headerBlock, officialTitle, signatureBlock } from '../../src/domain/documents/official-frame';
import { titleBlock } from '../../src/domain/documents/frame';
import { readDocument, type DocModel } from '../../src/domain/ooxml/reader';
import { EMPTY_PROFILE } from '../../src/domain/profile';
import { planAddColumn } from '../../src/domain/check/fixes';
import { planAddRow, planUpdateRow } from '../../src/domain/table/edit';
import { recogniseTables } from '../../src/domain/table/recognise';
import { rowFormFields } from '../../src/domain/table/rows';
import { addRowPlanner, readRowsDocument, updateRowPlanner } from '../../src/taskpane/rows/document';
import { EMPTY_FORM, loadSelectedRow } from '../../src/taskpane/rows/form';
import { DocxDocument } from '../../src/docx/document';
import { DocxPackage } from '../../src/docx/package';
import { readStore, storeXml } from '../../src/docx/store';
import { STORE_NS, withIgnored } from '../../src/domain/store';
import { parseXml } from '../../src/xml/node';
import { createWordBackend, documentNameFromUrl, WordGatewayError, type OfficeContextLike } from '../../src/word/gateway';
import { paragraph } from '../../src/domain/ooxml/writer';
import { buildTableBlock } from '../../src/domain/table/render';
import { applyFix, fixContext, runCheck } from '../../src/taskpane/check/run';
import { selectionFor } from '../../src/taskpane/check/view';
import { dropColumn, mixedDocument, oursOnly, seedDocument, spec } from './documents';
import { documentOfPackage, FakeCustomXmlParts, FakeWord, walkTables, type FakeWordOptions } from './fake-word';

function office(
  opts: { url?: string | null; mode?: string; wordApi?: string[]; parts?: FakeCustomXmlParts } = {},
): OfficeContextLike {
  const sets = opts.wordApi ?? ['1.1', '1.2', '1.3'];
  return {
    document: { url: opts.url, mode: opts.mode ?? 'readWrite', customXmlParts: opts.parts },
    requirements: { isSetSupported: (name, v) => name === 'WordApi' && sets.includes(v ?? '1.1') },
  };
}

function setup(options: FakeWordOptions, officeOpts: Parameters<typeof office>[0] = {}) {
  const word = new FakeWord(options);
  const backend = createWordBackend({ run: word.run, parse: parseXml, office: office(officeOpts) });
  return { word, backend };
}

async function expectWordError(p: Promise<unknown>, code: string): Promise<WordGatewayError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WordGatewayError);
  const w = err as WordGatewayError;
  expect(w.code).toBe(code);
  return w;
}

describe('insertTable', () => {
  test.each(FORM_IDS)(
    '%s: one insertOoxml at the cursor, two syncs (where the cursor is, then the insert), a tagged table with the headings',
    async (form) => {
      const { word, backend } = setup({ documentXml: oursOnly([{ code: '1.1' }]).xml });
      const s = spec(form);
      const { tag } = await backend.insertTable(s);
      expect(word.syncs).toBe(2);
      expect(word.inserted).toHaveLength(1);
      expect(word.inserted[0]).toMatchObject({ location: 'Replace', at: 'selection' });
      expect(word.calls.filter((c) => c.startsWith('range.insertOoxml'))).toHaveLength(1);
      expect(tag).toMatch(new RegExp(`^ctcl:${form}:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
      // The package is a Flat OPC package whose one table sits in our content control.
      const model = readDocument(parseXml(word.inserted[0].ooxml));
      expect(model.tables).toHaveLength(1);
      const t = model.tables[0];
      expect(t.tag).toBe(tag);
      expect(t.controlTitle).toBe(getForm(form).controlTitle);
      const headings = t.rows.filter((r) => r.header).flatMap((r) => r.cells.map((c) => c.text));
      for (const c of getForm(form).columns) expect(headings).toContain(headingText(getForm(form), c, s.schoolYear));
      // Recognised as the form it was written for.
      expect(recogniseTables(model)[0].form.id).toBe(form);
    },
  );

  test('a read-only document is refused in Vietnamese before Word is asked', async () => {
    const { word, backend } = setup({ documentXml: oursOnly([]).xml }, { mode: 'readOnly' });
    const err = await expectWordError(backend.insertTable(spec('plan-2018')), 'read-only');
    expect(err.message).toContain('chỉ đọc');
    expect(word.syncs).toBe(0);
  });

  test('Office errors become Vietnamese messages that keep the original as cause', async () => {
    const denied = { name: 'OfficeExtension.Error', code: 'AccessDenied', message: 'Access denied' };
    const a = setup({ documentXml: oursOnly([]).xml, failWrites: denied });
    const err = await expectWordError(a.backend.insertTable(spec('plan-2018')), 'read-only');
    expect(err.message).toMatch(/vùng được bảo vệ/);
    expect(err.message).toContain('AccessDenied');
    expect((err.cause as { code: string }).code).toBe('AccessDenied');
    expect(err.action).toBe('insert');
    expect(a.word.inserted).toHaveLength(0);

    const invalid = { name: 'OfficeExtension.Error', code: 'InvalidArgument', message: 'bad' };
    const b = setup({ documentXml: oursOnly([]).xml, failWrites: invalid });
    const err2 = await expectWordError(b.backend.insertTable(spec('plan-2026')), 'invalid-place');
    expect(err2.message).toContain('Word không chèn được bảng ở vị trí con trỏ');

    const general = { name: 'OfficeExtension.Error', code: 'GeneralException', message: 'x' };
    const c = setup({ documentXml: oursOnly([]).xml, failWrites: general });
    const err3 = await expectWordError(c.backend.insertTable(spec('plan-2026')), 'failed');
    expect(err3.message).toContain('Không chèn được bảng vào tài liệu.');
  });
});

describe('insertAtCursor', () => {
  test("the official frame's blocks: one insertOoxml at the cursor, two syncs, the blocks as given", async () => {
    const { word, backend } = setup({ documentXml: oursOnly([{ code: '1.1' }]).xml });
    const profile = { ...EMPTY_PROFILE, schoolName: 'Trường Tiểu học Kim Đồng', place: 'Ba Đình', principal: 'Nguyễn Thị Hoa' };
    const opts = { kind: 'plan' as const, schoolYear: '2025-2026', date: { day: 5, month: 9, year: 2025 } };
    await backend.insertAtCursor([headerBlock(profile, opts), ...officialTitle(opts)]);
    expect(word.syncs).toBe(2);
    expect(word.inserted).toHaveLength(1);
    expect(word.inserted[0]).toMatchObject({ location: 'Replace', at: 'selection' });
    expect(word.calls.filter((c) => c.startsWith('range.insertOoxml'))).toHaveLength(1);
    const model = readDocument(parseXml(word.inserted[0].ooxml));
    // The header block is a borderless two-column table; the title follows it.
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0].rows[0].cells.map((c) => c.text).join(' ')).toContain('TRƯỜNG TIỂU HỌC KIM ĐỒNG');
    expect(model.paragraphs.map((p) => p.text)).toContain('KẾ HOẠCH');

    await backend.insertAtCursor([signatureBlock(profile)]);
    expect(word.syncs).toBe(4);
    expect(word.inserted).toHaveLength(2);
  });

  test('a read-only document is refused before Word is asked', async () => {
    const { word, backend } = setup({ documentXml: oursOnly([]).xml }, { mode: 'readOnly' });
    await expectWordError(backend.insertAtCursor([signatureBlock(EMPTY_PROFILE)]), 'read-only');
    expect(word.syncs).toBe(0);
  });
});

describe('a new document: insertTable with its title block', () => {
  const title = titleBlock('plan-2018', '2025-2026', { school: 'Trường Tiểu học Kim Đồng' });
  const empty =
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>';

  test('an empty document: title and table at the top in one Body.insertOoxml, still two syncs', async () => {
    const { word, backend } = setup({ documentXml: empty });
    const r = await backend.insertTable(spec('plan-2018'), { titleIfEmpty: title });
    expect(r.titled).toBe(true);
    expect(word.syncs).toBe(2);
    expect(word.inserted).toHaveLength(1);
    expect(word.inserted[0]).toMatchObject({ location: 'Start', at: 'body-start' });
    const model = readDocument(parseXml(word.inserted[0].ooxml));
    expect(model.paragraphs.slice(0, 3).map((p) => p.text)).toEqual([
      'TRƯỜNG TIỂU HỌC KIM ĐỒNG',
      'KẾ HOẠCH',
      'Cải tiến chất lượng giáo dục năm học 2025-2026',
    ]);
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0].tag).toBe(r.tag);
  });

  test('a document with text: only the table, at the cursor', async () => {
    const { word, backend } = setup({ documentXml: oursOnly([{ code: '1.1' }]).xml });
    const r = await backend.insertTable(spec('plan-2018'), { titleIfEmpty: title });
    expect(r.titled).toBe(false);
    expect(word.syncs).toBe(2);
    expect(word.inserted[0]).toMatchObject({ location: 'Replace', at: 'selection' });
    expect(readDocument(parseXml(word.inserted[0].ooxml)).paragraphs.map((p) => p.text)).not.toContain('KẾ HOẠCH');
  });
});

describe('insertAt', () => {
  test('the letterhead at the top and the signature at the end: one Body.insertOoxml and one sync each', async () => {
    const { word, backend } = setup({ documentXml: oursOnly([{ code: '1.1' }]).xml, cursor: { table: 0, row: 3, cell: 1 } });
    const profile = { ...EMPTY_PROFILE, schoolName: 'Trường Tiểu học Kim Đồng', place: 'Ba Đình', principal: 'Nguyễn Thị Hoa' };
    const opts = { kind: 'plan' as const, schoolYear: '2025-2026', date: { day: 5, month: 9, year: 2025 } };
    await backend.insertAt('start', [headerBlock(profile, opts), ...officialTitle(opts)]);
    expect(word.syncs).toBe(1);
    await backend.insertAt('end', [signatureBlock(profile)]);
    expect(word.syncs).toBe(2);
    expect(word.inserted.map((i) => i.at)).toEqual(['body-start', 'body-end']);
    // Nothing went into the cell the cursor was in.
    expect(word.calls.some((c) => c.startsWith('document.getSelection'))).toBe(false);
  });

  test('a read-only document is refused before Word is asked', async () => {
    const { word, backend } = setup({ documentXml: oursOnly([]).xml }, { mode: 'readOnly' });
    await expectWordError(backend.insertAt('end', [signatureBlock(EMPTY_PROFILE)]), 'read-only');
    expect(word.syncs).toBe(0);
  });
});

describe('read', () => {
  test('one sync; every table, nested ones included, as Word has them', async () => {
    const doc = mixedDocument();
    const { word, backend } = setup({ documentXml: doc.xml });
    const model = await backend.read();
    expect(word.syncs).toBe(1);
    expect(word.calls).toEqual(['body.getOoxml']);
    // The fake's own walk of the XML and the reader agree on the tables, their nesting and texts.
    expect(model.tables).toHaveLength(7);
    expect(model.tables.map((t) => t.index)).toEqual(word.tables.map((t) => t.id));
    expect(model.tables.map((t) => t.parent)).toEqual(word.tables.map((t) => t.parent));
    expect(model.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual(word.tables.map((t) => t.cells));
    expect(model.tables.map((t) => t.topIndex)).toEqual([0, 1, -1, -1, -1, -1, 2]);
    expect(model.tables[6].tag).toBe(doc.tag);
    expect(model.tables[0].rows[0].cells[0].text).toBe('TT');
  });

  test('the same model as the .docx backend for every seed', async () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const seed = seedDocument(n);
      const { word, backend } = setup({ documentXml: seed.xml });
      const fromWord = await backend.read();
      const fromDocx = await seed.docx.read();
      const texts = (m: DocModel) => m.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));
      expect(texts(fromWord)).toEqual(texts(fromDocx));
      expect(fromWord.paragraphs.map((p) => p.text)).toEqual(fromDocx.paragraphs.map((p) => p.text));
      expect(word.syncs).toBe(1);
    }
  });
});

const LISTS: [string, Pick<FakeWordOptions, 'nestedInBodyTables' | 'listOrder'>][] = [
  ['body.tables lists nested tables in document order', { nestedInBodyTables: true }],
  ['body.tables lists top-level tables only', { nestedInBodyTables: false }],
  ['body.tables lists nested tables after the top-level ones', { nestedInBodyTables: true, listOrder: 'top-first' }],
];

describe.each(LISTS)('select (%s)', (_name, list) => {
  const doc = mixedDocument();
  const cases = [
    { name: 'a cell of the seed table', loc: { table: 0, row: 3, cell: 2 } },
    { name: 'a cell of our table', loc: { table: 6, row: 2, cell: 1 } },
    { name: 'a cell of nested table A', loc: { table: 2, row: 1, cell: 1 } },
    { name: 'a cell of A1, nested two deep', loc: { table: 3, row: 0, cell: 1 } },
    { name: 'a cell of C, the second table in its cell', loc: { table: 5, row: 1, cell: 0 } },
  ];

  test.each(cases)('$name: two syncs, the right cell', async ({ loc }) => {
    const { word, backend } = setup({ documentXml: doc.xml, ...list });
    const model = await backend.read();
    const before = word.syncs;
    await backend.select(loc, model);
    expect(word.syncs - before).toBe(2);
    expect(word.selections).toEqual([{ kind: 'cell', ...loc }]);
  });

  test('a whole row when no cell is given', async () => {
    const { word, backend } = setup({ documentXml: doc.xml, ...list });
    await backend.read();
    await backend.select({ table: 6, row: 3 });
    expect(word.selections).toEqual([{ kind: 'row', table: 6, row: 3, cell: 0 }]);
    expect(word.calls).toContain('row.select');
  });

  test('without a model the document is read in the first of the two syncs', async () => {
    const { word, backend } = setup({ documentXml: doc.xml, ...list });
    await backend.select({ table: 4, row: 0, cell: 2 });
    expect(word.syncs).toBe(2);
    expect(word.calls.filter((c) => c === 'body.getOoxml')).toHaveLength(1);
    expect(word.selections).toEqual([{ kind: 'cell', table: 4, row: 0, cell: 2 }]);
  });
});

describe('select errors', () => {
  test('a model that no longer matches Word is reported, not guessed', async () => {
    const old = readDocument(parseXml(oursOnly([{ code: '1.1' }]).xml));
    const { word, backend } = setup({ documentXml: mixedDocument().xml });
    const err = await expectWordError(backend.select({ table: 0, row: 1, cell: 0 }, old), 'stale');
    expect(err.message).toContain('Kiểm tra lại');
    expect(word.selections).toHaveLength(0);
    expect(word.syncs).toBe(1);
  });

  test('a location outside the table is "not found"', async () => {
    const { backend } = setup({ documentXml: mixedDocument().xml });
    const err = await expectWordError(backend.select({ table: 6, row: 99, cell: 0 }), 'not-found');
    expect(err.message).toMatch(/^Không tìm thấy bảng hoặc ô/);
    await expectWordError(backend.select({ table: 42, row: 0 }), 'not-found');
  });
});

describe.each(LISTS)('selection (%s)', (_name, list) => {
  const doc = mixedDocument();

  test('outside a table: undefined after one sync', async () => {
    const { word, backend } = setup({ documentXml: doc.xml, ...list });
    await backend.read();
    const before = word.syncs;
    expect(await backend.selection()).toBeUndefined();
    expect(word.syncs - before).toBe(1);
  });

  test.each([
    { table: 0, row: 5, cell: 1 },
    { table: 6, row: 1, cell: 0 },
    { table: 1, row: 1, cell: 1 },
    { table: 2, row: 0, cell: 1 },
    { table: 3, row: 0, cell: 0 },
    { table: 4, row: 0, cell: 2 },
    { table: 5, row: 1, cell: 0 },
  ])('cursor in table $table row $row cell $cell: found in ≤ 2 syncs', async (cursor) => {
    const { word, backend } = setup({ documentXml: doc.xml, ...list, cursor });
    const model = await backend.read();
    const before = word.syncs;
    expect(await backend.selection(model)).toEqual(cursor);
    expect(word.syncs - before).toBeLessThanOrEqual(2);
  });

  test('without a model, still at most two syncs', async () => {
    const cursor = { table: 3, row: 0, cell: 1 };
    const { word, backend } = setup({ documentXml: doc.xml, ...list, cursor });
    expect(await backend.selection()).toEqual(cursor);
    expect(word.syncs).toBe(2);
  });
});

describe('editTable', () => {
  const catalog = getCatalog('2018', 'tieu-hoc');
  const texts = (m: DocModel, table: number) => m.tables[table].rows.map((r) => r.cells.map((c) => c.text));

  /** Run the same edit through Word (fake) and the .docx backend; the tables must end up the same. */
  async function sameAsDocx(
    doc: { xml: string; docx: DocxDocument },
    planner: EditPlanner,
    target: { tag?: string; table?: number },
    wordApi?: string[],
  ) {
    const { word, backend } = setup({ documentXml: doc.xml }, { wordApi });
    const plan = await backend.editTable(target, planner);
    const docxPlan = await doc.docx.editTable(target, planner);
    expect(plan.summary).toBe(docxPlan.summary);
    const after = await doc.docx.read();
    const first = plan.edits[0];
    const table = 'table' in first ? first.table : first.tables[0];
    expect(word.tables[table].cells).toEqual(texts(after, table));
    return { word, plan };
  }

  test('updating a row of a real plan rewrites only its changed cells, in two syncs', async () => {
    const planner: EditPlanner = (rec) =>
      planUpdateRow(rec, catalog, {
        ref: { code: '1.10' },
        cells: { target: 'Kết quả mới\nDòng thứ hai', actions: 'Giải pháp', owner: 'Hiệu trưởng', timeline: 'Tháng 5/2026' },
      });
    const { word, plan } = await sameAsDocx(seedDocument('003'), planner, { table: 0 });
    expect(word.syncs).toBe(2);
    const edit = plan.edits[0];
    if (edit.op !== 'set') throw new Error('expected a set edit');
    // Each changed cell: its first line replaces the content, each further line is a paragraph.
    const lines = edit.cells.map((c) => c.text.split('\n'));
    const count = (prefix: string) => word.calls.filter((c) => c.startsWith(prefix)).length;
    expect(count('cell.body.insertText')).toBe(lines.filter((l) => l[0] !== '').length);
    expect(count('cell.body.clear')).toBe(lines.filter((l) => l[0] === '').length);
    expect(count('cell.body.insertParagraph')).toBe(lines.reduce((n, l) => n + l.length - 1, 0));
    expect(edit.cells.map((c) => c.text)).toContain('Kết quả mới\nDòng thứ hai');
    expect(word.calls).not.toContain('table.range.insertOoxml(Replace)');
  });

  test('adding a criterion row next to one of the same shape inserts a row in place (WordApi 1.3)', async () => {
    const planner: EditPlanner = (rec) =>
      planAddRow(rec, catalog, { ref: { code: '1.2' }, level: 2, cells: { target: 'Đạt mức 2', actions: 'Tập huấn' } });
    const doc = oursOnly([{ code: '1.1' }, { code: '1.3' }]);
    const { word } = await sameAsDocx(doc, planner, { tag: doc.tag });
    expect(word.syncs).toBe(2);
    expect(word.calls.filter((c) => c.startsWith('row.insertRows'))).toEqual(['row.insertRows(After,1)']);
    expect(word.merges).toHaveLength(0);
  });

  test('a new standard row is merged with WordApi 1.4 when Word has it', async () => {
    const planner: EditPlanner = (rec) => planAddRow(rec, catalog, { ref: { code: '2.1' }, cells: { target: 'X' } });
    const doc = oursOnly([{ code: '1.1' }]);
    const { word } = await sameAsDocx(doc, planner, { tag: doc.tag }, ['1.1', '1.2', '1.3', '1.4']);
    expect(word.syncs).toBe(2);
    expect(word.merges.length).toBeGreaterThan(0);
    expect(word.formatting.some((f) => f.bold)).toBe(true);
    expect(word.calls).not.toContain('table.range.insertOoxml(Replace)');
  });

  test('without WordApi 1.4 the table is rewritten in one insertOoxml, keeping its namespaces', async () => {
    const planner: EditPlanner = (rec) => planAddRow(rec, catalog, { ref: { code: '2.1' }, cells: { target: 'X' } });
    const doc = oursOnly([{ code: '1.1' }]);
    const { word } = await sameAsDocx(doc, planner, { tag: doc.tag });
    expect(word.syncs).toBe(2);
    expect(word.merges).toHaveLength(0);
    expect(word.inserted).toHaveLength(1);
    expect(word.inserted[0].at).toBe('table');
    // One table, no paragraph added around it.
    const body = documentOfPackage(parseXml(word.inserted[0].ooxml));
    expect(walkTables(body)).toHaveLength(1);
    expect(body.children[0].t === 'e' && body.children[0].children.map((c) => (c.t === 'e' ? c.name : ''))).toEqual(['w:tbl']);
  });

  test('a missing column is added by rewriting the table, as the .docx backend does', async () => {
    // Our plan table without its "Điều kiện hỗ trợ khác" column (grid column 7).
    const doc = oursOnly([{ code: '1.1' }, { code: '2.1' }], (tbl) => dropColumn(tbl, 7));
    const planner: EditPlanner = (rec) => planAddColumn(rec, 'support', { catalog, schoolYear: '2025-2026' });
    const { word } = await sameAsDocx(doc, planner, { tag: doc.tag });
    expect(word.syncs).toBe(2);
    expect(word.inserted.map((i) => i.at)).toEqual(['table']);
    expect(word.tables[0].cells[0]).toContain('Điều kiện hỗ trợ khác');
    const rec = recogniseTables(readDocument(documentOfPackage(parseXml(word.inserted[0].ooxml))))[0];
    expect(rec.form.id).toBe('plan-2018');
    expect(rec.missing).toEqual([]);
  });

  test('nothing to change: one sync and no write', async () => {
    const doc = oursOnly([{ code: '1.1' }]);
    const { word, backend } = setup({ documentXml: doc.xml });
    const plan = await backend.editTable({ tag: doc.tag }, (rec) =>
      planUpdateRow(rec, catalog, { ref: { code: '1.1' }, cells: {} }),
    );
    expect(plan.edits).toHaveLength(0);
    expect(word.syncs).toBe(1);
  });

  test('a table that is not there: the domain error, in Vietnamese', async () => {
    const { backend } = setup({ documentXml: oursOnly([]).xml });
    await expect(
      backend.editTable({ tag: 'ctcl:plan-2018:khong-co' }, () => ({ edits: [], target: { table: 0, row: 0 }, summary: '' })),
    ).rejects.toBeInstanceOf(TableNotFoundError);
  });
});

describe('store', () => {
  test('round trip through customXmlParts, exactly the part the .docx backend writes', async () => {
    const parts = new FakeCustomXmlParts();
    const { word, backend } = setup({ documentXml: oursOnly([]).xml }, { parts });
    expect(await backend.loadStore()).toEqual(EMPTY_STORE);
    const store = { version: 1 as const, drafts: { '1.3': { target: 'Đạt mức 3 <đầy đủ> & "đúng"' } }, ignored: ['x'] };
    await backend.saveStore(store);
    // The .docx backend's part, without the XML declaration Word would not update past (office-js#1643).
    expect([...parts.parts.values()]).toEqual([{ ns: STORE_NS, xml: storeXml(store).replace(/^<\?xml[^>]*>\s*/, '') }]);
    expect(storeXml(store)).toMatch(/^<\?xml /);
    expect(await backend.loadStore()).toEqual(store);
    // Saving again replaces the part instead of adding one.
    const next = { version: 1 as const, drafts: {} };
    await backend.saveStore(next);
    expect(parts.parts.size).toBe(1);
    expect(await backend.loadStore()).toEqual(next);
    expect(word.syncs).toBe(0);
  });

  test('the CLI reads what Word wrote', async () => {
    const parts = new FakeCustomXmlParts();
    const { backend } = setup({ documentXml: oursOnly([]).xml }, { parts });
    const store = { version: 1 as const, profile: { school: 'Trường Tiểu học Kim Đồng' } };
    await backend.saveStore(store);
    const docx = DocxDocument.blank(parseXml);
    await docx.saveStore(store);
    const pkg = DocxPackage.open(docx.toBytes());
    const item = pkg.paths().find((p) => /^customXml\/item\d+\.xml$/.test(p))!;
    expect(pkg.text(item)!.replace(/^<\?xml[^>]*>\s*/, '')).toBe([...parts.parts.values()][0].xml);
    // And a .docx whose part is the one Word holds reads back the same store.
    pkg.set(item, [...parts.parts.values()][0].xml);
    expect(readStore(DocxPackage.open(pkg.toBytes()), parseXml)).toEqual(store);
  });

  test('a part Word gave another prefix still reads; broken parts are skipped', async () => {
    const parts = new FakeCustomXmlParts();
    const { backend } = setup({ documentXml: oursOnly([]).xml }, { parts });
    parts.parts.set('{A}', { ns: STORE_NS, xml: `<ns0:store xmlns:ns0="${STORE_NS}">{"version":1,"a":2}</ns0:store>` });
    parts.parts.set('{B}', { ns: STORE_NS, xml: `<ns0:store xmlns:ns0="${STORE_NS}">không phải JSON</ns0:store>` });
    expect(await backend.loadStore()).toEqual({ version: 1, a: 2 });
  });

  test('a refused save becomes a Vietnamese read-only message', async () => {
    const parts = new FakeCustomXmlParts();
    parts.failAdd = { code: 5009, message: 'The add-in does not have permission' };
    const { backend } = setup({ documentXml: oursOnly([]).xml }, { parts });
    const err = await expectWordError(backend.saveStore({ version: 1 }), 'read-only');
    expect(err.message).toContain('Không lưu được dữ liệu ctcl');
    expect(err.message).toContain('5009');
  });
});

describe('info', () => {
  test('kind, document name and optional features', () => {
    const a = setup(
      { documentXml: oursOnly([]).xml },
      { url: 'https://contoso.sharepoint.com/Shared%20Documents/K%E1%BA%BF%20ho%E1%BA%A1ch.docx?web=1' },
    );
    expect(a.backend.info()).toEqual({ kind: 'word', documentName: 'Kế hoạch.docx', features: [] });
    const b = setup({ documentXml: oursOnly([]).xml }, { url: 'C:\\Users\\gv\\Báo cáo 2025.docx', wordApi: ['1.3', '1.4'] });
    expect(b.backend.info()).toEqual({ kind: 'word', documentName: 'Báo cáo 2025.docx', features: ['WordApi1.4'] });
    const c = setup({ documentXml: oursOnly([]).xml }, { url: null });
    expect(c.backend.info().documentName).toBe('Tài liệu Word');
  });

  test('document names from odd URLs', () => {
    expect(documentNameFromUrl('')).toBe('Tài liệu Word');
    expect(documentNameFromUrl('https://x/y/')).toBe('y');
    expect(documentNameFromUrl('https://x/100%.docx')).toBe('100%.docx');
  });
});

describe('check (the "Kiểm tra" tab): the sync budget whatever the document size', () => {
  /** A document with n of our report tables, every fifth with a standard title shortened. */
  function manyTables(n: number): string {
    const blocks = [
      paragraph('TRƯỜNG TIỂU HỌC KIM ĐỒNG'),
      paragraph('BÁO CÁO'),
      paragraph('Kết quả thực hiện kế hoạch năm học 2025-2026'),
    ];
    for (let i = 0; i < n; i++) {
      const s = spec('report-2018', [{ code: '1.1' }, { code: '2.1' }]);
      const rows =
        i % 5
          ? s.rows
          : s.rows.map((r) =>
              r.kind === 'standard' && r.standard === 2 ? { ...r, title: 'Cán bộ quản lý, giáo viên, nhân viên' } : r,
            );
      blocks.push(paragraph(`Bảng ${i + 1}`), buildTableBlock({ ...s, rows }).sdt, paragraph(''));
    }
    const pkg = DocxPackage.open(DocxDocument.blank(parseXml, 'Báo cáo.docx', blocks).toBytes());
    return pkg.text(pkg.mainPath)!;
  }

  test.each([1, 10, 50])('%i tables: the check is one sync (read; the store needs none), select two', async (n) => {
    const parts = new FakeCustomXmlParts();
    const { word, backend } = setup({ documentXml: manyTables(n) }, { parts });
    const run = await runCheck(backend);
    expect(word.syncs).toBe(1);
    expect(run.model.tables).toHaveLength(n);
    const titles = run.result.findings.filter((f) => f.rule === 'standard-title-mismatch');
    expect(titles).toHaveLength(Math.ceil(n / 5));

    // "Bỏ qua" goes to the store (no sync) and the next check reads it back, still one sync.
    await backend.saveStore(withIgnored(run.store, titles[0].id));
    const again = await runCheck(backend);
    expect(word.syncs).toBe(2);
    expect(again.result.ignored.map((f) => f.id)).toEqual([titles[0].id]);

    // Clicking a finding: at most two syncs, on the model of the check.
    const last = titles[titles.length - 1];
    const before = word.syncs;
    await backend.select(selectionFor(last.location, again.model)!);
    expect(word.syncs - before).toBeLessThanOrEqual(2);
    expect(word.selections).toEqual([
      { kind: 'cell', table: last.location.table, row: last.location.row, cell: last.location.cell },
    ]);
  });

  test('seed 000: check, select the error, apply "Ghi tên đúng" — 1 + 2 + 2 syncs', async () => {
    const { word, backend } = setup({ documentXml: seedDocument('000').xml }, { parts: new FakeCustomXmlParts() });
    const run = await runCheck(backend);
    expect(word.syncs).toBe(1);
    const error = run.result.findings.find((f) => f.severity === 'error')!;
    expect(error.fixLabel).toBe('Ghi tên đúng');
    await backend.select(selectionFor(error.location, run.model)!);
    expect(word.syncs).toBe(3);
    expect(word.selections).toEqual([{ kind: 'cell', table: 0, row: 13, cell: 1 }]);
    const plan = await applyFix(backend, error, fixContext(run.result));
    expect(word.syncs).toBe(5);
    expect(plan.summary).toBe('Đã ghi tên đúng của Tiêu chuẩn 5.');
    expect(word.tables[0].cells[13].join(' | ')).toContain('Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục');
  });
});

describe('editTable from the "Điền dòng" panel: a row in at most two syncs', () => {
  // The panel's own planners (src/taskpane/rows/document.ts), run through the Word gateway and the
  // .docx backend side by side: the same table afterwards, each action read + write.
  const catalog = getCatalog('2018', 'tieu-hoc');
  const texts = (m: DocModel, table: number) => m.tables[table].rows.map((r) => r.cells.map((c) => c.text));

  /** A 10 000-character text over many lines, with XML's special characters and spaces kept. */
  const LONG = Array.from({ length: 300 }, (_, i) => `Dòng ${i + 1}: <a & b> "trích" 'đơn' ]]>  hai khoảng trắng`)
    .join('\n')
    .slice(0, 10000);

  /** Our plan-2018 table with its level and standard rows only (what "Chèn bảng" inserts by default). */
  function skeleton(): { xml: string; tag: string; docx: DocxDocument } {
    const { tag, sdt } = buildTableBlock(spec('plan-2018'));
    const docx = DocxDocument.blank(parseXml, 'Kế hoạch.docx', [paragraph('Kế hoạch'), sdt, paragraph('')]);
    const bytes = docx.toBytes();
    const pkg = DocxPackage.open(bytes);
    return { xml: pkg.text(pkg.mainPath)!, tag, docx: DocxDocument.open(bytes, parseXml) };
  }

  async function both(doc: { xml: string; docx: DocxDocument }, target: TableTarget, planner: EditPlanner, wordApi?: string[]) {
    const { word, backend } = setup({ documentXml: doc.xml }, { wordApi });
    const plan = await backend.editTable(target, planner);
    const docxPlan = await doc.docx.editTable(target, planner);
    expect(plan.summary).toBe(docxPlan.summary);
    const after = await doc.docx.read();
    const first = plan.edits[0];
    const table = first && 'table' in first ? first.table : 0;
    expect(word.tables[table].cells).toEqual(texts(after, table));
    return { word, plan, after, table };
  }

  test.each([
    ['WordApi 1.3', ['1.1', '1.2', '1.3']],
    ['WordApi 1.4', ['1.1', '1.2', '1.3', '1.4']],
  ])('add to the skeleton (%s): the row under its standard, two syncs', async (_name, api) => {
    const doc = skeleton();
    const target = { tag: doc.tag };
    const req = { ref: { code: '1.10' }, cells: { target: 'Kết quả', timeline: 'Tháng 9/2025 – tháng 5/2026' } };
    const { word, plan } = await both(doc, target, addRowPlanner('2018', target, catalog, req), api);
    expect(plan.summary).toBe('Đã thêm Tiêu chí 1.10.');
    expect(word.syncs).toBeLessThanOrEqual(2);
    expect(word.syncs).toBe(2);
  });

  test.each([
    ['WordApi 1.3', ['1.1', '1.2', '1.3']],
    ['WordApi 1.4', ['1.1', '1.2', '1.3', '1.4']],
  ])('add that creates the standard row, at Mức 3 (%s): two syncs', async (_name, api) => {
    // Our table with level rows only: Tiêu chuẩn 3 must be written too.
    const doc = oursOnly([]);
    const target = { tag: doc.tag };
    const req = { ref: { code: '3.5' }, level: 3 as const, cells: { target: 'Thiết bị dạy học được khai thác hiệu quả' } };
    const { word, plan, after, table } = await both(doc, target, addRowPlanner('2018', target, catalog, req), api);
    expect(plan.summary).toMatch(/^Đã thêm Tiêu chí 3\.5 \(kèm dòng «Tiêu chuẩn 3: /);
    expect(word.syncs).toBe(2);
    const rows = texts(after, table).map((r) => r.join(' | '));
    const std = rows.findIndex((r) => r.includes('Tiêu chuẩn 3:'));
    expect(rows[std + 1]).toContain('(mức 3)');
  });

  test('a Mức 4 item in the MỨC 4 part: two syncs', async () => {
    const doc = skeleton();
    const target = { tag: doc.tag };
    const req = { ref: { code: '2', level4: true }, cells: { target: '100% học sinh đạt mục tiêu' } };
    const { word, plan } = await both(doc, target, addRowPlanner('2018', target, catalog, req));
    expect(plan.summary).toBe('Đã thêm Tiêu chí 2 (Mức 4).');
    expect(word.syncs).toBe(2);
  });

  test('add with a 10 000-character text over many lines: two syncs, the text exactly as typed', async () => {
    expect(LONG).toHaveLength(10000);
    const doc = skeleton();
    const target = { tag: doc.tag };
    const req = { ref: { code: '1.2' }, cells: { actions: LONG } };
    const { word, after, table } = await both(doc, target, addRowPlanner('2018', target, catalog, req));
    expect(word.syncs).toBe(2);
    expect(word.tables[table].cells.some((r) => r.includes(LONG))).toBe(true);
    const rec = recogniseTables(after)[0];
    expect(rec.entries.find((e) => e.kind === 'criterion')).toMatchObject({ ref: { code: '1.2' }, cells: { actions: LONG } });
  });

  test('update with a 10 000-character text: two syncs, only the changed cells rewritten', async () => {
    const doc = oursOnly([{ code: '1.1' }, { code: '1.3' }]);
    const target = { tag: doc.tag };
    const req = { ref: { code: '1.3' }, cells: { target: LONG, owner: 'Hiệu trưởng' } };
    const { word, plan, after } = await both(doc, target, updateRowPlanner('2018', target, catalog, req, 0));
    expect(plan.summary).toBe('Đã cập nhật tiêu chí 1.3 (2 ô).');
    expect(word.syncs).toBe(2);
    expect(word.calls).not.toContain('table.range.insertOoxml(Replace)');
    const e13 = recogniseTables(after)[0].entries.find((e) => e.kind === 'criterion' && e.ref.code === '1.3');
    expect(e13).toMatchObject({ cells: { target: LONG, owner: 'Hiệu trưởng' } });
  });

  test("update of a criterion's second row (seed 003, 1.6): two syncs, its first row untouched", async () => {
    const seed = seedDocument('003');
    const before = recogniseTables(await seed.docx.read())[0];
    const e16 = before.entries.find((e) => e.kind === 'criterion' && e.ref.code === '1.6');
    if (e16?.kind !== 'criterion') throw new Error('no 1.6');
    const target = { table: 0 };
    const cells = { ...e16.rowCells[1], note: 'Ghi chú mới\ncho dòng thứ hai' };
    const { word, plan, after } = await both(seed, target, updateRowPlanner('2018', target, catalog, { ref: e16.ref, cells }, 1));
    expect(word.syncs).toBe(2);
    expect(plan.target).toEqual(e16.rows[1]);
    expect(plan.summary).toBe('Đã cập nhật tiêu chí 1.6 (1 ô).');
    const again = recogniseTables(after)[0].entries.find((e) => e.kind === 'criterion' && e.ref.code === '1.6');
    if (again?.kind !== 'criterion') throw new Error('no 1.6');
    expect(again.rowCells[0]).toEqual(e16.rowCells[0]);
    expect(again.rowCells[1]).toEqual(cells);
  });

  test('"Lấy dòng đang chọn": read (one sync) and the cursor (at most two) find the row and its texts', async () => {
    const seed = seedDocument('003');
    const rec = recogniseTables(await seed.docx.read())[0];
    const e16 = rec.entries.find((e) => e.kind === 'criterion' && e.ref.code === '1.6');
    if (e16?.kind !== 'criterion') throw new Error('no 1.6');
    const { word, backend } = setup({ documentXml: seed.xml, cursor: { ...e16.rows[1], cell: 3 } });
    const model = await backend.read();
    expect(word.syncs).toBe(1);
    const at = await backend.selection();
    expect(word.syncs - 1).toBeLessThanOrEqual(2);
    const d = readRowsDocument(model);
    const loaded = loadSelectedRow(d.tables, at, (c) => rowFormFields(c.rec), EMPTY_FORM);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.form).toMatchObject({ ref: { code: '1.6' }, ordinal: 1 });
    expect(loaded.form.cells).toEqual(e16.rowCells[1]);
  });
});
