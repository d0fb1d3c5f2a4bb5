import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCatalog } from '../../src/domain/catalog';
import { checkDocument } from '../../src/domain/check';
import { getForm } from '../../src/domain/forms';
import { formatDate, framedBody } from '../../src/domain/documents/official-frame';
import { buildTableBlock } from '../../src/domain/table/render';
import { serialize } from '../../src/domain/ooxml/xml';
import { documentNumber, EMPTY_PROFILE, type SchoolProfile } from '../../src/domain/profile';
import { initialRows } from '../../src/domain/table/model';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { assertTools, convertToPdf, pdfFonts, pdfPages } from './libreoffice';

const profile: SchoolProfile = {
  ...EMPTY_PROFILE,
  schoolName: 'Trường Tiểu học Kim Đồng',
  parentBody: 'UBND phường Ba Đình',
  place: 'Ba Đình',
  abbreviation: 'thkd',
  principal: 'Nguyễn Thị Hoa',
  recipients: ['Phòng Văn hóa - Xã hội phường (để báo cáo)', 'Lưu: VT'],
};

function framedDoc() {
  const form = getForm('plan-2018');
  const spec = {
    form: form.id,
    framework: form.framework,
    schoolType: 'tieu-hoc' as const,
    schoolYear: '2025-2026',
    groupByLevel: false,
    rows: initialRows(form, getCatalog('2018', 'tieu-hoc'), { start: 'selected', selected: [{ code: '1.1' }] }),
  };
  const body = framedBody(profile, { kind: 'plan', schoolYear: '2025-2026', date: { day: 5, month: 1, year: 2026 } }, [
    buildTableBlock(spec).sdt,
  ]);
  return DocxDocument.blank(parseXml, 'khct.docx', body);
}

interface Word {
  text: string;
  x: number;
  y: number;
}

function words(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: m[3],
  }));
}

describe('official frame (NĐ 30/2020)', () => {
  test('date and number written as the decree says', () => {
    expect(formatDate({ day: 5, month: 1, year: 2026 })).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatDate({ day: 12, month: 9, year: 2025 })).toBe('ngày 12 tháng 9 năm 2025');
    expect(documentNumber('report', 'nbn', '29')).toBe('Số: 29/BC-NBN');
    expect(documentNumber('plan', 'THKD', '7')).toBe('Số: 07/KH-THKD');
    expect(documentNumber('plan', '')).toMatch(/^Số: \s+\/KH$/);
  });

  test('the frame is read back by the checker: school, type, year, number, date', async () => {
    const r = checkDocument(await framedDoc().read());
    expect(r.meta).toMatchObject({
      documentKind: 'plan',
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      schoolName: 'TRƯỜNG TIỂU HỌC KIM ĐỒNG',
    });
    expect(r.meta.date).toMatchObject({ day: 5, month: 1, year: 2026 });
    expect(r.findings.filter((f) => f.rule === 'year-mismatch')).toEqual([]);
  });

  test('LibreOffice renders the header block side by side, the date in italics, the signature block', async () => {
    assertTools();
    const dir = mkdtempSync(join(tmpdir(), 'ctcl-frame-'));
    const file = join(dir, 'frame.docx');
    const doc = framedDoc();
    writeFileSync(file, doc.toBytes());
    const [pdf] = await convertToPdf([file], dir);
    const w = words(pdf);
    const find = (t: string) => {
      const x = w.find((v) => v.text === t);
      if (!x) throw new Error(`"${t}" not on page 1: ${w.map((v) => v.text).join(' ')}`);
      return x;
    };
    // Left: parent body and school; right: Quốc hiệu — on the same lines, side by side.
    const ubnd = find('UBND');
    const cong = find('CỘNG');
    expect(Math.abs(ubnd.y - cong.y)).toBeLessThan(6);
    expect(ubnd.x).toBeLessThan(cong.x - 100);
    const so = find('Số:');
    const date = find('05');
    expect(so.x).toBeLessThan(date.x);
    const text = pdfPages(pdf, 'layout').join('\n');
    for (const s of [
      'TRƯỜNG TIỂU HỌC KIM ĐỒNG',
      'Độc lập - Tự do - Hạnh phúc',
      'Ba Đình, ngày 05 tháng 01 năm 2026',
      'KẾ HOẠCH',
      'Cải tiến chất lượng giáo dục năm học 2025-2026',
      'Nơi nhận:',
      'HIỆU TRƯỞNG',
      'Nguyễn Thị Hoa',
      '/KH-THKD',
    ])
      expect(text).toContain(s);
    // Italic (the date) and bold italic ("Nơi nhận") are the only slanted text; LibreOffice embeds both faces.
    const fonts = pdfFonts(pdf);
    expect(fonts).toContain('LiberationSerif-Italic');
    expect(fonts).toContain('LiberationSerif-BoldItalic');
    // And in the OOXML the date run is italic, Times New Roman 13 pt.
    const xml = serialize((await doc.read()).body);
    expect(xml).toMatch(
      /<w:i\/><w:iCs\/><w:color w:val="000000"\/><w:sz w:val="26"\/><w:szCs w:val="26"\/><w:lang w:val="vi-VN"\/><\/w:rPr><w:t xml:space="preserve">Ba Đình, ngày 05/,
    );
  });
});
