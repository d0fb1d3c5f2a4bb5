/**
 * DocxDocument, the in-memory .docx backend: round trips through bytes, inserting at cursor positions,
 * the custom XML store, and the refusal of broken or hostile files with a Vietnamese message each.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { EMPTY_STORE } from '../../src/domain/backend';
import { getCatalog } from '../../src/domain/catalog';
import { getForm, type FormId } from '../../src/domain/forms';
import { titleBlock } from '../../src/domain/documents/frame';
import { blankDocumentParts } from '../../src/domain/ooxml/package';
import { paragraph } from '../../src/domain/ooxml/writer';
import { findFirst } from '../../src/domain/ooxml/xml';
import { initialRows, type TableSpec } from '../../src/domain/table/model';
import { DocxDocument } from '../../src/docx/document';
import { DocxError, type DocxErrorCode } from '../../src/docx/package';
import { STORE_NS } from '../../src/domain/store';
import { parseXml } from '../../src/xml/node';
import { openSeed } from '../helpers';

function spec(form: FormId): TableSpec {
  const f = getForm(form);
  const schoolYear = f.framework === '2018' ? '2024-2025' : '2026-2027';
  return {
    form,
    framework: f.framework,
    schoolType: 'mam-non',
    schoolYear,
    groupByLevel: false,
    rows: initialRows(f, getCatalog(f.framework, 'mam-non'), { start: 'skeleton' }),
  };
}

function reopen(doc: DocxDocument): DocxDocument {
  return DocxDocument.open(doc.toBytes(), parseXml, doc.name);
}

/** What the document's top-level blocks are, in order: paragraph text or "table:<form>". */
async function outline(doc: DocxDocument): Promise<string[]> {
  const m = await doc.read();
  const out: string[] = new Array(m.blockCount).fill('?');
  for (const p of m.paragraphs) if (!p.floating) out[p.block] = p.text;
  for (const t of m.tables) if (t.topIndex >= 0) out[t.block] = `table:${t.tag?.split(':')[1]}`;
  return out;
}

describe('DocxDocument round trips', () => {
  test('a blank document is A4 landscape, one empty paragraph, and survives bytes → open', async () => {
    const doc = DocxDocument.blank(parseXml);
    expect(doc.cursor).toBe(1);
    const again = reopen(doc);
    const m = await again.read();
    expect(m.tables).toHaveLength(0);
    expect(m.paragraphs.map((p) => p.text)).toEqual(['']);
    const pgSz = findFirst(m.body, 'w:pgSz');
    expect(pgSz?.attrs['w:orient']).toBe('landscape');
    expect(Number(pgSz?.attrs['w:w'])).toBeGreaterThan(Number(pgSz?.attrs['w:h']));
    expect(again.pkg.paths()).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', '[Content_Types].xml']));
  });

  test('tables go in at the cursor: at the start, in the middle, past the end; the cursor moves past each', async () => {
    const doc = DocxDocument.blank(parseXml, 'x.docx', [paragraph('A'), paragraph('B'), paragraph('C')]);
    expect(doc.cursor).toBe(3);
    doc.cursor = 0;
    await doc.insertTable(spec('plan-2018'));
    expect(doc.cursor).toBe(2);
    await doc.insertTable(spec('report-2018'));
    expect(doc.cursor).toBe(4);
    // Before "C".
    doc.cursor = 6;
    await doc.insertTable(spec('plan-2026'));
    // Past the end: clamped to the end of the body, still before the section properties.
    doc.cursor = 99;
    const { tag } = await doc.insertTable(spec('monitoring-2026'));
    const expected = [
      'table:plan-2018',
      '',
      'table:report-2018',
      '',
      'A',
      'B',
      'table:plan-2026',
      '',
      'C',
      'table:monitoring-2026',
      '',
    ];
    expect(await outline(doc)).toEqual(expected);
    const again = reopen(doc);
    expect(await outline(again)).toEqual(expected);
    const m = await again.read();
    expect(m.tables.map((t) => t.controlTitle)).toEqual(
      (['plan-2018', 'report-2018', 'plan-2026', 'monitoring-2026'] as const).map((f) => getForm(f).controlTitle),
    );
    expect(m.tables[3].tag).toBe(tag);
    // The section properties stay the last child of the body.
    const last = m.body.children.filter((c) => c.t === 'e').pop();
    expect(last?.t === 'e' && last.name).toBe('w:sectPr');
    // The reopened document's cursor is at its end.
    expect(again.cursor).toBe(expected.length);
  });

  test('the header and body rows of an inserted table read back as written', async () => {
    const doc = DocxDocument.blank(
      parseXml,
      'b.docx',
      titleBlock('report-2018', '2024-2025', { school: 'Trường Mầm non Hoa Sen' }),
    );
    await doc.insertTable(spec('report-2018'));
    const m = await reopen(doc).read();
    expect(m.paragraphs.slice(0, 3).map((p) => [p.text, p.bold])).toEqual([
      ['TRƯỜNG MẦM NON HOA SEN', true],
      ['BÁO CÁO', true],
      ['Kết quả thực hiện kế hoạch cải tiến chất lượng giáo dục năm học 2024-2025', true],
    ]);
    const t = m.tables[0];
    expect(t.rows.filter((r) => r.header)).toHaveLength(2);
    const body = t.rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.text).join(' | '));
    const catalog = getCatalog('2018', 'mam-non');
    expect(body).toEqual([
      'MỨC 1, 2, 3',
      ...catalog.standards.map((s) => `${s.number} | Tiêu chuẩn ${s.number}: ${s.title}`),
      'MỨC 4',
    ]);
  });

  test('an opened seed document keeps its content when saved again', async () => {
    const seed = openSeed('003');
    const before = await seed.read();
    const after = await reopen(seed).read();
    expect(after.paragraphs.map((p) => p.text)).toEqual(before.paragraphs.map((p) => p.text));
    expect(after.tables.map((t) => t.rows.map((r) => r.cells.map((c) => [c.text, c.span, c.vMerge ?? ''])))).toEqual(
      before.tables.map((t) => t.rows.map((r) => r.cells.map((c) => [c.text, c.span, c.vMerge ?? '']))),
    );
  });
});

describe('the custom XML store', () => {
  const store = {
    version: 1 as const,
    drafts: { '1.3': { target: 'Nâng tỉ lệ <đạt> & "vượt" chuẩn', lines: 'dòng 1\ndòng 2\ttab' } },
    ignored: ['r1:c2'],
  };

  test('a new document has the empty store; a saved store reads back after bytes → open', async () => {
    const doc = DocxDocument.blank(parseXml);
    expect(await doc.loadStore()).toEqual(EMPTY_STORE);
    await doc.saveStore(store);
    const again = reopen(doc);
    expect(await again.loadStore()).toEqual(store);
    // The package wires the part up the way Word's customXmlParts expects.
    const files = unzipSync(doc.toBytes());
    const items = Object.keys(files).filter((p) => /^customXml\/item\d+\.xml$/.test(p));
    expect(items).toHaveLength(1);
    expect(strFromU8(files[items[0]])).toContain(STORE_NS);
    expect(strFromU8(files['word/_rels/document.xml.rels'])).toContain(`Target="../${items[0]}"`);
    expect(strFromU8(files['[Content_Types].xml'])).toContain('customXmlProperties+xml');
  });

  test('saving again replaces the store in place', async () => {
    const doc = DocxDocument.blank(parseXml);
    await doc.saveStore(store);
    const again = reopen(doc);
    await again.saveStore({ version: 1, drafts: {} });
    const third = reopen(again);
    expect(await third.loadStore()).toEqual({ version: 1, drafts: {} });
    expect(
      third.pkg.paths().filter((p) => p.startsWith('customXml/item') && p.endsWith('.xml') && !p.includes('Props')),
    ).toHaveLength(1);
  });

  test('a store saved into a real school document round-trips without touching its table', async () => {
    const seed = openSeed('001');
    const rows = (await seed.read()).tables[0].rows.length;
    await seed.saveStore(store);
    const again = reopen(seed);
    expect(await again.loadStore()).toEqual(store);
    expect((await again.read()).tables[0].rows).toHaveLength(rows);
  });
});

describe('broken and hostile files', () => {
  /** Deterministic pseudo-random bytes (so a failure can be reproduced). */
  function randomBytes(n: number, seed: number): Uint8Array {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      out[i] = x >>> 24;
    }
    return out;
  }

  function blankParts(): Record<string, Uint8Array> {
    const out: Record<string, Uint8Array> = {};
    for (const [k, v] of blankDocumentParts([paragraph('xin chào')])) out[k] = strToU8(v);
    return out;
  }

  function cfb(extra = ''): Uint8Array {
    const b = new Uint8Array(1024);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < extra.length; i++) b[600 + i * 2] = extra.charCodeAt(i);
    return b;
  }

  const cases: [string, () => Uint8Array, DocxErrorCode, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), 'empty', /rỗng/],
    ['random bytes', () => randomBytes(4096, 7).map((b, i) => (i === 0 ? 0x13 : b)), 'not-zip', /không phải \.docx/],
    ['an old Word .doc (CFB header)', () => cfb(), 'legacy-doc', /Word cũ \(\.doc\).*Lưu thành/],
    ['a password-protected file (CFB with EncryptedPackage)', () => cfb('EncryptedPackage'), 'encrypted', /mật khẩu/],
    ['an HTML page saved as .docx', () => strToU8('<!DOCTYPE html><html><body>Báo cáo</body></html>'), 'not-zip', /HTML/],
    [
      'a zip without word/document.xml',
      () => {
        const parts = blankParts();
        delete parts['word/document.xml'];
        return zipSync(parts);
      },
      'missing-main',
      /word\/document\.xml/,
    ],
    [
      'an Excel workbook renamed to .docx',
      () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }),
      'not-word',
      /bảng tính/,
    ],
    [
      'a document.xml with a DOCTYPE and an ENTITY (billion laughs)',
      () => {
        const parts = blankParts();
        const doc = strFromU8(parts['word/document.xml']).replace(
          '<w:document',
          '<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document',
        );
        parts['word/document.xml'] = strToU8(doc.replace('xin chào', '&lol2;'));
        return zipSync(parts);
      },
      'xml-unsafe',
      /DTD/,
    ],
    [
      'a document.xml that is not well-formed',
      () => {
        const parts = blankParts();
        parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']).replace('</w:body>', ''));
        return zipSync(parts);
      },
      'xml-invalid',
      /bị hỏng/,
    ],
    [
      'a truncated zip',
      () => {
        const z = zipSync(blankParts());
        return z.subarray(0, Math.floor(z.length / 2));
      },
      'corrupt',
      /bị hỏng/,
    ],
  ];

  test.each(cases)('%s is refused with a DocxError and a Vietnamese message', (_name, bytes, code, message) => {
    let err: unknown;
    try {
      DocxDocument.open(bytes(), parseXml, 'x.docx');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DocxError);
    expect((err as DocxError).code).toBe(code);
    expect((err as DocxError).message).toMatch(message);
    // Vietnamese: the message carries Vietnamese letters, never a bare English parser message.
    expect((err as DocxError).message).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
  });
});
