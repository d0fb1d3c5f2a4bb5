/**
 * The one small interface the task pane talks to. Two implementations: src/word (Office.js, inside
 * Word) and src/docx (a .docx held in memory: the standalone pane, the CLI and tests).
 * Every method is one user action; the Word implementation keeps each to the sync budget noted here.
 */
import type { DocModel } from './ooxml/reader';
import type { TableSpec } from './table/model';

/** Where a finding or a row is: a table (DocTable.index), a row, and optionally a cell (w:tc index). */
export interface CellLocation {
  readonly table: number;
  readonly row: number;
  readonly cell?: number;
}

export interface InsertResult {
  /** Tag of the content control around the new table: ctcl:<form>:<uuid>. */
  readonly tag: string;
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
  insertTable(spec: TableSpec): Promise<InsertResult>;
  /** The whole document, parsed: body paragraphs and every table. Word: one context.sync. */
  read(): Promise<DocModel>;
  /** Select a cell (or the row when no cell is given). */
  select(location: CellLocation): Promise<void>;
  /** The table cell the cursor is in, if any. */
  selection(): Promise<CellLocation | undefined>;
  /** Data the add-in keeps inside the document (drafts, ignored findings, templates, profile). */
  loadStore(): Promise<DocumentStore>;
  saveStore(store: DocumentStore): Promise<void>;
}

/** Versioned JSON the add-in keeps in the document (a custom XML part in both backends). */
export interface DocumentStore {
  readonly version: 1;
  readonly [key: string]: unknown;
}

export const EMPTY_STORE: DocumentStore = { version: 1 };

/** The spec a pane or CLI request turns into (re-exported for backends). */
export type { TableSpec };
