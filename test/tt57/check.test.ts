/**
 * The checker on Biểu 2: documents schools write themselves (LibreOffice-made fixtures, test/fixtures/tt57), the
 * criterion-grouped plan-2026 tables this product wrote before, and plans written by our writer; every TT57 rule
 * positive and negative, and the review dates (nothing missing before 15/01, Cuối học kỳ I from then, Cuối năm học
 * and column (10) from 31/05 of the end year).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, type CheckOptions, type Finding, type RuleId } from '../../src/domain/check';
import { resolveNewDocument } from '../../src/domain/documents/new-document';
import { readDocument, type DocModel } from '../../src/domain/ooxml/reader';
import { documentElement, paragraph } from '../../src/domain/ooxml/writer';
import { buildTable } from '../../src/domain/table/render';
import type { BodyRow } from '../../src/domain/table/model';
import { plan2026Blocks } from '../../src/domain/tt57/document';
import { addItem, addProblem, emptyPlan, seedPlan, setReview, type Tt57Plan } from '../../src/domain/tt57/plan';
import { criteriaNamedIn } from '../../src/domain/tt57/read';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { FIXTURES } from '../helpers';

async function fixture(name: string): Promise<DocModel> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'tt57', `${name}.docx`)));
  return DocxDocument.open(bytes, parseXml, `${name}.docx`).read();
}

const PROFILE = {
  schoolName: 'Trường Tiểu học Kim Đồng',
  parentBody: 'UBND phường Kim Đồng',
  place: 'Kim Đồng',
  abbreviation: 'THKĐ',
  principal: 'Trần Thị Mai',
  signerTitle: 'HIỆU TRƯỞNG',
  recipients: ['Lưu: VT'],
};

/** A whole Biểu 2 from our writer, dated `date` in its header. */
function written(plan: Tt57Plan, date = { day: 5, month: 9, year: 2026 }): DocModel {
  return readDocument(documentElement(plan2026Blocks(plan, { profile: PROFILE, date })));
}

const asOf = (y: number, m: number, d: number): CheckOptions => ({ asOf: new Date(y, m - 1, d) });
const of = (findings: readonly Finding[], rule: RuleId) => findings.filter((f) => f.rule === rule);

/** Two problems, three items linked to them, every cell filled except column (10). */
function sample(): Tt57Plan {
  let p = emptyPlan('tieu-hoc', '2026-2027');
  p = addProblem(p, { criteria: ['1.3'], situation: 'Hồ sơ rời', weakness: 'Chưa số hóa', cause: 'Thiếu phần mềm' });
  p = addProblem(p, { criteria: ['4.2'], situation: 'Sân hẹp', weakness: 'Thiếu an toàn', cause: 'Kinh phí' });
  const full = {
    goal: 'Đạt',
    activities: 'Làm',
    indicator: '100%',
    time: 'Tháng 10/2026',
    owner: 'Hiệu trưởng',
    resources: 'Ngân sách',
  };
  p = addItem(p, { problems: ['p1'], content: 'Số hóa hồ sơ', ...full });
  p = addItem(p, { problems: ['p1'], content: 'Tập huấn', ...full });
  p = addItem(p, { problems: ['p2'], content: 'Cải tạo sân', ...full });
  return p;
}

describe('reading Biểu 2 as schools write it (LibreOffice-made fixtures)', () => {
  test('TH Kim Đồng: abbreviated headings, a number row of its own, criteria named in column (2), the TT | Thời điểm variant of mục VI', async () => {
    const r = checkDocument(await fixture('th-kim-dong-2026-2027'));
    expect(r.meta).toMatchObject({ schoolType: 'tieu-hoc', schoolYear: '2026-2027', framework: '2026', documentKind: 'plan' });
    expect(r.tables.map((t) => t.form.id)).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
    const plan = r.tt57!.plan;
    expect(plan.problems.map((p) => [p.standard, p.criteria])).toEqual([
      [1, ['1.3']],
      [2, ['2.2']],
      [4, ['4.2']],
    ]);
    expect(plan.items.map((i) => [i.number, i.criteria, i.problems, i.status])).toEqual([
      [1, ['1.3'], ['p1'], 'Hoàn thành'],
      [2, ['2.2'], ['p2'], 'Đang thực hiện'],
      [3, ['1.3'], ['p1'], ''],
    ]);
    expect(plan.items[0]).toMatchObject({
      content: 'Tiêu chí 1.3: Số hóa hồ sơ học sinh',
      owner: 'Phó hiệu trưởng',
      time: 'Tháng 9/2026 - tháng 12/2026',
    });
    expect(plan.reviews[0]).toMatchObject({
      when: 'term1',
      result: '1/3 hoàn thành, 1 đang thực hiện',
      reviewer: 'Hội đồng tự đánh giá',
    });
    // Dated 20/01/2027: the Cuối học kỳ I review is due and written; the year end is not due.
    const rules = new Set(r.findings.map((f) => f.rule));
    for (const q of [
      'missing-status',
      'empty-monitoring',
      'unknown-criterion',
      'criterion-title-mismatch',
      'missing-label',
      'empty-cell',
    ])
      expect(rules).not.toContain(q);
    expect(of(r.findings, 'problem-without-action').map((f) => [f.severity, f.criterion, f.location.row])).toEqual([
      ['warning', '4.2', 3],
    ]);
    expect(r.criteria).toEqual({ 'MỨC 1, 2': ['1.3', '2.2', '4.2'] });
  });

  test('MN Hoa Mi, dated after the year: column (10) and the Cuối năm học row missing, an unknown code, a row still to assign, late time, no owner', async () => {
    const r = checkDocument(await fixture('mn-hoa-mi-2026-2027'));
    expect(r.meta).toMatchObject({ schoolType: 'mam-non', schoolYear: '2026-2027' });
    const f = r.findings;
    expect(of(f, 'unknown-criterion').map((x) => [x.severity, x.criterion])).toEqual([['error', '5.1']]);
    expect(of(f, 'missing-status').map((x) => [x.severity, x.criterion, x.location.column])).toEqual([['error', '5.1', 9]]);
    expect(of(f, 'empty-monitoring').map((x) => [x.severity, x.message])).toEqual([
      ['warning', expect.stringContaining('Cuối năm học')],
    ]);
    expect(of(f, 'unassigned-criterion').map((x) => x.location.row)).toEqual([3]);
    expect(of(f, 'empty-cell').map((x) => x.message)).toEqual([expect.stringContaining('Đơn vị/cá nhân phụ trách (7)')]);
    expect(of(f, 'time-outside-year').map((x) => x.message)).toEqual([expect.stringContaining('9/2028')]);
    expect(of(f, 'problem-without-action').map((x) => x.criterion)).toEqual(['4.1']);
    expect(r.criteria).toEqual({ 'MỨC 1, 2': ['3.2', '3.4', '4.1', '5.1'] });
    // A Biểu 2 is dated again at its year-end review: June of the end year is not a year mismatch.
    expect(of(f, 'year-mismatch')).toEqual([]);
  });

  test('criteria named inside column (2): «Tiêu chí 1.3: …», «… (TC 1.3)», «tiêu chí 1.3 và 2.2», never a bare number', () => {
    expect(criteriaNamedIn('Tiêu chí 1.3: Số hóa')).toEqual(['1.3']);
    expect(criteriaNamedIn('Bồi dưỡng giáo viên (TC 2.2)')).toEqual(['2.2']);
    expect(criteriaNamedIn('theo tiêu chí 1.3 và 2.2; TC4.1')).toEqual(['1.3', '2.2', '4.1']);
    expect(criteriaNamedIn('Tiêu chí 1.3, 1.4: quản lý')).toEqual(['1.3', '1.4']);
    expect(criteriaNamedIn('Đạt 1.5 triệu đồng, tỉ lệ 2.3%')).toEqual([]);
    // Where a rolled row came from names a 2018 criterion, not a TT57 one.
    expect(criteriaNamedIn('Tiêu chí 1.3: Trước đây: Tiêu chí 1.6: Quản lý hành chính\nTrước đây: Tiêu chí 2.1')).toEqual([
      '1.3',
    ]);
  });
});

describe('the criterion-grouped plan-2026 tables ctcl wrote before', () => {
  test('are read as items; column (2) is never compared with the catalog title', () => {
    const doc = resolveNewDocument({
      form: 'plan-2026',
      schoolType: 'thcs-thpt',
      schoolYear: '2026-2027',
      criteria: 'none',
      groupByLevel: true,
    });
    const rows: BodyRow[] = [
      { kind: 'section', section: 'm1' },
      { kind: 'standard', standard: 1, title: doc.catalog.standards[0].title },
      {
        kind: 'criterion',
        ref: { code: '1.3' },
        level: 1,
        cells: { criterion: 'Số hóa hồ sơ', goal: 'Đạt', activities: 'Làm', indicator: 'x', time: 'Tháng 10/2026', owner: 'HT' },
      },
      { kind: 'section', section: 'm2' },
      { kind: 'standard', standard: 2, title: doc.catalog.standards[1].title },
      {
        kind: 'criterion',
        ref: { code: '2.2' },
        level: 2,
        cells: { activities: 'Bồi dưỡng', time: 'Tháng 11/2026', owner: 'Tổ trưởng' },
      },
    ];
    const tbl = buildTable({ ...doc.spec, rows });
    // The school rewrote the label of 2.2 in its own words: no title finding.
    const model = readDocument(
      documentElement([
        paragraph('TRƯỜNG THCS LÊ LỢI'),
        paragraph('KẾ HOẠCH'),
        paragraph('Cải tiến chất lượng giáo dục năm học 2026-2027'),
        tbl,
      ]),
    );
    const r = checkDocument(model, asOf(2026, 10, 1));
    expect(r.tt57!.plan.items.map((i) => [i.number, i.criteria, i.content.split('\n')[0]])).toEqual([
      [1, ['1.3'], 'Tiêu chí 1.3: Quản lý kế hoạch, nguồn lực, thông tin và dữ liệu'],
      [2, ['2.2'], 'Tiêu chí 2.2: Giáo viên'],
    ]);
    expect(r.findings.filter((f) => /title-mismatch/.test(f.rule))).toEqual([]);
    expect(r.criteria).toEqual({ 'MỨC 1, 2': ['1.3', '2.2'] });
  });
});

describe('TT57 rules on plans from our writer', () => {
  test('a plan written by ctcl with linked items and every cell filled checks clean in October', () => {
    const r = checkDocument(written(sample()), asOf(2026, 10, 1));
    expect(r.findings.map((f) => f.rule)).toEqual([]);
  });

  test('problem-without-action: a problem no item serves; quiet once an item names it, or when no item names anything', () => {
    let p = sample();
    p = addProblem(p, { standard: 3, situation: 'x', weakness: 'y', cause: 'z' });
    let r = checkDocument(written(p), asOf(2026, 10, 1));
    expect(of(r.findings, 'problem-without-action').map((f) => [f.severity, f.criterion, f.message])).toEqual([
      ['warning', undefined, expect.stringMatching(/vấn đề 3 \(Tiêu chuẩn 3\)/)],
    ]);
    p = addItem(p, { problems: ['p3'], content: 'Đổi mới', activities: 'a', time: 'Tháng 11/2026', owner: 'b' });
    r = checkDocument(written(p), asOf(2026, 10, 1));
    expect(r.tt57!.plan.items[3].content).toBe('Vấn đề 3: Đổi mới');
    expect(of(r.findings, 'problem-without-action')).toEqual([]);
    // Items that name neither criteria nor problems: the links cannot be told, nothing is reported.
    let loose = emptyPlan('tieu-hoc', '2026-2027');
    loose = addProblem(loose, { criteria: ['1.3'], situation: 'x', weakness: 'y', cause: 'z' });
    loose = addItem(loose, { content: 'Việc chung', activities: 'a', time: 'Tháng 11/2026', owner: 'b' });
    expect(of(checkDocument(written(loose), asOf(2026, 10, 1)).findings, 'problem-without-action')).toEqual([]);
  });

  test('plan-not-focused: once for a plan naming every criterion, not for a focused one', () => {
    const all = checkDocument(
      written(
        seedPlan('gdtx', '2026-2027', [
          '1.1',
          '1.2',
          '1.3',
          '1.4',
          '2.1',
          '2.2',
          '2.3',
          '3.1',
          '3.2',
          '3.3',
          '3.4',
          '3.5',
          '4.1',
          '4.2',
          '4.3',
        ]),
      ),
    );
    expect(of(all.findings, 'plan-not-focused').map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringContaining('15/15')],
    ]);
    const thirteen = seedPlan('gdtx', '2026-2027', [
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '4.1',
    ]);
    expect(of(checkDocument(written(thirteen)).findings, 'plan-not-focused')).toHaveLength(1);
    const twelve = seedPlan('gdtx', '2026-2027', [
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
    ]);
    expect(of(checkDocument(written(twelve)).findings, 'plan-not-focused')).toEqual([]);
    expect(of(checkDocument(written(sample())).findings, 'plan-not-focused')).toEqual([]);
  });

  test('unknown-criterion in IV and V, per school type; the valid codes pass', () => {
    let p = emptyPlan('mam-non', '2026-2027');
    p = addProblem(p, { standard: 5, criteriaText: 'Tiêu chí 1.6; 3.2', situation: 'x', weakness: 'y', cause: 'z' });
    p = addItem(p, { content: 'Tiêu chí 4.4: Sân chơi (TC 3.2)', activities: 'a', time: 'Tháng 11/2026', owner: 'b' });
    const r = checkDocument(written(p), asOf(2026, 10, 1));
    expect(of(r.findings, 'unknown-criterion').map((f) => [f.severity, f.criterion ?? null, f.message])).toEqual([
      ['error', null, expect.stringContaining('Tiêu chuẩn 5')],
      ['error', '1.6', expect.stringContaining('vấn đề 1')],
      ['error', '4.4', expect.stringContaining('Nội dung cải tiến 1')],
    ]);
    expect(of(checkDocument(written(sample()), asOf(2026, 10, 1)).findings, 'unknown-criterion')).toEqual([]);
  });

  test('unassigned-criterion: a row carried over from 2018 still marked «Cần gán tiêu chí…»', () => {
    let p = sample();
    p = addItem(p, {
      content: 'Cần gán tiêu chí theo Thông tư 57/2026.\nXây dựng thư viện xanh',
      activities: 'a',
      time: 'Tháng 11/2026',
      owner: 'b',
    });
    const r = checkDocument(written(p), asOf(2026, 10, 1));
    expect(of(r.findings, 'unassigned-criterion').map((f) => [f.severity, f.message.slice(0, 20)])).toEqual([
      ['warning', 'Nội dung cải tiến 4 '],
    ]);
    expect(of(checkDocument(written(sample()), asOf(2026, 10, 1)).findings, 'unassigned-criterion')).toEqual([]);
  });

  test('empty-cell and time-outside-year for items carry the criterion they serve', () => {
    let p = sample();
    p = addItem(p, { problems: ['p2'], content: 'Trồng cây', activities: '', time: 'Tháng 9/2027', owner: '' });
    const r = checkDocument(written(p), asOf(2026, 10, 1));
    expect(of(r.findings, 'empty-cell').map((f) => [f.criterion, f.location.column, f.message])).toEqual([
      ['4.2', 3, expect.stringMatching(/«Hoạt động\/giải pháp \(4\)», «Đơn vị\/cá nhân phụ trách \(7\)»/)],
    ]);
    expect(of(r.findings, 'time-outside-year').map((f) => [f.criterion, f.location.column])).toEqual([['4.2', 5]]);
  });

  describe('the review dates (document date or asOf)', () => {
    const rulesOn = (p: Tt57Plan, y: number, m: number, d: number) =>
      checkDocument(written(p), asOf(y, m, d)).findings.filter(
        (f) => f.rule === 'missing-status' || f.rule === 'empty-monitoring',
      );

    test('before 15/01 of the end year nothing is missing', () => {
      expect(rulesOn(sample(), 2026, 12, 31)).toEqual([]);
      expect(rulesOn(sample(), 2027, 1, 14)).toEqual([]);
    });

    test('from 15/01: the Cuối học kỳ I row must be written, column (10) not yet', () => {
      const f = rulesOn(sample(), 2027, 1, 15);
      expect(f.map((x) => [x.rule, x.severity, x.message.slice(0, 22)])).toEqual([
        ['empty-monitoring', 'warning', 'Dòng «Cuối học kỳ I» c'],
      ]);
      const reviewed = setReview(sample(), 'term1', { content: 'Rà soát', result: '0/3 hoàn thành', reviewer: 'Hội đồng' });
      expect(rulesOn(reviewed, 2027, 3, 1)).toEqual([]);
    });

    test('from 31/05: column (10) of every item and the Cuối năm học row', () => {
      const reviewed = setReview(sample(), 'term1', { content: 'Rà soát', result: 'x', reviewer: 'Hội đồng' });
      expect(rulesOn(reviewed, 2027, 5, 30)).toEqual([]);
      const f = rulesOn(reviewed, 2027, 5, 31);
      expect(f.map((x) => [x.rule, x.severity])).toEqual([
        ['missing-status', 'error'],
        ['missing-status', 'error'],
        ['missing-status', 'error'],
        ['empty-monitoring', 'warning'],
      ]);
      expect(f.slice(0, 3).map((x) => x.criterion)).toEqual(['1.3', '1.3', '4.2']);
    });

    test('a Cuối năm học row written early makes column (10) due at once', () => {
      const p = setReview(sample(), 'year', { content: 'Rà soát cuối năm', result: 'Xong', reviewer: 'Hội đồng' });
      expect(rulesOn(p, 2026, 12, 1).map((x) => x.rule)).toEqual(['missing-status', 'missing-status', 'missing-status']);
    });

    test('year-mismatch: a Biểu 2 dated after August of the end year, or before April of the start year', () => {
      expect(of(checkDocument(written(sample(), { day: 20, month: 9, year: 2027 })).findings, 'year-mismatch')).toHaveLength(1);
      expect(of(checkDocument(written(sample(), { day: 20, month: 3, year: 2026 })).findings, 'year-mismatch')).toHaveLength(1);
      expect(of(checkDocument(written(sample(), { day: 20, month: 8, year: 2027 })).findings, 'year-mismatch')).toEqual([]);
    });

    test('the date in the document header is used when no asOf is given', () => {
      const late = checkDocument(written(sample(), { day: 15, month: 6, year: 2027 }));
      expect(of(late.findings, 'missing-status')).toHaveLength(3);
      const early = checkDocument(written(sample(), { day: 15, month: 9, year: 2026 }));
      expect(of(early.findings, 'missing-status')).toEqual([]);
    });

    test('a plan without its mục VI table: one finding once a review is due', () => {
      const doc = readDocument(
        documentElement([
          paragraph('TRƯỜNG TIỂU HỌC KIM ĐỒNG'),
          paragraph('KẾ HOẠCH'),
          paragraph('Cải tiến chất lượng giáo dục năm học 2026-2027'),
          ...plan2026Blocks(sample(), { profile: PROFILE, date: { day: 5, month: 9, year: 2026 } }).filter(
            (b) => b.name !== 'w:sdt' || !JSON.stringify(b).includes('ctcl:monitoring-2026'),
          ),
        ]),
      );
      expect(checkDocument(doc, asOf(2026, 12, 1)).findings.filter((f) => f.rule === 'empty-monitoring')).toEqual([]);
      const due = checkDocument(doc, asOf(2027, 2, 1)).findings.filter((f) => f.rule === 'empty-monitoring');
      expect(due.map((f) => [f.severity, f.message.slice(0, 45)])).toEqual([
        ['error', 'Kế hoạch không có bảng theo dõi, đánh giá (mụ'],
      ]);
    });
  });
});
