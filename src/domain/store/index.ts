/**
 * What the add-in keeps inside a document: the one owner of every key. The store is versioned JSON in one
 * custom XML part (namespace urn:ctcl:store:1) — the .docx writer and Word's customXmlParts hold the same
 * part. Each key has a versioned type, one reader (anything malformed is ignored, never thrown: a document
 * is never refused for its store) and one writer that keeps every other key as it is (keys a newer ctcl
 * wrote survive an older one). Documents saved by earlier releases read unchanged
 * (test/fixtures/store/seed-000-saved-v1.docx pins one).
 *
 * Writes go through DocumentBackend.updateStore(change): the backends apply changes one after another, so
 * two panels writing at once both keep their change.
 */
import { isFramework, isSchoolType, type Level, type SchoolType } from '../catalog';
import type { FileKind } from '../forms';
import type { MetaOverrides } from '../check/metadata';
import { el, serializeDocument, text, type XElement } from '../ooxml/xml';
import { parseProfile, type SchoolProfile } from '../profile';
import { parseRef } from '../table/model';
import { parseTemplate, type PlanTemplate } from '../year/templates';
import { parseSchoolYear } from '../text';

export const STORE_NS = 'urn:ctcl:store:1';
const STORE_VERSION = 1;

/** The store as it is kept: version 1 and keys whose values are read by the readers below. */
export interface DocumentStore {
  readonly version: 1;
  readonly [key: string]: unknown;
}

export const EMPTY_STORE: DocumentStore = { version: 1 };

/** A change to the store: the store as it is now in, the new store out (pure, may run again). */
export type StoreChange = (store: DocumentStore) => DocumentStore;

/** Every key the add-in stores. */
export const STORE_KEYS = {
  /** The «Điền dòng» side form's draft (RowDraftV1). */
  rowDraft: 'rowDraft',
  /** Ids of the findings the school chose to «Bỏ qua» (IgnoredFindingsV1). */
  ignoredFindings: 'ignoredFindings',
  /** What the user told the add-in the document does not say (MetaOverridesV1). */
  metaOverrides: 'metaOverrides',
  /** The school's profile for the official frame (ProfileV1). */
  profile: 'profile',
  /** Plan templates «Lưu làm mẫu» (TemplatesV1). */
  templates: 'templates',
} as const;

// ---------------------------------------------------------------------------------------------
// The one parse and the one serialise
// ---------------------------------------------------------------------------------------------

/** The store's JSON, or undefined when it is not a store of this version. */
export function parseStoreJson(json: string): DocumentStore | undefined {
  try {
    const v = JSON.parse(json) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v) && (v as { version?: unknown }).version === STORE_VERSION) {
      return v as DocumentStore;
    }
  } catch {
    /* not ours */
  }
  return undefined;
}

function serialiseStoreJson(store: DocumentStore): string {
  return JSON.stringify(store);
}

/**
 * The store part's XML: the JSON as the text of one element, numbered by `seq` (each save writes one more
 * than the highest number in the document, so the newest part wins when an older one is left behind).
 * Word's customXmlParts.addAsync gets it without the XML declaration (office-js#1643).
 */
export function storeXml(store: DocumentStore, options: { declaration?: boolean; seq?: number } = {}): string {
  const attrs = { 'xmlns:ctcl': STORE_NS, 'ctcl:seq': String(options.seq ?? 1) };
  const xml = serializeDocument(el('ctcl:store', attrs, [text(serialiseStoreJson(store))]));
  return options.declaration === false ? xml.replace(/^\s*<\?xml[^?]*\?>\s*/, '') : xml;
}

/** The save number of a store part (0 for a part written before numbering); any prefix bound to our namespace. */
export function storeSeq(root: XElement): number {
  const prefixes = Object.entries(root.attrs)
    .filter(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && v === STORE_NS)
    .map(([k]) => k.slice('xmlns:'.length));
  const n = Number(prefixes.map((p) => root.attrs[p ? `${p}:seq` : 'seq']).find((v) => v !== undefined) ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** A parsed store part; undefined if it is not ours or not a valid store. Any prefix bound to our namespace counts. */
export function parseStoreXml(root: XElement): DocumentStore | undefined {
  const declared = Object.entries(root.attrs).some(([k, v]) => (k === 'xmlns' || k.startsWith('xmlns:')) && v === STORE_NS);
  if (!declared) return undefined;
  return parseStoreJson(root.children.map((c) => (c.t === 'x' ? c.v : '')).join(''));
}

/** The store with one key set (or removed when value is undefined), every other key kept. */
function withKey(store: DocumentStore, key: string, value: unknown): DocumentStore {
  const { [key]: _old, ...rest } = store;
  return value === undefined ? { ...rest, version: 1 } : { ...rest, version: 1, [key]: value };
}

const isFileKind = (v: unknown): v is FileKind => v === 'plan' || v === 'report' || v === 'monitoring';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// ignoredFindings
// ---------------------------------------------------------------------------------------------

type IgnoredFindingsV1 = readonly string[];

export function ignoredOf(store: DocumentStore | undefined): string[] {
  const v = store?.[STORE_KEYS.ignoredFindings];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The store with `id` ignored (everything else kept). */
export function withIgnored(store: DocumentStore, id: string): DocumentStore {
  const ids = ignoredOf(store);
  return ids.includes(id) ? store : { ...store, [STORE_KEYS.ignoredFindings]: [...ids, id] };
}

/** The store with `id` no longer ignored. */
export function withoutIgnored(store: DocumentStore, id: string): DocumentStore {
  return { ...store, [STORE_KEYS.ignoredFindings]: ignoredOf(store).filter((x) => x !== id) };
}

// ---------------------------------------------------------------------------------------------
// metaOverrides
// ---------------------------------------------------------------------------------------------

type MetaOverridesV1 = MetaOverrides;

/** The overrides kept in a document store, each field validated (anything else is ignored). */
export function storedOverrides(store: { readonly [key: string]: unknown } | undefined): MetaOverridesV1 {
  const o = store?.[STORE_KEYS.metaOverrides];
  if (!isRecord(o)) return {};
  return {
    ...(isSchoolType(o.schoolType) ? { schoolType: o.schoolType } : {}),
    ...(typeof o.schoolYear === 'string' && parseSchoolYear(o.schoolYear) ? { schoolYear: o.schoolYear } : {}),
    ...(isFramework(o.framework) ? { framework: o.framework } : {}),
    ...(isFileKind(o.documentKind) ? { documentKind: o.documentKind } : {}),
  };
}

/**
 * The store of a document just made (pane «Chèn bảng» on an empty document, `ctcl new`): what the user
 * chose is kept as the document's overrides, so every surface reads the document as it was made.
 */
export function withCreatedMeta(store: DocumentStore, meta: MetaOverridesV1): DocumentStore {
  return withOverrides(store, { ...storedOverrides(store), ...meta });
}

export function withOverrides(store: DocumentStore, overrides: MetaOverridesV1): DocumentStore {
  return withKey(store, STORE_KEYS.metaOverrides, overrides);
}

/** The overrides with the school type set (or removed), the other fields as they were stored. */
export function withSchoolType(store: DocumentStore, schoolType: SchoolType | undefined): DocumentStore {
  const old = store[STORE_KEYS.metaOverrides];
  const meta: { schoolType?: SchoolType } = { ...(isRecord(old) ? (old as MetaOverrides) : {}), schoolType };
  if (!schoolType) delete meta.schoolType;
  return withKey(store, STORE_KEYS.metaOverrides, meta);
}

// ---------------------------------------------------------------------------------------------
// rowDraft
// ---------------------------------------------------------------------------------------------

/** A criterion of the main list or of Mức 4 (2018 only). */
export type DraftSection = 'main' | 'm4';

export interface RowDraftV1 {
  /** The table: our tag, or its position (DocTable.index). */
  readonly table: { readonly tag?: string; readonly table?: number };
  readonly ref?: string;
  readonly level?: Level;
  readonly section: DraftSection;
  readonly cells: Readonly<Record<string, string>>;
  readonly ordinal: number;
  /** ISO time of the last change. */
  readonly updatedAt: string;
}

const isLevel = (v: unknown): v is Level => v === 1 || v === 2 || v === 3;

/** The draft in a store, if it is one (anything malformed is ignored, never thrown). */
export function parseDraft(store: DocumentStore | undefined): RowDraftV1 | undefined {
  const d = store?.[STORE_KEYS.rowDraft];
  if (!isRecord(d)) return undefined;
  const t = isRecord(d.table) ? d.table : {};
  const table = {
    ...(typeof t.tag === 'string' ? { tag: t.tag } : {}),
    ...(typeof t.table === 'number' && Number.isInteger(t.table) && t.table >= 0 ? { table: t.table } : {}),
  };
  const cells: Record<string, string> = {};
  if (isRecord(d.cells)) {
    for (const [k, x] of Object.entries(d.cells)) if (typeof x === 'string') cells[k] = x;
  }
  const ref = typeof d.ref === 'string' && parseRef(d.ref) ? d.ref : undefined;
  return {
    table,
    ref,
    level: isLevel(d.level) ? d.level : undefined,
    section: d.section === 'm4' || (ref && parseRef(ref)?.level4) ? 'm4' : 'main',
    cells,
    ordinal: typeof d.ordinal === 'number' && Number.isInteger(d.ordinal) && d.ordinal >= 0 ? d.ordinal : 0,
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : '',
  };
}

/** The store with the draft set (or removed), every other key kept. */
export function withDraft(store: DocumentStore, draft: RowDraftV1 | undefined): DocumentStore {
  return withKey(store, STORE_KEYS.rowDraft, draft);
}

// ---------------------------------------------------------------------------------------------
// profile
// ---------------------------------------------------------------------------------------------

type ProfileV1 = SchoolProfile;

/** The profile kept in the document, if any. */
export function storedProfile(store: DocumentStore | undefined): ProfileV1 | undefined {
  const v = store?.[STORE_KEYS.profile];
  return isRecord(v) ? parseProfile(v) : undefined;
}

export function withProfile(store: DocumentStore, profile: ProfileV1): DocumentStore {
  return { ...store, [STORE_KEYS.profile]: profile };
}

// ---------------------------------------------------------------------------------------------
// templates
// ---------------------------------------------------------------------------------------------

type TemplatesV1 = readonly PlanTemplate[];

/** Templates kept in the document store; unreadable entries are skipped. */
export function templatesInStore(store: { readonly [key: string]: unknown }): PlanTemplate[] {
  const list = store[STORE_KEYS.templates];
  const out: PlanTemplate[] = [];
  for (const t of Array.isArray(list) ? list : []) {
    try {
      out.push(parseTemplate(t));
    } catch {
      /* a damaged or newer entry is not offered */
    }
  }
  return out;
}

/** The store with a template added (one of the same name is replaced; other entries are kept as they are). */
export function withTemplate(store: DocumentStore, t: PlanTemplate): DocumentStore {
  const list = Array.isArray(store[STORE_KEYS.templates]) ? (store[STORE_KEYS.templates] as unknown[]) : [];
  const others = list.filter((x) => !(isRecord(x) && x.name === t.name));
  return { ...store, [STORE_KEYS.templates]: [...others, t] };
}

// ---------------------------------------------------------------------------------------------
// The whole store, typed
// ---------------------------------------------------------------------------------------------

interface StoreV1 {
  readonly rowDraft?: RowDraftV1;
  readonly ignoredFindings: IgnoredFindingsV1;
  readonly metaOverrides: MetaOverridesV1;
  readonly profile?: ProfileV1;
  readonly templates: TemplatesV1;
}

/** Every key of a store read by its reader. */
export function readStoreV1(store: DocumentStore | undefined): StoreV1 {
  return {
    rowDraft: parseDraft(store),
    ignoredFindings: ignoredOf(store),
    metaOverrides: storedOverrides(store),
    profile: storedProfile(store),
    templates: store ? templatesInStore(store) : [],
  };
}

/**
 * Applies store changes one after another (each sees the store the previous one saved). One queue per
 * document: both backends keep one, so writes from two panels never overwrite each other.
 */
export class StoreQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Run a task after every task queued before it (a failed task does not stop the next one). */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Load, change and save as one queued task. */
  update(
    load: () => Promise<DocumentStore>,
    save: (s: DocumentStore) => Promise<void>,
    change: StoreChange,
  ): Promise<DocumentStore> {
    return this.enqueue(async () => {
      const updated = change(await load());
      await save(updated);
      return updated;
    });
  }
}
