/**
 * Opening a document for reading, the one way every surface does it (the pane's «Kiểm tra tệp khác» and
 * year panel, `ctcl check`, `report-from-plan`, `roll`, the reviewer page): the fewest parts inflated, the
 * main document parsed lean (formatting the reader never uses is left out) into a DocModel, the store read
 * beside it (a broken store never stops the reading), and every failure turned into a stable code and a
 * Vietnamese reason.
 */
import { DocumentStructureError, readDocument, type DocModel } from '../domain/ooxml/reader';
import { XmlSecurityError, XmlSyntaxError, type XmlParser } from '../domain/ooxml/xml';
import { EMPTY_STORE, type DocumentStore } from '../domain/store';
import { DocxError, DocxPackage, LIMITS, type DocxErrorCode } from '../docx/package';
import { readStore } from '../docx/store';

/** A document read to be looked at: its model and what the add-in stored in it. */
export interface OpenedDocument {
  readonly model: DocModel;
  readonly store: DocumentStore;
}

/** Why a file could not be read, as a stable code and a Vietnamese message. */
export interface ReadFailure {
  readonly code: DocxErrorCode | 'internal';
  readonly message: string;
}

type OpenResult = { readonly ok: true; readonly doc: OpenedDocument } | { readonly ok: false; readonly failure: ReadFailure };

const NO_BODY = 'Tệp .docx không có phần thân văn bản (w:body), có thể đã bị hỏng.';

/** Open .docx bytes for reading. Throws DocxError (a UserError) for every broken or hostile file. */
export function openForReading(bytes: Uint8Array, parse: XmlParser): OpenedDocument {
  const pkg = DocxPackage.open(bytes, { parts: 'read' });
  const root = pkg.mainDocument(parse, { lean: true });
  let model: DocModel;
  try {
    model = readDocument(root);
  } catch (e) {
    if (e instanceof DocumentStructureError) throw new DocxError('missing-main', NO_BODY);
    throw e;
  }
  let store: DocumentStore = EMPTY_STORE;
  try {
    store = readStore(pkg, parse) ?? EMPTY_STORE;
  } catch {
    // A broken store part does not stop the reading.
  }
  return { model, store };
}

/** The model only (benchmarks, tests). */
export function readDocxModel(bytes: Uint8Array, parse: XmlParser): DocModel {
  return openForReading(bytes, parse).model;
}

/** Open for reading; never throws. */
export function tryOpenForReading(bytes: Uint8Array, parse: XmlParser): OpenResult {
  try {
    return { ok: true, doc: openForReading(bytes, parse) };
  } catch (e) {
    return { ok: false, failure: readFailure(e) };
  }
}

/** The refusal for a file too large to open, decided from its size alone (before reading it into memory). */
export function tooLargeError(size: number): DocxError | undefined {
  if (size <= LIMITS.maxFileBytes) return undefined;
  const mb = 1024 * 1024;
  return new DocxError('too-large', `Tệp quá lớn (${Math.round(size / mb)} MB; tối đa ${LIMITS.maxFileBytes / mb} MB).`);
}

/** Any error thrown while reading or checking one document, as a ReadFailure. */
export function readFailure(e: unknown): ReadFailure {
  if (e instanceof DocxError) return { code: e.code, message: e.message };
  if (e instanceof XmlSecurityError) return { code: 'xml-unsafe', message: e.message };
  if (e instanceof XmlSyntaxError) return { code: 'xml-invalid', message: `Tệp bị hỏng. ${e.message}` };
  if (e instanceof DocumentStructureError) return { code: 'missing-main', message: NO_BODY };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    message: `Lỗi không mong đợi khi đọc tệp (${detail}). Xin gửi tệp này cho nhóm phát triển.`,
  };
}
