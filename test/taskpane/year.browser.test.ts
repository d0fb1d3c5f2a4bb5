/**
 * The "Năm học mới" tab in a real browser (Debian Chromium, offline), standalone mode: a report from a
 * picked plan file, templates saved and used again (and a newer template refused), last year's plan
 * rolled into a TT57 plan with a criterion assigned in the pane, and the official frame from the
 * school profile. Every document is saved and read back.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { readStore } from '../../src/docx/store';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { checkDocument } from '../../src/domain/check';
import type { DocModel } from '../../src/domain/ooxml/reader';
import { refKey } from '../../src/domain/table/model';
import { criteriaBySection, criterionEntries, recogniseTables } from '../../src/domain/table/recognise';
import { NO_OFFICIAL_MAPPING, UNASSIGNED_MARK } from '../../src/domain/year';
import { openSeed, seedPath } from '../helpers';
import { startHarness, type PaneHarness, axeProblems, saveDocx } from './browser';

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function openYearTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Năm học mới' }).click();
  await page.getByTestId('year-panel').waitFor({ timeout: 10000 });
}

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await download.path()));
}

async function savedModel(page: Page): Promise<{ doc: DocxDocument; model: DocModel }> {
  const { name, bytes } = await saveDocx(page);
  const doc = DocxDocument.open(bytes, parseXml, name);
  return { doc, model: await doc.read() };
}

const result = (page: Page, text: string) => page.getByTestId('year-result').filter({ hasText: text });

test("report from a picked plan file: one row per planned criterion with the plan's content, saved in the .docx", async () => {
  const { page, errors, outside } = await harness.openStandalone();
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await openYearTab(page);
  await page.getByRole('radio', { name: 'Báo cáo từ kế hoạch' }).check();
  await page.getByRole('radio', { name: 'Tệp kế hoạch (.docx)' }).check();
  await page.getByTestId('year-plan-file').setInputFiles(seedPath('003'));
  const info = page.getByTestId('year-plan-file-info');
  await info.waitFor();
  expect(await info.textContent()).toMatch(/Bảng kế hoạch .*11 tiêu chí, năm học 2021-2022, tiểu học/);
  // The school type and year come from the plan.
  expect(await page.getByLabel('Năm học của báo cáo').inputValue()).toBe('2021-2022');
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('tieu-hoc');
  await page.getByTestId('year-summary').filter({ hasText: 'Báo cáo sẽ có 11 dòng tiêu chí: 1.6, 1.10' }).waitFor();

  await page.getByRole('button', { name: 'Chèn bảng báo cáo' }).click();
  await result(page, 'Đã chèn bảng báo cáo.').waitFor();
  await page.getByTestId('preview').getByText('ND Kế hoạch cải tiến chất lượng giáo dục năm học 2021-2022').waitFor();

  const { model } = await savedModel(page);
  const [report] = recogniseTables(model);
  expect(report.form.id).toBe('report-2018');
  expect(report.tag).toMatch(/^ctcl:report-2018:/);
  const [plan] = recogniseTables(await openSeed('003').read());
  expect(criteriaBySection(report)).toEqual(criteriaBySection(plan));
  const planned = new Map(criterionEntries(plan).map((e) => [refKey(e.ref), e.cells.actions ?? '']));
  for (const e of criterionEntries(report)) {
    const lines = planned.get(refKey(e.ref))!.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(e.cells.planned).toContain(line);
  }
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
});

test('templates: "Lưu làm mẫu" keeps the plan in the document and downloads it; "Tạo từ mẫu" from the .json in a new document; a newer one is refused', async () => {
  const { page, errors } = await harness.openStandalone();
  await page.getByTestId('open-file').setInputFiles(seedPath('003'));
  await page.getByTestId('file-notice').filter({ hasText: 'Đã mở' }).waitFor();
  await openYearTab(page);
  await page.getByRole('radio', { name: 'Mẫu kế hoạch' }).check();
  await page.getByText(/Bảng kế hoạch: Bảng kế hoạch .*11 tiêu chí/).waitFor();
  await page.getByLabel('Tên mẫu').fill('Mẫu KHCT: Thanh Chấn');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lưu làm mẫu' }).click(),
  ]);
  // The file is named after the template (without characters file systems refuse).
  expect(download.suggestedFilename()).toBe('Mẫu KHCT Thanh Chấn.json');
  const json = Buffer.from(await bytesOf(download)).toString('utf8');
  const template = JSON.parse(json);
  expect(template).toMatchObject({
    schema: 'ctcl/plan-template',
    version: 1,
    name: 'Mẫu KHCT: Thanh Chấn',
    framework: '2018',
    form: 'plan-2018',
    schoolType: 'tieu-hoc',
    schoolYear: '2021-2022',
  });
  expect(template.rows).toHaveLength(11);
  await result(page, 'Đã lưu mẫu «Mẫu KHCT: Thanh Chấn».').waitFor();

  // Kept in the document too (store key "templates"), and offered in its list.
  const { doc } = await savedModel(page);
  const store = readStore(doc.pkg, parseXml);
  expect((store?.templates as { name: string }[]).map((t) => t.name)).toEqual(['Mẫu KHCT: Thanh Chấn']);
  await page.getByLabel('Mẫu', { exact: true }).selectOption({ label: 'Mẫu KHCT: Thanh Chấn' });

  // A new document: no template kept in it; the downloaded file is used.
  await page.getByRole('button', { name: 'Tài liệu mới' }).click();
  await page.getByText('Tài liệu này chưa lưu mẫu nào.').waitFor();
  await page
    .getByTestId('year-template-file')
    .setInputFiles({ name: 'mẫu.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.getByText(/11 dòng, Thông tư 17, 18, 19\/2018.*soạn cho năm học 2021-2022/).waitFor();
  await page.getByLabel('Năm học của kế hoạch').fill('2024-2025');
  await page.getByRole('button', { name: 'Chèn bảng từ mẫu' }).click();
  await result(page, 'Đã chèn bảng kế hoạch từ mẫu.').waitFor();
  const { model } = await savedModel(page);
  const [made] = recogniseTables(model);
  const [plan] = recogniseTables(await openSeed('003').read());
  expect(made.form.id).toBe('plan-2018');
  expect(criteriaBySection(made)).toEqual(criteriaBySection(plan));
  // Dates in the texts moved with the year: 2021-2022 → 2024-2025.
  const timeline = criterionEntries(made).find((e) => e.ref.code === '1.6')!.cells.timeline ?? '';
  expect(timeline).toContain('/2025');
  expect(timeline).not.toContain('/2022');

  // A template from a newer ctcl is refused with the reason, and nothing is offered to insert.
  await page.getByTestId('year-template-file').setInputFiles({
    name: 'mẫu mới.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...template, version: 2 })),
  });
  const refusal = page.getByTestId('year-template-error');
  await refusal.waitFor();
  expect(await refusal.textContent()).toMatch(
    /Không dùng được «mẫu mới\.json»\. Mẫu này được tạo bằng phiên bản ctcl mới hơn.*Hãy cập nhật ctcl/,
  );
  expect(await page.getByRole('button', { name: 'Chèn bảng từ mẫu' }).isDisabled()).toBe(true);
  expect(errors).toEqual([]);
});

test('roll a 2018 plan into TT57: the plain warning, suggestions with a bar, one row assigned, the rest marked; a new framed Biểu 2', async () => {
  const { page, errors } = await harness.openStandalone();
  await openYearTab(page);

  // The school profile first (kept in the browser and the document).
  await page.getByRole('radio', { name: 'Thông tin trường, phần đầu và phần ký' }).check();
  await page.getByRole('button', { name: 'Lưu thông tin trường' }).click();
  await page.getByText('Hãy nhập tên trường.').waitFor();
  await page.getByLabel('Tên trường').fill('Trường Tiểu học Thanh Chấn');
  await page.getByLabel('Cơ quan chủ quản').fill('UBND xã Thanh Chấn');
  await page.getByLabel('Địa danh').fill('Thanh Chấn');
  await page.getByLabel('Ký hiệu viết tắt').fill('thtc');
  await page.getByLabel('Hiệu trưởng (họ và tên)').fill('Nguyễn Văn An');
  await page.getByRole('button', { name: 'Lưu thông tin trường' }).click();
  await result(page, 'Đã lưu thông tin trường.').waitFor();
  expect(await axeProblems(page)).toEqual([]);
  const kept = await page.evaluate(() => localStorage.getItem('ctcl.profile'));
  expect(JSON.parse(kept!)).toMatchObject({ schoolName: 'Trường Tiểu học Thanh Chấn', abbreviation: 'THTC' });

  await page.getByRole('radio', { name: 'Kế hoạch năm mới từ năm trước' }).check();
  await page.getByTestId('year-roll-file').setInputFiles(seedPath('003'));
  await page.getByTestId('year-roll-file-info').waitFor();
  expect(await page.getByLabel('Năm học của tệp năm trước').inputValue()).toBe('2021-2022');
  await page.getByLabel('Năm học của tệp năm trước').fill('2025-2026');
  await page.getByText('Năm học mới: 2026-2027').waitFor();
  const warning = page.getByTestId('year-no-mapping');
  await warning.waitFor();
  expect(await warning.textContent()).toContain(NO_OFFICIAL_MAPPING);
  const items = page.getByTestId('year-candidate');
  expect(await items.count()).toBe(11);
  // Each row shows three suggestions with a similarity; 2018's 2.2 (teachers) is closest to TT57 2.2.
  const teachers = items.filter({ hasText: 'Tiêu chí 2.2: Đối với giáo viên' });
  await teachers.getByText('2.2 Giáo viên', { exact: true }).waitFor();
  const meters = teachers.getByRole('meter');
  expect(await meters.count()).toBe(3);
  expect(await meters.first().getAttribute('aria-valuetext')).toMatch(/^giống \d+%$/);
  expect(await axeProblems(page)).toEqual([]);
  await teachers.getByLabel('Gán tiêu chí cho Tiêu chí 2.2').selectOption('2.2');
  // One row left out.
  await items.filter({ hasText: 'Tiêu chí 5.5' }).getByRole('checkbox').uncheck();
  await page
    .getByTestId('year-summary')
    .filter({ hasText: 'Sẽ lập Biểu 2 (Thông tư 57/2026) với 10 nội dung ở mục V, trong đó 9 nội dung chưa gán tiêu chí' })
    .waitFor();
  expect(await page.getByRole('checkbox', { name: 'Kèm phần đầu và phần ký theo Nghị định 30/2020' }).isChecked()).toBe(true);

  await page.getByRole('button', { name: 'Tạo tài liệu mới' }).click();
  // The open document (with the profile saved in it) has unsaved changes: asked first.
  await page.getByRole('button', { name: 'Vẫn tạo tài liệu mới' }).click();
  await result(page, 'Đã tạo tài liệu mới.').waitFor();
  await page.getByText('— chưa lưu').waitFor();
  expect(await page.getByTestId('file-name').inputValue()).toBe('Kế hoạch cải tiến chất lượng 2026-2027.docx');

  const { name, model } = await savedModel(page).then(async (r) => ({ name: r.doc.name, model: r.model }));
  expect(name).toBe('Kế hoạch cải tiến chất lượng 2026-2027.docx');
  const checked = checkDocument(model);
  expect(checked.meta).toMatchObject({ documentKind: 'plan', schoolYear: '2026-2027', schoolName: 'TRƯỜNG TIỂU HỌC THANH CHẤN' });
  expect(checked.meta.number).toMatch(/\/KH-THTC$/);
  // A whole Biểu 2: the assigned criterion is a mục IV problem its item serves; the other rows are items marked.
  expect(checked.tables.map((t) => t.form.id)).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
  const plan = checked.tt57!.plan;
  expect(plan.problems.map((p) => p.criteria)).toEqual([['2.2']]);
  expect(plan.items).toHaveLength(10);
  expect(plan.items.filter((i) => i.criteria.includes('2.2'))).toHaveLength(1);
  const loose = plan.items.filter((i) => i.content.startsWith(UNASSIGNED_MARK));
  expect(loose).toHaveLength(9);
  expect(checked.tt57!.items.filter((i) => i.unassigned)).toHaveLength(9);
  const last = model.tables[model.tables.length - 1].rows.flatMap((r) => r.cells.map((c) => c.text)).join('\n');
  expect(last).toContain('Nơi nhận:');
  expect(last).toContain('Nguyễn Văn An');
  expect(errors).toEqual([]);
});
