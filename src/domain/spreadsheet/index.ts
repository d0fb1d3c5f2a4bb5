/**
 * A small SpreadsheetML (.xlsx) writer: a workbook described as sheets of rows and cells, turned into the
 * XML parts of the package with the project's own serializer (so every text is escaped in one place).
 * Pure: zipping the parts is done by src/docx/xlsx.ts, the same in Node and in the browser (no eval).
 *
 * What it knows is what a reviewer's summary needs: shared strings and numbers, a few cell styles
 * (bold, italic, fill, wrap, borders), column widths, row heights, merged cells, frozen panes, a filter
 * over a heading row, and print settings (A4 landscape fitted to the page width, heading rows repeated
 * on every page, a title in the page header and page numbers in the footer).
 */
import { el, serializeDocument, text, type XElement, type XNode } from '../ooxml/xml';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font colour, RRGGBB. */
  readonly color?: string;
  /** Font size in points (default 11). */
  readonly size?: number;
  /** Solid background, RRGGBB. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly vertical?: 'top' | 'center';
  readonly horizontal?: 'left' | 'center';
  /** Thin border: under the cell only, or all round it. */
  readonly border?: 'bottom' | 'all';
}

export type CellValue = string | number | null | undefined;

export interface StyledCell {
  readonly v: CellValue;
  readonly s?: CellStyle;
}

export type Cell = CellValue | StyledCell;

export interface SheetRow {
  readonly cells: readonly Cell[];
  /** Points. */
  readonly height?: number;
  /** Style of every cell of the row that has none of its own. */
  readonly style?: CellStyle;
}

/** A rectangle of cells, 0-based. */
export interface CellRange {
  readonly row: number;
  readonly col: number;
  readonly rows?: number;
  readonly cols?: number;
}

export interface Sheet {
  /** At most 31 characters, none of : \ / ? * [ ] (see sheetName). */
  readonly name: string;
  /** Widths in characters, by column. */
  readonly widths: readonly number[];
  readonly rows: readonly SheetRow[];
  readonly merges?: readonly CellRange[];
  /** Rows and columns kept in view while scrolling. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** A filter button on each column of this (0-based) heading row, from the first column to the last with a width. */
  readonly filterRow?: number;
  readonly print?: {
    /** Shown in the page header. */
    readonly title?: string;
    /** Rows printed at the top of every page, 0-based and inclusive. */
    readonly repeatRows?: readonly [number, number];
  };
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
  readonly title?: string;
  readonly creator?: string;
  readonly created?: Date;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Characters Excel refuses in sheet names. */
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/g;

/** A valid sheet name from any text: forbidden characters replaced, at most 31 characters, not starting or ending with an apostrophe. */
export function sheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  let base =
    name
      .replace(SHEET_NAME_FORBIDDEN, '-')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Trang';
  base = base.slice(0, 31).trim();
  let out = base;
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === out.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    out = base.slice(0, 31 - suffix.length).trim() + suffix;
  }
  return out;
}

/** "A", "B", … "Z", "AA", … for a 0-based column. */
export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3" for 0-based row 2, column 1. */
export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

function rangeRef(r: CellRange): string {
  return `${cellRef(r.row, r.col)}:${cellRef(r.row + (r.rows ?? 1) - 1, r.col + (r.cols ?? 1) - 1)}`;
}

function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Text for a page header or footer: '&' starts a code there, so it is doubled. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&');
}

/** Styles used by the workbook, numbered in the order first seen (0 is the plain default). */
class StyleTable {
  private readonly keys = new Map<string, number>([['{}', 0]]);
  private readonly styles: CellStyle[] = [{}];

  id(s: CellStyle | undefined): number {
    if (!s) return 0;
    const key = JSON.stringify(s, Object.keys(s).sort());
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(s);
      this.keys.set(key, id);
    }
    return id;
  }

  xml(): string {
    const fonts: string[] = [];
    const fills: string[] = [];
    const borders = ['none', 'bottom', 'all'];
    const index = (list: string[], key: string) => {
      let i = list.indexOf(key);
      if (i < 0) i = list.push(key) - 1;
      return i;
    };
    const font = (s: CellStyle) => {
      const children: XElement[] = [];
      if (s.bold) children.push(el('b'));
      if (s.italic) children.push(el('i'));
      children.push(el('sz', { val: s.size ?? 11 }));
      if (s.color) children.push(el('color', { rgb: `FF${s.color}` }));
      children.push(el('name', { val: 'Times New Roman' }), el('family', { val: 1 }), el('charset', { val: 163 }));
      return el('font', {}, children);
    };
    const xfs = this.styles.map((s) => {
      const fontId = index(fonts, JSON.stringify([!!s.bold, !!s.italic, s.size ?? 11, s.color ?? '']));
      // Fills 0 and 1 are reserved (none, gray125).
      const fillId = s.fill ? 2 + index(fills, s.fill) : 0;
      const borderId = borders.indexOf(s.border ?? 'none');
      const align = s.wrap || s.vertical || s.horizontal;
      return el(
        'xf',
        {
          numFmtId: 0,
          fontId,
          fillId,
          borderId,
          xfId: 0,
          applyFont: fontId ? 1 : undefined,
          applyFill: fillId ? 1 : undefined,
          applyBorder: borderId ? 1 : undefined,
          applyAlignment: align ? 1 : undefined,
        },
        align ? [el('alignment', { wrapText: s.wrap ? 1 : undefined, vertical: s.vertical, horizontal: s.horizontal })] : [],
      );
    });
    const fontEls = fonts.map((k) => {
      const [bold, italic, size, color] = JSON.parse(k) as [boolean, boolean, number, string];
      return font({ bold, italic, size, color: color || undefined });
    });
    const thin = (name: string, on: boolean) => (on ? el(name, { style: 'thin' }, [el('color', { rgb: 'FF808080' })]) : el(name));
    const borderEl = (b: string) =>
      el('border', {}, [
        thin('left', b === 'all'),
        thin('right', b === 'all'),
        thin('top', b === 'all'),
        thin('bottom', b !== 'none'),
        el('diagonal'),
      ]);
    return serializeDocument(
      el('styleSheet', { xmlns: NS_MAIN }, [
        el('fonts', { count: fontEls.length }, fontEls),
        el('fills', { count: fills.length + 2 }, [
          el('fill', {}, [el('patternFill', { patternType: 'none' })]),
          el('fill', {}, [el('patternFill', { patternType: 'gray125' })]),
          ...fills.map((f) =>
            el('fill', {}, [
              el('patternFill', { patternType: 'solid' }, [el('fgColor', { rgb: `FF${f}` }), el('bgColor', { indexed: 64 })]),
            ]),
          ),
        ]),
        el('borders', { count: borders.length }, borders.map(borderEl)),
        el('cellStyleXfs', { count: 1 }, [el('xf', { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 })]),
        el('cellXfs', { count: xfs.length }, xfs),
        el('cellStyles', { count: 1 }, [el('cellStyle', { name: 'Normal', xfId: 0, builtinId: 0 })]),
      ]),
    );
  }
}

/** Strings stored once in xl/sharedStrings.xml. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.push(s) - 1;
      this.ids.set(s, id);
    }
    return id;
  }

  xml(): string {
    const items = this.list.map((s) => {
      const keep = /^\s|\s$|\n/.test(s) ? { 'xml:space': 'preserve' } : {};
      return el('si', {}, [el('t', keep, [text(s)])]);
    });
    return serializeDocument(el('sst', { xmlns: NS_MAIN, count: this.count, uniqueCount: this.list.length }, items));
  }
}

function isStyled(c: Cell): c is StyledCell {
  return typeof c === 'object' && c !== null;
}

function sheetXml(sheet: Sheet, strings: SharedStrings, styles: StyleTable, selected: boolean): string {
  const lastCol = Math.max(sheet.widths.length, ...sheet.rows.map((r) => r.cells.length), 1) - 1;
  const rows: XElement[] = sheet.rows.map((row, r) => {
    const cells: XNode[] = [];
    row.cells.forEach((cell, c) => {
      const value = isStyled(cell) ? cell.v : cell;
      const style = styles.id((isStyled(cell) ? cell.s : undefined) ?? row.style);
      if ((value === null || value === undefined || value === '') && !style) return;
      const ref = cellRef(r, c);
      const s = style || undefined;
      if (typeof value === 'number' && Number.isFinite(value)) {
        cells.push(el('c', { r: ref, s }, [el('v', {}, [text(String(value))])]));
      } else if (value === null || value === undefined || value === '' || typeof value === 'number') {
        cells.push(el('c', { r: ref, s }));
      } else {
        cells.push(el('c', { r: ref, s, t: 's' }, [el('v', {}, [text(String(strings.id(value)))])]));
      }
    });
    return el('row', { r: r + 1, ht: row.height, customHeight: row.height ? 1 : undefined }, cells);
  });
  const freeze = sheet.freeze && (sheet.freeze.rows || sheet.freeze.cols) ? sheet.freeze : undefined;
  const pane = freeze
    ? (() => {
        const active = freeze.rows && freeze.cols ? 'bottomRight' : freeze.rows ? 'bottomLeft' : 'topRight';
        return [
          el('pane', {
            xSplit: freeze.cols || undefined,
            ySplit: freeze.rows || undefined,
            topLeftCell: cellRef(freeze.rows, freeze.cols),
            activePane: active,
            state: 'frozen',
          }),
          el('selection', {
            pane: active,
            activeCell: cellRef(freeze.rows, freeze.cols),
            sqref: cellRef(freeze.rows, freeze.cols),
          }),
        ];
      })()
    : [];
  const children: XElement[] = [
    el('sheetPr', {}, [el('pageSetUpPr', { fitToPage: 1 })]),
    el('dimension', { ref: `A1:${cellRef(Math.max(sheet.rows.length - 1, 0), lastCol)}` }),
    el('sheetViews', {}, [el('sheetView', { tabSelected: selected ? 1 : undefined, workbookViewId: 0 }, pane)]),
    el('sheetFormatPr', { defaultRowHeight: 15 }),
  ];
  if (sheet.widths.length) {
    children.push(
      el(
        'cols',
        {},
        sheet.widths.map((w, i) => el('col', { min: i + 1, max: i + 1, width: Math.round(w * 100) / 100, customWidth: 1 })),
      ),
    );
  }
  children.push(el('sheetData', {}, rows));
  if (sheet.filterRow !== undefined) {
    children.push(el('autoFilter', { ref: `${cellRef(sheet.filterRow, 0)}:${cellRef(sheet.filterRow, lastCol)}` }));
  }
  if (sheet.merges?.length) {
    children.push(
      el(
        'mergeCells',
        { count: sheet.merges.length },
        sheet.merges.map((m) => el('mergeCell', { ref: rangeRef(m) })),
      ),
    );
  }
  children.push(
    el('printOptions', { gridLines: 1, horizontalCentered: 1 }),
    el('pageMargins', { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }),
    // paperSize 9: A4. fitToHeight 0: as many pages down as needed, one page across.
    el('pageSetup', { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 }),
    el('headerFooter', {}, [
      el('oddHeader', {}, [text(`&C&"-,Bold"${headerText(sheet.print?.title ?? sheet.name)}`)]),
      el('oddFooter', {}, [text(`&L${headerText(sheet.name)}&RTrang &P / &N`)]),
    ]),
  );
  return serializeDocument(el('worksheet', { xmlns: NS_MAIN, 'xmlns:r': NS_REL }, children));
}

function workbookXml(wb: Workbook): string {
  const names: XElement[] = [];
  wb.sheets.forEach((s, i) => {
    const lastCol = Math.max(s.widths.length, ...s.rows.map((r) => r.cells.length), 1) - 1;
    if (s.filterRow !== undefined) {
      const ref = `${quotedSheet(s.name)}!$A$${s.filterRow + 1}:$${columnName(lastCol)}$${Math.max(s.rows.length, s.filterRow + 1)}`;
      names.push(el('definedName', { name: '_xlnm._FilterDatabase', localSheetId: i, hidden: 1 }, [text(ref)]));
    }
    if (s.print?.repeatRows) {
      const [a, b] = s.print.repeatRows;
      names.push(
        el('definedName', { name: '_xlnm.Print_Titles', localSheetId: i }, [text(`${quotedSheet(s.name)}!$${a + 1}:$${b + 1}`)]),
      );
    }
  });
  return serializeDocument(
    el('workbook', { xmlns: NS_MAIN, 'xmlns:r': NS_REL }, [
      el('bookViews', {}, [el('workbookView', { activeTab: 0 })]),
      el(
        'sheets',
        {},
        wb.sheets.map((s, i) => el('sheet', { name: s.name, sheetId: i + 1, 'r:id': `rId${i + 1}` })),
      ),
      ...(names.length ? [el('definedNames', {}, names)] : []),
    ]),
  );
}

function checkNames(wb: Workbook): void {
  const seen = new Set<string>();
  for (const s of wb.sheets) {
    if (sheetName(s.name) !== s.name || seen.has(s.name.toLowerCase())) {
      throw new Error(`Invalid or repeated sheet name: ${JSON.stringify(s.name)}`);
    }
    seen.add(s.name.toLowerCase());
  }
  if (!wb.sheets.length) throw new Error('A workbook needs at least one sheet.');
}

function isoDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The XML parts of the .xlsx package, by path, in the order they are zipped. */
export function workbookParts(wb: Workbook): Map<string, string> {
  checkNames(wb);
  const strings = new SharedStrings();
  const styles = new StyleTable();
  const sheets = wb.sheets.map((s, i) => sheetXml(s, strings, styles, i === 0));
  const n = wb.sheets.length;
  const parts = new Map<string, string>();
  parts.set(
    '[Content_Types].xml',
    serializeDocument(
      el('Types', { xmlns: NS_CT }, [
        el('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }),
        el('Default', { Extension: 'xml', ContentType: 'application/xml' }),
        el('Override', { PartName: '/xl/workbook.xml', ContentType: `${CT}.sheet.main+xml` }),
        ...sheets.map((_, i) =>
          el('Override', { PartName: `/xl/worksheets/sheet${i + 1}.xml`, ContentType: `${CT}.worksheet+xml` }),
        ),
        el('Override', { PartName: '/xl/styles.xml', ContentType: `${CT}.styles+xml` }),
        el('Override', { PartName: '/xl/sharedStrings.xml', ContentType: `${CT}.sharedStrings+xml` }),
        el('Override', {
          PartName: '/docProps/core.xml',
          ContentType: 'application/vnd.openxmlformats-package.core-properties+xml',
        }),
        el('Override', {
          PartName: '/docProps/app.xml',
          ContentType: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
        }),
      ]),
    ),
  );
  parts.set(
    '_rels/.rels',
    serializeDocument(
      el('Relationships', { xmlns: NS_PKG_REL }, [
        el('Relationship', { Id: 'rId1', Type: `${REL}/officeDocument`, Target: 'xl/workbook.xml' }),
        el('Relationship', {
          Id: 'rId2',
          Type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
          Target: 'docProps/core.xml',
        }),
        el('Relationship', { Id: 'rId3', Type: `${REL}/extended-properties`, Target: 'docProps/app.xml' }),
      ]),
    ),
  );
  const created = wb.created ?? new Date();
  parts.set(
    'docProps/core.xml',
    serializeDocument(
      el(
        'cp:coreProperties',
        {
          'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
          'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
          'xmlns:dcterms': 'http://purl.org/dc/terms/',
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        },
        [
          ...(wb.title ? [el('dc:title', {}, [text(wb.title)])] : []),
          el('dc:creator', {}, [text(wb.creator ?? 'ctcl')]),
          el('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, [text(isoDate(created))]),
          el('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, [text(isoDate(created))]),
        ],
      ),
    ),
  );
  parts.set(
    'docProps/app.xml',
    serializeDocument(
      el('Properties', { xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties' }, [
        el('Application', {}, [text('ctcl')]),
      ]),
    ),
  );
  parts.set('xl/workbook.xml', workbookXml(wb));
  parts.set(
    'xl/_rels/workbook.xml.rels',
    serializeDocument(
      el('Relationships', { xmlns: NS_PKG_REL }, [
        ...sheets.map((_, i) =>
          el('Relationship', { Id: `rId${i + 1}`, Type: `${REL}/worksheet`, Target: `worksheets/sheet${i + 1}.xml` }),
        ),
        el('Relationship', { Id: `rId${n + 1}`, Type: `${REL}/styles`, Target: 'styles.xml' }),
        el('Relationship', { Id: `rId${n + 2}`, Type: `${REL}/sharedStrings`, Target: 'sharedStrings.xml' }),
      ]),
    ),
  );
  sheets.forEach((xml, i) => parts.set(`xl/worksheets/sheet${i + 1}.xml`, xml));
  parts.set('xl/styles.xml', styles.xml());
  parts.set('xl/sharedStrings.xml', strings.xml());
  return parts;
}
