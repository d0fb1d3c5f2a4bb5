/**
 * .docx bytes ⇄ parts, with the checks that keep broken and hostile files out: empty files, old binary
 * .doc, password-protected files, non-zip data, zip bombs (declared sizes are checked before anything is
 * inflated, and inflation never goes past them), missing main part, other Office formats.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { resolveTarget } from '../domain/ooxml/package';
import { XmlSecurityError, XmlSyntaxError, type ParseOptions, type XElement, type XmlParser } from '../domain/ooxml/xml';
import { UserError } from '../domain/errors';

export type DocxErrorCode =
  | 'empty'
  | 'not-zip'
  | 'legacy-doc'
  | 'encrypted'
  | 'too-large'
  | 'missing-main'
  | 'not-word'
  | 'xml-unsafe'
  | 'xml-invalid'
  | 'corrupt';

export class DocxError extends UserError<DocxErrorCode> {}

export const LIMITS = {
  /** Largest .docx accepted, compressed. */
  maxFileBytes: 100 * 1024 * 1024,
  /** Largest single part once inflated. */
  maxPartBytes: 80 * 1024 * 1024,
  /** All inflated parts together. */
  maxTotalBytes: 300 * 1024 * 1024,
  /** Inflated/compressed ratio above which a part larger than 1 MB is refused as a zip bomb. */
  maxRatio: 400,
  maxEntries: 10000,
};

const MB = 1024 * 1024;

function hasUtf16(bytes: Uint8Array, s: string): boolean {
  const needle = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) needle[i * 2] = s.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Classify bytes that are not a usable zip, with a message that says what to do. */
function classifyNonZip(bytes: Uint8Array): DocxError {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) {
      return new DocxError(
        'encrypted',
        'Tệp được đặt mật khẩu nên không đọc được. Hãy mở trong Word, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ tài liệu) rồi lưu lại.',
      );
    }
    return new DocxError(
      'legacy-doc',
      'Đây là tệp Word cũ (.doc), không phải .docx. Hãy mở trong Word và chọn Tệp › Lưu thành › Lưu lại dưới dạng .docx.',
    );
  }
  const head = strFromU8(bytes.subarray(0, 64), true).trimStart();
  if (head.startsWith('{\\rtf')) {
    return new DocxError('legacy-doc', 'Đây là tệp RTF, không phải .docx. Hãy mở trong Word và lưu lại dưới dạng .docx.');
  }
  if (/^<(!doctype|html|\?xml)/i.test(head)) {
    return new DocxError('not-zip', 'Tệp là HTML/XML, không phải .docx. Hãy mở trong Word và lưu lại dưới dạng .docx.');
  }
  return new DocxError(
    'not-zip',
    'Tệp không phải .docx (không đúng định dạng nén của Word). Hãy mở trong Word và lưu lại dưới dạng .docx.',
  );
}

interface OpenOptions {
  /** 'read': only the XML parts reading needs; 'all': every part, for editing and saving. */
  readonly parts?: 'read' | 'all';
}

/** A parsed .docx: its parts, and where the main document part is. */
export class DocxPackage {
  private constructor(
    private readonly files: Map<string, Uint8Array>,
    readonly mainPath: string,
  ) {}

  static open(bytes: Uint8Array, opts: OpenOptions = {}): DocxPackage {
    if (!bytes.length) throw new DocxError('empty', 'Tệp rỗng (0 byte), không có nội dung để đọc.');
    if (bytes.length > LIMITS.maxFileBytes) {
      throw new DocxError(
        'too-large',
        `Tệp quá lớn (${Math.round(bytes.length / MB)} MB; tối đa ${LIMITS.maxFileBytes / MB} MB).`,
      );
    }
    if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw classifyNonZip(bytes);
    const wanted = (name: string): boolean =>
      opts.parts === 'all' ||
      /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/[^/]*\.xml|word\/_rels\/[^/]*\.rels|customXml\/[^/]*\.xml|docProps\/core\.xml|xl\/workbook\.xml|ppt\/presentation\.xml)$/.test(
        name,
      );
    let total = 0;
    let entries = 0;
    let raw: Record<string, Uint8Array>;
    try {
      raw = unzipSync(bytes, {
        filter(file) {
          if (++entries > LIMITS.maxEntries) {
            throw new DocxError('too-large', `Tệp có quá nhiều thành phần (hơn ${LIMITS.maxEntries}).`);
          }
          if (!wanted(file.name)) return false;
          const ratio = file.originalSize / Math.max(1, file.size);
          total += file.originalSize;
          if (
            file.originalSize > LIMITS.maxPartBytes ||
            total > LIMITS.maxTotalBytes ||
            (file.originalSize > MB && ratio > LIMITS.maxRatio)
          ) {
            throw new DocxError(
              'too-large',
              'Tệp bị nén bất thường (giải nén ra quá lớn, có thể là «bom nén») nên không được mở để bảo vệ máy của bạn.',
            );
          }
          return true;
        },
      });
    } catch (e) {
      if (e instanceof DocxError) throw e;
      throw new DocxError('corrupt', `Tệp .docx bị hỏng, không giải nén được (${(e as Error).message}).`);
    }
    const files = new Map(Object.entries(raw));
    const mainPath = findMainPart(files);
    return new DocxPackage(files, mainPath);
  }

  /** A new package from part texts or bytes. */
  static fromParts(parts: Map<string, string | Uint8Array>): DocxPackage {
    const files = new Map<string, Uint8Array>();
    for (const [k, v] of parts) files.set(k, typeof v === 'string' ? strToU8(v) : v);
    return new DocxPackage(files, findMainPart(files));
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  bytes(path: string): Uint8Array | undefined {
    return this.files.get(path);
  }

  text(path: string): string | undefined {
    const b = this.files.get(path);
    if (!b) return undefined;
    // Strip a UTF-8 byte order mark.
    const s = strFromU8(b);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  set(path: string, data: string | Uint8Array): void {
    this.files.set(path, typeof data === 'string' ? strToU8(data) : data);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  /** Parse a part with the given parser, turning parser errors into DocxErrors. */
  xml(path: string, parse: XmlParser, opts?: ParseOptions): XElement | undefined {
    const s = this.text(path);
    if (s === undefined) return undefined;
    try {
      return parse(s, opts);
    } catch (e) {
      if (e instanceof XmlSecurityError) throw new DocxError('xml-unsafe', e.message);
      if (e instanceof XmlSyntaxError) throw new DocxError('xml-invalid', `Phần ${path} của tệp bị hỏng. ${e.message}`);
      throw e;
    }
  }

  /** The main document part as a tree. */
  mainDocument(parse: XmlParser, opts?: ParseOptions): XElement {
    const root = this.xml(this.mainPath, parse, opts);
    if (!root) throw new DocxError('missing-main', 'Tệp .docx thiếu phần nội dung chính (word/document.xml).');
    return root;
  }

  toBytes(): Uint8Array {
    const z: Zippable = {};
    // [Content_Types].xml first, as Word writes it.
    const order = [...this.files.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
    for (const k of order) z[k] = [this.files.get(k)!, { level: /\.(png|jpe?g|gif|emf|wmf)$/i.test(k) ? 0 : 6 }];
    return zipSync(z, { mtime: new Date('2000-01-01T00:00:00Z') });
  }
}

function findMainPart(files: Map<string, Uint8Array>): string {
  const rels = files.get('_rels/.rels');
  let main: string | undefined;
  if (rels) {
    const m = /Type="[^"]*\/officeDocument"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(
      strFromU8(rels),
    );
    const target = m?.[1] ?? m?.[2];
    if (target) main = resolveTarget('', target);
  }
  main ??= 'word/document.xml';
  if (!files.has(main)) {
    if (files.has('xl/workbook.xml') || files.has('ppt/presentation.xml')) {
      throw new DocxError('not-word', 'Tệp là bảng tính hoặc trình chiếu Office, không phải văn bản Word (.docx).');
    }
    throw new DocxError('missing-main', 'Tệp .docx thiếu phần nội dung chính (word/document.xml), có thể đã bị hỏng.');
  }
  return main;
}
