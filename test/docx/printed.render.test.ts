/**
 * What is printed (issue 14), rendered by LibreOffice: the NĐ 30 short rules sit below the text (a gap
 * between the letters and the line), centred under it, about a third of the column; rows shorter than
 * a page move whole to the next page (w:cantSplit) and a standard's heading row stays with its first
 * criterion (keepNext on every paragraph of the row, cantSplit). Page images are written to
 * .tmp/printed/ for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '../../src/domain/catalog';
import { getForm } from '../../src/domain/forms';
import { framedBody } from '../../src/domain/documents/official-frame';
import { buildTableBlock, estimatedRowHeight } from '../../src/domain/table/render';
import { layoutRows, type TableSpec } from '../../src/domain/table/model';
import { EMPTY_PROFILE, type SchoolProfile } from '../../src/domain/profile';
import { findFirst, serialize, type XElement } from '../../src/domain/ooxml/xml';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { ROOT } from '../taskpane/browser';
import {
  assertTools,
  convertToPdf,
  ruleUnder,
  textLine,
  pdfInfo,
  pdfPages,
  pdfWords,
  renderGray,
  renderPage,
} from './libreoffice';

const OUT = join(ROOT, '.tmp', 'printed');

const profile: SchoolProfile = {
  ...EMPTY_PROFILE,
  schoolName: 'Trường Tiểu học Kim Đồng',
  parentBody: 'UBND phường Ba Đình',
  place: 'Ba Đình',
  abbreviation: 'THKĐ',
  principal: 'Nguyễn Thị Hoa',
};

/** Every element named `name` under `e`, in document order. */
function findAll(e: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  for (const c of e.children) {
    if (c.t !== 'e') continue;
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}

describe('printed pages (LibreOffice)', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  test('NĐ 30 short rules: below the school name and the summary line, not touching them, centred, about a third of the column', async () => {
    assertTools();
    const form = getForm('plan-2018');
    const spec: TableSpec = {
      form: form.id,
      framework: '2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      groupByLevel: false,
      rows: layoutRows(form.id, getCatalog('2018', 'tieu-hoc'), [{ ref: { code: '1.1' }, cells: {} }]),
    };
    const body = framedBody(profile, { kind: 'plan', schoolYear: '2025-2026', date: { day: 5, month: 9, year: 2025 } }, [
      buildTableBlock(spec).sdt,
    ]);
    const file = join(OUT, 'rules.docx');
    writeFileSync(file, DocxDocument.blank(parseXml, 'rules.docx', body).toBytes());
    const [pdf] = await convertToPdf([file], OUT);
    renderPage(pdf, 1, join(OUT, 'rules-page'), 110);
    const img = renderGray(pdf, 1, join(OUT, 'rules-gray'), 150);
    const words = pdfWords(pdf, 1);
    const cases = [
      { name: 'school', text: textLine(words, 'TRƯỜNG', 'ĐỒNG')!, column: (14003 * 0.42) / 20 },
      { name: 'summary', text: textLine(words, 'Cải', '2025-2026')!, column: 14003 / 20 },
    ];
    for (const { text, column } of cases) {
      expect(text).toBeDefined();
      // The first long horizontal line under the text (within 12 pt of its top's line box).
      const rule = ruleUnder(img, text, 40)!;
      expect(rule).toBeDefined();
      // Below the letters: below the bottom of the words' boxes (which includes the descent), not through them.
      expect(rule.y).toBeGreaterThan(text.bottom);
      // Centred under the text.
      expect(Math.abs((rule.start + rule.end) / 2 - (text.x0 + text.x1) / 2)).toBeLessThan(6);
      // About a third of its column (NĐ 30: one third to one half of the line of text).
      const length = rule.end - rule.start;
      expect(length / column).toBeGreaterThan(0.2);
      expect(length / column).toBeLessThan(0.45);
      expect(length).toBeLessThan(text.x1 - text.x0);
    }
  });

  test('rows shorter than a page move whole; a standard row stays with its first criterion', async () => {
    assertTools();
    const form = getForm('plan-2018');
    const catalog = getCatalog('2018', 'tieu-hoc');
    // Each criterion row is about a third of a page: without cantSplit LibreOffice breaks rows across pages.
    const long = (code: string) =>
      Array.from({ length: 5 }, (_, i) => `${code}: bước ${i + 1} của biện pháp, làm theo từng tháng trong năm học`).join('\n');
    const codes = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '4.1'];
    const spec: TableSpec = {
      form: form.id,
      framework: '2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      groupByLevel: false,
      rows: layoutRows(
        form.id,
        catalog,
        codes.map((code) => ({ ref: { code }, cells: { actions: long(code), target: `Mục tiêu ${code}` } })),
      ),
    };
    const { sdt } = buildTableBlock(spec);
    // The OOXML: heading rows of standards are cantSplit and every paragraph in them keepNext.
    const trs = findAll(sdt, 'w:tr');
    const standardRows = trs.filter((tr) => /Tiêu chuẩn \d/.test(serialize(tr)));
    expect(standardRows.length).toBe(4);
    for (const tr of standardRows) {
      expect(findFirst(tr, 'w:cantSplit')).toBeDefined();
      for (const p of findAll(tr, 'w:p')) expect(findFirst(p, 'w:keepNext')).toBeDefined();
    }
    const file = join(OUT, 'rows.docx');
    writeFileSync(file, DocxDocument.blank(parseXml, 'rows.docx', [sdt]).toBytes());
    const [pdf] = await convertToPdf([file], OUT);
    const { pages } = pdfInfo(pdf);
    expect(pages).toBeGreaterThan(2);
    for (let p = 1; p <= pages; p++) renderPage(pdf, p, join(OUT, `rows-page-${p}`), 50);
    const text = pdfPages(pdf, 'raw');
    const pageOf = (s: string) => text.findIndex((t) => t.includes(s));
    for (const code of codes) {
      // First and last step of each row on the same page: the row did not break.
      const first = pageOf(`${code}: bước 1 của`);
      const last = pageOf(`${code}: bước 5 của`);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(last).toBe(first);
    }
    // Each standard's heading is on the page of its first criterion.
    for (const [std, code] of [
      [1, '1.1'],
      [2, '2.1'],
      [3, '3.1'],
      [4, '4.1'],
    ] as const) {
      expect(pageOf(`Tiêu chuẩn ${std}:`)).toBe(pageOf(`${code}: bước 1 của`));
    }
  });

  test('a row taller than a page is left free to break (Word would cut it at the foot of the page)', () => {
    const form = getForm('plan-2018');
    const width = form.columns.find((c) => c.key === 'actions')!.width;
    expect(estimatedRowHeight([{ text: 'một dòng', width }])).toBeLessThan(600);
    const huge = Array.from({ length: 60 }, (_, i) => `Bước ${i + 1}`).join('\n');
    const spec: TableSpec = {
      form: form.id,
      framework: '2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      groupByLevel: false,
      rows: layoutRows(form.id, getCatalog('2018', 'tieu-hoc'), [
        { ref: { code: '1.1' }, cells: { actions: huge } },
        { ref: { code: '1.2' }, cells: { actions: 'Ngắn' } },
      ]),
    };
    const rows = findAll(buildTableBlock(spec).sdt, 'w:tr').filter((tr) => /Tiêu chí 1\.[12]/.test(serialize(tr)));
    expect(rows.map((tr) => !!findFirst(tr, 'w:cantSplit'))).toEqual([false, true]);
  });
});
