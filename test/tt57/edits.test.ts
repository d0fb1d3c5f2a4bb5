/**
 * Filling Biểu 2 in a document (src/domain/tt57/edits.ts): two problems into mục IV, three items into
 * mục V (the writer's empty numbered rows first, then rows copied from the last), statuses, the Cuối học
 * kỳ I review, an item removed and the rest renumbered. Every action runs through the Word gateway over
 * the counting fake Word and through the .docx backend: the tables end up the same, each action is one
 * read sync and one write sync (the pane then shows the edited document without a third), and nothing
 * outside the edited table changes.
 */
import type { EditPlanner, TableTarget } from '../../src/domain/backend';
import { getCatalog } from '../../src/domain/catalog';
import { readDocument, type DocModel } from '../../src/domain/ooxml/reader';
import { el, serialize } from '../../src/domain/ooxml/xml';
import { recogniseTables } from '../../src/domain/table/recognise';
import { criteriaNamedIn, problemNumbersIn } from '../../src/domain/tt57/read';
import {
  findTt57Tables,
  itemColumnText,
  planAddItem,
  planAddProblem,
  planRemoveItem,
  planSetReview,
  planUpdateItem,
  readTt57,
  schoolTypeOfBieu2,
  withResult,
} from '../../src/domain/tt57/edits';
import { newPlan2026 } from '../../src/domain/tt57/new-plan';
import { reviewDraft, statusCounts } from '../../src/domain/tt57/plan';
import { DocxDocument } from '../../src/docx/document';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { createWordBackend } from '../../src/word/gateway';
import { FakeWord } from '../word/fake-word';

const catalog = getCatalog('2026', 'tieu-hoc');
const DATE = { day: 2, month: 12, year: 2026 };

function bieu2(): DocxDocument {
  const { blocks } = newPlan2026({ schoolType: 'tieu-hoc', schoolYear: '2026-2027', framework: '2026', date: DATE });
  return DocxDocument.blank(parseXml, 'KH.docx', blocks);
}

function xmlOf(docx: DocxDocument): string {
  const pkg = DocxPackage.open(docx.toBytes());
  return pkg.text(pkg.mainPath)!;
}

const texts = (m: DocModel, table: number) => m.tables[table].rows.map((r) => r.cells.map((c) => c.text));

/** The same action through Word (fake) and the .docx backend: same tables, two syncs, other tables untouched. */
async function act(docx: DocxDocument, which: 'problems' | 'items' | 'reviews', planner: EditPlanner) {
  const before = await docx.read();
  const rec = findTt57Tables(recogniseTables(before, { framework: '2026' }))[which]!;
  const target: TableTarget = { tag: rec.tag };
  const word = new FakeWord({ documentXml: xmlOf(docx) });
  const backend = createWordBackend({
    run: word.run,
    parse: parseXml,
    office: {
      document: { url: 'KH.docx', mode: 'readWrite' },
      requirements: { isSetSupported: (name, v) => name === 'WordApi' && ['1.1', '1.2', '1.3'].includes(v ?? '1.1') },
    },
  });
  // The pane shows the document as the edit left it without reading it again (withResult).
  const kept = withResult(planner);
  const plan = await backend.editTable(target, kept.planner);
  expect(word.syncs).toBe(2);
  expect(word.calls).not.toContain('table.range.insertOoxml(Replace)');
  await docx.editTable(target, planner);
  const after = await docx.read();
  const index = rec.parts[0].index;
  expect(word.tables[index].cells).toEqual(texts(after, index));
  expect(texts(kept.result()!, index)).toEqual(texts(after, index));
  // Every other table is exactly as it was.
  before.tables.forEach((t, i) => {
    if (i !== index) expect(serialize(after.tables[i].el)).toBe(serialize(t.el));
  });
  return plan;
}

test('column (2) and the criteria cells: codes and problem numbers as schools write them', () => {
  expect(criteriaNamedIn('Tiêu chí 1.3, 2.1: Công khai')).toEqual(['1.3', '2.1']);
  expect(criteriaNamedIn('Nâng cao chất lượng (TC 3.2)')).toEqual(['3.2']);
  expect(criteriaNamedIn('Tăng 10% học sinh')).toEqual([]);
  expect(problemNumbersIn('Vấn đề 1 và 2: bồi dưỡng')).toEqual([1, 2]);
  expect(itemColumnText(['1.3'], [1], 'Công khai thông tin')).toBe('Tiêu chí 1.3: Công khai thông tin');
  expect(itemColumnText([], [2], 'Bồi dưỡng')).toBe('Vấn đề 2: Bồi dưỡng');
  expect(itemColumnText(['1.3'], [], 'Tiêu chí 1.3: đã ghi')).toBe('Tiêu chí 1.3: đã ghi');
});

test('two problems, three items, statuses, the Cuối học kỳ I review; an item removed, the rest renumbered', async () => {
  const docx = bieu2();
  // Mục I names the school type («3. Cấp học: Tiểu học»).
  expect(schoolTypeOfBieu2(await docx.read())).toBe('tieu-hoc');
  const plan0 = readTt57(await docx.read(), 'tieu-hoc', '2026-2027')!;
  expect(plan0.problems).toEqual([]);
  expect(plan0.items).toEqual([]);

  const p1 = await act(docx, 'problems', (rec, m) =>
    planAddProblem(
      rec,
      catalog,
      { criteria: ['1.3'], situation: 'Thông tin chưa công khai đủ', weakness: 'Chậm cập nhật', cause: 'Thiếu người phụ trách' },
      m,
    ),
  );
  expect(p1.summary).toBe('Đã thêm vấn đề 1 vào mục IV.');
  await act(docx, 'problems', (rec, m) =>
    planAddProblem(
      rec,
      catalog,
      { criteria: ['2.1', '2.2'], situation: 'Giáo viên trẻ', weakness: 'Ít kinh nghiệm', cause: 'Mới tuyển' },
      m,
    ),
  );

  const items = [
    {
      criterion: itemColumnText(['1.3'], [1], 'Công khai thông tin trên cổng điện tử'),
      goal: '100% thông tin đúng hạn',
      time: 'Tháng 9/2026 – 5/2027',
      owner: 'Phó hiệu trưởng',
    },
    {
      criterion: itemColumnText(['2.1'], [2], 'Bồi dưỡng giáo viên trẻ'),
      goal: '8/8 giáo viên',
      time: 'Học kỳ I',
      owner: 'Tổ trưởng',
    },
    {
      criterion: itemColumnText([], [2], 'Dự giờ, rút kinh nghiệm'),
      goal: '2 tiết/tháng',
      time: 'Cả năm',
      owner: 'Tổ chuyên môn',
    },
    {
      criterion: itemColumnText(['1.3'], [1], 'Cập nhật dữ liệu'),
      goal: 'Dữ liệu đúng hạn',
      time: 'Hằng tháng',
      owner: 'Văn thư',
    },
  ];
  for (const item of items) await act(docx, 'items', (rec, m) => planAddItem(rec, item, m));
  let doc = readTt57(await docx.read(), 'tieu-hoc', '2026-2027')!;
  expect(doc.items.map((i) => i.tt)).toEqual(['1', '2', '3', '4']);
  expect(doc.items.map((i) => i.problems)).toEqual([[1], [2], [2], [1]]);
  // The fourth item is a new row copied from the third: same row and cell properties.
  const itemsTable = (await docx.read()).tables[doc.tables.items!.parts[0].index];
  const shape = (i: number) =>
    serialize(itemsTable.rows[i].el)
      .replace(/<w:t[ >][^]*?<\/w:t>/g, '')
      .replace(/<w:r>(<w:rPr>[^]*?<\/w:rPr>)?<\/w:r>/g, '');
  expect(shape(4)).toBe(shape(3));

  await act(docx, 'items', (rec, m) => planUpdateItem(rec, 1, { status: 'Hoàn thành' }, m));
  await act(docx, 'items', (rec, m) => planUpdateItem(rec, 2, { status: 'Đang thực hiện' }, m));
  await act(docx, 'items', (rec, m) => planUpdateItem(rec, 3, { status: 'Hoàn thành' }, m));
  doc = readTt57(await docx.read(), 'tieu-hoc', '2026-2027')!;
  expect(statusCounts(doc.plan)).toMatchObject({ total: 4, done: 2, inProgress: 1, empty: 1 });
  const review = reviewDraft(doc.plan, 'term1');
  expect(review.result).toBe('2/4 nội dung hoàn thành, 1 đang thực hiện, 1 chưa ghi mức độ thực hiện.');
  await act(docx, 'reviews', (rec, m) =>
    planSetReview(rec, 'term1', { ...review, adjustment: 'Không', reviewer: 'Hiệu trưởng' }, m),
  );

  const removed = await act(docx, 'items', (rec, m) => planRemoveItem(rec, 2, m));
  expect(removed.summary).toBe('Đã xóa nội dung cải tiến 2; các dòng sau được đánh số lại.');
  doc = readTt57(await docx.read(), 'tieu-hoc', '2026-2027')!;
  expect(doc.items.map((i) => [i.tt, i.texts.goal])).toEqual([
    ['1', '100% thông tin đúng hạn'],
    ['2', '2 tiết/tháng'],
    ['3', 'Dữ liệu đúng hạn'],
  ]);
  expect(doc.reviews.find((r) => r.when === 'term1')?.texts.result).toContain('2/4 nội dung hoàn thành');
  expect(doc.problems.map((p) => p.criteria)).toEqual([['1.3'], ['2.1', '2.2']]);
});

test('removing a row inside a vertical merge is refused and nothing changes', async () => {
  const { blocks } = newPlan2026({
    schoolType: 'tieu-hoc',
    schoolYear: '2026-2027',
    framework: '2026',
    criteria: [{ code: '1.3' }],
    date: DATE,
  });
  // The school merged item 1's column (2) with the row below it.
  const model = readDocument(el('w:body', {}, blocks));
  const rec = findTt57Tables(recogniseTables(model, { framework: '2026' })).items!;
  const tcPr = model.tables[rec.parts[0].index].rows[rec.headerRows].cells[1].el.children.find(
    (c) => c.t === 'e' && c.name === 'w:tcPr',
  );
  if (!tcPr || tcPr.t !== 'e') throw new Error('no tcPr');
  tcPr.children.push(el('w:vMerge', { 'w:val': 'restart' }));
  const docx = DocxDocument.blank(parseXml, 'KH.docx', blocks);
  const before = xmlOf(docx);
  await expect(docx.editTable({ tag: rec.tag }, (r, m) => planRemoveItem(r, 1, m))).rejects.toThrow(/ô gộp dọc/);
  expect(xmlOf(docx)).toBe(before);
});
