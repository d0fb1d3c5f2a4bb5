/**
 * Property-based tests (fast-check): the OOXML writer → reader round trip for any text, and the
 * reader, recogniser and checker never throwing on random grids or on random damage to real documents.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { checkDocument, type Finding } from '../../src/domain/check';
import { readDocument, type DocModel } from '../../src/domain/ooxml/reader';
import { cell, documentElement, paragraph, paragraphs, row } from '../../src/domain/ooxml/writer';
import { el, serialize, type XElement, type XNode } from '../../src/domain/ooxml/xml';
import { recogniseTables } from '../../src/domain/table/recognise';
import { normalizeNewlines, replaceXmlInvalid } from '../../src/domain/text';
import { parseXml } from '../../src/xml/node';
import { seedPath } from '../helpers';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Text with everything a user can paste: any code point, XML specials, controls, lone surrogates, RTL, emoji. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        ']]>',
        '&amp;',
        '\u0000',
        '\u0008',
        '\u000b',
        '\r\n',
        '\r',
        '\n',
        '\t',
        '\ud800',
        '\udfff',
        '\ufffe',
        '\uffff',
        'שלום',
        'مرحبا',
        '\u202e',
        '👩‍🏫',
        '𝔘',
        'Tiếng Việt',
        'e\u0301',
        '  ',
        '\u00a0',
      ),
      { maxLength: 60 },
    )
    .map((a) => a.join('')),
);

/**
 * What a cell holds after the round trip: line breaks normalised, a vertical tab (Word's manual line
 * break) read back as a line break, other characters XML cannot carry shown as «�».
 */
function expected(value: string): string {
  return replaceXmlInvalid(normalizeNewlines(value).replace(/\v/g, '\n'));
}

function roundTrip(blocks: XElement[]): DocModel {
  return readDocument(parseXml(serialize(documentElement(blocks))));
}

describe('writer → reader round trip', () => {
  test('any text in a paragraph comes back exactly (bar characters XML cannot carry)', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const m = roundTrip(paragraphs(value));
        expect(m.paragraphs.map((p) => p.text).join('\n')).toBe(expected(value));
      }),
      { numRuns: RUNS },
    );
  });

  test('any text in a table cell comes back exactly, including 10 000-character cells', () => {
    const long = fc
      .tuple(anyText, fc.integer({ min: 1, max: 60 }))
      .map(([t, n]) => (t || 'x').repeat(Math.ceil(10_000 / Math.max(1, (t || 'x').length))).slice(0, 10_000 + n));
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, long), { minLength: 1, maxLength: 4 }), (values) => {
        const tbl = el('w:tbl', {}, [
          el(
            'w:tblGrid',
            {},
            values.map(() => el('w:gridCol', { 'w:w': 1000 })),
          ),
          row(values.map((v) => cell(paragraphs(v), { width: 1000 }))),
        ]);
        const m = roundTrip([tbl]);
        expect(m.tables[0].rows[0].cells.map((c) => c.text)).toEqual(values.map(expected));
      }),
      { numRuns: Math.max(20, RUNS / 4) },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const VOCAB = [
  'TT',
  'Tiêu chuẩn, tiêu chí',
  'ND Kế hoạch cải tiến chất lượng giáo dục năm học 2025-2026',
  'ND KH cải tiến CL được XD đầu năm',
  'Kết quả thực hiện',
  'Những công việc đã triển khai xong theo đúng KH (nêu rõ chất lượng, hiệu quả công việc)',
  'Những công việc chưa triển khai (nêu rõ lý do)',
  'Kết quả cần đạt (so với hiện trạng)',
  'Công việc/giải pháp cần thực hiện',
  'Mức độ thực hiện',
  'Ghi chú',
  '(1)',
  '(10)',
  'MỨC 1, 2, 3',
  'MỨC 4',
  'Mức 4: không',
  'MỨC 2',
  'Tiêu chuẩn 1: Tổ chức và quản lý nhà trường',
  'Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục',
  'Tiêu chí 1.3',
  'Tiêu chí 1.3\n(mức 3)',
  'Tiêu chí 2 (Mức 4)',
  'Tiêu chí 3.7',
  'Tiêu chí 99.99: lạ',
  'Cuối học kỳ I',
  'Cuối năm học',
  'Không',
  '1',
  '12',
  '',
  '',
  'Tháng 10/2025 – tháng 5/2026',
  'KÕ ho¹ch',
];

interface RandomCell {
  text: string;
  span: number;
  vMerge?: 'restart' | 'continue';
}

const randomCell: fc.Arbitrary<RandomCell> = fc.record({
  text: fc.oneof(fc.constantFrom(...VOCAB), anyText),
  span: fc.integer({ min: 1, max: 4 }),
  vMerge: fc.option(fc.constantFrom('restart' as const, 'continue' as const), { nil: undefined }),
});

const randomTable: fc.Arbitrary<RandomTable> = fc.record({
  gridCols: fc.integer({ min: 0, max: 12 }),
  rows: fc.array(fc.record({ header: fc.boolean(), cells: fc.array(randomCell, { maxLength: 10 }) }), { maxLength: 14 }),
  gridBefore: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});

interface RandomTable {
  gridCols: number;
  rows: { header: boolean; cells: RandomCell[] }[];
  gridBefore?: number;
}

function tableXml(t: RandomTable): XElement {
  return el('w:tbl', {}, [
    el(
      'w:tblGrid',
      {},
      Array.from({ length: t.gridCols }, () => el('w:gridCol', { 'w:w': 900 })),
    ),
    ...t.rows.map((r, i) => {
      const trPr: XNode[] = [];
      if (r.header) trPr.push(el('w:tblHeader'));
      if (i === 0 && t.gridBefore) trPr.push(el('w:gridBefore', { 'w:val': t.gridBefore }));
      return el('w:tr', {}, [
        ...(trPr.length ? [el('w:trPr', {}, trPr)] : []),
        ...r.cells.map((c) => cell(paragraphs(c.text), { width: 900 * c.span, span: c.span, vMerge: c.vMerge })),
      ]);
    }),
  ]);
}

function wellFormed(f: Finding, model: DocModel): void {
  expect(['error', 'warning', 'info']).toContain(f.severity);
  expect(typeof f.message).toBe('string');
  expect(f.message.length).toBeGreaterThan(10);
  if (f.location.table !== undefined) {
    const t = model.tables.find((x) => x.index === f.location.table);
    expect(t).toBeDefined();
    if (f.location.row !== undefined) expect(f.location.row).toBeLessThan(t!.rows.length);
  }
}

describe('reader, recogniser and checker never throw', () => {
  test('on random tables and paragraphs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            randomTable.map(tableXml),
            fc.constantFrom(...VOCAB).map((t) => paragraph(t)),
          ),
          { maxLength: 6 },
        ),
        (blocks) => {
          const model = roundTrip(blocks);
          recogniseTables(model);
          const r = checkDocument(model);
          for (const f of r.findings) wellFormed(f, model);
          // Every finding id is unique: "Bỏ qua" must hide exactly one finding.
          expect(new Set(r.findings.map((f) => f.id)).size).toBe(r.findings.length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  const seeds = ['000', '001', '002', '003', '004'].map((n) => {
    const files = unzipSync(new Uint8Array(readFileSync(seedPath(n))));
    return strFromU8(files['word/document.xml']);
  });

  /** Random damage to a real document: rows and cells dropped or duplicated, spans and merges changed, text replaced. */
  const mutation = fc.record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    ops: fc.array(
      fc.record({
        kind: fc.constantFrom('drop-row', 'dup-row', 'drop-cell', 'dup-cell', 'span', 'vmerge', 'text', 'drop-grid'),
        at: fc.nat(),
        value: fc.oneof(fc.constantFrom(...VOCAB), anyText),
        n: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 8 },
    ),
  });

  function all(e: XElement, name: string, out: XElement[] = []): XElement[] {
    for (const c of e.children) {
      if (c.t !== 'e') continue;
      if (c.name === name) out.push(c);
      all(c, name, out);
    }
    return out;
  }

  function parentOf(root: XElement, child: XElement): XElement | undefined {
    for (const c of root.children) {
      if (c.t !== 'e') continue;
      if (c.children.includes(child)) return c;
      const p = parentOf(c, child);
      if (p) return p;
    }
    return root.children.includes(child) ? root : undefined;
  }

  test('on random damage to the seed documents', () => {
    fc.assert(
      fc.property(mutation, ({ seed, ops }) => {
        const root = parseXml(seeds[seed]);
        for (const op of ops) {
          const pick = (name: string) => {
            const list = all(root, name);
            return list.length ? list[op.at % list.length] : undefined;
          };
          const target = pick(op.kind.endsWith('row') ? 'w:tr' : op.kind === 'drop-grid' ? 'w:gridCol' : 'w:tc');
          if (!target) continue;
          const parent = parentOf(root, target);
          if (!parent) continue;
          const i = parent.children.indexOf(target);
          switch (op.kind) {
            case 'drop-row':
            case 'drop-cell':
            case 'drop-grid':
              parent.children.splice(i, 1);
              break;
            case 'dup-row':
            case 'dup-cell':
              parent.children.splice(i, 0, JSON.parse(JSON.stringify(target)) as XElement);
              break;
            case 'span': {
              const pr = target.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:tcPr');
              pr?.children.push(el('w:gridSpan', { 'w:val': op.n }));
              break;
            }
            case 'vmerge': {
              const pr = target.children.find((c): c is XElement => c.t === 'e' && c.name === 'w:tcPr');
              pr?.children.push(el('w:vMerge', op.n % 2 ? { 'w:val': 'restart' } : {}));
              break;
            }
            case 'text':
              target.children = [...target.children.filter((c) => c.t === 'e' && c.name === 'w:tcPr'), ...paragraphs(op.value)];
              break;
          }
        }
        const model = readDocument(root);
        const r = checkDocument(model);
        for (const f of r.findings) wellFormed(f, model);
      }),
      { numRuns: RUNS },
    );
  });
});
