/**
 * The name «Lưu» proposes for a new document, read from it (kind, year, school). Its own chunk, loaded
 * after the page is up: the checker's metadata reader is not needed for the first screen.
 */
import type { DocumentBackend } from '../../domain/backend';
import { inferMeta } from '../../domain/check/metadata';
import { storedOverrides } from '../../domain/store';
import { proposedFileName } from '../../domain/documents/file-name';
import { recogniseTables } from '../../domain/table/recognise';

export async function proposeName(backend: DocumentBackend): Promise<string | undefined> {
  const model = await backend.read();
  const store = await backend.loadStore().catch(() => undefined);
  return proposedFileName(inferMeta(model, recogniseTables(model), storedOverrides(store)));
}
