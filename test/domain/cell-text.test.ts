/**
 * Writing a cell's text in place (src/domain/ooxml/cell-text.ts): only the characters that change are
 * rewritten, in the runs that held them; what plain text cannot express stays, or the write is refused
 * with nothing changed.
 */
import { paragraphText, planCellText } from '../../src/domain/ooxml/cell-text';
import { serialize, type XElement } from '../../src/domain/ooxml/xml';
import { parseXml } from '../../src/xml/node';

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';

function tc(inner: string): XElement {
  return parseXml(`<w:tc ${W}><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${inner}</w:tc>`);
}

const P_PR = '<w:pPr><w:pStyle w:val="TableContents"/><w:jc w:val="both"/></w:pPr>';
const R_PR = '<w:rPr><w:sz w:val="22"/></w:rPr>';

function write(cell: XElement, value: string): string {
  const w = planCellText(cell, value);
  if (!w.ok) throw new Error(w.reason);
  w.apply();
  return serialize(cell);
}

function texts(cell: XElement): string[] {
  return cell.children.filter((c): c is XElement => c.t === 'e' && c.name === 'w:p').map(paragraphText);
}

describe('planCellText', () => {
  test('unchanged paragraphs are not touched; a changed one keeps its properties and run formatting', () => {
    const cell = tc(
      `<w:p w14:paraId="0000000A">${P_PR}<w:r>${R_PR}<w:t>Hiệu trưởng</w:t></w:r></w:p><w:p w14:paraId="0000000B">${P_PR}<w:r>${R_PR}<w:t>Tổ chuyên môn</w:t></w:r></w:p>`,
    );
    const first = serialize(cell.children[1]);
    const xml = write(cell, 'Hiệu trưởng\nTổ văn phòng');
    expect(serialize(cell.children[1])).toBe(first);
    expect(texts(cell)).toEqual(['Hiệu trưởng', 'Tổ văn phòng']);
    expect(xml).toContain(
      `<w:p w14:paraId="0000000B">${P_PR}<w:r>${R_PR}<w:t xml:space="preserve">Tổ văn phòng</w:t></w:r></w:p>`,
    );
  });

  test('words around the change keep their own formatting (bold stays on the untouched word)', () => {
    const cell = tc(
      `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Tiêu chí 1.1</w:t></w:r><w:r><w:t xml:space="preserve">: cũ</w:t></w:r></w:p>`,
    );
    write(cell, 'Tiêu chí 1.1: Phương hướng, chiến lược');
    expect(serialize(cell)).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t>Tiêu chí 1.1</w:t></w:r>');
    expect(texts(cell)).toEqual(['Tiêu chí 1.1: Phương hướng, chiến lược']);
  });

  test('bookmarks and comment anchors stay where they are', () => {
    const cell = tc(
      `<w:p><w:bookmarkStart w:id="5" w:name="b"/><w:commentRangeStart w:id="1"/><w:r><w:t>Rà soát hồ sơ</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:bookmarkEnd w:id="5"/></w:p>`,
    );
    write(cell, 'Rà soát toàn bộ hồ sơ');
    const xml = serialize(cell);
    for (const s of [
      '<w:bookmarkStart w:id="5" w:name="b"/>',
      '<w:commentRangeStart w:id="1"/>',
      '<w:commentRangeEnd w:id="1"/>',
      '<w:commentReference w:id="1"/>',
      '<w:bookmarkEnd w:id="5"/>',
    ])
      expect(xml).toContain(s);
    expect(texts(cell)).toEqual(['Rà soát toàn bộ hồ sơ']);
  });

  test('tracked changes: text outside them changes; a change inside a tracked insertion is refused, nothing changed', () => {
    const ins =
      '<w:ins w:id="7" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> (bổ sung)</w:t></w:r></w:ins>';
    const del = '<w:del w:id="8" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>cũ</w:delText></w:r></w:del>';
    const cell = tc(`<w:p><w:r><w:t>Kế hoạch</w:t></w:r>${ins}${del}</w:p>`);
    write(cell, 'Kế hoạch năm (bổ sung)');
    expect(serialize(cell)).toContain(ins);
    expect(serialize(cell)).toContain(del);
    const before = serialize(cell);
    const w = planCellText(cell, 'Kế hoạch năm (sửa)');
    expect(w.ok).toBe(false);
    expect(w.ok ? '' : w.reason).toMatch(/theo dõi/);
    expect(serialize(cell)).toBe(before);
  });

  test("a field's result is never rewritten; text after it is added after the field", () => {
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const cell = tc(`<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r>${field}</w:p>`);
    write(cell, 'Trang 1 của kế hoạch');
    expect(serialize(cell)).toContain(field);
    expect(texts(cell)).toEqual(['Trang 1 của kế hoạch']);
    expect(planCellText(cell, 'Trang 2 của kế hoạch').ok).toBe(false);
    const simple = tc('<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>');
    expect(planCellText(simple, '4').ok).toBe(false);
  });

  test('images stay in their run; a paragraph holding one is never deleted (refused instead)', () => {
    const drawing = '<w:r><w:drawing><wp:inline xmlns:wp="urn:wp"/></w:drawing></w:r>';
    const cell = tc(`<w:p><w:r><w:t>Ảnh:</w:t></w:r>${drawing}</w:p><w:p><w:r><w:t>Ghi chú</w:t></w:r></w:p>`);
    write(cell, 'Hình ảnh:\nGhi chú');
    expect(serialize(cell)).toContain(drawing);
    const w = planCellText(cell, 'Ghi chú');
    expect(w.ok).toBe(false);
  });

  test('a nested table stays where it is (it does not move to the top)', () => {
    const nested = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const cell = tc(`<w:p><w:r><w:t>Trước bảng</w:t></w:r></w:p>${nested}<w:p><w:r><w:t>Sau bảng</w:t></w:r></w:p>`);
    write(cell, 'Trước bảng\nSau bảng, đã sửa');
    const names = cell.children.filter((c): c is XElement => c.t === 'e').map((c) => c.name);
    expect(names).toEqual(['w:tcPr', 'w:p', 'w:tbl', 'w:p']);
    expect(texts(cell)).toEqual(['Trước bảng', 'Sau bảng, đã sửa']);
  });

  test('new paragraphs copy the neighbour without its revision marks or paragraph id (ids stay unique)', () => {
    const cell = tc(
      `<w:p w14:paraId="1234ABCD"><w:pPr><w:jc w:val="both"/><w:rPr><w:ins w:id="3" w:author="A" w:date="2026-01-01T00:00:00Z"/></w:rPr><w:pPrChange w:id="4" w:author="A" w:date="2026-01-01T00:00:00Z"><w:pPr/></w:pPrChange></w:pPr><w:r>${R_PR}<w:t>Một</w:t></w:r></w:p>`,
    );
    const xml = write(cell, 'Một\nHai\nBa');
    expect(texts(cell)).toEqual(['Một', 'Hai', 'Ba']);
    expect(xml.match(/w14:paraId/g)).toHaveLength(1);
    expect(xml.match(/w:id="3"/g)).toHaveLength(1);
    expect(xml.match(/w:id="4"/g)).toHaveLength(1);
    expect(xml.match(/<w:sz w:val="22"\/>/g)).toHaveLength(3);
  });

  test('tabs become w:tab, vertical tabs (manual line breaks) w:br', () => {
    const cell = tc('<w:p><w:r><w:t>a</w:t></w:r></w:p>');
    write(cell, 'a\tb\vc');
    expect(serialize(cell)).toContain('<w:tab/>');
    expect(serialize(cell)).toContain('<w:br/>');
    expect(texts(cell)).toEqual(['a\tb\nc']);
  });

  test('an empty cell gets a run with the paragraph mark’s formatting', () => {
    const cell = tc('<w:p><w:pPr><w:rPr><w:sz w:val="22"/></w:rPr></w:pPr></w:p>');
    write(cell, 'Không');
    expect(serialize(cell)).toContain('<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">Không</w:t></w:r>');
  });

  test('a line-broken paragraph that is unchanged is matched whole and kept', () => {
    const p = '<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>dòng hai</w:t></w:r></w:p>';
    const cell = tc(`${p}<w:p><w:r><w:t>cuối</w:t></w:r></w:p>`);
    write(cell, 'Dòng một\ndòng hai\ncuối cùng');
    expect(serialize(cell)).toContain(p);
  });
});
