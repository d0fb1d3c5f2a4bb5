/**
 * A Flat OPC package (what Word's getOoxml gives and insertOoxml takes) for some body blocks taken out
 * of a bigger package, carrying everything they reference: the main part's relationships they use
 * (images, hyperlinks, embedded objects…) with the parts behind them (and those parts' own
 * relationships), the comments and footnotes they anchor (only those), styles, numbering, theme and
 * fonts. When a reference cannot be resolved inside the package (Word left a part out), the package
 * cannot be sent back whole and the caller must refuse instead of breaking the reference.
 */
import { relsPathOf, resolveTarget } from './package';
import { el, serialize, type XElement, type XNode } from './xml';
import { UserError } from '../errors';

const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_OFFICE_DOCUMENT = `${REL_BASE}officeDocument`;

/** Relationship types a body always needs when the package has them (no r:id points at them). */
const ALWAYS = new Set(['styles', 'numbering', 'fontTable', 'theme']);

export class PackageReferenceError extends UserError {
  constructor(detail: string) {
    super(
      'package-reference',
      `Không gửi lại được bảng cho Word mà giữ nguyên mọi thứ nó tham chiếu (${detail}). Tài liệu chưa bị thay đổi; hãy sửa bảng trực tiếp trong Word.`,
    );
  }
}

function kids(e: XElement, name?: string): XElement[] {
  return e.children.filter((c): c is XElement => c.t === 'e' && (name === undefined || c.name === name));
}

function walk(n: XNode, f: (e: XElement) => void): void {
  if (n.t !== 'e') return;
  f(n);
  for (const c of n.children) walk(c, f);
}

interface Part {
  readonly el: XElement;
  /** "word/document.xml" (no leading slash). */
  readonly name: string;
  /** The XML root inside pkg:xmlData, if an XML part. */
  readonly xml?: XElement;
}

function partsOf(pkg: XElement): Map<string, Part> {
  const out = new Map<string, Part>();
  for (const p of kids(pkg, 'pkg:part')) {
    const name = (p.attrs['pkg:name'] ?? '').replace(/^\//, '');
    const data = kids(p, 'pkg:xmlData')[0];
    out.set(name, { el: p, name, xml: data ? kids(data)[0] : undefined });
  }
  return out;
}

function relsOf(part: Part | undefined): XElement[] {
  return part?.xml ? kids(part.xml, 'Relationship') : [];
}

/** The main document part's name in a Flat OPC package. */
function mainPartName(parts: Map<string, Part>): string {
  const rootRel = relsOf(parts.get('_rels/.rels')).find((r) => r.attrs.Type === REL_OFFICE_DOCUMENT);
  if (rootRel) return resolveTarget('', rootRel.attrs.Target ?? '');
  for (const [name, p] of parts) if (/main\+xml$/.test(p.el.attrs['pkg:contentType'] ?? '')) return name;
  return 'word/document.xml';
}

function relType(r: XElement): string {
  const t = r.attrs.Type ?? '';
  return t.startsWith(REL_BASE) ? t.slice(REL_BASE.length) : t.slice(t.lastIndexOf('/') + 1);
}

function xmlPart(name: string, contentType: string, root: XElement, extra: Record<string, string> = {}): XElement {
  return el('pkg:part', { 'pkg:name': `/${name}`, 'pkg:contentType': contentType, ...extra }, [el('pkg:xmlData', {}, [root])]);
}

/**
 * A Flat OPC package holding `blocks` as the body of the main part, with everything they reference
 * taken from `source` (a getOoxml package). Throws PackageReferenceError when a reference cannot be
 * carried along.
 */
export function blocksPackage(source: XElement, blocks: readonly XElement[]): string {
  const parts = partsOf(source);
  const mainName = mainPartName(parts);
  const main = parts.get(mainName);
  if (!main?.xml) throw new PackageReferenceError('không có phần nội dung chính');
  const mainRels = relsOf(parts.get(relsPathOf(mainName)));
  // What the blocks reference.
  const ids = new Set<string>();
  const comments = new Set<string>();
  const footnotes = new Set<string>();
  const endnotes = new Set<string>();
  for (const b of blocks)
    walk(b, (e) => {
      for (const [k, v] of Object.entries(e.attrs)) if (k.startsWith('r:')) ids.add(v);
      if (e.name === 'w:commentReference' || e.name === 'w:commentRangeStart') comments.add(e.attrs['w:id']);
      if (e.name === 'w:footnoteReference') footnotes.add(e.attrs['w:id']);
      if (e.name === 'w:endnoteReference') endnotes.add(e.attrs['w:id']);
    });
  const wantedRels: XElement[] = [];
  for (const id of ids) {
    const r = mainRels.find((x) => x.attrs.Id === id);
    if (!r) throw new PackageReferenceError(`liên kết ${id} không có trong gói Word gửi`);
    wantedRels.push(r);
  }
  for (const r of mainRels) {
    const t = relType(r);
    const needed =
      ALWAYS.has(t) ||
      (t === 'comments' && comments.size) ||
      (/^comments(Extended|Ids|Extensible)$/.test(t) && comments.size) ||
      (t === 'people' && comments.size) ||
      (t === 'footnotes' && footnotes.size) ||
      (t === 'endnotes' && endnotes.size);
    if (needed && !wantedRels.includes(r)) wantedRels.push(r);
  }
  if (comments.size && !wantedRels.some((r) => relType(r) === 'comments'))
    throw new PackageReferenceError('ghi chú không có trong gói Word gửi');
  if (footnotes.size && !wantedRels.some((r) => relType(r) === 'footnotes'))
    throw new PackageReferenceError('chú thích không có trong gói Word gửi');

  // Parts behind the relationships, with their own relationships, transitively.
  const out: XElement[] = [];
  const added = new Set<string>();
  const addPart = (name: string, filter?: (root: XElement) => XElement): void => {
    if (added.has(name)) return;
    const p = parts.get(name);
    if (!p) throw new PackageReferenceError(`thiếu phần ${name}`);
    added.add(name);
    if (p.xml && filter) out.push(xmlPart(name, p.el.attrs['pkg:contentType'] ?? '', filter(p.xml), extraAttrs(p.el)));
    else out.push(p.el);
    const own = parts.get(relsPathOf(name));
    if (own) {
      added.add(own.name);
      out.push(own.el);
      for (const r of relsOf(own)) if (r.attrs.TargetMode !== 'External') addPart(resolveTarget(name, r.attrs.Target ?? ''));
    }
  };
  for (const r of wantedRels) {
    if (r.attrs.TargetMode === 'External') continue;
    const target = resolveTarget(mainName, r.attrs.Target ?? '');
    const t = relType(r);
    if (t === 'comments') addPart(target, (root) => keepNotes(root, 'w:comment', comments));
    else if (t === 'footnotes') addPart(target, (root) => keepNotes(root, 'w:footnote', footnotes));
    else if (t === 'endnotes') addPart(target, (root) => keepNotes(root, 'w:endnote', endnotes));
    else addPart(target);
  }
  const rootRels = el('Relationships', { xmlns: REL_NS }, [
    el('Relationship', { Id: 'rId1', Type: REL_OFFICE_DOCUMENT, Target: mainName }),
  ]);
  const document = el('w:document', { ...main.xml.attrs }, [el('w:body', {}, [...blocks])]);
  const relsPart = xmlPart(
    relsPathOf(mainName),
    'application/vnd.openxmlformats-package.relationships+xml',
    el('Relationships', { xmlns: REL_NS }, wantedRels),
    { 'pkg:padding': '256' },
  );
  const pkg = el('pkg:package', { 'xmlns:pkg': PKG_NS }, [
    xmlPart('_rels/.rels', 'application/vnd.openxmlformats-package.relationships+xml', rootRels, { 'pkg:padding': '512' }),
    xmlPart(
      mainName,
      main.el.attrs['pkg:contentType'] ?? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      document,
    ),
    relsPart,
    ...out,
  ]);
  return serialize(pkg);
}

function extraAttrs(part: XElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.attrs)) if (k !== 'pkg:name' && k !== 'pkg:contentType') out[k] = v;
  return out;
}

/** A comments/footnotes part with only the notes the blocks use (and the separators). */
function keepNotes(root: XElement, name: string, ids: ReadonlySet<string>): XElement {
  return {
    ...root,
    children: root.children.filter((c) => {
      if (c.t !== 'e' || c.name !== name) return true;
      const type = c.attrs['w:type'];
      return (type && type !== 'normal') || ids.has(c.attrs['w:id']);
    }),
  };
}
