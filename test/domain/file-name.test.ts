/** The file name proposed when a new document is saved (src/domain/documents/file-name.ts). */
import { proposedFileName, safeDocxName, schoolNameForFile } from '../../src/domain/documents/file-name';

test('a school name in capitals is written as a sentence names it', () => {
  expect(schoolNameForFile('TRƯỜNG TIỂU HỌC KIM ĐỒNG')).toBe('Trường Tiểu học Kim Đồng');
  expect(schoolNameForFile('TRƯỜNG TRUNG HỌC CƠ SỞ  VĨNH THẠNH TRUNG')).toBe('Trường Trung học cơ sở Vĩnh Thạnh Trung');
  expect(schoolNameForFile('TRƯỜNG MẦM NON HOA SEN')).toBe('Trường Mầm non Hoa Sen');
  expect(schoolNameForFile('TRƯỜNG TH KIM CHUNG')).toBe('Trường TH Kim Chung');
  expect(schoolNameForFile('Trường THCS Nguyễn Du')).toBe('Trường THCS Nguyễn Du');
});

test('the proposed name says the kind, the year and the school', () => {
  expect(proposedFileName({ documentKind: 'plan', schoolYear: '2025-2026', schoolName: 'TRƯỜNG TIỂU HỌC KIM ĐỒNG' })).toBe(
    'Kế hoạch cải tiến chất lượng 2025-2026 - Trường Tiểu học Kim Đồng.docx',
  );
  expect(proposedFileName({ documentKind: 'report', schoolYear: '2026-2027' })).toBe(
    'Báo cáo cải tiến chất lượng 2026-2027.docx',
  );
  expect(proposedFileName({ documentKind: 'monitoring' })).toBe('Theo dõi thực hiện kế hoạch cải tiến chất lượng.docx');
  expect(proposedFileName({ documentKind: 'unknown', schoolYear: '2025-2026' })).toBeUndefined();
  expect(proposedFileName({ documentKind: 'plan', schoolYear: '2025-2026', schoolName: 'Trường A/B: "C"' })).toBe(
    'Kế hoạch cải tiến chất lượng 2025-2026 - Trường A B C.docx',
  );
});

test('a typed name becomes a safe .docx name', () => {
  expect(safeDocxName('  Kế hoạch?  ')).toBe('Kế hoạch.docx');
  expect(safeDocxName('ke-hoach.DOCX')).toBe('ke-hoach.docx');
  expect(safeDocxName('...')).toBe('Tài liệu.docx');
  expect(safeDocxName('a'.repeat(300))).toHaveLength(155);
});
