/**
 * Reviewer mode: `ctcl check <folder> --plan-dir … --xlsx …` over a generated folder of schools'
 * files (test/fixtures/corpus.ts: seeds, variants, generated plans and reports, broken files, other
 * files). The JSON, the text, the workbook read back with exceljs, the exit code, and that nothing
 * under the folder changed. Expected values come from how the corpus was built, not from the checker.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { Workbook, type Worksheet } from 'exceljs';
import { PAIR_RESULT_LABELS, SHEETS, criterionHeader, CRITERIA_LEGEND } from '../../src/cli/check/xlsx';
import { run } from '../../src/cli/main';
import { SEVERITY_LABELS } from '../../src/domain/check';
import { CRITERION_STATUS_LABELS, planMethodLabel, type FileReport } from '../../src/domain/check/report';
import { readDocxModel, readFailure } from '../../src/docx/read';
import { parseXml } from '../../src/docx/xml-node';
import { buildCorpus, type Corpus } from '../fixtures/corpus';

let work: string;
let corpus: Corpus;
const FOLDER = 'ho-so';
const PLANS = join(FOLDER, 'ke-hoach');
/** Every file under the folder (hidden ones too): content hash and mtime. */
let before: Map<string, { hash: string; mtime: number }>;

function snapshot(root: string): Map<string, { hash: string; mtime: number }> {
  const out = new Map<string, { hash: string; mtime: number }>();
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else {
        const hash = createHash('sha256').update(readFileSync(p)).digest('hex');
        out.set(relative(root, p), { hash, mtime: statSync(p).mtimeMs });
      }
    }
  };
  walk(root);
  return out;
}

interface Result {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly progress: string;
}

async function ctcl(argv: string[], opts: { tty?: boolean } = {}): Promise<Result> {
  let out = '';
  let err = '';
  let progress = '';
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        progress += String(chunk);
        done();
      },
    }),
    { isTTY: true, columns: 120 },
  );
  const code = await run(argv, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    cwd: work,
    progress: opts.tty ? stream : undefined,
  });
  return { code, out, err, progress };
}

const shown = (rel: string) => join(FOLDER, rel);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ctcl-folder-'));
  corpus = await buildCorpus(join(work, FOLDER));
  // Old, whole-second times: any write during the check would show.
  const old = new Date('2020-01-02T03:04:05Z');
  for (const rel of snapshot(corpus.root).keys()) utimesSync(join(corpus.root, rel), old, old);
  before = snapshot(corpus.root);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the generated folder', () => {
  test('has at least 40 .docx files in nested folders, broken files, other files and hidden ones', () => {
    expect(corpus.docx.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.docx.map((p) => p.split(/[\\/]/).length)).size).toBeGreaterThan(1);
    expect(corpus.bad.map((b) => b.code).sort()).toEqual(
      ['empty', 'encrypted', 'legacy-doc', 'missing-main', 'not-zip', 'too-large', 'xml-unsafe'].sort(),
    );
    expect(corpus.skipped.length).toBeGreaterThan(0);
    expect(corpus.silent.length).toBeGreaterThan(0);
  });
});

describe('ctcl check <folder> --plan-dir … --xlsx … --format json', () => {
  let r: Result;
  let files: FileReport[];
  let data: {
    files: FileReport[];
    skipped: { path: string; reason: string }[];
    pairing: { pairs: { report: string; plan: string; method: string }[]; unpairedReports: string[]; unpairedPlans: string[] };
    summary: { files: number; unreadable: number };
  };
  let wb: Workbook;

  beforeAll(async () => {
    r = await ctcl(['check', FOLDER, '--plan-dir', PLANS, '--xlsx', 'tong-hop.xlsx', '--format', 'json']);
    data = JSON.parse(r.out);
    files = data.files;
    wb = new Workbook();
    await wb.xlsx.load(readFileSync(join(work, 'tong-hop.xlsx')) as unknown as ArrayBuffer);
  });

  test('exit code 2 (some files could not be read); every .docx listed once; other files skipped, hidden ones not mentioned', () => {
    expect(r.code).toBe(2);
    expect(files.map((f) => f.path).sort()).toEqual(corpus.docx.map(shown).sort());
    expect(data.skipped.map((s) => s.path).sort()).toEqual(corpus.skipped.map(shown).sort());
    const skippedLines = r.err.split('\n').filter((l) => l.startsWith('Bỏ qua '));
    expect(skippedLines).toHaveLength(corpus.skipped.length);
    for (const s of corpus.silent) expect(r.out + r.err).not.toContain(s.split(/[\\/]/).pop());
    expect(data.summary).toMatchObject({ files: corpus.docx.length, unreadable: corpus.bad.length });
  });

  test('each broken file: its error code and the message reading it gives, no findings; good files have no error', () => {
    for (const b of corpus.bad) {
      const f = files.find((x) => x.path === shown(b.path))!;
      let expected: ReturnType<typeof readFailure> | undefined;
      try {
        readDocxModel(b.bytes, parseXml);
      } catch (e) {
        expected = readFailure(e);
      }
      expect(f.error).toEqual(expected);
      expect(f.error!.code).toBe(b.code);
      expect(f.findings).toEqual([]);
    }
    for (const g of corpus.good) expect(files.find((x) => x.path === shown(g))!.error).toBeUndefined();
  });

  test('reports paired with their plans (same school and year, or only the folder name), the rest listed', () => {
    const pairs = data.pairing.pairs.map((p) => [p.report, p.plan, p.method]).sort();
    expect(pairs).toEqual(corpus.pairs.map((p) => [shown(p.report), shown(p.plan), p.method]).sort());
    expect(data.pairing.unpairedReports.sort()).toEqual(corpus.unpairedReports.map(shown).sort());
    expect(data.pairing.unpairedPlans.sort()).toEqual(corpus.unpairedPlans.map(shown).sort());
    for (const p of corpus.pairs) {
      expect(files.find((f) => f.path === shown(p.report))!.plan).toEqual({ path: shown(p.plan), method: p.method });
    }
  });

  test('"planned but not reported" works across files: the Lỗi of each generated report are what was left out', () => {
    for (const p of corpus.pairs.filter((x) => x.statuses)) {
      const f = files.find((x) => x.path === shown(p.report))!;
      const keys = (status: string) =>
        Object.entries(p.statuses!)
          .filter(([, s]) => s === status)
          .map(([k]) => k)
          .sort();
      const rule = (id: string) =>
        f.findings
          .filter((x) => x.rule === id)
          .map((x) => x.criterion!)
          .sort();
      expect(rule('unreported-criterion')).toEqual(keys('missing'));
      expect(rule('empty-result')).toEqual(keys('no-result'));
      expect(f.counts.error).toBe(keys('missing').length + keys('no-result').length);
    }
  });

  function headings(ws: Worksheet, row: number): string[] {
    const out: string[] = [];
    ws.getRow(row).eachCell({ includeEmpty: true }, (c) => out.push(String(c.value ?? '')));
    return out;
  }

  /** Rows under the heading row as objects keyed by heading. */
  function rows(ws: Worksheet, headingRow: number): Record<string, unknown>[] {
    const h = headings(ws, headingRow);
    const out: Record<string, unknown>[] = [];
    for (let i = headingRow + 1; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      const o: Record<string, unknown> = {};
      h.forEach((name, j) => (o[name] = row.getCell(j + 1).value ?? ''));
      out.push(o);
    }
    return out;
  }

  test('the workbook: four sheets, heading rows frozen, filters on every column, widths fitted and capped', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.summary, SHEETS.criteria, SHEETS.details, SHEETS.pairing]);
    for (const ws of wb.worksheets) {
      const headingRow = ws.name === SHEETS.criteria ? 2 : 1;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headingRow });
      const width = headings(ws, headingRow).length;
      const last = ws.getRow(headingRow).getCell(width).address.replace(/\d+$/, '');
      expect(ws.autoFilter).toBe(`A${headingRow}:${last}${headingRow}`);
      for (let c = 1; c <= width; c++) {
        const w = ws.getColumn(c).width!;
        expect(w).toBeGreaterThanOrEqual(6);
        expect(w).toBeLessThanOrEqual(100);
      }
    }
    // The file column is as wide as the longest path (up to its cap).
    const longest = Math.max(...files.map((f) => f.path.length));
    expect(wb.getWorksheet(SHEETS.summary)!.getColumn(1).width).toBe(Math.min(60, longest + 2));
  });

  test('"Tổng hợp": one row per file, in the JSON order, counts, and the reason a file could not be read', () => {
    const sheet = rows(wb.getWorksheet(SHEETS.summary)!, 1);
    expect(sheet.map((x) => x['Tệp'])).toEqual(files.map((f) => f.path));
    files.forEach((f, i) => {
      const row = sheet[i];
      expect(row['Trường']).toBe(f.schoolName ?? '');
      expect(row['Năm học']).toBe(f.schoolYear ?? '');
      expect(row['Mẫu']).toBe(f.form ?? '');
      expect(row['Đọc được']).toBe(f.error ? 'Không' : 'Có');
      expect(row['Lý do không đọc được']).toBe(f.error?.message ?? '');
      if (!f.error) {
        expect([row['Số Lỗi'], row['Số Cảnh báo'], row['Số Gợi ý']]).toEqual([f.counts.error, f.counts.warning, f.counts.info]);
      }
      expect(row['Kế hoạch đối chiếu']).toBe(f.plan ? `${f.plan.path} (${planMethodLabel(f.plan.method)})` : '');
    });
  });

  test('"Tiêu chí": the legend, and for every generated pair the report and plan rows say what was built', () => {
    const ws = wb.getWorksheet(SHEETS.criteria)!;
    expect(ws.getCell('A1').value).toBe(CRITERIA_LEGEND);
    for (const label of Object.values(CRITERION_STATUS_LABELS)) expect(CRITERIA_LEGEND).toContain(`«${label}»`);
    const sheet = rows(ws, 2);
    expect(sheet.map((x) => x['Tệp'])).toEqual(files.map((f) => f.path));
    const both = new Set(files.filter((f) => !f.error).map((f) => f.framework)).size > 1;
    const cells = (path: string) => {
      const row = sheet.find((x) => x['Tệp'] === path)!;
      return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== '' && v !== null));
    };
    let checked = 0;
    for (const p of corpus.pairs.filter((x) => x.statuses)) {
      const header = (code: string) => criterionHeader({ framework: p.framework!, code }, both);
      const report = cells(shown(p.report));
      for (const [code, status] of Object.entries(p.statuses!))
        expect(report[header(code)]).toBe(CRITERION_STATUS_LABELS[status]);
      const plan = cells(shown(p.plan));
      const planned = Object.keys(plan).filter((k) => plan[k] === CRITERION_STATUS_LABELS.planned);
      expect(planned.sort()).toEqual(p.planned!.map(header).sort());
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    // An unreadable file has its row, with nothing in the criterion columns.
    const bad = cells(shown(corpus.bad[0].path));
    expect(Object.keys(bad).sort()).toEqual(['Loại văn bản', 'Tệp']);
  });

  test('"Chi tiết": every finding with its file, severity label, rule, criterion and 1-based place', () => {
    const sheet = rows(wb.getWorksheet(SHEETS.details)!, 1);
    const expected = files.flatMap((f) =>
      f.findings.map((x) => ({
        Tệp: f.path,
        'Mức độ': SEVERITY_LABELS[x.severity],
        'Quy tắc': x.rule,
        'Nội dung': x.message,
        'Tiêu chí': x.criterion ?? '',
        Bảng: x.location.table === null ? '' : x.location.table + 1,
        Dòng: x.location.row === null ? '' : x.location.row + 1,
        Cột: x.location.column === null ? '' : x.location.column + 1,
      })),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(sheet).toHaveLength(expected.length);
    sheet.forEach((row, i) => expect(row).toMatchObject(expected[i]));
  });

  test('"Ghép cặp": the pairs, the reports without a plan and the plans without a report', () => {
    const sheet = rows(wb.getWorksheet(SHEETS.pairing)!, 1);
    const made = sheet.filter((x) => x['Kết quả'] === PAIR_RESULT_LABELS.paired).map((x) => [x['Báo cáo'], x['Kế hoạch']]);
    expect(made.sort()).toEqual(corpus.pairs.map((p) => [shown(p.report), shown(p.plan)]).sort());
    const alone = (label: string, key: string) =>
      sheet
        .filter((x) => x['Kết quả'] === label)
        .map((x) => x[key])
        .sort();
    expect(alone(PAIR_RESULT_LABELS.reportAlone, 'Báo cáo')).toEqual(corpus.unpairedReports.map(shown).sort());
    expect(alone(PAIR_RESULT_LABELS.planAlone, 'Kế hoạch')).toEqual(corpus.unpairedPlans.map(shown).sort());
  });

  test('nothing under the folder changed: same files, same contents, same modification times', () => {
    const after = snapshot(corpus.root);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [rel, s] of before) expect(after.get(rel)).toEqual(s);
  });

  test('an existing workbook is kept without --force and replaced with it', async () => {
    const path = join(work, 'tong-hop.xlsx');
    const old = readFileSync(path);
    const again = await ctcl(['check', FOLDER, '--xlsx', 'tong-hop.xlsx']);
    expect(again.code).toBe(2);
    expect(again.out).toBe('');
    expect(again.err).toContain('Tệp «tong-hop.xlsx» đã có. Thêm --force nếu muốn ghi đè.');
    expect(readFileSync(path).equals(old)).toBe(true);
    writeFileSync(path, 'cũ');
    const forced = await ctcl(['check', FOLDER, '--xlsx', 'tong-hop.xlsx', '--force']);
    expect(forced.code).toBe(2);
    expect(forced.out).toContain('Đã ghi bảng tổng hợp tong-hop.xlsx');
    const book = new Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    // Without --plan-dir there is no pairing sheet.
    expect(book.worksheets.map((w) => w.name)).toEqual([SHEETS.summary, SHEETS.criteria, SHEETS.details]);
  });
});

describe('ctcl check <folder> as text', () => {
  test('a block per file, one line per unreadable file, the pairs, the summary; a progress bar only on a terminal', async () => {
    const json = JSON.parse((await ctcl(['check', FOLDER, '--plan-dir', PLANS, '--format', 'json'])).out) as {
      files: FileReport[];
      summary: { findings: Record<string, number> };
    };
    const r = await ctcl(['check', FOLDER, '--plan-dir', PLANS], { tty: true });
    expect(r.code).toBe(2);
    for (const f of json.files) {
      expect(r.out).toContain(`▸ ${f.path}\n`);
      if (f.error) expect(r.out).toContain(`▸ ${f.path}\n  Không đọc được: ${f.error.message}\n`);
    }
    expect(r.out).toContain('Ghép báo cáo với kế hoạch:');
    for (const p of corpus.pairs) expect(r.out).toContain(`  ${shown(p.report)}  ↔  ${shown(p.plan)} (`);
    for (const p of corpus.unpairedPlans) expect(r.out).toContain(`  Kế hoạch chưa có báo cáo: ${shown(p)}`);
    const { findings } = json.summary;
    expect(r.out.trimEnd().split('\n').pop()).toMatch(
      new RegExp(
        `^Tổng cộng: ${corpus.docx.length} tệp \\(${corpus.good.length} đọc được, ${corpus.bad.length} không đọc được\\); ` +
          `${findings.error} lỗi, ${findings.warning} cảnh báo, ${findings.info} gợi ý; \\d+ tệp có lỗi\\. Theo loại: `,
      ),
    );
    // The bar went to the terminal (stderr), never to stdout.
    expect(r.progress).toContain('Đang kiểm tra');
    expect(r.out).not.toContain('Đang kiểm tra');
    const quiet = await ctcl(['check', FOLDER, '--format', 'json'], { tty: true });
    expect(quiet.progress).toBe('');
  });
});
