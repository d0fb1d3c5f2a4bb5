/**
 * `ctcl new plan-2026 -t tieu-hoc -y 2026-2027` (and a GDTX plan with items) opened in LibreOffice: every page
 * A4 landscape, the eight sections, the three tables' headings, the mục VI rows, «Nơi nhận» and the signature in
 * the PDF text, Times New Roman (or its metric twin) only; the pages are rendered to PNG.
 */
import { join } from 'node:path';
import planForm from '../../src/domain/catalog/data/tt57-plan-form';
import { assertTools, convertToPdf, pdfFonts, pdfInfo, pdfPages, pngSize, renderPage, squash } from '../docx/libreoffice';
import { cliFolder } from '../cli/run';

const cli = cliFolder('ctcl-tt57-lo-');
let pdfs: string[] = [];

beforeAll(async () => {
  assertTools();
  const a = await cli.ctcl('new', 'plan-2026', '-t', 'tieu-hoc', '-y', '2026-2027', '-o', 'tieu-hoc.docx');
  const b = await cli.ctcl('new', 'plan-2026', '-t', 'gdtx', '-y', '2026-2027', '-c', 'all', '-o', 'gdtx.docx');
  expect([a.code, b.code]).toEqual([0, 0]);
  pdfs = await convertToPdf([join(cli.dir(), 'tieu-hoc.docx'), join(cli.dir(), 'gdtx.docx')], cli.dir());
}, 180_000);

describe.each([
  ['tieu-hoc', 0, 'HIỆU TRƯỞNG'],
  ['gdtx', 1, 'GIÁM ĐỐC'],
] as const)('Biểu 2 (%s) rendered by LibreOffice', (_type, index, signer) => {
  const pdf = (): string => pdfs[index];

  test('every page is A4 landscape and renders to a landscape image', () => {
    const { pages, sizes } = pdfInfo(pdf());
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const s of sizes) {
      expect(Math.abs(s.width - 841.9)).toBeLessThan(2);
      expect(Math.abs(s.height - 595.3)).toBeLessThan(2);
    }
    for (let p = 1; p <= pages; p++) {
      const png = pngSize(renderPage(pdf(), p, join(cli.dir(), `${_type}-page${p}`)));
      expect(png.width).toBeGreaterThan(png.height);
    }
  });

  test('the title, all eight sections, the three tables, the note, «Nơi nhận» and the signature are printed', () => {
    const all = squash(pdfPages(pdf(), 'raw').join('\n'));
    const expected = [
      'KẾ HOẠCH',
      'Cải tiến chất lượng giáo dục năm học 2026-2027',
      ...planForm.sections,
      ...planForm.sectionIVColumns,
      ...planForm.sectionVColumns,
      ...planForm.sectionVIColumns,
      ...planForm.sectionVIFixedRows,
      planForm.sectionIVNote,
      'Nơi nhận:',
      signer,
      '(Ký, ghi rõ họ tên, đóng dấu)',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ];
    expect(expected.filter((s) => !all.includes(squash(s)))).toEqual([]);
    // No level or standard rows in mục V.
    expect(all).not.toContain(squash('MỨC 1'));
  });

  test('all text is Times New Roman or its metric-compatible substitute', () => {
    for (const f of pdfFonts(pdf())) expect(f).toMatch(/^(TimesNewRoman|Times-|Liberation ?Serif)/i);
  });
});

test('the mục V heading row is repeated on each page a long table crosses (GDTX, 15 items)', () => {
  const pages = pdfPages(pdfs[1], 'raw').map(squash);
  const heading = squash('Chỉ số đánh giá kết quả (5)');
  const v = squash(planForm.sections[4]);
  const vi = squash(planForm.sections[5]);
  const vPage = pages.findIndex((p) => p.includes(v));
  const viPage = pages.findIndex((p) => p.includes(vi));
  expect(vPage).toBeGreaterThanOrEqual(0);
  // 15 items do not fit on the page where mục V starts.
  expect(viPage).toBeGreaterThan(vPage);
  for (let p = vPage; p <= viPage; p++) {
    const part = p === viPage ? pages[p].slice(0, pages[p].indexOf(vi)) : pages[p];
    if (p === vPage || part.length > 0)
      expect({ page: p + 1, heading: part.includes(heading) }).toEqual({ page: p + 1, heading: true });
  }
});
