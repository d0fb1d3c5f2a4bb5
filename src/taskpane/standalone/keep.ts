/**
 * The working copy of the standalone page, kept in the browser (IndexedDB) while it has unsaved changes,
 * so that a reload, a closed tab or a crash does not lose the work: the next visit offers to restore it.
 * One copy per browser profile and site; it goes when the document is saved or the user discards it.
 */

const DB = 'ctcl';
const STORE = 'working';
const KEY = 'document';

export interface WorkingCopy {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** ISO time of the last change kept. */
  readonly keptAt: string;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error ?? new Error('IndexedDB'));
  });
}

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => {
    if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
  };
  return request(r);
}

async function withStore<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(run(tx.objectStore(STORE)));
    await new Promise<void>((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error ?? new Error('IndexedDB'));
      tx.onabort = () => fail(tx.error ?? new Error('IndexedDB'));
    });
    return result;
  } finally {
    db.close();
  }
}

function isCopy(v: unknown): v is WorkingCopy {
  const o = v as Partial<WorkingCopy> | undefined;
  return !!o && typeof o.name === 'string' && o.bytes instanceof Uint8Array && typeof o.keptAt === 'string';
}

/** The copy kept by an earlier visit, if any (undefined also when the browser keeps nothing). */
export async function loadWorkingCopy(): Promise<WorkingCopy | undefined> {
  try {
    const v = await withStore('readonly', (s) => s.get(KEY) as IDBRequest<unknown>);
    return isCopy(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Keep the document; false when the browser refused (private window, storage full). */
export async function keepWorkingCopy(copy: WorkingCopy): Promise<boolean> {
  try {
    await withStore('readwrite', (s) => s.put(copy, KEY));
    return true;
  } catch {
    return false;
  }
}

export async function dropWorkingCopy(): Promise<void> {
  try {
    await withStore('readwrite', (s) => s.delete(KEY));
  } catch {
    // Nothing kept, nothing to drop.
  }
}
