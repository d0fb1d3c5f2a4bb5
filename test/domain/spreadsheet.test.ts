/**
 * The SpreadsheetML writer (src/domain/spreadsheet) and the reviewer's workbook built with it
 * (src/domain/review/workbook.ts): names, well-formed parts, escaping, styles, the ignored items and the
 * school names in one form. The CLI test reads a whole workbook back through LibreOffice.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { JsonFinding } from '../../src/domain/check/report';
import { schoolDisplayName, schoolKey } from '../../src/domain/check/pairing';
import { childElements, findFirst, firstChild, type XElement } from '../../src/domain/ooxml/xml';
import { cellRef, columnName, sheetName, workbookParts } from '../../src/domain/spreadsheet';
import { coverageOf, kindOf, matrixGroups, shortTitle, type ReviewRun } from '../../src/domain/review';
import { IGNORED_LABEL, reviewWorkbook, SHEETS } from '../../src/domain/review/workbook';
import { xlsxBytes } from '../../src/docx/xlsx';
import { parseXml } from '../../src/xml/node';
import { fileReportOf } from '../helpers';

describe('cell and sheet names', () => {
  test('column letters and cell references', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(cellRef(2, 1)).toBe('B3');
  });

  test('sheet names: forbidden characters replaced, at most 31 characters, never twice the same', () => {
    expect(sheetName('Tiêu chí [TT17]: 1/2 * ?')).toBe('Tiêu chí -TT17-- 1-2 - -');
    expect(sheetName("'x'")).toBe('x');
    const long = sheetName('Tiêu chí Giáo dục thường xuyên TT57 và còn dài nữa');
    expect(long.length).toBeLessThanOrEqual(31);
    const taken = new Set([long]);
    const again = sheetName('Tiêu chí Giáo dục thường xuyên TT57 và còn dài nữa', taken);
    expect(again).not.toBe(long);
    expect(again.length).toBeLessThanOrEqual(31);
    expect(again.endsWith(' (2)')).toBe(true);
  });
});

describe('workbookParts', () => {
  const hostile = 'a < b & c > d "e" \u0001\u0008 ]]> <script>';
  const parts = workbookParts({
    sheets: [
      {
        name: 'Một',
        widths: [10, 20],
        rows: [
          { cells: [{ v: 'Tiêu đề', s: { bold: true, size: 13 } }] },
          { cells: ['Tệp', 'Số'], style: { bold: true, fill: 'D9E1F2' } },
          { cells: [hostile, 3] },
          { cells: ['  cách đầu\nhai dòng', 0] },
        ],
        merges: [{ row: 0, col: 0, cols: 2 }],
        freeze: { rows: 2, cols: 1 },
        filterRow: 1,
        print: { title: 'A & B', repeatRows: [1, 1] },
      },
      { name: "O'Brien", widths: [], rows: [{ cells: ['x'] }] },
    ],
    created: new Date(Date.UTC(2026, 0, 2)),
  });
  const xml = (name: string): XElement => parseXml(parts.get(name)!);

  test('every part is well-formed XML and the package lists each one', () => {
    for (const [name, text] of parts) {
      expect(() => parseXml(text)).not.toThrow();
      expect(name).not.toMatch(/^\//);
    }
    const types = xml('[Content_Types].xml');
    const overrides = childElements(types, 'Override').map((o) => o.attrs.PartName.slice(1));
    for (const name of parts.keys()) {
      if (!name.endsWith('.rels') && name !== '[Content_Types].xml') expect(overrides).toContain(name);
    }
  });

  test('text is escaped and characters XML cannot hold are shown as «�»; numbers stay numbers', () => {
    const strings = childElements(xml('xl/sharedStrings.xml'), 'si').map(
      (si) => (firstChild(si, 't')!.children[0] as { v: string }).v,
    );
    expect(strings).toContain('a < b & c > d "e" \ufffd\ufffd ]]> <script>');
    expect(strings).toContain('  cách đầu\nhai dòng');
    const sheet = xml('xl/worksheets/sheet1.xml');
    const b3 = childElements(findFirst(sheet, 'sheetData')!, 'row')[2].children[1] as XElement;
    expect(b3.attrs).toEqual({ r: 'B3' });
    expect(firstChild(b3, 'v')!.children).toEqual([{ t: 'x', v: '3' }]);
  });

  test('frozen panes, filter, merged title, A4 landscape fitted to the width, heading repeated, header and footer', () => {
    const sheet = xml('xl/worksheets/sheet1.xml');
    expect(findFirst(sheet, 'pane')!.attrs).toMatchObject({ xSplit: '1', ySplit: '2', topLeftCell: 'B3', state: 'frozen' });
    expect(findFirst(sheet, 'autoFilter')!.attrs.ref).toBe('A2:B2');
    expect(findFirst(sheet, 'mergeCell')!.attrs.ref).toBe('A1:B1');
    expect(findFirst(sheet, 'pageSetup')!.attrs).toEqual({
      paperSize: '9',
      orientation: 'landscape',
      fitToWidth: '1',
      fitToHeight: '0',
    });
    // '&' starts a code in page headers: the title's is doubled.
    expect((findFirst(sheet, 'oddHeader')!.children[0] as { v: string }).v).toBe('&C&"-,Bold"A && B');
    const names = childElements(findFirst(xml('xl/workbook.xml'), 'definedNames')!, 'definedName');
    expect(names.map((n) => [n.attrs.name, (n.children[0] as { v: string }).v])).toEqual([
      ['_xlnm._FilterDatabase', "'Một'!$A$2:$B$4"],
      ['_xlnm.Print_Titles', "'Một'!$2:$2"],
    ]);
    // An apostrophe in a sheet name is kept (and doubled where formulas quote it).
    expect(childElements(findFirst(xml('xl/workbook.xml'), 'sheets')!, 'sheet')[1].attrs.name).toBe("O'Brien");
  });

  test('styles: one xf per distinct style, fills after the two reserved ones', () => {
    const styles = xml('xl/styles.xml');
    const xfs = childElements(firstChild(styles, 'cellXfs')!, 'xf');
    expect(xfs).toHaveLength(3);
    const fills = childElements(firstChild(styles, 'fills')!, 'fill');
    expect(fills).toHaveLength(3);
    expect(findFirst(fills[2], 'fgColor')!.attrs.rgb).toBe('FFD9E1F2');
  });

  test('refuses sheet names Excel would refuse, and a workbook without sheets', () => {
    expect(() => workbookParts({ sheets: [{ name: 'a/b', widths: [], rows: [] }] })).toThrow(/sheet name/);
    expect(() =>
      workbookParts({
        sheets: [
          { name: 'A', widths: [], rows: [] },
          { name: 'a', widths: [], rows: [] },
        ],
      }),
    ).toThrow(/repeated/);
    expect(() => workbookParts({ sheets: [] })).toThrow(/at least one/);
  });
});

describe('the reviewer workbook', () => {
  const finding = (id: string, ignored: boolean): JsonFinding =>
    ({
      id,
      rule: 'empty-result',
      severity: 'error',
      message: `Tiêu chí ${id} chưa có kết quả.`,
      criterion: id,
      location: { table: 0, row: 3, column: null },
      ...(ignored ? { ignored: true } : {}),
    }) as JsonFinding;
  const report = fileReportOf;
  const run: ReviewRun = {
    outcomes: [
      {
        report: report({
          findings: [finding('1.1', false), finding('1.2', true)],
          counts: { error: 1, warning: 0, info: 0 },
          coverage: { total: 15, reported: 12, missing: ['1.1', '1.2', '1.3'], basis: 'plan' },
        }),
        statuses: { '1.1': 'no-result', '1.2': 'reported' },
      },
      { report: report({ path: 'b.docx', schoolType: 'mam-non', schoolName: 'trường Mầm non Hoa Sen' }), statuses: {} },
    ],
  };
  const wb = reviewWorkbook(run, { date: new Date(2026, 4, 17) });

  test('a Tiêu chí sheet per school type, criteria headed by code and short title', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual([
      SHEETS.summary,
      'Tiêu chí Mầm non TT19',
      'Tiêu chí Tiểu học TT17',
      SHEETS.details,
    ]);
    const groups = matrixGroups(run);
    expect(groups.map((g) => g.label)).toEqual(['Mầm non · TT19/2018', 'Tiểu học · TT17/2018']);
    const th = groups[1].columns.find((c) => c.key === '1.5')!;
    const mn = groups[0].columns.find((c) => c.key === '1.5')!;
    expect(th.title).not.toBe(mn.title);
    expect(th.title.length).toBeLessThanOrEqual(60);
    expect(shortTitle('một hai ba bốn năm sáu bảy', 12)).toBe('một hai ba…');
  });

  test('Tổng hợp: the school in one form, the coverage «12/15», the count of ignored items', () => {
    const rows = wb.sheets[0].rows;
    expect(rows[0].cells[0]).toMatchObject({ v: expect.stringContaining('— 2 tệp — ngày 17/05/2026') });
    const data = rows[2].cells;
    expect(data.slice(0, 5)).toEqual(['a.docx', 'Trường Tiểu học Nguyễn Bá Ngọc', 'Tiểu học', '2025-2026', 'Báo cáo']);
    expect(data[9]).toBe(1);
    expect(data[10]).toBe('12/15');
    expect(rows[3].cells[1]).toBe('Trường Mầm non Hoa Sen');
    expect(coverageOf(run.outcomes[1].report)).toBe('');
    expect(kindOf(report({ form: 'plan-2026', documentKind: 'plan' }))).toBe('Kế hoạch (Biểu 2)');
  });

  test('Chi tiết: an ignored item is listed, marked «trường đã bỏ qua» and greyed', () => {
    const details = wb.sheets[3];
    const [kept, ignored] = details.rows.slice(2);
    expect(kept.cells[11]).toBe('');
    expect(ignored.cells[11]).toBe(IGNORED_LABEL);
    expect(ignored.style).toMatchObject({ italic: true, color: '7F7F7F' });
  });

  test('the same workbook gives the same bytes, and the package opens as a zip of those parts', () => {
    const a = xlsxBytes(wb);
    expect(Buffer.from(xlsxBytes(wb)).equals(Buffer.from(a))).toBe(true);
    const files = unzipSync(a);
    expect(Object.keys(files)).toEqual([...workbookParts(wb).keys()]);
    expect(strFromU8(files['xl/workbook.xml'])).toContain('<sheet name="Tổng hợp" sheetId="1" r:id="rId1"/>');
  });
});

describe('school names in one form', () => {
  test.each([
    ['trường Tiểu học Yên Thế', 'Trường Tiểu học Yên Thế'],
    ['TRƯỜNG TH NGUYỄN BÁ NGỌC', 'Trường Tiểu học Nguyễn Bá Ngọc'],
    ['Trường THCS Số 1 Yên Thế', 'Trường Trung học cơ sở Số 1 Yên Thế'],
    ['TRƯỜNG MẦM NON HOA SEN.', 'Trường Mầm non Hoa Sen'],
    ['Trường TH&THCS Kim Đồng', 'Trường Tiểu học và Trung học cơ sở Kim Đồng'],
    ['trường ptdtbt th và thcs xã Na Hối', 'Trường Phổ thông dân tộc bán trú Tiểu học và Trung học cơ sở xã Na Hối'],
    ['Trung tâm GDNN-GDTX huyện Yên Thế', 'Trung tâm GDNN-GDTX huyện Yên Thế'],
    ['TRƯỜNG TIỂU HỌC II', 'Trường Tiểu học II'],
  ])('%s → %s, the same school for pairing', (name, shown) => {
    expect(schoolDisplayName(name)).toBe(shown);
    expect(schoolKey(shown)).toBe(schoolKey(name));
  });
});
