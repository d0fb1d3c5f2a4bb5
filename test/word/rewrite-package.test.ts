/**
 * The Word gateway's table rewrite (item 9 of the edit-safety issue): when a table must be sent back
 * whole (a new column, rows without a plain neighbour, a cell holding more than text), the package
 * carries everything the table references — relationships, images, comments, footnotes, styles — taken
 * from Word's own getOoxml package, or the edit is refused with nothing changed. New rows in it copy
 * their neighbours' formatting. Tested with the counting fake Word on the edit-safety corpus.
 */
import { strFromU8 } from 'fflate';
import { getCatalog } from '../../src/domain/catalog';
import { fixPlanner } from '../../src/domain/check/fixes';
import { planAddRow, planUpdateRow } from '../../src/domain/table/edit';
import { recogniseTables, type CriterionEntry } from '../../src/domain/table/recognise';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { childElements, serialize, type XElement } from '../../src/domain/ooxml/xml';
import { readDocument } from '../../src/domain/ooxml/reader';
import { createWordBackend, type OfficeContextLike } from '../../src/word/gateway';
import { rawPlan, rawReport } from '../edit-safety/corpus';
import { FakeWord } from './fake-word';

const catalog = getCatalog('2018', 'tieu-hoc');

/** A whole .docx as Word's Flat OPC (what body.getOoxml() returns): every part, binary ones in base64. */
export function flatOpcOfDocx(bytes: Uint8Array, drop: readonly string[] = []): string {
  const pkg = DocxPackage.open(bytes, { parts: 'all' });
  const types = parseXml(pkg.text('[Content_Types].xml')!);
  const overrides = new Map(childElements(types, 'Override').map((o) => [o.attrs.PartName.slice(1), o.attrs.ContentType]));
  const defaults = new Map(childElements(types, 'Default').map((d) => [d.attrs.Extension.toLowerCase(), d.attrs.ContentType]));
  const parts = pkg
    .paths()
    .filter((p) => p !== '[Content_Types].xml' && !drop.includes(p))
    .map((p) => {
      const type = overrides.get(p) ?? defaults.get(p.slice(p.lastIndexOf('.') + 1).toLowerCase()) ?? 'application/xml';
      const bytesOf = pkg.bytes(p)!;
      if (/\.(xml|rels)$/.test(p)) {
        const xml = strFromU8(bytesOf).replace(/^<\?xml[^>]*\?>\s*/, '');
        return `<pkg:part pkg:name="/${p}" pkg:contentType="${type}"><pkg:xmlData>${serialize(parseXml(xml))}</pkg:xmlData></pkg:part>`;
      }
      return `<pkg:part pkg:name="/${p}" pkg:contentType="${type}" pkg:compression="store"><pkg:binaryData>${Buffer.from(bytesOf).toString('base64')}</pkg:binaryData></pkg:part>`;
    });
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join('')}</pkg:package>`;
}

function office(): OfficeContextLike {
  return {
    document: { url: 'Kế hoạch.docx', mode: 'readWrite' },
    requirements: { isSetSupported: (name, v) => name === 'WordApi' && ['1.1', '1.2', '1.3'].includes(v ?? '1.1') },
  };
}

function setup(bytes: Uint8Array, drop: readonly string[] = []) {
  const pkg = DocxPackage.open(bytes, { parts: 'all' });
  const word = new FakeWord({ documentXml: pkg.text(pkg.mainPath)!, ooxml: flatOpcOfDocx(bytes, drop) });
  const backend = createWordBackend({ run: word.run, parse: parseXml, office: office() });
  return { word, backend };
}

interface SentPart {
  readonly name: string;
  readonly el: XElement;
  readonly xml?: XElement;
}

/** The parts of the package an insertOoxml sent. */
function sentParts(ooxml: string): Map<string, SentPart> {
  const root = parseXml(ooxml);
  return new Map(
    childElements(root, 'pkg:part').map((p) => {
      const data = childElements(p, 'pkg:xmlData')[0];
      return [p.attrs['pkg:name'], { name: p.attrs['pkg:name'], el: p, xml: data && childElements(data)[0] }];
    }),
  );
}

function all(e: XElement, name: string): XElement[] {
  const out: XElement[] = [];
  const visit = (x: XElement): void => {
    if (x.name === name) out.push(x);
    for (const c of x.children) if (c.t === 'e') visit(c);
  };
  visit(e);
  return out;
}

/** Every reference of the sent table resolves inside the sent package. */
function expectWhole(ooxml: string): Map<string, SentPart> {
  const parts = sentParts(ooxml);
  const doc = parts.get('/word/document.xml')!.xml!;
  const rels = childElements(parts.get('/word/_rels/document.xml.rels')!.xml!, 'Relationship');
  const ids: string[] = [];
  const visit = (e: XElement): void => {
    for (const [k, v] of Object.entries(e.attrs)) if (k.startsWith('r:')) ids.push(v);
    for (const c of e.children) if (c.t === 'e') visit(c);
  };
  visit(doc);
  for (const id of ids) {
    const r = rels.find((x) => x.attrs.Id === id);
    expect(r).toBeDefined();
    if (r!.attrs.TargetMode !== 'External') expect(parts.has(`/word/${r!.attrs.Target}`)).toBe(true);
  }
  for (const r of rels) if (r.attrs.TargetMode !== 'External') expect(parts.has(`/word/${r.attrs.Target}`)).toBe(true);
  const comments = new Set(all(doc, 'w:commentReference').map((c) => c.attrs['w:id']));
  if (comments.size) {
    const part = parts.get('/word/comments.xml')!.xml!;
    expect(new Set(childElements(part, 'w:comment').map((c) => c.attrs['w:id']))).toEqual(comments);
  }
  const notes = new Set(all(doc, 'w:footnoteReference').map((c) => c.attrs['w:id']));
  if (notes.size) {
    const part = parts.get('/word/footnotes.xml')!.xml!;
    const normal = childElements(part, 'w:footnote').filter((f) => !f.attrs['w:type']);
    expect(new Set(normal.map((c) => c.attrs['w:id']))).toEqual(notes);
  }
  expect(parts.has('/word/styles.xml')).toBe(true);
  return parts;
}

function entry(bytes: Uint8Array, code: string): CriterionEntry {
  const rec = recogniseTables(readDocument(DocxPackage.open(bytes).mainDocument(parseXml)))[0];
  return rec.entries.find((e): e is CriterionEntry => e.kind === 'criterion' && e.ref.code === code && !e.ref.level4)!;
}

describe('the table rewrite package', () => {
  test('a cell holding an image, fields and a footnote is written in place; the table goes back with its image, comments, footnote and styles (2 syncs)', async () => {
    const bytes = rawPlan();
    const { word, backend } = setup(bytes);
    const e = entry(bytes, '2.2');
    const cells = { ...e.rowCells[0], target: `${e.rowCells[0].target} Bổ sung.` } as Record<string, string>;
    delete cells.criterion;
    await backend.editTable({}, (rec) => planUpdateRow(rec, catalog, { ref: e.ref, cells }));
    expect(word.syncs).toBe(2);
    expect(word.inserted).toHaveLength(1);
    expect(word.inserted[0].at).toBe('table');
    expect(word.calls.filter((c) => c.startsWith('cell.body.insertText'))).toEqual([]);
    const parts = expectWhole(word.inserted[0].ooxml);
    expect(parts.has('/word/media/anh1.png')).toBe(true);
    expect(childElements(parts.get('/word/media/anh1.png')!.el, 'pkg:binaryData')).toHaveLength(1);
    expect(parts.has('/word/comments.xml')).toBe(true);
    expect(parts.has('/word/footnotes.xml')).toBe(true);
    // The written cell kept its image, fields and footnote reference, and says what was asked.
    const doc = parts.get('/word/document.xml')!.xml!;
    const t = readDocument(doc).tables[0];
    const cell = t.rows[e.at.row].cells.find((c) => c.col === 2)!;
    expect(cell.text).toBe(cells.target);
    for (const name of ['w:drawing', 'w:fldSimple', 'w:fldChar', 'w:footnoteReference'])
      expect(all(cell.el, name).length).toBeGreaterThan(0);
  });

  test('a plain-text cell is written with Office.js, no rewrite', async () => {
    const bytes = rawReport();
    const { word, backend } = setup(bytes);
    const e = entry(bytes, '3.6');
    const cells = { ...e.rowCells[0], done: 'Đã xong.' } as Record<string, string>;
    delete cells.criterion;
    await backend.editTable({}, (rec) => planUpdateRow(rec, catalog, { ref: e.ref, cells }));
    expect(word.syncs).toBe(2);
    expect(word.inserted).toHaveLength(0);
    expect(word.calls).toContain('cell.body.insertText(Replace)');
  });

  test('rows added where no plain neighbour exists (seed 003): the rewritten table carries its references, new rows copy their neighbours', async () => {
    const bytes = rawPlan();
    const { word, backend } = setup(bytes);
    await backend.editTable({}, (rec) => planAddRow(rec, catalog, { ref: { code: '1.2' }, cells: { owner: 'Hiệu trưởng' } }));
    expect(word.syncs).toBe(2);
    expect(word.inserted).toHaveLength(1);
    const parts = expectWhole(word.inserted[0].ooxml);
    const t = readDocument(parts.get('/word/document.xml')!.xml!).tables[0];
    const row = t.rows.find((r) => r.cells.some((c) => c.text === 'Tiêu chí 1.2: ' + catalog.standards[0].criteria[1].title))!;
    const neighbour = t.rows[t.rows.indexOf(row) + 1];
    row.cells.forEach((c, k) => {
      const pr = (x: XElement) => serialize(childElements(childElements(x, 'w:tcPr')[0], 'w:tcBorders')[0] ?? x);
      if (c.vMerge) return;
      expect(pr(c.el)).toContain('w:tcBorders');
      expect(pr(c.el).replace(/<w:(top|bottom)[^>]*\/>/g, '')).toBe(
        pr(neighbour.cells[k].el).replace(/<w:(top|bottom)[^>]*\/>/g, ''),
      );
      // The neighbours' paragraph style (11 pt in the seed), never 13 pt written directly.
      expect(serialize(c.el)).toContain('<w:pStyle w:val="TableContents"/>');
      expect(serialize(c.el)).not.toContain('<w:sz w:val="26"/>');
    });
  });

  test('a new column (the add-column fix) goes back whole, and the hMerge title keeps w:tcPr in schema order', async () => {
    const bytes = rawPlan({ dropColumn: 7 });
    const { word, backend } = setup(bytes);
    await backend.editTable({}, fixPlanner({ kind: 'add-column', key: 'support' }, { catalog, schoolYear: '2021-2022' }));
    expect(word.inserted).toHaveLength(1);
    const parts = expectWhole(word.inserted[0].ooxml);
    const xml = serialize(parts.get('/word/document.xml')!.xml!);
    expect(xml).toMatch(
      /<w:tcPr><w:cnfStyle w:val="000000000000"\/><w:tcW [^>]*\/><w:gridSpan w:val="2"\/><w:hMerge w:val="restart"\/>/,
    );
  });

  test('a reference Word left out of its package: refused in Vietnamese, nothing written (one sync)', async () => {
    const bytes = rawPlan();
    const { word, backend } = setup(bytes, ['word/media/anh1.png']);
    const e = entry(bytes, '2.2');
    const cells = { ...e.rowCells[0], target: `${e.rowCells[0].target} Thêm.` } as Record<string, string>;
    delete cells.criterion;
    await expect(backend.editTable({}, (rec) => planUpdateRow(rec, catalog, { ref: e.ref, cells }))).rejects.toThrow(
      /Không gửi lại được bảng cho Word.*thiếu phần word\/media\/anh1\.png/,
    );
    expect(word.syncs).toBe(1);
    expect(word.inserted).toHaveLength(0);
  });

  test('a change that would remove content the edit cannot keep is refused before anything is queued', async () => {
    const bytes = rawPlan();
    const { word, backend } = setup(bytes);
    const e = entry(bytes, '1.6');
    // The actions cell of 1.6 ends with a tracked insertion: rewriting its text is refused.
    const cells = { ...e.rowCells[0], actions: 'Viết lại hoàn toàn' } as Record<string, string>;
    delete cells.criterion;
    await expect(backend.editTable({}, (rec) => planUpdateRow(rec, catalog, { ref: e.ref, cells }))).rejects.toThrow(/theo dõi/);
    expect(word.syncs).toBe(1);
    expect(word.calls.filter((c) => /insert|clear/.test(c))).toEqual([]);
  });
});
