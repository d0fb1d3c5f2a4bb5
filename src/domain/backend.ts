/**
 * The one small interface the task pane talks to. Two implementations: src/word (Office.js, inside
 * Word) and src/docx (a .docx held in memory: the standalone pane, the CLI and tests).
 * Every method is one user action; the Word implementation keeps each to the sync budget noted here.
 */
import type { DocModel } from './ooxml/reader';
import type { XElement } from './ooxml/xml';
import type { EditPlan } from './table/edit';
import type { TableSpec } from './table/model';
import type { RecognisedTable } from './table/recognise';
import { UserError } from './errors';
import type { DocumentStore, StoreChange } from './store';

/** Where a finding or a row is: a table (DocTable.index), a row, and optionally a cell (w:tc index). */
export interface CellLocation {
  readonly table: number;
  readonly row: number;
  readonly cell?: number;
}

export interface InsertResult {
  /** Tag of the content control around the new table: ctcl:<form>:<uuid>. */
  readonly tag: string;
  /** The document was empty and got the title block (InsertTableOptions.titleIfEmpty) above the table. */
  readonly titled?: boolean;
}

export interface InsertTableOptions {
  /**
   * A new document's title block: when the document has no text at all (a document just started), it
   * goes at the top with the table under it, in the same insertion.
   */
  readonly titleIfEmpty?: XElement[];
}

/** What the pane shows about the host it runs in. */
export interface BackendInfo {
  readonly kind: 'word' | 'docx';
  /** Human name of the open document (file name in standalone mode). */
  readonly documentName: string;
  /** Optional Word features found at run time (e.g. WordApi 1.4 cell merging). */
  readonly features: readonly string[];
}

export interface DocumentBackend {
  info(): BackendInfo;
  /** Insert a table at the cursor. Word: one insertOoxml, one context.sync. */
  insertTable(spec: TableSpec, options?: InsertTableOptions): Promise<InsertResult>;
  /**
   * Insert body blocks (paragraphs, tables: e.g. the official frame's header or signature block) at the
   * cursor. Word: one insertOoxml, one context.sync.
   */
  insertAtCursor(blocks: XElement[]): Promise<void>;
  /**
   * Insert body blocks at the top of the document or at its end (the cursor: insertAtCursor). Word: one
   * Body.insertOoxml, one context.sync.
   */
  insertAt(place: 'start' | 'end', blocks: XElement[]): Promise<void>;
  /** The whole document, parsed: body paragraphs and every table. Word: one context.sync. */
  read(): Promise<DocModel>;
  /** Select a cell (or the row when no cell is given). */
  select(location: CellLocation): Promise<void>;
  /** The table cell the cursor is in, if any. */
  selection(): Promise<CellLocation | undefined>;
  /**
   * Read the document, find the table, let the domain plan the edits on what is there now, apply them.
   * The table is found again by its content-control tag (or position) on every call, never from a
   * stale read. Word: at most two context.sync calls (read, write).
   */
  editTable(target: TableTarget, planner: EditPlanner): Promise<EditPlan>;
  /** Data the add-in keeps inside the document (drafts, ignored findings, templates, profile). */
  loadStore(): Promise<DocumentStore>;
  /** Replace the store (queued after pending updates). Prefer updateStore, which cannot lose another panel's write. */
  saveStore(store: DocumentStore): Promise<void>;
  /**
   * Change the store: the change gets the store as it is after every earlier change and its result is saved
   * before the next change runs (both backends keep one queue per document). Resolves to the saved store.
   */
  updateStore(change: StoreChange): Promise<DocumentStore>;
}

/** Which table to edit: our content control's tag, or the table's DocTable.index (its first part). */
export interface TableTarget {
  readonly tag?: string;
  readonly table?: number;
}

/** Plans edits on the table as it is now (see src/domain/table/edit.ts). */
export type EditPlanner = (table: RecognisedTable, model: DocModel) => EditPlan;

export class TableNotFoundError extends UserError {
  constructor() {
    super('table-not-found', 'Không tìm thấy bảng trong tài liệu (có thể bảng đã bị xóa hoặc sửa tiêu đề). Hãy chọn lại bảng.');
  }
}

/** A document with no text and no table (a document just started: the title block goes at its top). */
export function isEmptyDocument(model: DocModel): boolean {
  return !model.tables.length && model.paragraphs.every((p) => !p.text.trim());
}

/** The recognised table a target points at. */
export function findTarget(tables: readonly RecognisedTable[], target: TableTarget): RecognisedTable | undefined {
  if (target.tag) {
    const byTag = tables.find((t) => t.tag === target.tag);
    if (byTag) return byTag;
  }
  if (target.table !== undefined) return tables.find((t) => t.parts.some((p) => p.index === target.table));
  return target.tag ? undefined : tables[0];
}

/** Versioned JSON the add-in keeps in the document (src/domain/store owns its keys). */
export { EMPTY_STORE, type DocumentStore, type StoreChange } from './store';

/** The spec a pane or CLI request turns into (re-exported for backends). */
export type { TableSpec };
