/**
 * The whole Biểu 2 as `ctcl new plan-2026` writes it, read back as OOXML: the NĐ 30 header, the title, the eight
 * sections with the form's texts, the mục IV, V and VI tables (recognised as their forms, headings repeated),
 * «Nơi nhận» and the signature (GIÁM ĐỐC for a GDTX centre); A4 landscape, Times New Roman everywhere.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import planForm from '../../src/domain/catalog/data/tt57-plan-form';
import { getForm } from '../../src/domain/forms';
import { findFirst, serialize } from '../../src/domain/ooxml/xml';
import { headingText } from '../../src/domain/table/render';
import { recogniseTables } from '../../src/domain/table/recognise';
import { plan2026Blocks, itemContentText, signerTitle } from '../../src/domain/tt57/document';
import { addItem, addProblem, emptyPlan } from '../../src/domain/tt57/plan';
import { documentElement } from '../../src/domain/ooxml/writer';
import { readDocument } from '../../src/domain/ooxml/reader';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import { cliFolder } from '../cli/run';

const cli = cliFolder('ctcl-tt57-doc-');

async function open(name: string) {
  const doc = DocxDocument.open(new Uint8Array(readFileSync(join(cli.dir(), name))), parseXml, name);
  return { doc, model: await doc.read() };
}

const PROFILE = {
  schoolName: 'Trung tâm GDNN-GDTX huyện Yên Thế',
  parentBody: 'UBND tỉnh Bắc Giang',
  place: 'Yên Thế',
  abbreviation: 'TTYT',
  principal: 'Nguyễn Văn An',
  recipients: ['Sở GDĐT (để báo cáo)', 'Lưu: VT'],
};

describe('ctcl new plan-2026 writes the whole Biểu 2', () => {
  test('tiểu học, 2026-2027: header, title, eight sections, three tables, note, signature; A4 landscape', async () => {
    const r = await cli.ctcl('new', 'plan-2026', '-t', 'tieu-hoc', '-y', '2026-2027', '-o', 'kh.docx');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Biểu 2');
    const { model } = await open('kh.docx');
    const texts = model.paragraphs.map((p) => p.text);
    for (const s of planForm.sections) expect(texts).toContain(s);
    const order = planForm.sections.map((s) => texts.indexOf(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(texts).toEqual(expect.arrayContaining(['KẾ HOẠCH', 'Cải tiến chất lượng giáo dục năm học 2026-2027']));
    for (const t of [...planForm.sectionIIText, ...planForm.sectionVIIIText, ...planForm.sectionVII]) expect(texts).toContain(t);
    for (const part of planForm.sectionIIIText) for (const l of part.lines) expect(texts).toContain(l);
    expect(texts).toContain(planForm.sectionIVNote);
    expect(texts).toContain('3. Cấp học: Tiểu học');

    const recs = recogniseTables(model);
    expect(recs.map((t) => t.form.id)).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
    expect(recs.map((t) => t.tag?.split(':')[1])).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
    // Sections IV, V and VI hold their tables, in that order.
    const blockOf = (s: string) => model.paragraphs.find((p) => p.text === s)!.block;
    const [iv, v, vi, vii] = [3, 4, 5, 6].map((i) => blockOf(planForm.sections[i]));
    const tableBlocks = recs.map((t) => t.parts[0].block);
    expect(tableBlocks[0]).toBeGreaterThan(iv);
    expect(tableBlocks[0]).toBeLessThan(v);
    expect(tableBlocks[1]).toBeGreaterThan(v);
    expect(tableBlocks[1]).toBeLessThan(vi);
    expect(tableBlocks[2]).toBeGreaterThan(vi);
    expect(tableBlocks[2]).toBeLessThan(vii);
    // Mục V: numbers inside the heading cells, one heading row repeated on every page, items 1..3, no level/standard rows.
    const v5 = recs[1].parts[0];
    const plan = getForm('plan-2026');
    expect(v5.rows[0].cells.map((c) => c.text)).toEqual(plan.columns.map((c) => headingText(plan, c, '2026-2027')));
    expect(v5.rows[0].cells[0].text).toBe('TT (1)');
    expect(v5.rows.map((row) => row.header)).toEqual([true, false, false, false]);
    expect(v5.rows.slice(1).map((row) => row.cells[0].text)).toEqual(['1', '2', '3']);
    expect(recs[1].entries.some((e) => e.kind === 'section' || e.kind === 'standard')).toBe(false);
    // Mục IV: its six columns; mục VI: its two rows.
    expect(recs[0].parts[0].rows[0].cells.map((c) => c.text)).toEqual([...planForm.sectionIVColumns]);
    expect(recs[0].parts[0].rows[0].header).toBe(true);
    expect(recs[2].entries.filter((e) => e.kind === 'fixed').map((e) => (e.kind === 'fixed' ? e.label : ''))).toEqual([
      'Cuối học kỳ I',
      'Cuối năm học',
    ]);
    // The signature and «Nơi nhận» (in the borderless table at the end).
    const last = model.tables[model.tables.length - 1];
    const lastText = last.rows.flatMap((row) => row.cells.map((c) => c.text)).join('\n');
    expect(lastText).toMatch(/Nơi nhận:/);
    expect(lastText).toMatch(/HIỆU TRƯỞNG\n\(Ký, ghi rõ họ tên, đóng dấu\)/);
    // Page and fonts.
    expect(findFirst(model.body, 'w:pgSz')?.attrs).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    const fonts = new Set([...serialize(model.body).matchAll(/w:ascii="([^"]*)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  test('a GDTX centre signs as GIÁM ĐỐC; the profile fills the header and mục I; --criteria seeds IV and V', async () => {
    writeFileSync(join(cli.dir(), 'tt.json'), JSON.stringify(PROFILE));
    const r = await cli.ctcl(
      'new',
      'plan-2026',
      '-t',
      'gdtx',
      '-y',
      '2026-2027',
      '--profile',
      'tt.json',
      '-c',
      '4.1,1.3',
      '-o',
      'gdtx.docx',
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    const { model } = await open('gdtx.docx');
    const header = model.tables[0].rows.flatMap((row) => row.cells.map((c) => c.text)).join('\n');
    expect(header).toContain('TRUNG TÂM GDNN-GDTX HUYỆN YÊN THẾ');
    expect(header).toContain('UBND TỈNH BẮC GIANG');
    expect(header).toMatch(/Số: .*\/KH-TTYT/);
    expect(model.paragraphs.map((p) => p.text)).toContain('1. Tên cơ sở giáo dục: Trung tâm GDNN-GDTX huyện Yên Thế');
    const last = model.tables[model.tables.length - 1].rows.flatMap((row) => row.cells.map((c) => c.text)).join('\n');
    expect(last).toContain('GIÁM ĐỐC');
    expect(last).not.toContain('HIỆU TRƯỞNG');
    expect(last).toContain('Nguyễn Văn An');
    const recs = recogniseTables(model);
    const iv = recs.find((t) => t.form.id === 'problems-2026')!.parts[0];
    expect(iv.rows.slice(1).map((row) => row.cells.slice(0, 3).map((c) => c.text))).toEqual([
      [
        '1',
        'Tiêu chuẩn 1: Quản trị nhà trường và bảo đảm chất lượng',
        'Tiêu chí 1.3: Quản lý kế hoạch, nguồn lực, thông tin và dữ liệu',
      ],
      [
        '2',
        'Tiêu chuẩn 4: Điều kiện giáo dục, môi trường an toàn và phối hợp xã hội',
        'Tiêu chí 4.1: Cơ sở vật chất, thiết bị, học liệu và hạ tầng kỹ thuật phục vụ hoạt động giáo dục',
      ],
    ]);
    const v = recs.find((t) => t.form.id === 'plan-2026')!.parts[0];
    expect(v.rows.slice(1).map((row) => row.cells.slice(0, 2).map((c) => c.text))).toEqual([
      ['1', 'Tiêu chí 1.3'],
      ['2', 'Tiêu chí 4.1'],
    ]);
  });

  test('--table-only keeps the single mục V table under the title block', async () => {
    const r = await cli.ctcl('new', 'plan-2026', '-t', 'thcs-thpt', '-y', '2026-2027', '--table-only', '-o', 'v.docx');
    expect(r.code).toBe(0);
    const { model } = await open('v.docx');
    expect(model.tables).toHaveLength(1);
    expect(recogniseTables(model).map((t) => t.form.id)).toEqual(['plan-2026']);
    expect(model.paragraphs.map((p) => p.text).filter(Boolean)).toEqual([
      'KẾ HOẠCH',
      'Cải tiến chất lượng giáo dục năm học 2026-2027',
    ]);
  });

  test('--table-only is refused for other forms', async () => {
    const r = await cli.ctcl('new', 'plan-2018', '-t', 'tieu-hoc', '-y', '2025-2026', '--table-only', '-o', 'x.docx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--table-only chỉ dùng với mẫu plan-2026');
  });
});

describe('the writer, from a plan', () => {
  test('column (2) names the criteria (or problems) an item serves unless the school already did', () => {
    let p = emptyPlan('tieu-hoc', '2026-2027');
    p = addProblem(p, { criteria: ['1.3'] });
    p = addProblem(p, { standard: 4 });
    p = addItem(p, { problems: ['p1'], content: 'Số hóa hồ sơ' });
    p = addItem(p, { problems: ['p2'], content: 'Cải tạo sân chơi' });
    p = addItem(p, { criteria: ['2.2'], content: 'Bồi dưỡng giáo viên (TC 2.2)' });
    p = addItem(p, { content: 'Việc chung' });
    expect(p.items.map((i) => itemContentText(p, i))).toEqual([
      'Tiêu chí 1.3: Số hóa hồ sơ',
      'Vấn đề 2: Cải tạo sân chơi',
      'Bồi dưỡng giáo viên (TC 2.2)',
      'Việc chung',
    ]);
  });

  test('the blocks are a valid body: tables with our tags, and the school signer title kept for non-GDTX', () => {
    let p = emptyPlan('mam-non', '2026-2027');
    p = addProblem(p, { criteria: ['3.2'], situation: 'Hiện trạng' });
    p = addItem(p, { problems: ['p1'], content: 'Đổi mới', status: 'Đang thực hiện' });
    const blocks = plan2026Blocks(p, { date: { day: 5, month: 9, year: 2026 } });
    const model = readDocument(documentElement(blocks));
    const recs = recogniseTables(model);
    expect(recs.map((t) => t.form.id)).toEqual(['problems-2026', 'plan-2026', 'monitoring-2026']);
    const v = recs[1].parts[0].rows[1].cells.map((c) => c.text);
    expect(v[0]).toBe('1');
    expect(v[1]).toBe('Tiêu chí 3.2: Đổi mới');
    expect(v[9]).toBe('Đang thực hiện');
    expect(signerTitle({ signerTitle: 'KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG' }, 'gdtx')).toBe('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC');
    expect(signerTitle({ signerTitle: 'HIỆU TRƯỞNG' }, 'mam-non')).toBe('HIỆU TRƯỞNG');
    const header = model.tables[0].rows[0].cells[1].text;
    expect(header).toContain('ngày 05 tháng 9 năm 2026');
  });
});
