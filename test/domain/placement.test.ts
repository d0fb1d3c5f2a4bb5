import { getCatalog, type SchoolType } from '../../src/domain/catalog';
import { getForm, type FormId } from '../../src/domain/forms';
import { planAddRow, planUpdateRow, type RowRequest } from '../../src/domain/table/edit';
import { initialRows, PlacementError, type CriterionRef } from '../../src/domain/table/model';
import { criterionEntries, recogniseTables, type RecognisedTable } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

async function newDoc(form: FormId, schoolType: SchoolType = 'tieu-hoc', start: 'skeleton' | 'all' = 'skeleton') {
  const f = getForm(form);
  const doc = DocxDocument.blank(parseXml);
  const year = f.framework === '2018' ? '2025-2026' : '2026-2027';
  const { tag } = await doc.insertTable({
    form,
    framework: f.framework,
    schoolType,
    schoolYear: year,
    groupByLevel: false,
    rows: initialRows(f, getCatalog(f.framework, schoolType), { start }),
  });
  return { doc, tag, catalog: getCatalog(f.framework, schoolType) };
}

async function add(doc: DocxDocument, tag: string | undefined, catalog: ReturnType<typeof getCatalog>, req: RowRequest) {
  return doc.editTable(tag ? { tag } : { table: 0 }, (rec) => planAddRow(rec, catalog, req));
}

/** Body as compact lines: S section, T standard, C criterion (+level), E empty. */
async function outline(doc: DocxDocument): Promise<string[]> {
  const saved = DocxDocument.open(doc.toBytes(), parseXml);
  const [rec] = recogniseTables(await saved.read());
  return rec.entries.map((e) => {
    switch (e.kind) {
      case 'section':
        return `S ${e.label}`;
      case 'standard':
        return `T ${e.standard}`;
      case 'criterion':
        return `C ${e.ref.level4 ? 'M4.' : ''}${e.ref.code}${e.level ? ` (${e.level})` : ''}`;
      default:
        return e.kind[0].toUpperCase();
    }
  });
}

const ref = (code: string): CriterionRef => ({ code });

describe('adding rows: placement', () => {
  test('out-of-order adds end up ordered, standard rows created when needed, Mức 4 in its section', async () => {
    const { doc, tag, catalog } = await newDoc('plan-2018');
    await add(doc, tag, catalog, { ref: ref('1.10'), cells: { target: 'A' } });
    await add(doc, tag, catalog, { ref: ref('1.2'), cells: { target: 'B' } });
    await add(doc, tag, catalog, { ref: ref('3.5'), level: 3, cells: { target: 'C' } });
    await add(doc, tag, catalog, { ref: { code: '2', level4: true }, cells: { target: 'D' } });
    await add(doc, tag, catalog, { ref: ref('1.9'), cells: {} });
    expect(await outline(doc)).toEqual([
      'S MỨC 1, 2, 3',
      'T 1',
      'C 1.2',
      'C 1.9',
      'C 1.10',
      'T 2',
      'T 3',
      'C 3.5 (3)',
      'T 4',
      'T 5',
      'S MỨC 4',
      'C M4.2',
    ]);
  });

  test('a standard row is created, in order, when the table has none for the criterion', async () => {
    const doc = openSeed('000');
    const catalog = getCatalog('2018', 'tieu-hoc');
    const plan = await add(doc, undefined, catalog, { ref: ref('4.1'), cells: { planned: 'x' } });
    expect(plan.summary).toMatch(/Tiêu chuẩn 4/);
    const lines = await outline(doc);
    expect(lines.slice(lines.indexOf('C 3.6'), lines.indexOf('C 3.6') + 4)).toEqual(['C 3.6', 'T 4', 'C 4.1', 'T 5']);
  });

  test('a criterion with several rows gets the new row after its last one; split rows stay together', async () => {
    const doc = openSeed('003');
    const catalog = getCatalog('2018', 'tieu-hoc');
    await add(doc, undefined, catalog, { ref: ref('2.3'), cells: { target: 'Thêm một dòng cho 2.3' } });
    const [rec] = recogniseTables(await DocxDocument.open(doc.toBytes(), parseXml).read());
    const codes = criterionEntries(rec).map((e) => e.ref.code);
    expect(codes.slice(0, 7)).toEqual(['1.6', '1.10', '2.2', '2.3', '2.3', '2.4', '3.2']);
    const second = criterionEntries(rec).filter((e) => e.ref.code === '2.3')[1];
    expect(second.cells.target).toBe('Thêm một dòng cho 2.3');
  });

  test('a document grouped by single levels (seed 001) keeps the grouping', async () => {
    const doc = openSeed('001');
    const catalog = getCatalog('2018', 'tieu-hoc');
    await add(doc, undefined, catalog, { ref: ref('3.3'), level: 2, cells: { planned: 'x' } });
    const lines = await outline(doc);
    const m2 = lines.indexOf('S MỨC 2');
    expect(lines.slice(m2)).toEqual([
      'S MỨC 2',
      'T 1',
      'C 1.4',
      'C 1.8',
      'C 1.9',
      'E',
      'T 3',
      'C 3.3 (2)',
      'C 3.4',
      'C 3.5',
      'E',
    ]);
  });

  test('a missing MỨC 4 section is created at the end', async () => {
    const doc = openSeed('004');
    const catalog = getCatalog('2018', 'mam-non');
    await add(doc, undefined, catalog, { ref: { code: '1', level4: true }, cells: { planned: 'x' } });
    expect((await outline(doc)).slice(-2)).toEqual(['S MỨC 4', 'C M4.1']);
  });

  test('TT57 plan without level groups: rows go under their standard', async () => {
    const { doc, tag, catalog } = await newDoc('plan-2026', 'thcs-thpt');
    await add(doc, tag, catalog, { ref: ref('4.2'), level: 2, cells: { goal: 'G' } });
    await add(doc, tag, catalog, { ref: ref('1.3'), level: 1, cells: { criterion: 'Nội dung', goal: 'G' } });
    expect(await outline(doc)).toEqual(['T 1', 'C 1.3 (1)', 'T 2', 'T 3', 'T 4', 'C 4.2 (2)']);
  });

  test.each([
    [ref('1.5'), 3, /không có yêu cầu ở Mức 3/],
    [ref('2.5'), undefined, /Không có tiêu chí 2\.5/],
    [ref('3.7'), undefined, /Không có tiêu chí 3\.7/],
    [{ code: '6', level4: true }, undefined, /Không có tiêu chí 6 ở Mức 4/],
  ] as const)('refused with a message: %j at level %s', async (r, level, msg) => {
    const { doc, tag, catalog } = await newDoc('plan-2018');
    const before = doc.toBytes();
    await expect(add(doc, tag, catalog, { ref: r, level: level as 3 | undefined, cells: {} })).rejects.toThrow(PlacementError);
    await expect(add(doc, tag, catalog, { ref: r, level: level as 3 | undefined, cells: {} })).rejects.toThrow(msg);
    expect(Buffer.from(doc.toBytes()).equals(Buffer.from(before))).toBe(true);
  });

  test('the monitoring table takes no criterion rows', async () => {
    const { doc, tag, catalog } = await newDoc('monitoring-2026');
    await expect(add(doc, tag, catalog, { ref: ref('1.1'), cells: {} })).rejects.toThrow(/cố định/);
  });
});

describe('updating a row', () => {
  test('replaces the criterion row found by its code; other rows untouched', async () => {
    const doc = openSeed('003');
    const catalog = getCatalog('2018', 'tieu-hoc');
    const beforeRec = recogniseTables(await doc.read())[0];
    const others = criterionEntries(beforeRec)
      .filter((e) => e.ref.code !== '1.10')
      .map((e) => e.cells);
    const plan = await doc.editTable({ table: 0 }, (rec) =>
      planUpdateRow(rec, catalog, { ref: ref('1.10'), cells: { target: 'Mới', actions: 'Việc mới', owner: 'Hiệu trưởng' } }),
    );
    expect(plan.edits).toHaveLength(1);
    const rec = recogniseTables(await DocxDocument.open(doc.toBytes(), parseXml).read())[0];
    const e = criterionEntries(rec).find((x) => x.ref.code === '1.10')!;
    expect(e.cells).toMatchObject({ target: 'Mới', actions: 'Việc mới', owner: 'Hiệu trưởng' });
    expect(e.cells.timeline).toBeUndefined();
    expect(
      criterionEntries(rec)
        .filter((x) => x.ref.code !== '1.10')
        .map((x) => x.cells),
    ).toEqual(others);
  });

  test('an update of a criterion that has no row asks to add it', async () => {
    const { doc, tag, catalog } = await newDoc('plan-2018');
    await expect(
      doc.editTable({ tag }, (rec: RecognisedTable) => planUpdateRow(rec, catalog, { ref: ref('1.1'), cells: {} })),
    ).rejects.toThrow(/Thêm dòng/);
  });
});

describe('text is written exactly as typed', () => {
  test.each([
    ['XML special characters', '<w:t>a & b</w:t> "quoted" \'single\' ]]> &amp;'],
    ['emoji and other planes', 'Đạt 100% 🎉👩‍🏫 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'],
    ['10 000 characters', 'Nội dung dài. '.repeat(715).slice(0, 10000)],
    ['decomposed Unicode (NFD) stays decomposed', 'Kế hoạch cải tiến chất lượng'.normalize('NFD')],
    ['line breaks and tabs', 'Dòng 1\nDòng 2\n\n\tthụt đầu dòng'],
    ['leading and trailing spaces', '  hai khoảng trắng  '],
  ])('%s', async (_name, value) => {
    const { doc, tag, catalog } = await newDoc('plan-2018');
    await add(doc, tag, catalog, { ref: ref('1.1'), cells: { target: value, note: value } });
    const rec = recogniseTables(await DocxDocument.open(doc.toBytes(), parseXml).read())[0];
    const e = criterionEntries(rec)[0];
    expect(e.cells.target).toBe(value);
    expect(e.cells.note).toBe(value);
  });
});
