/**
 * `ctcl check` on single files: the JSON contract (keys, types, null vs absent) against what the
 * checker itself says about the five seeds, exit codes (0 clean, 1 a Lỗi, 2 unreadable or bad usage,
 * 2 winning over 1), the Vietnamese text output, and --plan.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkDocument, planFromDocument, SEVERITY_LABELS } from '../../src/domain/check';
import { describeDocument, formatLocation, type FileReport } from '../../src/domain/check/report';
import { readDocxModel, readFailure } from '../../src/app/open';
import { parseXml } from '../../src/xml/node';
import { recogniseTables } from '../../src/domain/table/recognise';
import { serializeTemplate, templateFromTable } from '../../src/domain/year/templates';
import { schoolDocPath, seedPath } from '../helpers';
import { cliFolder } from './run';

const ROOT = join(__dirname, '..', '..');
const SEEDS = ['000', '001', '002', '003', '004'];
const cli = cliFolder('ctcl-check-');
const ctcl = cli.ctcl;

async function json(
  ...argv: string[]
): Promise<{ code: number; err: string; data: { files: FileReport[]; [k: string]: unknown } }> {
  const r = await ctcl('check', ...argv, '--format', 'json');
  return { code: r.code, err: r.err, data: JSON.parse(r.out) };
}

const model = (path: string) => readDocxModel(new Uint8Array(readFileSync(path)), parseXml);

const CONTRACT_KEYS = ['path', 'documentKind', 'form', 'framework', 'schoolType', 'schoolYear', 'criteria', 'findings'];

describe('JSON contract on the five seeds', () => {
  test.each(SEEDS)('seed %s: the keys, their types, and the values the checker gives', async (n) => {
    const path = seedPath(n);
    const { code, data } = await json(path);
    expect(data.files).toHaveLength(1);
    const f = data.files[0] as unknown as Record<string, unknown>;
    for (const k of CONTRACT_KEYS) expect(f).toHaveProperty(k);
    expect('error' in f).toBe(false);
    const r = checkDocument(model(path));
    expect(f.path).toBe(path);
    expect(f.documentKind).toBe(r.meta.documentKind);
    expect(['plan', 'report', 'monitoring', 'unknown']).toContain(f.documentKind);
    expect(f.form).toBe(r.primary?.form.id ?? null);
    expect(f.framework).toBe(r.meta.framework ?? null);
    expect(f.schoolType).toBe(r.meta.schoolType ?? null);
    expect(f.schoolYear).toBe(r.meta.schoolYear ?? null);
    expect(f.schoolName).toBe(r.meta.schoolName ?? null);
    expect(f.criteria).toEqual(r.criteria);
    for (const list of Object.values(f.criteria as Record<string, unknown>)) {
      expect(Array.isArray(list) && list.every((c) => typeof c === 'string')).toBe(true);
    }
    const findings = f.findings as Record<string, unknown>[];
    expect(findings).toHaveLength(r.findings.length);
    findings.forEach((x, i) => {
      const src = r.findings[i];
      expect(x).toEqual({
        id: src.id,
        rule: src.rule,
        severity: src.severity,
        message: src.message,
        criterion: src.criterion ?? null,
        location: { table: src.location.table ?? null, row: src.location.row ?? null, column: src.location.column ?? null },
      });
      expect(['error', 'warning', 'info']).toContain(x.severity);
    });
    expect(code).toBe(r.counts.error ? 1 : 0);
  });

  test('seed 000 has a Lỗi: exit code 1; seed 002 has only warnings (its frame), and a complete report none: exit code 0', async () => {
    const bad = await json(seedPath('000'));
    expect(bad.data.files[0].findings.some((f) => f.severity === 'error')).toBe(true);
    expect(bad.code).toBe(1);
    // Seed 002 has no school, date or signature (issue 13: once called clean).
    const warned = await json(seedPath('002'));
    expect(warned.data.files[0].findings.map((f) => [f.rule, f.severity])).toEqual([
      ['document-frame', 'warning'],
      ['document-frame', 'warning'],
      ['document-frame', 'info'],
    ]);
    expect(warned.code).toBe(0);
    const clean = await json(schoolDocPath('12'));
    expect(clean.data.files[0].findings).toEqual([]);
    expect(clean.code).toBe(0);
  });

  test('null, not absent: a school without a name, findings without a criterion or a place', async () => {
    const { data } = await json(seedPath('002'), seedPath('001'));
    const [f002, f001] = data.files;
    expect(f002.schoolName).toBeNull();
    const dateFinding = f001.findings.find((x) => x.location.table === null);
    expect(dateFinding).toBeDefined();
    expect(dateFinding!.location).toEqual({ table: null, row: null, column: null });
    expect(dateFinding!.criterion).toBeNull();
    expect(data).toMatchObject({ skipped: [], summary: { files: 2, readable: 2, unreadable: 0 } });
  });

  test('an unreadable file is listed with an error and no findings; exit code 2 wins over 1', async () => {
    writeFileSync(join(cli.dir(), 'rong.docx'), '');
    const { code, data } = await json('rong.docx', seedPath('000'));
    expect(code).toBe(2);
    const [empty, seed] = data.files;
    let expected: ReturnType<typeof readFailure> | undefined;
    try {
      model(join(cli.dir(), 'rong.docx'));
    } catch (e) {
      expected = readFailure(e);
    }
    expect(empty).toMatchObject({ path: 'rong.docx', documentKind: 'unknown', form: null, findings: [], criteria: {} });
    expect(empty.error).toEqual(expected);
    expect(seed.counts.error).toBeGreaterThan(0);
    const alone = await json('rong.docx');
    expect(alone.code).toBe(2);
    const missing = await json('khong-co.docx');
    expect(missing.code).toBe(2);
    expect(missing.data.files[0].error).toEqual({ code: 'not-found', message: expect.stringMatching(/Không tìm thấy/) });
  });
});

describe('bad usage: exit code 2, a Vietnamese message on stderr, nothing on stdout', () => {
  beforeAll(() => {
    copyFileSync(seedPath('000'), join(cli.dir(), 'bc.docx'));
    writeFileSync(join(cli.dir(), 'da-co.xlsx'), 'x');
  });
  const cases: [string, string[], RegExp][] = [
    ['no file', ['check'], /Thiếu đối số bắt buộc/],
    ['an unknown format', ['check', 'bc.docx', '--format', 'xml'], /Không có định dạng «xml»/],
    ['both --plan and --plan-dir', ['check', 'bc.docx', '--plan', 'bc.docx', '--plan-dir', '.'], /Chỉ dùng một trong hai/],
    ['a bad year', ['check', 'bc.docx', '--year', '2025'], /Năm học không hợp lệ: «2025»/],
    ['an unknown school type', ['check', 'bc.docx', '-t', 'dai-hoc'], /Không có loại trường «dai-hoc»/],
    ['an unknown framework', ['check', 'bc.docx', '--framework', '2020'], /Không có khung quy định «2020»/],
    ['a missing plan', ['check', 'bc.docx', '--plan', 'khong-co.docx'], /Không tìm thấy tệp «khong-co.docx»/],
    ['a missing plan folder', ['check', 'bc.docx', '--plan-dir', 'khong-co'], /Không tìm thấy thư mục kế hoạch/],
    ['a workbook that is not .xlsx', ['check', 'bc.docx', '--xlsx', 'tong-hop.csv'], /phải có đuôi \.xlsx/],
    ['an existing workbook without --force', ['check', 'bc.docx', '--xlsx', 'da-co.xlsx'], /đã có\. Thêm --force/],
    ['an unknown option', ['check', 'bc.docx', '--plans', 'x'], /Không có tùy chọn «--plans»/],
  ];
  test.each(cases)('%s', async (_name, args, message) => {
    const r = await ctcl(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Lỗi: /);
    expect(r.err).toMatch(message);
    expect(readFileSync(join(cli.dir(), 'da-co.xlsx'), 'utf8')).toBe('x');
  });

  test('a folder without any .docx', async () => {
    const empty = mkdtempSync(join(cli.dir(), 'trong-'));
    writeFileSync(join(empty, 'ghi-chu.txt'), 'x');
    const r = await ctcl('check', empty);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Bỏ qua .*ghi-chu\.txt: không phải tệp Word \.docx/);
    expect(r.err).toMatch(/Không tìm thấy tệp \.docx nào/);
  });
});

describe('text output', () => {
  test('seed 000: what the document is, findings by severity with 1-based places, the summary', async () => {
    const path = seedPath('000');
    const r = checkDocument(model(path));
    const out = await ctcl('check', path);
    expect(out.code).toBe(1);
    expect(out.err).toBe('');
    const { data } = await json(path);
    expect(out.out).toContain(`▸ ${path}\n  ${describeDocument(data.files[0])}\n`);
    for (const s of ['error', 'warning', 'info'] as const) {
      const n = r.counts[s];
      if (n) expect(out.out).toContain(`  ${SEVERITY_LABELS[s]} (${n}):`);
      else expect(out.out).not.toContain(`  ${SEVERITY_LABELS[s]} (`);
    }
    for (const f of r.findings) {
      const { table, row, column } = f.location;
      expect(formatLocation(f.location)).toBe(
        [
          table !== undefined && `bảng ${table + 1}`,
          row !== undefined && `dòng ${row + 1}`,
          column !== undefined && `cột ${column + 1}`,
        ]
          .filter(Boolean)
          .join(', '),
      );
      const where = formatLocation(f.location);
      expect(out.out).toContain(`    - ${where ? `${where}: ` : ''}${f.message}`);
    }
    expect(out.out.trimEnd().split('\n').pop()).toBe(
      `Tổng cộng: 1 tệp; ${r.counts.error} lỗi, ${r.counts.warning} cảnh báo, ${r.counts.info} gợi ý. Theo loại: 1 báo cáo.`,
    );
  });

  test('a workbook written inside the checked folder is not picked up as a skipped file on the next run', async () => {
    const sub = mkdtempSync(join(cli.dir(), 'o-day-'));
    copyFileSync(seedPath('002'), join(sub, 'bc.docx'));
    const first = await ctcl('check', sub, '--xlsx', join(sub, 'tong-hop.xlsx'));
    expect(first.code).toBe(0);
    const again = await ctcl('check', sub, '--xlsx', join(sub, 'tong-hop.xlsx'), '--force', '--format', 'json');
    expect(again.code).toBe(0);
    expect(again.err).not.toContain('Bỏ qua');
    expect(JSON.parse(again.out).skipped).toEqual([]);
    // Without --xlsx it is an ordinary other file.
    const plain = await json(sub);
    expect(plain.data.skipped).toEqual([{ path: join(sub, 'tong-hop.xlsx'), reason: 'không phải tệp Word .docx' }]);
  });

  test('a plan folder that is also the checked folder: each file checked once, each skipped file listed once', async () => {
    const sub = mkdtempSync(join(cli.dir(), 'cung-'));
    copyFileSync(seedPath('000'), join(sub, 'bc.docx'));
    copyFileSync(seedPath('003'), join(sub, 'kh.docx'));
    writeFileSync(join(sub, 'ghi-chu.txt'), 'x');
    const r = await json(sub, '--plan-dir', sub);
    expect(r.data.files.map((f) => basename(f.path))).toEqual(['bc.docx', 'kh.docx']);
    expect(r.err.match(/Bỏ qua/g)).toHaveLength(1);
    expect(r.data.skipped).toHaveLength(1);
  });

  test('a clean file says so and exits 0', async () => {
    const out = await ctcl('check', schoolDocPath('12'));
    expect(out.code).toBe(0);
    expect(out.out).toContain('Không có lỗi, cảnh báo hay gợi ý nào.');
  });

  test('--help lists every option in Vietnamese with the exit codes', async () => {
    const r = await ctcl('check', '--help');
    expect(r.code).toBe(0);
    for (const o of ['--plan', '--plan-dir', '--format', '--school-type', '--year', '--framework', '--xlsx', '--force']) {
      expect(r.out).toContain(o);
    }
    expect(r.out).toContain('Cách dùng: ctcl check');
    expect(r.out).toMatch(/Mã thoát: 0 .*1 .*2 /);
    expect(r.out).not.toMatch(/Usage:|Options:|display help/);
  });
});

describe('--plan and overrides', () => {
  test('a --plan without a plan table: said on stderr, the report is still checked (issue 13: it used to stop the run)', async () => {
    const r = await json(seedPath('000'), '--plan', seedPath('001'));
    expect(r.err).toMatch(/Lưu ý: tệp «.*001_.*» không có bảng kế hoạch cải tiến chất lượng/);
    expect(r.data.files).toHaveLength(1);
    expect(r.data.files[0]).toMatchObject({ documentKind: 'report', plan: null });
    expect(r.code).toBe(1);
  });

  test('a plan of another school and year: one warning, and «missing» criteria are warnings, not errors', async () => {
    const r = await json(seedPath('000'), '--plan', schoolDocPath('02'));
    const f = r.data.files[0].findings;
    const mismatch = f.filter((x) => x.rule === 'plan-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]).toMatchObject({ severity: 'warning' });
    expect(mismatch[0].message).toMatch(/VĨNH THẠNH TRUNG.*Yên Thế.*năm học 2024-2025, báo cáo năm học 2021-2022/);
    const missing = f.filter((x) => x.rule === 'unreported-criterion');
    expect(missing.map((x) => x.criterion)).toEqual(['1.6', '3.4']);
    expect(missing.every((x) => x.severity === 'warning')).toBe(true);
  });

  test('seed 000 against seed 003: every planned criterion the report lacks is a Lỗi, and the plan is named', async () => {
    const plan = planFromDocument(model(seedPath('003')), basename(seedPath('003')))!;
    const expected = checkDocument(model(seedPath('000')), { plan });
    const { code, data } = await json(seedPath('000'), seedPath('003'), '--plan', seedPath('003'));
    expect(code).toBe(1);
    const [f, planFile] = data.files;
    expect(f.plan).toEqual({ path: seedPath('003'), method: 'option' });
    // A plan among the inputs is checked as usual, not "compared with a plan".
    expect(planFile).toMatchObject({ documentKind: 'plan', plan: null });
    const unreported = f.findings.filter((x) => x.rule === 'unreported-criterion');
    expect(unreported.map((x) => x.criterion)).toEqual(
      expected.findings.filter((x) => x.rule === 'unreported-criterion').map((x) => x.criterion ?? null),
    );
    expect(unreported.length).toBeGreaterThan(0);
    expect(unreported[0].message).toContain(`«${basename(seedPath('003'))}»`);
    expect(f.coverage).toEqual(expected.coverage);
  });

  test('--plan takes a saved plan template (.json) too; a template from a newer ctcl is refused', async () => {
    const [planTable] = recogniseTables(model(seedPath('003')));
    const template = templateFromTable(planTable, {
      name: 'Mẫu KHCT Thanh Chấn',
      schoolType: 'tieu-hoc',
      schoolYear: '2021-2022',
    });
    const file = join(cli.dir(), 'mau.json');
    writeFileSync(file, serializeTemplate(template));
    const { code, data } = await json(seedPath('000'), '--plan', file);
    expect(code).toBe(1);
    const unreported = data.files[0].findings.filter((x) => x.rule === 'unreported-criterion');
    // The same criteria as against the plan document the template was saved from.
    const fromDocx = (await json(seedPath('000'), '--plan', seedPath('003'))).data.files[0].findings;
    expect(unreported.map((x) => x.criterion)).toEqual(
      fromDocx.filter((x) => x.rule === 'unreported-criterion').map((x) => x.criterion),
    );
    expect(unreported.map((x) => x.criterion)).toContain('M4.4');
    expect(unreported[0].message).toContain('«Mẫu KHCT Thanh Chấn»');
    const newer = join(cli.dir(), 'mau-moi.json');
    writeFileSync(newer, JSON.stringify({ ...template, version: 99 }));
    const r = await ctcl('check', seedPath('000'), '--plan', newer);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/phiên bản ctcl mới hơn/);
  });

  test('--school-type, --year and --framework override what the document says', async () => {
    const { data } = await json(seedPath('002'), '-t', 'tieu-hoc', '-y', '2024 – 2025', '--framework', '2018');
    expect(data.files[0]).toMatchObject({ schoolType: 'tieu-hoc', schoolYear: '2024-2025', framework: '2018' });
    const r = checkDocument(model(seedPath('002')), {
      overrides: { schoolType: 'tieu-hoc', schoolYear: '2024-2025', framework: '2018' },
    });
    expect(data.files[0].findings.map((f) => f.id)).toEqual(r.findings.map((f) => f.id));
  });
});

describe('node bin/ctcl.js check (child process)', () => {
  test('JSON on stdout stays valid, warnings go to stderr, real exit codes', () => {
    const cwd = mkdtempSync(join(cli.dir(), 'bin-'));
    copyFileSync(seedPath('000'), join(cwd, 'bao-cao.docx'));
    writeFileSync(join(cwd, 'ghi-chu.txt'), 'x');
    const exec = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'ctcl.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    const r = exec('check', '.', '--format', 'json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Bỏ qua ghi-chu.txt: không phải tệp Word .docx.\n');
    const data = JSON.parse(r.stdout) as { files: FileReport[] };
    expect(data.files.map((f) => f.path)).toEqual(['bao-cao.docx']);
    const clean = exec('check', schoolDocPath('12'));
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('Không có lỗi');
    expect(exec('check', 'khong-co.docx').status).toBe(2);
  });
});
