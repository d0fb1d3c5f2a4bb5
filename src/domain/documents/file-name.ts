/**
 * The file name proposed when a new document is saved: what it is, its school year and its school,
 * as read from the document («Kế hoạch cải tiến chất lượng 2025-2026 - Trường Tiểu học Kim Đồng.docx»).
 */
import type { DocumentMeta } from '../check/metadata';

const KIND_NAMES: Readonly<Record<string, string>> = {
  plan: 'Kế hoạch cải tiến chất lượng',
  report: 'Báo cáo cải tiến chất lượng',
  monitoring: 'Theo dõi thực hiện kế hoạch cải tiến chất lượng',
};

/** Letters Windows, macOS and browsers refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** «TRƯỜNG TIỂU HỌC KIM ĐỒNG» → «Trường Tiểu học Kim Đồng»: a name written in capitals, as a sentence names it. */
export function schoolNameForFile(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean !== clean.toLocaleUpperCase('vi')) return clean;
  const words = clean.toLocaleLowerCase('vi').split(' ');
  // «Trường», «Tiểu học», «Trung học cơ sở», then the proper name with capitals.
  const common = new Set(['trường', 'tiểu', 'học', 'trung', 'cơ', 'sở', 'phổ', 'thông', 'mầm', 'non', 'mẫu', 'giáo']);
  const abbreviations = new Set(['th', 'thcs', 'thpt', 'mn', 'ptdtbt', 'ptdtnt', 'gdtx', 'gdnn-gdtx']);
  let lead = true;
  return words
    .map((w, i) => {
      if (abbreviations.has(w)) return w.toLocaleUpperCase('vi');
      if (i === 0) return w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
      if (lead && common.has(w)) return i === 1 ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w;
      lead = false;
      return w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
    })
    .join(' ');
}

/** A safe file name: no characters file systems refuse, not too long, ending in .docx. */
export function safeDocxName(name: string, fallback = 'Tài liệu.docx'): string {
  const base = name
    .replace(/\.docx$/i, '')
    .replace(ILLEGAL, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 150)
    .trim();
  return base ? `${base}.docx` : fallback;
}

/** The name to propose for a document, or undefined when the document does not say what it is. */
export function proposedFileName(meta: Pick<DocumentMeta, 'documentKind' | 'schoolYear' | 'schoolName'>): string | undefined {
  const kind = KIND_NAMES[meta.documentKind];
  if (!kind) return undefined;
  const parts = [meta.schoolYear ? `${kind} ${meta.schoolYear}` : kind];
  if (meta.schoolName) parts.push(schoolNameForFile(meta.schoolName));
  return safeDocxName(parts.join(' - '));
}
