/**
 * "Điền dòng" inside "Word", in Chromium: a stand-in for the Office and Word globals serves a real
 * document through body.getOoxml() and keeps the add-in's store in customXmlParts. The user deletes
 * the criterion's row in Word after the panel read the document: "Cập nhật" is refused with the
 * domain's Vietnamese message, and nothing typed is lost (the form and the draft in the document).
 */
import { getCatalog } from '../../src/domain/catalog';
import { getForm } from '../../src/domain/forms';
import { paragraph } from '../../src/domain/ooxml/writer';
import { planAddRow } from '../../src/domain/table/edit';
import { initialRows } from '../../src/domain/table/model';
import { DocxDocument } from '../../src/docx/document';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { parseDraft, parseStoreXml, STORE_KEYS } from '../../src/domain/store';
import { flatOpcOf } from '../word/fake-word';
import { startHarness, type PaneHarness } from './browser';
import { installStandInWord, standIn, type StandInWord } from './stand-in-word';
import { field } from './rows-form';

const TT17 = getCatalog('2018', 'tieu-hoc');
const DRAFT_KEY = STORE_KEYS.rowDraft;

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/**
 * A 2025-2026 plan of a primary school as Word's getOoxml gives it, twice: with rows for 1.1 and
 * 1.2, and the same table (same tag) before 1.2 was added, i.e. after the user deleted its row.
 */
async function planOoxml(): Promise<{ before: string; after: string }> {
  const doc = DocxDocument.blank(parseXml, 'Kế hoạch.docx', [
    paragraph('TRƯỜNG TIỂU HỌC KIM ĐỒNG'),
    paragraph('KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2025-2026'),
  ]);
  const { tag } = await doc.insertTable({
    form: 'plan-2018',
    framework: '2018',
    schoolType: 'tieu-hoc',
    schoolYear: '2025-2026',
    groupByLevel: false,
    rows: initialRows(getForm('plan-2018'), TT17, { start: 'skeleton' }),
  });
  const add = (code: string) =>
    doc.editTable({ tag }, (rec) =>
      planAddRow(rec, TT17, { ref: { code }, cells: { target: `Kết quả ${code}`, owner: 'Hiệu trưởng' } }),
    );
  const ooxml = () => {
    const pkg = DocxPackage.open(doc.toBytes());
    return flatOpcOf(pkg.text(pkg.mainPath)!);
  };
  await add('1.1');
  const after = ooxml();
  await add('1.2');
  return { before: ooxml(), after };
}

test('the row was deleted in Word meanwhile: "Cập nhật" says so in Vietnamese and keeps everything typed', async () => {
  const { before, after } = await planOoxml();
  const s = await harness.open({
    width: 360,
    height: 900,
    init: installStandInWord,
    initArg: { ooxml: before, url: 'C:\\Truong\\Kế hoạch 2025-2026.docx' },
  });
  const { page, errors } = s;
  await page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await page.getByTestId('mode').filter({ hasText: 'Đã kết nối Word' }).waitFor({ timeout: 5000 });
  await page.getByTestId('tab-rows').click();
  await page.getByTestId('rows-table').waitFor();
  // School type and year from the document's own title lines.
  await page.getByText('Thông tư 17, 18, 19/2018 (sửa đổi bởi 22/2024) · năm học 2025-2026').waitFor();
  expect(await page.getByLabel('Loại trường').inputValue()).toBe('tieu-hoc');

  // 1.2 has a row: load it, change a field.
  await page.getByLabel('Tìm tiêu chí').fill('1.2');
  await page.getByRole('radio', { name: /^1\.2 .*đã có 1 dòng/ }).check();
  await page.getByRole('button', { name: 'Đưa nội dung dòng vào ô nhập' }).click();
  await page.getByTestId('rows-result').filter({ hasText: 'Đã đưa nội dung dòng 1' }).waitFor();
  expect(await field(page, 'target').inputValue()).toBe('Kết quả 1.2');
  const typed = 'Chủ tịch Hội đồng trường\nThư ký <Hội đồng> & "các thành viên"';
  await field(page, 'owner').fill(typed);
  // The draft saved with the typed text (the status line already showed the draft saved when the row was loaded).
  await page.waitForFunction(() =>
    Object.values((window as unknown as { __standIn: StandInWord }).__standIn.parts).some((x) =>
      x.includes('Chủ tịch Hội đồng trường'),
    ),
  );
  await page.getByTestId('draft-status').filter({ hasText: 'Bản nháp đã lưu trong tài liệu' }).waitFor();

  // Meanwhile the user deletes 1.2's row in Word.
  await page.evaluate((x) => {
    (window as unknown as { __standIn: StandInWord }).__standIn.ooxml = x;
  }, after);
  const syncs = (await standIn(page)).syncs;
  await page.getByRole('button', { name: 'Cập nhật' }).click();
  const bar = page.getByTestId('rows-result').filter({ hasText: 'Chưa cập nhật được dòng.' });
  await bar.waitFor();
  const message = await bar.textContent();
  expect(message).toContain('Không tìm thấy dòng của tiêu chí 1.2 trong bảng. Hãy dùng «Thêm dòng».');
  expect(message).toContain('Nội dung bạn đã nhập vẫn còn nguyên trong ô.');
  // One sync (read), nothing written to the document; the form and the draft keep the text.
  const w = await standIn(page);
  expect(w.syncs - syncs).toBe(1);
  expect(w.inserted).toEqual([]);
  expect(await field(page, 'owner').inputValue()).toBe(typed);
  expect(await field(page, 'target').inputValue()).toBe('Kết quả 1.2');
  const xml = Object.values(w.parts).find((x) => x.includes(DRAFT_KEY))!;
  const draft = parseDraft(parseStoreXml(parseXml(xml)));
  expect(draft).toMatchObject({ ref: '1.2', cells: { owner: typed, target: 'Kết quả 1.2' } });
  expect(errors).toEqual([]);
});

test('the table itself is gone from Word: "Thêm dòng" says so, writes nothing, keeps the text', async () => {
  const { before } = await planOoxml();
  const other = (await planOoxml()).after;
  const { page, errors } = await harness.open({
    width: 360,
    height: 900,
    init: installStandInWord,
    initArg: { ooxml: before, url: 'C:\\Truong\\Kế hoạch 2025-2026.docx' },
  });
  await page.goto(`${harness.url}?_host_Info=Word$Win32$16.01$vi-VN$$$$0`);
  await page.getByTestId('tab-rows').click();
  await page.getByLabel('Tìm tiêu chí').fill('1.3');
  await page.getByRole('radio', { name: /^1\.3 / }).check();
  await field(page, 'target').fill('Kết quả 1.3\ndòng hai');
  // The table was deleted and another (another tag) pasted in its place.
  await page.evaluate((x) => {
    (window as unknown as { __standIn: StandInWord }).__standIn.ooxml = x;
  }, other);
  await page.getByRole('button', { name: 'Thêm dòng' }).click();
  const bar = page.getByTestId('rows-result').filter({ hasText: 'Chưa thêm được dòng.' });
  await bar.waitFor();
  expect(await bar.textContent()).toContain('Không tìm thấy bảng trong tài liệu');
  expect((await standIn(page)).inserted).toEqual([]);
  expect(await field(page, 'target').inputValue()).toBe('Kết quả 1.3\ndòng hai');
  expect(errors).toEqual([]);
});
