/**
 * The add-in's data inside a .docx: one custom XML part in the namespace urn:ctcl:store:1 holding
 * versioned JSON. Word's customXmlParts API (Office common API) reads and writes the same part.
 */
import { parseStoreXml, storeSeq, storeXml as domainStoreXml, STORE_NS, type DocumentStore } from '../domain/store';
import {
  contentTypesXml,
  nextRelId,
  parseContentTypes,
  parseRelationships,
  relationshipsXml,
  relsPathOf,
  resolveTarget,
  REL_CUSTOM_XML,
  REL_CUSTOM_XML_PROPS,
} from '../domain/ooxml/package';
import { el, serializeDocument, type XmlParser } from '../domain/ooxml/xml';
import type { DocxPackage } from './package';

const CT_ITEM_PROPS = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

/** The store part as the .docx holds it (with the XML declaration), numbered by `seq`. */
export function storeXml(store: DocumentStore, seq = 1): string {
  return domainStoreXml(store, { seq });
}

/** The newest store part (highest save number; the later one on a tie). */
function findStorePart(pkg: DocxPackage, parse: XmlParser): { path: string; store: DocumentStore; seq: number } | undefined {
  let newest: { path: string; store: DocumentStore; seq: number } | undefined;
  for (const path of pkg.paths()) {
    if (!/^customXml\/item\d+\.xml$/.test(path)) continue;
    const s = pkg.text(path) ?? '';
    if (!s.includes(STORE_NS)) continue;
    try {
      const root = parse(s);
      const store = parseStoreXml(root);
      const seq = storeSeq(root);
      if (store && (!newest || seq >= newest.seq)) newest = { path, store, seq };
    } catch {
      /* a broken part that is not ours */
    }
  }
  return newest;
}

export function readStore(pkg: DocxPackage, parse: XmlParser): DocumentStore | undefined {
  return findStorePart(pkg, parse)?.store;
}

export function writeStore(pkg: DocxPackage, parse: XmlParser, store: DocumentStore): void {
  const existing = findStorePart(pkg, parse);
  if (existing) {
    pkg.set(existing.path, storeXml(store, existing.seq + 1));
    return;
  }
  let n = 1;
  while (pkg.has(`customXml/item${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.set(item, storeXml(store));
  const guid = `{${cryptoGuid().toUpperCase()}}`;
  pkg.set(
    props,
    serializeDocument(
      el(
        'ds:datastoreItem',
        { 'ds:itemID': guid, 'xmlns:ds': 'http://schemas.openxmlformats.org/officeDocument/2006/customXml' },
        [el('ds:schemaRefs', {}, [el('ds:schemaRef', { 'ds:uri': STORE_NS })])],
      ),
    ),
  );
  pkg.set(
    relsPathOf(item),
    relationshipsXml([{ id: 'rId1', type: REL_CUSTOM_XML_PROPS, target: `itemProps${n}.xml`, external: false }]),
  );
  // The main document part points at the custom XML item.
  const relsPath = relsPathOf(pkg.mainPath);
  const relsRoot = pkg.xml(relsPath, parse);
  const rels = relsRoot ? parseRelationships(relsRoot) : [];
  const base = pkg.mainPath.includes('/') ? pkg.mainPath.slice(0, pkg.mainPath.lastIndexOf('/')) : '';
  const target = base ? `../${item}` : item;
  if (!rels.some((r) => r.type === REL_CUSTOM_XML && resolveTarget(pkg.mainPath, r.target) === item)) {
    rels.push({ id: nextRelId(rels), type: REL_CUSTOM_XML, target, external: false });
    pkg.set(relsPath, relationshipsXml(rels));
  }
  const ctRoot = pkg.xml('[Content_Types].xml', parse);
  if (ctRoot) {
    const ct = parseContentTypes(ctRoot);
    if (!ct.defaults.has('xml')) ct.defaults.set('xml', 'application/xml');
    ct.overrides.set(`/${props}`, CT_ITEM_PROPS);
    pkg.set('[Content_Types].xml', contentTypesXml(ct));
  }
}

function cryptoGuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : '00000000-0000-4000-8000-' + Date.now().toString(16).padStart(12, '0').slice(-12);
}
