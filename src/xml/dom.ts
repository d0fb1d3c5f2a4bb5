/** XML → light tree with the browser's native DOMParser (the pane ships no XML library). */
import {
  assertNoDtd,
  LEAN_DROPPED,
  leanDroppedAttr,
  XmlSyntaxError,
  type XElement,
  type XmlParser,
  type XNode,
} from '../domain/ooxml/xml';
import { canonicalPrefixes } from '../domain/ooxml/namespaces';

function convert(n: Element, lean: boolean): XElement {
  const attrs: Record<string, string> = {};
  for (let i = 0; i < n.attributes.length; i++) {
    const a = n.attributes[i];
    if (!(lean && leanDroppedAttr(a.name))) attrs[a.name] = a.value;
  }
  const children: XNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) {
    switch (c.nodeType) {
      case 1:
        if (!(lean && LEAN_DROPPED.has((c as Element).tagName))) children.push(convert(c as Element, lean));
        break;
      case 3:
      case 4: {
        const last = children[children.length - 1];
        if (last && last.t === 'x') last.v += c.nodeValue ?? '';
        else children.push({ t: 'x', v: c.nodeValue ?? '' });
        break;
      }
      case 7:
        if (!lean) children.push({ t: 'r', v: `<?${(c as ProcessingInstruction).target} ${c.nodeValue ?? ''}?>` });
        break;
      case 8:
        if (!lean) children.push({ t: 'r', v: `<!--${c.nodeValue ?? ''}-->` });
        break;
    }
  }
  return { t: 'e', name: n.tagName, attrs, children };
}

export const parseXmlDom: XmlParser = (xml, opts = {}) => {
  assertNoDtd(xml);
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err || !doc.documentElement) {
    throw new XmlSyntaxError(`XML không hợp lệ: ${(err?.textContent ?? '').split('\n')[0]}`);
  }
  return canonicalPrefixes(convert(doc.documentElement, !!opts.lean), xml, !!opts.lean);
};
