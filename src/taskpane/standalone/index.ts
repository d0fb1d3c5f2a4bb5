/**
 * Standalone mode, loaded on demand: the in-browser .docx session, its toolbar and its preview.
 * This chunk carries fflate, DocxDocument and the OOXML reader/writer; the first screen does not.
 */
export { StandaloneSession } from './session';
/** @public (App.tsx takes it from this chunk, loaded with import()) */
export { Toolbar } from './Toolbar';
/** @public */
export { Preview } from './Preview';
