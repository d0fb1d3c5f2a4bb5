/**
 * The new year's documents as both front ends make them (src/app/year.ts): the pane's «Năm học mới» and
 * `ctcl report-from-plan` / `ctcl roll` call these, so what is tested here is what both write.
 */
import { rolledBieu2, rolledPlan, rolledPlanBody, reportForPlan, tableDocumentBody } from '../../src/app/year';
import { checkDocument } from '../../src/domain/check';
import { readDocument } from '../../src/domain/ooxml/reader';
import { documentElement } from '../../src/domain/ooxml/writer';
import type { XElement } from '../../src/domain/ooxml/xml';
import { recogniseTables } from '../../src/domain/table/recognise';
import { rollForward } from '../../src/domain/year';
import { openSeed, SCHOOL_PROFILE } from '../helpers';

const DATE = { day: 5, month: 9, year: 2025 };
const PROFILE = SCHOOL_PROFILE;

const read = (body: XElement[]) => readDocument(documentElement(body));

async function tablesOf(seed: string) {
  return recogniseTables(await openSeed(seed).read());
}

test('the report from seed 003’s plan: one row per planned criterion, with the title block or the NĐ 30 frame', async () => {
  const plan = (await tablesOf('003')).find((t) => t.form.kind === 'plan')!;
  const made = reportForPlan(plan, { schoolType: 'tieu-hoc', schoolYear: '2025-2026' });
  expect(made.criterionRows).toBe(made.spec.rows.filter((r) => r.kind === 'criterion').length);
  expect(made.criterionRows).toBeGreaterThan(0);

  const titled = read(tableDocumentBody(made.spec, { school: 'Trường Tiểu học Thanh Chấn', date: DATE }));
  expect(checkDocument(titled).meta).toMatchObject({ documentKind: 'report', schoolYear: '2025-2026' });
  expect(titled.paragraphs.map((p) => p.text).join('\n')).toContain('TRƯỜNG TIỂU HỌC THANH CHẤN');

  const framed = read(tableDocumentBody(made.spec, { profile: PROFILE, date: DATE }));
  const cells = (i: number) => framed.tables[i].rows.flatMap((r) => r.cells.map((c) => c.text)).join('\n');
  expect(cells(0)).toContain('UBND XÃ THANH CHẤN');
  expect(cells(framed.tables.length - 1)).toContain('Nơi nhận:');
  expect(cells(0)).toMatch(/Thanh Chấn, ngày 0?5 tháng 0?9 năm 2025/);
});

test('seed 001 rolled forward: a plan table for 2024-2025 of the rows picked; into TT57 the whole Biểu 2', async () => {
  const table = (await tablesOf('001')).find((t) => t.form.kind === 'report')!;
  const result = rollForward({ table, schoolType: 'tieu-hoc', schoolYear: '2023-2024' });
  const picks = result.candidates.flatMap((c, index) => (c.selected ? [{ index }] : []));
  const made = rolledPlan(result, 'tieu-hoc', picks);
  expect(made).toMatchObject({ kind: 'table', rows: picks.length, unassigned: 0 });
  const meta = checkDocument(read(rolledPlanBody(made, { date: DATE }))).meta;
  expect(meta).toMatchObject({ documentKind: 'plan', schoolYear: '2024-2025' });

  const into2026 = rollForward({ table, schoolType: 'tieu-hoc', schoolYear: '2023-2024', framework: '2026' });
  const bieu2 = rolledPlan(into2026, 'tieu-hoc', [{ index: 0, assign: '1.3' }]);
  expect(bieu2).toMatchObject({ kind: 'bieu2', unassigned: 0, done: 0 });
  if (bieu2.kind !== 'bieu2') throw new Error('not a Biểu 2');
  expect(bieu2.plan.items).toHaveLength(1);
  // Without a profile the Biểu 2 keeps the old school's name.
  const text = read(rolledPlanBody(bieu2, { school: 'TRƯỜNG TIỂU HỌC CŨ', date: DATE }));
  expect(JSON.stringify(text.tables[0].rows.map((r) => r.cells.map((c) => c.text)))).toContain('TRƯỜNG TIỂU HỌC CŨ');

  // A Biểu 2 rolled again keeps its items (none is done yet).
  const again = rolledBieu2({ ...bieu2.plan, schoolYear: '2026-2027' });
  expect(again).toMatchObject({ kind: 'bieu2', carried: 1, done: 0, unassigned: 0 });
  expect(again.plan.schoolYear).toBe('2027-2028');
});
