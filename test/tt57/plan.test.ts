/** The Biểu 2 model: problems, items numbered 1..n, links, column (10), the two reviews and when they fall due. */
import {
  addItem,
  addProblem,
  dueReviews,
  emptyPlan,
  itemCriteria,
  moveItem,
  namedCriteria,
  PlanEditError,
  problemsWithoutItems,
  removeItem,
  removeProblem,
  reviewDraft,
  seedPlan,
  setReview,
  setStatus,
  statusKind,
  statusSummary,
  updateItem,
  updateProblem,
  type Tt57Plan,
} from '../../src/domain/tt57/plan';

function twoProblemsThreeItems(): Tt57Plan {
  let p = emptyPlan('tieu-hoc', '2026-2027');
  p = addProblem(p, { criteria: ['1.3'], situation: 'Dữ liệu rời rạc', weakness: 'Chưa số hóa', cause: 'Thiếu phần mềm' });
  p = addProblem(p, { standard: 4, situation: 'Sân trường hẹp', weakness: 'Thiếu chỗ chơi', cause: 'Quỹ đất' });
  p = addItem(p, { problems: ['p1'], content: 'Số hóa hồ sơ', time: 'Tháng 9/2026 – 12/2026', owner: 'Phó hiệu trưởng' });
  p = addItem(p, { problems: ['p1'], content: 'Tập huấn phần mềm', time: 'Tháng 10/2026', owner: 'Tổ CNTT' });
  p = addItem(p, { problems: ['p2'], content: 'Cải tạo sân chơi', time: 'Tháng 3/2027', owner: 'Hiệu trưởng' });
  return p;
}

describe('problems and items', () => {
  test('items are numbered 1..n; removing or moving one renumbers the rest', () => {
    let p = twoProblemsThreeItems();
    expect(p.items.map((i) => [i.id, i.number])).toEqual([
      ['i1', 1],
      ['i2', 2],
      ['i3', 3],
    ]);
    p = removeItem(p, 'i1');
    expect(p.items.map((i) => [i.id, i.number, i.content])).toEqual([
      ['i2', 1, 'Tập huấn phần mềm'],
      ['i3', 2, 'Cải tạo sân chơi'],
    ]);
    p = moveItem(p, 'i3', 0);
    expect(p.items.map((i) => [i.id, i.number])).toEqual([
      ['i3', 1],
      ['i2', 2],
    ]);
    p = addItem(p, { content: 'Giữa' }, 1);
    expect(p.items.map((i) => [i.content, i.number])).toEqual([
      ['Cải tạo sân chơi', 1],
      ['Giữa', 2],
      ['Tập huấn phần mềm', 3],
    ]);
    // A new item takes an id no other item has (ids are never reused while the item lives).
    expect(new Set(p.items.map((i) => i.id)).size).toBe(3);
  });

  test('a problem takes the standard of its first criterion; links to unknown problems are refused', () => {
    const p = twoProblemsThreeItems();
    expect(p.problems.map((x) => [x.id, x.standard, x.criteria])).toEqual([
      ['p1', 1, ['1.3']],
      ['p2', 4, []],
    ]);
    expect(updateProblem(p, 'p2', { criteria: ['4.2', '4.1'] }).problems[1]).toMatchObject({
      standard: 4,
      criteria: ['4.1', '4.2'],
    });
    expect(() => addItem(p, { problems: ['p9'] })).toThrow(PlanEditError);
    expect(() => updateItem(p, 'i9', { goal: 'x' })).toThrow(PlanEditError);
  });

  test('removing a problem unlinks its items; problemsWithoutItems finds the unserved ones', () => {
    let p = twoProblemsThreeItems();
    expect(problemsWithoutItems(p)).toEqual([]);
    p = removeItem(p, 'i3');
    expect(problemsWithoutItems(p).map((x) => x.id)).toEqual(['p2']);
    p = removeProblem(p, 'p1');
    expect(p.items.every((i) => i.problems.length === 0)).toBe(true);
  });

  test('criteria an item serves come from its own links and its problems; namedCriteria lists IV and V', () => {
    let p = twoProblemsThreeItems();
    p = updateItem(p, 'i3', { criteria: ['4.1'] });
    expect(itemCriteria(p, p.items[0])).toEqual(['1.3']);
    expect(itemCriteria(p, p.items[2])).toEqual(['4.1']);
    expect(namedCriteria(p)).toEqual(['1.3', '4.1']);
  });

  test('seedPlan: one problem and one linked item per criterion, in code order', () => {
    const p = seedPlan('gdtx', '2026-2027', ['4.2', '1.3']);
    expect(p.problems.map((x) => x.criteria)).toEqual([['1.3'], ['4.2']]);
    expect(p.items.map((i) => [i.number, i.problems])).toEqual([
      [1, ['p1']],
      [2, ['p2']],
    ]);
  });
});

describe('column (10) and the reviews', () => {
  test('statusKind reads the usual values and the ways schools write them', () => {
    expect(['Hoàn thành', 'Đã hoàn thành', 'hoàn thành 100%', 'Xong'].map(statusKind)).toEqual(['done', 'done', 'done', 'done']);
    expect(['Đang thực hiện', 'đang triển khai', 'Tiếp tục thực hiện'].map(statusKind)).toEqual([
      'in-progress',
      'in-progress',
      'in-progress',
    ]);
    expect(['Chưa hoàn thành', 'chưa thực hiện', 'Không đạt'].map(statusKind)).toEqual(['not-done', 'not-done', 'not-done']);
    expect(statusKind('')).toBeUndefined();
    expect(statusKind('Đạt 80% chỉ tiêu')).toBe('done');
    expect(statusKind('Theo kế hoạch')).toBeUndefined();
  });

  test('statusSummary: «2/4 nội dung hoàn thành, 1 đang thực hiện, 1 chưa ghi mức độ thực hiện»', () => {
    let p = twoProblemsThreeItems();
    p = addItem(p, { content: 'Thêm' });
    p = setStatus(p, 'i1', 'Hoàn thành');
    p = setStatus(p, 'i2', 'Hoàn thành');
    p = setStatus(p, 'i3', 'Đang thực hiện');
    expect(statusSummary(p)).toBe('2/4 nội dung hoàn thành, 1 đang thực hiện, 1 chưa ghi mức độ thực hiện.');
    p = setStatus(p, 'i4', 'Chưa hoàn thành');
    expect(statusSummary(p)).toBe('2/4 nội dung hoàn thành, 1 đang thực hiện, 1 chưa hoàn thành.');
    expect(statusSummary(emptyPlan('mam-non', '2026-2027'))).toBe('Chưa có nội dung cải tiến nào.');
  });

  test('reviewDraft pre-fills content and result from the plan and keeps what the school wrote', () => {
    let p = twoProblemsThreeItems();
    p = setStatus(p, 'i1', 'Hoàn thành');
    const d = reviewDraft(p, 'term1');
    expect(d).toMatchObject({ when: 'term1', label: 'Cuối học kỳ I' });
    expect(d.result).toBe('1/3 nội dung hoàn thành, 2 chưa ghi mức độ thực hiện.');
    expect(d.content).toMatch(/3 nội dung cải tiến.*2 vấn đề trọng tâm/);
    p = setReview(p, 'term1', { result: 'Đã rà soát', reviewer: 'Hội đồng tự đánh giá' });
    expect(reviewDraft(p, 'term1')).toMatchObject({ result: 'Đã rà soát', reviewer: 'Hội đồng tự đánh giá' });
    expect(p.reviews.map((r) => r.label)).toEqual(['Cuối học kỳ I', 'Cuối năm học']);
  });

  test('dueReviews: nothing before 15/01 of the end year, Cuối học kỳ I from then, both from 31/05', () => {
    const y = '2026-2027';
    expect(dueReviews(y, { year: 2026, month: 12, day: 31 })).toEqual({ term1: false, year: false });
    expect(dueReviews(y, { year: 2027, month: 1, day: 14 })).toEqual({ term1: false, year: false });
    expect(dueReviews(y, { year: 2027, month: 1, day: 15 })).toEqual({ term1: true, year: false });
    expect(dueReviews(y, { year: 2027, month: 5, day: 30 })).toEqual({ term1: true, year: false });
    expect(dueReviews(y, { year: 2027, month: 5, day: 31 })).toEqual({ term1: true, year: true });
    expect(dueReviews(y, { year: 2028, month: 2, day: 1 })).toEqual({ term1: true, year: true });
    expect(dueReviews('bad', { year: 2028, month: 2, day: 1 })).toEqual({ term1: false, year: false });
  });
});
