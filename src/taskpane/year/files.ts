/**
 * Files the user picks in the year panel: a plan, last year's plan or report (.docx, read only to look
 * at: the fewest parts inflated) and templates (.json). Loaded on demand: it brings the zip code.
 * Every broken or hostile file becomes an Error with a Vietnamese message, never a crash.
 */
import { UserError } from '../../domain/errors';
import { checkDocument, type CheckResult } from '../../domain/check';
import { DocumentStructureError, readDocument } from '../../domain/ooxml/reader';
import { XmlSecurityError, XmlSyntaxError } from '../../domain/ooxml/xml';
import { DocxError, DocxPackage, LIMITS } from '../../docx/package';
import { parseXmlDom } from '../../docx/xml-dom';

/** A picked file (the browser's File, or a stand-in in tests). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadDocx {
  readonly name: string;
  readonly result: CheckResult;
}

function message(e: unknown): string {
  if (e instanceof DocxError || e instanceof XmlSecurityError) return e.message;
  if (e instanceof XmlSyntaxError) return `Tệp bị hỏng. ${e.message}`;
  if (e instanceof DocumentStructureError) return 'Tệp .docx không có phần thân văn bản (w:body), có thể đã bị hỏng.';
  return `Lỗi không mong đợi khi đọc tệp (${e instanceof Error ? e.message : String(e)}).`;
}

/** A .docx read and recognised: its tables and what it is (kind, school, school year). */
export async function readDocxFile(file: PickedFile): Promise<ReadDocx> {
  try {
    if (file.size > LIMITS.maxFileBytes) {
      const mb = 1024 * 1024;
      throw new DocxError('too-large', `Tệp quá lớn (${Math.round(file.size / mb)} MB; tối đa ${LIMITS.maxFileBytes / mb} MB).`);
    }
    const pkg = DocxPackage.open(new Uint8Array(await file.arrayBuffer()), { parts: 'read' });
    return { name: file.name, result: checkDocument(readDocument(pkg.mainDocument(parseXmlDom))) };
  } catch (e) {
    throw new UserError('read-failed', `Không đọc được «${file.name}»: ${message(e)}`);
  }
}
