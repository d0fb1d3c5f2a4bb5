/**
 * `ctcl check` on a reviewer's folder of documents written the way schools write them
 * (test/fixtures/school-docs): files that are not plans or reports listed apart, an old .doc checked
 * through a copy LibreOffice converts (and today's message without LibreOffice), and the summary.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileReport, RunSummary } from '../../src/domain/check/report';
import { SCHOOL_DOCS, schoolDocPath } from '../helpers';
import { cliFolder } from './run';

const cli = cliFolder('ctcl-school-docs-');
const ctcl = cli.ctcl;

/** The fixtures without their sources: the folder a reviewer would have. */
function folder(): string {
  const dir = mkdtempSync(join(cli.dir(), 'ho-so-'));
  for (const f of readdirSync(SCHOOL_DOCS).filter((x) => /\.docx?$/.test(x))) copyFileSync(join(SCHOOL_DOCS, f), join(dir, f));
  return dir;
}

async function withoutSoffice<T>(run: () => Promise<T>): Promise<T> {
  const path = process.env.PATH;
  process.env.PATH = '';
  try {
    return await run();
  } finally {
    process.env.PATH = path;
  }
}

describe('a folder of school documents', () => {
  test('not-KHCT files: one finding each, not errors, counted apart; the .doc converted; exit 0', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, '09-ke-hoach-cu.doc'));
    const r = await ctcl('check', dir, '--format', 'json');
    const data = JSON.parse(r.out) as { files: FileReport[]; summary: RunSummary; skipped: unknown[] };
    expect(r.code).toBe(0);
    expect(data.skipped).toEqual([]);
    const byName = Object.fromEntries(data.files.map((f) => [f.path.split(/[\\/]/).pop()!, f]));
    for (const n of ['03-cong-van.docx', '04-danh-sach.docx', '05-bao-cao-tu-danh-gia.docx', '06-ke-hoach-chien-luoc.docx']) {
      expect(byName[n]).toMatchObject({ documentKind: 'unknown', form: null, criteria: {} });
      expect(byName[n].findings.map((f) => [f.rule, f.severity])).toEqual([['not-khct-document', 'warning']]);
    }
    expect(byName['09-ke-hoach-cu.doc']).toMatchObject({
      documentKind: 'plan',
      form: 'plan-2018',
      schoolName: 'TRƯỜNG MẦM NON 2',
      schoolYear: '2023-2024',
      convertedFrom: 'doc',
      findings: [],
    });
    expect('convertedFrom' in byName['12-bao-cao-day-du.docx']).toBe(false);
    expect(data.summary).toMatchObject({ files: 12, unreadable: 0, notKhct: 4, converted: 1, filesWithErrors: 0 });
    expect(data.summary.byKind).toEqual({ report: 5, plan: 3, monitoring: 0, unknown: 0 });
    // The old file is only read.
    expect(readFileSync(join(dir, '09-ke-hoach-cu.doc')).equals(before)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(12);
  });

  test('the text mode says it, and the summary line counts the other files and the converted one', async () => {
    const r = await ctcl('check', folder());
    expect(r.out).toContain('Đã chuyển từ .doc: kiểm tra trên một bản sao .docx do LibreOffice tạo; tệp gốc không đổi.');
    expect(r.out).toContain(
      'Văn bản này không phải kế hoạch cải tiến chất lượng hay báo cáo kết quả thực hiện kế hoạch («BÁO CÁO TỰ ĐÁNH GIÁ',
    );
    expect(r.out.trimEnd().split('\n').pop()).toBe(
      'Tổng cộng: 12 tệp; 0 lỗi, 9 cảnh báo, 5 gợi ý; 0 tệp có lỗi. Theo loại: 5 báo cáo, 3 kế hoạch, 4 không phải kế hoạch/báo cáo cải tiến chất lượng (chỉ liệt kê). 1 tệp .doc đã được chuyển sang .docx để kiểm tra.',
    );
  });

  test('without LibreOffice: a .doc in a folder is skipped with the save-as message; named, it cannot be read', async () => {
    const dir = folder();
    const walked = await withoutSoffice(() => ctcl('check', dir, '--format', 'json'));
    expect(walked.err).toContain('09-ke-hoach-cu.doc: không phải tệp .docx (.doc); hãy mở trong Word và lưu lại dưới dạng .docx');
    expect((JSON.parse(walked.out) as { files: FileReport[] }).files).toHaveLength(11);
    const named = await withoutSoffice(() => ctcl('check', schoolDocPath('09'), '--format', 'json'));
    expect(named.code).toBe(2);
    expect((JSON.parse(named.out) as { files: FileReport[] }).files[0].error).toMatchObject({ code: 'legacy-doc' });
  });

  test('the workbook marks the converted file and the files that are not plans or reports', async () => {
    const dir = folder();
    const r = await ctcl('check', dir, '--xlsx', join(cli.dir(), 'tong-hop.xlsx'));
    expect(r.code).toBe(0);
    const { unzipSync, strFromU8 } = await import('fflate');
    const parts = unzipSync(new Uint8Array(readFileSync(join(cli.dir(), 'tong-hop.xlsx'))));
    const text = Object.entries(parts)
      .filter(([n]) => n.endsWith('.xml'))
      .map(([, b]) => strFromU8(b))
      .join('\n');
    expect(text).toContain('Kế hoạch (đã chuyển từ .doc)');
    expect(text).toContain('Không phải văn bản KHCT');
  });
});
