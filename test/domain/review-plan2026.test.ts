/**
 * A Thông tư 57 plan (Biểu 2) in the reviewer's matrix (src/domain/review/plan2026.ts, matrixCell): each
 * criterion by the mục IV problems that name it and the mục V items tied to it with their column (10);
 * the eight mandatory criteria with neither marked; the plan's counts and mục VI reviews; the workbook's
 * «Tiêu chí» sheet with the same words and colours. 2018 files keep their statuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/domain/check';
import type { FileReport } from '../../src/domain/check/report';
import { readDocument } from '../../src/domain/ooxml/reader';
import { documentElement } from '../../src/domain/ooxml/writer';
import {
  CRITERION_STATUS_LABELS,
  matrixCell,
  matrixGroups,
  plan2026Facts,
  plan2026Record,
  PLAN2026_STATUS_COLORS,
  PLAN2026_STATUS_LABELS,
  STATUS_COLORS,
  type MatrixGroup,
  type Plan2026Status,
  type ReviewOutcome,
  type ReviewRun,
} from '../../src/domain/review';
import { criteriaLegend, CRITERIA_LEGEND, PLAN2026_HEADING, reviewWorkbook } from '../../src/domain/review/workbook';
import type { StyledCell } from '../../src/domain/spreadsheet';
import { plan2026Blocks } from '../../src/domain/tt57/document';
import { addItem, addProblem, emptyPlan, setReview, STATUS_VALUES, type Tt57Plan } from '../../src/domain/tt57/plan';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { fileReportOf, FIXTURES } from '../helpers';

const report = (over: Partial<FileReport>): FileReport =>
  fileReportOf({
    path: 'ke-hoach.docx',
    documentKind: 'plan',
    form: 'plan-2026',
    framework: '2026',
    schoolYear: '2026-2027',
    schoolName: 'Trường Tiểu học Kim Đồng',
    ...over,
  });

/** The school-written TH Kim Đồng Biểu 2 (LibreOffice-made fixture, also read in test/tt57/check.test.ts). */
async function kimDong(): Promise<ReviewOutcome> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'tt57', 'th-kim-dong-2026-2027.docx')));
  const r = checkDocument(await DocxDocument.open(bytes, parseXml, 'x.docx').read());
  return { report: report({}), statuses: {}, plan2026: plan2026Record(r.tt57!) };
}

/** A Biểu 2 from our writer, read back by the checker. */
function written(plan: Tt57Plan): ReviewOutcome {
  const profile = {
    schoolName: 'Trường Tiểu học Lê Lợi',
    parentBody: 'UBND phường Lê Lợi',
    place: 'Lê Lợi',
    abbreviation: 'THLL',
    principal: 'Trần Thị Mai',
    signerTitle: 'HIỆU TRƯỞNG',
    recipients: ['Lưu: VT'],
  };
  const model = readDocument(documentElement(plan2026Blocks(plan, { profile, date: { day: 5, month: 9, year: 2026 } })));
  const r = checkDocument(model, { asOf: new Date(2026, 9, 1) });
  return {
    report: report({ path: 'le-loi.docx', schoolName: profile.schoolName }),
    statuses: {},
    plan2026: plan2026Record(r.tt57!),
  };
}

const cells = (o: ReviewOutcome, g: MatrixGroup) =>
  Object.fromEntries(
    g.columns.flatMap((c) => {
      const cell = matrixCell(o, c);
      return cell ? [[c.key, [cell.status, ...cell.detail]]] : [];
    }),
  );

test('TH Kim Đồng: problems and items by criterion, column (10) counted, a problem without an item, mandatory criteria absent', async () => {
  const o = await kimDong();
  expect(o.plan2026).toEqual({
    problems: 3,
    items: 3,
    criteria: {
      '1.3': {
        problems: [1],
        items: [
          { number: 1, status: 'done' },
          { number: 3, status: 'empty' },
        ],
      },
      '2.2': { problems: [2], items: [{ number: 2, status: 'in-progress' }] },
      '4.2': { problems: [3], items: [] },
    },
    reviews: { term1: true, year: false },
  });
  const [g] = matrixGroups({ outcomes: [o] });
  expect(g.label).toBe('Tiểu học · TT57/2026');
  expect(g.plans2026).toBe(true);
  expect(g.columns.filter((c) => c.mandatory).map((c) => c.key)).toEqual([
    '1.3',
    '1.4',
    '2.1',
    '2.2',
    '3.1',
    '3.2',
    '4.1',
    '4.2',
  ]);
  expect(cells(o, g)).toEqual({
    '1.3': ['in-progress', 'VĐ 1 · 2 nội dung', '1 hoàn thành, 1 chưa ghi'],
    '1.4': ['mandatory-absent'],
    '2.1': ['mandatory-absent'],
    '2.2': ['in-progress', 'VĐ 2 · 1 nội dung'],
    '3.1': ['mandatory-absent'],
    '3.2': ['mandatory-absent'],
    '4.1': ['mandatory-absent'],
    '4.2': ['no-item', 'VĐ 3'],
  });
  expect(plan2026Facts(o.plan2026!)).toEqual(['3 vấn đề · 3 nội dung', 'Rà soát (mục VI): Cuối học kỳ I']);
});

test('done, not done, not reviewed; an item naming its criterion without a problem; the status words are column (10)’s values', () => {
  let p = emptyPlan('tieu-hoc', '2026-2027');
  p = addProblem(p, { criteria: ['1.3'], situation: 'a', weakness: 'b', cause: 'c' });
  p = addProblem(p, { criteria: ['2.2'], situation: 'a', weakness: 'b', cause: 'c' });
  const full = { goal: 'Đạt', activities: 'Làm', indicator: '100%', time: 'Tháng 10/2026', owner: 'Hiệu trưởng', resources: 'x' };
  p = addItem(p, { problems: ['p1'], content: 'Số hóa hồ sơ', status: 'Hoàn thành', ...full });
  p = addItem(p, { problems: ['p1'], content: 'Tập huấn', status: 'Đã hoàn thành', ...full });
  p = addItem(p, { problems: ['p2'], content: 'Bồi dưỡng', status: 'Chưa hoàn thành', ...full });
  p = addItem(p, { criteria: ['3.3'], content: 'Hoạt động trải nghiệm', ...full });
  p = setReview(p, 'year', { result: '2/4 nội dung hoàn thành.' });
  const o = written(p);
  const [g] = matrixGroups({ outcomes: [o] });
  const c = cells(o, g);
  expect(c['1.3']).toEqual(['done', 'VĐ 1 · 2 nội dung']);
  expect(c['2.2']).toEqual(['not-done', 'VĐ 2 · 1 nội dung']);
  expect(c['3.3']).toEqual(['not-reviewed', '1 nội dung']);
  expect(c['1.1']).toBeUndefined();
  expect(plan2026Facts(o.plan2026!)).toEqual(['2 vấn đề · 4 nội dung', 'Rà soát (mục VI): Cuối năm học']);
  expect([PLAN2026_STATUS_LABELS.done, PLAN2026_STATUS_LABELS['in-progress'], PLAN2026_STATUS_LABELS['not-done']]).toEqual(
    STATUS_VALUES.map((v) => v.toLowerCase()),
  );
});

test('2018 files keep their statuses, words and colours; no mandatory criteria; a TT57 report is not shown as a Biểu 2 plan', () => {
  const run: ReviewRun = {
    outcomes: [
      {
        report: report({ form: 'report-2018', documentKind: 'report', framework: '2018', schoolYear: '2025-2026' }),
        statuses: { '1.1': 'reported', '1.2': 'missing' },
      },
      { report: report({ form: 'report-2026', documentKind: 'report' }), statuses: { '1.3': 'no-result' } },
    ],
  };
  const [tt17, tt57] = matrixGroups(run);
  expect(tt17.label).toBe('Tiểu học · TT17/2018');
  expect(tt17.plans2026).toBe(false);
  expect(tt17.columns.some((c) => c.mandatory)).toBe(false);
  expect(
    matrixCell(
      run.outcomes[0],
      tt17.columns.find((c) => c.key === '1.1')!,
    ),
  ).toEqual({
    status: 'reported',
    label: CRITERION_STATUS_LABELS.reported,
    color: STATUS_COLORS.reported,
    detail: [],
  });
  expect(cells(run.outcomes[1], tt57)).toEqual({ '1.3': ['no-result'] });
  expect(criteriaLegend(tt17)).toBe(CRITERIA_LEGEND);
});

test('the workbook: the Biểu 2 column, «(bắt buộc)» under mandatory criteria, each cell’s words on its colour, the legend', async () => {
  const run: ReviewRun = {
    outcomes: [
      await kimDong(),
      { report: report({ form: 'report-2026', documentKind: 'report', path: 'bc.docx' }), statuses: {} },
    ],
  };
  const wb = reviewWorkbook(run, { date: new Date(2027, 0, 20) });
  const sheet = wb.sheets.find((s) => s.name.startsWith('Tiêu chí'))!;
  expect(sheet.name).toBe('Tiêu chí Tiểu học TT57');
  const legend = (sheet.rows[1].cells[0] as StyledCell).v as string;
  expect(legend.startsWith(CRITERIA_LEGEND)).toBe(true);
  for (const s of Object.keys(PLAN2026_STATUS_LABELS) as Plan2026Status[])
    expect(legend).toContain(`«${PLAN2026_STATUS_LABELS[s]}»`);
  const heading = sheet.rows[2].cells.map((c) => (c as StyledCell).v as string);
  expect(heading.slice(0, 5)).toEqual(['Tệp', 'Trường', 'Loại văn bản', 'Năm học', PLAN2026_HEADING]);
  expect(heading.find((h) => h.startsWith('1.3\n'))).toMatch(/\n\(bắt buộc\)$/);
  expect(heading.find((h) => h.startsWith('1.1\n'))).not.toMatch(/bắt buộc/);
  const row = sheet.rows[3].cells;
  const at = (code: string) => row[heading.findIndex((h) => h.startsWith(`${code}\n`))] as StyledCell;
  expect(row[4]).toMatchObject({ v: '3 vấn đề · 3 nội dung\nRà soát (mục VI): Cuối học kỳ I' });
  expect(at('1.3')).toMatchObject({
    v: 'đang thực hiện\nVĐ 1 · 2 nội dung\n1 hoàn thành, 1 chưa ghi',
    s: { fill: PLAN2026_STATUS_COLORS['in-progress'], wrap: true },
  });
  expect(at('2.1')).toMatchObject({ v: 'bắt buộc, chưa có', s: { fill: PLAN2026_STATUS_COLORS['mandatory-absent'] } });
  expect(at('4.2')).toMatchObject({ v: 'chưa có nội dung\nVĐ 3', s: { fill: PLAN2026_STATUS_COLORS['no-item'] } });
  expect(at('1.1')).toMatchObject({ v: null });
  // The row is as high as its longest cell, and every cell of it reads from the top.
  expect(sheet.rows[3].height).toBeGreaterThan(40);
  for (const c of row.slice(0, 4)) expect(c).toMatchObject({ s: { vertical: 'top' } });
  expect(at('1.3').s).toMatchObject({ vertical: 'top' });
  // The report's row: no Biểu 2 summary, nothing marked.
  expect(sheet.rows[4].cells[4]).toMatchObject({ v: null });
});
