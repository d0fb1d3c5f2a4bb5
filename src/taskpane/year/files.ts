/**
 * Files the user picks in the year panel: a plan, last year's plan or report (.docx, read only to look
 * at, through src/app like every other reading) and templates (.json). Loaded on demand: it brings the
 * zip code. Every broken or hostile file becomes a UserError with a Vietnamese message, never a crash.
 */
import { checkOpened } from '../../app/check';
import { tooLargeError, tryOpenForReading } from '../../app/open';
import type { CheckResult } from '../../domain/check';
import { UserError } from '../../domain/errors';
import { parseXmlDom } from '../../xml/dom';

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

/** A .docx read and recognised: its tables and what it is (kind, school, school year). */
export async function readDocxFile(file: PickedFile): Promise<ReadDocx> {
  const tooLarge = tooLargeError(file.size);
  if (tooLarge) throw new UserError('read-failed', `Không đọc được «${file.name}»: ${tooLarge.message}`);
  const opened = tryOpenForReading(new Uint8Array(await file.arrayBuffer()), parseXmlDom);
  if (!opened.ok) throw new UserError('read-failed', `Không đọc được «${file.name}»: ${opened.failure.message}`);
  return { name: file.name, result: checkOpened(opened.doc) };
}
