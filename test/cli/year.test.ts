/**
 * `ctcl report-from-plan` and `ctcl roll` in-process through run(argv, io), on the seed documents; the files
 * they write are read back (DocxDocument, the checker). That LibreOffice prints them: year.render.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, planFromDocument } from '../../src/domain/check';
import type { DocModel } from '../../src/domain/ooxml/reader';
import { refKey } from '../../src/domain/table/model';
import { criteriaBySection, criterionEntries, recogniseTables } from '../../src/domain/table/recognise';
import { NO_OFFICIAL_MAPPING, rollForward, UNASSIGNED_MARK } from '../../src/domain/year';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { openSeed, seedPath } from '../helpers';
import { cliFolder } from './run';

const cli = cliFolder('ctcl-year-');
const ctcl = cli.ctcl;
let n = 0;
function outName(stem: string): string {
  return `${stem}-${++n}.docx`;
}

async function modelOf(name: string): Promise<DocModel> {
  return DocxDocument.open(new Uint8Array(readFileSync(join(cli.dir(), name))), parseXml, name).read();
}

const SEED_003 = seedPath('003');
const SEED_001 = seedPath('001');

describe('ctcl report-from-plan', () => {
  test('seed 003: the report has the plan\'s criteria, "ND … xây dựng đầu năm" from the plan, and passes the checker but for empty results', async () => {
    const out = outName('bao-cao');
    const r = await ctcl('report-from-plan', SEED_003, '-o', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`Đã tạo ${out}: báo cáo kết quả thực hiện kế hoạch cải tiến chất lượng năm học 2021-2022`);
    expect(r.out).toContain('11 dòng tiêu chí từ kế hoạch (1.6, 1.10, 2.2, 2.3, 2.4, 3.2, 3.5, 4.2, 5.5, M4.2, M4.4)');

    const planModel = await openSeed('003').read();
    const [plan] = recogniseTables(planModel);
    const model = await modelOf(out);
    const result = checkDocument(model, { plan: planFromDocument(planModel, '003.docx') });
    expect(result.meta).toMatchObject({ documentKind: 'report', schoolType: 'tieu-hoc', schoolYear: '2021-2022' });
    expect(result.primary?.form.id).toBe('report-2018');
    expect(result.primary?.tag).toMatch(/^ctcl:report-2018:/);
    expect(result.criteria).toEqual(criteriaBySection(plan));
    // Besides the results to fill in, only the frame the school still writes (date, number, signature: issue 13).
    expect([...new Set(result.findings.map((f) => f.rule))]).toEqual(['empty-result', 'document-frame']);
    expect(result.findings.filter((f) => f.rule === 'document-frame').every((f) => f.severity !== 'error')).toBe(true);
    expect(result.coverage).toMatchObject({ total: 11, reported: 0, basis: 'plan' });
    // Each report row carries its plan row's work, exactly.
    const planned = new Map(criterionEntries(plan).map((e) => [refKey(e.ref), e.cells.actions ?? '']));
    for (const e of criterionEntries(result.primary!)) {
      for (const line of planned.get(refKey(e.ref))!.split('\n').filter(Boolean)) expect(e.cells.planned).toContain(line);
    }
    // The title block names the school and the year.
    expect(model.paragraphs.slice(0, 3).map((p) => p.text)).toEqual([
      'TRƯỜNG TIỂU HỌC XÃ THANH CHẤN',
      'BÁO CÁO',
      'Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học 2021-2022',
    ]);
  });

  test("--profile adds the official frame; --year sets the report's year", async () => {
    const profile = join(cli.dir(), 'truong.json');
    writeFileSync(
      profile,
      JSON.stringify({
        schoolName: 'Trường Tiểu học Thanh Chấn',
        parentBody: 'UBND xã Thanh Chấn',
        place: 'Thanh Chấn',
        abbreviation: 'thtc',
        principal: 'Nguyễn Văn An',
      }),
    );
    const out = outName('bao-cao-khung');
    const r = await ctcl('report-from-plan', SEED_003, '-o', out, '--profile', 'truong.json', '--year', '2021 - 2022');
    expect(r.code).toBe(0);
    expect(r.out).toContain('có phần đầu và phần ký theo Nghị định 30/2020');
    const model = await modelOf(out);
    const meta = checkDocument(model).meta;
    expect(meta).toMatchObject({ documentKind: 'report', schoolYear: '2021-2022', schoolName: 'TRƯỜNG TIỂU HỌC THANH CHẤN' });
    expect(meta.number).toMatch(/\/BC-THTC$/);
    // Header block first, signature block (with "Nơi nhận") last: both are borderless layout tables.
    const cellText = (i: number) => model.tables[i].rows.flatMap((row) => row.cells.map((c) => c.text)).join('\n');
    expect(cellText(0)).toContain('UBND XÃ THANH CHẤN');
    expect(cellText(model.tables.length - 1)).toContain('Nơi nhận:');
    expect(cellText(model.tables.length - 1)).toContain('Nguyễn Văn An');
  });

  test('bad input: exit code 2 and a Vietnamese message; an existing file is kept without --force', async () => {
    const notPlan = await ctcl('report-from-plan', SEED_001, '-o', outName('x'));
    expect(notPlan.code).toBe(2);
    expect(notPlan.err).toMatch(/không có bảng kế hoạch cải tiến chất lượng/);

    const missing = await ctcl('report-from-plan', 'khong-co.docx', '-o', outName('x'));
    expect(missing).toMatchObject({ code: 2, err: 'Lỗi: Không tìm thấy tệp «khong-co.docx».\n' });

    const out = outName('ghi-de');
    writeFileSync(join(cli.dir(), out), 'cũ');
    const exists = await ctcl('report-from-plan', SEED_003, '-o', out);
    expect(exists.code).toBe(2);
    expect(exists.err).toContain('đã có. Thêm --force');
    expect(readFileSync(join(cli.dir(), out), 'utf8')).toBe('cũ');
    expect((await ctcl('report-from-plan', SEED_003, '-o', out, '--force')).code).toBe(0);

    const year = await ctcl('report-from-plan', SEED_003, '-o', outName('x'), '--year', '2021');
    expect(year.code).toBe(2);
    expect(year.err).toContain('Năm học không hợp lệ ở --year');

    writeFileSync(join(cli.dir(), 'thieu.json'), JSON.stringify({ schoolName: 'Trường Tiểu học A' }));
    const profile = await ctcl('report-from-plan', SEED_003, '-o', outName('x'), '--profile', 'thieu.json');
    expect(profile.code).toBe(2);
    expect(profile.err).toContain('còn thiếu: Địa danh');
  });
});

describe('ctcl roll', () => {
  test('seed 001 (report 2023-2024): the unfinished rows, school year and dates moved to 2024-2025, results cleared', async () => {
    const out = outName('ke-hoach');
    const r = await ctcl('roll', SEED_001, '-o', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    const [last] = recogniseTables(await openSeed('001').read());
    const expected = rollForward({ table: last, schoolType: 'tieu-hoc', schoolYear: '2023-2024' });
    const unfinished = expected.candidates.filter((c) => c.selected).map((c) => refKey(c.ref));
    const finished = expected.candidates.filter((c) => c.finished).map((c) => refKey(c.ref));
    expect(unfinished.length).toBeGreaterThan(0);
    expect(finished.length).toBeGreaterThan(0);
    expect(r.out).toContain(`Đã tạo ${out}: kế hoạch cải tiến chất lượng năm học 2024-2025 (từ báo cáo năm học 2023-2024)`);
    expect(r.out).toContain(`Giữ lại ${unfinished.length} dòng chưa hoàn thành`);
    expect(r.out).toContain(`Không đưa vào ${finished.length} dòng đã hoàn thành năm trước (thêm --all để đưa vào)`);

    const model = await modelOf(out);
    const result = checkDocument(model);
    // The title's year is 2024-2025 (the plan-2018 headings name no year, unlike the report's "ND Kế hoạch …
    // năm học 2023-2024" heading, which is gone with the report columns).
    expect(result.meta).toMatchObject({ documentKind: 'plan', schoolYear: '2024-2025', schoolType: 'tieu-hoc' });
    expect(result.meta.titleYears).toEqual([{ start: 2024, end: 2025 }]);
    expect(result.meta.headingYears).toEqual([]);
    // In the table, 2023-2024 is left only in the short «carried over from» notes (Ghi chú) and in the line
    // naming last year's unfinished work, which goes into the content column.
    const texts = model.tables[0].rows.flatMap((row) => row.cells.map((c) => c.text));
    expect(texts.some((t) => t.includes('2024-2025'))).toBe(true);
    const old = texts.filter((t) => /2023\s*-\s*2024/.test(t));
    expect(old.length).toBeGreaterThan(0);
    expect(old.filter((t) => t === 'Chuyển tiếp từ năm học 2023-2024')).toHaveLength(unfinished.length);
    for (const t of old) {
      const lines = t.split('\n').filter((l) => /2023\s*-\s*2024/.test(l));
      expect(lines.every((l) => /^(Chuyển tiếp từ|Phần chưa hoàn thành) năm học 2023-2024/.test(l))).toBe(true);
    }
    const [lastYear] = recogniseTables(await openSeed('001').read());
    expect(lastYear.headingYears).toEqual([{ start: 2023, end: 2024 }]);
    expect(result.findings.filter((f) => /year|framework/.test(f.rule))).toEqual([]);
    const plan = result.primary!;
    expect(plan.form.id).toBe('plan-2018');
    expect(plan.tag).toMatch(/^ctcl:plan-2018:/);
    expect(
      criterionEntries(plan)
        .map((e) => refKey(e.ref))
        .sort(),
    ).toEqual([...unfinished].sort());
    const e12 = criterionEntries(plan).find((e) => e.ref.code === '1.2')!;
    expect(e12.cells.actions).toMatch(/năm học 2024-2025/);
    expect(e12.cells.note).toMatch(/Chuyển tiếp từ năm học 2023-2024/);
    // A plan has no result columns: nothing of last year's results is left.
    expect(plan.form.columns.some((c) => c.result)).toBe(false);
  });

  test('--all takes the finished rows too', async () => {
    const out = outName('ke-hoach-tat-ca');
    const r = await ctcl('roll', SEED_001, '-o', out, '--all');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Giữ lại 11 dòng \(\d+ chưa hoàn thành, \d+ đã hoàn thành\)/);
    const plan = checkDocument(await modelOf(out)).primary!;
    expect(criterionEntries(plan)).toHaveLength(11);
    const both = await ctcl('roll', SEED_001, '-o', outName('x'), '--all', '--unfinished');
    expect(both.code).toBe(2);
    expect(both.err).toContain('không dùng cùng nhau');
  });

  test('--framework 2026 from seed 003 (2018 plan): every row marked to be assigned, suggestions printed, --assign assigns', async () => {
    const out = outName('ke-hoach-tt57');
    const r = await ctcl('roll', SEED_003, '-o', out, '--framework', '2026');
    expect(r.code).toBe(0);
    expect(r.out).toContain('theo Thông tư 57/2026');
    expect(r.out).toContain('Cần gán tiêu chí theo Thông tư 57/2026: 11 dòng');
    expect(r.out).toContain(NO_OFFICIAL_MAPPING);
    // One line of suggestions per row, the closest first: 2018's "Đối với giáo viên" → TT57 "Giáo viên".
    expect(r.out).toMatch(/ {2}Tiêu chí 2\.2 → 2\.2 «Giáo viên» \(giống \d+%\); /);
    expect(r.out.match(/^ {2}Tiêu chí .+ → .+«.+» \(giống \d+%\)/gm)).toHaveLength(11);
    expect(r.out).toMatch(/Gán bằng --assign, ví dụ --assign \d/);
    // 2022-2023 is still a 2018 year: said on stderr, not refused.
    expect(r.err).toContain('Lưu ý: năm học 2022-2023 thường theo');

    // The whole Biểu 2: the old rows are items of mục V, each marked to be assigned, with the suggestions.
    const read = checkDocument(await modelOf(out)).tt57!;
    expect(read.itemTable?.form.id).toBe('plan-2026');
    expect(read.plan.items).toHaveLength(11);
    expect(read.items.every((i) => i.unassigned && i.item.content.startsWith(UNASSIGNED_MARK))).toBe(true);
    expect(read.plan.items[0].content).toMatch(
      /^Cần gán tiêu chí theo Thông tư 57\/2026\. Gợi ý: [\d.; ]+\.\nTrước đây: Tiêu chí/,
    );
    expect(read.plan.problems).toEqual([]);

    const assigned = outName('ke-hoach-tt57-gan');
    const a = await ctcl('roll', SEED_003, '-o', assigned, '--framework', '2026', '--assign', '1.6=1.3, 2.2=2.2');
    expect(a.code).toBe(0);
    expect(a.out).toContain('Tiêu chí 1.6 → tiêu chí 1.3 (đã gán).');
    expect(a.out).toContain('Cần gán tiêu chí theo Thông tư 57/2026: 9 dòng');
    const read2 = checkDocument(await modelOf(assigned)).tt57!;
    // The chosen criteria are mục IV problems, the items serve them and name them in column (2).
    expect(read2.plan.problems.map((p) => p.criteria)).toEqual([['1.3'], ['2.2']]);
    const linked = read2.plan.items.filter((i) => i.problems.length);
    expect(linked.map((i) => [i.criteria, i.problems])).toEqual([
      [['1.3'], ['p1']],
      [['2.2'], ['p2']],
    ]);
    expect(linked[0].content).toMatch(/^Tiêu chí 1\.3: Trước đây: Tiêu chí 1\.6: Quản lý hành chính/);
    expect(read2.items.filter((i) => i.unassigned)).toHaveLength(9);
  });

  test('bad input: exit code 2 and a Vietnamese message', async () => {
    const cases: [string[], RegExp][] = [
      [['--assign', '1.6=1.3'], /--assign chỉ dùng khi chuyển từ các thông tư 2018 sang Thông tư 57\/2026/],
      [['--framework', '2026', '--assign', '1.6'], /--assign viết sai: «1\.6»/],
      [['--framework', '2026', '--assign', '1.6=9.9'], /không có tiêu chí «9\.9»/],
      [['--framework', '2026', '--assign', '1.1=1.3'], /bảng năm trước không có tiêu chí 1\.1/],
      [['--framework', '2020'], /Không có khung quy định «2020»/],
      [['--from-year', 'năm ngoái'], /Năm học không hợp lệ ở --from-year/],
    ];
    for (const [args, message] of cases) {
      const r = await ctcl('roll', SEED_003, '-o', outName('x'), ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
    // A TT57 plan cannot go back to the 2018 circulars.
    const tt57 = outName('tt57');
    expect((await ctcl('roll', SEED_003, '-o', tt57, '--framework', '2026')).code).toBe(0);
    const back = await ctcl('roll', tt57, '-o', outName('x'), '--framework', '2018');
    expect(back.code).toBe(2);
    expect(back.err).toContain('Không thể chuyển kế hoạch theo Thông tư 57/2026 về các thông tư 2018.');
  });
});

test('ctcl --help lists both commands', async () => {
  const r = await ctcl('--help');
  expect(r.out).toMatch(/report-from-plan <kế hoạch\.docx>\s+Tạo tệp báo cáo kết quả từ tệp kế hoạch/);
  expect(r.out).toMatch(/roll <tệp năm trước\.docx>\s+Lập kế hoạch năm nay/);
  const help = await ctcl('roll', '--help');
  expect(help.code).toBe(0);
  for (const o of ['--framework', '--all', '--unfinished', '--assign', '--school-type', '--from-year', '--profile', '--force']) {
    expect(help.out).toContain(o);
  }
});
