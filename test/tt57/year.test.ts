/**
 * Year to year under TT57: a Biểu 2 rolled to the next year (domain and `ctcl roll`), and «Báo cáo từ kế hoạch»
 * on a TT57 plan saying plainly that TT57 has no separate report form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/domain/check';
import { addItem, addProblem, emptyPlan, setReview, setStatus, type Tt57Plan } from '../../src/domain/tt57/plan';
import { reviewAdvice, rollPlan2026 } from '../../src/domain/tt57/year';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { FIXTURES } from '../helpers';
import { cliFolder } from '../cli/run';

const cli = cliFolder('ctcl-tt57-year-');
const KIM_DONG = join(FIXTURES, 'tt57', 'th-kim-dong-2026-2027.docx');

async function readOut(name: string) {
  const doc = DocxDocument.open(new Uint8Array(readFileSync(join(cli.dir(), name))), parseXml, name);
  return checkDocument(await doc.read());
}

function plan(): Tt57Plan {
  let p = emptyPlan('tieu-hoc', '2026-2027');
  p = addProblem(p, { criteria: ['1.3'], situation: 'Năm học 2025-2026 hồ sơ rời', weakness: 'x', cause: 'y' });
  p = addItem(p, { problems: ['p1'], content: 'Số hóa hồ sơ', time: 'Tháng 9/2026 - tháng 12/2026', status: 'Hoàn thành' });
  p = addItem(p, { problems: ['p1'], content: 'Tập huấn', time: 'Tháng 3/2027', owner: 'Tổ CNTT' });
  p = setStatus(p, 'i2', 'Đang thực hiện');
  p = addItem(p, { content: 'Thư viện xanh', time: 'Tháng 5/2027' });
  p = setReview(p, 'term1', { result: '1/3 hoàn thành', reviewer: 'Hội đồng' });
  return p;
}

describe('rollPlan2026', () => {
  test('items not «Hoàn thành» carried over with where they came from and how far they got; dates on a year; (10) and VI emptied', () => {
    const { plan: next, carried, done } = rollPlan2026(plan());
    expect([carried, done]).toEqual([2, 1]);
    expect(next.schoolYear).toBe('2027-2028');
    expect(next.items.map((i) => [i.number, i.content, i.time, i.status, i.problems])).toEqual([
      [1, 'Tập huấn\n(chuyển tiếp từ năm học 2026-2027, đang thực hiện)', 'Tháng 3/2028', '', ['p1']],
      [2, 'Thư viện xanh\n(chuyển tiếp từ năm học 2026-2027, chưa ghi mức độ thực hiện)', 'Tháng 5/2028', '', []],
    ]);
    expect(next.problems).toHaveLength(1);
    expect(next.reviews.every((r) => !r.result && !r.content && !r.reviewer)).toBe(true);
    expect(rollPlan2026(plan(), { all: true }).plan.items).toHaveLength(3);
  });

  test('reviewAdvice: no separate report form, the column (10) summary, which review is due', () => {
    const before = reviewAdvice(plan(), { year: 2026, month: 11, day: 1 });
    expect(before).toMatch(/^Thông tư 57\/2026 không có mẫu báo cáo kết quả thực hiện kế hoạch cải tiến riêng/);
    expect(before).toContain('cột (10) «Mức độ thực hiện»');
    expect(before).toContain('Mục V hiện có: 1/3 nội dung hoàn thành, 1 đang thực hiện, 1 chưa ghi mức độ thực hiện.');
    expect(before).toContain('Chưa đến kỳ rà soát');
    const june = reviewAdvice(plan(), { year: 2027, month: 6, day: 2 });
    expect(june).toContain('Đã đến kỳ rà soát «Cuối năm học»: hãy ghi dòng này ở mục VI.');
    expect(june).toContain('Gợi ý cho cột «Kết quả thực hiện»: 1/3 nội dung hoàn thành');
  });
});

describe('ctcl roll and report-from-plan on a TT57 plan', () => {
  test('ctcl roll moves a Biểu 2 written by a school to 2027-2028 as a whole Biểu 2', async () => {
    const r = await cli.ctcl('roll', KIM_DONG, '-o', 'kh-2027.docx');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('năm học 2027-2028 từ kế hoạch năm học 2026-2027');
    expect(r.out).toContain('Mục V: 2 nội dung chuyển tiếp, 1 nội dung đã hoàn thành không đưa vào');
    const next = await readOut('kh-2027.docx');
    expect(next.meta).toMatchObject({ schoolYear: '2027-2028', schoolType: 'tieu-hoc', framework: '2026' });
    const items = next.tt57!.plan.items;
    expect(items.map((i) => [i.criteria, i.time, i.status])).toEqual([
      [['2.2'], 'Tháng 10/2027 - tháng 4/2028', ''],
      [['1.3'], 'Tháng 11/2027', ''],
    ]);
    expect(items[0].content).toBe(
      'Bồi dưỡng đổi mới phương pháp dạy học (TC 2.2)\n(chuyển tiếp từ năm học 2026-2027, đang thực hiện)',
    );
    expect(next.tt57!.plan.problems.map((p) => p.criteria)).toEqual([['1.3'], ['2.2'], ['4.2']]);
    expect(next.tables.map((t) => t.form.id)).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
    // The rolled plan checks without findings about its items and reviews (it is September of nothing yet).
    expect(next.findings.filter((f) => ['missing-status', 'empty-monitoring', 'unknown-criterion'].includes(f.rule))).toEqual([]);
  });

  test('ctcl roll refuses to take a TT57 plan back to 2018, and --assign', async () => {
    const back = await cli.ctcl('roll', KIM_DONG, '-o', 'x.docx', '--framework', '2018');
    expect(back.code).toBe(2);
    expect(back.err).toContain('Không thể chuyển kế hoạch theo Thông tư 57/2026 về các thông tư 2018.');
    const assign = await cli.ctcl('roll', KIM_DONG, '-o', 'x.docx', '--assign', '1.6=1.3');
    expect(assign.code).toBe(2);
  });

  test('ctcl report-from-plan on a TT57 plan says TT57 has no report form and points to the review', async () => {
    const r = await cli.ctcl('report-from-plan', KIM_DONG, '-o', 'bc.docx');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Thông tư 57/2026 không có mẫu báo cáo kết quả thực hiện kế hoạch cải tiến riêng');
    expect(r.err).toContain('mục VI');
    expect(r.err).toContain('Mục V hiện có: 1/3 nội dung hoàn thành, 1 đang thực hiện, 1 chưa ghi mức độ thực hiện.');
    expect(r.err).toContain('ctcl new report-2026');
  });
});
