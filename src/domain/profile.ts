/** The school profile: entered once, kept for the user and in the document, used by the official frame. */
import type { DocumentKind } from './forms';
import { collapseSpaces } from './text';

export interface SchoolProfile {
  /** "Trường Tiểu học Kim Đồng". */
  readonly schoolName: string;
  /** Cơ quan chủ quản trực tiếp, e.g. "UBND phường Bến Nghé" or "Sở GDĐT Hà Nội". */
  readonly parentBody: string;
  /** Địa danh for the date line, e.g. "Bến Nghé". */
  readonly place: string;
  /** Ký hiệu viết tắt of the school in document numbers, e.g. "THKĐ". */
  readonly abbreviation: string;
  /** Hiệu trưởng's full name. */
  readonly principal: string;
  /** Signing title, "HIỆU TRƯỞNG" or "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG". */
  readonly signerTitle: string;
  /**
   * The name of who signs when it is not the principal (KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG): kept apart
   * from the principal's, which Mục I of Biểu 2 still names. Empty: the principal signs.
   */
  readonly signerName?: string;
  /** "Nơi nhận" lines, without the leading dash. */
  readonly recipients: readonly string[];
}

export const EMPTY_PROFILE: SchoolProfile = {
  schoolName: '',
  parentBody: '',
  place: '',
  abbreviation: '',
  principal: '',
  signerTitle: 'HIỆU TRƯỞNG',
  recipients: ['Phòng/Sở GDĐT (để báo cáo)', 'Lưu: VT'],
};

/** Fields the frame cannot do without, with Vietnamese labels, for the pane's validation. */
export function missingProfileFields(p: SchoolProfile): string[] {
  const out: string[] = [];
  if (!p.schoolName.trim()) out.push('Tên trường');
  if (!p.place.trim()) out.push('Địa danh');
  return out;
}

/** Read a profile from stored JSON, keeping only known string fields. */
export function parseProfile(v: unknown): SchoolProfile {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  const str = (k: keyof SchoolProfile): string =>
    typeof o[k] === 'string' ? collapseSpaces(o[k] as string) : (EMPTY_PROFILE[k] as string);
  return {
    schoolName: str('schoolName'),
    parentBody: str('parentBody'),
    place: str('place'),
    abbreviation: str('abbreviation').toUpperCase(),
    principal: str('principal'),
    signerTitle: typeof o.signerTitle === 'string' && o.signerTitle.trim() ? o.signerTitle : EMPTY_PROFILE.signerTitle,
    ...(typeof o.signerName === 'string' && o.signerName.trim() ? { signerName: collapseSpaces(o.signerName) } : {}),
    recipients: Array.isArray(o.recipients)
      ? o.recipients.filter((r): r is string => typeof r === 'string' && !!r.trim())
      : EMPTY_PROFILE.recipients,
  };
}

/** «KT. HIỆU TRƯỞNG», «TL. …», «TUQ. …», «Q. HIỆU TRƯỞNG»: someone signs for the head of the school. */
export function signsForHead(signerTitle: string): boolean {
  return /^\s*(KT|TL|TUQ|Q)\s*\./i.test(signerTitle);
}

/**
 * The name printed under the signature: the signer's when given; the principal's only when the principal
 * signs (never under a vice-principal's title); «…» for the signer to write in.
 */
export function signerNameOf(p: Pick<SchoolProfile, 'principal' | 'signerTitle' | 'signerName'>): string {
  const own = p.signerName?.trim();
  if (own) return own;
  if (signsForHead(p.signerTitle)) return '…';
  return p.principal.trim() || '…';
}

/** "Số:      /KH-THKĐ" (NĐ 30 ô 3): the number is left blank for the clerk unless given. */
export function documentNumber(kind: DocumentKind, abbreviation: string, number?: string): string {
  const type = kind === 'plan' ? 'KH' : 'BC';
  const abbr = abbreviation.trim().toUpperCase();
  const n = number?.trim();
  const num = n ? (/^\d$/.test(n) ? `0${n}` : n) : '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0';
  return `Số: ${num}/${type}${abbr ? `-${abbr}` : ''}`;
}
