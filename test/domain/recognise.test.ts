import { getCatalog } from '../../src/domain/catalog';
import { getForm, type FormId } from '../../src/domain/forms';
import { readDocument } from '../../src/domain/ooxml/reader';
import { documentElement, paragraph } from '../../src/domain/ooxml/writer';
import { buildTable } from '../../src/domain/table/render';
import { serialize, type XElement, type XNode } from '../../src/domain/ooxml/xml';
import { headingScore } from '../../src/domain/table/headings';
import { initialRows } from '../../src/domain/table/model';
import {
  criteriaBySection,
  criterionEntries,
  parseCriterionLabel,
  parseSectionLabel,
  recogniseTables,
} from '../../src/domain/table/recognise';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

async function seed(n: string) {
  return recogniseTables(await openSeed(n).read());
}

describe('recognising the seed documents', () => {
  test('000: report, one MỨC 1, 2, 3 section, split row of 1.3 kept with it, Mức 4 statement', async () => {
    const [r] = await seed('000');
    expect(r.form.id).toBe('report-2018');
    expect(criteriaBySection(r)).toEqual({ 'MỨC 1, 2, 3': ['1.1', '1.3', '1.5', '2.4', '3.5', '3.6', '5.5'] });
    const c13 = criterionEntries(r).find((e) => e.ref.code === '1.3')!;
    expect(c13.rows).toHaveLength(2);
    expect(c13.cells.done).toMatch(/Kết quả năm\n2021 kết nạp được 01 đảng viên\./);
    const m4 = r.entries.find((e) => e.kind === 'section' && e.section === 'm4');
    expect(m4).toMatchObject({ statement: 'Trường không có kế hoạch cải tiến vì không đạt.' });
    expect(r.headingYears).toEqual([{ start: 2021, end: 2022 }]);
  });

  test('001: separate MỨC 1 and MỨC 2 blocks, standard rows without TT', async () => {
    const [r] = await seed('001');
    expect(criteriaBySection(r)).toEqual({
      'MỨC 1': ['1.2', '1.7', '2.2', '2.3', '3.1', '3.2'],
      'MỨC 2': ['1.4', '1.8', '1.9', '3.4', '3.5'],
    });
    expect(r.entries.filter((e) => e.kind === 'empty')).toHaveLength(3);
  });

  test('002: "MỨC 1, 2, 3: Mức 2" and "Mức 4: không"', async () => {
    const [r] = await seed('002');
    expect(r.entries.find((e) => e.kind === 'section')).toMatchObject({ section: 'm123', statement: 'Mức 2' });
    expect(r.entries.filter((e) => e.kind === 'section').map((e) => e.kind === 'section' && e.statement)).toEqual([
      'Mức 2',
      'không',
    ]);
    expect(criteriaBySection(r)).toEqual({ 'MỨC 1, 2, 3': ['1.7', '2.1', '3.4', '3.6'] });
  });

  test('003: plan with two rows for 1.6, split rows, Mức 4 items numbered on their own', async () => {
    const [r] = await seed('003');
    expect(r.form.id).toBe('plan-2018');
    expect(criteriaBySection(r)).toEqual({
      'MỨC 1, 2, 3': ['1.6', '1.10', '2.2', '2.3', '2.4', '3.2', '3.5', '4.2', '5.5'],
      'MỨC 4': ['2', '4'],
    });
    const entries = criterionEntries(r);
    expect(entries.find((e) => e.ref.code === '1.6')!.rows).toHaveLength(2);
    expect(entries.find((e) => e.ref.code === '2.3')!.cells.actions).toMatch(/thời\ngian, sức khỏe/);
    expect(entries.filter((e) => e.ref.level4).map((e) => e.ref.code)).toEqual(['2', '4']);
  });

  test('004: a report without the TT heading is still a report; columns placed by position', async () => {
    const [r] = await seed('004');
    expect(r.form.kind).toBe('report');
    expect(r.missing).toEqual([]);
    expect(r.columns.filter((c) => c.inferred).map((c) => c.key)).toEqual(['tt', 'notStarted']);
    const entries = criterionEntries(r);
    expect(entries.map((e) => [e.ref.code, e.level])).toEqual([
      ['1.3', 3],
      ['1.5', 3],
      ['3.1', 3],
    ]);
    expect(entries[2].cells.notStarted).toBe('Do chưa đủ kinh phí nên việc mua sắm.');
  });
});

function tableXml(form: FormId, mutate?: (tbl: XElement) => void, year = '2025-2026'): XElement {
  const f = getForm(form);
  const cat = getCatalog(f.framework, 'tieu-hoc');
  const tbl = buildTable({
    form,
    framework: f.framework,
    schoolType: 'tieu-hoc',
    schoolYear: year,
    groupByLevel: false,
    rows: initialRows(f, cat, { start: 'all' }),
  });
  mutate?.(tbl);
  return tbl;
}

function recognise(blocks: XElement[]) {
  return recogniseTables(readDocument(parseXml(serialize(documentElement(blocks)))));
}

/** Replace every heading text in the header rows. */
function rewriteHeadings(tbl: XElement, f: (s: string) => string): void {
  const rows = tbl.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tr').slice(0, 2);
  const walk = (n: XNode): void => {
    if (n.t === 'x') n.v = f(n.v);
    else if (n.t === 'e') n.children.forEach(walk);
  };
  rows.forEach(walk);
}

describe('tolerant heading recognition', () => {
  test.each([
    [
      'abbreviations',
      (s: string) =>
        s
          .replace('Kế hoạch', 'KH')
          .replace('xây dựng', 'XD')
          .replace('chất lượng', 'CL')
          .replace(/^Nội dung/, 'ND'),
    ],
    ['upper case and extra spaces', (s: string) => s.toUpperCase().replace(/ /g, '   ')],
    ['decomposed Unicode (NFD)', (s: string) => s.normalize('NFD')],
    ['one-letter typos', (s: string) => (s.length > 12 ? s.slice(0, 5) + s.slice(6) : s)],
    ['another year in the heading', (s: string) => s.replace('2025-2026', '2019 – 2020')],
  ])('report-2018 with %s is still recognised with all columns', (_name, f) => {
    const [r] = recognise([tableXml('report-2018', (t) => rewriteHeadings(t, f))]);
    expect(r?.form.kind).toBe('report');
    expect(r.missing).toEqual([]);
    expect(r.columns.every((c) => !c.inferred)).toBe(true);
  });

  test('each form is told apart from the others', () => {
    for (const id of ['plan-2018', 'plan-2026', 'monitoring-2026'] as FormId[]) {
      const year = id.endsWith('2026') ? '2026-2027' : '2025-2026';
      expect(recognise([tableXml(id, undefined, year)])[0].form.id).toBe(id);
    }
    // Same headings: the 2026 report is told from the 2018 one by its body (tag aside).
    const r26 = recognise([tableXml('report-2026', undefined, '2026-2027')])[0];
    expect(r26.form.id).toBe('report-2026');
  });

  test('a table continued on the next page without heading rows is one table', () => {
    const full = tableXml('plan-2018');
    const rows = full.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tr');
    const keep = full.children.filter((c) => !(c.t === 'e' && c.name === 'w:tr'));
    const first: XElement = { ...full, children: [...keep, ...rows.slice(0, 15)] };
    const second: XElement = { ...full, children: [...keep, ...rows.slice(15)] };
    const recs = recognise([first, paragraph(''), second]);
    expect(recs).toHaveLength(1);
    expect(recs[0].parts).toHaveLength(2);
    expect(criteriaBySection(recs[0])['MỨC 1, 2, 3']).toHaveLength(27);
  });

  test('unrelated tables are not recognised', () => {
    const other = tableXml('plan-2018', (t) => rewriteHeadings(t, (s) => (s.trim() ? 'Cột ' + s.length : s)));
    expect(recognise([other])).toEqual([]);
  });

  test('heading scores: exact 1, abbreviations 1, unrelated 0', () => {
    expect(headingScore('ND KH cải tiến CL được XD đầu năm', 'ND Kế hoạch cải tiến chất lượng được xây dựng đầu năm')).toBe(1);
    expect(headingScore('Ghi chú', 'Kết quả thực hiện')).toBe(0);
  });
});

describe('body labels', () => {
  test.each([
    ['MỨC 1, 2, 3', 'm123', undefined],
    ['MỨC  1', 'm1', undefined],
    ['Mức 2', 'm2', undefined],
    ['MỨC 1, 2, 3: Mức 2', 'm123', 'Mức 2'],
    ['Mức 4: không', 'm4', 'không'],
    ['MỨC 4', 'm4', undefined],
  ])('section %j', (text, section, statement) => {
    expect(parseSectionLabel(text)).toEqual({ section, statement });
  });

  test.each([
    [['Tiêu chí 1.3'], false, { code: '1.3' }, undefined],
    [['Tiêu chí 1.3', '(mức 3)'], false, { code: '1.3' }, 3],
    [['Tiêu chí 1.10: Quản lý …'], false, { code: '1.10' }, undefined],
    [['tiêu chí 2'], true, { code: '2', level4: true }, undefined],
    [['Tiêu chí 2 (Mức 4)'], false, { code: '2', level4: true }, undefined],
    [['', 'Tiêu chí 2.1', ''], false, { code: '2.1' }, undefined],
    [['Tiêu chí 1.3 (mức 2)'.normalize('NFD')], false, { code: '1.3' }, 2],
  ])('criterion %j', (paras, inM4, ref, level) => {
    const p = parseCriterionLabel(paras, inM4);
    expect(p?.ref).toEqual(ref);
    expect(p?.level).toBe(level);
  });
});
