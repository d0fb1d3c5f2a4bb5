/** XML → light tree with saxes (Node and tests). Refuses DTDs; saxes rejects unknown entities itself. */
import { SaxesParser } from 'saxes';
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

export const parseXml: XmlParser = (xml, opts = {}) => {
  assertNoDtd(xml);
  const lean = !!opts.lean;
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XElement = { t: 'e', name: '#root', attrs: {}, children: [] };
  const stack: XElement[] = [root];
  let top: XElement = root;
  // Depth inside a subtree a lean parse leaves out (0 = keeping).
  let skip = 0;
  parser.on('opentag', (tag) => {
    if (skip || (lean && LEAN_DROPPED.has(tag.name))) {
      if (!tag.isSelfClosing) skip++;
      return;
    }
    // saxes gives null-prototype attribute objects, which V8 keeps in slow dictionary mode: copy them
    // into ordinary objects (much smaller per element).
    const attrs: Record<string, string> = {};
    for (const k in tag.attributes) if (!(lean && leanDroppedAttr(k))) attrs[k] = (tag.attributes as Record<string, string>)[k];
    const e: XElement = { t: 'e', name: tag.name, attrs, children: [] };
    top.children.push(e);
    if (!tag.isSelfClosing) {
      stack.push(e);
      top = e;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    if (skip) {
      skip--;
      return;
    }
    stack.pop();
    top = stack[stack.length - 1];
  });
  const addText = (v: string): void => {
    if (skip) return;
    const last = top.children[top.children.length - 1] as XNode | undefined;
    if (last && last.t === 'x') last.v += v;
    else top.children.push({ t: 'x', v });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('comment', (v) => {
    if (!skip && !lean) top.children.push({ t: 'r', v: `<!--${v}-->` });
  });
  parser.on('processinginstruction', (pi) => {
    if (!skip && !lean) top.children.push({ t: 'r', v: `<?${pi.target} ${pi.body}?>` });
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new XmlSyntaxError(`XML không hợp lệ: ${(e as Error).message.split('\n')[0]}`);
  }
  const doc = root.children.find((c): c is XElement => c.t === 'e');
  if (!doc) throw new XmlSyntaxError('XML không có phần tử gốc.');
  return canonicalPrefixes(doc, xml, lean);
};
