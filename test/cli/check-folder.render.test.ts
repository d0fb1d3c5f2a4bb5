/**
 * Reviewer mode: `ctcl check <folder> --plan-dir … --xlsx …` over a generated folder of schools'
 * files (test/fixtures/corpus.ts: seeds, variants, generated plans and reports, broken files, other
 * files). The JSON, the text, the workbook read back through LibreOffice (values and printed pages), the exit code, and that nothing
 * under the folder changed. Expected values come from how the corpus was built, not from the checker.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Writable } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { SCHOOL_TYPE_LABELS, type Framework, type SchoolType } from '../../src/domain/catalog';
import { schoolDisplayName, schoolKey } from '../../src/domain/check/pairing';
import { childElements, findFirst, firstChild } from '../../src/domain/ooxml/xml';
import { circularOf, PLAN2026_STATUS_LABELS } from '../../src/domain/review';
import {
  CRITERIA_LEGEND,
  DETAIL_HEADINGS,
  PAIR_RESULT_LABELS,
  PLAN2026_HEADING,
  PLAN2026_LEGEND,
  SHEETS,
  SUMMARY_HEADINGS,
} from '../../src/domain/review/workbook';
import { convertToPdf, pdfInfo, pdfPages, squash, xlsxSheets } from '../docx/libreoffice';
import { run } from '../../src/cli/main';
import { SEVERITY_LABELS } from '../../src/domain/check';
import { CRITERION_STATUS_LABELS, planMethodLabel, type FileReport } from '../../src/domain/check/report';
import { readDocxModel, readFailure } from '../../src/app/open';
import { parseXml } from '../../src/xml/node';
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
  let sheets: Map<string, string[][]>;

  beforeAll(async () => {
    r = await ctcl(['check', FOLDER, '--plan-dir', PLANS, '--xlsx', 'tong-hop.xlsx', '--format', 'json']);
    data = JSON.parse(r.out);
    files = data.files;
    sheets = await xlsxSheets(join(work, 'tong-hop.xlsx'), mkdtempSync(join(work, 'csv-')));
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

  /** The sheet's rows under its heading row as objects keyed by heading (the heading row is found by its first cell). */
  function rows(sheet: string[][]): Record<string, string>[] {
    const h = sheet.findIndex((r) => r[0] === 'Tệp' || r[0] === 'Kết quả');
    expect(h).toBeGreaterThanOrEqual(1);
    return sheet.slice(h + 1).map((r) => Object.fromEntries(sheet[h].map((name, j) => [name, r[j] ?? ''])));
  }

  const sheet = (name: string) => {
    const s = sheets.get(name);
    if (!s) throw new Error(`no sheet ${name} in ${[...sheets.keys()].join(', ')}`);
    return s;
  };

  test('the workbook read back by LibreOffice: Tổng hợp, a Tiêu chí sheet per framework and school type, Chi tiết, Ghép cặp', () => {
    const names = [...sheets.keys()];
    expect(names[0]).toBe(SHEETS.summary);
    expect(names.slice(-2)).toEqual([SHEETS.details, SHEETS.pairing]);
    const criteria = names.slice(1, -2);
    const groups = new Set(files.filter((f) => !f.error && f.framework).map((f) => `${f.framework}|${f.schoolType ?? ''}`));
    expect(criteria).toHaveLength(groups.size);
    for (const g of groups) {
      const [framework, type] = g.split('|') as [Framework, SchoolType | ''];
      const label = type ? SCHOOL_TYPE_LABELS[type] : 'chưa rõ loại';
      const circular = type ? circularOf(framework, type).replace(/\/\d{4}$/, '') : framework === '2026' ? 'TT57' : 'TT2018';
      expect(criteria).toContain(`${SHEETS.criteria} ${label} ${circular}`);
    }
    // Every sheet starts with its title.
    expect(sheet(SHEETS.summary)[0][0]).toMatch(
      new RegExp(`^Tổng hợp kết quả kiểm tra .* — ${files.length} tệp — ngày \\d\\d/\\d\\d/\\d{4}$`),
    );
    for (const name of criteria) expect(sheet(name)[0][0]).toMatch(/^Tình trạng từng tiêu chí — /);
  });

  test('print-ready: A4 landscape one page wide, heading row frozen, filtered and repeated on every printed page', async () => {
    const parts = unzipSync(readFileSync(join(work, 'tong-hop.xlsx')));
    const xml = (name: string) => parseXml(strFromU8(parts[name]));
    const book = xml('xl/workbook.xml');
    const sheetEls = childElements(firstChild(book, 'sheets')!, 'sheet');
    expect(sheetEls.map((e) => e.attrs.name)).toEqual([...sheets.keys()]);
    const defined = childElements(firstChild(book, 'definedNames')!, 'definedName');
    sheetEls.forEach((e, i) => {
      const ws = xml(`xl/worksheets/sheet${i + 1}.xml`);
      const heading = sheet(e.attrs.name).findIndex((r) => r[0] === 'Tệp' || r[0] === 'Kết quả') + 1;
      const setup = findFirst(ws, 'pageSetup')!.attrs;
      expect(setup).toMatchObject({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' });
      expect(findFirst(ws, 'pageSetUpPr')!.attrs.fitToPage).toBe('1');
      expect(findFirst(ws, 'pane')!.attrs).toMatchObject({ state: 'frozen', ySplit: String(heading) });
      expect(findFirst(ws, 'autoFilter')!.attrs.ref).toMatch(new RegExp(`^A${heading}:[A-Z]+${heading}$`));
      const titles = defined.find((d) => d.attrs.name === '_xlnm.Print_Titles' && d.attrs.localSheetId === String(i))!;
      expect(titles.children[0]).toEqual({ t: 'x', v: `'${e.attrs.name}'!$${heading}:$${heading}` });
      for (const c of childElements(findFirst(ws, 'cols')!, 'col')) {
        expect(Number(c.attrs.width)).toBeGreaterThanOrEqual(6);
        expect(Number(c.attrs.width)).toBeLessThanOrEqual(80);
      }
    });
    // Printed by LibreOffice: A4 landscape pages, and every page of «Chi tiết» shows the heading row again.
    const [pdf] = await convertToPdf([join(work, 'tong-hop.xlsx')], mkdtempSync(join(work, 'pdf-')));
    const { pages, sizes } = pdfInfo(pdf);
    for (const s of sizes) expect([Math.round(s.width), Math.round(s.height)]).toEqual([842, 595]);
    expect(pages).toBeLessThan(20);
    const text = pdfPages(pdf);
    const details = text.filter(
      (t) =>
        t.includes(`${SHEETS.details}\n`) ||
        t
          .trimEnd()
          .split('\n')
          .some((l) => l.startsWith(SHEETS.details)),
    );
    expect(details.length).toBeGreaterThanOrEqual(2);
    for (const page of details) expect(squash(page)).toContain(squash('Tệp Trường Mức độ Quy tắc'));
  });

  test('"Tổng hợp": one row per file in the JSON order, school names in one form, counts, coverage, the reason a file could not be read', () => {
    const H = SUMMARY_HEADINGS;
    const table = rows(sheet(SHEETS.summary));
    expect(table.map((x) => x[H.file])).toEqual(files.map((f) => f.path));
    files.forEach((f, i) => {
      const row = table[i];
      expect(row[H.school]).toBe(f.schoolName ? schoolDisplayName(f.schoolName) : '');
      if (f.schoolName) {
        // One written form: «Trường …», never all capitals, and the same school for pairing.
        expect(row[H.school]).toMatch(/^(Trường|Trung tâm) /);
        expect(row[H.school]).not.toBe(row[H.school].toLocaleUpperCase('vi'));
        expect(schoolKey(row[H.school])).toBe(schoolKey(f.schoolName));
      }
      expect(row[H.year]).toBe(f.schoolYear ?? '');
      expect(row[H.reason]).toBe(f.error?.message ?? '');
      if (f.error) expect(row[H.kind]).toBe('Không đọc được');
      else {
        expect([row[H.errors], row[H.warnings], row[H.infos]]).toEqual(
          [f.counts.error, f.counts.warning, f.counts.info].map(String),
        );
        expect(row[H.ignored]).toBe('0');
      }
      expect(row[H.coverage]).toBe(f.coverage ? `${f.coverage.reported}/${f.coverage.total}` : '');
      expect(row[H.plan]).toBe(f.plan ? `${f.plan.path} (${planMethodLabel(f.plan.method)})` : '');
    });
    // Names written differently in the files are shown alike.
    expect(table.some((r) => /^TRƯỜNG|^trường/.test(r[H.school]))).toBe(false);
    expect(files.filter((f) => f.coverage).length).toBeGreaterThan(10);
  });

  test('"Tiêu chí": the legend, criteria headed by code and short title, and for every generated pair the report and plan rows say what was built', () => {
    const criteria = [...sheets.keys()].filter((n) => n.startsWith(`${SHEETS.criteria} `));
    const sheetOf = (path: string) => criteria.find((n) => sheet(n).some((r) => r[0] === path))!;
    for (const n of criteria) {
      // A sheet with a Biểu 2 plan has its summary column and explains its words too.
      const bieu2 = sheet(n)[2].includes(PLAN2026_HEADING);
      expect(bieu2).toBe(n.includes('TT57'));
      expect(sheet(n)[1][0]).toBe(bieu2 ? `${CRITERIA_LEGEND} ${PLAN2026_LEGEND}` : CRITERIA_LEGEND);
      const heading = sheet(n)[2];
      expect(heading.slice(0, 4)).toEqual(['Tệp', 'Trường', 'Loại văn bản', 'Năm học']);
      // A catalog's criterion: «1.1» then its title, shortened (no catalog, no titles, when the school type is not known).
      if (!n.includes('chưa rõ loại')) expect(heading.slice(4).filter((h) => /^\d+\.\d+\n\S/.test(h)).length).toBeGreaterThan(10);
    }
    for (const label of Object.values(CRITERION_STATUS_LABELS)) expect(CRITERIA_LEGEND).toContain(`«${label}»`);
    const cells = (path: string) => {
      const row = rows(sheet(sheetOf(path))).find((x) => x['Tệp'] === path)!;
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(row)) if (v && /^(M4\.)?\d+(\.\d+)?(\n|$)/.test(k)) out[k.split('\n')[0]] = v;
      return out;
    };
    let checked = 0;
    let plans2026 = 0;
    for (const p of corpus.pairs.filter((x) => x.statuses)) {
      const report = cells(shown(p.report));
      expect(report).toEqual(
        Object.fromEntries(Object.entries(p.statuses!).map(([code, st]) => [code, CRITERION_STATUS_LABELS[st]])),
      );
      const plan = cells(shown(p.plan));
      if (p.framework === '2026') {
        // A Biểu 2 plan: one item per planned criterion, column (10) not yet written; the mandatory criteria it
        // leaves out are marked.
        const mandatory = ['1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2'];
        expect(Object.keys(plan).sort()).toEqual([...new Set([...p.planned!, ...mandatory])].sort());
        for (const [code, v] of Object.entries(plan)) {
          expect(v).toBe(
            p.planned!.includes(code)
              ? `${PLAN2026_STATUS_LABELS['not-reviewed']}\n1 nội dung`
              : PLAN2026_STATUS_LABELS['mandatory-absent'],
          );
        }
        plans2026++;
      } else {
        expect(Object.keys(plan).sort()).toEqual([...p.planned!].sort());
        for (const v of Object.values(plan)) expect(v).toBe(CRITERION_STATUS_LABELS.planned);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
    expect(plans2026).toBeGreaterThan(0);
    // A TT17 «1.5» and a TT19 «1.5» are in different sheets, under their own titles.
    const th = criteria.find((n) => n.includes('Tiểu học TT17'))!;
    const mn = criteria.find((n) => n.includes('Mầm non TT19'))!;
    const title = (n: string) => sheet(n)[2].find((h) => h.startsWith('1.5\n'))!;
    expect(title(th)).not.toBe(title(mn));
    // Unreadable files are not in the matrix.
    for (const b of corpus.bad) expect(sheetOf(shown(b.path))).toBeUndefined();
  });

  test('"Chi tiết": every finding with its file, severity label, rule, criterion and 1-based place', () => {
    const H = DETAIL_HEADINGS;
    const table = rows(sheet(SHEETS.details));
    const n = (v: number | null) => (v === null ? '' : String(v + 1));
    const expected = files.flatMap((f) =>
      f.findings.map((x) => ({
        [H.file]: f.path,
        [H.severity]: SEVERITY_LABELS[x.severity],
        [H.rule]: x.rule,
        [H.message]: x.message,
        [H.criterion]: x.criterion ?? '',
        [H.table]: n(x.location.table),
        [H.row]: n(x.location.row),
        [H.column]: n(x.location.column),
        [H.ignored]: '',
      })),
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(table).toHaveLength(expected.length);
    table.forEach((row, i) => expect(row).toMatchObject(expected[i]));
  });

  test('"Ghép cặp": the pairs, the reports without a plan and the plans without a report', () => {
    const table = rows(sheet(SHEETS.pairing));
    const made = table.filter((x) => x['Kết quả'] === PAIR_RESULT_LABELS.paired).map((x) => [x['Báo cáo'], x['Kế hoạch']]);
    expect(made.sort()).toEqual(corpus.pairs.map((p) => [shown(p.report), shown(p.plan)]).sort());
    const alone = (label: string, key: string) =>
      table
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
    // Without --plan-dir there is no pairing sheet.
    const book = parseXml(strFromU8(unzipSync(readFileSync(path))['xl/workbook.xml']));
    const names = childElements(firstChild(book, 'sheets')!, 'sheet').map((e) => e.attrs.name);
    expect(names[0]).toBe(SHEETS.summary);
    expect(names[names.length - 1]).toBe(SHEETS.details);
    expect(names.slice(1, -1).every((n) => n.startsWith(`${SHEETS.criteria} `))).toBe(true);
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
