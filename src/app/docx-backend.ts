/**
 * The front ends' one entry into src/docx: the .docx held in memory, which is the DocumentBackend of the
 * CLI and of the standalone pane (as src/word's gateway is in Word), and the .xlsx writer. src/taskpane
 * and src/cli import this module, never src/docx's package, store or document modules (eslint.config.mjs):
 * reading a file just to look at it goes through ./open, checking through ./check.
 */
export { DocxDocument } from '../docx/document';
export { xlsxBytes } from '../docx/xlsx';
