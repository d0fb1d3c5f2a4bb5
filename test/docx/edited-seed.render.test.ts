/**
 * An edited seed as LibreOffice prints it: two criterion rows added to seed 003 (a plan written by a
 * school, which draws its borders cell by cell and sets its text in 11 pt) through the .docx backend,
 * converted to PDF by soffice and rendered by pdftoppm. The new rows must look like the rows around them:
 * their cells closed by the same lines (read from the page image) and their text the same size (read from
 * the word boxes pdftotext gives). The page is also kept as a PNG in .tmp/render-edit/ to look at.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '../../src/domain/catalog';
import { planAddRows } from '../../src/domain/table/edit';
import { openSeed } from '../helpers';
import {
  assertTools,
  convertToPdf,
  pdfInfo,
  pdfPages,
  pdfWords,
  renderGray,
  renderPage,
  type GrayImage,
  type WordBox,
} from './libreoffice';

const OUT = join(__dirname, '..', '..', '.tmp', 'render-edit');
/**
 * The new rows: the criterion, and the text of its target and owner columns, each starting with a word
 * found nowhere else (however LibreOffice wraps the lines).
 */
const NEW_ROWS = [
  { code: '1.7', target: 'MT-1.7 mục tiêu của dòng mới', owner: 'PT-1.7 Tổ văn phòng' },
  { code: '2.1', target: 'MT-2.1 mục tiêu của dòng mới', owner: 'PT-2.1 Phó hiệu trưởng' },
] as const;
const first = (text: string): string => text.split(' ')[0];

let pdf: string;
let page: number;
let words: WordBox[];
let image: GrayImage;

beforeAll(async () => {
  assertTools();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const doc = openSeed('003');
  const plan = await doc.editTable({}, (rec) =>
    planAddRows(
      rec,
      getCatalog('2018', 'tieu-hoc'),
      NEW_ROWS.map((r) => ({ ref: { code: r.code }, cells: { target: r.target, owner: r.owner } })),
    ),
  );
  expect(plan.summary).toBe('Đã thêm 2 tiêu chí: 1.7, 2.1.');
  const file = join(OUT, 'seed-003-edited.docx');
  writeFileSync(file, doc.toBytes());
  [pdf] = await convertToPdf([file], OUT);
  const pages = pdfInfo(pdf).pages;
  for (page = 1; page <= pages; page++) {
    words = pdfWords(pdf, page);
    if (NEW_ROWS.every((r) => words.some((w) => w.text === first(r.target)))) break;
  }
  if (page > pages) throw new Error('the new rows are not on one page');
  image = renderGray(pdf, page, join(OUT, 'page-gray'), 100);
  const png = renderPage(pdf, page, join(OUT, `seed-003-edited-page-${page}`), 80);
  console.info(`seed 003 with rows 1.7 and 2.1 added, page ${page} of ${pages}: ${png}`);
}, 180_000);

/** The first word of a phrase on the page (its words in order), or the word `offset` places from it. */
function wordOf(phrase: string, offset = 0): WordBox {
  const parts = phrase.split(' ');
  const i = words.findIndex((_w, k) => parts.every((p, j) => words[k + j]?.text === p));
  if (i < 0) throw new Error(`«${phrase}» is not on page ${page}`);
  return words[i + offset];
}

const px = (pt: number): number => Math.round((pt * image.dpi) / 72);
const isDark = (x: number, y: number): boolean => image.pixels[y * image.width + x] < 160;

/** Runs of consecutive numbers, each given by its middle. */
function runs(xs: number[]): number[] {
  const out: number[][] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1] <= 1) last.push(x);
    else out.push([x]);
  }
  return out.map((r) => r[r.length >> 1]);
}

/** Pixel rows that are table lines: dark across at least 60 % of the page's width. */
function horizontalRules(): number[] {
  const ys: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let n = 0;
    for (let x = 0; x < image.width; x++) if (isDark(x, y)) n++;
    if (n >= 0.6 * image.width) ys.push(y);
  }
  return runs(ys);
}

/** The table row holding a word: the table lines just above and just below it. */
function rowAround(w: WordBox): { top: number; bottom: number } {
  const rules = horizontalRules();
  const top = rules.filter((y) => y < px(w.yMin)).pop();
  const bottom = rules.find((y) => y > px(w.yMax));
  if (top === undefined || bottom === undefined) throw new Error(`no table line above and below «${w.text}»`);
  return { top, bottom };
}

/** Vertical cell borders within a row: pixel columns dark from the row's top line to its bottom line. */
function cellBorders(row: { top: number; bottom: number }): number[] {
  const xs: number[] = [];
  for (let x = 0; x < image.width; x++) {
    let n = 0;
    for (let y = row.top; y <= row.bottom; y++) if (isDark(x, y)) n++;
    if (n >= 0.95 * (row.bottom - row.top + 1)) xs.push(x);
  }
  return runs(xs);
}

test('the new rows print on one page, in their places among the old ones', () => {
  const text = pdfPages(pdf, 'raw')[page - 1];
  // 1.7 before 1.10 (the seed's next criterion of standard 1), 2.1 before 2.2.
  expect(text.indexOf('Tiêu chí 1.7')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('Tiêu chí 1.7')).toBeLessThan(text.indexOf('Tiêu chí 1.10'));
  expect(text.indexOf('Tiêu chí 2.1')).toBeLessThan(text.indexOf('Tiêu chí 2.2'));
});

describe.each(NEW_ROWS)('new row $code', (row) => {
  /** The old criterion row printed right below the new one. */
  const neighbour = (): WordBox => wordOf(row.code === '1.7' ? 'chí 1.10' : 'chí 2.2', -1);
  const target = (): WordBox => wordOf(first(row.target));

  test('every cell is closed by lines, at the same places as in the row below it', () => {
    const mine = rowAround(target());
    const theirs = rowAround(neighbour());
    const borders = cellBorders(mine);
    // A plan-2018 table has 9 columns: 10 vertical lines across the row.
    expect(borders).toHaveLength(10);
    expect(borders).toEqual(cellBorders(theirs));
    // The new row's own lines above and below (not the neighbour's), with its text between.
    expect(mine.bottom).toBeLessThanOrEqual(theirs.top);
    expect(mine.bottom - mine.top).toBeGreaterThan(px(target().yMax - target().yMin));
  });

  test('its text is the same size as the text of the rows around it, in each column', () => {
    const height = (w: WordBox): number => Math.round((w.yMax - w.yMin) * 100) / 100;
    const old = neighbour();
    // Label, target and owner columns: the first word of the new row's cell and the neighbour's words in that column.
    const label = wordOf(`chí ${row.code}:`, -1);
    expect(label.text).toBe('Tiêu');
    for (const start of [label, target(), wordOf(first(row.owner))]) {
      const column = words.filter((w) => Math.abs(w.xMin - start.xMin) < 1 && w.yMin >= old.yMin);
      expect(column.length).toBeGreaterThan(0);
      expect(new Set(column.map(height))).toEqual(new Set([height(start)]));
    }
    // 11 pt, as the seed: pdftotext's box is the font's ascent to descent, 1.3 × the size for Times New Roman.
    expect(height(target()) / 11).toBeCloseTo(1.3, 1);
  });
});
