import { compareCodes, getCatalog } from '../../src/domain/catalog';
import { checkDocument, planFromTables } from '../../src/domain/check';
import { readDocument } from '../../src/domain/ooxml/reader';
import { documentElement, paragraph } from '../../src/domain/ooxml/writer';
import { buildTable } from '../../src/domain/table/render';
import { serialize } from '../../src/domain/ooxml/xml';
import { criterionEntries, criteriaBySection, recogniseTables } from '../../src/domain/table/recognise';
import {
  NO_OFFICIAL_MAPPING,
  reportFromPlan,
  rollForward,
  rolledSpec,
  saysNothing,
  shiftYears,
  suggestTT57,
  UNASSIGNED_MARK,
} from '../../src/domain/year';
import {
  parseTemplate,
  planSourceFromTemplate,
  serializeTemplate,
  specFromTemplate,
  templateFromTable,
  TEMPLATE_VERSION,
  TemplateError,
} from '../../src/domain/year/templates';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';
import { layoutRows, type TableSpec } from '../../src/domain/table/model';

function docOf(spec: TableSpec, title: string[]) {
  return readDocument(parseXml(serialize(documentElement([...title.map((t) => paragraph(t)), buildTable(spec)]))));
}

describe('report from plan', () => {
  test('seed 003: one report row per planned criterion, "ND … xây dựng đầu năm" from the plan, the checker passes but for empty results', async () => {
    const [plan] = recogniseTables(await openSeed('003').read());
    const { spec, skipped } = reportFromPlan(plan, { schoolType: 'tieu-hoc', schoolYear: '2021-2022' });
    expect(spec.form).toBe('report-2018');
    expect(skipped).toBe(0);
    const model = docOf(spec, [
      'TRƯỜNG TIỂU HỌC XÃ THANH CHẤN',
      'BÁO CÁO',
      'Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học 2021-2022',
    ]);
    const result = checkDocument(model, { plan: { ...planFromTables([plan])!, origin: 'file', name: '003.docx' } });
    expect(result.criteria).toEqual(criteriaBySection(plan));
    // Besides the results to fill in, the frame the school still writes (date, number, signature: issue 13).
    expect([...new Set(result.findings.map((f) => f.rule))]).toEqual(['empty-result', 'document-frame']);
    expect(result.findings.filter((f) => f.rule === 'empty-result')).toHaveLength(11);
    expect(result.findings.filter((f) => f.rule === 'document-frame').every((f) => f.severity !== 'error')).toBe(true);
    // 1.6 had two plan rows: its report row carries both contents.
    const e16 = criterionEntries(result.tables[0]).find((e) => e.ref.code === '1.6')!;
    expect(e16.cells.planned).toContain('Khai thác hiệu quả các tính năng');
    expect(e16.cells.planned?.split('\n').length).toBeGreaterThan(1);
  });

  test('refuses a table that is not a plan', async () => {
    const [report] = recogniseTables(await openSeed('000').read());
    expect(() => reportFromPlan(report, { schoolType: 'tieu-hoc', schoolYear: '2021-2022' })).toThrow(/không phải bảng kế hoạch/);
  });
});

describe('roll forward', () => {
  test('seed 001 (report 2023-2024): unfinished rows kept and ticked, finished offered unticked, 2023-2024 → 2024-2025', async () => {
    const [rec] = recogniseTables(await openSeed('001').read());
    const r = rollForward({ table: rec, schoolType: 'tieu-hoc', schoolYear: '2023-2024' });
    expect(r).toMatchObject({ fromYear: '2023-2024', toYear: '2024-2025', framework: '2018', form: 'plan-2018', remap: false });
    expect(r.candidates).toHaveLength(11);
    const unfinished = r.candidates.filter((c) => c.selected).map((c) => c.ref.code);
    const finished = r.candidates.filter((c) => c.finished).map((c) => c.ref.code);
    expect(unfinished.length).toBeGreaterThan(0);
    expect(new Set([...unfinished, ...finished]).size).toBe(11);
    // 1.2 has "đang triển khai" work (parents not yet reached online): kept, with that reason.
    const c12 = r.candidates.find((c) => c.ref.code === '1.2')!;
    expect(c12.selected).toBe(true);
    expect(c12.reason).toMatch(/^Chưa xong:/);
    expect(c12.cells.actions).toMatch(/năm học 2024-2025/);
    // Ghi chú is a short note; the unfinished work goes into the content column with what was planned.
    expect(c12.cells.note).toBe('Chuyển tiếp từ năm học 2023-2024');
    expect(c12.cells.target).toMatch(/^Phần chưa hoàn thành năm học 2023-2024: /);
    for (const c of r.candidates) expect((c.cells.note ?? '').length).toBeLessThanOrEqual(40);
    const { spec } = rolledSpec(
      r,
      'tieu-hoc',
      r.candidates.map((_c, index) => ({ index })).filter((p) => r.candidates[p.index].selected),
    );
    expect(spec.schoolYear).toBe('2024-2025');
    const [rolled] = recogniseTables(docOf(spec, ['KẾ HOẠCH', 'năm học 2024-2025']));
    expect(criterionEntries(rolled).map((e) => e.ref.code)).toEqual([...unfinished].sort(compareCodes));
    // Results are cleared: a plan has no result columns.
    expect(rolled.form.kind).toBe('plan');
  });

  test('a TT57 table grouped under MỨC 1 / MỨC 2 rolls into a grouped table, each row at its level («(mức N)»)', () => {
    const catalog = getCatalog('2026', 'tieu-hoc');
    const spec: TableSpec = {
      form: 'plan-2026',
      framework: '2026',
      schoolType: 'tieu-hoc',
      schoolYear: '2026-2027',
      groupByLevel: true,
      rows: layoutRows(
        'plan-2026',
        catalog,
        [
          { ref: { code: '1.1' }, level: 1, cells: { activities: 'Rà soát quy chế' } },
          { ref: { code: '1.2' }, level: 2, cells: { activities: 'Họp hội đồng' } },
        ],
        { groupByLevel: true },
      ),
    };
    const [rec] = recogniseTables(docOf(spec, ['KẾ HOẠCH', 'năm học 2026-2027']));
    expect(rec.groupedByLevel).toBe(true);
    const r = rollForward({ table: rec, schoolType: 'tieu-hoc', schoolYear: '2026-2027' });
    expect(r.groupByLevel).toBe(true);
    const { spec: next } = rolledSpec(
      r,
      'tieu-hoc',
      r.candidates.map((_c, index) => ({ index })),
    );
    expect(next.groupByLevel).toBe(true);
    expect(next.rows.filter((x) => x.kind === 'section').map((x) => x.kind === 'section' && x.section)).toEqual(['m1', 'm2']);
    const [rolled] = recogniseTables(docOf(next, ['KẾ HOẠCH', 'năm học 2027-2028']));
    expect(rolled.groupedByLevel).toBe(true);
    expect(criterionEntries(rolled).map((e) => [e.ref.code, e.level])).toEqual([
      ['1.1', 1],
      ['1.2', 2],
    ]);
  });

  test('a plan rolls into a plan with its texts and dates moved on a year', async () => {
    const [rec] = recogniseTables(await openSeed('003').read());
    const r = rollForward({ table: rec, schoolType: 'tieu-hoc', schoolYear: '2021-2022' });
    expect(r.toYear).toBe('2022-2023');
    const c16 = r.candidates.find((c) => c.ref.code === '1.6')!;
    expect(c16.cells.timeline).toContain('10/2022');
    expect(c16.cells.timeline).toContain('5/2023');
    expect(r.candidates.every((c) => c.selected)).toBe(true);
  });

  test('2018 → TT57: every row marked to be assigned a TT57 criterion, with suggestions and the plain warning', async () => {
    const [rec] = recogniseTables(await openSeed('003').read());
    const r = rollForward({ table: rec, schoolType: 'tieu-hoc', schoolYear: '2025-2026' });
    expect(r).toMatchObject({ toYear: '2026-2027', framework: '2026', form: 'plan-2026', remap: true });
    expect(r.candidates.every((c) => c.needsMapping && c.suggestions.length === 3)).toBe(true);
    const c16 = r.candidates.find((c) => c.ref.code === '1.6')!;
    expect(c16.cells.criterion).toMatch(
      /^Trước đây: Tiêu chí 1\.6: Quản lý hành chính, tài chính và tài sản \(17\/2018\/TT-BGDĐT\)/,
    );
    // Texts go to the TT57 columns of the same meaning, dates moved on.
    expect(c16.cells.goal).toContain('Ứng dụng công nghệ thông tin hiệu quả');
    expect(c16.cells.activities).toContain('Khai thác hiệu quả');
    expect(c16.cells.owner).toContain('Hiệu trưởng - Tổ truyền thông');
    expect(c16.cells.time).toContain('10/2022');
    expect(c16.cells.resources).toMatch(/^(Dự kiến kinh phí|Điều kiện hỗ trợ khác)/m);
    expect(c16.cells.criterion).not.toContain('Khai thác hiệu quả');
    // Assign one row, leave the others: the assigned one is a criterion row, the rest numbered items.
    const { spec, unassigned } = rolledSpec(r, 'tieu-hoc', [{ index: 0, assign: '1.3' }, { index: 1 }, { index: 2 }]);
    expect(unassigned).toBe(2);
    const [rolled] = recogniseTables(docOf(spec, ['KẾ HOẠCH', 'năm học 2026-2027']));
    expect(rolled.form.id).toBe('plan-2026');
    expect(criterionEntries(rolled).map((e) => e.ref.code)).toEqual(['1.3']);
    const items = rolled.entries.filter((e) => e.kind === 'item');
    expect(items).toHaveLength(2);
    expect(items.every((e) => e.kind === 'item' && e.cells.criterion?.startsWith(UNASSIGNED_MARK))).toBe(true);
    expect(NO_OFFICIAL_MAPPING).toMatch(/Không có bảng chuyển đổi chính thức/);
  });

  test('suggestions follow the meaning of the title', () => {
    const tt17 = getCatalog('2018', 'tieu-hoc');
    const tt57 = getCatalog('2026', 'tieu-hoc');
    const teachers = tt17.standards[1].criteria.find((c) => c.code === '2.2')!; // Giáo viên
    expect(suggestTT57(teachers, '', tt57)[0].code).toBe('2.2');
    const facilities = tt17.standards[2].criteria.find((c) => c.code === '3.5')!;
    expect(suggestTT57(facilities, '', tt57)[0].code).toBe('4.1');
  });

  test('helpers: years move on, "Không" says nothing', () => {
    expect(shiftYears('Tháng 10/2021 và hoàn thành tháng 5/2022; năm học 2021 - 2022; năm 2023')).toBe(
      'Tháng 10/2022 và hoàn thành tháng 5/2023; năm học 2022 - 2023; năm 2024',
    );
    expect(shiftYears('Số 17 trang 2021')).toBe('Số 17 trang 2021');
    expect(['Không', 'không có', ' - ', 'Không.', ''].every(saysNothing)).toBe(true);
    expect(saysNothing('Không đủ kinh phí')).toBe(false);
    expect(saysNothing('Không\nKhông')).toBe(true);
    expect(saysNothing('Không\nĐang làm')).toBe(false);
  });
});

describe('templates', () => {
  test('round trip through JSON with a schema version; used for a new year with dates moved', async () => {
    const [plan] = recogniseTables(await openSeed('003').read());
    const t = templateFromTable(plan, {
      name: 'Mẫu KHCT tiểu học',
      schoolType: 'tieu-hoc',
      schoolYear: '2021-2022',
      now: new Date('2026-11-22T00:00:00Z'),
    });
    expect(t.version).toBe(TEMPLATE_VERSION);
    const json = serializeTemplate(t);
    const back = parseTemplate(json);
    expect(back).toEqual(t);
    const spec = specFromTemplate(back, { schoolType: 'tieu-hoc', schoolYear: '2026-2027' });
    expect(spec.schoolYear).toBe('2026-2027');
    const [made] = recogniseTables(docOf(spec, ['KẾ HOẠCH', 'năm học 2026-2027']));
    expect(criteriaBySection(made)).toEqual(criteriaBySection(plan));
    expect(criterionEntries(made).find((e) => e.ref.code === '1.6')!.cells.timeline).toContain('5/2027');
    expect(planSourceFromTemplate(back).items.map((i) => i.ref.code)).toContain('2.3');
  });

  test('a newer unknown version is refused with a clear message; broken files too', () => {
    const base = {
      schema: 'ctcl/plan-template',
      name: 'x',
      createdAt: '2026-01-01',
      framework: '2018',
      form: 'plan-2018',
      rows: [{ criterion: '1.1', cells: {} }],
    };
    expect(() => parseTemplate({ ...base, version: TEMPLATE_VERSION + 1 })).toThrow(/phiên bản ctcl mới hơn.*Hãy cập nhật ctcl/);
    expect(() => parseTemplate('{not json')).toThrow(TemplateError);
    expect(() => parseTemplate({ ...base, version: 1, schema: 'other' })).toThrow(/không phải mẫu kế hoạch của ctcl/);
    expect(() => parseTemplate({ ...base, version: 1, schoolType: 'tieu-hoc', rows: [{ criterion: '2.5', cells: {} }] })).toThrow(
      /Không có tiêu chí 2\.5/,
    );
    expect(() => parseTemplate({ ...base, version: 1, rows: [{ criterion: '1.1', cells: { target: 5 } }] })).toThrow(
      /không phải văn bản/,
    );
    expect(parseTemplate({ ...base, version: 1 }).rows).toEqual([{ criterion: '1.1', cells: {} }]);
  });
});
