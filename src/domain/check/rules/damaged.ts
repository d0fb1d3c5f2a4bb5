/**
 * Text damaged on its way into Word, other than the old encodings: a PDF's text layer pasted into Word
 * («Phịng» for «Phòng», «q trình» for «quá trình», «khơng» for «không»), «Ð» (U+00D0, Icelandic) in
 * place of «Đ». Each sign is something Vietnamese spelling never has.
 */
import type { FindingLocation } from '../findings';
import { make, type Rule } from './shared';

const SIGNS: readonly RegExp[] = [
  // Eth (Icelandic) in place of Đ/đ.
  /[\u00d0\u00f0]\p{L}*/gu,
  // Vietnamese has «inh», never «ing» (with any tone mark): «Phịng», «khịng».
  /\p{L}*[ìíỉĩị]ng(?!\p{L})/giu,
  // «ơng» is no Vietnamese rhyme (but «ương» is): «khơng», «cơng» (không, công).
  /\p{L}*(?<!ư)ơng(?!\p{L})/giu,
  // A lower-case «q» is always followed by «u»: «q trình», «bình qn».
  /(?<!\p{L})q(?!u)\p{L}*(?!\p{L})/gu,
];

/** The damaged words of a text, in order. */
export function damagedWords(text: string): string[] {
  const out: { at: number; word: string }[] = [];
  for (const re of SIGNS) for (const m of text.matchAll(re)) out.push({ at: m.index ?? 0, word: m[0] });
  return out.sort((a, b) => a.at - b.at).map((x) => x.word);
}

const damaged: Rule['run'] = (ctx) => {
  const samples: string[] = [];
  let count = 0;
  let first: FindingLocation | undefined;
  const visit = (text: string, where: FindingLocation): void => {
    const words = damagedWords(text);
    if (!words.length) return;
    count += words.length;
    first ??= where;
    for (const w of words) if (samples.length < 3 && !samples.includes(w)) samples.push(w);
  };
  for (const p of ctx.model.paragraphs) visit(p.text, {});
  for (const t of ctx.model.tables)
    for (const r of t.rows)
      for (const c of r.cells) visit(c.text, { table: t.index, row: r.index, column: c.col, cell: c.index });
  // One stray sign may be a name or a foreign word; damage comes in numbers.
  if (count < 2) return [];
  return [
    make(
      'damaged-text',
      'warning',
      `Có ${count} chữ bị hỏng, ví dụ ${samples.map((s) => `«${s}»`).join(', ')} (thường do chép từ tệp PDF hoặc dùng phông chữ lạ). Hãy soát lại và gõ lại các chữ này bằng Unicode.`,
      first ?? {},
      [],
    ),
  ];
};

export const DAMAGED_RULE: Rule = { id: 'damaged-text', family: 'encoding', reports: ['damaged-text'], run: damaged };
