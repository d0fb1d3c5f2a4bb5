/**
 * Reading a .docx only to look at it (the checker, the reviewer's folder check, the pane's "check a
 * file"): the fewest parts inflated, the main document parsed and read into a DocModel, and every
 * failure turned into a DocxError with a Vietnamese message and a stable code.
 */
import { DocumentStructureError, readDocument, type DocModel } from '../domain/ooxml/reader';
import { XmlSecurityError, XmlSyntaxError, type XmlParser } from '../domain/ooxml/xml';
import { DocxError, DocxPackage, LIMITS, type DocxErrorCode } from './package';

/** Parse .docx bytes into the reader's model. Throws DocxError for every broken or hostile file. */
export function readDocxModel(bytes: Uint8Array, parse: XmlParser): DocModel {
  const pkg = DocxPackage.open(bytes, { parts: 'read' });
  // Read-only: a lean tree (formatting the reader never uses is left out).
  const root = pkg.mainDocument(parse, { lean: true });
  try {
    return readDocument(root);
  } catch (e) {
    if (e instanceof DocumentStructureError) {
      throw new DocxError('missing-main', `Tệp .docx không có phần thân văn bản (w:body), có thể đã bị hỏng.`);
    }
    throw e;
  }
}

/** The refusal for a file too large to open, decided from its size alone (before reading it into memory). */
export function tooLargeError(size: number): DocxError | undefined {
  if (size <= LIMITS.maxFileBytes) return undefined;
  const mb = 1024 * 1024;
  return new DocxError('too-large', `Tệp quá lớn (${Math.round(size / mb)} MB; tối đa ${LIMITS.maxFileBytes / mb} MB).`);
}

/** Why a file could not be read, as a stable code and a Vietnamese message. */
export interface ReadFailure {
  readonly code: DocxErrorCode | 'internal';
  readonly message: string;
}

/** Any error thrown while reading or checking one document, as a ReadFailure. */
export function readFailure(e: unknown): ReadFailure {
  if (e instanceof DocxError) return { code: e.code, message: e.message };
  if (e instanceof XmlSecurityError) return { code: 'xml-unsafe', message: e.message };
  if (e instanceof XmlSyntaxError) return { code: 'xml-invalid', message: `Tệp bị hỏng. ${e.message}` };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    message: `Lỗi không mong đợi khi đọc tệp (${detail}). Xin gửi tệp này cho nhóm phát triển.`,
  };
}
