/**
 * «Phiếu nhận xét» (src/domain/review/note.ts): one per school, its files' findings in plain Vietnamese
 * in the NĐ 30 frame of the Phòng's profile, rendered by LibreOffice and read back from the PDF.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileReport, JsonFinding } from '../../src/domain/check/report';
import type { ReviewRun } from '../../src/domain/review';
import { findingSentence, noteFileName, noteParts, schoolsOf } from '../../src/domain/review/note';
import { DocxPackage } from '../../src/docx/package';
import {
  convertToPdf,
  ruleUnder,
  textLine,
  pdfInfo,
  pdfPages,
  pdfWords,
  renderGray,
  renderPage,
  squash,
} from '../docx/libreoffice';
import { fileReportOf } from '../helpers';

const finding = (id: string, severity: JsonFinding['severity'], row: number | null, ignored = false): JsonFinding =>
  ({
    id,
    rule: 'empty-result',
    severity,
    message: `Tiêu chí ${id} chưa ghi kết quả`,
    criterion: id,
    location: { table: 0, row, column: row === null ? null : 4 },
    ...(ignored ? { ignored: true } : {}),
  }) as JsonFinding;

const report = (over: Partial<FileReport>): FileReport => fileReportOf({ path: 'ho-so/a.docx', ...over });

const run: ReviewRun = {
  outcomes: [
    {
      report: report({
        path: 'ho-so/bao-cao/nguyen-ba-ngoc.docx',
        findings: [finding('1.1', 'error', 4), finding('2.3', 'warning', null), finding('3.1', 'error', 7, true)],
        coverage: { total: 15, reported: 12, missing: ['1.1'], basis: 'plan' },
        plan: { path: 'ho-so/ke-hoach/nguyen-ba-ngoc.docx', method: 'school-year' },
      }),
      statuses: {},
    },
    {
      report: report({
        path: 'ho-so/ke-hoach/nguyen-ba-ngoc.docx',
        documentKind: 'plan',
        schoolName: 'Trường Tiểu học Nguyễn Bá Ngọc',
      }),
      statuses: {},
    },
    { report: report({ path: 'ho-so/x.docx', schoolName: 'Trường Mầm non Hoa Sen', schoolType: 'mam-non' }), statuses: {} },
    { report: report({ path: 'ho-so/hong.docx', error: { code: 'not-zip', message: 'x' } }), statuses: {} },
    { report: report({ path: 'ho-so/cong-van.docx', documentKind: 'unknown' }), statuses: {} },
  ],
};

test('one note per school: the plan and the report of a school named two ways together, plans first; unreadable and non-KHCT files left out', () => {
  const schools = schoolsOf(run);
  expect(schools.map((s) => [s.school, s.files])).toEqual([
    ['Trường Tiểu học Nguyễn Bá Ngọc', [1, 0]],
    ['Trường Mầm non Hoa Sen', [2]],
  ]);
  expect(noteFileName(schools[0])).toBe('Phiếu nhận xét - Trường Tiểu học Nguyễn Bá Ngọc.docx');
  expect(findingSentence(run.outcomes[0].report.findings[0])).toBe('Bảng 1, dòng 5, cột 5: Tiêu chí 1.1 chưa ghi kết quả.');
  expect(findingSentence(run.outcomes[0].report.findings[1])).toBe('Bảng 1: Tiêu chí 2.3 chưa ghi kết quả.');
});

describe('rendered by LibreOffice', () => {
  let dir: string;
  let pages: string[];
  let pdf: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ctcl-note-'));
    const school = schoolsOf(run)[0];
    const parts = noteParts(run, school, {
      date: new Date(2026, 4, 7),
      reviewer: {
        schoolName: 'Phòng Giáo dục và Đào tạo',
        parentBody: 'UBND huyện Yên Thế',
        place: 'Yên Thế',
        abbreviation: 'PGDĐT',
        principal: 'Nguyễn Văn An',
        signerTitle: 'TRƯỞNG PHÒNG',
        recipients: ['Như trên', 'Lưu: VT'],
      },
    });
    const file = join(dir, 'phieu.docx');
    writeFileSync(file, DocxPackage.fromParts(parts).toBytes());
    [pdf] = await convertToPdf([file], dir);
    pages = pdfPages(pdf);
  });
  afterAll(() => {
    if (process.env.CTCL_KEEP_NOTE) console.log(dir);
    else rmSync(dir, { recursive: true, force: true });
  });

  test('A4 portrait, NĐ 30 header from the Phòng profile, title, each file and its findings, the ignored item, signature', () => {
    const { sizes } = pdfInfo(pdf);
    for (const s of sizes) expect([Math.round(s.width), Math.round(s.height)]).toEqual([595, 842]);
    const text = squash(pages.join('\n'));
    for (const expected of [
      'UBNDHUYỆNYÊNTHẾ',
      'PHÒNGGIÁODỤCVÀĐÀOTẠO',
      'Số:/PGDĐT',
      'CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM',
      'Độclập-Tựdo-Hạnhphúc',
      'YênThế,ngày07tháng5năm2026',
      'PHIẾUNHẬNXÉT',
      'Hồsơcảitiếnchấtlượngnămhọc2025-2026củaTrườngTiểuhọcNguyễnBáNgọc',
      'KínhgửiTrườngTiểuhọcNguyễnBáNgọc'.replace('gửi', 'gửi:'),
      '1.Kếhoạchcảitiếnchấtlượng(tệp«nguyen-ba-ngoc.docx»)',
      '2.Báocáokếtquảthựchiệnkếhoạchcảitiếnchấtlượng(tệp«nguyen-ba-ngoc.docx»)',
      'Báocáođãghikếtquảcho12/15tiêuchítrongkếhoạch.',
      'Bảng1,dòng5,cột5:Tiêuchí1.1chưaghikếtquả.',
      'Nhàtrườngđãđánhdấubỏqua1mục',
      'Bảng1,dòng8,cột5:Tiêuchí3.1chưaghikếtquả.',
      'Đềnghịnhàtrườngsửacácnộidungcầnsửa',
      'TRƯỞNGPHÒNG',
      'NguyễnVănAn',
      'Nơinhận:',
      '-Nhưtrên;',
      '-Lưu:VT.',
    ]) {
      expect(text).toContain(squash(expected));
    }
    // The plan has no finding: said in words.
    expect(text).toContain(squash('Không phát hiện nội dung nào cần sửa hoặc xem lại.'));
    const png = renderPage(pdf, 1, join(dir, 'page1'), 50);
    expect(png).toMatch(/page1\.png$/);
  });

  test('the NĐ 30 short rules sit below the issuer, the Tiêu ngữ and the last title line, not across their letters', () => {
    const img = renderGray(pdf, 1, join(dir, 'gray'), 150);
    const words = pdfWords(pdf, 1);
    // «PHÒNG GIÁO DỤC VÀ / ĐÀO TẠO» wraps in its column; the title's second line wraps too.
    for (const [first, last] of [
      ['ĐÀO', 'TẠO'],
      ['Độc', 'phúc'],
      ['Bá', 'Ngọc'],
    ]) {
      const text = textLine(words, first, last)!;
      expect(text).toBeDefined();
      const rule = ruleUnder(img, text, 80)!;
      expect(rule).toBeDefined();
      // Below the bottom of the words' boxes (which include the descent), not through the letters.
      expect(rule.y).toBeGreaterThan(text.bottom);
      // Centred under the line of text.
      expect(Math.abs((rule.start + rule.end) / 2 - (text.x0 + text.x1) / 2)).toBeLessThan(6);
    }
  });
});
