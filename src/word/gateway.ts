/**
 * The Word gateway: DocumentBackend over Office.js, the only code besides host.ts that touches Office.
 * Thin and batched: every method is one user action with a fixed number of context.sync calls
 * (insertTable 2 — where the cursor is, then the insert —, insertAtCursor 2, insertAt 1, read 1, select 2, selection ≤ 2 (≤ 3
 * when Word fails on a merged cell's index), editTable ≤ 2, store 0 — the store uses the common API).
 * WordApi 1.1–1.3 only, except Table.mergeCells (WordApi 1.4), used when isSetSupported says so.
 * select/selection take the model the location refers to (default: the last read(), dropped after any
 * edit through the gateway); without one the document is read in their first sync.
 *
 * Table positions are the reader's (DocTable.index: document order, nested tables included). Whether
 * Word's body.tables lists nested tables is not documented (the typings only say "the collection of
 * Table objects in the body"), so the gateway matches Word's list against the model either way:
 * - "flat": the list has every table, nested ones too, in document order (same length and nesting
 *   levels as the model) → list position = DocTable.index;
 * - "top": otherwise, when its level-1 tables are the model's top-level ones → position among them =
 *   DocTable.topIndex, and a nested table is reached from its top-level ancestor through
 *   getCell(row, cell).body.tables.getFirst() (then getNext() for the k-th table of a cell).
 * Word may also list tables the reader does not see as tables of the body, e.g. tables in text boxes
 * (the reader reads only their paragraphs): such extra items are skipped by matching the model's tables
 * as a subsequence of Word's list by nesting level and row count, accepted only when that match is
 * unique. A list that fits none of this means the model is out of date: the gateway says so instead of
 * guessing.
 *
 * Word behaviours pinned by the fake Word (test/word/fake-word.ts) and handled here:
 * - loading TableCell.cellIndex of a vertically merged cell throws GeneralException on Windows
 *   (https://github.com/OfficeDev/office-js/issues/3200): selection() then reads the row only;
 * - compareLocationWith answers ContainsStart/ContainsEnd (InsideStart/InsideEnd) for a nested table at
 *   the edge of its outer table (Word.LocationRelation): they count as Contains (Inside);
 * - inserting with the cursor in a table cell makes a nested table, in a header, footnote or another
 *   content control odd results: insertTable/insertAtCursor read where the cursor is in the same batch
 *   and insert after our content control or the table, or refuse in Vietnamese;
 * - NotAllowed on Word on the web means "not supported in the browser", and payload-limit errors occur
 *   only there: both get their own messages (errors.ts);
 * - with Track Changes on, a table rewrite leaves the old rows marked deleted
 *   (https://github.com/OfficeDev/office-js/issues/334): with WordApi 1.4 editTable reads
 *   changeTrackingMode in its first sync and refuses a rewrite while tracking is on.
 */
import { StoreQueue, type StoreChange } from '../domain/store';
import type {
  BackendInfo,
  CellLocation,
  DocumentBackend,
  DocumentStore,
  EditPlanner,
  InsertResult,
  InsertTableOptions,
  TableTarget,
} from '../domain/backend';
import { EMPTY_STORE, findTarget, TableNotFoundError } from '../domain/backend';
import { WordGatewayError } from './errors';
import { columnCount, readDocument, type DocModel, type DocTable } from '../domain/ooxml/reader';
import { flatOpcPackage, paragraph } from '../domain/ooxml/writer';
import { buildTableBlock } from '../domain/table/render';
import type { XElement, XmlParser } from '../domain/ooxml/xml';
import type { EditPlan } from '../domain/table/edit';
import type { TableSpec } from '../domain/table/model';
import { recogniseTables } from '../domain/table/recognise';
import { loadStorePart, saveStorePart, type CustomXmlPartsLike } from './custom-xml';
import { UserError } from '../domain/errors';
import { documentAttrs, planTables, queueEdits } from './edits';
import {
  cursorPlaceError,
  notFoundError,
  readOnlyError,
  staleError,
  toWordError,
  trackChangesError,
  type WordAction,
} from './errors';

export { WordGatewayError } from './errors';
export type { CustomXmlPartsLike, CustomXmlPartLike, AsyncResultLike } from './custom-xml';

/** Word.run, or a stand-in with the same shape (tests). */
export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** The part of Office.context the gateway reads (info() and the read-only check). */
export interface OfficeContextLike {
  readonly document: {
    readonly url?: string | null;
    /** "readOnly" / "readWrite" (Office.DocumentMode at run time). */
    readonly mode?: unknown;
    readonly customXmlParts?: CustomXmlPartsLike;
  };
  /** Office.context.platform: "PC", "Mac", "iOS", "OfficeOnline"… (Office.PlatformType at run time). */
  readonly platform?: unknown;
  readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
}

export interface WordBackendOptions {
  /** XML parser for getOoxml results and store parts (the pane: DOMParser; tests: saxes). */
  readonly parse: XmlParser;
  /** Defaults to Word.run. */
  readonly run?: WordRun;
  /** Defaults to Office.context.document.customXmlParts. */
  readonly store?: CustomXmlPartsLike;
  /** Defaults to Office.context. */
  readonly office?: OfficeContextLike;
}

/** The Word backend: DocumentBackend plus optional model hints for select/selection. */
export interface WordBackend extends DocumentBackend {
  /**
   * Select a cell or row. `model` is the DocModel the location refers to (defaults to the last read());
   * without one the document is read in the same first sync.
   */
  select(location: CellLocation, model?: DocModel): Promise<void>;
  /** The cell the cursor is in, in the terms of `model` (defaults as for select). */
  selection(model?: DocModel): Promise<CellLocation | undefined>;
  /**
   * Open a .docx as a new Word document (Application.createDocument, WordApi 1.3), one sync: the way to
   * hand the user a file where the pane cannot download (Word for Mac and iPad, office-js#2700, #3385).
   */
  openNewDocument(bytes: Uint8Array): Promise<void>;
}

/**
 * BackendInfo.features flag: the pane cannot start downloads here (Word for Mac and iPad run the pane in
 * WKWebView, where a download link does nothing: https://github.com/OfficeDev/office-js/issues/2700,
 * #3385), so files are handed over with openNewDocument.
 */
export const NO_DOWNLOADS = 'no-downloads';

/** Bytes as base64, in chunks (String.fromCharCode over a whole .docx would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const DEFAULT_DOCUMENT_NAME = 'Tài liệu Word';

/** "C:\\…\\Kế hoạch.docx" or "https://…/K%E1%BA%BF%20ho%E1%BA%A1ch.docx?web=1" → "Kế hoạch.docx". */
export function documentNameFromUrl(url: string | null | undefined): string {
  if (!url) return DEFAULT_DOCUMENT_NAME;
  const path = url.replace(/[?#].*$/, '').replace(/[\\/]+$/, '');
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  let name = base;
  try {
    name = decodeURIComponent(base);
  } catch {
    /* not percent-encoded */
  }
  return name.trim() || DEFAULT_DOCUMENT_NAME;
}

/** Nesting level of a model table: 1 for top-level tables, as Word's Table.nestingLevel. */
function nestingLevel(model: DocModel, t: DocTable): number {
  let level = 1;
  for (let p = t.parent; p; p = model.tables[p.table]?.parent) level++;
  return level;
}

type TableListMode = 'flat' | 'top';

/** Word's body.tables list as it lines up with the model: the tables to index, and how. */
interface TableList<T> {
  readonly mode: TableListMode;
  /** flat: every listed table (index by DocTable.index); top: the level-1 ones (index by topIndex). */
  readonly tables: readonly T[];
}

/** What the gateway loads of each table Word lists (body.tables 'items/nestingLevel,rowCount'). */
interface ListedTable {
  readonly nestingLevel: number;
  readonly rowCount?: number;
}

const TABLE_LIST_LOAD = 'items/nestingLevel,rowCount';

function fits(item: ListedTable, model: DocModel, t: DocTable): boolean {
  return item.nestingLevel === nestingLevel(model, t) && (item.rowCount === undefined || item.rowCount === t.rows.length);
}

/**
 * The model tables `wanted` as a subsequence of Word's `items` (extra items skipped), or undefined
 * when they are not one, or not in exactly one way (then a skipped item could be one of ours).
 */
function embed<T extends ListedTable>(model: DocModel, wanted: readonly DocTable[], items: readonly T[]): T[] | undefined {
  if (items.length === wanted.length) return wanted.every((t, i) => fits(items[i], model, t)) ? [...items] : undefined;
  if (items.length < wanted.length) return undefined;
  const first: number[] = [];
  for (let i = 0, j = 0; j < wanted.length; i++) {
    if (i >= items.length) return undefined;
    if (fits(items[i], model, wanted[j])) {
      first.push(i);
      j++;
    }
  }
  const last: number[] = [];
  for (let i = items.length - 1, j = wanted.length - 1; j >= 0; i--) {
    if (fits(items[i], model, wanted[j])) {
      last.unshift(i);
      j--;
    }
  }
  // The earliest and the latest match agree only when the match is unique.
  if (first.some((x, k) => x !== last[k])) return undefined;
  return first.map((i) => items[i]);
}

/**
 * Line Word's table list up with the model. "flat" when it has the model's tables with the same
 * nesting levels (and row counts, when loaded) in the same order; otherwise "top" when its level-1
 * tables line up with the model's top-level tables; otherwise undefined (the model is out of date).
 * Items the model does not have (tables in text boxes) are skipped when that is unambiguous.
 */
function matchTableList<T extends ListedTable>(model: DocModel, items: readonly T[]): TableList<T> | undefined {
  const flat = embed(model, model.tables, items);
  if (flat) return { mode: 'flat', tables: flat };
  const top = embed(
    model,
    model.tables.filter((t) => t.topIndex >= 0),
    items.filter((t) => t.nestingLevel === 1),
  );
  return top ? { mode: 'top', tables: top } : undefined;
}

/** Tables sharing a parent cell with `t` (in document order), for nested tables. */
function cellSiblings(model: DocModel, t: DocTable): DocTable[] {
  const p = t.parent;
  if (!p) return [t];
  return model.tables.filter((x) => x.parent?.table === p.table && x.parent.row === p.row && x.parent.cell === p.cell);
}

/** The Word proxy of a model table, from the loaded body.tables list. */
function wordTable(model: DocModel, target: DocTable, list: TableList<Word.Table>): Word.Table {
  if (list.mode === 'flat') return list.tables[target.index];
  const chain: DocTable[] = [];
  for (let t: DocTable | undefined = target; t; t = t.parent ? model.tables[t.parent.table] : undefined) chain.unshift(t);
  let table = list.tables[chain[0].topIndex];
  for (const t of chain.slice(1)) {
    const p = t.parent!;
    table = table.getCell(p.row, p.cell).body.tables.getFirst();
    const k = cellSiblings(model, t).indexOf(t);
    for (let i = 0; i < k; i++) table = table.getNext();
  }
  return table;
}

function hasCell(t: DocTable, row: number, cell: number | undefined): boolean {
  const r = t.rows[row];
  return !!r && (cell === undefined || r.cells.some((c) => c.index === cell));
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Whether a model table has the texts Word reports for a table (Table.values: one string per cell). */
function sameTexts(t: DocTable, values: readonly (readonly string[])[]): boolean {
  return (
    t.rows.length === values.length &&
    t.rows.every(
      (r, i) => r.cells.length === values[i].length && r.cells.every((c, j) => squash(c.text) === squash(values[i][j])),
    )
  );
}

function descendants(model: DocModel, t: DocTable): DocTable[] {
  const out: DocTable[] = [];
  const visit = (p: DocTable): void => {
    for (const c of model.tables) {
      if (c.parent?.table === p.index) {
        out.push(c);
        visit(c);
      }
    }
  };
  visit(t);
  return out;
}

/** One queue of store changes per document (its customXmlParts), shared by every gateway on it. */
const STORE_QUEUES = new WeakMap<object, StoreQueue>();

function storeQueueOf(parts: CustomXmlPartsLike): StoreQueue {
  let q = STORE_QUEUES.get(parts);
  if (!q) STORE_QUEUES.set(parts, (q = new StoreQueue()));
  return q;
}

class WordGateway implements WordBackend {
  /** The model of the last read(); dropped when the gateway changes the document or finds it stale. */
  private model: DocModel | undefined;

  constructor(private readonly options: WordBackendOptions) {}

  private get run(): WordRun {
    return this.options.run ?? ((batch) => Word.run(batch));
  }

  private office(): OfficeContextLike | undefined {
    if (this.options.office) return this.options.office;
    return typeof Office !== 'undefined' ? Office.context : undefined;
  }

  private parts(action: WordAction): CustomXmlPartsLike {
    const parts = this.options.store ?? this.office()?.document.customXmlParts;
    if (!parts) throw toWordError(action, new Error('Office.context.document.customXmlParts is not available'));
    return parts;
  }

  /** Word on the web (Office.context.platform "OfficeOnline"). */
  private web(): boolean {
    return String(this.office()?.platform ?? '') === 'OfficeOnline';
  }

  private readOnly(): boolean {
    const mode = this.office()?.document.mode;
    return mode !== undefined && String(mode).toLowerCase() === 'readonly';
  }

  private async batch<T>(action: WordAction, body: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(body);
    } catch (e) {
      throw this.wrap(action, e);
    }
  }

  /** Office errors become WordGatewayError; a UserError already carries a Vietnamese message. */
  private wrap(action: WordAction, e: unknown): Error {
    if (e instanceof UserError) return e;
    return toWordError(action, e, this.readOnly(), this.web());
  }

  private supports(version: string): boolean {
    try {
      return !!this.office()?.requirements.isSetSupported('WordApi', version);
    } catch {
      return false;
    }
  }

  private parseModel(ooxml: string): DocModel {
    this.model = readDocument(this.options.parse(ooxml));
    return this.model;
  }

  info(): BackendInfo {
    const office = this.office();
    const features = this.supports('1.4') ? ['WordApi1.4'] : [];
    if (/^(Mac|iOS)$/.test(String(office?.platform ?? ''))) features.push(NO_DOWNLOADS);
    return { kind: 'word', documentName: documentNameFromUrl(office?.document.url), features };
  }

  /**
   * Sync 1: where the cursor is (its body, the table and content control around it); sync 2: one
   * insertOoxml — at the cursor (replacing any selected text), or right after our content control or
   * the (top-level) table the cursor is in, so a new table never lands inside a cell as a nested table.
   * In a header, footer, footnote, a nested table or another content control: refused in Vietnamese.
   */
  async insertTable(spec: TableSpec, options: InsertTableOptions = {}): Promise<InsertResult> {
    if (this.readOnly()) throw readOnlyError('insert');
    const { tag, sdt } = buildTableBlock(spec);
    const titled = await this.insertBlocks([sdt], options.titleIfEmpty);
    return { tag, titled };
  }

  /**
   * At the top or the end of the main body: one Body.insertOoxml (WordApi 1.1), one sync, wherever the
   * cursor is (a letterhead belongs at the top even when the cursor was left after the table).
   */
  async insertAt(place: 'start' | 'end', blocks: XElement[]): Promise<void> {
    if (this.readOnly()) throw readOnlyError('insert');
    await this.batch('insert', async (context) => {
      context.document.body.insertOoxml(flatOpcPackage(blocks), place === 'start' ? 'Start' : 'End');
      await context.sync();
    });
    this.model = undefined;
  }

  /** Body blocks (the official frame's parts) at the cursor, as insertTable (two syncs). */
  async insertAtCursor(blocks: XElement[]): Promise<void> {
    if (this.readOnly()) throw readOnlyError('insert');
    await this.insertBlocks(blocks);
  }

  /**
   * `titleIfEmpty`: the main body's text is read in the same first sync; a document without any text gets
   * the title and the blocks at its top (Body.insertOoxml 'Start': nothing there is replaced). Resolves to
   * whether it did.
   */
  private async insertBlocks(blocks: XElement[], titleIfEmpty?: XElement[]): Promise<boolean> {
    const titled = await this.batch('insert', async (context) => {
      const whole = titleIfEmpty ? context.document.body.load('text') : undefined;
      const selection = context.document.getSelection();
      const body = selection.parentBody.load('type');
      const outer = body.parentBodyOrNullObject.load('type');
      const table = selection.parentTableOrNullObject.load('nestingLevel');
      const control = selection.parentContentControlOrNullObject.load('tag');
      await context.sync();
      if (whole && titleIfEmpty && !whole.text.trim()) {
        whole.insertOoxml(flatOpcPackage([...titleIfEmpty, ...blocks]), 'Start');
        await context.sync();
        return true;
      }
      const place = String(body.type);
      const outerPlace = outer.isNullObject ? 'MainDoc' : String(outer.type);
      if (/^(Header|Footer)$/.test(place) || /^(Header|Footer)$/.test(outerPlace)) throw cursorPlaceError('header');
      if (/^(Footnote|Endnote|NoteItem)$/.test(place) || /^(Footnote|Endnote|NoteItem)$/.test(outerPlace)) {
        throw cursorPlaceError('footnote');
      }
      const ours = !control.isNullObject && /^ctcl:/.test(control.tag ?? '');
      if (ours) {
        // Right after one of our tables (its content control); an empty paragraph keeps the two tables apart.
        control.getRange('Whole').insertOoxml(flatOpcPackage([paragraph(''), ...blocks]), 'After');
      } else if (!table.isNullObject) {
        if (table.nestingLevel > 1) throw cursorPlaceError('nested-table');
        table.getRange('Whole').insertOoxml(flatOpcPackage([paragraph(''), ...blocks]), 'After');
      } else if (!control.isNullObject) {
        throw cursorPlaceError('control');
      } else {
        selection.insertOoxml(flatOpcPackage(blocks), 'Replace');
      }
      await context.sync();
      return false;
    });
    this.model = undefined;
    return titled;
  }

  /** The body as OOXML (a Flat OPC package), one sync, parsed and read by the domain reader. */
  async read(): Promise<DocModel> {
    const ooxml = await this.batch('read', async (context) => {
      const result = context.document.body.getOoxml();
      await context.sync();
      return result.value;
    });
    try {
      return this.parseModel(ooxml);
    } catch (e) {
      throw this.wrap('read', e);
    }
  }

  /** Sync 1: Word's table list (and the document, if no model is known); sync 2: select. */
  async select(location: CellLocation, hint?: DocModel): Promise<void> {
    await this.batch('select', async (context) => {
      const body = context.document.body;
      const tables = body.tables.load(TABLE_LIST_LOAD);
      const known = hint ?? this.model;
      const ooxml = known ? undefined : body.getOoxml();
      await context.sync();
      const model = known ?? this.parseModel(ooxml!.value);
      const list = matchTableList(model, tables.items);
      if (!list) {
        this.model = undefined;
        throw staleError('select');
      }
      const target = model.tables[location.table];
      if (!target || !hasCell(target, location.row, location.cell)) throw notFoundError('select');
      const table = wordTable(model, target, list);
      const cell = table.getCell(location.row, location.cell ?? 0);
      if (location.cell === undefined) cell.parentRow.select('Select');
      else cell.body.getRange('Whole').select('Select');
      await context.sync();
    });
  }

  /**
   * Sync 1: the cursor's cell and table, Word's table list (and the document if no model is known).
   * Sync 2 (only inside a table): compare the cursor's table with each listed table to find it.
   */
  async selection(hint?: DocModel): Promise<CellLocation | undefined> {
    try {
      return await this.batch('selection', (context) => this.cursorCell(context, hint, true));
    } catch (e) {
      // TableCell.cellIndex of a vertically merged cell throws GeneralException on Windows
      // (https://github.com/OfficeDev/office-js/issues/3200), failing the whole first sync: read the row only.
      const cause = e instanceof WordGatewayError ? e.cause : e;
      if ((cause as { code?: unknown } | undefined)?.code !== 'GeneralException') throw e;
      return this.batch('selection', (context) => this.cursorCell(context, hint, false));
    }
  }

  private async cursorCell(
    context: Word.RequestContext,
    hint: DocModel | undefined,
    withCellIndex: boolean,
  ): Promise<CellLocation | undefined> {
    const document = context.document;
    const range = document.getSelection();
    const cell = range.parentTableCellOrNullObject.load(withCellIndex ? 'rowIndex,cellIndex' : 'rowIndex');
    const table = range.parentTableOrNullObject.load('nestingLevel,rowCount');
    const tables = document.body.tables.load(TABLE_LIST_LOAD);
    const known = hint ?? this.model;
    const ooxml = known ? undefined : document.body.getOoxml();
    await context.sync();
    const model = known ?? this.parseModel(ooxml!.value);
    if (cell.isNullObject || table.isNullObject) return undefined;
    const list = matchTableList(model, tables.items);
    if (!list) {
      this.model = undefined;
      throw staleError('selection');
    }
    const cellIndex = withCellIndex ? cell.cellIndex : undefined;
    const mode = list.mode;
    // A nested table that is not in the list used is told apart from its siblings by its texts.
    const unlisted = mode === 'top' && table.nestingLevel > 1;
    if (unlisted) table.load('values');
    const here = table.getRange('Whole');
    const relations = list.tables.map((t) => t.getRange('Whole').compareLocationWith(here));
    await context.sync();
    // A nested table at the edge of its outer table is ContainsStart/ContainsEnd (Word.LocationRelation).
    const rel = relations.map((r) => String(r.value).replace(/^(Contains|Inside)(Start|End)$/, '$1'));
    let found: DocTable | undefined;
    const equal = rel.indexOf('Equal');
    if (equal >= 0) {
      found = mode === 'flat' ? model.tables[equal] : model.tables.find((t) => t.topIndex === equal);
    } else if (mode === 'top') {
      // A nested table that Word does not list: find it under the listed table that contains it.
      const outer = rel.indexOf('Contains');
      const top = model.tables.find((t) => t.topIndex === outer);
      let candidates = top
        ? descendants(model, top).filter(
            (t) =>
              nestingLevel(model, t) === table.nestingLevel &&
              t.rows.length === table.rowCount &&
              hasCell(t, cell.rowIndex, cellIndex),
          )
        : [];
      if (candidates.length > 1 && unlisted) candidates = candidates.filter((t) => sameTexts(t, table.values));
      if (candidates.length === 1) found = candidates[0];
    }
    if (!found || !hasCell(found, cell.rowIndex, cellIndex)) return undefined;
    // Without the cell index (a merged cell, see selection()), the row: what «Lấy dòng đang chọn» needs.
    return cellIndex === undefined
      ? { table: found.index, row: cell.rowIndex }
      : { table: found.index, row: cell.rowIndex, cell: cellIndex };
  }

  /**
   * Sync 1: the document and Word's table list; the domain finds the table and plans the edits on
   * what is there now. Sync 2 (only when there is something to change): all the edits.
   */
  async editTable(target: TableTarget, planner: EditPlanner): Promise<EditPlan> {
    if (this.readOnly()) throw readOnlyError('edit');
    return this.batch('edit', async (context) => {
      const body = context.document.body;
      const ooxml = body.getOoxml();
      const tables = body.tables.load(TABLE_LIST_LOAD);
      // WordApi 1.4: whether Track Changes is on (a rewrite would leave the old rows marked deleted).
      const tracking = this.supports('1.4') ? context.document.load('changeTrackingMode') : undefined;
      await context.sync();
      const root = this.options.parse(ooxml.value);
      const model = readDocument(root);
      this.model = model;
      const rec = findTarget(recogniseTables(model), target);
      if (!rec) throw new TableNotFoundError();
      const plan = planner(rec, model);
      if (!plan.edits.length) return plan;
      const list = matchTableList(model, tables.items);
      if (!list) throw staleError('edit');
      const ctx = {
        model,
        table: (t: DocTable) => wordTable(model, t, list),
        columns: (t: DocTable) => (rec.parts.includes(t) ? rec.gridColumns : columnCount(t)),
        canMerge: this.supports('1.4'),
        documentAttrs: documentAttrs(root),
        source: root,
      };
      const mode = tracking ? String(tracking.changeTrackingMode) : 'Off';
      if (mode !== 'Off' && [...planTables(ctx, plan.edits).values()].includes('rewrite')) throw trackChangesError();
      this.model = undefined;
      queueEdits(ctx, plan.edits);
      await context.sync();
      return plan;
    });
  }

  async openNewDocument(bytes: Uint8Array): Promise<void> {
    const base64 = toBase64(bytes);
    await this.batch('open-document', async (context) => {
      context.application.createDocument(base64).open();
      await context.sync();
    });
  }

  async loadStore(): Promise<DocumentStore> {
    try {
      return (await loadStorePart(this.parts('load-store'), this.options.parse)) ?? EMPTY_STORE;
    } catch (e) {
      throw this.wrap('load-store', e);
    }
  }

  async saveStore(store: DocumentStore): Promise<void> {
    const parts = this.storeParts();
    await storeQueueOf(parts).enqueue(() => this.savePart(parts, store));
  }

  async updateStore(change: StoreChange): Promise<DocumentStore> {
    const parts = this.storeParts();
    return storeQueueOf(parts).update(
      () => this.loadStore(),
      (s) => this.savePart(parts, s),
      change,
    );
  }

  private storeParts(): CustomXmlPartsLike {
    try {
      return this.parts('save-store');
    } catch (e) {
      throw this.wrap('save-store', e);
    }
  }

  private async savePart(parts: CustomXmlPartsLike, store: DocumentStore): Promise<void> {
    try {
      await saveStorePart(parts, store, this.options.parse);
    } catch (e) {
      throw this.wrap('save-store', e);
    }
  }
}

/** The DocumentBackend for a document open in Word. */
export function createWordBackend(options: WordBackendOptions): WordBackend {
  return new WordGateway(options);
}
