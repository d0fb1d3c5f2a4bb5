/**
 * Standalone mode, loaded on demand: the in-browser .docx session, its toolbar and its preview.
 * This chunk carries fflate, DocxDocument and the OOXML reader/writer; the first screen does not.
 */
export { StandaloneSession, NEW_DOCUMENT_NAME } from './session';
export type { SessionState } from './session';
export { Toolbar } from './Toolbar';
export { Preview } from './Preview';
