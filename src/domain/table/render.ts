/**
 * Renders the table model (a TableSpec) as a WordprocessingML table, with the writer's cells and
 * paragraphs: heading rows from the form, body rows from the model, wrapped in our content control.
 */
import { getCatalog } from '../catalog';
import { fillYear, getForm, SECTION_LABELS, type ColumnDef, type TableForm } from '../forms';
import {
  cell,
  contentControl,
  controlTag,
  newId,
  newNumericId,
  paragraph,
  paragraphs,
  row,
  type ParagraphStyle,
} from '../ooxml/writer';
import { el, type XElement } from '../ooxml/xml';
import { criterionLabel, standardLabel, type BodyRow, type TableSpec } from './model';
import { props } from '../ooxml/schema-order';
import { normalizeNewlines } from '../text';

const HEADING: ParagraphStyle = { bold: true, align: 'center' };

function widthOf(form: TableForm, from: number, span: number): number {
  let w = 0;
  for (let i = from; i < from + span; i++) w += form.columns[i].width;
  return w;
}

/** A leaf heading as written: the year filled in, and «(n)» after it where the form numbers its headings. */
export function headingText(form: TableForm, c: ColumnDef, schoolYear: string): string {
  const h = fillYear(c.heading, schoolYear);
  return form.numbersInHeadings && c.number ? `${h} (${c.number})` : h;
}

/** The heading rows of a form: one row, or two for the report (grouped headings), plus the number row. */
function headerRows(form: TableForm, schoolYear: string): XElement[] {
  const hasGroups = form.columns.some((c) => c.group);
  const rows: XElement[] = [];
  if (!hasGroups) {
    rows.push(
      row(
        form.columns.map((c) =>
          cell(paragraphs(headingText(form, c, schoolYear), HEADING), { width: c.width, vAlign: 'center' }),
        ),
        { header: true },
      ),
    );
  } else {
    const top: XElement[] = [];
    const bottom: XElement[] = [];
    for (let i = 0; i < form.columns.length;) {
      const c = form.columns[i];
      if (!c.group) {
        top.push(
          cell(paragraphs(fillYear(c.heading, schoolYear), HEADING), { width: c.width, vMerge: 'restart', vAlign: 'center' }),
        );
        bottom.push(cell([paragraph('', HEADING)], { width: c.width, vMerge: 'continue', vAlign: 'center' }));
        i++;
        continue;
      }
      let span = 0;
      while (i + span < form.columns.length && form.columns[i + span].group === c.group) span++;
      const group = form.groups.find((g) => g.key === c.group);
      top.push(
        cell(paragraphs(fillYear(group?.heading ?? '', schoolYear), HEADING), {
          width: widthOf(form, i, span),
          span,
          vAlign: 'center',
        }),
      );
      for (let k = i; k < i + span; k++) {
        const leaf = form.columns[k];
        bottom.push(cell(paragraphs(fillYear(leaf.heading, schoolYear), HEADING), { width: leaf.width, vAlign: 'center' }));
      }
      i += span;
    }
    rows.push(row(top, { header: true }), row(bottom, { header: true }));
  }
  if (form.numberRow) {
    rows.push(
      row(
        form.columns.map((c, i) =>
          cell([paragraph(`(${c.number ?? i + 1})`, { align: 'center', italic: true })], { width: c.width }),
        ),
        { header: true },
      ),
    );
  }
  return rows;
}

function totalWidth(form: TableForm): number {
  return form.columns.reduce((s, c) => s + c.width, 0);
}

/** Cells for a row spanning the whole table (level sections), kept with the row under it. */
function fullWidthRow(form: TableForm, value: string, style: ParagraphStyle): XElement {
  return row([cell(paragraphs(value, { ...style, keepNext: true }), { width: totalWidth(form), span: form.columns.length })], {
    cantSplit: true,
  });
}

/**
 * Text height of an A4 landscape page with NĐ 30 margins (11906 − 2 × 1134 twips), less the repeated
 * heading rows (about a quarter of the page): a body row taller than this may have to break.
 */
const ROOM_FOR_A_ROW = 11906 - 2 * 1134 - 2400;

/** 13 pt Times New Roman: about 5.5 pt a character on average, 15 pt a line (single spacing), in twips. */
const CHAR_TWIPS = 110;
const LINE_TWIPS = 300;
/** Cell margins left and right (Word's default 0.08″ each). */
const CELL_MARGINS = 230;

/** Estimated height of a row's text in twips: its tallest cell, lines wrapped at the cell's width. */
export function estimatedRowHeight(cells: readonly { readonly text: string; readonly width: number }[]): number {
  let tallest = 0;
  for (const c of cells) {
    const perLine = Math.max(1, Math.floor((c.width - CELL_MARGINS) / CHAR_TWIPS));
    const lines = normalizeNewlines(c.text)
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    tallest = Math.max(tallest, lines * LINE_TWIPS);
  }
  return tallest;
}

/**
 * w:cantSplit for a row that fits on a page (it moves whole to the next page instead of breaking); a
 * row taller than a page is left free to break: Word would otherwise cut its text at the page's foot.
 */
function keepWhole(cells: readonly { readonly text: string; readonly width: number }[]): boolean {
  return estimatedRowHeight(cells) <= ROOM_FOR_A_ROW;
}

/** The body row for a model row. */
function bodyRow(form: TableForm, spec: Pick<TableSpec, 'framework' | 'schoolType'>, r: BodyRow): XElement {
  const catalog = r.kind === 'criterion' ? getCatalog(spec.framework, spec.schoolType) : undefined;
  const ttIndex = form.columns.findIndex((c) => c.role === 'tt');
  switch (r.kind) {
    case 'section':
      return fullWidthRow(form, r.text ?? SECTION_LABELS[r.section], { bold: true });
    case 'standard': {
      const label = standardLabel(r.standard, r.title);
      if (ttIndex !== 0) return fullWidthRow(form, label, { bold: true });
      // TT carries the standard's number; the title spans the rest of the row.
      const rest = form.columns.length - 1;
      return row(
        [
          cell([paragraph(String(r.standard), { bold: true, align: 'center', keepNext: true })], {
            width: form.columns[0].width,
          }),
          cell(paragraphs(label, { bold: true, keepNext: true }), { width: widthOf(form, 1, rest), span: rest }),
        ],
        { cantSplit: true },
      );
    }
    case 'criterion': {
      const label = criterionLabel(catalog!, r.ref, r.level);
      const texts = form.columns.map((c) => ({
        width: c.width,
        text: c.role === 'criterion' ? [...label, r.cells[c.key] ?? ''].join('\n') : (r.cells[c.key] ?? ''),
      }));
      return row(
        form.columns.map((c) => {
          if (c.role === 'criterion') {
            const extra = r.cells[c.key];
            const content = [...label.map((l) => paragraph(l)), ...(extra ? paragraphs(extra) : [])];
            return cell(content, { width: c.width });
          }
          if (c.role === 'tt') return cell([paragraph('', { align: 'center' })], { width: c.width });
          return cell(paragraphs(r.cells[c.key] ?? ''), { width: c.width });
        }),
        { cantSplit: keepWhole(texts) },
      );
    }
    case 'item':
      return row(
        form.columns.map((c) =>
          cell(c.role === 'tt' ? [paragraph(r.tt, { align: 'center' })] : paragraphs(r.cells[c.key] ?? ''), { width: c.width }),
        ),
        { cantSplit: keepWhole(form.columns.map((c) => ({ width: c.width, text: r.cells[c.key] ?? '' }))) },
      );
    case 'fixed':
      return row(
        form.columns.map((c, i) =>
          cell(i === 0 ? paragraphs(r.label, { bold: true }) : paragraphs(r.cells[c.key] ?? ''), { width: c.width }),
        ),
        {
          cantSplit: keepWhole(
            form.columns.map((c, i) => ({ width: c.width, text: i === 0 ? r.label : (r.cells[c.key] ?? '') })),
          ),
        },
      );
  }
}

const TABLE_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

/** The whole table for a spec. */
export function buildTable(spec: TableSpec): XElement {
  const form = getForm(spec.form);
  const tblPr = props('w:tblPr', [
    el('w:tblW', { 'w:w': totalWidth(form), 'w:type': 'dxa' }),
    el('w:jc', { 'w:val': 'center' }),
    el(
      'w:tblBorders',
      {},
      TABLE_BORDERS.map((b) => el(`w:${b}`, { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': '000000' })),
    ),
    el('w:tblLayout', { 'w:type': 'fixed' }),
    props('w:tblCellMar', [
      el('w:top', { 'w:w': 28, 'w:type': 'dxa' }),
      el('w:left', { 'w:w': 85, 'w:type': 'dxa' }),
      el('w:bottom', { 'w:w': 28, 'w:type': 'dxa' }),
      el('w:right', { 'w:w': 85, 'w:type': 'dxa' }),
    ]),
    el('w:tblLook', {
      'w:val': '04A0',
      'w:firstRow': 1,
      'w:lastRow': 0,
      'w:firstColumn': 1,
      'w:lastColumn': 0,
      'w:noHBand': 0,
      'w:noVBand': 1,
    }),
  ]);
  const grid = el(
    'w:tblGrid',
    {},
    form.columns.map((c) => el('w:gridCol', { 'w:w': c.width })),
  );
  return el('w:tbl', {}, [tblPr, grid, ...headerRows(form, spec.schoolYear), ...spec.rows.map((r) => bodyRow(form, spec, r))]);
}

interface InsertableTable {
  readonly tag: string;
  readonly sdt: XElement;
}

/** The table of a spec wrapped in its content control, ready to insert. */
export function buildTableBlock(spec: TableSpec, id = newId()): InsertableTable {
  const form = getForm(spec.form);
  const tag = controlTag(spec.form, id);
  return { tag, sdt: contentControl([buildTable(spec)], tag, form.controlTitle, newNumericId()) };
}
