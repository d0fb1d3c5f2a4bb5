/**
 * The frame of a document (Nghị định 30/2020/NĐ-CP): the letterhead (the authority, the school's name,
 * number and symbol on the left; the national motto, place and date on the right), the title (kind and
 * summary), the signature block and «Nơi nhận». Read the way schools write them: as a borderless table
 * or as paragraphs, with lines split by line breaks inside one paragraph or by paragraphs, a school's
 * name spread over two lines, the title missing, the letterhead after the table.
 */
import type { FileKind as DocumentKind } from '../forms';
import type { DocModel } from '../ooxml/reader';
import type { RecognisedTable } from '../table/recognise';
import { collapseSpaces, findDates, fold, nfc } from '../text';

/** One line of the document's own text: a paragraph, or a line of it when it holds line breaks. */
export interface FrameLine {
  readonly text: string;
  /** Top-level block of the paragraph or of the table holding it. */
  readonly block: number;
  /** Set when the line sits in a table cell (a letterhead or signature laid out in a borderless table). */
  readonly table?: number;
}

export interface DatedLine {
  readonly text: string;
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

export interface DocumentFrame {
  /** The document's own lines in order (body paragraphs and cells of tables that are not plan/report tables). */
  readonly lines: readonly FrameLine[];
  /** The title: its kind line and the lines after it; absent when the document has none. */
  readonly title?: {
    readonly lines: readonly string[];
    readonly block: number;
    /** From the kind line: «KẾ HOẠCH…» is a plan, «BÁO CÁO…» a report, anything else another kind. */
    readonly kind?: DocumentKind;
    /** The title says it is about the school's quality-improvement plan (cải tiến chất lượng). */
    readonly khct: boolean;
  };
  /** The school's name as written («TRƯỜNG TH NGUYỄN BÁ NGỌC»), and where it came from. */
  readonly schoolName?: string;
  readonly schoolNameFrom?: 'letterhead' | 'text';
  /** «Số: 29/BC-NBN». */
  readonly number?: string;
  /** «Bình Thạnh, ngày 12 tháng 9 năm 2023». */
  readonly date?: DatedLine;
  /** The letterhead (school, number, date) is written after the plan/report table. */
  readonly letterheadAfterTable: boolean;
  readonly signature: boolean;
  readonly recipients: boolean;
  /**
   * The document says it goes with another («(Kèm theo Kế hoạch số …)» under the title): an attachment,
   * whose number, signature and «Nơi nhận» are the other document's.
   */
  readonly attachment: boolean;
}

/** Lines of the document outside its plan/report tables, in order; paragraphs split at line breaks. */
function frameLines(model: DocModel, tables: readonly RecognisedTable[]): FrameLine[] {
  const ours = new Set(tables.flatMap((t) => t.parts.map((p) => p.index)));
  const out: FrameLine[] = [];
  const push = (text: string, block: number, table?: number): void => {
    for (const l of text.split('\n')) out.push(table === undefined ? { text: l, block } : { text: l, block, table });
  };
  const extra: { text: string; block: number; table: number }[] = [];
  for (const t of model.tables) {
    if (ours.has(t.index) || t.topIndex < 0) continue;
    for (const r of t.rows)
      for (const c of r.cells) for (const p of c.paragraphs) extra.push({ text: p, block: t.block, table: t.index });
  }
  // Stable merge by block: a table's text sits where the table is.
  const all = [
    ...model.paragraphs.filter((p) => !p.floating).map((p) => ({ text: p.text, block: p.block, table: undefined })),
    ...extra,
  ].sort((a, b) => a.block - b.block);
  for (const x of all) push(x.text, x.block, x.table);
  return out;
}

const DATE_LINE = /^(.{2,60}?),\s*ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+(?:19|20)\d\d\s*\.?$/;

function datedLine(text: string): DatedLine | undefined {
  const t = collapseSpaces(text);
  if (!DATE_LINE.test(fold(t))) return undefined;
  const d = findDates(t)[0];
  return d ? { text: t, ...d } : undefined;
}

/** Words naming the kind of school (or the word «trường» itself), folded. */
const TYPE_WORDS =
  /^(truong|trung|tam|mam|non|mau|giao|tieu|hoc|thcs|thpt|th|mn|mg|pt|gdtx|gdnn|co|so|pho|thong|ptdtbt|ptdtnt|nha|tre|dan|toc|ban|tru|noi|va|&|-)$/;

/** Lower-case words that may be part of a school's proper name («trường tiểu học xã Thanh Chấn»). */
const NAME_LOWER = /^(xa|phuong|thi|tran|so|huyen|quan|thanh|pho)$/;

const SCHOOL_START =
  /\b(truong|trung tam)\s+((?:mam non|mau giao|nha tre|tieu hoc|thcs|thpt|th|mn|mg|pt|gdtx|gdnn|trung hoc co so|trung hoc pho thong|pho thong|ptdtbt|ptdtnt)\b.{0,70})/;

/**
 * The school's name in a line or sentence: «TRƯỜNG TH NGUYỄN BÁ NGỌC», «của trường Tiểu học Yên Thế»,
 * cut where the name ends («… được thành lập năm 2008», «Số: 45/BC»). Undefined when only a kind of
 * school is named («đối với trường tiểu học»).
 */
function schoolNameIn(text: string): string | undefined {
  const flat = collapseSpaces(nfc(text));
  const f = fold(flat);
  const m = SCHOOL_START.exec(f);
  if (!m) return undefined;
  // fold keeps the length of the collapsed text, so the same place cuts the original.
  const start = m.index;
  const raw = flat
    .slice(start, start + m[0].length)
    .split(/[,;()«»"“”]| - | – |\s+S[ốo]\s*:/)[0]
    .trim();
  const words = raw.split(' ');
  const kept: string[] = [];
  let proper = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const fw = fold(w);
    const isType = i === 0 || (proper === 0 && TYPE_WORDS.test(fw)) || (i === 1 && fw === 'tam');
    if (!isType) {
      // A proper name is capitalised (or a number); a lower-case word ends it, but for «xã», «phường»….
      const letter = w.charAt(0);
      const lower = letter !== letter.toLocaleUpperCase('vi') && !NAME_LOWER.test(fw);
      if (lower) break;
      if (!NAME_LOWER.test(fw)) proper++;
    }
    kept.push(w);
  }
  if (!proper) return undefined;
  const name = kept.join(' ').replace(/[\s,;:.]+$/, '');
  return name.length >= 8 ? name : undefined;
}

/** A line naming only a kind of school («TRƯỜNG TRUNG HỌC CƠ SỞ»): the proper name is on the next line. */
function onlyKind(text: string): boolean {
  const words = fold(text).split(' ').filter(Boolean);
  return words.length >= 2 && words[0] === 'truong' && words.every((w) => TYPE_WORDS.test(w));
}

const TITLE_KIND = /^(ke hoach|bao cao)\b/;
/** Lines that start the body of a document: numbered sections, «Căn cứ…», «Kính gửi…». */
const BODY_START = /^((i|ii|iii|iv|v|vi|1|2|3)[.)/]\s|phan\s+(i|1|mot)\b|can cu\b|kinh gui\b|thuc hien\b)/;
const LETTERHEAD_LINE = /^(cong hoa|doc lap|so\s*:|ubnd|uy ban|phong g|so g|\S+,\s*ngay\b)/;
const SIGNATURE =
  /^(kt\.?\s*|tm\.?\s*|t\/m\s*|q\.?\s*)?(hieu truong|pho hieu truong|giam doc|pho giam doc|truong phong|pho truong phong|chu tich|nguoi lap|nguoi viet|ban giam hieu)\b/;

function readTitle(lines: readonly FrameLine[], before: number): DocumentFrame['title'] {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.block >= before) break;
    const f = fold(l.text);
    if (!f || l.table !== undefined) continue;
    if (BODY_START.test(f)) break;
    const m = TITLE_KIND.exec(f);
    // A title line is short: «Báo cáo kết quả … như sau:» in a sentence is not one.
    const isTitle = m
      ? f.length <= 160 && !/[:;]$/.test(f)
      : /^(danh sach|quyet dinh|to trinh|thong bao|bien ban|chuong trinh|huong dan|ke hoach|bao cao)\b/.test(f) &&
        f.length <= 120;
    if (!isTitle) continue;
    const out = [collapseSpaces(l.text)];
    for (let j = i + 1; j < lines.length && out.length < 4; j++) {
      const t = collapseSpaces(lines[j].text);
      if (!t) continue;
      const fj = fold(t);
      if (BODY_START.test(fj) || lines[j].block >= before || /^\(?\s*kem theo\b/.test(fj) || SIGNATURE.test(fj)) break;
      out.push(t);
      if (/nam hoc|giai doan|\b(19|20)\d\d\s*-\s*(19|20)\d\d\b/.test(fj)) break;
    }
    const all = fold(out.join(' '));
    const kind = m ? (m[1] === 'bao cao' ? 'report' : 'plan') : undefined;
    return { lines: out, block: l.block, kind, khct: !!kind && /cai tien chat luong|\bkhct\b|\bct ?clgd\b/.test(all) };
  }
  return undefined;
}

/** Read the frame of a document whose plan/report tables (possibly none) are known. */
export function readFrame(model: DocModel, tables: readonly RecognisedTable[]): DocumentFrame {
  const lines = frameLines(model, tables);
  const firstTable = tables.length ? tables[0].parts[0].block : Infinity;
  const lastTable = tables.length ? Math.max(...tables.flatMap((t) => t.parts.map((p) => p.block))) : -1;
  const title = readTitle(lines, firstTable);
  // The letterhead: the lines before the title, else before the table, else the first lines.
  const headEnd = title ? title.block : firstTable;
  const head = lines.filter((l) => l.block < headEnd || (!title && firstTable === Infinity));

  let schoolName: string | undefined;
  let schoolNameFrom: DocumentFrame['schoolNameFrom'];
  let letterheadAfterTable = false;
  const letterheadName = (from: readonly FrameLine[]): string | undefined => {
    const texts = from.map((l) => collapseSpaces(l.text)).filter(Boolean);
    for (let i = 0; i < texts.length; i++) {
      const f = fold(texts[i]);
      if (!/^(truong|trung tam)\b/.test(f)) continue;
      const own = schoolNameIn(texts[i]);
      if (own) return own;
      const next = texts[i + 1];
      if (next && onlyKind(texts[i]) && !LETTERHEAD_LINE.test(fold(next))) {
        const joined = schoolNameIn(`${texts[i]} ${next}`);
        if (joined) return joined;
      }
    }
    return undefined;
  };
  schoolName = letterheadName(head.filter((l) => l.text.trim()).slice(0, 12));
  if (schoolName) schoolNameFrom = 'letterhead';
  else if (lastTable >= 0) {
    // A letterhead written after the table (the school's lines at the end).
    schoolName = letterheadName(
      lines.filter((l) => l.block > lastTable).filter((l) => /^(truong|trung tam)\b/.test(fold(l.text))),
    );
    if (schoolName) {
      schoolNameFrom = 'letterhead';
      letterheadAfterTable = !lines.some((l) => l.block < firstTable && datedLine(l.text));
    }
  }
  if (!schoolName) {
    for (const l of lines) {
      schoolName = schoolNameIn(l.text);
      if (schoolName) {
        schoolNameFrom = 'text';
        break;
      }
    }
  }

  let number: string | undefined;
  let date: DatedLine | undefined;
  let signature = false;
  let recipients = false;
  for (const l of lines) {
    const t = collapseSpaces(l.text);
    const f = fold(t);
    if (!number) {
      const m = /^Số\s*:\s*(.+)$/i.exec(t.normalize('NFC'));
      if (m && /\//.test(m[1])) number = `Số: ${m[1].trim()}`;
    }
    if (!date) date = datedLine(t);
    if (SIGNATURE.test(f) && f.length <= 60) signature = true;
    if (/^noi nhan\b/.test(f)) recipients = true;
  }
  const attachment = lines.some((l) => l.block < firstTable && /^\(?\s*kem theo\b/.test(fold(l.text)));
  return {
    lines,
    title,
    attachment,
    schoolName,
    schoolNameFrom,
    number,
    date,
    letterheadAfterTable,
    signature,
    recipients,
  };
}
