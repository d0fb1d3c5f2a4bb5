/**
 * Text typed in the old Vietnamese encodings (TCVN3/ABC, VNI) that shows as garbage on other computers.
 */
import type { FindingLocation } from '../findings';
import { DAMAGED_RULE } from './damaged';
import { make, type Rule } from './shared';

// TCVN3 (ABC) and VNI text read as Unicode: typical bytes, and no real Vietnamese letters.
const LEGACY_FONT = /^(\.vn|vni[- ]|vn[a-z]*h?$|abc)/i;
// Letters TCVN3/VNI cannot produce (â, ê, ô are Latin-1 and appear in legacy text too).
// eslint-disable-next-line no-misleading-character-class
const VIET_LETTERS = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]/;
const TCVN3_MARKS =
  /[\u00a2-\u00a9\u00aa\u00ac-\u00bf\u00c6-\u00cf\u00d1-\u00d6\u00d8-\u00dd\u00de\u00df\u00e6\u00f0\u00f7\u00fe]/g;
const VNI_MARKS = /(?:[aeiouy][\u00f8\u00f9\u00fa\u00fb\u00fc\u00f5\u00ef\u00f2\u00f3]|[oO]\u00f6|\u00f6\u00f4|\u00f1)/g;

export function looksLegacy(text: string, fonts: readonly string[]): boolean {
  if (fonts.some((f) => LEGACY_FONT.test(f.trim()))) return text.trim().length > 0;
  if (text.length < 12 || VIET_LETTERS.test(text)) return false;
  const marks = (text.match(TCVN3_MARKS)?.length ?? 0) + (text.match(VNI_MARKS)?.length ?? 0);
  return marks >= 3 && marks / text.length > 0.04;
}

const legacy: Rule['run'] = (ctx) => {
  let count = 0;
  let first: FindingLocation | undefined;
  let sample = '';
  for (const p of ctx.model.paragraphs) {
    if (looksLegacy(p.text, p.fonts)) {
      count++;
      if (!first) {
        first = {};
        sample = p.text;
      }
    }
  }
  for (const t of ctx.model.tables) {
    for (const r of t.rows) {
      for (const c of r.cells) {
        if (looksLegacy(c.text, c.fonts)) {
          count++;
          if (!first || first.table === undefined) {
            if (!first) sample = c.text;
            first ??= { table: t.index, row: r.index, column: c.col, cell: c.index };
          }
        }
      }
    }
  }
  if (!count) return [];
  return [
    make(
      'legacy-encoding',
      'error',
      `Có ${count} đoạn/ô dùng phông chữ cũ (TCVN3 hoặc VNI), ví dụ «${sample.trim().slice(0, 40)}»: trên máy khác chữ sẽ hiển thị sai. Hãy chuyển mã sang Unicode (ví dụ Unikey › Công cụ chuyển mã), dùng phông Times New Roman, rồi kiểm tra lại.`,
      first ?? {},
      [],
    ),
  ];
};

export const ENCODING_RULES: readonly Rule[] = [
  { id: 'legacy-encoding', family: 'encoding', reports: ['legacy-encoding'], run: legacy },
  DAMAGED_RULE,
];
