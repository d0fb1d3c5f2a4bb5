/**
 * The checker on documents written the way schools write them (test/fixtures/school-docs, made by
 * LibreOffice from HTML, not by our writer): what it reads in each, and the findings it gives, as text.
 * Issue 13 lists what it got wrong on such documents; each expectation below is what a reviewer needs.
 */
import { readFileSync } from 'node:fs';
import { checkDocument, type CheckResult } from '../../src/domain/check';
import { fileReport, formatFileText } from '../../src/domain/check/report';
import { readDocxModel, readFailure } from '../../src/docx/read';
import { parseXml } from '../../src/docx/xml-node';
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
    rules: [...new Set(r.findings.map((f) => `${f.rule}:${f.severity}`))],
  };
}

// What the checker reads in each document today. Where it is wrong, the comment says what issue 13
// asks for; the later steps change these expectations.
const TODAY: Record<string, Seen> = {
  // Wrong: the reworded headings are not recognised at all, so the report «has no table».
  '01': {
    kind: 'report',
    school: 'TRƯỜNG TH KIM CHUNG Số: 45/BC-THKC',
    year: '2023-2024',
    form: null,
    rules: ['no-table:error'],
  },
  // Wrong: no title is not reported, and the school name is taken from a sentence of the body.
  '02': {
    kind: 'plan',
    school: 'Trường THCS Vĩnh Thạnh Trung được thành lập năm 2008',
    year: '2024-2025',
    form: 'plan-2018',
    rules: [],
  },
  // Wrong: a công văn is not a KHCT document; it gets a Lỗi «no table».
  '03': { kind: 'unknown', school: 'Trường Tiểu học Kim Chung', year: '2024-2025', form: null, rules: ['no-table:error'] },
  '04': { kind: 'unknown', school: 'TRƯỜNG MẦM NON HOA SEN', year: null, form: null, rules: ['no-table:error'] },
  // Wrong: a self-assessment report is called a report (the first word of its title).
  '05': { kind: 'report', school: 'TRƯỜNG TIỂU HỌC LÊ NGỌC HÂN', year: '2022-2023', form: null, rules: ['no-table:error'] },
  // Wrong: a strategy plan is called a plan.
  '06': { kind: 'plan', school: 'TRƯỜNG THCS KINH BẮC', year: '2021-2022', form: null, rules: ['no-table:error'] },
  // Wrong: a plan written as text only gets «insert the table».
  '07': { kind: 'plan', school: 'TRƯỜNG MẦM NON HOA MAI', year: '2024-2025', form: null, rules: ['no-table:error'] },
  // Wrong: text pasted from a PDF («Phịng», «q trình», «Ð») is not noticed; the school swallows «Số:».
  '08': {
    kind: 'report',
    school: 'TRƯỜNG TIỂU HỌC HỒNG PHONG Số: 31/BC-THHP',
    year: '2022-2023',
    form: 'report-2018',
    rules: [],
  },
  // Wrong: no school, no date, no signature, no year: only the school type is missed.
  '10': { kind: 'report', school: null, year: '2024-2025', form: 'report-2018', rules: ['unknown-school-type:info'] },
  '11': {
    kind: 'report',
    school: 'TRƯỜNG THCS TÂN THẠNH ĐÔNG Số: 56/BC-THCSTTĐ',
    year: '2022-2023',
    form: 'report-2018',
    rules: [],
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
