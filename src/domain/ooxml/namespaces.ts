/**
 * XML by namespace, not by prefix. The reader, the writer and the edits name elements as Word writes them
 * ("w:body", "r:id", "mc:AlternateContent"), but a prefix is only a local alias: a valid document may bind
 * the WordprocessingML namespace to "ns0", or make it the default namespace. Both parsers pass their tree
 * through canonicalPrefixes, which renames every element and attribute in a namespace we know to that
 * namespace's usual prefix and declares that prefix where the document declared its own. Nothing is lost:
 * the document's own declarations stay (attribute values such as mc:Ignorable="ns5" may name them), so the
 * tree, once serialised, is the same document with other aliases.
 */
import { LEAN_DROPPED, leanDroppedAttr, type XElement, type XNode } from './xml';

/** The prefix the code uses for each namespace it reads or writes. */
const CANONICAL_PREFIX: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/2006/xmlPackage': 'pkg',
  'http://schemas.openxmlformats.org/officeDocument/2006/customXml': 'ds',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi',
};

const RESERVED: ReadonlySet<string> = new Set(Object.values(CANONICAL_PREFIX));

const DECLARATION = /\sxmlns(?::([^\s=/>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Whether the text binds a known namespace to another prefix (or as the default namespace), or one of our
 * prefixes to another namespace. A quick scan of the text, so that the usual document (Word's own prefixes)
 * costs no walk of its tree; a false alarm (the word in a text run) only costs that walk.
 */
export function hasForeignPrefixes(xml: string): boolean {
  DECLARATION.lastIndex = 0;
  for (let m = DECLARATION.exec(xml); m; m = DECLARATION.exec(xml)) {
    const prefix = m[1] ?? '';
    const canonical = CANONICAL_PREFIX[m[2] ?? m[3] ?? ''];
    if (canonical !== undefined ? canonical !== prefix : RESERVED.has(prefix)) return true;
  }
  return false;
}

type Scope = ReadonlyMap<string, string>;

/**
 * The tree with every element and attribute in a known namespace under its canonical prefix (see the
 * module comment). `xml` is the text the tree came from: it is scanned first (hasForeignPrefixes) and the
 * tree is returned unchanged when no alias needs renaming. With `lean`, the formatting a lean parse leaves
 * out is left out here too (the parser could not recognise it under the document's own prefix).
 */
export function canonicalPrefixes(root: XElement, xml: string, lean = false): XElement {
  if (!hasForeignPrefixes(xml)) return root;
  // A prefix of ours that the document binds to another namespace is renamed to one it does not use.
  const spare = new Map<string, string>();
  const spareFor = (prefix: string): string => {
    let s = spare.get(prefix);
    for (let i = 1; s === undefined; i++) if (!xml.includes(`${prefix}_${i}:`)) s = `${prefix}_${i}`;
    spare.set(prefix, s);
    return s;
  };
  const target = (scope: Scope, prefix: string): string | undefined => {
    const uri = scope.get(prefix);
    if (uri === undefined) return prefix === '' ? undefined : prefix;
    const canonical = CANONICAL_PREFIX[uri];
    if (canonical !== undefined) return canonical;
    if (prefix !== '' && RESERVED.has(prefix)) return spareFor(prefix);
    return prefix === '' ? undefined : prefix;
  };
  const rename = (scope: Scope, qname: string, isElement: boolean): string => {
    const i = qname.indexOf(':');
    if (i < 0) {
      // An unprefixed attribute is in no namespace; an unprefixed element is in the default one.
      if (!isElement) return qname;
      const t = target(scope, '');
      return t === undefined ? qname : `${t}:${qname}`;
    }
    const t = target(scope, qname.slice(0, i));
    return t === undefined ? qname : `${t}${qname.slice(i)}`;
  };

  const walk = (e: XElement, outer: Scope): XElement => {
    let scope = outer;
    for (const k in e.attrs) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      if (scope === outer) scope = new Map(outer);
      (scope as Map<string, string>).set(k === 'xmlns' ? '' : k.slice(6), e.attrs[k]);
    }
    const attrs: Record<string, string> = {};
    for (const k in e.attrs) {
      const v = e.attrs[k];
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        const prefix = k === 'xmlns' ? '' : k.slice(6);
        const t = target(scope, prefix);
        // Keep the document's own declaration, unless it binds one of our prefixes to another namespace
        // (then it moves to its spare prefix); declare the canonical prefix beside it.
        if (!(prefix !== '' && t !== prefix)) attrs[k] = v;
        else if (!RESERVED.has(prefix) || CANONICAL_PREFIX[v] === prefix) attrs[k] = v;
        if (t !== undefined && t !== prefix) attrs[`xmlns:${t}`] = v;
        continue;
      }
      const name = rename(scope, k, false);
      if (!(lean && leanDroppedAttr(name))) attrs[name] = v;
    }
    const children: XNode[] = [];
    for (const c of e.children) {
      if (c.t !== 'e') children.push(c);
      else {
        const child = walk(c, scope);
        if (!(lean && LEAN_DROPPED.has(child.name))) children.push(child);
      }
    }
    return { t: 'e', name: rename(scope, e.name, true), attrs, children };
  };
  return walk(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}
