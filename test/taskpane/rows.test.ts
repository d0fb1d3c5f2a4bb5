/**
 * The "Điền dòng" panel's logic, in Node: the tables it offers, the criterion list and level picker,
 * the draft, which row "Cập nhật" replaces and what it would erase, "Lấy dòng đang chọn", and a
 * report's plan column filled from the plan table.
 */
import { EMPTY_STORE, type DocumentStore } from '../../src/domain/backend';
import { allCriteria, getCatalog } from '../../src/domain/catalog';
import { getForm, type FormId } from '../../src/domain/forms';
import { paragraph } from '../../src/domain/ooxml/writer';
import { buildTableBlock } from '../../src/domain/table/render';
import { findFirst } from '../../src/domain/ooxml/xml';
import { planAddRow, type RowRequest } from '../../src/domain/table/edit';
import { initialRows } from '../../src/domain/table/model';
import { recogniseTables } from '../../src/domain/table/recognise';
import { criterionRowCounts, rowFormFields } from '../../src/domain/table/rows';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { criterionGroups, fitPick, levelOptions } from '../../src/taskpane/rows/criteria';
import {
  addRowPlanner,
  catalogFor,
  defaultTableKey,
  keyOfTarget,
  readRowsDocument,
  tableChoices,
  updateRowPlanner,
  withFramework,
} from '../../src/taskpane/rows/document';
import {
  clearedFields,
  draftOf,
  EMPTY_FORM,
  formOfDraft,
  hasContent,
  loadSelectedRow,
  planContent,
  prefillFromPlan,
  requestOf,
  rowTexts,
  sameDraft,
  storedSchoolType,
  updateTarget,
  type RowForm,
} from '../../src/taskpane/rows/form';
import { parseDraft, STORE_KEYS, withDraft, withSchoolType } from '../../src/domain/store';
import { openSeed } from '../helpers';

const DRAFT_KEY = STORE_KEYS.rowDraft;
const META_KEY = STORE_KEYS.metaOverrides;

const TT17 = getCatalog('2018', 'tieu-hoc');

function spec(form: FormId, groupByLevel = false) {
  const f = getForm(form);
  return {
    form,
    framework: f.framework,
    schoolType: 'tieu-hoc' as const,
    schoolYear: f.framework === '2018' ? '2025-2026' : '2026-2027',
    groupByLevel,
    rows: initialRows(f, getCatalog(f.framework, 'tieu-hoc'), { start: 'skeleton', groupByLevel }),
  };
}

/**
 * A 2025-2026 document: title, our plan-2018 table (1.2 mức 2, 3.5 twice: mức 3 and no level),
 * our report-2018 table, and a TT57 monitoring table (not offered).
 */
async function planAndReport() {
  const doc = DocxDocument.blank(parseXml, 'Báo cáo.docx', [
    paragraph('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG'),
    paragraph('Trường Tiểu học Kim Đồng, năm học 2025-2026'),
  ]);
  const plan = await doc.insertTable(spec('plan-2018'));
  const report = await doc.insertTable(spec('report-2018'));
  await doc.insertTable(spec('monitoring-2026'));
  const add = (req: RowRequest) => doc.editTable({ tag: plan.tag }, (rec) => planAddRow(rec, TT17, req));
  await add({ ref: { code: '1.2' }, level: 2, cells: { actions: 'Giải pháp 1.2\n– dòng hai', target: 'Kết quả 1.2' } });
  await add({ ref: { code: '3.5' }, level: 3, cells: { actions: 'Giải pháp 3.5 mức 3' } });
  await add({ ref: { code: '3.5' }, cells: { actions: 'Giải pháp 3.5' } });
  return { doc, plan: plan.tag, report: report.tag };
}

describe('document: the tables offered, the meta, the planners', () => {
  test('plan and report tables by tag (monitoring left out), labelled by position and form', async () => {
    const { doc, plan, report } = await planAndReport();
    const d = readRowsDocument(await doc.read());
    expect(d.tables.map((t) => t.key)).toEqual([`tag:${plan}`, `tag:${report}`]);
    expect(d.tables.map((t) => t.target)).toEqual([{ tag: plan }, { tag: report }]);
    expect(d.tables[0].label).toBe('Bảng thứ 1 · Kế hoạch cải tiến chất lượng (9 cột) · 3 tiêu chí');
    expect(d.tables[1].label).toMatch(/^Bảng thứ 2 · Báo cáo kết quả .* · chưa có tiêu chí$/);
    expect(d.meta).toMatchObject({ framework: '2018', schoolType: 'tieu-hoc', schoolYear: '2025-2026' });
    // The report restates the plan of the same document.
    expect(d.plan?.items.map((i) => [i.ref.code, i.level, i.content])).toEqual([
      ['1.2', 2, 'Giải pháp 1.2\n– dòng hai'],
      ['3.5', 3, 'Giải pháp 3.5 mức 3'],
      ['3.5', undefined, 'Giải pháp 3.5'],
    ]);
  });

  test("others' tables by position; the cursor's table first, else the first", async () => {
    const model = await openSeed('003').read();
    const d = readRowsDocument(model);
    expect(d.tables.map((t) => [t.key, t.ours])).toEqual([['table:0', false]]);
    expect(d.meta).toMatchObject({ framework: '2018', schoolType: 'tieu-hoc', schoolYear: '2021-2022' });
    const { doc, report } = await planAndReport();
    const tables = readRowsDocument(await doc.read()).tables;
    expect(defaultTableKey(tables, undefined)).toBe(tables[0].key);
    const reportIndex = tables[1].rec.parts[0].index;
    expect(defaultTableKey(tables, { table: reportIndex, row: 1, cell: 0 })).toBe(`tag:${report}`);
    // In the monitoring table: not a choice, so the first.
    expect(defaultTableKey(tables, { table: reportIndex + 1, row: 1, cell: 0 })).toBe(tables[0].key);
    expect(defaultTableKey([], undefined)).toBeUndefined();
  });

  test('a stored target finds its table again, or nothing when it is gone', async () => {
    const { doc, report } = await planAndReport();
    const tables = readRowsDocument(await doc.read()).tables;
    expect(keyOfTarget(tables, { tag: report })).toBe(`tag:${report}`);
    expect(keyOfTarget(tables, { tag: 'ctcl:plan-2018:gone' })).toBeUndefined();
    const seed = tableChoices(recogniseTables(await openSeed('000').read()));
    expect(keyOfTarget(seed, { table: 0 })).toBe('table:0');
    expect(keyOfTarget(seed, { table: 3 })).toBeUndefined();
  });

  test('the school type chosen by hand gives the catalog when the document does not say', async () => {
    const { sdt } = buildTableBlock(spec('plan-2018'));
    const doc = DocxDocument.blank(parseXml, 'x.docx', [sdt]);
    const model = await doc.read();
    const d = readRowsDocument(model);
    expect(d.meta.framework).toBe('2018');
    const byHand = readRowsDocument(model, 'thcs-thpt');
    expect(byHand.meta.schoolType).toBe('thcs-thpt');
    expect(catalogFor(byHand.tables[0], 'thcs-thpt')?.id).toBe('tt18-thcs-thpt');
    expect(catalogFor(byHand.tables[0], 'gdtx')).toBeUndefined();
    expect(catalogFor(undefined, 'tieu-hoc')).toBeUndefined();
  });

  test('the planner plans on the table as recognised with the framework the panel shows', async () => {
    // A report table with no year in its headings, no body yet and no tag: the same headings as
    // TT57's report, so only the framework the panel knows tells them apart.
    const s = { ...spec('report-2018'), schoolYear: '', rows: [] };
    const tbl = findFirst(buildTableBlock(s).sdt, 'w:tbl')!;
    const doc = DocxDocument.blank(parseXml, 'x.docx', [tbl, paragraph('')]);
    const seen: string[] = [];
    const probe = (fw: '2018' | '2026' | undefined) =>
      doc.editTable(
        { table: 0 },
        withFramework(fw, { table: 0 }, (rec) => {
          seen.push(rec.form.id);
          return { edits: [], target: { table: 0, row: 0 }, summary: '' };
        }),
      );
    await probe(undefined);
    await probe('2026');
    await probe('2018');
    expect(seen).toEqual(['report-2018', 'report-2026', 'report-2018']);
  });

  test('add and update planners write through the backend, rows found again by criterion', async () => {
    const { doc, plan } = await planAndReport();
    const target = { tag: plan };
    const added = await doc.editTable(
      target,
      addRowPlanner('2018', target, TT17, { ref: { code: '1.1' }, cells: { note: 'Mới' } }),
    );
    expect(added.summary).toBe('Đã thêm Tiêu chí 1.1.');
    const updated = await doc.editTable(
      target,
      updateRowPlanner('2018', target, TT17, { ref: { code: '3.5' }, level: 3, cells: { actions: 'Đổi' } }, 0),
    );
    expect(updated.summary).toMatch(/^Đã cập nhật tiêu chí 3\.5/);
    const rec = readRowsDocument(await doc.read()).tables[0].rec;
    const texts = rec.entries.flatMap((e) => (e.kind === 'criterion' ? [[e.ref.code, e.level, e.cells.actions ?? '']] : []));
    expect(texts).toEqual([
      ['1.1', undefined, ''],
      ['1.2', 2, 'Giải pháp 1.2\n– dòng hai'],
      ['3.5', 3, 'Đổi'],
      ['3.5', undefined, 'Giải pháp 3.5'],
    ]);
  });
});

describe('criteria: the level picker and the list', () => {
  test('2018: MỨC 4 and levels 1–3 or none; a table split by level must pick one', async () => {
    const { doc } = await planAndReport();
    const rec = readRowsDocument(await doc.read()).tables[0].rec;
    expect(levelOptions(rec, TT17)).toEqual({ level4: true, levels: [undefined, 1, 2, 3], required: undefined });
    // Seed 001 is split into "MỨC 1" and "MỨC 2".
    const split = recogniseTables(await openSeed('001').read())[0];
    const o = levelOptions(split, TT17);
    expect(o.levels).toEqual([1, 2, 3]);
    expect(o.required).toMatch(/chia theo từng mức/);
    expect(fitPick({ section: 'main' }, o)).toEqual({ section: 'main', level: 1 });
  });

  test('TT57: Mức 1 or Mức 2 (no level only when the table is not split by level), no MỨC 4', async () => {
    const tt57 = getCatalog('2026', 'tieu-hoc');
    const read = async (grouped: boolean) => {
      const doc = DocxDocument.blank(parseXml);
      await doc.insertTable(spec('plan-2026', grouped));
      return recogniseTables(await doc.read())[0];
    };
    const grouped = levelOptions(await read(true), tt57);
    expect(grouped).toMatchObject({ level4: false, levels: [1, 2] });
    expect(grouped.required).toBeDefined();
    expect(levelOptions(await read(false), tt57)).toEqual({ level4: false, levels: [1, 2, undefined] });
    expect(fitPick({ section: 'm4', level: 3 }, grouped)).toEqual({ section: 'main', level: 1 });
    expect(fitPick({ section: 'main', level: 2 }, grouped)).toEqual({ section: 'main', level: 2 });
  });

  const list = (query: string, pick = { section: 'main' as const, level: undefined }, counts = new Map<string, number>()) =>
    criterionGroups(TT17, { query, pick, counts, schoolYear: '2025-2026' });
  const codes = (groups: ReturnType<typeof list>) => groups.flatMap((g) => g.items.map((i) => i.code));

  test('grouped by standard with titles, levels and one line per level', () => {
    const groups = list('');
    expect(groups.map((g) => g.title)).toEqual(TT17.standards.map((s) => `Tiêu chuẩn ${s.number}: ${s.title}`));
    expect(codes(groups)).toEqual(allCriteria(TT17).map((c) => c.code));
    const c12 = groups[0].items.find((i) => i.code === '1.2')!;
    expect(c12.title).toBe(allCriteria(TT17).find((c) => c.code === '1.2')!.title);
    expect(c12.levels).toEqual([1, 2]);
    expect(c12.summaries).toHaveLength(2);
    expect(c12.summaries[0]).toMatch(/^Mức 1: /);
  });

  test('search ignores diacritics and case, and finds by code', () => {
    const std3 = TT17.standards[2].criteria.map((c) => c.code);
    expect(TT17.standards[2].title).toMatch(/^Cơ sở vật chất/);
    expect(codes(list('co so vat chat'))).toEqual(std3);
    expect(codes(list('CƠ SỞ VẬT CHẤT'))).toEqual(std3);
    expect(codes(list('3.2'))).toEqual(['3.2']);
    expect(codes(list('1.1'))).toEqual(['1.1']);
    expect(codes(list('zzz'))).toEqual([]);
  });

  test('criteria without the picked level are greyed out with the reason', () => {
    const items = list('', { section: 'main', level: 3 } as never).flatMap((g) => g.items);
    const off = items.filter((i) => i.disabled).map((i) => i.code);
    expect(off).toEqual(
      allCriteria(TT17)
        .filter((c) => !c.levels.includes(3))
        .map((c) => c.code),
    );
    expect(items.find((i) => i.code === '1.2')!.disabled).toBe('Tiêu chí 1.2 không có yêu cầu ở Mức 3 (chỉ có Mức 1, Mức 2).');
    expect(items.find((i) => i.code === '3.5')!.disabled).toBeUndefined();
  });

  test('rows already in the table, TT22/2024 notes, unverified titles', async () => {
    const rec = recogniseTables(await openSeed('003').read())[0];
    const items = list('', undefined, criterionRowCounts(rec)).flatMap((g) => g.items);
    expect(items.find((i) => i.code === '1.6')!.rows).toBe(2);
    expect(items.find((i) => i.code === '1.1')!.rows).toBe(0);
    expect(items.find((i) => i.code === '1.5')!.note).toMatch(/Thông tư 22\/2024.*chỉ còn Mức 1/);
    const old = criterionGroups(TT17, { query: '1.5', pick: { section: 'main' }, counts: new Map(), schoolYear: '2023-2024' });
    expect(old[0].items[0].note).toBeUndefined();
    expect(items.filter((i) => i.unverified).map((i) => i.code)).toEqual(
      allCriteria(TT17)
        .filter((c) => c.unverified)
        .map((c) => c.code),
    );
    expect(items.some((i) => i.unverified)).toBe(true);
  });

  test('TT57: the 8 mandatory criteria', () => {
    const tt57 = getCatalog('2026', 'tieu-hoc');
    const items = criterionGroups(tt57, { query: '', pick: { section: 'main', level: 1 }, counts: new Map() }).flatMap(
      (g) => g.items,
    );
    expect(items.filter((i) => i.mandatory).map((i) => i.code)).toEqual(['1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2']);
  });

  test('MỨC 4: the Mức 4 items, searched by number or words', async () => {
    const rec = recogniseTables(await openSeed('003').read())[0];
    const m4 = (query: string) =>
      criterionGroups(TT17, { query, pick: { section: 'm4' }, counts: criterionRowCounts(rec) }).flatMap((g) => g.items);
    expect(m4('').map((i) => [i.key, i.rows])).toEqual([
      ['M4.1', 0],
      ['M4.2', 2],
      ['M4.3', 0],
      ['M4.4', 1],
      ['M4.5', 0],
    ]);
    expect(m4('2').map((i) => i.key)).toEqual(['M4.2']);
    expect(m4('Mức 4.3').map((i) => i.key)).toEqual(['M4.3']);
    expect(m4('thu vien').map((i) => i.key)).toEqual(['M4.3']);
    expect(m4('').every((i) => i.ref.level4 && i.title.length > 10)).toBe(true);
  });
});

describe('form: request, draft, update target, selected row, plan column', () => {
  const fields = async () => {
    const { doc } = await planAndReport();
    const d = readRowsDocument(await doc.read());
    return {
      d,
      plan: d.tables[0],
      report: d.tables[1],
      planFields: rowFormFields(d.tables[0].rec),
      reportFields: rowFormFields(d.tables[1].rec),
    };
  };

  test("the request carries the texts exactly as typed, only this table's fields, no level for Mức 4", async () => {
    const { planFields } = await fields();
    const text = '  <a & b>\n\n"trích" \'đơn\' ]]>\tthụt  ';
    const form: RowForm = {
      ...EMPTY_FORM,
      ref: { code: '1.3' },
      level: 3,
      cells: { target: text, planned: 'khác bảng', note: '' },
    };
    expect(requestOf(form, planFields)).toEqual({ ref: { code: '1.3' }, level: 3, cells: { target: text } });
    expect(requestOf({ ...form, ref: { code: '2', level4: true } }, planFields)?.level).toBeUndefined();
    expect(requestOf({ ...form, ref: undefined }, planFields)).toBeUndefined();
    expect(hasContent(EMPTY_FORM)).toBe(false);
    expect(hasContent({ ...EMPTY_FORM, cells: { note: ' ' } })).toBe(true);
  });

  test('the draft goes into the store beside other keys and comes back the same', () => {
    const form: RowForm = {
      table: 'tag:ctcl:plan-2018:x',
      section: 'main',
      level: 3,
      ref: { code: '3.5' },
      cells: { target: 'Dòng 1\nDòng 2 <&>', note: '' },
      ordinal: 1,
    };
    const draft = draftOf(form, { tag: 'ctcl:plan-2018:x' }, new Date('2026-05-17T03:04:05Z'));
    const store: DocumentStore = { version: 1, ignored: ['a'], profile: { school: 'X' } };
    const saved = withDraft(store, draft);
    expect(saved).toEqual({ ...store, [DRAFT_KEY]: draft });
    // Through JSON, as the store part keeps it.
    const back = parseDraft(JSON.parse(JSON.stringify(saved)) as DocumentStore)!;
    expect(back).toEqual(draft);
    expect(formOfDraft(back, 'tag:ctcl:plan-2018:x')).toEqual(form);
    expect(withDraft(saved, undefined)).toEqual(store);
    expect(parseDraft(EMPTY_STORE)).toBeUndefined();
    expect(sameDraft(draft, { ...draft, updatedAt: 'later' })).toBe(true);
    expect(sameDraft(draft, { ...draft, cells: { target: 'x' } })).toBe(false);
    expect(sameDraft(undefined, undefined)).toBe(true);
    const m4 = draftOf({ ...EMPTY_FORM, section: 'm4', ref: { code: '2', level4: true } }, undefined, new Date(0));
    expect(formOfDraft(parseDraft(withDraft(store, m4))!, undefined).ref).toEqual({ code: '2', level4: true });
  });

  test('the school type chosen by hand is kept in the store as metaOverrides, beside the rest', () => {
    const store: DocumentStore = { version: 1, [META_KEY]: { schoolYear: '2025-2026' }, ignored: ['a'] };
    const saved = withSchoolType(store, 'mam-non');
    expect(saved).toEqual({ version: 1, [META_KEY]: { schoolYear: '2025-2026', schoolType: 'mam-non' }, ignored: ['a'] });
    expect(storedSchoolType(JSON.parse(JSON.stringify(saved)) as DocumentStore)).toBe('mam-non');
    expect(withSchoolType(saved, undefined)[META_KEY]).toEqual({ schoolYear: '2025-2026' });
    expect(storedSchoolType(EMPTY_STORE)).toBeUndefined();
    expect(storedSchoolType({ version: 1, [META_KEY]: { schoolType: 'đại học' } })).toBeUndefined();
    expect(withSchoolType({ version: 1, [META_KEY]: 'rác' }, 'gdtx')[META_KEY]).toEqual({ schoolType: 'gdtx' });
  });

  test('a malformed draft is ignored or cleaned, never thrown', () => {
    for (const bad of [null, 'x', 3, [], { cells: 'x' }]) {
      const d = parseDraft({ version: 1, [DRAFT_KEY]: bad } as DocumentStore);
      if (d) expect(d).toMatchObject({ table: {}, cells: {}, ordinal: 0, section: 'main' });
    }
    const d = parseDraft({
      version: 1,
      [DRAFT_KEY]: { table: { tag: 5, table: -1 }, ref: 'rác', level: 7, cells: { a: 'x', b: 3 }, ordinal: 1.5 },
    } as DocumentStore)!;
    expect(d).toEqual({
      table: {},
      ref: undefined,
      level: undefined,
      section: 'main',
      cells: { a: 'x' },
      ordinal: 0,
      updatedAt: '',
    });
  });

  test('"Cập nhật": the row the domain would replace, its rows, and the other levels', async () => {
    const rec = recogniseTables(await openSeed('003').read())[0];
    const f = rowFormFields(rec);
    const t = updateTarget(rec, { code: '1.6' }, undefined, f)!;
    expect(t.rows.map((r) => r.ordinal)).toEqual([0, 1]);
    expect(t.rows[0].label).toMatch(/^Dòng 1 \(có tên tiêu chí\): Ứng dụng công nghệ thông tin/);
    expect(t.rows[1].label).toMatch(/^Dòng 2: /);
    expect(t.relabel).toBeUndefined();
    expect(updateTarget(rec, { code: '1.1' }, undefined, f)).toBeUndefined();
    // Writing it for a level rewrites its label.
    expect(updateTarget(rec, { code: '1.6' }, 2, f)!.relabel).toBe(
      'Dòng này đang không ghi mức; «Cập nhật» sẽ ghi lại thành (mức 2).',
    );
    // 3.5 at mức 3 and without a level: each reachable by its own level.
    const { plan, planFields } = await fields();
    const at3 = updateTarget(plan.rec, { code: '3.5' }, 3, planFields)!;
    expect(at3.entry.level).toBe(3);
    expect(at3.otherLevels).toEqual([undefined]);
    expect(updateTarget(plan.rec, { code: '3.5' }, undefined, planFields)!.entry.cells.actions).toBe('Giải pháp 3.5 mức 3');
  });

  test('what "Cập nhật" would erase, and the texts of a row for the form', async () => {
    const { plan, planFields } = await fields();
    const t = updateTarget(plan.rec, { code: '1.2' }, 2, planFields)!;
    const names = (req: RowRequest) => clearedFields(t, 0, planFields, req).map((f) => f.key);
    expect(names({ ref: { code: '1.2' }, cells: { note: 'x' } })).toEqual(['target', 'actions']);
    expect(names({ ref: { code: '1.2' }, cells: { target: 'a', actions: 'b' } })).toEqual([]);
    expect(rowTexts(t.entry, 0, planFields)).toEqual({ target: 'Kết quả 1.2', actions: 'Giải pháp 1.2\n– dòng hai' });
  });

  test('"Lấy dòng đang chọn": the row the cursor is in, or why not', async () => {
    const model = await openSeed('003').read();
    const tables = readRowsDocument(model).tables;
    const fieldsOf = (c: (typeof tables)[number]) => rowFormFields(c.rec);
    const rec = tables[0].rec;
    const e16 = rec.entries.find((e) => e.kind === 'criterion' && e.ref.code === '1.6');
    if (e16?.kind !== 'criterion') throw new Error();
    const second = loadSelectedRow(tables, { ...e16.rows[1], cell: 3 }, fieldsOf, { ...EMPTY_FORM, cells: { target: 'cũ' } });
    if (!second.ok) throw new Error(second.message);
    expect(second.form).toMatchObject({ table: 'table:0', section: 'main', ref: { code: '1.6' }, level: undefined, ordinal: 1 });
    expect(second.form.cells).toEqual(rowTexts(e16, 1, fieldsOf(tables[0])));
    expect(second.form.cells.actions).toBe(e16.rowCells[1].actions);
    const m4 = rec.entries.find((e) => e.kind === 'criterion' && e.ref.level4);
    if (m4?.kind !== 'criterion') throw new Error();
    const item = loadSelectedRow(tables, m4.at, fieldsOf, EMPTY_FORM);
    expect(item.ok && item.form).toMatchObject({ section: 'm4', ref: { code: '2', level4: true }, ordinal: 0 });

    const why = (at: Parameters<typeof loadSelectedRow>[1]) => {
      const r = loadSelectedRow(tables, at, fieldsOf, EMPTY_FORM);
      return r.ok ? '' : r.message;
    };
    expect(why(undefined)).toMatch(/^Con trỏ chưa ở trong bảng/);
    expect(why({ table: 0, row: 0, cell: 1 })).toMatch(/không phải dòng tiêu chí/);
    const std = rec.entries.find((e) => e.kind === 'standard')!;
    expect(why(std.at)).toMatch(/không phải dòng tiêu chí/);
    expect(why({ table: 7, row: 0 })).toMatch(/không phải bảng kế hoạch/);
  });

  test('a second row of the same criterion and level cannot be updated from the form (only the first is reachable)', async () => {
    const doc = DocxDocument.blank(parseXml);
    const { tag } = await doc.insertTable(spec('plan-2018'));
    for (const t of ['một', 'hai']) {
      await doc.editTable({ tag }, (rec) => planAddRow(rec, TT17, { ref: { code: '1.1' }, cells: { target: t } }));
    }
    const tables = readRowsDocument(await doc.read()).tables;
    const entries = tables[0].rec.entries.filter((e) => e.kind === 'criterion');
    const r = loadSelectedRow(tables, entries[1].at, (c) => rowFormFields(c.rec), EMPTY_FORM);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/chỉ dòng đầu tiên sửa được/);
    expect(loadSelectedRow(tables, entries[0].at, (c) => rowFormFields(c.rec), EMPTY_FORM).ok).toBe(true);
  });

  test("a report's plan column comes from the plan table, never over what the user typed", async () => {
    const { d, reportFields } = await fields();
    const p = d.plan;
    expect(planContent(p, { code: '3.5' }, 3)).toBe('Giải pháp 3.5 mức 3');
    expect(planContent(p, { code: '3.5' }, undefined)).toBe('Giải pháp 3.5');
    expect(planContent(p, { code: '3.5' }, 1)).toBe('Giải pháp 3.5');
    expect(planContent(p, { code: '1.2' }, 3)).toBe('Giải pháp 1.2\n– dòng hai');
    expect(planContent(p, { code: '1.1' }, undefined)).toBeUndefined();
    expect(planContent(undefined, { code: '1.2' }, undefined)).toBeUndefined();

    const empty = { done: 'đã làm' };
    expect(prefillFromPlan(empty, reportFields, p, { code: '1.2' }, 2)).toEqual({
      done: 'đã làm',
      planned: 'Giải pháp 1.2\n– dòng hai',
    });
    const typed = { planned: 'Tôi tự gõ' };
    expect(prefillFromPlan(typed, reportFields, p, { code: '1.2' }, 2)).toBe(typed);
    // Choosing another criterion replaces what the plan gave the previous one, not what was typed.
    const prev = { planned: 'Giải pháp 1.2\n– dòng hai' };
    expect(prefillFromPlan(prev, reportFields, p, { code: '3.5' }, 3, { ref: { code: '1.2' }, level: 2 })).toEqual({
      planned: 'Giải pháp 3.5 mức 3',
    });
    expect(prefillFromPlan(prev, reportFields, p, { code: '1.1' }, undefined, { ref: { code: '1.2' }, level: 2 })).toEqual({
      planned: '',
    });
    expect(prefillFromPlan(typed, reportFields, p, { code: '3.5' }, 3, { ref: { code: '1.2' } })).toBe(typed);
    // A plan table has no plan column to fill.
    const { planFields } = await fields();
    expect(prefillFromPlan(empty, planFields, p, { code: '1.2' }, 2)).toBe(empty);
  });
});
