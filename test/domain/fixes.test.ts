import { getCatalog } from '../../src/domain/catalog';
import { getForm } from '../../src/domain/forms';
import { checkDocument, planFromDocument, type Finding, type RuleId } from '../../src/domain/check';
import { fixPlanner } from '../../src/domain/check/fixes';
import { readDocument, columnCount } from '../../src/domain/ooxml/reader';
import { documentElement, paragraph } from '../../src/domain/ooxml/writer';
import { buildTable } from '../../src/domain/table/render';
import { serialize, type XElement } from '../../src/domain/ooxml/xml';
import { initialRows } from '../../src/domain/table/model';
import { criterionEntries, recogniseTables } from '../../src/domain/table/recognise';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

/** Apply a finding's fix through the .docx backend and check the document again after a save. */
async function applyFix(doc: DocxDocument, f: Finding) {
  const before = checkDocument(await doc.read());
  const catalog = getCatalog(before.meta.framework!, before.meta.schoolType!);
  const result = await doc.editTable(
    { table: f.location.table },
    fixPlanner(f.fix!, { catalog, schoolYear: before.meta.schoolYear }),
  );
  const reopened = DocxDocument.open(doc.toBytes(), parseXml);
  return { result, after: checkDocument(await reopened.read()), reopened };
}

function only(findings: readonly Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

describe('fixes', () => {
  test('write-heading fills the empty heading cells of seed 004', async () => {
    const doc = openSeed('004');
    for (let i = 0; i < 2; i++) {
      const f = only(checkDocument(await doc.read()).findings, 'missing-heading')[0];
      await applyFix(doc, f);
    }
    const after = checkDocument(await DocxDocument.open(doc.toBytes(), parseXml).read());
    expect(only(after.findings, 'missing-heading')).toEqual([]);
    expect(after.tables[0].columns.every((c) => !c.inferred)).toBe(true);
    expect(after.tables[0].missing).toEqual([]);
  });

  test('write-standard-title writes the official title (seed 000, Tiêu chuẩn 5), TT kept', async () => {
    const doc = openSeed('000');
    const f = only(checkDocument(await doc.read()).findings, 'standard-title-mismatch').find((x) => x.severity === 'error')!;
    const { after } = await applyFix(doc, f);
    expect(only(after.findings, 'standard-title-mismatch').map((x) => x.message)).toEqual([
      expect.stringContaining('Tiêu chuẩn 2'),
    ]);
    const std5 = after.tables[0].entries.find((e) => e.kind === 'standard' && e.standard === 5);
    expect(std5).toMatchObject({ title: 'Hoạt động giáo dục và kết quả giáo dục', tt: '4' });
  });

  test('add-column inserts the missing column with its heading, widening merged rows; the table reads as complete', async () => {
    const tbl = buildTable({
      form: 'report-2018',
      framework: '2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      groupByLevel: false,
      rows: initialRows(getForm('report-2018'), getCatalog('2018', 'tieu-hoc'), {
        start: 'selected',
        selected: [{ code: '1.1' }],
      }),
    });
    // Remove the "chưa triển khai" column (grid column 6) from the table entirely.
    const grid = tbl.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:tblGrid')!;
    grid.children.splice(6, 1);
    for (const tr of tbl.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tr')) {
      const tcs = tr.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tc');
      const span = (tc: XElement) => {
        const pr = tc.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:tcPr')!;
        return pr.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:gridSpan');
      };
      if (tcs.length === 8) tr.children.splice(tr.children.indexOf(tcs[6]), 1);
      else {
        // Header row 1 ("Kết quả thực hiện" spans 3) and merged level/standard rows lose one column.
        const wide = tcs.find((tc) => Number(span(tc)?.attrs['w:val'] ?? 1) >= 3 && tcs.length === 5) ?? tcs[tcs.length - 1];
        const s = span(wide);
        if (s) s.attrs['w:val'] = String(Number(s.attrs['w:val']) - 1);
      }
    }
    const doc = DocxDocument.blank(parseXml, 'x.docx', [
      paragraph('BÁO CÁO'),
      paragraph('Kết quả … năm học 2025-2026'),
      paragraph('TRƯỜNG TIỂU HỌC KIM ĐỒNG'),
      tbl,
    ]);
    const before = checkDocument(await doc.read());
    const f = only(before.findings, 'missing-column')[0];
    expect(f.message).toContain('Những công việc chưa triển khai');
    const { after, reopened } = await applyFix(doc, f);
    expect(only(after.findings, 'missing-column')).toEqual([]);
    const rec = after.tables[0];
    expect(rec.form.id).toBe('report-2018');
    expect(rec.columns.map((c) => [c.key, c.col, c.inferred])).toContainEqual(['notStarted', 6, false]);
    const t = (await reopened.read()).tables[0];
    expect(columnCount(t)).toBe(8);
    expect(t.grid).toHaveLength(8);
    // The group heading now spans three columns again.
    expect(t.rows[0].cells.find((c) => c.text === 'Kết quả thực hiện')?.span).toBe(3);
  });

  test('add-planned-rows adds the criteria of the plan (seed 003) that the report lacks, with the plan content', async () => {
    const plan = planFromDocument(await openSeed('003').read(), '003.docx')!;
    const tbl = buildTable({
      form: 'report-2018',
      framework: '2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2021-2022',
      groupByLevel: false,
      rows: [
        { kind: 'section', section: 'm123' },
        { kind: 'standard', standard: 1, title: getCatalog('2018', 'tieu-hoc').standards[0].title },
        { kind: 'criterion', ref: { code: '1.6' }, cells: { planned: 'x', done: 'y' } },
      ],
    });
    const doc = DocxDocument.blank(parseXml, 'r.docx', [
      paragraph('TRƯỜNG TIỂU HỌC THANH CHẤN'),
      paragraph('BÁO CÁO'),
      paragraph('năm học 2021-2022'),
      tbl,
    ]);
    const before = checkDocument(await doc.read(), { plan });
    const f = only(before.findings, 'unreported-criterion')[0];
    const catalog = getCatalog('2018', 'tieu-hoc');
    await doc.editTable({ table: 0 }, fixPlanner(f.fix!, { catalog, schoolYear: '2021-2022', plan }));
    const after = checkDocument(await DocxDocument.open(doc.toBytes(), parseXml).read(), { plan });
    expect(only(after.findings, 'unreported-criterion')).toEqual([]);
    // The new rows are in order, under their standards, with empty results (which the checker reports).
    expect(after.criteria).toEqual({
      'MỨC 1, 2, 3': ['1.6', '1.10', '2.2', '2.3', '2.4', '3.2', '3.5', '4.2', '5.5'],
      'MỨC 4': ['2', '4'],
    });
    expect(only(after.findings, 'empty-result')).toHaveLength(10);
    const e22 = criterionEntries(after.tables[0]).find((e) => e.ref.code === '2.2')!;
    expect(e22.cells.planned).toContain('05 GV học tập');
  });

  test('write-criterion-title replaces a wrong title and keeps the level', async () => {
    const model = readDocument(parseXml(serialize(documentElement([paragraph('x')]))));
    expect(model.tables).toHaveLength(0);
    const doc = DocxDocument.blank(parseXml);
    await doc.insertTable({
      form: 'plan-2018',
      framework: '2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      groupByLevel: false,
      rows: [
        { kind: 'section', section: 'm123' },
        { kind: 'standard', standard: 1, title: 'Tổ chức và quản lý nhà trường' },
        { kind: 'criterion', ref: { code: '1.1' }, level: 3, cells: { target: 'a' } },
      ],
    });
    // Corrupt the title as a user might.
    const body = doc.body();
    const walk = (n: XElement): void => {
      for (const c of n.children) {
        if (c.t === 'x' && c.v.startsWith('Tiêu chí 1.1:')) c.v = 'Tiêu chí 1.1: Chiến lược phát triển';
        else if (c.t === 'e') walk(c);
      }
    };
    walk(body);
    doc.touch();
    const f = only(
      checkDocument(await doc.read(), { overrides: { schoolType: 'tieu-hoc', schoolYear: '2025-2026' } }).findings,
      'criterion-title-mismatch',
    )[0];
    await doc.editTable({ table: 0 }, fixPlanner(f.fix!, { catalog: getCatalog('2018', 'tieu-hoc') }));
    const [rec] = recogniseTables(await DocxDocument.open(doc.toBytes(), parseXml).read());
    const e = criterionEntries(rec)[0];
    expect(e.title).toBe('Phương hướng, chiến lược xây dựng và phát triển nhà trường');
    expect(e.level).toBe(3);
    expect(e.cells.target).toBe('a');
  });
});
