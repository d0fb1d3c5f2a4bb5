/**
 * Every paragraph `ctcl new` writes sets its own indentation (left, right and first line), so a school
 * template or a Normal style with a first-line indent — common in Vietnamese documents — does not
 * indent every table cell and line of what ctcl writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORM_IDS, getForm } from '../../src/domain/forms';
import { childElements, type XElement } from '../../src/domain/ooxml/xml';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { cliFolder } from './run';

const cli = cliFolder('ctcl-indent-');

function allParagraphs(e: XElement, out: XElement[] = [], cells?: Set<XElement>, inCell = false): XElement[] {
  for (const c of childElements(e)) {
    if (c.name === 'w:p') {
      out.push(c);
      if (inCell) cells?.add(c);
    }
    allParagraphs(c, out, cells, inCell || c.name === 'w:tc');
  }
  return out;
}

test.each(FORM_IDS)('%s with the official frame: every paragraph resets left, right and first-line indents', async (id) => {
  const year = getForm(id).framework === '2018' ? '2025-2026' : '2026-2027';
  const out = `indent-${id}.docx`;
  const r = await cli.ctcl(
    'new',
    id,
    '-t',
    'tieu-hoc',
    '-y',
    year,
    '-c',
    'all',
    '--school',
    'Trường Tiểu học Kim Đồng',
    '-o',
    out,
  );
  expect(r.code).toBe(0);
  const pkg = DocxPackage.open(new Uint8Array(readFileSync(join(cli.dir(), out))));
  const inCells = new Set<XElement>();
  const paragraphs = allParagraphs(parseXml(pkg.text(pkg.mainPath)!), [], inCells);
  expect(paragraphs.length).toBeGreaterThan(10);
  for (const p of paragraphs) {
    const ind = childElements(childElements(p, 'w:pPr')[0] ?? p, 'w:ind')[0];
    expect(ind).toBeDefined();
    expect(Object.keys(ind.attrs).sort()).toEqual(['w:firstLine', 'w:left', 'w:right']);
    expect(ind.attrs['w:hanging']).toBeUndefined();
  }
  // Apart from the short rules under headings (centred by equal side indents) and the first line of the running
  // text of Biểu 2's sections (outside every table), nothing is indented.
  const indented = paragraphs.filter((p) => {
    const ind = childElements(childElements(p, 'w:pPr')[0], 'w:ind')[0];
    return ind.attrs['w:left'] !== '0' || ind.attrs['w:firstLine'] !== '0';
  });
  for (const p of indented) {
    const ind = childElements(childElements(p, 'w:pPr')[0], 'w:ind')[0];
    expect(ind.attrs['w:left']).toBe(ind.attrs['w:right']);
    const rule = childElements(childElements(p, 'w:pPr')[0], 'w:pBdr').length === 1;
    const sectionText =
      id === 'plan-2026' && !inCells.has(p) && ind.attrs['w:left'] === '0' && ind.attrs['w:firstLine'] === '567';
    expect(rule || sectionText).toBe(true);
  }
});
