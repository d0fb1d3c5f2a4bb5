/**
 * Every form, written to a new .docx the way `ctcl new` writes it, opens in LibreOffice and prints as
 * expected: A4 landscape, the title block with the school year, every heading, every criterion row,
 * the heading rows repeated on each page, and Times New Roman (or its metric twin) for all text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORM_IDS, fillYear, getForm, type FormId } from '../../src/domain/forms';
import { newDocumentBody, resolveNewDocument, type NewDocument } from '../../src/domain/documents/new-document';
import { criterionLabel, refKey, sectionLabel, standardLabel } from '../../src/domain/table/model';
import { DocxDocument } from '../../src/docx/document';
import { parseXml } from '../../src/xml/node';
import {
  assertTools,
  convertToPdf,
  countOccurrences,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pngSize,
  renderPage,
  squash,
} from './libreoffice';

const SCHOOL = 'Trường Tiểu học Thử Nghiệm';
const yearOf = (id: FormId): string => (getForm(id).framework === '2018' ? '2025-2026' : '2026-2027');

interface Rendered {
  readonly doc: NewDocument;
  readonly pdf: string;
}

let dir: string;
const rendered = new Map<FormId, Rendered>();
let conversionMs = 0;

beforeAll(async () => {
  assertTools();
  dir = mkdtempSync(join(tmpdir(), 'ctcl-lo-'));
  const files: string[] = [];
  const docs: NewDocument[] = [];
  for (const id of FORM_IDS) {
    const doc = resolveNewDocument({ form: id, schoolType: 'tieu-hoc', schoolYear: yearOf(id), criteria: 'all', school: SCHOOL });
    const docx = DocxDocument.blank(parseXml, `${id}.docx`, newDocumentBody(doc));
    await docx.insertTable(doc.spec);
    const file = join(dir, `${id}.docx`);
    writeFileSync(file, docx.toBytes());
    files.push(file);
    docs.push(doc);
  }
  const t0 = Date.now();
  // One soffice run for all forms: starting LibreOffice is most of the cost.
  const pdfs = await convertToPdf(files, dir);
  conversionMs = Date.now() - t0;
  FORM_IDS.forEach((id, i) => rendered.set(id, { doc: docs[i], pdf: pdfs[i] }));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('all forms convert in one LibreOffice run', () => {
  expect(new Set([...rendered.values()].map((r) => r.pdf)).size).toBe(FORM_IDS.length);
  console.info(`LibreOffice converted ${FORM_IDS.length} documents in ${conversionMs} ms`);
});

describe.each(FORM_IDS)('%s rendered by LibreOffice', (id) => {
  const get = (): Rendered => rendered.get(id)!;

  test('every page is A4 landscape, and page 1 renders to a landscape image', () => {
    const { pdf } = get();
    const { pages, sizes } = pdfInfo(pdf);
    expect(sizes).toHaveLength(pages);
    for (const s of sizes) {
      expect(s.width).toBeGreaterThan(s.height);
      // A4: 297 × 210 mm = 841.9 × 595.3 pt.
      expect(Math.abs(s.width - 841.9)).toBeLessThan(2);
      expect(Math.abs(s.height - 595.3)).toBeLessThan(2);
    }
    const png = pngSize(renderPage(pdf, 1, join(dir, `${id}-page1`)));
    expect(png.width).toBeGreaterThan(png.height);
  });

  test('the title block shows the school, the document type and the summary line with the year', () => {
    const { pdf, doc } = get();
    // Title lines are full-width paragraphs, so the physical layout keeps each on one line.
    const page1 = pdfPages(pdf, 'layout')[0];
    const lines = page1.split('\n').map((l) => l.normalize('NFC').replace(/\s+/g, ' ').trim());
    for (const t of doc.title) expect(lines).toContain(t.text);
    expect(page1).toContain(doc.spec.schoolYear);
  });

  test('every heading, level row, standard and criterion appears in the PDF text', () => {
    const { pdf, doc } = get();
    // Content-stream order keeps the lines of one cell together; layout mode interleaves neighbouring
    // cells, so headings wrapped in narrow cells could not be compared there.
    const all = squash(pdfPages(pdf, 'raw').join('\n'));
    const form = doc.form;
    const expected = [
      ...form.columns.map((c) => fillYear(c.heading, doc.spec.schoolYear)),
      ...form.groups.map((g) => fillYear(g.heading, doc.spec.schoolYear)),
      ...(form.numberRow ? form.columns.map((c) => `(${c.number})`) : []),
      ...(form.fixedRows ?? []),
    ];
    for (const r of doc.spec.rows) {
      if (r.kind === 'section') expected.push(r.text ?? sectionLabel(r.section));
      if (r.kind === 'standard') expected.push(standardLabel(r.standard, r.title));
      // A row may break across pages (the repeated heading then sits inside its text), so only the
      // start of the label up to the code, "Tiêu chí 1.1:" or "Tiêu chí 3 (", is compared.
      if (r.kind === 'criterion')
        expected.push(/^Tiêu chí [\d.]+\s*[:(]/.exec(criterionLabel(doc.catalog, r.ref)[0])?.[0] ?? '?');
    }
    const missing = expected.filter((s) => !all.includes(squash(s)));
    expect(missing).toEqual([]);
    if (form.sections !== 'none') {
      const criteria = doc.spec.rows
        .filter((r) => r.kind === 'criterion')
        .map((r) => (r.kind === 'criterion' ? refKey(r.ref) : ''));
      const m4 = doc.catalog.framework === '2018' ? doc.catalog.level4.length : 0;
      expect(criteria).toHaveLength(doc.catalog.standards.reduce((n, s) => n + s.criteria.length, 0) + m4);
    }
  });

  test('the heading rows repeat on every page of the table', () => {
    const { pdf, doc } = get();
    const all = pdfPages(pdf, 'raw').map(squash);
    expect(all).toHaveLength(pdfInfo(pdf).pages);
    // When the table ends at the foot of a page, the empty paragraph that must follow it starts a
    // blank page (in Word too); only pages with text carry table rows.
    const pages = all.filter((p) => p !== '');
    expect(all.slice(0, pages.length)).toEqual(pages);
    const form = doc.form;
    if (form.sections !== 'none') {
      // 'all' criteria make a table longer than one landscape page, so repetition is really tested.
      expect(pages.length).toBeGreaterThan(1);
    }
    const headings = form.columns.map((c) => squash(fillYear(c.heading, doc.spec.schoolYear)));
    const header = [...form.groups.map((g) => squash(fillYear(g.heading, doc.spec.schoolYear))), ...headings].join('|');
    // Body text that could contain a heading: the title block (page 1 only) and the row labels.
    const body = squash(
      [
        ...doc.title.map((t) => t.text),
        ...doc.spec.rows.map((r) =>
          r.kind === 'standard'
            ? standardLabel(r.standard, r.title)
            : r.kind === 'criterion'
              ? criterionLabel(doc.catalog, r.ref).join(' ')
              : r.kind === 'fixed'
                ? r.label
                : '',
        ),
      ].join('|'),
    );
    const counted = headings.filter((h) => h.length >= 6 && !body.includes(h));
    expect(counted.length).toBeGreaterThanOrEqual(3);
    for (const h of counted) {
      const perPage = countOccurrences(header, h);
      const seen = pages.map((p) => countOccurrences(p, h));
      expect({ heading: h, seen }).toEqual({ heading: h, seen: pages.map(() => perPage) });
    }
  });

  test('all text is set in Times New Roman or its metric-compatible substitute (no fallback font)', () => {
    const fonts = pdfFonts(get().pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^(TimesNewRoman|Times-|Liberation ?Serif)/i);
  });
});
