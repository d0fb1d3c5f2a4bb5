/**
 * The "Kiểm tra" tab's pure parts: grouping and filtering findings, locations and selections,
 * coverage in words, the ignored list in the store, overrides, the reviewer's rows; and the reading of
 * other files (plans, "Kiểm tra tệp khác") with every kind of broken file.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { checkDocument, type Finding, type RuleId, type Severity } from '../../src/domain/check';
import { readDocument } from '../../src/domain/ooxml/reader';
import { parseXml } from '../../src/xml/node';
import { DocxDocument } from '../../src/docx/document';
import { checkFile, failureMessage, readPlanFile, type InputFile } from '../../src/taskpane/check/files';
import { checkModel, fixContext, applyFix, runCheck } from '../../src/taskpane/check/run';
import {
  cleanOverrides,
  coverageView,
  criteriaSummary,
  DOCUMENT_PLAN,
  groupFindings,
  hiddenCount,
  locationText,
  parseYearOverride,
  reviewRow,
  reviewSummary,
  selectionFor,
  severityCounts,
  severityToggleLabel,
  SHOW_ALL,
  toggleSeverity,
  unreadableRow,
} from '../../src/taskpane/check/view';
import { ignoredOf, STORE_KEYS, withIgnored, withoutIgnored } from '../../src/domain/store';
import { openSeed, seedPath } from '../helpers';

const IGNORED_KEY = STORE_KEYS.ignoredFindings;

const f = (rule: RuleId, severity: Severity, id = `${rule}|${severity}`, location = {}): Finding => ({
  id,
  rule,
  severity,
  message: id,
  location,
});

describe('grouping and filtering', () => {
  const list = [
    f('empty-result', 'error', 'a'),
    f('standard-title-mismatch', 'error', 'b'),
    f('empty-result', 'error', 'c'),
    f('standard-title-mismatch', 'warning', 'd'),
    f('year-mismatch', 'warning', 'e'),
    f('extra-column', 'info', 'f'),
    f('year-mismatch', 'info', 'g'),
  ];

  test('groups by rule, most serious first, in the order found; labels and counts', () => {
    const g = groupFindings(list);
    expect(g.map((x) => [x.rule, x.severity, x.findings.map((y) => y.id)])).toEqual([
      ['empty-result', 'error', ['a', 'c']],
      ['standard-title-mismatch', 'error', ['b', 'd']],
      ['year-mismatch', 'warning', ['e', 'g']],
      ['extra-column', 'info', ['f']],
    ]);
    expect(g[0].label).toBe('Tiêu chí chưa báo cáo kết quả');
    expect(g[1].counts).toEqual({ error: 1, warning: 1, info: 0 });
  });

  test('the filter hides severities; empty groups go; a group keeps its worst severity', () => {
    const noErrors = toggleSeverity(SHOW_ALL, 'error');
    expect(noErrors).toEqual({ error: false, warning: true, info: true });
    const g = groupFindings(list, noErrors);
    expect(g.map((x) => [x.rule, x.severity, x.findings.map((y) => y.id)])).toEqual([
      ['standard-title-mismatch', 'error', ['d']],
      ['year-mismatch', 'warning', ['e', 'g']],
      ['extra-column', 'info', ['f']],
    ]);
    expect(hiddenCount(list, noErrors)).toBe(3);
    expect(groupFindings(list, { error: false, warning: false, info: false })).toEqual([]);
    expect(toggleSeverity(noErrors, 'error')).toEqual(SHOW_ALL);
  });

  test('counts and toggle labels', () => {
    const c = severityCounts(list);
    expect(c).toEqual({ error: 3, warning: 2, info: 2 });
    expect(severityToggleLabel('warning', c)).toBe('Cảnh báo (2)');
    expect(severityToggleLabel('info', { error: 0, warning: 0, info: 0 })).toBe('Gợi ý (0)');
  });
});

describe('locations', () => {
  test('in words, 1-based', () => {
    expect(locationText({ table: 0, row: 13, column: 1, cell: 1 })).toBe('Bảng 1, dòng 14, cột 2');
    expect(locationText({ table: 2, row: 0 })).toBe('Bảng 3, dòng 1');
    expect(locationText({ table: 0 })).toBe('Bảng 1');
    expect(locationText({})).toBe('');
  });

  test('what to select: the cell, the column cell, the row, the first row; nothing outside the document', async () => {
    const model = await openSeed('004').read();
    expect(selectionFor({ table: 0, row: 1, column: 6, cell: 6 }, model)).toEqual({ table: 0, row: 1, cell: 6 });
    // Column only (extra-column, missing-column): the cell at that grid column.
    const row1 = model.tables[0].rows[1];
    expect(selectionFor({ table: 0, row: 1, column: 6 }, model)).toEqual({
      table: 0,
      row: 1,
      cell: row1.cells.find((c) => c.col === 6)!.index,
    });
    expect(selectionFor({ table: 0, row: 3 }, model)).toEqual({ table: 0, row: 3 });
    expect(selectionFor({ table: 0 }, model)).toEqual({ table: 0, row: 0 });
    expect(selectionFor({}, model)).toBeUndefined();
    expect(selectionFor({ table: 9, row: 0 }, model)).toBeUndefined();
    expect(selectionFor({ table: 0, row: 999 }, model)).toBeUndefined();
    // A cell index the row does not have: the row.
    expect(selectionFor({ table: 0, row: 1, cell: 99 }, model)).toEqual({ table: 0, row: 1 });
    // Without a model: as given.
    expect(selectionFor({ table: 1, row: 2, cell: 3 })).toEqual({ table: 1, row: 2, cell: 3 });
  });

  test('every finding of every seed selects a cell or row that exists', async () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const model = await openSeed(n).read();
      for (const x of checkDocument(model).findings) {
        const s = selectionFor(x.location, model);
        if (x.location.table === undefined) expect(s).toBeUndefined();
        else {
          expect(s).toBeDefined();
          const row = model.tables[s!.table].rows[s!.row];
          expect(row).toBeDefined();
          if (s!.cell !== undefined) expect(row.cells.some((c) => c.index === s!.cell)).toBe(true);
        }
      }
    }
  });
});

describe('coverage', () => {
  test('against the plan of the document, a plan file, or only the report', () => {
    const c = { total: 15, reported: 12, missing: ['1.6', '2.2', 'M4.2'], basis: 'plan' as const };
    expect(coverageView(c, DOCUMENT_PLAN)).toEqual({
      label: 'Đã báo cáo 12/15 tiêu chí',
      value: 0.8,
      basis: 'So với bảng kế hoạch trong tài liệu này.',
      missing: 'Chưa báo cáo: 1.6, 2.2, 2 (Mức 4).',
      complete: false,
    });
    expect(coverageView(c, 'KH 2025.docx')!.basis).toBe('So với kế hoạch «KH 2025.docx».');
    const own = coverageView({ total: 7, reported: 7, missing: [], basis: 'report' })!;
    expect(own.basis).toMatch(/^Chỉ tính các tiêu chí có trong báo cáo/);
    expect(own).toMatchObject({ value: 1, complete: true, missing: undefined });
    expect(coverageView(undefined)).toBeUndefined();
    expect(coverageView({ total: 0, reported: 0, missing: [], basis: 'report' })).toMatchObject({ value: 0, complete: false });
  });

  test('plans: the criteria of the table, by section', async () => {
    expect(criteriaSummary({ 'MỨC 1, 2, 3': ['1.1', '1.3'], 'MỨC 4': ['2'] })).toBe(
      'Bảng có 3 tiêu chí (MỨC 1, 2, 3: 2; MỨC 4: 1).',
    );
    expect(criteriaSummary({ 'MỨC 1, 2, 3': ['1.1'], 'MỨC 4': [] })).toBe('Bảng có 1 tiêu chí.');
    expect(criteriaSummary({})).toBeUndefined();
    expect(criteriaSummary(checkDocument(await openSeed('003').read()).criteria)).toMatch(/^Bảng có \d+ tiêu chí \(/);
  });

  test('a long missing list is cut', () => {
    const missing = Array.from({ length: 15 }, (_, i) => `1.${i + 1}`);
    expect(coverageView({ total: 15, reported: 0, missing, basis: 'plan' })!.missing).toMatch(/1\.12 và 3 tiêu chí khác\.$/);
  });
});

describe('the ignored list in the store', () => {
  test('add, no duplicates, remove, other keys kept, junk ignored', () => {
    const store = { version: 1 as const, drafts: { a: 1 } };
    expect(ignoredOf(store)).toEqual([]);
    const one = withIgnored(store, 'x');
    expect(one).toEqual({ version: 1, drafts: { a: 1 }, [IGNORED_KEY]: ['x'] });
    expect(withIgnored(one, 'x')).toBe(one);
    const two = withIgnored(one, 'y');
    expect(ignoredOf(two)).toEqual(['x', 'y']);
    expect(ignoredOf(withoutIgnored(two, 'x'))).toEqual(['y']);
    expect(withoutIgnored(two, 'x').drafts).toEqual({ a: 1 });
    expect(ignoredOf({ version: 1, [IGNORED_KEY]: 'x' })).toEqual([]);
    expect(ignoredOf({ version: 1, [IGNORED_KEY]: ['a', 3, null] })).toEqual(['a']);
    expect(ignoredOf(undefined)).toEqual([]);
  });
});

describe('overrides', () => {
  test('the school year typed by hand', () => {
    expect(parseYearOverride('')).toEqual({});
    expect(parseYearOverride(' 2023 – 2024 ')).toEqual({ value: '2023-2024' });
    expect(parseYearOverride('2023-2025').error).toBe('Năm học chưa đúng. Viết theo dạng 2025-2026 (hai năm liền nhau).');
    expect(parseYearOverride('2023-').error).toBeDefined();
  });

  test('values left on "as found" are dropped', () => {
    expect(cleanOverrides({ schoolType: undefined, framework: '2018', schoolYear: '' })).toEqual({ framework: '2018' });
  });
});

describe('reviewer rows', () => {
  test('a checked file and an unreadable one; the summary line', async () => {
    const r = checkDocument(await openSeed('000').read());
    const row = reviewRow('000.docx', r);
    expect(row).toMatchObject({
      name: '000.docx',
      ok: true,
      school: 'trường Tiểu học Yên Thế',
      schoolType: 'Tiểu học',
      year: '2021-2022',
      kind: 'Báo cáo',
      counts: { error: 1, warning: 0, info: 1 },
      ignored: 0,
    });
    if (row.ok) expect(row.groups.map((g) => g.rule)).toEqual(['standard-title-mismatch']);
    const bad = unreadableRow('hỏng.docx', 'Tệp rỗng');
    expect(bad).toEqual({ name: 'hỏng.docx', ok: false, reason: 'Tệp rỗng' });
    expect(reviewSummary([row, bad])).toBe('2 tệp: 1 đã kiểm tra (1 lỗi, 0 cảnh báo, 1 gợi ý), 1 không đọc được.');
    expect(reviewSummary([row])).toBe('1 tệp: 1 đã kiểm tra (1 lỗi, 0 cảnh báo, 1 gợi ý).');
  });
});

/** A File-like input for files.ts. */
function input(name: string, bytes: Uint8Array, size = bytes.length): InputFile {
  return { name, size, arrayBuffer: async () => bytes.slice().buffer };
}

const seedBytes = (n: string) => new Uint8Array(readFileSync(seedPath(n)));

describe('other files', () => {
  const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  const RELS =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const docx = (documentXml: string) =>
    zipSync({ '[Content_Types].xml': strToU8(CT), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(documentXml) });
  const cfb = (utf16?: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    if (utf16) [...utf16].forEach((ch, i) => (b[600 + 2 * i] = ch.charCodeAt(0)));
    return b;
  };
  // A part that inflates far beyond its compressed size.
  const bomb = zipSync(
    { '[Content_Types].xml': strToU8(CT), 'word/document.xml': new Uint8Array(3 * 1024 * 1024) },
    { level: 9 },
  );

  const broken: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /^Tệp rỗng/],
    ['not a zip', strToU8('xin chào, đây không phải tệp Word'), /^Tệp không phải \.docx/],
    ['old .doc', cfb(), /^Đây là tệp Word cũ \(\.doc\)/],
    ['password-protected', cfb('EncryptedPackage'), /^Tệp được đặt mật khẩu/],
    ['no main part', zipSync({ '[Content_Types].xml': strToU8(CT) }), /thiếu phần nội dung chính/],
    ['zip bomb', bomb, /bom nén/],
    [
      'DTD and entities',
      docx(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document ${W}><w:body/></w:document>`),
      /DTD|thực thể/i,
    ],
    ['bad XML', docx(`<w:document ${W}><w:body>`), /^(Tệp bị hỏng|Phần word\/document\.xml của tệp bị hỏng)/],
    ['no body', docx(`<w:document ${W}></w:document>`), /w:body/],
  ];

  test.each(broken)('%s: a Vietnamese reason, no throw', async (_name, bytes, reason) => {
    const r = await checkFile(input('x.docx', bytes), parseXml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  test('too large: refused from its size, before reading', async () => {
    const file: InputFile = {
      name: 'lớn.docx',
      size: 500 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('should not be read')),
    };
    const r = await checkFile(file, parseXml);
    expect(r).toEqual({ name: 'lớn.docx', ok: false, reason: 'Tệp quá lớn (500 MB; tối đa 100 MB).' });
  });

  test('a real file is checked with its own ignored findings', async () => {
    const doc = DocxDocument.open(seedBytes('000'), parseXml, '000.docx');
    const id = checkDocument(await doc.read()).findings[1].id;
    await doc.saveStore({ version: 1, [IGNORED_KEY]: [id] });
    const r = await checkFile(input('000.docx', doc.toBytes()), parseXml);
    expect(r.ok && r.result.ignored.map((x) => x.id)).toEqual([id]);
    expect(r.ok && r.result.counts).toEqual({ error: 1, warning: 0, info: 0 });
  });

  test('a plan from a file; a file without a plan table is refused in Vietnamese', async () => {
    const plan = await readPlanFile(input('003.docx', seedBytes('003')), parseXml, '2018');
    expect(plan).toMatchObject({ origin: 'file', name: '003.docx' });
    expect(plan.items.length).toBeGreaterThan(5);
    await expect(readPlanFile(input('004.docx', seedBytes('004')), parseXml)).rejects.toThrow(
      'Không tìm thấy bảng kế hoạch trong «004.docx»: tệp không có bảng kế hoạch cải tiến chất lượng (không nhận ra tiêu đề các cột), nên không dùng làm kế hoạch đối chiếu được.',
    );
    await expect(readPlanFile(input('x.docx', new Uint8Array(0)), parseXml)).rejects.toThrow(
      /^Không đọc được kế hoạch «x\.docx»: Tệp rỗng/,
    );
  });

  test('unexpected errors still read as Vietnamese', () => {
    expect(failureMessage(new TypeError('boom'))).toBe(
      'Lỗi không mong đợi khi đọc tệp (boom). Xin gửi tệp này cho nhóm phát triển.',
    );
  });
});

describe('check and fix through a backend (.docx)', () => {
  test('ignored ids come from the store; the plan chosen is used by the fix', async () => {
    const doc = openSeed('000');
    const first = await runCheck(doc);
    // The shortened Tiêu chuẩn 2 title is a Gợi ý (issue 13: it still names the right standard).
    expect(first.result.counts).toEqual({ error: 1, warning: 0, info: 1 });
    const warning = first.result.findings.find((x) => x.severity === 'info')!;
    await doc.saveStore(withIgnored(await doc.loadStore(), warning.id));
    const second = await runCheck(doc);
    expect(second.result.ignored.map((x) => x.id)).toEqual([warning.id]);
    // Overrides on the same model, no read.
    expect(checkModel(second.model, second.store, { overrides: { schoolType: 'mam-non' } }).result.meta.schoolType).toBe(
      'mam-non',
    );

    const error = second.result.findings[0];
    const plan = await applyFix(doc, error, fixContext(second.result));
    expect(plan.summary).toBe('Đã ghi tên đúng của Tiêu chuẩn 5.');
    const third = await runCheck(doc);
    expect(third.result.findings).toEqual([]);
    await expect(applyFix(doc, { ...error, fix: undefined }, fixContext(third.result))).rejects.toThrow('không có cách sửa');
  });

  test('fixContext: the catalog and year of the document, its own plan table unless a plan is given', async () => {
    const r = checkDocument(await openSeed('003').read());
    const ctx = fixContext(r);
    expect(ctx.catalog?.circular.number).toMatch(/17\/2018/);
    expect(ctx.schoolYear).toBe('2021-2022');
    expect(ctx.plan).toMatchObject({ origin: 'document', name: DOCUMENT_PLAN });
    const given = { origin: 'file' as const, name: 'kh.docx', items: [] };
    expect(fixContext(r, given).plan).toBe(given);
    const unknown = checkDocument(
      readDocument(
        parseXml('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
      ),
    );
    expect(fixContext(unknown)).toEqual({ catalog: undefined, schoolYear: undefined, plan: undefined });
  });
});

describe('the check uses what other panels stored about the document', () => {
  test('a school type chosen in the rows panel (metaOverrides) settles the check; the check panel’s own choice wins', async () => {
    const { checkModel } = await import('../../src/taskpane/check/run');
    const { withOverrides } = await import('../../src/domain/store');
    const { readDocument } = await import('../../src/domain/ooxml/reader');
    const { documentElement, paragraph } = await import('../../src/domain/ooxml/writer');
    const { buildTable } = await import('../../src/domain/table/render');
    const { serialize } = await import('../../src/domain/ooxml/xml');
    const { parseXml } = await import('../../src/xml/node');
    const table = buildTable({
      form: 'report-2018',
      framework: '2018',
      schoolType: 'tieu-hoc',
      schoolYear: '2025-2026',
      groupByLevel: false,
      rows: [
        { kind: 'section', section: 'm123' },
        { kind: 'criterion', ref: { code: '2.4' }, cells: { planned: 'x', done: 'y' } },
      ],
    });
    const model = readDocument(
      parseXml(serialize(documentElement([paragraph('BÁO CÁO'), paragraph('năm học 2025-2026'), table]))),
    );
    const bare = checkModel(model, { version: 1 });
    expect(bare.result.meta.schoolType).toBeUndefined();
    const stored = withOverrides({ version: 1 }, { schoolType: 'mam-non' });
    const withStored = checkModel(model, stored);
    expect(withStored.result.meta.schoolType).toBe('mam-non');
    // 2.4 does not exist for preschools: the stored choice changes the verdict.
    expect(withStored.result.findings.map((f) => f.rule)).toContain('unknown-criterion');
    expect(checkModel(model, stored, { overrides: { schoolType: 'tieu-hoc' } }).result.meta.schoolType).toBe('tieu-hoc');
  });
});
