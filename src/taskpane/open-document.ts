/**
 * Handing the user a file where the pane cannot download it. Word for Mac and iPad run the pane in
 * WKWebView, where a download link does nothing (https://github.com/OfficeDev/office-js/issues/2700,
 * #3385): there the Word backend says "no-downloads" and opens the .docx as a new Word document instead
 * (Application.createDocument, WordApi 1.3); the user saves it from Word.
 */
import type { DocumentBackend } from '../domain/backend';

/** Must match NO_DOWNLOADS in src/word/gateway.ts (not imported: the gateway is a lazy chunk). */
const NO_DOWNLOADS = 'no-downloads';

/** Opens a .docx as a new Word document, when this backend cannot download files; otherwise undefined. */
export function documentOpener(backend: DocumentBackend | undefined): ((bytes: Uint8Array) => Promise<void>) | undefined {
  const b = backend as (DocumentBackend & { openNewDocument?: (bytes: Uint8Array) => Promise<void> }) | undefined;
  if (!b || typeof b.openNewDocument !== 'function') return undefined;
  if (!b.info().features.includes(NO_DOWNLOADS)) return undefined;
  return (bytes) => b.openNewDocument!(bytes);
}
