/**
 * OPC package parts of a .docx: a new blank document, the main-part lookup, content types and
 * relationships. Bytes and zipping live in src/docx; this module only deals with the XML of parts.
 */
import { documentElement, landscapeSection, FONT, SIZE_13 } from './writer';
import { childElements, el, serializeDocument, type XElement } from './xml';
import { props } from './schema-order';

const CT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const REL_SETTINGS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings';
export const REL_CUSTOM_XML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
export const REL_CUSTOM_XML_PROPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PKG_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export function parseRelationships(root: XElement): Relationship[] {
  return childElements(root, 'Relationship').map((r) => ({
    id: r.attrs.Id ?? '',
    type: r.attrs.Type ?? '',
    target: r.attrs.Target ?? '',
    external: r.attrs.TargetMode === 'External',
  }));
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  return serializeDocument(
    el(
      'Relationships',
      { xmlns: PKG_RELS_NS },
      rels.map((r) =>
        el('Relationship', { Id: r.id, Type: r.type, Target: r.target, TargetMode: r.external ? 'External' : undefined }),
      ),
    ),
  );
}

/** Resolve a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = ownerPart.includes('/') ? ownerPart.slice(0, ownerPart.lastIndexOf('/') + 1) : '';
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export function nextRelId(rels: readonly Relationship[]): string {
  let n = rels.length + 1;
  const ids = new Set(rels.map((r) => r.id));
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(root: XElement): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const d of childElements(root, 'Default'))
    defaults.set((d.attrs.Extension ?? '').toLowerCase(), d.attrs.ContentType ?? '');
  for (const o of childElements(root, 'Override')) overrides.set(o.attrs.PartName ?? '', o.attrs.ContentType ?? '');
  return { defaults, overrides };
}

export function contentTypesXml(ct: ContentTypes): string {
  return serializeDocument(
    el('Types', { xmlns: CT_NS }, [
      ...[...ct.defaults].map(([Extension, ContentType]) => el('Default', { Extension, ContentType })),
      ...[...ct.overrides].map(([PartName, ContentType]) => el('Override', { PartName, ContentType })),
    ]),
  );
}

function stylesXml(): string {
  const rFonts = el('w:rFonts', { 'w:ascii': FONT, 'w:hAnsi': FONT, 'w:cs': FONT, 'w:eastAsia': FONT });
  const size = String(SIZE_13);
  return serializeDocument(
    el('w:styles', { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' }, [
      el('w:docDefaults', {}, [
        el('w:rPrDefault', {}, [
          props('w:rPr', [
            rFonts,
            el('w:sz', { 'w:val': size }),
            el('w:szCs', { 'w:val': size }),
            el('w:lang', { 'w:val': 'vi-VN' }),
          ]),
        ]),
        el('w:pPrDefault', {}, [props('w:pPr', [el('w:spacing', { 'w:after': 0, 'w:line': 240, 'w:lineRule': 'auto' })])]),
      ]),
      el('w:style', { 'w:type': 'paragraph', 'w:default': 1, 'w:styleId': 'Normal' }, [
        el('w:name', { 'w:val': 'Normal' }),
        el('w:qFormat'),
      ]),
      el('w:style', { 'w:type': 'table', 'w:default': 1, 'w:styleId': 'TableNormal' }, [
        el('w:name', { 'w:val': 'Normal Table' }),
        props('w:tblPr', [
          el('w:tblInd', { 'w:w': 0, 'w:type': 'dxa' }),
          props('w:tblCellMar', [
            el('w:top', { 'w:w': 0, 'w:type': 'dxa' }),
            el('w:left', { 'w:w': 108, 'w:type': 'dxa' }),
            el('w:bottom', { 'w:w': 0, 'w:type': 'dxa' }),
            el('w:right', { 'w:w': 108, 'w:type': 'dxa' }),
          ]),
        ]),
      ]),
    ]),
  );
}

function settingsXml(): string {
  return serializeDocument(
    el('w:settings', { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' }, [
      el('w:defaultTabStop', { 'w:val': 720 }),
      el('w:characterSpacingControl', { 'w:val': 'doNotCompress' }),
      el('w:compat', {}, [
        el('w:compatSetting', {
          'w:name': 'compatibilityMode',
          'w:uri': 'http://schemas.microsoft.com/office/word',
          'w:val': 15,
        }),
      ]),
    ]),
  );
}

function coreXml(title: string, now: Date): string {
  const iso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return serializeDocument(
    el(
      'cp:coreProperties',
      {
        'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:dcterms': 'http://purl.org/dc/terms/',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      },
      [
        el('dc:title', {}, [{ t: 'x', v: title }]),
        el('dc:creator', {}, [{ t: 'x', v: 'ctcl' }]),
        el('dc:language', {}, [{ t: 'x', v: 'vi-VN' }]),
        el('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, [{ t: 'x', v: iso }]),
        el('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, [{ t: 'x', v: iso }]),
      ],
    ),
  );
}

function appXml(): string {
  return serializeDocument(
    el('Properties', { xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties' }, [
      el('Application', {}, [{ t: 'x', v: 'ctcl' }]),
    ]),
  );
}

/** The XML parts of a new .docx (A4 landscape) whose body holds `body`. */
export function blankDocumentParts(body: XElement[], opts: { title?: string; now?: Date } = {}): Map<string, string> {
  const parts = new Map<string, string>();
  const ct: ContentTypes = {
    defaults: new Map([
      ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
      ['xml', 'application/xml'],
    ]),
    overrides: new Map([
      ['/word/document.xml', CT_MAIN],
      ['/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'],
      ['/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml'],
      ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
      ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
    ]),
  };
  parts.set('[Content_Types].xml', contentTypesXml(ct));
  parts.set(
    '_rels/.rels',
    relationshipsXml([
      { id: 'rId1', type: REL_OFFICE_DOCUMENT, target: 'word/document.xml', external: false },
      {
        id: 'rId2',
        type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
        target: 'docProps/core.xml',
        external: false,
      },
      {
        id: 'rId3',
        type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
        target: 'docProps/app.xml',
        external: false,
      },
    ]),
  );
  parts.set(
    'word/_rels/document.xml.rels',
    relationshipsXml([
      { id: 'rId1', type: REL_STYLES, target: 'styles.xml', external: false },
      { id: 'rId2', type: REL_SETTINGS, target: 'settings.xml', external: false },
    ]),
  );
  parts.set('word/document.xml', serializeDocument(documentElement(body, landscapeSection())));
  parts.set('word/styles.xml', stylesXml());
  parts.set('word/settings.xml', settingsXml());
  parts.set('docProps/core.xml', coreXml(opts.title ?? '', opts.now ?? new Date()));
  parts.set('docProps/app.xml', appXml());
  return parts;
}
