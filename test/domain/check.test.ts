import { getCatalog, type Framework, type Level, type SchoolType } from '../../src/domain/catalog';
import { checkDocument, planFromDocument, type CheckOptions, type RuleId } from '../../src/domain/check';
import { looksLegacy } from '../../src/domain/check/rules/encoding';
import { getForm, type FormId, type SectionId } from '../../src/domain/forms';
import { readDocument } from '../../src/domain/ooxml/reader';
import { documentElement, paragraph } from '../../src/domain/ooxml/writer';
import { buildTable } from '../../src/domain/table/render';
import { el, serialize, text, type XElement } from '../../src/domain/ooxml/xml';
import type { BodyRow } from '../../src/domain/table/model';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

interface TableInput {
  form: FormId;
  year?: string;
  schoolType?: SchoolType;
  rows: BodyRow[];
  mutate?: (tbl: XElement) => void;
}

const crit = (code: string, cells: Record<string, string> = {}, level?: Level): BodyRow => ({
  kind: 'criterion',
  ref: code.startsWith('M4.') ? { code: code.slice(3), level4: true } : { code },
  level,
  cells,
});
const std = (n: number, framework: Framework = '2018', schoolType: SchoolType = 'tieu-hoc'): BodyRow => ({
  kind: 'standard',
  standard: n,
  title: getCatalog(framework, schoolType).standards[n - 1].title,
});
const sec = (section: SectionId): BodyRow => ({ kind: 'section', section });

const DONE = { planned: 'Kế hoạch', done: 'Đã xong' };
const PLAN = { target: 'Đạt', actions: 'Làm', owner: 'Hiệu trưởng', timeline: 'Tháng 10/2025' };

function doc(opts: { paragraphs?: string[]; after?: string[]; tables: TableInput[] }) {
  const blocks: XElement[] = [];
  for (const p of opts.paragraphs ?? [
    'TRƯỜNG TIỂU HỌC KIM ĐỒNG',
    'Số: 12/BC-KĐ',
    'Hà Nội, ngày 20 tháng 5 năm 2026',
    'BÁO CÁO',
    'Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026',
  ])
    blocks.push(paragraph(p));
  for (const t of opts.tables) {
    const f = getForm(t.form);
    const tbl = buildTable({
      form: t.form,
      framework: f.framework,
      schoolType: t.schoolType ?? 'tieu-hoc',
      schoolYear: t.year ?? '2025-2026',
      groupByLevel: false,
      rows: t.rows,
    });
    t.mutate?.(tbl);
    blocks.push(tbl, paragraph(''));
  }
  for (const p of opts.after ?? ['Nơi nhận:', '- Lưu VT.', 'HIỆU TRƯỞNG', 'Nguyễn Văn An']) blocks.push(paragraph(p));
  return readDocument(parseXml(serialize(documentElement(blocks))));
}

function rules(model: ReturnType<typeof doc>, opts?: CheckOptions): RuleId[] {
  return checkDocument(model, opts).findings.map((f) => f.rule);
}

function findings(model: ReturnType<typeof doc>, rule: RuleId, opts?: CheckOptions) {
  return checkDocument(model, opts).findings.filter((f) => f.rule === rule);
}

const clean = () =>
  doc({
    tables: [
      {
        form: 'report-2018',
        rows: [
          sec('m123'),
          std(1),
          crit('1.1', DONE),
          crit('1.3', DONE, 3),
          std(3),
          crit('3.2', DONE),
          sec('m4'),
          crit('M4.2', DONE),
        ],
      },
    ],
  });

describe('a correct document', () => {
  test('has no findings, and its metadata is worked out', () => {
    const r = checkDocument(clean());
    expect(r.findings).toEqual([]);
    expect(r.meta).toMatchObject({ documentKind: 'report', schoolType: 'tieu-hoc', schoolYear: '2025-2026', framework: '2018' });
    expect(r.criteria).toEqual({ 'MỨC 1, 2, 3': ['1.1', '1.3', '3.2'], 'MỨC 4': ['2'] });
    expect(r.coverage).toMatchObject({ total: 4, reported: 4, basis: 'report' });
  });
});

describe('rules', () => {
  test('no-table: fires without a plan/report table, not with one', () => {
    expect(rules(doc({ tables: [] }))).toContain('no-table');
    expect(rules(clean())).not.toContain('no-table');
  });

  test('missing-column and extra-column', () => {
    // Drop the "Ghi chú" column everywhere and rename another heading to something foreign.
    const dropLast = (tbl: XElement) => {
      const grid = tbl.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:tblGrid')!;
      grid.children.pop();
      for (const tr of tbl.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tr')) {
        const tcs = tr.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tc');
        if (tcs.length === 9) tr.children.splice(tr.children.indexOf(tcs[8]), 1);
        else {
          // Rows merged across: one grid column less.
          const last = tcs[tcs.length - 1];
          const pr = last.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:tcPr')!;
          const span = pr.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:gridSpan');
          if (span) span.attrs['w:val'] = String(Number(span.attrs['w:val']) - 1);
        }
      }
    };
    const m = doc({
      paragraphs: ['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2025-2026'],
      tables: [{ form: 'plan-2018', rows: [sec('m123'), std(1), crit('1.1', PLAN)], mutate: dropLast }],
    });
    const f = findings(m, 'missing-column');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('«Ghi chú»')]);
    expect(f[0]).toMatchObject({ severity: 'warning', fix: { kind: 'add-column', key: 'note' } });
    expect(rules(clean())).not.toContain('missing-column');
  });

  test('missing-heading: a column whose heading was deleted (seed 004) is named, with a fix', async () => {
    const r = checkDocument(await openSeed('004').read());
    const f = r.findings.filter((x) => x.rule === 'missing-heading');
    expect(f.map((x) => [x.severity, x.location.column])).toEqual([
      ['error', 6],
      ['warning', 0],
    ]);
    expect(f[0].fix).toEqual({ kind: 'write-heading', key: 'notStarted' });
  });

  test('empty-result: a report row with all result cells empty, but not "Không"', () => {
    const m = doc({
      tables: [
        {
          form: 'report-2018',
          rows: [sec('m123'), std(1), crit('1.1', { planned: 'x' }), crit('1.2', { planned: 'x', notStarted: 'Không' })],
        },
      ],
    });
    const f = findings(m, 'empty-result');
    expect(f.map((x) => x.criterion)).toEqual(['1.1']);
    expect(f[0].severity).toBe('error');
    expect(f[0].location.column).toBe(4);
  });

  test('unreported-criterion and unplanned-criterion against the plan table in the same document', () => {
    const m = doc({
      tables: [
        { form: 'plan-2018', rows: [sec('m123'), std(1), crit('1.1', PLAN), crit('1.6', PLAN), sec('m4'), crit('M4.2', PLAN)] },
        { form: 'report-2018', rows: [sec('m123'), std(1), crit('1.1', DONE), crit('1.7', DONE)] },
      ],
    });
    const r = checkDocument(m);
    expect(r.findings.filter((f) => f.rule === 'unreported-criterion').map((f) => f.criterion)).toEqual(['1.6', 'M4.2']);
    expect(r.findings.filter((f) => f.rule === 'unplanned-criterion').map((f) => [f.criterion, f.severity])).toEqual([
      ['1.7', 'info'],
    ]);
    expect(r.coverage).toEqual({ total: 3, reported: 1, missing: ['1.6', 'M4.2'], basis: 'plan' });
    expect(r.findings.find((f) => f.rule === 'unreported-criterion')!.fix).toEqual({
      kind: 'add-planned-rows',
      codes: ['1.6', 'M4.2'],
    });
  });

  test('unreported-criterion against a plan from another file (seed 003 as the plan)', async () => {
    const plan = planFromDocument(await openSeed('003').read(), '003.docx')!;
    const report = doc({
      tables: [{ form: 'report-2018', year: '2021-2022', rows: [sec('m123'), std(1), crit('1.6', DONE), crit('1.10', DONE)] }],
    });
    const missing = findings(report, 'unreported-criterion', { plan }).map((f) => f.criterion);
    expect(missing).toEqual(['2.2', '2.3', '2.4', '3.2', '3.5', '4.2', '5.5', 'M4.2', 'M4.4']);
    expect(findings(report, 'unreported-criterion', { plan })[0].message).toContain('«003.docx»');
  });

  test('unknown-criterion: 3.7 and 2.5 in a primary school; 2.4 is fine there but not in a preschool', () => {
    const m = doc({
      tables: [
        { form: 'report-2018', rows: [sec('m123'), std(2), crit('2.4', DONE), crit('2.5', DONE), std(3), crit('3.7', DONE)] },
      ],
    });
    expect(findings(m, 'unknown-criterion').map((f) => f.criterion)).toEqual(['2.5', '3.7']);
    const mn = findings(m, 'unknown-criterion', { overrides: { schoolType: 'mam-non' } });
    expect(mn.map((f) => f.criterion)).toEqual(['2.4', '2.5', '3.7']);
    expect(mn[0].message).toMatch(/chỉ có ở trường tiểu học, THCS, THPT\)/);
  });

  test('standard-title-mismatch: another school type wording is an error, a shortened title a suggestion (seed 000)', async () => {
    const r = checkDocument(await openSeed('000').read());
    const f = r.findings.filter((x) => x.rule === 'standard-title-mismatch');
    expect(f.map((x) => [x.severity, x.location.row])).toEqual([
      ['error', 13],
      ['info', 8],
    ]);
    expect(f[0].message).toMatch(/Tiêu chuẩn 5.*trường mầm non.*Hoạt động giáo dục và kết quả giáo dục/);
    expect(rules(clean())).not.toContain('standard-title-mismatch');
  });

  test('criterion-title-mismatch only when a written title differs (code-only labels are fine)', () => {
    const wrong = (tbl: XElement) => {
      const walk = (n: XElement): void => {
        for (const c of n.children) {
          if (c.t === 'x' && c.v.startsWith('Tiêu chí 1.1:')) c.v = 'Tiêu chí 1.1: Hội đồng trường';
          else if (c.t === 'e') walk(c);
        }
      };
      walk(tbl);
    };
    const m = doc({
      tables: [{ form: 'report-2018', rows: [sec('m123'), std(1), crit('1.1', DONE), crit('1.3', DONE)], mutate: wrong }],
    });
    const f = findings(m, 'criterion-title-mismatch');
    expect(f.map((x) => x.criterion)).toEqual(['1.1']);
    expect(f[0].fix).toEqual({ kind: 'write-criterion-title', code: '1.1' });
  });

  test('wrong-standard: a criterion under another standard row', () => {
    const m = doc({ tables: [{ form: 'report-2018', rows: [sec('m123'), std(2), crit('2.1', DONE), crit('3.2', DONE)] }] });
    expect(findings(m, 'wrong-standard').map((f) => f.criterion)).toEqual(['3.2']);
  });

  test('level-not-available: "(mức 3)" on a criterion without Mức 3; TT22/2024 repealed levels from 2024-2025', () => {
    const m = doc({
      tables: [
        { form: 'report-2018', rows: [sec('m123'), std(1), crit('1.2', DONE, 3), crit('1.1', DONE, 3), crit('1.5', DONE, 2)] },
      ],
    });
    const f = findings(m, 'level-not-available');
    expect(f.map((x) => [x.criterion, x.severity])).toEqual([
      ['1.2', 'error'],
      ['1.5', 'warning'],
    ]);
    const old = doc({
      paragraphs: ['BÁO CÁO', 'năm học 2021-2022'],
      tables: [{ form: 'report-2018', year: '2021-2022', rows: [sec('m123'), std(1), crit('1.5', DONE, 2)] }],
    });
    expect(rules(old)).not.toContain('level-not-available');
  });

  test('unknown-level4-item: TT17 has 5 Mức 4 items, TT19 6; TT18 item 3 is unverified, not an error', () => {
    const m = doc({
      tables: [{ form: 'report-2018', rows: [sec('m4'), crit('M4.5', DONE), crit('M4.6', DONE), crit('M4.7', DONE)] }],
    });
    expect(findings(m, 'unknown-level4-item').map((f) => [f.criterion, f.severity])).toEqual([
      ['M4.6', 'error'],
      ['M4.7', 'error'],
    ]);
    const mn = findings(m, 'unknown-level4-item', { overrides: { schoolType: 'mam-non' } });
    expect(mn.map((f) => [f.criterion, f.severity])).toEqual([['M4.7', 'error']]);
    const th = findings(m, 'unknown-level4-item', { overrides: { schoolType: 'thcs-thpt' } });
    expect(th.map((f) => [f.criterion, f.severity])).toEqual([
      ['M4.5', 'info'],
      ['M4.6', 'info'],
      ['M4.7', 'info'],
    ]);
  });

  test('duplicate-criterion: the same criterion in two places, but not several rows in a row', () => {
    const apart = doc({
      tables: [{ form: 'report-2018', rows: [sec('m123'), std(1), crit('1.1', DONE), crit('1.2', DONE), crit('1.1', DONE)] }],
    });
    expect(findings(apart, 'duplicate-criterion').map((f) => f.criterion)).toEqual(['1.1']);
    // Reported once per criterion, with all its places (a long report repeating a criterion gave one per row).
    const thrice = doc({
      tables: [
        {
          form: 'report-2018',
          rows: [
            sec('m123'),
            std(1),
            crit('1.1', DONE),
            crit('1.2', DONE),
            crit('1.1', DONE),
            crit('1.3', DONE),
            crit('1.1', DONE),
          ],
        },
      ],
    });
    const once = findings(thrice, 'duplicate-criterion');
    expect(once).toHaveLength(1);
    expect(once[0].message).toMatch(/Tiêu chí 1\.1 xuất hiện ở 3 chỗ trong bảng \(dòng \d+, \d+, \d+\)/);
    const together = doc({
      tables: [{ form: 'report-2018', rows: [sec('m123'), std(1), crit('1.1', DONE), crit('1.1', DONE), crit('1.2', DONE)] }],
    });
    expect(rules(together)).not.toContain('duplicate-criterion');
  });

  test('year-mismatch: title vs headings; a report dated before its year has results (seed 001)', async () => {
    const m = doc({ tables: [{ form: 'report-2018', year: '2024-2025', rows: [sec('m123'), std(1), crit('1.1', DONE)] }] });
    expect(findings(m, 'year-mismatch').map((f) => f.severity)).toEqual(['error']);
    const r = checkDocument(await openSeed('001').read());
    expect(r.findings.filter((f) => f.rule === 'year-mismatch').map((f) => f.message)).toEqual([
      expect.stringMatching(/12\/9\/2023/),
    ]);
    expect(rules(clean())).not.toContain('year-mismatch');
  });

  test('framework-mismatch: a 2026-2027 document with a 2018 form', () => {
    const m = doc({
      paragraphs: [
        'BÁO CÁO',
        'Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học 2026-2027',
        'Hà Nội, ngày 20 tháng 5 năm 2027',
      ],
      tables: [{ form: 'report-2018', year: '2026-2027', rows: [sec('m123'), std(1), crit('1.1', DONE)] }],
    });
    expect(rules(m)).toContain('framework-mismatch');
  });

  test('empty-cell: required plan cells left empty; a row with nothing yet is one finding', () => {
    const m = doc({
      paragraphs: ['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2025-2026'],
      tables: [
        { form: 'plan-2018', rows: [sec('m123'), std(1), crit('1.1', { ...PLAN, owner: '' }), crit('1.2'), crit('1.3', PLAN)] },
      ],
    });
    const f = findings(m, 'empty-cell');
    expect(f.map((x) => x.criterion)).toEqual(['1.1', '1.2']);
    expect(f[0].message).toMatch(/Chủ trì và phối hợp thực hiện/);
    expect(f[0].location.column).toBe(4);
  });

  test('time-outside-year: plan timings past the year, quiet for multi-year wording (seed 003)', async () => {
    const r = checkDocument(await openSeed('003').read());
    expect(r.findings.filter((f) => f.rule === 'time-outside-year').map((f) => [f.criterion, f.severity])).toEqual([
      ['2.2', 'info'],
      ['M4.4', 'info'],
    ]);
  });

  test('legacy-encoding: TCVN3 text and .VnTime fonts; Unicode text is fine', () => {
    expect(looksLegacy('Tr\u00adêng tiÓu häc Kim §ång, kÕ ho¹ch c¶i tiÕn', [])).toBe(true);
    expect(looksLegacy('Trường Tiểu học Kim Đồng', ['.VnTime'])).toBe(true);
    expect(looksLegacy('Trường Tiểu học Kim Đồng, kế hoạch cải tiến', ['Times New Roman'])).toBe(false);
    expect(looksLegacy('Giá 1.500.000đ «xem» ©2024', [])).toBe(false);
    const m = doc({
      after: ['KÕ ho¹ch c¶i tiÕn chÊt l\u00adîng gi¸o dôc n¨m häc'],
      tables: [{ form: 'report-2018', rows: [sec('m123'), std(1), crit('1.1', DONE)] }],
    });
    expect(findings(m, 'legacy-encoding')).toHaveLength(1);
    expect(rules(clean())).not.toContain('legacy-encoding');
  });

  test('unknown-school-type when nothing tells it, and the override resolves it', () => {
    const m = doc({
      paragraphs: ['BÁO CÁO', 'năm học 2025-2026'],
      tables: [{ form: 'report-2018', rows: [sec('m123'), std(1), crit('1.1', DONE)] }],
    });
    expect(rules(m)).toContain('unknown-school-type');
    expect(rules(m, { overrides: { schoolType: 'tieu-hoc' } })).not.toContain('unknown-school-type');
  });

  test('missing-label: a 2018 row with content but no criterion', () => {
    const m = doc({
      tables: [
        {
          form: 'report-2018',
          rows: [sec('m123'), std(1), crit('1.1', DONE)],
          mutate: (tbl) => {
            const rows = tbl.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tr');
            const copy = JSON.parse(JSON.stringify(rows[rows.length - 1])) as XElement;
            // Blank the label cell; give the row a TT number so it is not a continuation.
            const tcs = copy.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:tc');
            tcs[1].children = tcs[1].children.filter((c) => !(c.t === 'e' && c.name === 'w:p'));
            tcs[1].children.push(el('w:p'));
            tcs[0].children.push(el('w:p', {}, [el('w:r', {}, [el('w:t', {}, [text('7')])])]));
            tbl.children.push(copy);
          },
        },
      ],
    });
    expect(rules(m)).toContain('missing-label');
    expect(rules(clean())).not.toContain('missing-label');
  });

  describe('TT57', () => {
    const p26 = { criterion: 'Nội dung', goal: 'G', activities: 'A', indicator: 'I', time: 'T', owner: 'O' };
    const tt57 = (date: string, statusFilled: boolean, monitoring: Record<string, string>[]) =>
      doc({
        paragraphs: ['TRƯỜNG THCS KIM ĐỒNG', `Hà Nội, ${date}`, 'KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2026-2027'],
        tables: [
          {
            form: 'plan-2026',
            year: '2026-2027',
            schoolType: 'thcs-thpt',
            rows: [std(1, '2026', 'thcs-thpt'), crit('1.3', statusFilled ? { ...p26, status: 'Hoàn thành' } : p26, 2)],
          },
          {
            form: 'monitoring-2026',
            year: '2026-2027',
            rows: [
              { kind: 'fixed', label: 'Cuối học kỳ I', cells: monitoring[0] },
              { kind: 'fixed', label: 'Cuối năm học', cells: monitoring[1] },
            ],
          },
        ],
      });
    const full = { content: 'c', result: 'r', reviewer: 'Hội đồng' };

    test('missing-status only at the end of the year', () => {
      expect(rules(tt57('ngày 20 tháng 5 năm 2027', false, [full, full]))).toContain('missing-status');
      expect(rules(tt57('ngày 20 tháng 5 năm 2027', true, [full, full]))).not.toContain('missing-status');
      expect(rules(tt57('ngày 10 tháng 9 năm 2026', false, [{}, {}]))).not.toContain('missing-status');
    });

    test('empty-monitoring once a review is due', () => {
      const f = findings(tt57('ngày 20 tháng 1 năm 2027', false, [{}, {}]), 'empty-monitoring');
      expect(f.map((x) => x.message)).toEqual([expect.stringContaining('Cuối học kỳ I')]);
      expect(rules(tt57('ngày 10 tháng 9 năm 2026', false, [{}, {}]))).not.toContain('empty-monitoring');
      expect(rules(tt57('ngày 20 tháng 5 năm 2027', true, [full, full]))).not.toContain('empty-monitoring');
    });
  });
});

describe('ignoring findings', () => {
  test('an ignored finding moves to the ignored list and stays ignored after edits elsewhere', async () => {
    const model = await openSeed('000').read();
    const first = checkDocument(model);
    const id = first.findings[0].id;
    const again = checkDocument(model, { ignored: [id] });
    expect(again.findings.map((f) => f.id)).not.toContain(id);
    expect(again.ignored.map((f) => f.id)).toEqual([id]);
    expect(again.counts.error).toBe(first.counts.error - 1);
  });
});

describe('overrides kept in the document', () => {
  test('are read back field by field; invalid values are ignored', async () => {
    const { storedOverrides, STORE_KEYS } = await import('../../src/domain/store');
    const META_OVERRIDES_KEY = STORE_KEYS.metaOverrides;
    expect(
      storedOverrides({
        version: 1,
        [META_OVERRIDES_KEY]: { schoolType: 'mam-non', schoolYear: '2024-2025', framework: '2018' },
      }),
    ).toEqual({
      schoolType: 'mam-non',
      schoolYear: '2024-2025',
      framework: '2018',
    });
    expect(
      storedOverrides({ version: 1, [META_OVERRIDES_KEY]: { schoolType: 'dai-hoc', schoolYear: '2024-2026', framework: 2018 } }),
    ).toEqual({});
    expect(storedOverrides({ version: 1, [META_OVERRIDES_KEY]: ['x'] })).toEqual({});
    expect(storedOverrides(undefined)).toEqual({});
  });
});

describe('document frame (NĐ 30) and files that are not plans or reports', () => {
  const table = { form: 'report-2018' as const, rows: [sec('m123'), std(1), crit('1.1', DONE)] };
  const title = ['BÁO CÁO', 'Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026'];
  const meta = (paragraphs: string[], after?: string[]) => checkDocument(doc({ paragraphs, after, tables: [table] })).meta;
  const frameIds = (paragraphs: string[], after?: string[]) =>
    checkDocument(doc({ paragraphs, after, tables: [table] }))
      .findings.filter((f) => f.rule === 'document-frame')
      .map((f) => `${f.id}:${f.severity}`);

  test('letterhead lines split by line breaks in one paragraph: the name stops before «Số:»', () => {
    const m = meta([
      'PHÒNG GD&ĐT HUYỆN ĐÔNG ANH\nTRƯỜNG TH KIM CHUNG\nSố: 45/BC-THKC',
      'Kim Chung, ngày 25 tháng 5 năm 2026',
      ...title,
    ]);
    expect(m).toMatchObject({
      schoolName: 'TRƯỜNG TH KIM CHUNG',
      number: 'Số: 45/BC-THKC',
      date: { day: 25, month: 5, year: 2026 },
    });
    expect(meta(['TRƯỜNG TH NGUYỄN BÁ NGỌC        Số: 29/BC-NBN', ...title]).schoolName).toBe('TRƯỜNG TH NGUYỄN BÁ NGỌC');
  });

  test('a name over two lines; a sentence of the body is cut where the name ends', () => {
    expect(
      meta(['UBND HUYỆN VĨNH THẠNH', 'TRƯỜNG TRUNG HỌC CƠ SỞ', 'VĨNH THẠNH TRUNG', 'Số: 1/BC-THCS', ...title]).schoolName,
    ).toBe('TRƯỜNG TRUNG HỌC CƠ SỞ VĨNH THẠNH TRUNG');
    expect(meta([...title, 'Trường THCS Vĩnh Thạnh Trung được thành lập năm 2008.']).schoolName).toBe(
      'Trường THCS Vĩnh Thạnh Trung',
    );
    expect(meta([...title, 'Áp dụng đối với trường tiểu học trên địa bàn.']).schoolName).toBeUndefined();
  });

  test('no title, no school, no date are warnings; the smaller parts one suggestion; a complete frame none', () => {
    expect(frameIds(['Hà Nội, ngày 20 tháng 5 năm 2026'], [])).toEqual([
      'document-frame|title:warning',
      'document-frame|school:warning',
      'document-frame|parts:info',
    ]);
    expect(frameIds(title, [])).toEqual([
      'document-frame|school:warning',
      'document-frame|date:warning',
      'document-frame|parts:info',
    ]);
    expect(frameIds(['TRƯỜNG TIỂU HỌC KIM ĐỒNG', 'Số: 12/BC-KĐ', 'Hà Nội, ngày 20 tháng 5 năm 2026', ...title])).toEqual([]);
    // An attachment («Kèm theo Kế hoạch số …») has its number, signature and «Nơi nhận» in the plan.
    expect(
      frameIds(['TRƯỜNG TIỂU HỌC KIM ĐỒNG', ...title, '(Kèm theo Kế hoạch số 5/KH-KĐ)', 'Hà Nội, ngày 20 tháng 5 năm 2026'], []),
    ).toEqual([]);
  });

  test('a letterhead written after the table is read, and said to be out of place', () => {
    const r = checkDocument(
      doc({
        paragraphs: title,
        after: ['TRƯỜNG TIỂU HỌC KIM ĐỒNG', 'Số: 12/BC-KĐ', 'Hà Nội, ngày 20 tháng 5 năm 2026', 'Nơi nhận:', 'HIỆU TRƯỞNG'],
        tables: [table],
      }),
    );
    expect(r.meta.schoolName).toBe('TRƯỜNG TIỂU HỌC KIM ĐỒNG');
    expect(r.findings.filter((f) => f.rule === 'document-frame').map((f) => f.id)).toEqual(['document-frame|order']);
  });

  test('not-khct-document: one finding and nothing else; an empty document still asks for the table', () => {
    const self = checkDocument(
      doc({
        paragraphs: [
          'TRƯỜNG TIỂU HỌC KIM ĐỒNG',
          'BÁO CÁO TỰ ĐÁNH GIÁ',
          'Năm học 2025-2026',
          'Tiêu chuẩn 1: Tổ chức và quản lý nhà trường',
        ],
        after: [],
        tables: [],
      }),
    );
    expect(self.meta.documentKind).toBe('unknown');
    expect(self.findings.map((f) => [f.rule, f.severity])).toEqual([['not-khct-document', 'warning']]);
    expect(self.findings[0].message).toContain('«BÁO CÁO TỰ ĐÁNH GIÁ Năm học 2025-2026»');
    const empty = checkDocument(doc({ paragraphs: [], after: [], tables: [] }));
    expect(empty.findings.map((f) => f.rule)).toEqual(['no-table']);
    const prose = checkDocument(
      doc({ paragraphs: ['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2025-2026'], after: [], tables: [] }),
    );
    expect(prose.meta.documentKind).toBe('plan');
    expect(prose.findings.map((f) => f.rule)).toContain('no-table');
  });
});

describe('damaged text', () => {
  test('signs Vietnamese spelling never has, and none in correct text', async () => {
    const { damagedWords } = await import('../../src/domain/check/rules/damaged');
    expect(damagedWords('PHỊNG GIÁO DỤC VÀ ÐÀO TẠO; trong q trình; bình qn; khơng có')).toEqual([
      'PHỊNG',
      'ÐÀO',
      'q',
      'qn',
      'khơng',
    ]);
    expect(
      damagedWords('Phòng Giáo dục và Đào tạo; quá trình; bình quân; không; chương trình; Hương; Quyết định 15/QĐ-MN; Training'),
    ).toEqual([]);
  });
});
