/** XML → light tree with saxes (Node and tests). Refuses DTDs; saxes rejects unknown entities itself. */
import { SaxesParser } from 'saxes';
import { assertNoDtd, XmlSyntaxError, type XElement, type XmlParser, type XNode } from '../domain/ooxml/xml';

export const parseXml: XmlParser = (xml: string): XElement => {
  assertNoDtd(xml);
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XElement = { t: 'e', name: '#root', attrs: {}, children: [] };
  const stack: XElement[] = [root];
  let top: XElement = root;
  parser.on('opentag', (tag) => {
    const e: XElement = { t: 'e', name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    top.children.push(e);
    if (!tag.isSelfClosing) {
      stack.push(e);
      top = e;
    }
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) {
      stack.pop();
      top = stack[stack.length - 1];
    }
  });
  const addText = (v: string): void => {
    const last = top.children[top.children.length - 1] as XNode | undefined;
    if (last && last.t === 'x') last.v += v;
    else top.children.push({ t: 'x', v });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('comment', (v) => top.children.push({ t: 'r', v: `<!--${v}-->` }));
  parser.on('processinginstruction', (pi) => top.children.push({ t: 'r', v: `<?${pi.target} ${pi.body}?>` }));
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new XmlSyntaxError(`XML không hợp lệ: ${(e as Error).message.split('\n')[0]}`);
  }
  const doc = root.children.find((c): c is XElement => c.t === 'e');
  if (!doc) throw new XmlSyntaxError('XML không có phần tử gốc.');
  return doc;
};
