/**
 * A .docx held in memory, implementing the same DocumentBackend as the Word gateway: the CLI, the
 * tests and the standalone pane (a browser without Word) all edit documents through it.
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
import { EMPTY_STORE, findTarget, isEmptyDocument, TableNotFoundError } from '../domain/backend';
import { applyEdits, type EditPlan, type TableEdit } from '../domain/table/edit';
import { recogniseTables } from '../domain/table/recognise';
import { blankDocumentParts } from '../domain/ooxml/package';
import { columnCount, readDocument, topLevelBlocks, type DocModel } from '../domain/ooxml/reader';
import { paragraph } from '../domain/ooxml/writer';
import { buildTableBlock } from '../domain/table/render';
import { serializeDocument, type XElement, type XmlParser } from '../domain/ooxml/xml';
import type { TableSpec } from '../domain/table/model';
import { DocxPackage } from './package';
import { readStore, writeStore } from './store';

export class DocxDocument implements DocumentBackend {
  /** Store changes, one after another. */
  private readonly storeQueue = new StoreQueue();
  /** Insert position for the next table: before this top-level block (blockCount = at the end). */
  cursor: number;
  private selected: CellLocation | undefined;
  private root: XElement;
  private model: DocModel | undefined;

  private constructor(
    readonly pkg: DocxPackage,
    readonly parse: XmlParser,
    readonly name: string,
  ) {
    this.root = pkg.mainDocument(parse);
    this.cursor = this.read0().blockCount;
  }

  /** Open .docx bytes. Throws DocxError with a Vietnamese message for broken or hostile files. */
  static open(bytes: Uint8Array, parse: XmlParser, name = 'tài liệu.docx'): DocxDocument {
    return new DocxDocument(DocxPackage.open(bytes, { parts: 'all' }), parse, name);
  }

  /** A new, empty A4-landscape document. */
  static blank(parse: XmlParser, name = 'Tài liệu mới.docx', body: XElement[] = [paragraph('')]): DocxDocument {
    return new DocxDocument(
      DocxPackage.fromParts(blankDocumentParts(body, { title: name.replace(/\.docx$/i, '') })),
      parse,
      name,
    );
  }

  info(): BackendInfo {
    return { kind: 'docx', documentName: this.name, features: [] };
  }

  private read0(): DocModel {
    this.model ??= readDocument(this.root);
    return this.model;
  }

  /** Call after changing the tree. */
  private changed(): void {
    this.model = undefined;
  }

  async read(): Promise<DocModel> {
    return this.read0();
  }

  /** The w:body element (edits use it directly). */
  body(): XElement {
    return this.read0().body;
  }

  /** Insert body elements before top-level block `at` (or at the end, before the section properties). */
  insertBlocks(at: number, elements: XElement[]): void {
    const body = this.body();
    const blocks = topLevelBlocks(body);
    let index: number;
    if (at < blocks.length) index = body.children.indexOf(blocks[at].holder);
    else {
      const sect = body.children.findIndex((c) => c.t === 'e' && c.name === 'w:sectPr');
      index = sect < 0 ? body.children.length : sect;
    }
    body.children.splice(index, 0, ...elements);
    this.changed();
  }

  async insertTable(spec: TableSpec, options: InsertTableOptions = {}): Promise<InsertResult> {
    const { tag, sdt } = buildTableBlock(spec);
    const model = this.read0();
    if (options.titleIfEmpty && isEmptyDocument(model)) {
      // A document just started: the title block at the top, the table under it.
      const blocks = [...options.titleIfEmpty, sdt, paragraph('')];
      this.insertBlocks(0, blocks);
      this.cursor = blocks.length;
      return { tag, titled: true };
    }
    const at = Math.min(this.cursor, model.blockCount);
    // The empty paragraph after the table keeps it apart from whatever follows.
    this.insertBlocks(at, [sdt, paragraph('')]);
    this.cursor = at + 2;
    return { tag };
  }

  /** At the top (before every block) or at the end; the cursor moves after the blocks. */
  async insertAt(place: 'start' | 'end', blocks: XElement[]): Promise<void> {
    const at = place === 'start' ? 0 : this.read0().blockCount;
    this.insertBlocks(at, blocks);
    this.cursor = at + blocks.length;
  }

  /** Insert body blocks at the cursor, like insertTable; the cursor moves after them. */
  async insertAtCursor(blocks: XElement[]): Promise<void> {
    const at = Math.min(this.cursor, this.read0().blockCount);
    this.insertBlocks(at, blocks);
    this.cursor = at + blocks.length;
  }

  async editTable(target: TableTarget, planner: EditPlanner): Promise<EditPlan> {
    const model = this.read0();
    const rec = findTarget(recogniseTables(model), target);
    if (!rec) throw new TableNotFoundError();
    const plan = planner(rec, model);
    if (plan.edits.length) {
      applyEdits(model.tables, plan.edits, (t) => (rec.parts.includes(t) ? rec.gridColumns : columnCount(t)));
      this.changed();
    }
    return plan;
  }

  async select(location: CellLocation): Promise<void> {
    this.selected = location;
  }

  async selection(): Promise<CellLocation | undefined> {
    return this.selected;
  }

  async loadStore(): Promise<DocumentStore> {
    return readStore(this.pkg, this.parse) ?? EMPTY_STORE;
  }

  saveStore(store: DocumentStore): Promise<void> {
    return this.storeQueue.enqueue(async () => writeStore(this.pkg, this.parse, store));
  }

  updateStore(change: StoreChange): Promise<DocumentStore> {
    return this.storeQueue.update(
      () => this.loadStore(),
      async (s) => writeStore(this.pkg, this.parse, s),
      change,
    );
  }

  /**
   * Apply cell writes and row deletions to any table of the document (DocTable indexes as read now),
   * with the same planning as editTable: a write that would damage what is in a cell changes nothing.
   */
  applyTableEdits(edits: readonly TableEdit[]): void {
    const model = this.read0();
    applyEdits(model.tables, edits, (t) => columnCount(t));
    this.changed();
  }

  /** The main document part as it is now (for undo). */
  snapshot(): string {
    return serializeDocument(this.root);
  }

  /** Go back to a snapshot() of this document. */
  restore(snapshot: string): void {
    this.pkg.set(this.pkg.mainPath, snapshot);
    this.root = this.pkg.mainDocument(this.parse);
    this.changed();
  }

  /** Mark the tree as edited from outside (after direct changes through body()). */
  touch(): void {
    this.changed();
  }

  /** The .docx bytes with all changes. */
  toBytes(): Uint8Array {
    this.pkg.set(this.pkg.mainPath, serializeDocument(this.root));
    return this.pkg.toBytes();
  }
}
