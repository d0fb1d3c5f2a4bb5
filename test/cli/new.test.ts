/**
 * `ctcl new`: in-process through run(argv, io), and once end to end through `node bin/ctcl.js`.
 * Files are read back with DocxDocument; errors must be Vietnamese, on stderr, with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCriteria, getCatalog, SCHOOL_TYPES } from '../../src/domain/catalog';
import { FORM_IDS, fillYear, getForm, type FormId } from '../../src/domain/forms';
import { headingText } from '../../src/domain/table/render';
import { documentType, summaryLine } from '../../src/domain/documents/frame';
import { findFirst } from '../../src/domain/ooxml/xml';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { cliFolder } from './run';

const ROOT = join(__dirname, '..', '..');
const cli = cliFolder('ctcl-cli-');
const ctcl = cli.ctcl;

let n = 0;
/** A fresh output name in the test folder. */
function outName(): string {
  return `out-${++n}.docx`;
}

async function open(name: string) {
  const doc = DocxDocument.open(new Uint8Array(readFileSync(join(cli.dir(), name))), parseXml, name);
  return { doc, model: await doc.read() };
}

/** Body rows of the one table, as "cell | cell" strings. */
async function bodyRows(name: string): Promise<string[]> {
  const { model } = await open(name);
  expect(model.tables).toHaveLength(1);
  return model.tables[0].rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.text).join(' | '));
}

const yearOf = (id: FormId): string => (getForm(id).framework === '2018' ? '2025-2026' : '2026-2027');

/** Messages must read as Vietnamese: no commander English left over. */
function expectVietnamese(text: string): void {
  expect(text).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
  expect(text).not.toMatch(/\berror:|unknown option|required option|missing required|Did you mean/i);
}

describe('help', () => {
  test('ctcl --help is Vietnamese and lists the new command', async () => {
    const r = await ctcl('--help');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Cách dùng: ctcl');
    expect(r.out).toContain('Tùy chọn:');
    expect(r.out).toContain('Lệnh:');
    expect(r.out).toMatch(/new <mẫu>\s+Tạo tệp Word/);
    expect(r.out).not.toMatch(/Usage:|Options:|Commands:|\[options\]|display help/);
  });

  test('ctcl new --help lists every form, school type and option in Vietnamese', async () => {
    for (const args of [
      ['new', '--help'],
      ['help', 'new'],
    ]) {
      const r = await ctcl(...args);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Cách dùng: ctcl new <mẫu>');
      for (const id of FORM_IDS) expect(r.out).toContain(`${id}`);
      for (const id of FORM_IDS) expect(r.out).toContain(getForm(id).name);
      for (const t of SCHOOL_TYPES) expect(r.out).toContain(t);
      for (const o of [
        '--school-type',
        '--year',
        '--criteria',
        '--framework',
        '--group-by-level',
        '--school',
        '--output',
        '--force',
      ]) {
        expect(r.out).toContain(o);
      }
      expect(r.out).toContain('Ví dụ:');
      expect(r.out).not.toMatch(/Usage:|Options:|Arguments:|display help/);
    }
  });

  test('ctcl without a command prints the help on stderr and exits 2', async () => {
    const r = await ctcl();
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Cách dùng: ctcl');
  });

  test('ctcl --version prints the package version', async () => {
    const r = await ctcl('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('ctcl new writes a document', () => {
  test.each(FORM_IDS)('%s (--criteria all where it has criteria): title block, full table, A4 landscape', async (id) => {
    const form = getForm(id);
    const year = yearOf(id);
    const out = outName();
    const criteria = form.sections === 'none' ? [] : ['--criteria', 'all'];
    // plan-2026 writes the whole Biểu 2 by default; its single-table form is --table-only (tested apart too).
    const only = id === 'plan-2026' ? ['--table-only'] : [];
    const r = await ctcl('new', id, '--school-type', 'tieu-hoc', '--year', year, ...criteria, ...only, '-o', out);
    expect(r.code).toBe(0);
    if (id === 'plan-2026') expect(r.err).toMatch(/^Lưu ý: Thông tư 57 \(Biểu 2, mục III\.2\.b\)/);
    else expect(r.err).toBe('');
    expect(r.out).toContain(`Đã tạo ${out}`);
    const { doc, model } = await open(out);
    // Title block: type and summary line with the year, bold, centred, 14 pt Times New Roman.
    const [type, summary] = model.paragraphs;
    expect(type).toMatchObject({ text: documentType(form.kind), bold: true, align: 'center' });
    expect(summary).toMatchObject({ text: summaryLine(form.kind, year), bold: true, align: 'center' });
    expect(summary.text).toContain(`năm học ${year}`);
    expect(type.fonts).toEqual(['Times New Roman']);
    const firstRun = findFirst(model.body, 'w:r');
    expect(findFirst(firstRun!, 'w:sz')?.attrs['w:val']).toBe('28');
    // The table: tagged, its headings carry the year, one row per criterion (and Mức 4 item).
    expect(model.tables).toHaveLength(1);
    const t = model.tables[0];
    expect(t.tag).toMatch(new RegExp(`^ctcl:${id}:[0-9a-f-]{36}$`));
    const headerText = t.rows.filter((row) => row.header).flatMap((row) => row.cells.map((c) => c.text));
    for (const c of form.columns) expect(headerText).toContain(headingText(form, c, year));
    for (const g of form.groups) expect(headerText).toContain(fillYear(g.heading, year));
    const catalog = getCatalog(form.framework, 'tieu-hoc');
    const labels = t.rows.filter((row) => !row.header).map((row) => row.cells.map((c) => c.text).join(' | '));
    const criterionRows = labels.filter((l) => l.includes('Tiêu chí '));
    if (form.sections === 'none') {
      expect(labels.map((l) => l.split(' | ')[0])).toEqual([...(form.fixedRows ?? ['1', '2', '3'])]);
    } else if (id === 'plan-2026') {
      // Biểu 2 mục V: items numbered 1..n, one per criterion asked for, naming it in column (2); no level or standard rows.
      expect(labels).toEqual(allCriteria(catalog).map((c, i) => `${i + 1} | Tiêu chí ${c.code}${' | '.repeat(8)}`));
    } else {
      const expected = allCriteria(catalog).length + (form.framework === '2018' ? catalog.level4.length : 0);
      expect(criterionRows).toHaveLength(expected);
      for (const c of allCriteria(catalog)) expect(labels.some((l) => l.includes(`Tiêu chí ${c.code}: ${c.title}`))).toBe(true);
    }
    // A4 landscape page.
    const pgSz = findFirst(model.body, 'w:pgSz');
    expect(pgSz?.attrs).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    expect(doc.name).toBe(out);
  });

  test('without --criteria the table has only level and standard rows', async () => {
    const out = outName();
    const r = await ctcl('new', 'plan-2018', '--school-type', 'tieu-hoc', '--year', '2025-2026', '-o', out);
    expect(r.code).toBe(0);
    const catalog = getCatalog('2018', 'tieu-hoc');
    expect(await bodyRows(out)).toEqual([
      'MỨC 1, 2, 3',
      ...catalog.standards.map((s) => `${s.number} | Tiêu chuẩn ${s.number}: ${s.title}`),
      'MỨC 4',
    ]);
  });

  test('a criteria list adds the chosen criteria and Mức 4 items, sorted, under their standards', async () => {
    const out = outName();
    const r = await ctcl('new', 'report-2018', '-t', 'thcs-thpt', '-y', '2024-2025', '-c', '2.1, 1.3,M4.2,1.1', '-o', out);
    expect(r.code).toBe(0);
    const c = getCatalog('2018', 'thcs-thpt');
    const title = (code: string) => allCriteria(c).find((x) => x.code === code)!.title;
    const empty = ' | '.repeat(6);
    expect(await bodyRows(out)).toEqual([
      'MỨC 1, 2, 3',
      `1 | Tiêu chuẩn 1: ${c.standards[0].title}`,
      ` | Tiêu chí 1.1: ${title('1.1')}${empty}`,
      ` | Tiêu chí 1.3: ${title('1.3')}${empty}`,
      `2 | Tiêu chuẩn 2: ${c.standards[1].title}`,
      ` | Tiêu chí 2.1: ${title('2.1')}${empty}`,
      'MỨC 4',
      ` | Tiêu chí 2 (Mức 4)${empty}`,
    ]);
  });

  test('--school puts the school name in capitals above the title; the year may be typed with an en dash', async () => {
    const out = outName();
    const r = await ctcl(
      'new',
      'plan-2026',
      '--table-only',
      '-t',
      'mam-non',
      '-y',
      '2026 – 2027',
      '--school',
      'Trường Mầm non Họa Mi',
      '-o',
      out,
    );
    expect(r.code).toBe(0);
    const { model } = await open(out);
    expect(model.paragraphs.slice(0, 3).map((p) => p.text)).toEqual([
      'TRƯỜNG MẦM NON HỌA MI',
      'KẾ HOẠCH',
      'Cải tiến chất lượng giáo dục năm học 2026-2027',
    ]);
  });

  test('--group-by-level groups a TT57 report under MỨC 1 and MỨC 2; Biểu 2 mục V has no level rows', async () => {
    const out = outName();
    const r = await ctcl('new', 'report-2026', '-t', 'gdtx', '-y', '2026-2027', '-c', '4.2,1.3', '--group-by-level', '-o', out);
    expect(r.code).toBe(0);
    const rows = await bodyRows(out);
    expect(rows.filter((l) => l.startsWith('MỨC'))).toEqual(['MỨC 1', 'MỨC 2']);
    expect(rows.filter((l) => l.includes('Tiêu chí')).map((l) => /Tiêu chí ([\d.]+)/.exec(l)?.[1])).toEqual(['1.3', '4.2']);
    const plan = outName();
    const p = await ctcl(
      'new',
      'plan-2026',
      '-t',
      'gdtx',
      '-y',
      '2026-2027',
      '-c',
      '4.2,1.3',
      '--group-by-level',
      '--table-only',
      '-o',
      plan,
    );
    expect(p.code).toBe(0);
    expect(p.err).toContain('Biểu 2 mục V không có dòng mức');
    expect((await bodyRows(plan)).map((l) => l.split(' | ').slice(0, 2).join(' | '))).toEqual([
      '1 | Tiêu chí 1.3',
      '2 | Tiêu chí 4.2',
    ]);
  });

  test('--framework overrides the framework the year implies', async () => {
    const out = outName();
    const r = await ctcl(
      'new',
      'plan-2026',
      '-t',
      'tieu-hoc',
      '-y',
      '2025-2026',
      '--framework',
      '2026',
      '--table-only',
      '-o',
      out,
    );
    expect(r.code).toBe(0);
    const { model } = await open(out);
    expect(model.tables[0].tag).toMatch(/^ctcl:plan-2026:/);
    expect(model.tables[0].rows[0].cells.map((c) => c.text)).toContain('Nội dung cải tiến (2)');
  });

  test('criteria in a monitoring table are ignored with a note on stderr', async () => {
    const out = outName();
    const r = await ctcl('new', 'monitoring-2026', '-t', 'thcs-thpt', '-y', '2026-2027', '-c', 'all', '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Lưu ý: .*không có dòng tiêu chí/);
    expect((await bodyRows(out)).map((l) => l.split(' | ')[0])).toEqual(['Cuối học kỳ I', 'Cuối năm học']);
  });

  test('an existing output is kept unless --force', async () => {
    const out = outName();
    expect((await ctcl('new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2025-2026', '-o', out)).code).toBe(0);
    const before = readFileSync(join(cli.dir(), out));
    const r = await ctcl('new', 'report-2018', '-t', 'tieu-hoc', '-y', '2025-2026', '-o', out);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`Tệp «${out}» đã có`);
    expect(r.err).toContain('--force');
    expectVietnamese(r.err);
    expect(readFileSync(join(cli.dir(), out)).equals(before)).toBe(true);
    const forced = await ctcl('new', 'report-2018', '-t', 'tieu-hoc', '-y', '2025-2026', '-o', out, '--force');
    expect(forced.code).toBe(0);
    const { model } = await open(out);
    expect(model.tables[0].tag).toMatch(/^ctcl:report-2018:/);
  });

  test('a relative output path is resolved against the working folder', async () => {
    mkdirSync(join(cli.dir(), 'sub'), { recursive: true });
    const r = await ctcl('new', 'plan-2018', '-t', 'mam-non', '-y', '2023-2024', '-o', 'sub/kh.docx');
    expect(r.code).toBe(0);
    expect(existsSync(join(cli.dir(), 'sub', 'kh.docx'))).toBe(true);
  });
});

describe('ctcl new refuses bad input with a Vietnamese message and exit code 2', () => {
  const base = ['-t', 'tieu-hoc', '-y', '2025-2026'];
  const o = ['-o', '@out'];
  const cases: [string, string[], RegExp][] = [
    ['an unknown form', ['new', 'plan-2019', ...base, ...o], /Không có mẫu «plan-2019»[\s\S]*plan-2018[\s\S]*report-2026/],
    [
      'an unknown school type',
      ['new', 'plan-2018', '-t', 'dai-hoc', '-y', '2025-2026', ...o],
      /Không có loại trường «dai-hoc»[\s\S]*tieu-hoc/,
    ],
    [
      'a year that is not two consecutive years',
      ['new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2025-2027', ...o],
      /Năm học không hợp lệ: «2025-2027»/,
    ],
    ['a single year', ['new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2025', ...o], /Năm học không hợp lệ: «2025»/],
    [
      'a 2018 form for a TT57 year',
      ['new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2026-2027', ...o],
      /«plan-2018».*năm học 2026-2027 theo Thông tư 57\/2026.*Hãy dùng mẫu «plan-2026»/,
    ],
    ['a TT57 form for a 2018 year', ['new', 'report-2026', ...base, ...o], /Hãy dùng mẫu «report-2018»/],
    ['the monitoring form in 2018', ['new', 'monitoring-2026', ...base, ...o], /«monitoring-2026».*không có mẫu tương ứng/],
    [
      'a form against an explicit framework',
      ['new', 'plan-2026', ...base, '--framework', '2018', ...o],
      /khung quy định đã chọn là Thông tư 17.*Hãy dùng mẫu «plan-2018»/,
    ],
    ['an unknown framework', ['new', 'plan-2018', ...base, '--framework', '2020', ...o], /Không có khung quy định «2020»/],
    [
      'a criterion tiểu học does not have',
      ['new', 'plan-2018', ...base, '-c', '1.1,2.5', ...o],
      /Không có tiêu chí 2\.5 .*tiểu học/,
    ],
    ['a Mức 4 item that does not exist', ['new', 'plan-2018', ...base, '-c', 'M4.9', ...o], /Không có tiêu chí 9 ở Mức 4/],
    [
      'a Mức 4 item under TT57',
      ['new', 'plan-2026', '-t', 'tieu-hoc', '-y', '2026-2027', '-c', 'M4.1', ...o],
      /không có tiêu chí Mức 4/,
    ],
    ['a malformed criterion', ['new', 'plan-2018', ...base, '-c', '1.1,abc', ...o], /Mã tiêu chí không hợp lệ: «abc»/],
    [
      'GDTX under the 2018 circulars',
      ['new', 'plan-2018', '-t', 'gdtx', '-y', '2025-2026', ...o],
      /không có bộ tiêu chí .*Giáo dục thường xuyên/,
    ],
    [
      'an unknown option',
      ['new', 'plan-2018', ...base, '--criterias', 'all', ...o],
      /Không có tùy chọn «--criterias».*«--criteria»/,
    ],
    ['a missing --year', ['new', 'plan-2018', '-t', 'tieu-hoc'], /Thiếu tùy chọn bắt buộc «-y, --year <năm học>»/],
    [
      'an option without its value',
      ['new', 'plan-2018', '-t', 'tieu-hoc', '-y'],
      /Tùy chọn «-y, --year <năm học>» cần một giá trị/,
    ],
    ['two forms', ['new', 'plan-2018', 'report-2018', ...base, ...o], /Thừa đối số/],
    ['an unknown command', ['nwe', 'plan-2018'], /Không có lệnh «nwe».*«new»/],
  ];

  test.each(cases)('%s', async (_name, args, message) => {
    const out = outName();
    const r = await ctcl(...args.map((a) => (a === '@out' ? out : a)));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Lỗi: /);
    expect(r.err).toMatch(message);
    expectVietnamese(r.err);
    expect(existsSync(join(cli.dir(), out))).toBe(false);
  });

  test('an output that is not .docx, or in a missing folder', async () => {
    for (const [o, message] of [
      ['bao-cao.pdf', /phải có đuôi \.docx/],
      ['khong-co/bao-cao.docx', /Không có thư mục/],
    ] as const) {
      const r = await ctcl('new', 'plan-2018', ...base, '-o', o);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(existsSync(join(cli.dir(), o))).toBe(false);
    }
  });

  test('an output path that is a folder', async () => {
    mkdirSync(join(cli.dir(), 'thu-muc.docx'), { recursive: true });
    const r = await ctcl('new', 'plan-2018', ...base, '-o', 'thu-muc.docx', '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/là một thư mục/);
  });
});

describe('node bin/ctcl.js (child process)', () => {
  test('writes a report and refuses to overwrite it, with real exit codes', async () => {
    const cwd = mkdtempSync(join(cli.dir(), 'bin-'));
    const exec = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'ctcl.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    const args = [
      'new',
      'report-2018',
      '--school-type',
      'tieu-hoc',
      '--year',
      '2025-2026',
      '--criteria',
      '1.1,M4.1',
      '-o',
      'bc.docx',
    ];
    const ok = exec(...args);
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
    expect(ok.stdout).toContain('Đã tạo bc.docx');
    const m = await DocxDocument.open(new Uint8Array(readFileSync(join(cwd, 'bc.docx'))), parseXml).read();
    expect(m.paragraphs[0].text).toBe('BÁO CÁO');
    expect(m.tables[0].tag).toMatch(/^ctcl:report-2018:/);
    expect(m.tables[0].rows.some((r) => r.cells.some((c) => c.text.startsWith('Tiêu chí 1.1:')))).toBe(true);
    const before = readFileSync(join(cwd, 'bc.docx'));
    const again = exec(...args);
    expect(again.status).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('Lỗi: Tệp «bc.docx» đã có. Thêm --force nếu muốn ghi đè.\n');
    expect(readFileSync(join(cwd, 'bc.docx')).equals(before)).toBe(true);
    const bad = exec('new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2026-2027', '-o', 'x.docx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Hãy dùng mẫu «plan-2026»');
    expect(existsSync(join(cwd, 'x.docx'))).toBe(false);
  });
});

describe('a new document keeps what `ctcl new` was told', () => {
  test('plan-2018 without a school name: report-from-plan and check read the school type and year from the store', async () => {
    const plan = outName();
    expect((await ctcl('new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2025-2026', '-c', '1.1,1.3', '-o', plan)).code).toBe(0);
    const { doc } = await open(plan);
    expect((await doc.loadStore()).metaOverrides).toEqual({
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      framework: '2018',
      documentKind: 'plan',
    });

    const report = outName();
    const r = await ctcl('report-from-plan', plan, '-o', report);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('năm học 2025-2026, tiểu học');
    const rows = await bodyRows(report);
    expect(rows.filter((x) => /Tiêu chí 1\.[13]:/.test(x))).toHaveLength(2);

    const check = await ctcl('check', plan);
    expect(check.out + check.err).not.toMatch(/chưa rõ loại trường/i);
  });

  test('report-from-plan refuses a 2018 report for a TT57 year, as `ctcl new` does', async () => {
    const plan = outName();
    expect((await ctcl('new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2025-2026', '-c', '1.1', '-o', plan)).code).toBe(0);
    const r = await ctcl('report-from-plan', plan, '-o', outName(), '--year', '2026-2027');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Kế hoạch này theo .*2018.*năm học 2026-2027 theo .*57\/2026/);
  });
});
