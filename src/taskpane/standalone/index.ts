/**
 * Standalone mode, loaded on demand: the in-browser .docx session, its toolbar and its preview.
 * This chunk carries fflate, DocxDocument and the OOXML reader/writer; the first screen does not.
 */
export { StandaloneSession } from './session';
/** @public (App.tsx loads this chunk with import() and takes these from the module) */
export { Toolbar } from './Toolbar';
/** @public */
export { Preview } from './Preview';
