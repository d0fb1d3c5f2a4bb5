/**
 * A small fake of Word's request context for the gateway tests. It behaves like Office.js where the
 * gateway depends on it: calls are queued and take effect at context.sync(); loaded properties and
 * ClientResult values can be read only after a sync; every sync is counted; errors surface at sync.
 *
 * The document is real OOXML. The fake finds its tables with its own walk over the XML (pre-order,
 * nested tables included) and keeps each table as a grid of cell texts that the edit calls change
 * (insertRows, mergeCells, insertText, insertParagraph, clear, insertOoxml over a table). It does not
 * use the domain reader, so tests can check the gateway's mapping and edits against it.
 * body.getOoxml() always returns the document as it was opened.
 *
 * Word behaviours the gateway must survive, reproduced here (each cited where the gateway handles it):
 * - loading cellIndex of a vertically merged cell fails the sync with GeneralException (office-js#3200);
 * - compareLocationWith answers ContainsStart/ContainsEnd for a nested table at the edge of its outer one;
 * - insertOoxml at a cursor in a table cell nests the new table there (recorded as `nested`);
 * - tables in text boxes are listed by body.tables;
 * - with Track Changes on, replacing a table keeps its old rows, marked deleted (office-js#334);
 * - Word on the web: NotAllowed for operations it does not support, payload-limit errors over ~5 MB.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the proxies' getters (like Office.js properties) need the fake itself */
import { childElements, serialize, type XElement } from '../../src/domain/ooxml/xml';
import type { AsyncResultLike, CustomXmlPartLike, CustomXmlPartsLike, WordRun } from '../../src/word/gateway';
import { parseXml } from '../../src/xml/node';

/** A table as the fake sees it. */
export interface FakeTable {
  /** Position in document order (pre-order, nested included). */
  readonly id: number;
  readonly level: number;
  readonly parent?: { readonly table: number; readonly row: number; readonly cell: number };
  /** Cell texts by row (paragraphs joined by \n); edits change them. */
  cells: string[][];
  /** Cells that continue or start a vertical merge (w:vMerge), by row. */
  readonly vMerged: boolean[][];
  /** A nested table that opens its outer table's first cell, or closes its last one. */
  readonly edge?: 'start' | 'end';
  /** Inside a text box (w:txbxContent): Word lists it, the reader does not read it as a table. */
  readonly inTextBox?: boolean;
  /** Rows kept, marked deleted, by a tracked rewrite. */
  deletedRows?: number;
}

export interface FakeSelection {
  readonly kind: 'cell' | 'row';
  readonly table: number;
  readonly row: number;
  readonly cell: number;
}

export interface OfficeErrorLike {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

export interface FakeWordOptions {
  /** The main document part (w:document), as XML text. */
  readonly documentXml: string;
  /** Whether body.tables lists nested tables as well (Word does not document it; test both). */
  readonly nestedInBodyTables?: boolean;
  /** With nested tables listed: in document order, or all top-level tables first. */
  readonly listOrder?: 'document' | 'top-first';
  /** The cell the cursor is in; undefined = the cursor is in body text. */
  readonly cursor?: { readonly table: number; readonly row: number; readonly cell: number };
  /** The story the cursor is in (default: the main document, or a table cell when `cursor` is set). */
  readonly cursorStory?: 'Header' | 'Footer' | 'Footnote' | 'Endnote';
  /** The content control around the cursor, by its tag (ours start with "ctcl:"). */
  readonly cursorControl?: { readonly tag: string };
  /** Make every sync that carries a write fail with this Office error. */
  readonly failWrites?: OfficeErrorLike;
  /** Document.changeTrackingMode (WordApi 1.4); anything but "Off" keeps replaced rows, marked deleted. */
  readonly changeTrackingMode?: 'Off' | 'TrackAll' | 'TrackMineOnly';
  /** Word on the web: these calls (e.g. "range.insertOoxml") fail with NotAllowed. */
  readonly notAllowed?: readonly string[];
  /** Word on the web: a getOoxml result longer than this fails with ResponsePayloadSizeLimitExceeded. */
  readonly responseLimit?: number;
  /** What body.getOoxml() gives, when the test has the whole package (images, comments…); else flatOpcOf(documentXml). */
  readonly ooxml?: string;
}

type Pos = { table: number; row: number; cell: number };

function officeError(code: string, message: string): OfficeErrorLike & Error {
  return Object.assign(new Error(message), { name: 'OfficeExtension.Error', code });
}

const CONTAINERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag']);

/** Text of a paragraph: w:t, tabs, line breaks; deleted text and text boxes left out. */
function paragraphText(e: XElement): string {
  let s = '';
  for (const c of e.children) {
    if (c.t !== 'e') continue;
    if (c.name === 'w:t') s += c.children.map((x) => (x.t === 'x' ? x.v : '')).join('');
    else if (c.name === 'w:tab') s += '\t';
    else if (c.name === 'w:br' && !c.attrs['w:type']) s += '\n';
    else if (!['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:drawing', 'w:pict', 'mc:AlternateContent'].includes(c.name))
      s += paragraphText(c);
  }
  return s;
}

function allParagraphs(e: XElement): XElement[] {
  const found: XElement[] = [];
  for (const c of e.children) {
    if (c.t !== 'e') continue;
    if (c.name === 'w:p') found.push(c);
    else found.push(...allParagraphs(c));
  }
  return found;
}

function childrenNamed(e: XElement, name: string): XElement[] {
  const found: XElement[] = [];
  for (const c of e.children) {
    if (c.t !== 'e') continue;
    if (c.name === name) found.push(c);
    else if (CONTAINERS.has(c.name)) found.push(...childrenNamed(c, name));
  }
  return found;
}

/** Walk a tree: every w:tbl in pre-order, with the texts of its cells (text boxes included, as Word lists them). */
export function walkTables(root: XElement): FakeTable[] {
  const out: FakeTable[] = [];
  const visitTable = (tbl: XElement, level: number, parent: FakeTable['parent'], extra: Partial<FakeTable>): void => {
    const id = out.length;
    const trs = childrenNamed(tbl, 'w:tr');
    const cells = trs.map((tr) => childrenNamed(tr, 'w:tc').map((tc) => childrenNamed(tc, 'w:p').map(paragraphText).join('\n')));
    const vMerged = trs.map((tr) => childrenNamed(tr, 'w:tc').map((tc) => JSON.stringify(tc).includes('"w:vMerge"')));
    out.push({ id, level, parent, cells, vMerged, ...extra });
    trs.forEach((tr, r) => {
      const tcs = childrenNamed(tr, 'w:tc');
      tcs.forEach((tc, c) => {
        const blocks = tc.children.filter((x): x is XElement => x.t === 'e' && (x.name === 'w:p' || x.name === 'w:tbl'));
        for (const nested of childrenNamed(tc, 'w:tbl')) {
          const first = r === 0 && c === 0 && blocks[0] === nested;
          // Word keeps a paragraph after a nested table; the last block but that one closes the cell.
          const last = r === trs.length - 1 && c === tcs.length - 1 && blocks[blocks.length - 2] === nested;
          visitTable(nested, level + 1, { table: id, row: r, cell: c }, first ? { edge: 'start' } : last ? { edge: 'end' } : {});
        }
      });
    });
  };
  const visit = (e: XElement, inTextBox: boolean): void => {
    for (const c of e.children) {
      if (c.t !== 'e') continue;
      // A drawing's fallback repeats its text box for old readers: Word has it once.
      if (c.name === 'mc:Fallback') continue;
      if (c.name === 'w:tbl') visitTable(c, 1, undefined, inTextBox ? { inTextBox } : {});
      else visit(c, inTextBox || c.name === 'w:txbxContent');
    }
  };
  visit(root, false);
  return out;
}

/** The w:document inside a Flat OPC package. */
export function documentOfPackage(pkg: XElement): XElement {
  for (const part of childElements(pkg, 'pkg:part')) {
    if (part.attrs['pkg:name'] !== '/word/document.xml') continue;
    const doc = childElements(childElements(part, 'pkg:xmlData')[0])[0];
    if (doc) return doc;
  }
  throw new Error('no /word/document.xml part');
}

/** The Flat OPC package Word's body.getOoxml() returns for a main document part. */
export function flatOpcOf(documentXml: string): string {
  const doc = serialize(parseXml(documentXml));
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml" pkg:padding="512">' +
    '<pkg:xmlData><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships></pkg:xmlData></pkg:part>' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">' +
    `<pkg:xmlData>${doc}</pkg:xmlData></pkg:part>` +
    '<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml">' +
    '<pkg:xmlData><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/></pkg:xmlData></pkg:part>' +
    '</pkg:package>'
  );
}

type Op = () => void;

/** Records calls and counts syncs. Use `run` as the gateway's Word.run. */
export class FakeWord {
  syncs = 0;
  /** insertOoxml calls that took effect: at the cursor ('selection') or over a table. */
  readonly inserted: {
    ooxml: string;
    location: string;
    at: 'selection' | 'table' | 'after-table' | 'after-control' | 'body-start' | 'body-end';
    /** after-table: the table it went after. */
    table?: number;
    /** At a cursor in a table cell: the table the new one got nested in. */
    nested?: number;
  }[] = [];
  readonly selections: FakeSelection[] = [];
  /** Documents opened with application.createDocument(base64).open(), as bytes. */
  readonly opened: Uint8Array[] = [];
  readonly merges: { table: number; row: number; first: number; last: number }[] = [];
  readonly formatting: { table: number; row: number; cell: number; bold?: boolean; align?: string }[] = [];
  /** Every API call, in order (e.g. "body.getOoxml", "table.getCell(2,1)"). */
  readonly calls: string[] = [];
  readonly tables: FakeTable[];
  readonly ooxml: string;
  private queue: Op[] = [];
  private writes = 0;

  constructor(readonly options: FakeWordOptions) {
    this.tables = walkTables(parseXml(options.documentXml));
    this.ooxml = options.ooxml ?? flatOpcOf(options.documentXml);
  }

  readonly run: WordRun = async (batch) => batch(this.context() as unknown as Word.RequestContext);

  private enqueue(op: Op): void {
    this.queue.push(op);
  }

  private write(call: string, op: Op): void {
    this.calls.push(call);
    this.checkAllowed(call);
    this.writes++;
    this.enqueue(op);
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue;
    const writes = this.writes;
    const failing = this.failing;
    this.queue = [];
    this.writes = 0;
    this.failing = undefined;
    if (failing) throw failing;
    if (writes && this.options.failWrites) {
      const f = this.options.failWrites;
      throw officeError(f.code, f.message);
    }
    for (const op of ops) op();
  }

  /** An error the next sync raises (Office.js reports errors of queued calls at sync). */
  private failing: Error | undefined;

  private fail(code: string, message: string): void {
    this.failing ??= officeError(code, message);
  }

  /** Word on the web refuses some calls with NotAllowed. */
  private checkAllowed(call: string): void {
    if (this.options.notAllowed?.some((c) => call.startsWith(c))) this.fail('NotAllowed', `${call} is not allowed here`);
  }

  /** Tables a body lists: the whole document (parent undefined) or one cell's body. */
  private listed(parent?: Pos): FakeTable[] {
    const nested = this.options.nestedInBodyTables ?? true;
    const inside = (t: FakeTable): boolean => {
      if (!parent) return true;
      for (let p = t.parent; p; p = this.tables[p.table].parent) {
        if (p.table === parent.table && p.row === parent.row && p.cell === parent.cell) return true;
        if (!nested) return false;
      }
      return false;
    };
    const level = parent ? this.tables[parent.table].level + 1 : 1;
    const listed = this.tables.filter((t) => inside(t) && (nested || t.level === level));
    if (this.options.listOrder !== 'top-first') return listed;
    return [...listed.filter((t) => t.level === level), ...listed.filter((t) => t.level !== level)];
  }

  private context(): object {
    const fake = this;
    let trackingLoaded = false;
    const document = {
      body: this.body(),
      getSelection: () => {
        this.calls.push('document.getSelection');
        return this.selectionRange();
      },
      load: (what: string) => {
        fake.calls.push(`document.load(${what})`);
        fake.enqueue(() => (trackingLoaded = true));
        return document;
      },
      get changeTrackingMode(): string {
        if (!trackingLoaded) throw officeError('PropertyNotLoaded', 'changeTrackingMode read before load and sync');
        return fake.options.changeTrackingMode ?? 'Off';
      },
    };
    const application = {
      createDocument: (base64?: string) => {
        fake.calls.push('application.createDocument');
        return {
          open: () => fake.write('document.open', () => fake.opened.push(Buffer.from(base64 ?? '', 'base64'))),
        };
      },
    };
    return { document, application, sync: () => this.sync() };
  }

  private result<T>(compute: () => T): { readonly value: T } {
    let ready = false;
    let value: T;
    this.enqueue(() => {
      value = compute();
      ready = true;
    });
    return {
      get value(): T {
        if (!ready) throw officeError('ValueNotLoaded', 'ClientResult read before sync');
        return value;
      },
    };
  }

  private body(): object {
    const fake = this;
    let textLoaded = false;
    const body = {
      load: (what: string) => {
        fake.calls.push(`body.load(${what})`);
        fake.enqueue(() => (textLoaded = true));
        return body;
      },
      /** Body.text: every paragraph's text (table cells too), as Word gives it. */
      get text(): string {
        if (!textLoaded) throw officeError('PropertyNotLoaded', 'body.text read before load and sync');
        return allParagraphs(parseXml(fake.options.documentXml)).map(paragraphText).join('\r');
      },
      insertOoxml: (ooxml: string, location: string) => {
        if (location !== 'Start' && location !== 'End') throw new Error(`fake: body.insertOoxml ${location}`);
        fake.write(`body.insertOoxml(${location})`, () =>
          fake.inserted.push({ ooxml, location, at: location === 'Start' ? 'body-start' : 'body-end' }),
        );
      },
      getOoxml: () => {
        fake.calls.push('body.getOoxml');
        const limit = fake.options.responseLimit;
        if (limit !== undefined && fake.ooxml.length > limit) {
          fake.fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
        }
        return fake.result(() => fake.ooxml);
      },
      get tables() {
        return fake.collection(() => fake.listed(undefined));
      },
    };
    return body;
  }

  private collection(list: () => FakeTable[]): object {
    const fake = this;
    let items: object[] | undefined;
    const collection = {
      load: (what: string) => {
        fake.calls.push(`tables.load(${what})`);
        fake.enqueue(() => {
          items = list().map((t) => fake.tableProxy(() => t.id, /nestingLevel/.test(what), /rowCount/.test(what)));
        });
        return collection;
      },
      get items() {
        if (!items) throw officeError('PropertyNotLoaded', 'items read before load and sync');
        return items;
      },
      getFirst: () => {
        fake.calls.push('tables.getFirst');
        return fake.lazyTable(() => {
          const first = list()[0];
          if (!first) throw officeError('ItemNotFound', 'no table');
          return first.id;
        });
      },
    };
    return collection;
  }

  /** A table proxy whose identity is resolved at sync time (getFirst, getNext). */
  private lazyTable(resolve: () => number): object {
    let id: number | undefined;
    this.enqueue(() => {
      id = resolve();
    });
    return this.tableProxy(() => {
      if (id === undefined) throw new Error('table used before its sync');
      return id;
    }, false);
  }

  private tableProxy(idOf: () => number, levelLoaded: boolean, rowsLoaded = false): object {
    const fake = this;
    return {
      get nestingLevel(): number {
        if (!levelLoaded) throw officeError('PropertyNotLoaded', 'nestingLevel read before load and sync');
        return fake.tables[idOf()].level;
      },
      get rowCount(): number {
        if (!rowsLoaded) throw officeError('PropertyNotLoaded', 'rowCount read before load and sync');
        return fake.tables[idOf()].cells.length;
      },
      getCell: (row: number, cell: number) => {
        fake.calls.push(`table.getCell(${row},${cell})`);
        return fake.cell(() => ({ table: idOf(), row, cell }));
      },
      getRange: (where = 'Whole') => {
        fake.calls.push(`table.getRange(${where})`);
        return fake.tableRange(idOf);
      },
      getNext: () => {
        fake.calls.push('table.getNext');
        return fake.lazyTable(() => {
          const t = fake.tables[idOf()];
          const siblings = fake.tables.filter(
            (x) => x.parent?.table === t.parent?.table && x.parent?.row === t.parent?.row && x.parent?.cell === t.parent?.cell,
          );
          const next = siblings[siblings.indexOf(t) + 1];
          if (!next) throw officeError('ItemNotFound', 'no next table');
          return next.id;
        });
      },
      mergeCells: (topRow: number, firstCell: number, bottomRow: number, lastCell: number) => {
        fake.write(`table.mergeCells(${topRow},${firstCell},${bottomRow},${lastCell})`, () => {
          const t = fake.tables[idOf()];
          const row = t.cells[topRow];
          if (topRow !== bottomRow || !row || lastCell >= row.length) throw officeError('InvalidArgument', 'bad merge');
          const text = row
            .slice(firstCell, lastCell + 1)
            .filter(Boolean)
            .join('\n');
          row.splice(firstCell, lastCell - firstCell + 1, text);
          fake.merges.push({ table: t.id, row: topRow, first: firstCell, last: lastCell });
        });
      },
    };
  }

  private cell(at: () => Pos): object {
    const fake = this;
    const check = (): Pos => {
      const p = at();
      const t = fake.tables[p.table];
      if (!t || p.row >= t.cells.length || p.cell >= t.cells[p.row].length) throw officeError('ItemNotFound', 'no such cell');
      return p;
    };
    const setText = (f: (old: string) => string) => () => {
      const p = check();
      const row = fake.tables[p.table].cells[p.row];
      row[p.cell] = f(row[p.cell]);
    };
    const formatted = (): object => {
      const format = (f: { bold?: boolean; align?: string }): void => {
        fake.enqueue(() => fake.formatting.push({ ...check(), ...f }));
      };
      return {
        font: {
          set bold(v: boolean) {
            format({ bold: v });
          },
        },
        paragraphs: {
          getFirst: () => ({
            set alignment(v: string) {
              format({ align: v });
            },
          }),
        },
      };
    };
    return {
      get body() {
        return {
          get tables() {
            return fake.collection(() => fake.listed(check()));
          },
          getRange: (where = 'Whole') => {
            fake.calls.push(`cell.body.getRange(${where})`);
            return {
              select: () => {
                fake.calls.push('range.select');
                fake.enqueue(() => fake.selections.push({ kind: 'cell', ...check() }));
              },
            };
          },
          insertText: (text: string, where: string) => {
            if (where !== 'Replace') throw new Error(`fake: insertText ${where}`);
            fake.write(
              `cell.body.insertText(${where})`,
              setText(() => text),
            );
            return formatted();
          },
          insertParagraph: (text: string, where: string) => {
            if (where !== 'End') throw new Error(`fake: insertParagraph ${where}`);
            fake.write(
              `cell.body.insertParagraph(${where})`,
              setText((old) => `${old}\n${text}`),
            );
            return formatted();
          },
          clear: () =>
            fake.write(
              'cell.body.clear',
              setText(() => ''),
            ),
        };
      },
      get parentRow() {
        return {
          select: () => {
            fake.calls.push('row.select');
            fake.enqueue(() => {
              const p = check();
              fake.selections.push({ kind: 'row', table: p.table, row: p.row, cell: 0 });
            });
          },
          insertRows: (where: string, count: number) => {
            fake.write(`row.insertRows(${where},${count})`, () => {
              const p = check();
              const t = fake.tables[p.table];
              const fresh = Array.from({ length: count }, () => t.cells[p.row].map(() => ''));
              t.cells.splice(where === 'After' ? p.row + 1 : p.row, 0, ...fresh);
            });
            return {};
          },
          // TableRow.delete (WordApi 1.3).
          delete: () => {
            fake.write('row.delete', () => {
              const p = check();
              fake.tables[p.table].cells.splice(p.row, 1);
              fake.tables[p.table].vMerged.splice(p.row, 1);
            });
          },
        };
      },
    };
  }

  private tableRange(idOf: () => number): object {
    const fake = this;
    return {
      tableId: idOf,
      compareLocationWith: (other: { tableId: () => number }) => {
        fake.calls.push('range.compareLocationWith');
        return fake.result(() => fake.relation(idOf(), other.tableId()));
      },
      insertOoxml: (ooxml: string, where: string) => {
        fake.write(`table.range.insertOoxml(${where})`, () => {
          if (where === 'After') {
            fake.inserted.push({ ooxml, location: where, at: 'after-table', table: idOf() });
            return;
          }
          const [replacement] = walkTables(documentOfPackage(parseXml(ooxml)));
          if (!replacement || where !== 'Replace') throw officeError('InvalidArgument', 'not a table');
          const t = fake.tables[idOf()];
          // Track Changes keeps the replaced rows, marked deleted, until the changes are accepted.
          if ((fake.options.changeTrackingMode ?? 'Off') !== 'Off') t.deletedRows = (t.deletedRows ?? 0) + t.cells.length;
          t.cells = replacement.cells;
          fake.inserted.push({ ooxml, location: where, at: 'table' });
        });
        return {};
      },
    };
  }

  private relation(a: number, b: number): string {
    if (a === b) return 'Equal';
    const isAncestor = (x: number, y: number): boolean => {
      for (let p = this.tables[y].parent; p; p = this.tables[p.table].parent) if (p.table === x) return true;
      return false;
    };
    // A directly nested table at the edge of its outer table shares its start or end.
    const edge = (outer: number, inner: number): string =>
      this.tables[inner].parent?.table === outer && this.tables[inner].edge
        ? this.tables[inner].edge === 'start'
          ? 'Start'
          : 'End'
        : '';
    if (isAncestor(a, b)) return `Contains${edge(a, b)}`;
    if (isAncestor(b, a)) return `Inside${edge(b, a)}`;
    return a < b ? 'Before' : 'After';
  }

  /** An *OrNullObject proxy: its properties (and isNullObject) are readable after load and sync. */
  private orNull<T extends object>(
    target: T,
    props: Record<string, () => unknown>,
    isNull: boolean,
    onLoad?: (what: string) => void,
  ): T {
    let loaded = false;
    const obj = target as T & { load?: (what?: string) => unknown };
    Object.defineProperty(obj, 'isNullObject', {
      get: () => {
        if (!loaded) throw officeError('PropertyNotLoaded', 'isNullObject read before sync');
        return isNull;
      },
    });
    for (const [name, value] of Object.entries(props)) {
      Object.defineProperty(obj, name, {
        get: () => {
          if (!loaded) throw officeError('PropertyNotLoaded', `${name} read before load and sync`);
          return value();
        },
      });
    }
    obj.load = (what = '') => {
      onLoad?.(what);
      this.enqueue(() => {
        loaded = true;
      });
      return obj;
    };
    return obj;
  }

  private selectionRange(): object {
    const fake = this;
    const cursor = fake.options.cursor;
    // Word fails the whole sync when cellIndex of a vertically merged cell is loaded (office-js#3200).
    const cellProxy = fake.orNull({}, { rowIndex: () => cursor?.row, cellIndex: () => cursor?.cell }, !cursor, (what) => {
      if (cursor && /cellIndex/.test(what) && fake.tables[cursor.table].vMerged[cursor.row]?.[cursor.cell]) {
        fake.fail('GeneralException', 'GeneralException: cellIndex of a vertically merged cell');
      }
    });
    const tableProxy = fake.orNull(
      {
        getRange: (where = 'Whole') => {
          fake.calls.push(`table.getRange(${where})`);
          return fake.tableRange(() => {
            if (!cursor) throw officeError('InvalidObjectPath', 'null table used');
            return cursor.table;
          });
        },
      },
      {
        nestingLevel: () => (cursor ? fake.tables[cursor.table].level : undefined),
        rowCount: () => (cursor ? fake.tables[cursor.table].cells.length : undefined),
        values: () => (cursor ? fake.tables[cursor.table].cells.map((r) => [...r]) : undefined),
      },
      !cursor,
    );
    const story = fake.options.cursorStory;
    const outerBody = fake.orNull({}, { type: () => story }, !(story && cursor));
    const body = fake.orNull(
      { parentBodyOrNullObject: outerBody },
      { type: () => (cursor ? 'TableCell' : (story ?? 'MainDoc')) },
      false,
    );
    const control = fake.options.cursorControl;
    const controlProxy = fake.orNull(
      {
        getRange: (where = 'Whole') => {
          fake.calls.push(`control.getRange(${where})`);
          return {
            insertOoxml: (ooxml: string, location: string) => {
              fake.write(`control.range.insertOoxml(${location})`, () =>
                fake.inserted.push({ ooxml, location, at: 'after-control' }),
              );
              return {};
            },
          };
        },
      },
      { tag: () => control?.tag },
      !control,
    );
    return {
      insertOoxml: (ooxml: string, location: string) => {
        fake.write(`range.insertOoxml(${location})`, () =>
          // In a table cell Word nests the new table there (and the reader drops its tag).
          fake.inserted.push({ ooxml, location, at: 'selection', ...(cursor ? { nested: cursor.table } : {}) }),
        );
        return {};
      },
      parentTableCellOrNullObject: cellProxy,
      parentTableOrNullObject: tableProxy,
      parentBody: body,
      parentContentControlOrNullObject: controlProxy,
    };
  }
}

/** A fake Office.context.document.customXmlParts (callback style), storing parts in memory. */
export class FakeCustomXmlParts implements CustomXmlPartsLike {
  readonly parts = new Map<string, { ns: string; xml: string }>();
  private next = 1;
  /** Make addAsync fail with this Office.Error code (e.g. 5009 permission denied). */
  failAdd?: { code: number; message: string };
  /** Word on the web: addAsync and deleteAsync report success and change nothing (office-js#5910). */
  silent = false;
  /** Word on the web: addAsync of a part over this many characters fails with 6100 (office-js#2408). */
  addLimit?: number;
  /** deleteAsync reports success and the part stays (a delete lost on the way; the old part remains). */
  keepOnDelete = false;
  /** getByNamespaceAsync lists the newest part first (Word documents no order). */
  newestFirst = false;

  private ok<T>(value: T): AsyncResultLike<T> {
    return { status: 'succeeded', value };
  }

  getByNamespaceAsync(ns: string, callback: (result: AsyncResultLike<CustomXmlPartLike[]>) => void): void {
    const found = [...this.parts].filter(([, p]) => p.ns === ns).map(([id]) => this.part(id));
    if (this.newestFirst) found.reverse();
    setTimeout(() => callback(this.ok(found)), 0);
  }

  addAsync(xml: string, callback: (result: AsyncResultLike<CustomXmlPartLike>) => void): void {
    if (this.failAdd) {
      const error = { ...this.failAdd, name: 'Permission Denied' };
      setTimeout(() => callback({ status: 'failed', value: undefined as unknown as CustomXmlPartLike, error }), 0);
      return;
    }
    if (this.addLimit !== undefined && xml.length > this.addLimit) {
      const error = { code: 6100, message: 'Custom XML Error', name: 'Custom XML Error' };
      setTimeout(() => callback({ status: 'failed', value: undefined as unknown as CustomXmlPartLike, error }), 0);
      return;
    }
    // Office refuses XML that is not well formed; the namespace is the root element's.
    const root = parseXml(xml);
    // A part with an XML declaration does not replace the old content (office-js#1643); nor does a
    // silent Word on the web.
    if (this.silent || /^\s*<\?xml/.test(xml)) {
      setTimeout(
        () =>
          callback(
            this.ok({ id: '{silent}', getXmlAsync: (cb) => cb(this.ok(xml)), deleteAsync: (cb) => cb(this.ok(undefined)) }),
          ),
        0,
      );
      return;
    }
    const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
    const ns = root.attrs[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
    const id = `{${String(this.next++).padStart(8, '0')}-0000-4000-8000-000000000000}`;
    this.parts.set(id, { ns, xml });
    setTimeout(() => callback(this.ok(this.part(id))), 0);
  }

  private part(id: string): CustomXmlPartLike {
    return {
      id,
      getXmlAsync: (callback) => setTimeout(() => callback(this.ok(this.parts.get(id)?.xml ?? '')), 0),
      deleteAsync: (callback) => {
        if (!this.silent && !this.keepOnDelete) this.parts.delete(id);
        setTimeout(() => callback(this.ok(undefined)), 0);
      },
    };
  }
}
