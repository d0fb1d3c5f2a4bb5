/**
 * What real Word does that a naive gateway trips over, reproduced by the fake Word and handled by the
 * gateway (issue #17). Sources: office-js issues #3200 (cellIndex of merged cells), #334 (Track Changes
 * and rewritten content), the Word.LocationRelation values, the error-handling page (payload limits
 * only on the web), and the behaviour of insertOoxml inside a table cell (a nested table).
 */
import { getCatalog } from '../../src/domain/catalog';
import { planAddColumn } from '../../src/domain/check/fixes';
import { readDocument } from '../../src/domain/ooxml/reader';
import { paragraph } from '../../src/domain/ooxml/writer';
import { buildTableBlock } from '../../src/domain/table/render';
import { el, findFirst, type XElement } from '../../src/domain/ooxml/xml';
import { planUpdateRow } from '../../src/domain/table/edit';
import { recogniseTables } from '../../src/domain/table/recognise';
import { parseXml } from '../../src/xml/node';
import { createWordBackend, WordGatewayError, type OfficeContextLike } from '../../src/word/gateway';
import { dropColumn, oursOnly, seedWith, simpleTable, spec } from './documents';
import { FakeCustomXmlParts, FakeWord, type FakeWordOptions } from './fake-word';
import { STORE_NS } from '../../src/domain/store';

function office(opts: { wordApi?: string[]; platform?: string } = {}): OfficeContextLike {
  const sets = opts.wordApi ?? ['1.1', '1.2', '1.3'];
  return {
    document: { url: 'https://x/K%E1%BA%BF%20ho%E1%BA%A1ch.docx', mode: 'readWrite' },
    platform: opts.platform ?? 'PC',
    requirements: { isSetSupported: (name, v) => name === 'WordApi' && sets.includes(v ?? '1.1') },
  };
}

function setup(options: FakeWordOptions, officeOpts: Parameters<typeof office>[0] = {}) {
  const word = new FakeWord(options);
  const backend = createWordBackend({ run: word.run, parse: parseXml, office: office(officeOpts) });
  return { word, backend };
}

async function failure(p: Promise<unknown>): Promise<WordGatewayError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(WordGatewayError);
  return e as WordGatewayError;
}

const kids = (e: XElement, name: string): XElement[] => e.children.filter((c): c is XElement => c.t === 'e' && c.name === name);

/** Mark cells (row, cell) as vertically merged: the first restarts, the others continue. */
function mergeDown(tbl: XElement, cellIndex: number, rows: number[]): void {
  rows.forEach((r, k) => {
    const tc = kids(kids(tbl, 'w:tr')[r], 'w:tc')[cellIndex];
    let tcPr = kids(tc, 'w:tcPr')[0];
    if (!tcPr) {
      tcPr = el('w:tcPr');
      tc.children.unshift(tcPr);
    }
    tcPr.children.push(el('w:vMerge', k === 0 ? { 'w:val': 'restart' } : {}));
  });
}

describe('merged cells: cellIndex throws GeneralException on Windows (office-js#3200)', () => {
  const tbl = simpleTable([
    ['Tiêu chí', 'Kế hoạch', 'Kết quả'],
    ['', 'Kế hoạch cũ', 'Kết quả cũ'],
    ['1.1', 'Làm A', 'Đã làm A'],
  ]);
  mergeDown(tbl, 0, [0, 1]);
  const doc = seedWith('003', [paragraph('Bảng có ô gộp dọc'), tbl, paragraph('')]);

  test('the fake fails the sync the way Word does', async () => {
    const word = new FakeWord({ documentXml: doc.xml, cursor: { table: 1, row: 1, cell: 0 } });
    await expect(
      word.run(async (context) => {
        context.document.getSelection().parentTableCellOrNullObject.load('rowIndex,cellIndex');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
  });

  test('«Lấy dòng đang chọn» in the merged header cell: the row, without the cell, in ≤ 3 syncs', async () => {
    const { word, backend } = setup({ documentXml: doc.xml, cursor: { table: 1, row: 1, cell: 0 } });
    const model = await backend.read();
    const before = word.syncs;
    expect(await backend.selection(model)).toEqual({ table: 1, row: 1 });
    expect(word.syncs - before).toBeLessThanOrEqual(3);
  });

  test('an unmerged cell of the same table: still the cell, in ≤ 2 syncs', async () => {
    const { word, backend } = setup({ documentXml: doc.xml, cursor: { table: 1, row: 2, cell: 1 } });
    const model = await backend.read();
    const before = word.syncs;
    expect(await backend.selection(model)).toEqual({ table: 1, row: 2, cell: 1 });
    expect(word.syncs - before).toBeLessThanOrEqual(2);
  });
});

describe('compareLocationWith: ContainsStart/ContainsEnd for a nested table at the edge of its outer table', () => {
  // The nested table opens the outer table's first cell (no paragraph before it).
  const inner = simpleTable([['Trong 0,0', 'Trong 0,1']]);
  const outer = simpleTable(
    [
      ['', 'Ngoài 0,1'],
      ['Ngoài 1,0', 'Ngoài 1,1'],
    ],
    [{ row: 0, cell: 0, tables: [inner] }],
  );
  const firstCell = kids(kids(outer, 'w:tr')[0], 'w:tc')[0];
  firstCell.children.splice(firstCell.children.indexOf(kids(firstCell, 'w:p')[0]), 1);
  const doc = seedWith('003', [paragraph('Bảng bố cục'), outer, paragraph('')]);

  test('the fake answers ContainsStart', async () => {
    const word = new FakeWord({ documentXml: doc.xml, nestedInBodyTables: false });
    expect(word.tables[2].edge).toBe('start');
  });

  test.each([true, false])('cursor in the nested table (body.tables lists nested: %s): found', async (nestedInBodyTables) => {
    const cursor = { table: 2, row: 0, cell: 1 };
    const { word, backend } = setup({ documentXml: doc.xml, nestedInBodyTables, cursor });
    const model = await backend.read();
    const before = word.syncs;
    expect(await backend.selection(model)).toEqual(cursor);
    expect(word.syncs - before).toBeLessThanOrEqual(2);
  });
});

describe('inserting where the cursor is: never a nested table, never a header or footnote', () => {
  const doc = oursOnly([{ code: '1.1' }]);

  test('in the body: at the cursor, two syncs', async () => {
    const { word, backend } = setup({ documentXml: doc.xml });
    await backend.insertTable(spec('report-2018'));
    expect(word.syncs).toBe(2);
    expect(word.inserted).toEqual([expect.objectContaining({ at: 'selection', location: 'Replace' })]);
    expect(word.inserted[0].nested).toBeUndefined();
  });

  test('the fake nests a table inserted at a cursor in a cell, as Word does', async () => {
    const word = new FakeWord({ documentXml: doc.xml, cursor: { table: 0, row: 3, cell: 1 } });
    await word.run(async (context) => {
      context.document.getSelection().insertOoxml('<x/>', 'Replace');
      await context.sync();
    });
    expect(word.inserted[0].nested).toBe(0);
  });

  test('in a cell of one of our tables: right after its content control, with a paragraph between', async () => {
    const cursor = { table: 0, row: 3, cell: 1 };
    const { word, backend } = setup({ documentXml: doc.xml, cursor, cursorControl: { tag: doc.tag } });
    const { tag } = await backend.insertTable(spec('report-2018'));
    expect(word.syncs).toBe(2);
    expect(word.inserted).toEqual([expect.objectContaining({ at: 'after-control', location: 'After' })]);
    const model = readDocument(parseXml(word.inserted[0].ooxml));
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0].tag).toBe(tag);
    expect(model.paragraphs[0]?.block).toBe(0);
  });

  test("in a cell of the school's own table: right after that table", async () => {
    const tbl = simpleTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const school = seedWith('003', [tbl, paragraph('')]);
    const { word, backend } = setup({ documentXml: school.xml, cursor: { table: 1, row: 1, cell: 1 } });
    await backend.insertTable(spec('plan-2018'));
    expect(word.inserted).toEqual([expect.objectContaining({ at: 'after-table', location: 'After', table: 1 })]);
  });

  test.each([
    ['Header', 'đầu trang hoặc chân trang'],
    ['Footer', 'đầu trang hoặc chân trang'],
    ['Footnote', 'chú thích'],
    ['Endnote', 'chú thích'],
  ] as const)('in a %s: refused in Vietnamese, nothing written', async (cursorStory, words) => {
    const { word, backend } = setup({ documentXml: doc.xml, cursorStory });
    const e = await failure(backend.insertTable(spec('plan-2018')));
    expect(e.code).toBe('cursor-place');
    expect(e.message).toContain(words);
    expect(word.inserted).toHaveLength(0);
    expect(word.syncs).toBe(1);
  });

  test('in a table inside a header: refused too', async () => {
    const { word, backend } = setup({ documentXml: doc.xml, cursor: { table: 0, row: 3, cell: 1 }, cursorStory: 'Header' });
    expect((await failure(backend.insertAtCursor([paragraph('x')]))).code).toBe('cursor-place');
    expect(word.inserted).toHaveLength(0);
  });

  test("in another add-in's content control (not a table): refused", async () => {
    const { word, backend } = setup({ documentXml: doc.xml, cursorControl: { tag: 'other-addin:42' } });
    const e = await failure(backend.insertTable(spec('plan-2018')));
    expect(e.message).toContain('content control');
    expect(word.inserted).toHaveLength(0);
  });

  test('in a nested table: refused (the new table would be nested deeper)', async () => {
    const inner = simpleTable([['x', 'y']]);
    const outer = simpleTable([['a', 'b']], [{ row: 0, cell: 0, tables: [inner] }]);
    const nested = seedWith('003', [outer, paragraph('')]);
    const { word, backend } = setup({ documentXml: nested.xml, cursor: { table: 2, row: 0, cell: 0 } });
    expect((await failure(backend.insertTable(spec('plan-2018')))).message).toContain('bảng lồng');
    expect(word.inserted).toHaveLength(0);
  });
});

describe('Track Changes (office-js#334)', () => {
  /** Mark a row deleted the way Word does: w:trPr/w:del, and its runs in w:del with w:delText. */
  function deleteRow(tbl: XElement, r: number): void {
    const tr = kids(tbl, 'w:tr')[r];
    let trPr = kids(tr, 'w:trPr')[0];
    if (!trPr) {
      trPr = el('w:trPr');
      tr.children.unshift(trPr);
    }
    trPr.children.push(el('w:del', { 'w:id': '1', 'w:author': 'Cô Hoa', 'w:date': '2026-01-01T00:00:00Z' }));
    for (const tc of kids(tr, 'w:tc')) {
      for (const p of kids(tc, 'w:p')) {
        p.children = p.children.map((c) => {
          if (c.t !== 'e' || c.name !== 'w:r') return c;
          for (const t of kids(c, 'w:t')) t.name = 'w:delText';
          return el('w:del', { 'w:id': '2', 'w:author': 'Cô Hoa' }, [c]);
        });
      }
    }
  }

  test('rows deleted under Track Changes are read as deleted: not part of the plan, not "empty rows"', () => {
    const plain = oursOnly([{ code: '1.1' }, { code: '1.3' }]);
    const plainRec = recogniseTables(readDocument(parseXml(plain.xml)))[0];
    const row13 = plainRec.entries.find((e) => e.kind === 'criterion' && e.ref.code === '1.3')!.at.row;
    const tracked = oursOnly([{ code: '1.1' }, { code: '1.3' }], (tbl) => deleteRow(tbl, row13));
    const model = readDocument(parseXml(tracked.xml));
    expect(model.tables[0].rows[row13].deleted).toBe(true);
    // Still there for Word's row indexes…
    expect(model.tables[0].rows).toHaveLength(plainRec.parts[0].rows.length);
    // …but not read as part of the plan.
    const rec = recogniseTables(model)[0];
    expect(rec.entries.filter((e) => e.kind === 'criterion').map((e) => e.kind === 'criterion' && e.ref.code)).toEqual(['1.1']);
    expect(rec.entries.some((e) => e.at.row === row13)).toBe(false);
  });

  test('WordApi 1.4, tracking on: a rewrite is refused before anything is written (one sync)', async () => {
    const doc = oursOnly([{ code: '1.1' }], (tbl) => dropColumn(tbl, 3));
    const { word, backend } = setup(
      { documentXml: doc.xml, changeTrackingMode: 'TrackAll' },
      { wordApi: ['1.1', '1.2', '1.3', '1.4'] },
    );
    const e = await failure(
      backend.editTable({ tag: doc.tag }, (rec) =>
        planAddColumn(rec, rec.missing[0].key, { catalog: getCatalog('2018', 'tieu-hoc'), schoolYear: '2025-2026' }),
      ),
    );
    expect(e.code).toBe('track-changes');
    expect(e.message).toContain('Theo dõi thay đổi');
    expect(word.syncs).toBe(1);
    expect(word.inserted).toHaveLength(0);
    expect(word.calls).toContain('document.load(changeTrackingMode)');
  });

  test('the same rewrite with tracking off goes ahead (and the fake would have kept the old rows if it were on)', async () => {
    const doc = oursOnly([{ code: '1.1' }], (tbl) => dropColumn(tbl, 3));
    const { word, backend } = setup(
      { documentXml: doc.xml, changeTrackingMode: 'Off' },
      { wordApi: ['1.1', '1.2', '1.3', '1.4'] },
    );
    await backend.editTable({ tag: doc.tag }, (rec) =>
      planAddColumn(rec, rec.missing[0].key, { catalog: getCatalog('2018', 'tieu-hoc'), schoolYear: '2025-2026' }),
    );
    expect(word.inserted).toEqual([expect.objectContaining({ at: 'table' })]);
    expect(word.tables[0].deletedRows).toBeUndefined();
    expect(word.syncs).toBe(2);
  });

  test('tracking on, a cell update (no rewrite): allowed, Word tracks the typed text itself', async () => {
    const doc = oursOnly([{ code: '1.1' }, { code: '1.3' }]);
    const catalog = getCatalog('2018', 'tieu-hoc');
    const { word, backend } = setup(
      { documentXml: doc.xml, changeTrackingMode: 'TrackAll' },
      { wordApi: ['1.1', '1.2', '1.3', '1.4'] },
    );
    await backend.editTable({ tag: doc.tag }, (rec) =>
      planUpdateRow(rec, catalog, { ref: { code: '1.3' }, cells: { actions: 'Sửa' } }),
    );
    expect(word.syncs).toBe(2);
    expect(word.calls.some((c) => c.startsWith('cell.body.insertText'))).toBe(true);
  });

  test('without WordApi 1.4 the mode is not asked (WordApi 1.3 has no changeTrackingMode)', async () => {
    const doc = oursOnly([{ code: '1.1' }], (tbl) => dropColumn(tbl, 3));
    const { word, backend } = setup({ documentXml: doc.xml, changeTrackingMode: 'TrackAll' });
    await backend.editTable({ tag: doc.tag }, (rec) =>
      planAddColumn(rec, rec.missing[0].key, { catalog: getCatalog('2018', 'tieu-hoc'), schoolYear: '2025-2026' }),
    );
    expect(word.calls.some((c) => c.startsWith('document.load'))).toBe(false);
    // The fake shows what Word then does: the old rows stay, marked deleted, next to the new ones.
    expect(word.tables[0].deletedRows).toBeGreaterThan(0);
  });
});

describe('tables in text boxes, listed by body.tables', () => {
  /** A floating text box holding a table (DrawingML with its VML fallback, as Word writes it). */
  function textBox(tbl: XElement, fallback: XElement): XElement {
    const content = (t: XElement) => el('w:txbxContent', {}, [t, paragraph('')]);
    return el('w:p', {}, [
      el('w:r', {}, [
        el('mc:AlternateContent', {}, [
          el('mc:Choice', { Requires: 'wps' }, [
            el('w:drawing', {}, [
              el('wp:anchor', {}, [
                el('a:graphic', { 'xmlns:a': 'http://schemas.openxmlformats.org/drawingml/2006/main' }, [
                  el('a:graphicData', {}, [el('wps:wsp', {}, [el('wps:txbx', {}, [content(tbl)])])]),
                ]),
              ]),
            ]),
          ]),
          el('mc:Fallback', {}, [el('w:pict', {}, [el('v:shape', {}, [el('v:textbox', {}, [content(fallback)])])])]),
        ]),
      ]),
    ]);
  }
  const ours = buildTableBlock(spec('plan-2018', [{ code: '1.1' }, { code: '1.3' }]));
  const boxed = () => simpleTable([['Hộp 1', 'Hộp 2']]);
  const doc = seedWith('003', [textBox(boxed(), boxed()), paragraph(''), ours.sdt, paragraph('')]);
  const catalog = getCatalog('2018', 'tieu-hoc');

  test('Word lists the text-box table (once), the reader does not read it as a table', () => {
    const word = new FakeWord({ documentXml: doc.xml });
    const model = readDocument(parseXml(doc.xml));
    expect(word.tables.filter((t) => t.inTextBox)).toHaveLength(1);
    expect(word.tables).toHaveLength(model.tables.length + 1);
    expect(findFirst(parseXml(doc.xml), 'w:txbxContent')).toBeDefined();
  });

  test('an edit of our table still lands in our table (not refused as stale)', async () => {
    const { word, backend } = setup({ documentXml: doc.xml });
    await backend.editTable({ tag: ours.tag }, (rec) =>
      planUpdateRow(rec, catalog, { ref: { code: '1.3' }, cells: { actions: 'Sửa trong Word' } }),
    );
    expect(word.syncs).toBe(2);
    const target = word.tables.find((t) => t.cells.some((r) => r.includes('Sửa trong Word')));
    expect(target?.inTextBox).toBeFalsy();
    expect(target?.cells.flat().join(' ')).toContain('1.3');
  });

  test('select and selection find our table past the text box', async () => {
    const { word, backend } = setup({ documentXml: doc.xml, cursor: { table: 2, row: 3, cell: 1 } });
    const model = await backend.read();
    const ourIndex = model.tables.findIndex((t) => t.tag === ours.tag);
    await backend.select({ table: ourIndex, row: 3, cell: 1 }, model);
    expect(word.selections.at(-1)).toMatchObject({ table: 2, row: 3, cell: 1 });
    expect(await backend.selection(model)).toEqual({ table: ourIndex, row: 3, cell: 1 });
  });

  test('ambiguous (a text-box table shaped like ours): refused as stale rather than guessed', async () => {
    const twin = () => simpleTable([['a'], ['b'], ['c']]);
    const mine = simpleTable([['x'], ['y'], ['z']]);
    const amb = seedWith('003', [textBox(twin(), twin()), paragraph(''), mine, paragraph('')]);
    const { word, backend } = setup({ documentXml: amb.xml });
    const model = await backend.read();
    const e = await failure(backend.select({ table: model.tables.length - 1, row: 0, cell: 0 }, model));
    expect(e.code).toBe('stale');
    expect(word.selections).toHaveLength(0);
  });
});

describe('Word on the web', () => {
  test('NotAllowed there means "not supported in the browser", not "read-only"', async () => {
    const doc = oursOnly([{ code: '1.1' }]);
    const { backend } = setup({ documentXml: doc.xml, notAllowed: ['range.insertOoxml'] }, { platform: 'OfficeOnline' });
    const e = await failure(backend.insertTable(spec('plan-2018')));
    expect(e.code).toBe('web-unsupported');
    expect(e.message).toContain('Word trên web chưa cho phép');
    expect(e.message).not.toContain('chỉ đọc. Hãy bật');
  });

  test('on the desktop NotAllowed stays the read-only message', async () => {
    const doc = oursOnly([{ code: '1.1' }]);
    const { backend } = setup({ documentXml: doc.xml, notAllowed: ['range.insertOoxml'] });
    expect((await failure(backend.insertTable(spec('plan-2018')))).code).toBe('read-only');
  });

  test('a document over the payload limit: its own message, for read and check', async () => {
    const doc = oursOnly([{ code: '1.1' }]);
    const { backend } = setup({ documentXml: doc.xml, responseLimit: 1000 }, { platform: 'OfficeOnline' });
    const e = await failure(backend.read());
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('5 MB');
  });
});

describe('the store in Word (custom XML parts)', () => {
  function withParts(parts: FakeCustomXmlParts, platform = 'OfficeOnline') {
    const word = new FakeWord({ documentXml: oursOnly([]).xml });
    return createWordBackend({
      run: word.run,
      parse: parseXml,
      office: { ...office({ platform }), document: { mode: 'readWrite', customXmlParts: parts } },
    });
  }

  test('the part goes without its XML declaration (office-js#1643: with one, Word keeps the old content)', async () => {
    const parts = new FakeCustomXmlParts();
    const backend = withParts(parts, 'PC');
    await backend.saveStore({ version: 1, profile: { schoolName: 'A' } });
    await backend.saveStore({ version: 1, profile: { schoolName: 'B' } });
    const [only] = [...parts.parts.values()];
    expect(parts.parts.size).toBe(1);
    expect(only.xml).not.toMatch(/^<\?xml/);
    expect(only.ns).toBe(STORE_NS);
    expect(await backend.loadStore()).toEqual({ version: 1, profile: { schoolName: 'B' } });
  });

  test('Word on the web reports success and keeps nothing (office-js#5910): read back, the user is told', async () => {
    const parts = new FakeCustomXmlParts();
    const backend = withParts(parts);
    await backend.saveStore({ version: 1, profile: { schoolName: 'Cũ' } });
    parts.silent = true;
    const e = await failure(backend.saveStore({ version: 1, profile: { schoolName: 'Mới' } }));
    expect(e.code).toBe('not-saved');
    expect(e.message).toContain('chưa có trong tài liệu');
    // What the document holds is still the old store, intact.
    expect(await backend.loadStore()).toEqual({ version: 1, profile: { schoolName: 'Cũ' } });
  });

  test('an old part that could not be deleted, listed first: the newest save still wins (save numbers)', async () => {
    const parts = new FakeCustomXmlParts();
    const backend = withParts(parts, 'PC');
    parts.keepOnDelete = true;
    parts.newestFirst = true;
    await backend.saveStore({ version: 1, profile: { schoolName: 'Một' } });
    await backend.saveStore({ version: 1, profile: { schoolName: 'Hai' } });
    await backend.saveStore({ version: 1, profile: { schoolName: 'Ba' } });
    expect(parts.parts.size).toBe(3);
    // Each save numbered one more than the newest before it.
    expect([...parts.parts.values()].map((p) => /ctcl:seq="(\d+)"/.exec(p.xml)?.[1])).toEqual(['1', '2', '3']);
    expect(await backend.loadStore()).toEqual({ version: 1, profile: { schoolName: 'Ba' } });
    // The same parts listed oldest first: the same answer.
    parts.newestFirst = false;
    expect(await backend.loadStore()).toEqual({ version: 1, profile: { schoolName: 'Ba' } });
  });

  test('a part written before save numbers (none) loses to a numbered one, and a later save goes past both', async () => {
    const parts = new FakeCustomXmlParts();
    const backend = withParts(parts, 'PC');
    parts.keepOnDelete = true;
    await backend.saveStore({ version: 1, profile: { schoolName: 'Số' } });
    const unnumbered = `<ctcl:store xmlns:ctcl="${STORE_NS}">{"version":1,"profile":{"schoolName":"Cũ"}}</ctcl:store>`;
    parts.parts.set('{legacy}', { ns: STORE_NS, xml: unnumbered });
    expect(await backend.loadStore()).toEqual({ version: 1, profile: { schoolName: 'Số' } });
    await backend.saveStore({ version: 1, profile: { schoolName: 'Mới' } });
    expect(await backend.loadStore()).toEqual({ version: 1, profile: { schoolName: 'Mới' } });
  });

  test('over 1 MB: refused in Vietnamese before Word is asked (the web does not load such parts, office-js#2408)', async () => {
    const parts = new FakeCustomXmlParts();
    parts.addLimit = 1024 * 1024;
    const backend = withParts(parts);
    const big = { version: 1 as const, templates: ['x'.repeat(1024 * 1024)] };
    const e = await failure(backend.saveStore(big));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('1 MB');
    expect(parts.parts.size).toBe(0);
  });
});
