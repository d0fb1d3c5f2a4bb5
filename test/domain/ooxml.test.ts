import { getCatalog } from '../../src/domain/catalog';
import { FORM_IDS, getForm, LANDSCAPE_TEXT_WIDTH, type FormId } from '../../src/domain/forms';
import { readDocument, columnCount } from '../../src/domain/ooxml/reader';
import { documentElement, flatOpcPackage, paragraphs } from '../../src/domain/ooxml/writer';
import { buildTable, headingText, buildTableBlock } from '../../src/domain/table/render';
import { serialize, findFirst, el } from '../../src/domain/ooxml/xml';
import { initialRows, type TableSpec } from '../../src/domain/table/model';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

function spec(form: FormId, start: 'skeleton' | 'all' = 'all'): TableSpec {
  const f = getForm(form);
  const catalog = getCatalog(f.framework, 'tieu-hoc');
  const schoolYear = f.framework === '2018' ? '2025-2026' : '2026-2027';
  return {
    form,
    framework: f.framework,
    schoolType: 'tieu-hoc',
    schoolYear,
    groupByLevel: false,
    rows: initialRows(f, catalog, { start }),
  };
}

describe('OOXML writer', () => {
  test.each(FORM_IDS)('%s: well-formed, headings with the year, widths fit A4 landscape', (id) => {
    const s = spec(id);
    const xml = serialize(documentElement([buildTable(s)]));
    const model = readDocument(parseXml(xml));
    expect(model.tables).toHaveLength(1);
    const t = model.tables[0];
    const form = getForm(id);
    expect(columnCount(t)).toBe(form.columns.length);
    expect(t.grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(LANDSCAPE_TEXT_WIDTH);
    const headerText = t.rows.filter((r) => r.header).flatMap((r) => r.cells.map((c) => c.text));
    for (const c of form.columns) expect(headerText).toContain(headingText(form, c, s.schoolYear));
    for (const g of form.groups) expect(headerText).toContain(g.heading.replace('{year}', s.schoolYear));
    // Heading rows repeat on every page; runs are Times New Roman 13 pt as direct formatting.
    expect(t.rows[0].header).toBe(true);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:sz w:val="26"/>');
    expect(xml).not.toContain('w:pStyle');
  });

  test('report-2018 has the two-row header with its merged cells', () => {
    const t = readDocument(parseXml(serialize(documentElement([buildTable(spec('report-2018'))])))).tables[0];
    const [r1, r2] = t.rows;
    expect(r1.cells.map((c) => [c.text, c.span, c.vMerge ?? ''])).toEqual([
      ['TT', 1, 'restart'],
      ['Tiêu chuẩn, tiêu chí', 1, 'restart'],
      ['ND Kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026', 2, ''],
      ['Kết quả thực hiện', 3, ''],
      ['Ghi chú', 1, 'restart'],
    ]);
    expect(r2.cells.map((c) => c.vMerge ?? '')).toEqual(['continue', 'continue', '', '', '', '', '', 'continue']);
    expect(r2.header).toBe(true);
  });

  test('plan-2026 has the column numbers (1)…(10) inside its heading cells, as Biểu 2 does', () => {
    const t = readDocument(parseXml(serialize(documentElement([buildTable(spec('plan-2026'))])))).tables[0];
    expect(t.rows[0].cells.map((c) => c.text)).toEqual([
      'TT (1)',
      'Nội dung cải tiến (2)',
      'Mục tiêu cải tiến (3)',
      'Hoạt động/giải pháp (4)',
      'Chỉ số đánh giá kết quả (5)',
      'Thời gian thực hiện (6)',
      'Đơn vị/cá nhân phụ trách (7)',
      'Nguồn lực bảo đảm (8)',
      'Thông tin, dữ liệu hoặc minh chứng dự kiến (9)',
      'Mức độ thực hiện (10)',
    ]);
    expect(t.rows[0].header).toBe(true);
    expect(t.rows[1].header).toBe(false);
  });

  test('level and standard rows are merged across; criterion rows carry the official title', () => {
    const t = readDocument(parseXml(serialize(documentElement([buildTable(spec('plan-2018'))])))).tables[0];
    const body = t.rows.filter((r) => !r.header);
    expect(body[0].cells).toHaveLength(1);
    expect(body[0].cells[0]).toMatchObject({ text: 'MỨC 1, 2, 3', span: 9 });
    expect(body[1].cells.map((c) => [c.text, c.span])).toEqual([
      ['1', 1],
      ['Tiêu chuẩn 1: Tổ chức và quản lý nhà trường', 8],
    ]);
    expect(body[2].cells[1].text).toBe('Tiêu chí 1.1: Phương hướng, chiến lược xây dựng và phát triển nhà trường');
    const m4 = body.findIndex((r) => r.cells[0].text === 'MỨC 4');
    expect(m4).toBeGreaterThan(0);
    expect(body.slice(m4 + 1).map((r) => r.cells[1].text)).toEqual(['1', '2', '3', '4', '5'].map((n) => `Tiêu chí ${n} (Mức 4)`));
  });

  test('monitoring-2026 has its two fixed rows', () => {
    const t = readDocument(parseXml(serialize(documentElement([buildTable(spec('monitoring-2026'))])))).tables[0];
    expect(t.rows.filter((r) => !r.header).map((r) => r.cells[0].text)).toEqual(['Cuối học kỳ I', 'Cuối năm học']);
  });

  test('user text is escaped and kept exactly, line breaks become paragraphs, characters XML cannot hold show as «�»', () => {
    const hostile = 'a < b && c > d "q" \'s\' ]]> <w:p/> \u{1F600} Tiếng Việt\ttab\nline 2\u0001';
    const xml = serialize(documentElement(paragraphs(hostile)));
    const m = readDocument(parseXml(xml));
    expect(m.paragraphs.map((p) => p.text)).toEqual([
      'a < b && c > d "q" \'s\' ]]> <w:p/> \u{1F600} Tiếng Việt\ttab',
      'line 2\ufffd',
    ]);
  });

  test('the inserted block is one content control tagged ctcl:<form>:<uuid>, and the package is Flat OPC', () => {
    const { tag, sdt } = buildTableBlock(spec('report-2018'));
    expect(tag).toMatch(/^ctcl:report-2018:[0-9a-f-]{36}$/);
    const pkg = flatOpcPackage([sdt]);
    const root = parseXml(pkg);
    expect(root.name).toBe('pkg:package');
    const m = readDocument(root);
    expect(m.tables[0].tag).toBe(tag);
    expect(m.tables[0].controlTitle).toBe('Bảng báo cáo kết quả thực hiện kế hoạch cải tiến');
    expect(findFirst(root, 'w:alias')?.attrs['w:val']).toBe('Bảng báo cáo kết quả thực hiện kế hoạch cải tiến');
    expect(el('x').name).toBe('x');
  });
});

describe('OOXML reader on the seed documents', () => {
  test.each([
    ['000', 16, 8],
    ['001', 23, 8],
    ['002', 11, 8],
    ['003', 23, 9],
    ['004', 7, 8],
  ])('seed %s: one table of %i rows and %i grid columns', async (n, rows, cols) => {
    const m = await openSeed(n).read();
    expect(m.tables).toHaveLength(1);
    expect(m.tables[0].rows).toHaveLength(rows);
    expect(columnCount(m.tables[0])).toBe(cols);
  });

  test('seed 003: merged criterion cell over the two plan rows of 1.6', async () => {
    const t = (await openSeed('003').read()).tables[0];
    const rows = t.rows.filter((r) => r.cells.some((c) => c.text.startsWith('Tiêu chí 1.6')));
    expect(rows).toHaveLength(1);
    const next = t.rows[rows[0].index + 1];
    expect(next.cells[1].vMerge).toBe('continue');
  });

  test('seed 001: paragraphs before the table include the letterhead; decomposed text is read as written', async () => {
    const m = await openSeed('001').read();
    const texts = m.paragraphs.map((p) => p.text.trim());
    expect(texts).toContain('Số: 29/BC-NBN');
    const all = m.tables[0].rows.flatMap((r) => r.cells.map((c) => c.text)).join('\n');
    expect(all).toMatch(/\u0309|\u0323/);
  });
});
