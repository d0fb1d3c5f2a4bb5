/**
 * Standalone mode (no Word): the .docx being edited in the browser. The session is the pane's
 * DocumentBackend — it forwards to the open DocxDocument — and also the document's file state
 * (new, open, save, unsaved changes) that the toolbar and the preview follow.
 */
import type { StoreChange } from '../../domain/store';
import { errorText } from '../error-text';
import type {
  CellLocation,
  DocumentBackend,
  DocumentStore,
  EditPlanner,
  InsertResult,
  InsertTableOptions,
  TableSpec,
  TableTarget,
} from '../../domain/backend';
import type { DocModel } from '../../domain/ooxml/reader';
import type { XElement } from '../../domain/ooxml/xml';
import type { EditPlan } from '../../domain/table/edit';
import { DocxDocument } from '../../app/docx-backend';
import { parseXmlDom } from '../../xml/dom';

import { download } from '../download';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const NEW_DOCUMENT_NAME = 'Tài liệu mới.docx';

export interface SessionState {
  readonly name: string;
  /** Changes not yet saved. */
  readonly dirty: boolean;
  /** Bumped on every change the preview must show. */
  readonly revision: number;
  readonly cursor: number;
  readonly selected?: CellLocation;
  /** Block index of what this change inserted, to scroll it into view (undefined on other changes). */
  readonly inserted?: number;
  /** Counts the documents opened or started: what was said about the previous one is dropped. */
  readonly opened: number;
}

export class StandaloneSession implements DocumentBackend {
  private doc: DocxDocument;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor(doc: DocxDocument = DocxDocument.blank(parseXmlDom, NEW_DOCUMENT_NAME)) {
    this.doc = doc;
    this.state = { name: doc.name, dirty: false, revision: 0, cursor: doc.cursor, opened: 0 };
  }

  /** For useSyncExternalStore. */
  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  readonly getState = (): SessionState => this.state;

  private update(patch: Partial<SessionState>): void {
    // `inserted` names the change that inserted: later changes do not carry it (the preview scrolls once).
    this.state = { ...this.state, inserted: undefined, cursor: this.doc.cursor, ...patch, revision: this.state.revision + 1 };
    for (const fn of this.listeners) fn();
  }

  /**
   * Start again with a blank A4-landscape document, or one that starts with `body` (then unsaved, with
   * the cursor at its end).
   */
  newDocument(body?: XElement[], name = NEW_DOCUMENT_NAME): void {
    this.replace(DocxDocument.blank(parseXmlDom, name, body));
    if (body) this.update({ dirty: true });
  }

  /**
   * Open .docx bytes. A broken or hostile file throws (DocxError, with a Vietnamese message) before
   * anything changes: the current document stays as it is.
   */
  open(bytes: Uint8Array, name: string): void {
    const doc = DocxDocument.open(bytes, parseXmlDom, /\.docx$/i.test(name) ? name : `${name}.docx`);
    this.replace(doc);
  }

  private replace(doc: DocxDocument): void {
    this.doc = doc;
    this.update({ name: doc.name, dirty: false, selected: undefined, opened: this.state.opened + 1 });
  }

  /** The file to download; marks the document saved. */
  save(): { name: string; bytes: Uint8Array } {
    const bytes = this.doc.toBytes();
    this.update({ dirty: false });
    return { name: this.doc.name, bytes };
  }

  /** Put the insertion point before top-level block `block` (blockCount: at the end). */
  async setCursor(block: number): Promise<void> {
    const { blockCount } = await this.doc.read();
    this.doc.cursor = Math.max(0, Math.min(block, blockCount));
    this.update({});
  }

  // DocumentBackend ------------------------------------------------------------------------------

  info() {
    return this.doc.info();
  }

  async insertTable(spec: TableSpec, options?: InsertTableOptions): Promise<InsertResult> {
    const at = Math.min(this.doc.cursor, (await this.doc.read()).blockCount);
    const result = await this.doc.insertTable(spec, options);
    this.update({ dirty: true, inserted: result.titled ? 0 : at });
    return result;
  }

  async insertAt(place: 'start' | 'end', blocks: XElement[]): Promise<void> {
    const at = place === 'start' ? 0 : (await this.doc.read()).blockCount;
    await this.doc.insertAt(place, blocks);
    this.update({ dirty: true, inserted: at });
  }

  async insertAtCursor(blocks: XElement[]): Promise<void> {
    const at = Math.min(this.doc.cursor, (await this.doc.read()).blockCount);
    await this.doc.insertAtCursor(blocks);
    this.update({ dirty: true, inserted: at });
  }

  read(): Promise<DocModel> {
    return this.doc.read();
  }

  async select(location: CellLocation): Promise<void> {
    await this.doc.select(location);
    this.update({ selected: location });
  }

  selection(): Promise<CellLocation | undefined> {
    return this.doc.selection();
  }

  async editTable(target: TableTarget, planner: EditPlanner): Promise<EditPlan> {
    const plan = await this.doc.editTable(target, planner);
    if (plan.edits.length) this.update({ dirty: true });
    return plan;
  }

  loadStore(): Promise<DocumentStore> {
    return this.doc.loadStore();
  }

  async saveStore(store: DocumentStore): Promise<void> {
    await this.doc.saveStore(store);
    this.update({ dirty: true });
  }

  async updateStore(change: StoreChange): Promise<DocumentStore> {
    const saved = await this.doc.updateStore(change);
    this.update({ dirty: true });
    return saved;
  }
}

/** A Vietnamese message for a failure to open a file. */
export function openErrorMessage(e: unknown): string {
  return errorText(
    e,
    'Tệp không đọc được như một văn bản Word (.docx). Hãy mở tệp trong Word, lưu lại dưới dạng .docx rồi thử lại.',
  );
}

/** Start a browser download of bytes under a file name. */
export function downloadFile(bytes: Uint8Array, name: string, type = DOCX_MIME): void {
  download(bytes, name, type);
}
