/**
 * The checker on documents written the way schools write them (test/fixtures/school-docs, made by
 * LibreOffice from HTML, not by our writer): what it reads in each, and the findings it gives, as text.
 * Issue 13 lists what it got wrong on such documents; each expectation below is what a reviewer needs.
 */
import { readFileSync } from 'node:fs';
import { checkDocument, type CheckResult } from '../../src/domain/check';
import { fileReport, formatFileText } from '../../src/domain/check/report';
import { readDocxModel, readFailure } from '../../src/app/open';
import { parseXml } from '../../src/xml/node';
import { schoolDocPath } from '../helpers';

function check(name: string): CheckResult {
  return checkDocument(readDocxModel(new Uint8Array(readFileSync(schoolDocPath(name))), parseXml));
}

interface Seen {
  kind: string;
  school: string | null;
  year: string | null;
  form: string | null;
  rules: string[];
}

function seen(r: CheckResult): Seen {
  return {
    kind: r.meta.documentKind,
    school: r.meta.schoolName ?? null,
    year: r.meta.schoolYear ?? null,
    form: r.primary?.form.id ?? null,
    rules: [...new Set(r.findings.map((f) => `${f.rule === 'document-frame' ? f.id : f.rule}:${f.severity}`))],
  };
}

// What the checker reads in each document. Where it is still wrong, the comment says what issue 13
// asks for; the later steps change these expectations.
const TODAY: Record<string, Seen> = {
  // Reworded headings understood by their meaning, said once (no false «Thiếu cột», no false «chưa có kết quả»).
  '01': {
    kind: 'report',
    school: 'TRƯỜNG TH KIM CHUNG',
    year: '2023-2024',
    form: 'report-2018',
    rules: ['uncertain-heading:info'],
  },
  // The name over two lines of the letterhead, not the body's «Trường THCS … được thành lập năm 2008».
  '02': {
    kind: 'plan',
    school: 'TRƯỜNG TRUNG HỌC CƠ SỞ VĨNH THẠNH TRUNG',
    year: '2024-2025',
    form: 'plan-2018',
    rules: ['document-frame|title:warning', 'document-frame|parts:info'],
  },
  // Not KHCT documents: one finding each, nothing else.
  '03': {
    kind: 'unknown',
    school: 'Trường Tiểu học Kim Chung',
    year: '2024-2025',
    form: null,
    rules: ['not-khct-document:warning'],
  },
  '04': { kind: 'unknown', school: 'TRƯỜNG MẦM NON HOA SEN', year: null, form: null, rules: ['not-khct-document:warning'] },
  '05': {
    kind: 'unknown',
    school: 'TRƯỜNG TIỂU HỌC LÊ NGỌC HÂN',
    year: '2022-2023',
    form: null,
    rules: ['not-khct-document:warning'],
  },
  '06': { kind: 'unknown', school: 'TRƯỜNG THCS KINH BẮC', year: '2021-2022', form: null, rules: ['not-khct-document:warning'] },
  // A plan written as text: said so, with the criteria found.
  '07': { kind: 'plan', school: 'TRƯỜNG MẦM NON HOA MAI', year: '2024-2025', form: null, rules: ['no-table:warning'] },
  // Text pasted from a PDF («Phịng», «q trình», «Ð»): one warning with examples.
  '08': {
    kind: 'report',
    school: 'TRƯỜNG TIỂU HỌC HỒNG PHONG',
    year: '2022-2023',
    form: 'report-2018',
    rules: ['damaged-text:warning'],
  },
  // No school, no date, no signature: said, as warnings and a suggestion.
  '10': {
    kind: 'report',
    school: null,
    year: '2024-2025',
    form: 'report-2018',
    rules: [
      'document-frame|school:warning',
      'document-frame|date:warning',
      'unknown-school-type:info',
      'document-frame|parts:info',
    ],
  },
  // «giai đoạn 2021-2025» in the title: the school year is the one of the signing date.
  // Complete and correct: nothing to say.
  '12': { kind: 'report', school: 'TRƯỜNG TIỂU HỌC TẢ THANH OAI', year: '2024-2025', form: 'report-2018', rules: [] },
  '11': {
    kind: 'report',
    school: 'TRƯỜNG THCS TÂN THẠNH ĐÔNG',
    year: '2022-2023',
    form: 'report-2018',
    rules: ['document-frame|parts:info'],
  },
};

describe('documents written the way schools write them', () => {
  test.each(Object.keys(TODAY))('%s: what the checker reads, and its findings', (name) => {
    expect(seen(check(name))).toEqual(TODAY[name]);
  });

  test.each(Object.keys(TODAY))('%s: the text mode reads back what was found', (name) => {
    const r = check(name);
    const text = formatFileText(fileReport(`${name}.docx`, r));
    expect(text.startsWith(`▸ ${name}.docx\n`)).toBe(true);
    for (const f of r.findings) expect(text).toContain(f.message);
    if (!r.findings.length) expect(text).toContain('Không có lỗi, cảnh báo hay gợi ý nào.');
  });
});

test('09: an old Word file (.doc) is not read today; the message says to save it as .docx', () => {
  let failure: ReturnType<typeof readFailure> | undefined;
  try {
    readDocxModel(new Uint8Array(readFileSync(schoolDocPath('09'))), parseXml);
  } catch (e) {
    failure = readFailure(e);
  }
  expect(failure).toMatchObject({ code: 'legacy-doc', message: expect.stringContaining('.docx') });
});

describe('what the findings say on these documents', () => {
  test('01: every column understood, the results read, the guess said once with each heading', () => {
    const r = check('01');
    expect(r.primary!.columns.map((c) => [c.key, c.col, !!c.guessed])).toEqual([
      ['tt', 0, false],
      ['criterion', 1, false],
      ['planned', 2, true],
      ['adjusted', 3, true],
      ['done', 4, true],
      ['inProgress', 5, true],
      ['notStarted', 6, true],
      ['note', 7, false],
    ]);
    expect(r.coverage).toMatchObject({ total: 7, reported: 7 });
    const [f] = r.findings;
    expect(f.message).toMatch(/^Tiêu đề 5 cột khác mẫu/);
    expect(f.message).toContain('«Những việc chưa triển khai (lý do)» là cột «Những công việc chưa triển khai (nêu rõ lý do)»');
  });

  test('07: the prose plan names its criteria', () => {
    expect(check('07').findings[0].message).toMatch(/viết thành văn bản.*3 tiêu chí: 1\.3, 3\.2, 3\.5/);
  });

  test('08: the damaged words are shown, once for the document', () => {
    const [f] = check('08').findings;
    expect(f.message).toMatch(/^Có \d+ chữ bị hỏng, ví dụ «Phịng», «ÐT», «Ðức»/);
  });
});
