/**
 * The add-in's store as a custom XML part, through the Office common API
 * (Office.context.document.customXmlParts: callback style, no Word.run and no context.sync).
 * The part is exactly what src/docx/store.ts writes into a .docx, so the CLI reads what Word wrote.
 */
import type { DocumentStore } from '../domain/backend';
import type { XmlParser } from '../domain/ooxml/xml';
import { parseStoreXml, storeSeq, storeXml, STORE_NS } from '../domain/store';
import { notSavedError, storeTooLargeError } from './errors';

/**
 * Word on the web refuses (error 6100) and does not load custom XML parts over 1 MB
 * (https://github.com/OfficeDev/office-js/issues/2408): the store is refused before that, in Vietnamese.
 */
const STORE_PART_LIMIT_BYTES = 1024 * 1024;

/**
 * The part as Office wants it: without the XML declaration, which makes Word keep the old content of
 * the part (https://github.com/OfficeDev/office-js/issues/1643). `seq` numbers the saves: each writes one
 * more than the highest in the document, so the newest part wins even when an older one could not be
 * deleted or Word lists the parts in another order (the order of getByNamespaceAsync is not documented).
 */
export function partXml(store: DocumentStore, seq = 1): string {
  return storeXml(store, { seq, declaration: false });
}

/** A store part as read: the store and its save number (0 for a part written before numbering). */
interface StoredPart {
  readonly store: DocumentStore;
  readonly seq: number;
}

/** The part of Office.AsyncResult the adapter reads. */
export interface AsyncResultLike<T> {
  /** "succeeded" or "failed" (Office.AsyncResultStatus at run time). */
  readonly status: unknown;
  readonly value: T;
  readonly error?: { readonly code?: number; readonly message?: string; readonly name?: string } | null;
}

/** The part of Office.CustomXmlPart the adapter uses. */
export interface CustomXmlPartLike {
  readonly id?: string;
  getXmlAsync(callback: (result: AsyncResultLike<string>) => void): void;
  deleteAsync(callback: (result: AsyncResultLike<void>) => void): void;
}

/** The part of Office.CustomXmlParts the adapter uses (Office.context.document.customXmlParts fits it). */
export interface CustomXmlPartsLike {
  getByNamespaceAsync(ns: string, callback: (result: AsyncResultLike<CustomXmlPartLike[]>) => void): void;
  addAsync(xml: string, callback: (result: AsyncResultLike<CustomXmlPartLike>) => void): void;
}

/** An Office.Error carried as a thrown value (keeps code and message for WordGatewayError). */
class OfficeAsyncError extends Error {
  override readonly name = 'OfficeAsyncError';
  constructor(
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Promisify one callback-style common API call. */
function officeCall<T>(start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (String(result.status) === 'succeeded') resolve(result.value);
        else reject(new OfficeAsyncError(result.error?.code, result.error?.message ?? 'Office: thao tác không thành công.'));
      });
    } catch (e) {
      reject(e);
    }
  });
}

/** Read a store part; Word may give the namespace another prefix, so any declaration of ours counts. */
function readPart(xml: string, parse: XmlParser): StoredPart | undefined {
  if (!xml.includes(STORE_NS)) return undefined;
  const root = parse(xml);
  const store = parseStoreXml(root);
  return store && { store, seq: storeSeq(root) };
}

export function readStorePart(xml: string, parse: XmlParser): DocumentStore | undefined {
  return readPart(xml, parse)?.store;
}

/** The newest valid part in our namespace (highest save number; the later one on a tie), or undefined. */
async function newestPart(parts: CustomXmlPartsLike, parse: XmlParser): Promise<StoredPart | undefined> {
  const found = await officeCall<CustomXmlPartLike[]>((cb) => parts.getByNamespaceAsync(STORE_NS, cb));
  let newest: StoredPart | undefined;
  for (const part of found ?? []) {
    const xml = await officeCall<string>((cb) => part.getXmlAsync(cb));
    try {
      const p = readPart(xml, parse);
      if (p && (!newest || p.seq >= newest.seq)) newest = p;
    } catch {
      /* a broken part in our namespace: skip it, a later save replaces it */
    }
  }
  return newest;
}

/** The store in the document: the newest valid part in our namespace, or undefined. */
export async function loadStorePart(parts: CustomXmlPartsLike, parse: XmlParser): Promise<DocumentStore | undefined> {
  return (await newestPart(parts, parse))?.store;
}

/**
 * Replace the store: add the new part first, then delete the old ones, so a failure part-way never
 * leaves the document without its data. Then read it back: Word on the web may report success for
 * addAsync/deleteAsync and change nothing (https://github.com/OfficeDev/office-js/issues/5910), so the
 * user is told when what the add-in would load next is not what was saved.
 */
export async function saveStorePart(parts: CustomXmlPartsLike, store: DocumentStore, parse: XmlParser): Promise<void> {
  // Checked before Word is asked anything (the save number changes the size by a few bytes at most).
  if (new TextEncoder().encode(partXml(store, Number.MAX_SAFE_INTEGER)).length > STORE_PART_LIMIT_BYTES) {
    throw storeTooLargeError();
  }
  const xml = partXml(store, ((await newestPart(parts, parse))?.seq ?? 0) + 1);
  const old = await officeCall<CustomXmlPartLike[]>((cb) => parts.getByNamespaceAsync(STORE_NS, cb));
  await officeCall<CustomXmlPartLike>((cb) => parts.addAsync(xml, cb));
  for (const part of old ?? []) await officeCall<void>((cb) => part.deleteAsync(cb));
  const back = await loadStorePart(parts, parse);
  if (!back || JSON.stringify(back) !== JSON.stringify(JSON.parse(JSON.stringify(store)))) throw notSavedError();
}
