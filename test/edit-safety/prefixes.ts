/**
 * Documents that bind WordprocessingML to a prefix other than `w` — valid OOXML that other tools write
 * (python-docx's lxml round trips, XSLT pipelines: `ns0:body`), or that make it the default namespace —
 * built from a real document by renaming, and the namespace-aware view of XML that tells whether two texts
 * are the same document whatever prefixes they use.
 */
import { SaxesParser } from 'saxes';
import { DocxPackage } from '../../src/docx/package';
import { parseXml } from '../../src/xml/node';
import { serializeDocument, type XElement, type XNode } from '../../src/domain/ooxml/xml';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export type PrefixVariant =
  /** `ns0:` everywhere `w:` was. */
  | 'ns0'
  /** Elements unprefixed in the default namespace (attributes keep `w:`, as they must). */
  | 'default namespace'
  /** `ns0:` for WordprocessingML and `w` bound to an unrelated namespace. */
  | 'w bound elsewhere';

export const PREFIX_VARIANTS: readonly PrefixVariant[] = ['ns0', 'default namespace', 'w bound elsewhere'];

function renamed(e: XElement, variant: PrefixVariant, root: boolean): XElement {
  const rename = (n: string, isElement: boolean): string =>
    !n.startsWith('w:') ? n : variant === 'default namespace' ? (isElement ? n.slice(2) : n) : `ns0:${n.slice(2)}`;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.attrs)) {
    if (k === 'xmlns:w' && v === W_NS) {
      if (variant === 'default namespace') attrs.xmlns = v;
      else attrs['xmlns:ns0'] = v;
      if (variant !== 'ns0') attrs['xmlns:w'] = variant === 'default namespace' ? v : 'urn:example:not-word';
    } else attrs[rename(k, false)] = v;
  }
  if (root && variant === 'w bound elsewhere' && !attrs['xmlns:w']) attrs['xmlns:w'] = 'urn:example:not-word';
  const children: XNode[] = e.children.map((c) => (c.t === 'e' ? renamed(c, variant, false) : c));
  return { t: 'e', name: rename(e.name, true), attrs, children };
}

/** The document with every WordprocessingML part (word/*.xml) written with another prefix. */
export function withForeignPrefix(bytes: Uint8Array, variant: PrefixVariant): Uint8Array {
  const pkg = DocxPackage.open(bytes, { parts: 'all' });
  for (const path of pkg.paths()) {
    if (!/^word\/[^/]+\.xml$/.test(path)) continue;
    const xml = pkg.text(path)!;
    if (!xml.includes(W_NS)) continue;
    pkg.set(path, serializeDocument(renamed(parseXml(xml), variant, true)));
  }
  return pkg.toBytes();
}

/** An element as the XML namespaces spec sees it: names as {uri}local, namespace declarations left out. */
export interface Expanded {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: (Expanded | string)[];
}

/** The namespace-aware tree of an XML text; throws on a prefix that is not declared. */
export function expanded(xml: string): Expanded {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: Expanded = { name: '#root', attrs: {}, children: [] };
  const stack: Expanded[] = [root];
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[`{${a.uri}}${a.local}`] = a.value;
    }
    const e: Expanded = { name: `{${tag.uri}}${tag.local}`, attrs, children: [] };
    stack[stack.length - 1].children.push(e);
    stack.push(e);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void stack[stack.length - 1].children.push(t));
  parser.write(xml).close();
  return root.children[0] as Expanded;
}
