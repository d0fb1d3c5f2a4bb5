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
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the proxies' getters (like Office.js properties) need the fake itself */
import { childElements, serialize, type XElement } from '../../src/domain/ooxml/xml';
import type { AsyncResultLike, CustomXmlPartLike, CustomXmlPartsLike, WordRun } from '../../src/word/gateway';
import { parseXml } from '../../src/docx/xml-node';

/** A table as the fake sees it. */
export interface FakeTable {
  /** Position in document order (pre-order, nested included). */
  readonly id: number;
  readonly level: number;
  readonly parent?: { readonly table: number; readonly row: number; readonly cell: number };
  /** Cell texts by row (paragraphs joined by \n); edits change them. */
  cells: string[][];
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
  /** Make every sync that carries a write fail with this Office error. */
  readonly failWrites?: OfficeErrorLike;
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

function childrenNamed(e: XElement, name: string): XElement[] {
  const found: XElement[] = [];
  for (const c of e.children) {
    if (c.t !== 'e') continue;
    if (c.name === name) found.push(c);
    else if (CONTAINERS.has(c.name)) found.push(...childrenNamed(c, name));
  }
  return found;
}

/** Walk a tree: every w:tbl in pre-order, with the texts of its cells. */
export function walkTables(root: XElement): FakeTable[] {
  const out: FakeTable[] = [];
  const visitTable = (tbl: XElement, level: number, parent: FakeTable['parent']): void => {
    const id = out.length;
    const trs = childrenNamed(tbl, 'w:tr');
    const cells = trs.map((tr) => childrenNamed(tr, 'w:tc').map((tc) => childrenNamed(tc, 'w:p').map(paragraphText).join('\n')));
    out.push({ id, level, parent, cells });
    trs.forEach((tr, r) =>
      childrenNamed(tr, 'w:tc').forEach((tc, c) => {
        for (const nested of childrenNamed(tc, 'w:tbl')) visitTable(nested, level + 1, { table: id, row: r, cell: c });
      }),
    );
  };
  const visit = (e: XElement): void => {
    for (const c of e.children) {
      if (c.t !== 'e') continue;
      if (c.name === 'w:tbl') visitTable(c, 1, undefined);
      else visit(c);
    }
  };
  visit(root);
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
  readonly inserted: { ooxml: string; location: string; at: 'selection' | 'table' }[] = [];
  readonly selections: FakeSelection[] = [];
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
    this.ooxml = flatOpcOf(options.documentXml);
  }

  readonly run: WordRun = async (batch) => batch(this.context() as unknown as Word.RequestContext);

  private enqueue(op: Op): void {
    this.queue.push(op);
  }

  private write(call: string, op: Op): void {
    this.calls.push(call);
    this.writes++;
    this.enqueue(op);
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const ops = this.queue;
    const writes = this.writes;
    this.queue = [];
    this.writes = 0;
    if (writes && this.options.failWrites) {
      const f = this.options.failWrites;
      throw officeError(f.code, f.message);
    }
    for (const op of ops) op();
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
    return {
      document: {
        body: this.body(),
        getSelection: () => {
          this.calls.push('document.getSelection');
          return this.selectionRange();
        },
      },
      sync: () => this.sync(),
    };
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
    return {
      getOoxml: () => {
        fake.calls.push('body.getOoxml');
        return fake.result(() => fake.ooxml);
      },
      get tables() {
        return fake.collection(() => fake.listed(undefined));
      },
    };
  }

  private collection(list: () => FakeTable[]): object {
    const fake = this;
    let items: object[] | undefined;
    const collection = {
      load: (what: string) => {
        fake.calls.push(`tables.load(${what})`);
        fake.enqueue(() => {
          items = list().map((t) => fake.tableProxy(() => t.id, /nestingLevel/.test(what)));
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

  private tableProxy(idOf: () => number, levelLoaded: boolean): object {
    const fake = this;
    return {
      get nestingLevel(): number {
        if (!levelLoaded) throw officeError('PropertyNotLoaded', 'nestingLevel read before load and sync');
        return fake.tables[idOf()].level;
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
          const [replacement] = walkTables(documentOfPackage(parseXml(ooxml)));
          if (!replacement || where !== 'Replace') throw officeError('InvalidArgument', 'not a table');
          fake.tables[idOf()].cells = replacement.cells;
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
    if (isAncestor(a, b)) return 'Contains';
    if (isAncestor(b, a)) return 'Inside';
    return a < b ? 'Before' : 'After';
  }

  /** An *OrNullObject proxy: its properties (and isNullObject) are readable after load and sync. */
  private orNull<T extends object>(target: T, props: Record<string, () => unknown>, isNull: boolean): T {
    let loaded = false;
    const obj = target as T & { load?: () => unknown };
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
    obj.load = () => {
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
    const cellProxy = fake.orNull({}, { rowIndex: () => cursor?.row, cellIndex: () => cursor?.cell }, !cursor);
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
    return {
      insertOoxml: (ooxml: string, location: string) => {
        fake.write(`range.insertOoxml(${location})`, () => fake.inserted.push({ ooxml, location, at: 'selection' }));
        return {};
      },
      parentTableCellOrNullObject: cellProxy,
      parentTableOrNullObject: tableProxy,
    };
  }
}

/** A fake Office.context.document.customXmlParts (callback style), storing parts in memory. */
export class FakeCustomXmlParts implements CustomXmlPartsLike {
  readonly parts = new Map<string, { ns: string; xml: string }>();
  private next = 1;
  /** Make addAsync fail with this Office.Error code (e.g. 5009 permission denied). */
  failAdd?: { code: number; message: string };

  private ok<T>(value: T): AsyncResultLike<T> {
    return { status: 'succeeded', value };
  }

  getByNamespaceAsync(ns: string, callback: (result: AsyncResultLike<CustomXmlPartLike[]>) => void): void {
    const found = [...this.parts].filter(([, p]) => p.ns === ns).map(([id]) => this.part(id));
    setTimeout(() => callback(this.ok(found)), 0);
  }

  addAsync(xml: string, callback: (result: AsyncResultLike<CustomXmlPartLike>) => void): void {
    if (this.failAdd) {
      const error = { ...this.failAdd, name: 'Permission Denied' };
      setTimeout(() => callback({ status: 'failed', value: undefined as unknown as CustomXmlPartLike, error }), 0);
      return;
    }
    // Office refuses XML that is not well formed; the namespace is the root element's.
    const root = parseXml(xml);
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
        this.parts.delete(id);
        setTimeout(() => callback(this.ok(undefined)), 0);
      },
    };
  }
}
