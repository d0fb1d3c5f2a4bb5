/**
 * The bytes of an .xlsx workbook: the parts written by src/domain/spreadsheet, zipped with fflate. The same
 * module serves `ctcl check --xlsx` and the reviewer page in the browser (no eval, no Node API).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { workbookParts, type Workbook } from '../domain/spreadsheet';

/** A fixed time for every zip entry, so the same workbook gives the same bytes. */
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

export function xlsxBytes(wb: Workbook): Uint8Array {
  const files: Zippable = {};
  for (const [path, xml] of workbookParts(wb)) files[path] = [strToU8(xml), { level: 6, mtime: ZIP_TIME }];
  return zipSync(files);
}
