/**
 * `ctcl fix` end to end on the seeds: what it prints (text and --format json), the copy it writes, the
 * input it never touches, and its exit codes (0 changed, 3 nothing to fix, 2 bad input or command line).
 * The fixed copy is read back by the checker: the fixed findings are gone, and a second run has nothing
 * left to do.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument } from '../../src/domain/check';
import { readDocxModel } from '../../src/app/open';
import { parseXml } from '../../src/xml/node';
import { seedPath } from '../helpers';
import { cliFolder } from './run';

const cli = cliFolder('ctcl-fix-');
const ctcl = cli.ctcl;

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A seed copied into the test folder under a short name (the input the command must leave alone). */
function input(seed: string, name = `${seed}.docx`): string {
  const path = join(cli.dir(), name);
  copyFileSync(seedPath(seed), path);
  return path;
}

const findings = (path: string) => checkDocument(readDocxModel(new Uint8Array(readFileSync(path)), parseXml)).findings;

interface FixJson {
  input: string;
  output: string | null;
  changes: {
    rule: string;
    fix: string;
    location: { table: number | null; row: number | null; column: number | null };
    summary: string;
  }[];
  skipped: unknown[];
}

describe('a document with fixes (seed 004: two empty column headings)', () => {
  test('text: exit 0, the copy is written, each change with its place, the input byte-for-byte the same', async () => {
    const src = input('004');
    const before = sha(src);
    const fixable = findings(src).filter((f) => f.fix);
    expect(fixable.map((f) => f.rule).sort()).toEqual(['missing-heading', 'missing-heading']);

    const r = await ctcl('fix', '004.docx', '-o', 'da-sua.docx');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã sửa 2 chỗ trong «004.docx», bản đã sửa ghi ra «da-sua.docx»:');
    expect(r.out).toContain(
      'Bảng 1, dòng 2, cột 7: Đã ghi tiêu đề «Những công việc chưa triển khai (nêu rõ lý do)». (missing-heading)',
    );
    expect(r.out).toContain('Bảng 1, dòng 2, cột 1: Đã ghi tiêu đề «TT». (missing-heading)');
    expect(sha(src)).toBe(before);

    const out = join(cli.dir(), 'da-sua.docx');
    expect(findings(out).filter((f) => f.fix)).toEqual([]);
    // Nothing else the checker says about the document changed.
    const rest = (path: string) =>
      findings(path)
        .filter((f) => f.rule !== 'missing-heading')
        .map((f) => f.id);
    expect(rest(out)).toEqual(rest(src));
  });

  test('the fixed copy has nothing left to fix: exit 3, no file written', async () => {
    const r = await ctcl('fix', 'da-sua.docx', '-o', 'lan-hai.docx');
    expect(r.code).toBe(3);
    expect(r.out).toBe('Không có gì để sửa tự động trong «da-sua.docx»; không ghi tệp nào.\n');
    expect(existsSync(join(cli.dir(), 'lan-hai.docx'))).toBe(false);
  });
});

describe('--format json', () => {
  test('seed 000: {input, output, changes: [{rule, fix, location, summary}], skipped}, the input unchanged', async () => {
    const src = input('000');
    const before = sha(src);
    const expected = findings(src).filter((f) => f.fix);
    expect(expected.length).toBeGreaterThan(0);

    const r = await ctcl('fix', '000.docx', '-o', '000-da-sua.docx', '--format', 'json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as FixJson;
    expect(Object.keys(data)).toEqual(['input', 'output', 'changes', 'skipped']);
    expect(data.input).toBe('000.docx');
    expect(data.output).toBe('000-da-sua.docx');
    expect(data.skipped).toEqual([]);
    expect(data.changes).toHaveLength(expected.length);
    for (const c of data.changes) {
      expect(Object.keys(c)).toEqual(['rule', 'fix', 'location', 'summary']);
      expect(Object.keys(c.location)).toEqual(['table', 'row', 'column']);
    }
    // Every fixable finding of the input was fixed, at the place the checker gave.
    const key = (rule: string, l: { table?: number | null; row?: number | null; column?: number | null }) =>
      `${rule}@${l.table ?? null}/${l.row ?? null}/${l.column ?? null}`;
    expect(data.changes.map((c) => key(c.rule, c.location)).sort()).toEqual(expected.map((f) => key(f.rule, f.location)).sort());
    expect(data.changes.map((c) => c.fix)).toEqual(expected.map(() => 'write-standard-title'));
    expect(sha(src)).toBe(before);
    expect(findings(join(cli.dir(), '000-da-sua.docx')).filter((f) => f.fix)).toEqual([]);
  });

  test('seed 002 has nothing to fix: exit 3, "output": null, no file', async () => {
    const src = input('002');
    const before = sha(src);
    const r = await ctcl('fix', '002.docx', '-o', '002-da-sua.docx', '--format', 'json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out)).toEqual({ input: '002.docx', output: null, changes: [], skipped: [] });
    expect(existsSync(join(cli.dir(), '002-da-sua.docx'))).toBe(false);
    expect(sha(src)).toBe(before);
  });

  test('--only limits the fixes to the rules named', async () => {
    input('004', '004-only.docx');
    const none = await ctcl('fix', '004-only.docx', '-o', 'x.docx', '--only', 'missing-column', '--format', 'json');
    expect(none.code).toBe(3);
    expect(existsSync(join(cli.dir(), 'x.docx'))).toBe(false);
    const some = await ctcl('fix', '004-only.docx', '-o', 'x.docx', '--only', 'missing-heading', '--format', 'json');
    expect(some.code).toBe(0);
    expect((JSON.parse(some.out) as FixJson).changes.map((c) => c.rule)).toEqual(['missing-heading', 'missing-heading']);
  });
});

describe('bad input and command lines: exit 2, a Vietnamese message, nothing written', () => {
  test('a file that is not a .docx', async () => {
    writeFileSync(join(cli.dir(), 'hong.docx'), 'không phải tệp nén');
    const r = await ctcl('fix', 'hong.docx', '-o', 'hong-da-sua.docx');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Tệp không phải \.docx/);
    expect(existsSync(join(cli.dir(), 'hong-da-sua.docx'))).toBe(false);
  });

  test('a missing file, -o the input itself, an output that exists, an unknown rule or format', async () => {
    const src = input('004', '004-bad.docx');
    const before = sha(src);
    const cases: [string[], RegExp][] = [
      [['khong-co.docx', '-o', 'a.docx'], /Không tìm thấy tệp «khong-co\.docx»/],
      [['004-bad.docx', '-o', '004-bad.docx'], /không bao giờ ghi đè tệp gốc/],
      [['004-bad.docx', '-o', '002.docx'], /đã có\. Thêm --force/],
      [['004-bad.docx', '-o', 'a.docx', '--only', 'khong-co'], /Không có cách sửa «khong-co»/],
      [['004-bad.docx', '-o', 'a.docx', '--format', 'xml'], /Không có định dạng «xml»/],
      [['004-bad.docx', '-o', 'a.pdf'], /phải có đuôi \.docx/],
    ];
    for (const [argv, message] of cases) {
      const r = await ctcl('fix', ...argv);
      expect({ argv, code: r.code, out: r.out }).toEqual({ argv, code: 2, out: '' });
      expect(r.err).toMatch(message);
    }
    expect(existsSync(join(cli.dir(), 'a.docx'))).toBe(false);
    expect(sha(src)).toBe(before);
  });
});
