/**
 * «Kế hoạch năm mới từ năm trước» under Thông tư 57 in a real browser (Debian Chromium, offline), standalone
 * mode: a Biểu 2 written by a school (LibreOffice-made fixture) rolled to 2027-2028, and a 2018 plan rolled into
 * Biểu 2. Each new document is saved, read back and compared with what `ctcl roll` writes for the same file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { checkDocument, type CheckResult } from '../../src/domain/check';
import type { DocModel } from '../../src/domain/ooxml/reader';
import { UNASSIGNED_MARK } from '../../src/domain/year';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { FIXTURES, seedPath } from '../helpers';
import { cliFolder } from '../cli/run';
import { startHarness, type PaneHarness, type PaneSession, saveDocx } from './browser';

const cli = cliFolder('ctcl-pane-roll-');
const KIM_DONG = join(FIXTURES, 'tt57', 'th-kim-dong-2026-2027.docx');

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function openRoll(): Promise<PaneSession> {
  const s = await harness.open();
  await s.page.goto(harness.url);
  await s.page.getByTestId('mode').filter({ hasText: 'Chế độ độc lập' }).waitFor({ timeout: 5000 });
  await s.page.getByTestId('preview').waitFor({ timeout: 5000 });
  await s.page.getByRole('tab', { name: 'Năm học mới' }).click();
  await s.page.getByTestId('year-panel').waitFor({ timeout: 10000 });
  await s.page.getByRole('radio', { name: 'Kế hoạch năm mới từ năm trước' }).check();
  return s;
}

/** «Tạo tài liệu mới», then the saved .docx read back. */
async function createAndSave(page: Page): Promise<{ name: string; model: DocModel }> {
  await page.getByRole('button', { name: 'Tạo tài liệu mới' }).click();
  const again = page.getByRole('button', { name: 'Vẫn tạo tài liệu mới' });
  const made = page.getByTestId('year-result').filter({ hasText: 'Đã tạo tài liệu mới.' });
  await Promise.race([again.waitFor().then(() => again.click()), made.waitFor()]);
  await made.waitFor();
  const { name, bytes } = await saveDocx(page);
  return { name, model: await DocxDocument.open(bytes, parseXml, name).read() };
}

async function cliRoll(input: string, ...args: string[]): Promise<{ model: DocModel; out: string }> {
  const r = await cli.ctcl('roll', input, '-o', 'out.docx', '--force', ...args);
  expect(r).toMatchObject({ code: 0, err: '' });
  const bytes = new Uint8Array(readFileSync(join(cli.dir(), 'out.docx')));
  return { model: await DocxDocument.open(bytes, parseXml, 'out.docx').read(), out: r.out };
}

/** Every text of the document in order: paragraphs outside tables, then each table's cells. */
function texts(model: DocModel): string[] {
  return [
    ...model.paragraphs.map((p) => p.text),
    ...model.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))),
  ];
}

function planOf(r: CheckResult) {
  const p = r.tt57!.plan;
  return {
    schoolType: p.schoolType,
    schoolYear: p.schoolYear,
    problems: p.problems.map((x) => [x.criteria, x.situation, x.weakness, x.cause]),
    items: p.items.map((i) => [i.number, i.content, i.criteria, i.time, i.owner, i.status]),
    reviews: p.reviews.map((x) => [x.result, x.content, x.reviewer]),
  };
}

test('a Biểu 2 rolled to 2027-2028 in the pane is the document `ctcl roll` writes: items carried over with the note, (10) and VI emptied', async () => {
  const { page, errors, outside } = await openRoll();
  await page.getByTestId('year-roll-file').setInputFiles(KIM_DONG);
  await page.getByTestId('year-roll-file-info').waitFor();
  expect(await page.getByLabel('Năm học của tệp năm trước').inputValue()).toBe('2026-2027');
  await page.getByText('Năm học mới: 2027-2028').waitFor();
  // No 2018 row list and no framework choice: a Biểu 2 moves as a whole.
  expect(await page.getByTestId('year-candidate').count()).toBe(0);
  expect(await page.getByLabel('Bộ tiêu chuẩn năm nay').count()).toBe(0);
  await page
    .getByTestId('year-summary')
    .filter({ hasText: '2 nội dung chuyển tiếp, 1 nội dung đã hoàn thành không đưa vào' })
    .waitFor();
  const carried = page.getByTestId('year-carried');
  expect(await carried.count()).toBe(2);
  expect(await carried.first().textContent()).toContain('(chuyển tiếp từ năm học 2026-2027, đang thực hiện)');
  expect(await page.getByRole('button', { name: 'Chèn Biểu 2' }).isEnabled()).toBe(true);

  const pane = await createAndSave(page);
  expect(pane.name).toBe('Kế hoạch cải tiến chất lượng 2027-2028.docx');
  const mine = checkDocument(pane.model);
  expect(mine.meta).toMatchObject({ schoolYear: '2027-2028', schoolType: 'tieu-hoc', framework: '2026' });
  expect(mine.tables.map((t) => t.form.id)).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
  const plan = mine.tt57!.plan;
  expect(plan.items.map((i) => [i.number, i.criteria, i.time, i.status])).toEqual([
    [1, ['2.2'], 'Tháng 10/2027 - tháng 4/2028', ''],
    [2, ['1.3'], 'Tháng 11/2027', ''],
  ]);
  expect(plan.items.every((i) => i.content.endsWith(')') && i.content.includes('chuyển tiếp từ năm học 2026-2027'))).toBe(true);
  expect(plan.problems.map((p) => p.criteria)).toEqual([['1.3'], ['2.2'], ['4.2']]);
  expect(plan.reviews.every((r) => !r.result.trim() && !r.content.trim() && !r.reviewer.trim())).toBe(true);

  // The same document as `ctcl roll` for the same file.
  const theirs = await cliRoll(KIM_DONG);
  expect(theirs.out).toContain('Mục V: 2 nội dung chuyển tiếp, 1 nội dung đã hoàn thành không đưa vào');
  expect(planOf(mine)).toEqual(planOf(checkDocument(theirs.model)));
  expect(texts(pane.model)).toEqual(texts(theirs.model));

  // «Đưa vào cả những nội dung đã hoàn thành» is `ctcl roll --all`.
  await page.getByRole('checkbox', { name: 'Đưa vào cả những nội dung đã hoàn thành' }).check();
  await page.getByTestId('year-summary').filter({ hasText: '3 nội dung chuyển tiếp;' }).waitFor();
  const paneAll = await createAndSave(page);
  const theirsAll = await cliRoll(KIM_DONG, '--all');
  expect(checkDocument(paneAll.model).tt57!.plan.items).toHaveLength(3);
  expect(texts(paneAll.model)).toEqual(texts(theirsAll.model));
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
});

test('a 2018 plan rolled into 2026-2027 in the pane is a whole Biểu 2, the same as `ctcl roll --assign`', async () => {
  const { page, errors } = await openRoll();
  await page.getByTestId('year-roll-file').setInputFiles(seedPath('003'));
  await page.getByTestId('year-roll-file-info').waitFor();
  await page.getByLabel('Năm học của tệp năm trước').fill('2025-2026');
  await page.getByText('Năm học mới: 2026-2027').waitFor();
  const items = page.getByTestId('year-candidate');
  await items.first().waitFor();
  await items
    .filter({ hasText: 'Tiêu chí 2.2: Đối với giáo viên' })
    .getByLabel('Gán tiêu chí cho Tiêu chí 2.2')
    .selectOption('2.2');
  await page
    .getByTestId('year-summary')
    .filter({ hasText: 'Sẽ lập Biểu 2 (Thông tư 57/2026) với 11 nội dung ở mục V, trong đó 10 nội dung chưa gán tiêu chí' })
    .waitFor();
  const pane = await createAndSave(page);
  const mine = checkDocument(pane.model);
  expect(mine.tables.map((t) => t.form.id)).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
  const plan = mine.tt57!.plan;
  expect(plan.schoolYear).toBe('2026-2027');
  expect(plan.problems.map((p) => p.criteria)).toEqual([['2.2']]);
  expect(plan.items).toHaveLength(11);
  expect(mine.tt57!.items.filter((i) => i.unassigned)).toHaveLength(10);
  expect(plan.items.filter((i) => i.content.startsWith(UNASSIGNED_MARK))).toHaveLength(10);

  const theirs = await cliRoll(seedPath('003'), '--from-year', '2025-2026', '--assign', '2.2=2.2');
  expect(planOf(mine)).toEqual(planOf(checkDocument(theirs.model)));
  expect(texts(pane.model)).toEqual(texts(theirs.model));
  expect(errors).toEqual([]);
});
