/**
 * headingKey keeps the keys it worked out (the checker compares every form heading with every heading
 * cell of every table, which made folder checks slow); the cache must never change an answer, and
 * must stay bounded over a long run.
 */
import { headingKey, headingScore } from '../../src/domain/table/headings';

describe('headingKey cache', () => {
  test('the same key on every call, before and after the cache is cleared', () => {
    const headings = ['ND KH cải tiến CL được XD đầu năm 2023 – 2024', 'Tiêu chuẩn,   tiêu chí', 'Ghi chú (9)'];
    const first = headings.map(headingKey);
    expect(first).toEqual(['noi dung ke hoach cai tien chat luong duoc xay dung dau nam', 'tieu chuan tieu chi', 'ghi chu']);
    expect(headings.map(headingKey)).toEqual(first);
    // More distinct headings than the cache holds: it is emptied and filled again, answers unchanged.
    for (let i = 0; i < 5000; i++) expect(headingKey(`Cột số ${i}`)).toBe(`cot so ${i}`);
    expect(headings.map(headingKey)).toEqual(first);
    expect(headingScore(headings[0], 'ND Kế hoạch cải tiến chất lượng được xây dựng đầu năm')).toBe(1);
  });
});
