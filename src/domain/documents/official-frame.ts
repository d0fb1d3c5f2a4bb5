/**
 * The official frame of a plan or report per Nghị định 30/2020/NĐ-CP (shared/reference/forms.md, D):
 * the header block (parent body and school on the left; Quốc hiệu, Tiêu ngữ, place and date on the
 * right, side by side), the title (document type and summary line), and after the table the
 * signature block and "Nơi nhận". Fonts and sizes are direct formatting, as the decree says.
 */
import type { DocumentKind } from '../forms';
import type { SchoolProfile } from '../profile';
import { documentNumber, signerNameOf } from '../profile';
import { SIZE_14, summaryLine } from './frame';
import { cell, paragraph, paragraphs, row, runs, runProps } from '../ooxml/writer';
import { el, type XElement } from '../ooxml/xml';
import { props } from '../ooxml/schema-order';

const SIZE_12 = 24;
const SIZE_11 = 22;
const SIZE_13 = 26;

/** "ngày 05 tháng 01 năm 2025": days below 10 and months 1, 2 get a leading zero (Phụ lục I). */
export function formatDate(d: { day: number; month: number; year: number }): string {
  const day = d.day < 10 ? `0${d.day}` : String(d.day);
  const month = d.month <= 2 ? `0${d.month}` : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

function placeAndDate(place: string, d: { day: number; month: number; year: number }): string {
  return `${place.trim() || '…'}, ${formatDate(d)}`;
}

/**
 * A short solid line below the previous paragraph (NĐ 30: under the issuer's name, the Tiêu ngữ and the
 * summary line), centred, `lineTwips` long in a column `columnTwips` wide: the top border of a 1 pt
 * high empty paragraph, shortened by equal indents. The space before it keeps the line below the
 * letters (a border right under the text reads as an underline of some of its words).
 */
export function shortRule(lineTwips: number, columnTwips: number, after = 120): XElement {
  const indent = Math.max(0, Math.round((columnTwips - lineTwips) / 2));
  return el('w:p', {}, [
    props('w:pPr', [
      el('w:keepNext'),
      props('w:pBdr', [el('w:top', { 'w:val': 'single', 'w:sz': 6, 'w:space': 1, 'w:color': '000000' })]),
      el('w:spacing', { 'w:before': RULE_GAP, 'w:after': after, 'w:line': 20, 'w:lineRule': 'exact' }),
      el('w:ind', { 'w:left': indent, 'w:right': indent, 'w:firstLine': 0 }),
      el('w:jc', { 'w:val': 'center' }),
      runProps({ size: 2 }),
    ]),
  ]);
}

/** Space between the text and the short rule under it, twips (4 pt). */
const RULE_GAP = 80;

/** Short rules under the school's name and the summary line: about a third of their column (NĐ 30: ⅓–½ of the line). */
const RULE_SHARE = 1 / 3;

/** Approximate printed width of text in twips (Times New Roman, bold capitals are widest). */
export function textWidth(text: string, halfPoints: number, capitals: boolean): number {
  const em = (halfPoints / 2) * 20; // one em in twips
  return Math.round(text.length * em * (capitals ? 0.68 : 0.48));
}

function noBorders(): XElement {
  return el(
    'w:tblBorders',
    {},
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => el(`w:${b}`, { 'w:val': 'nil' })),
  );
}

/** A borderless two-column table used to put blocks side by side. */
function sideBySide(left: XElement[], right: XElement[], leftWidth: number, rightWidth: number): XElement {
  return el('w:tbl', {}, [
    props('w:tblPr', [
      el('w:tblW', { 'w:w': leftWidth + rightWidth, 'w:type': 'dxa' }),
      el('w:jc', { 'w:val': 'center' }),
      noBorders(),
      el('w:tblLayout', { 'w:type': 'fixed' }),
      el('w:tblLook', { 'w:val': '0000' }),
    ]),
    el('w:tblGrid', {}, [el('w:gridCol', { 'w:w': leftWidth }), el('w:gridCol', { 'w:w': rightWidth })]),
    row([cell(left, { width: leftWidth }), cell(right, { width: rightWidth })], { cantSplit: true }),
  ]);
}

interface FrameOptions {
  readonly kind: DocumentKind;
  readonly schoolYear: string;
  readonly date: { day: number; month: number; year: number };
  /** The whole text width of the page (A4 landscape with NĐ 30 margins by default). */
  readonly textWidth?: number;
  /** Number to write after "Số:"; blank (for hand-filling) when absent. */
  readonly number?: string;
}

/** Header block (NĐ 30 ô 1–4): parent body, school, number on the left; Quốc hiệu, Tiêu ngữ, place and date on the right. */
export function headerBlock(profile: SchoolProfile, opts: FrameOptions): XElement {
  const total = opts.textWidth ?? 14003;
  const leftW = Math.round(total * 0.42);
  const rightW = total - leftW;
  const school = profile.schoolName.toUpperCase();
  const left: XElement[] = [];
  if (profile.parentBody.trim()) left.push(paragraph(profile.parentBody.toUpperCase(), { align: 'center', size: SIZE_13 }));
  left.push(
    paragraph(school, { align: 'center', bold: true, size: SIZE_13 }),
    shortRule(Math.min(leftW * RULE_SHARE, textWidth(school, SIZE_13, true) * 0.5), leftW),
  );
  left.push(paragraph(documentNumber(opts.kind, profile.abbreviation, opts.number), { align: 'center', size: SIZE_13 }));
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right: XElement[] = [
    paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: SIZE_12 }),
    paragraph(motto, { align: 'center', bold: true, size: SIZE_13 }),
    shortRule(textWidth(motto, SIZE_13, false), rightW),
    paragraph(placeAndDate(profile.place, opts.date), { align: 'center', italic: true, size: SIZE_13 }),
  ];
  return sideBySide(left, right, leftW, rightW);
}

/** Title (ô 5a): the document type and the summary line, bold, centred, a short line under the summary. */
export function officialTitle(opts: FrameOptions): XElement[] {
  const total = opts.textWidth ?? 14003;
  const summary = summaryLine(opts.kind, opts.schoolYear);
  return [
    paragraph('', {}),
    paragraph(opts.kind === 'plan' ? 'KẾ HOẠCH' : 'BÁO CÁO', {
      align: 'center',
      bold: true,
      size: SIZE_14,
      before: 240,
      keepNext: true,
    }),
    paragraph(summary, { align: 'center', bold: true, size: SIZE_14, keepNext: true }),
    shortRule(Math.min(total * RULE_SHARE, textWidth(summary, SIZE_14, false) * 0.5), total, 240),
  ];
}

/** Signature block (ô 7) on the right and "Nơi nhận" (ô 9b) on the left, side by side. */
export function signatureBlock(
  profile: SchoolProfile,
  opts: Pick<FrameOptions, 'textWidth'> & { readonly signNote?: string } = {},
): XElement {
  const total = opts.textWidth ?? 14003;
  const leftW = Math.round(total * 0.5);
  const rightW = total - leftW;
  const recipients = profile.recipients.length ? profile.recipients : ['Lưu: VT.'];
  const list = recipients.map((r, i) => {
    const last = i === recipients.length - 1;
    const t = r.replace(/[;.]\s*$/, '');
    return paragraph(`- ${t}${last ? '.' : ';'}`, { size: SIZE_11 });
  });
  const noiNhan = el('w:p', {}, [
    props('w:pPr', [
      el('w:spacing', { 'w:before': 120, 'w:after': 0 }),
      el('w:ind', { 'w:left': 0, 'w:right': 0, 'w:firstLine': 0 }),
      el('w:jc', { 'w:val': 'left' }),
      runProps({ bold: true, italic: true, size: SIZE_12 }),
    ]),
    ...runs('Nơi nhận:', { bold: true, italic: true, size: SIZE_12 }),
  ]);
  const signer = (profile.signerTitle.trim() || 'HIỆU TRƯỞNG').toUpperCase();
  const right: XElement[] = [
    ...paragraphs(signer, { align: 'center', bold: true, size: SIZE_13, before: 120 }),
    ...(opts.signNote ? [paragraph(opts.signNote, { align: 'center', italic: true, size: SIZE_13 })] : []),
    ...[1, 2, 3, 4].map(() => paragraph('', { size: SIZE_13 })),
    paragraph(signerNameOf(profile), { align: 'center', bold: true, size: SIZE_13 }),
  ];
  return sideBySide([noiNhan, ...list], right, leftW, rightW);
}

/** Block-level content of a framed document: header, title, the table's blocks, signature. */
export function framedBody(profile: SchoolProfile, opts: FrameOptions, tableBlocks: XElement[]): XElement[] {
  return [headerBlock(profile, opts), ...officialTitle(opts), ...tableBlocks, paragraph(''), signatureBlock(profile, opts)];
}
