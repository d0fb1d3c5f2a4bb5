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
import { planCellEdit, planEmptyRowsDelete, planRowDelete } from '../../domain/table/cells';
import { safeDocxName } from '../../domain/documents/file-name';
import { DocxDocument } from '../../app/docx-backend';
import { parseXmlDom } from '../../xml/dom';

import { download } from '../download';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
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
  /** What «Hoàn tác» would undo (the last change), if anything. */
  readonly undo?: string;
}

/** One change that can be undone: the document before it. */
interface UndoStep {
  readonly label: string;
  readonly snapshot: string;
  readonly cursor: number;
}

/** How many changes «Hoàn tác» can go back. */
const UNDO_LIMIT = 50;

export class StandaloneSession implements DocumentBackend {
  private doc: DocxDocument;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private undoSteps: UndoStep[] = [];

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
    this.undoSteps = [];
    this.update({
      name: doc.name,
      dirty: false,
      selected: undefined,
      inserted: undefined,
      undo: undefined,
      opened: this.state.opened + 1,
    });
  }

  /** Run a change of the document body; when it changed something, «Hoàn tác» can take it back. */
  private async undoable<T>(label: string, change: () => Promise<T> | T, changed: (r: T) => boolean = () => true): Promise<T> {
    const step = { label, snapshot: this.doc.snapshot(), cursor: this.doc.cursor };
    const result = await change();
    if (changed(result)) {
      this.undoSteps.push(step);
      if (this.undoSteps.length > UNDO_LIMIT) this.undoSteps.shift();
    }
    return result;
  }

  /**
   * Undo the last change of the document body (cells, rows, tables inserted, fixes); the data the
   * add-in keeps in the document (drafts, ignored findings) stays. Returns what was undone.
   */
  undo(): string | undefined {
    const step = this.undoSteps.pop();
    if (!step) return undefined;
    this.doc.restore(step.snapshot);
    this.doc.cursor = step.cursor;
    this.update({ dirty: true, selected: undefined, inserted: undefined, undo: this.undoSteps.at(-1)?.label });
    return step.label;
  }

  /** Write a cell's text (lines separated by \n). False when the text was already that. */
  async editCell(at: CellLocation, text: string): Promise<boolean> {
    const edits = await this.undoable(
      'sửa ô',
      async () => {
        const e = planCellEdit(await this.doc.read(), at, text);
        if (e.length) this.doc.applyTableEdits(e);
        return e;
      },
      (e) => e.length > 0,
    );
    if (edits.length) this.update({ dirty: true, undo: 'sửa ô', selected: at });
    return edits.length > 0;
  }

  /** Remove one row of a table. */
  async deleteRow(table: number, row: number): Promise<void> {
    await this.undoable('xoá dòng', async () => this.doc.applyTableEdits(planRowDelete(await this.doc.read(), table, row)));
    this.update({ dirty: true, undo: 'xoá dòng', selected: undefined });
  }

  /** Remove the empty rows of a table: how many went, and how many had to stay. */
  async deleteEmptyRows(table: number): Promise<{ removed: number; kept: number }> {
    const plan = await this.undoable(
      'xoá các dòng trống',
      async () => {
        const p = planEmptyRowsDelete(await this.doc.read(), table);
        if (p.edits.length) this.doc.applyTableEdits(p.edits);
        return p;
      },
      (p) => p.edits.length > 0,
    );
    if (plan.edits.length) this.update({ dirty: true, undo: 'xoá các dòng trống', selected: undefined });
    return { removed: plan.edits.length, kept: plan.kept };
  }

  /** The file to download, under `name` when given (it becomes the document's name); marks the document saved. */
  save(name?: string): { name: string; bytes: Uint8Array } {
    const bytes = this.doc.toBytes();
    const saved = name ? safeDocxName(name, this.state.name) : this.state.name;
    this.update({ dirty: false, name: saved });
    return { name: saved, bytes };
  }

  /** The document as .docx bytes, without marking it saved (the copy kept in the browser). */
  bytes(): Uint8Array {
    return this.doc.toBytes();
  }

  /** Bring back a working copy kept in the browser: opened like a file, with its changes still unsaved. */
  restoreWorking(bytes: Uint8Array, name: string): void {
    this.open(bytes, name);
    this.update({ dirty: true });
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
    const result = await this.undoable('chèn bảng', () => this.doc.insertTable(spec, options));
    this.update({ dirty: true, inserted: result.titled ? 0 : at, undo: 'chèn bảng' });
    return result;
  }

  async insertAt(place: 'start' | 'end', blocks: XElement[]): Promise<void> {
    const at = place === 'start' ? 0 : (await this.doc.read()).blockCount;
    await this.undoable('chèn nội dung', () => this.doc.insertAt(place, blocks));
    this.update({ dirty: true, inserted: at, undo: 'chèn nội dung' });
  }

  async insertAtCursor(blocks: XElement[]): Promise<void> {
    const at = Math.min(this.doc.cursor, (await this.doc.read()).blockCount);
    await this.undoable('chèn nội dung', () => this.doc.insertAtCursor(blocks));
    this.update({ dirty: true, inserted: at, undo: 'chèn nội dung' });
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
    const plan = await this.undoable(
      'sửa bảng',
      () => this.doc.editTable(target, planner),
      (p) => p.edits.length > 0,
    );
    if (plan.edits.length) this.update({ dirty: true, undo: 'sửa bảng' });
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
