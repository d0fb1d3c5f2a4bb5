import { readFileSync } from 'node:fs';
import { checkDocument } from '../../src/domain/check';
import { readDocument } from '../../src/domain/ooxml/reader';
import type { XElement } from '../../src/domain/ooxml/xml';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { seedPath } from '../helpers';

function count(e: XElement): number {
  return 1 + e.children.reduce((n, c) => n + (c.t === 'e' ? count(c) : 0), 0);
}

/** Everything the reader reports, without the XML element references. */
function plain(m: ReturnType<typeof readDocument>) {
  return {
    paragraphs: m.paragraphs,
    tables: m.tables.map((t) => ({
      ...t,
      el: undefined,
      rows: t.rows.map((r) => ({ ...r, el: undefined, cells: r.cells.map((c) => ({ ...c, el: undefined })) })),
    })),
  };
}

describe('lean parse (read-only paths)', () => {
  test.each(['000', '001', '002', '003', '004'])(
    'seed %s: the reader and the checker see exactly the same document, with fewer elements',
    (n) => {
      const pkg = DocxPackage.open(new Uint8Array(readFileSync(seedPath(n))), { parts: 'read' });
      const full = pkg.mainDocument(parseXml);
      const lean = pkg.mainDocument(parseXml, { lean: true });
      expect(count(lean)).toBeLessThan(count(full));
      const a = readDocument(full);
      const b = readDocument(lean);
      expect(plain(b)).toEqual(plain(a));
      const ca = checkDocument(a, { asOf: new Date(2026, 0, 1) });
      const cb = checkDocument(b, { asOf: new Date(2026, 0, 1) });
      expect(cb.findings).toEqual(ca.findings);
      expect(cb.meta).toEqual(ca.meta);
    },
  );
});
