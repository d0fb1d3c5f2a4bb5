/**
 * «Phiếu nhận xét»: what the Phòng GD&ĐT sends back to one school about its plan and report, in plain
 * Vietnamese, in the NĐ 30/2020 frame (issuer and Quốc hiệu side by side, title, body, signature and
 * «Nơi nhận»), on A4 portrait, ready to sign. The issuer block comes from the Phòng's profile (the same
 * shape as a school's profile: the Phòng's name, its parent body, place, abbreviation, signer).
 */
import type { FileKind as DocumentKind } from '../forms';
import { blankDocumentParts } from '../ooxml/package';
import { formatDate, shortRule, signatureBlock, textWidth } from '../documents/official-frame';
import { a4Section, cell, documentElement, paragraph, row } from '../ooxml/writer';
import { el, serializeDocument, type XElement } from '../ooxml/xml';
import type { SchoolProfile } from '../profile';
import { SEVERITY_LABELS, type Severity } from '../check/findings';
import { formatLocation, type FileReport, type JsonFinding } from '../check/report';
import { schoolKey } from '../check/pairing';
import { coverageOf, isIgnored, schoolOf, type ReviewRun } from './index';
import { props } from '../ooxml/schema-order';

/** The reviewing office, in the profile's shape: schoolName is the Phòng's name, principal its head. */
export type ReviewerProfile = SchoolProfile;

export const DEFAULT_REVIEWER: ReviewerProfile = {
  schoolName: 'Phòng Giáo dục và Đào tạo',
  parentBody: '',
  place: '',
  abbreviation: 'PGDĐT',
  principal: '',
  signerTitle: 'TRƯỞNG PHÒNG',
  recipients: ['Như trên', 'Lưu: VT'],
};

/** A school's files, as one «Phiếu nhận xét» covers them. */
export interface SchoolFiles {
  /** schoolKey of the name, or the file's path when the school is not known. */
  readonly key: string;
  /** The school's name in one form, or '' when no file states it. */
  readonly school: string;
  readonly schoolYear: string | null;
  /** Indexes into ReviewRun.outcomes: readable KHCT files only (plans first). */
  readonly files: readonly number[];
}

/** Group the readable plans and reports by school (the key pairing uses), in run order. */
export function schoolsOf(run: ReviewRun): SchoolFiles[] {
  const groups = new Map<string, { school: string; year: string | null; files: number[] }>();
  run.outcomes.forEach((o, i) => {
    const r = o.report;
    if (r.error || r.documentKind === 'unknown') return;
    const key = (r.schoolName && schoolKey(r.schoolName)) || r.path;
    let g = groups.get(key);
    if (!g) {
      g = { school: schoolOf(r), year: r.schoolYear, files: [] };
      groups.set(key, g);
    }
    g.files.push(i);
    g.year ??= r.schoolYear;
  });
  const rank = (i: number) => (run.outcomes[i].report.documentKind === 'plan' ? 0 : 1);
  return [...groups.entries()].map(([key, g]) => ({
    key,
    school: g.school,
    schoolYear: g.year,
    files: [...g.files].sort((a, b) => rank(a) - rank(b) || a - b),
  }));
}

const SIZE_13 = 26;
const SIZE_14 = 28;
/** A4 portrait text width with NĐ 30 margins (left 30 mm, right 20 mm), twips. */
const TEXT_WIDTH = 9071;

const KIND_NAMES: Readonly<Record<FileReport['documentKind'], string>> = {
  plan: 'Kế hoạch cải tiến chất lượng',
  report: 'Báo cáo kết quả thực hiện kế hoạch cải tiến chất lượng',
  monitoring: 'Bảng theo dõi, đánh giá thực hiện kế hoạch',
  unknown: 'Văn bản',
};

const SEVERITY_INTROS: Readonly<Record<Severity, string>> = {
  error: 'Nội dung cần sửa',
  warning: 'Nội dung cần xem lại',
  info: 'Gợi ý để hoàn thiện',
};

function body(text: string, opts: { bold?: boolean; italic?: boolean; indent?: boolean } = {}): XElement {
  return paragraph(text, {
    size: SIZE_14,
    bold: opts.bold,
    italic: opts.italic,
    align: 'both',
    after: 60,
    firstLine: opts.indent ? 567 : undefined,
  });
}

function noBorders(): XElement {
  return el(
    'w:tblBorders',
    {},
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => el(`w:${b}`, { 'w:val': 'nil' })),
  );
}

/** NĐ 30 ô 1–4: parent body and the Phòng on the left with the number; Quốc hiệu, Tiêu ngữ, place and date on the right. */
function header(p: ReviewerProfile, date: Date): XElement {
  const leftW = Math.round(TEXT_WIDTH * 0.4);
  const rightW = TEXT_WIDTH - leftW;
  const office = p.schoolName.trim().toUpperCase() || 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO';
  const left: XElement[] = [];
  if (p.parentBody.trim()) left.push(paragraph(p.parentBody.trim().toUpperCase(), { align: 'center', size: SIZE_13 }));
  left.push(
    paragraph(office, { align: 'center', bold: true, size: SIZE_13 }),
    shortRule(Math.min(leftW / 3, textWidth(office, SIZE_13, true) * 0.5), leftW),
    paragraph(`Số:       /${p.abbreviation.trim() || 'PGDĐT'}`, { align: 'center', size: SIZE_13 }),
  );
  const d = { day: date.getDate(), month: date.getMonth() + 1, year: date.getFullYear() };
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right: XElement[] = [
    paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: 24 }),
    paragraph(motto, { align: 'center', bold: true, size: SIZE_13 }),
    shortRule(textWidth(motto, SIZE_13, false), rightW),
    paragraph(`${p.place.trim() || '…'}, ${formatDate(d)}`, { align: 'center', italic: true, size: SIZE_13 }),
  ];
  return el('w:tbl', {}, [
    props('w:tblPr', [
      el('w:tblW', { 'w:w': TEXT_WIDTH, 'w:type': 'dxa' }),
      el('w:jc', { 'w:val': 'center' }),
      noBorders(),
      el('w:tblLayout', { 'w:type': 'fixed' }),
      el('w:tblLook', { 'w:val': '0000' }),
    ]),
    el('w:tblGrid', {}, [el('w:gridCol', { 'w:w': leftW }), el('w:gridCol', { 'w:w': rightW })]),
    row([cell(left, { width: leftW }), cell(right, { width: rightW })], { cantSplit: true }),
  ]);
}

/** «Bảng 1, dòng 5: …» — where a finding is, then what it says. */
export function findingSentence(f: JsonFinding): string {
  const where = formatLocation(f.location);
  const text = f.message.trim();
  const said = /[.!?…]$/.test(text) ? text : `${text}.`;
  return where ? `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${said}` : said;
}

function fileSection(n: number, r: FileReport): XElement[] {
  const out: XElement[] = [body(`${n}. ${KIND_NAMES[r.documentKind]} (tệp «${r.path.split(/[\\/]/).pop()}»)`, { bold: true })];
  if (r.documentKind === 'report' && r.coverage) {
    const basis = r.coverage.basis === 'plan' ? 'trong kế hoạch' : 'có trong báo cáo';
    const plan = r.plan ? ` Đối chiếu với kế hoạch «${r.plan.path.split(/[\\/]/).pop()}».` : '';
    out.push(body(`Báo cáo đã ghi kết quả cho ${coverageOf(r)} tiêu chí ${basis}.${plan}`, { indent: true }));
  }
  const shown = r.findings.filter((f) => !isIgnored(f));
  const ignored = r.findings.filter(isIgnored);
  if (!shown.length) out.push(body('Không phát hiện nội dung nào cần sửa hoặc xem lại.', { indent: true }));
  for (const s of ['error', 'warning', 'info'] as const) {
    const group = shown.filter((f) => f.severity === s);
    if (!group.length) continue;
    out.push(
      body(`${SEVERITY_INTROS[s]} (${SEVERITY_LABELS[s].toLowerCase()}, ${group.length} mục):`, { italic: true, indent: true }),
    );
    for (const f of group) out.push(body(`- ${findingSentence(f)}`, { indent: true }));
  }
  if (ignored.length) {
    out.push(
      body(`Nhà trường đã đánh dấu bỏ qua ${ignored.length} mục sau; đề nghị ghi rõ lý do trong văn bản gửi kèm:`, {
        italic: true,
        indent: true,
      }),
    );
    for (const f of ignored) out.push(body(`- ${findingSentence(f)}`, { indent: true }));
  }
  return out;
}

interface NoteOptions {
  readonly date: Date;
  readonly reviewer: ReviewerProfile;
}

/** The body of the «Phiếu nhận xét» for one school. */
function noteBody(run: ReviewRun, school: SchoolFiles, opts: NoteOptions): XElement[] {
  const name = school.school || 'nhà trường';
  const year = school.schoolYear ? ` năm học ${school.schoolYear}` : '';
  const reports = school.files.map((i) => run.outcomes[i].report);
  const kinds = [...new Set(reports.map((r) => r.documentKind as DocumentKind))];
  const what = kinds.map((k) => KIND_NAMES[k].charAt(0).toLowerCase() + KIND_NAMES[k].slice(1)).join(' và ');
  const office = opts.reviewer.schoolName.trim() || 'Phòng Giáo dục và Đào tạo';
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error' && !isIgnored(f)).length, 0);
  const sections = school.files.flatMap((i, n) => fileSection(n + 1, run.outcomes[i].report));
  const subject = `Hồ sơ cải tiến chất lượng${year} của ${name}`;
  return [
    header(opts.reviewer, opts.date),
    paragraph('', {}),
    paragraph('PHIẾU NHẬN XÉT', { align: 'center', bold: true, size: SIZE_14, before: 120, keepNext: true }),
    paragraph(subject, { align: 'center', bold: true, size: SIZE_14, keepNext: true }),
    // NĐ 30: a third to a half of the line above (a long subject wraps: a third of the width at most).
    shortRule(Math.min(TEXT_WIDTH / 3, textWidth(subject, SIZE_14, false) * 0.5), TEXT_WIDTH),
    body(`Kính gửi: ${name}.`, { indent: true }),
    body(
      `${office} đã xem xét ${what} của nhà trường gửi về. Kết quả kiểm tra từng văn bản như sau (vị trí ghi theo bảng, dòng, cột trong tệp của nhà trường):`,
      { indent: true },
    ),
    ...sections,
    body(
      errors
        ? `Đề nghị nhà trường sửa các nội dung cần sửa nêu trên, xem lại các nội dung còn lại và gửi lại hồ sơ cho ${office}.`
        : `Hồ sơ của nhà trường không có nội dung bắt buộc phải sửa. Đề nghị nhà trường xem xét các gợi ý (nếu có) khi hoàn thiện.`,
      { indent: true },
    ),
    paragraph(''),
    signatureBlock(opts.reviewer, { textWidth: TEXT_WIDTH }),
  ];
}

/** The XML parts of the school's «Phiếu nhận xét» .docx. */
export function noteParts(run: ReviewRun, school: SchoolFiles, opts: NoteOptions): Map<string, string> {
  const content = noteBody(run, school, opts);
  const parts = blankDocumentParts(content, { title: `Phiếu nhận xét — ${school.school}`, now: opts.date });
  parts.set('word/document.xml', serializeDocument(documentElement(content, a4Section('portrait'))));
  return parts;
}

/** A file name for the school's note: «Phieu-nhan-xet - Trường Tiểu học Yên Thế.docx», safe on every system. */
export function noteFileName(school: SchoolFiles): string {
  const name = (school.school || school.key.split(/[\\/]/).pop() || 'truong')
    .replace(/\.docx$/i, '')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `Phiếu nhận xét - ${name}.docx`;
}
