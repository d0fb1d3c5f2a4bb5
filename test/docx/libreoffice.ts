/**
 * LibreOffice and poppler helpers for tests that check how a .docx really renders: convert to PDF with
 * soffice (one run for many files, with a throw-away profile so parallel runs never meet), read the PDF's
 * text, page sizes and page images. The tools are required, not optional: .ci/run installs them.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TOOLS = ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts'] as const;

/** Fail early, with a clear message, when a tool is missing. */
export function assertTools(): void {
  const missing = TOOLS.filter((t) => {
    try {
      execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) {
    throw new Error(
      `Missing ${missing.join(', ')}: install libreoffice-writer-nogui and poppler-utils (.ci/run does it on Debian/Ubuntu).`,
    );
  }
}

/**
 * Convert .docx (or other) files to PDF in one soffice run. Returns the PDF paths, in the same order.
 * Throws with soffice's output when a PDF is missing (soffice itself exits 0 even then).
 */
export async function convertToPdf(files: readonly string[], outDir: string, timeoutMs = 120_000): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'ctcl-lo-profile-'));
  try {
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      execFile('soffice', args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
        if (err) reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
        else resolve(`${stdout}\n${stderr}`);
      });
    });
    const pdfs = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '') + '.pdf'));
    const missing = pdfs.filter((p) => !existsSync(p));
    if (missing.length) throw new Error(`soffice wrote no ${missing.join(', ')}:\n${output}`);
    return pdfs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Read a workbook back through LibreOffice Calc: every sheet converted to CSV (UTF-8, values as
 * LibreOffice shows them), by sheet name. Needs libreoffice-calc-nogui (.ci/run installs it).
 */
export async function xlsxSheets(file: string, outDir: string, timeoutMs = 120_000): Promise<Map<string, string[][]>> {
  const profile = mkdtempSync(join(tmpdir(), 'ctcl-lo-profile-'));
  try {
    // Tokens: separator ',', quote '"', UTF-8, from line 1, …, token 12 = -1: each sheet to its own file.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`];
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        'soffice',
        [...args, '--convert-to', filter, '--outdir', outDir, file],
        { timeout: timeoutMs, killSignal: 'SIGKILL' },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`));
          else resolve(`${stdout}\n${stderr}`);
        },
      );
    });
    const sheets = new Map<string, string[][]>();
    for (const m of output.matchAll(/^Writing sheet (.+?) -> (.+\.csv)$/gm))
      sheets.set(m[1], parseCsv(readFileSync(m[2], 'utf8')));
    if (!sheets.size) throw new Error(`soffice wrote no CSV for ${file}:\n${output}`);
    return sheets;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type TextMode =
  /** Content-stream order: each table cell's lines stay together (best for headings in narrow cells). */
  | 'raw'
  /** Physical layout: lines across the page as printed (cells side by side are interleaved). */
  | 'layout';

/** The text of each page of a PDF (pdftotext separates pages with form feeds). */
export function pdfPages(pdf: string, mode: TextMode = 'raw'): string[] {
  const text = execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

export interface PageSize {
  /** Points. */
  readonly width: number;
  readonly height: number;
}

/** Number of pages and the size of every page, from pdfinfo. */
export function pdfInfo(pdf: string): { pages: number; sizes: PageSize[] } {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  if (!pages) throw new Error(`pdfinfo found no pages in ${pdf}`);
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
  const sizes = [...out.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return { pages, sizes };
}

/** Base names of the fonts embedded in a PDF (subset prefixes such as "BAAAAA+" removed). */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return [
    ...new Set(
      out
        .split('\n')
        .slice(2)
        .map((l) => l.split(/\s+/)[0])
        .filter(Boolean)
        .map((n) => n.replace(/^[A-Z]{6}\+/, '')),
    ),
  ];
}

/** Render one page to PNG with pdftoppm; returns the PNG path. */
export function renderPage(pdf: string, page: number, outBase: string, dpi = 60): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outBase]);
  return `${outBase}.png`;
}

/** Pixel size of a PNG, read from its IHDR chunk. */
export function pngSize(png: string): { width: number; height: number } {
  const b = readFileSync(png);
  if (b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${png} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * Text for comparison: NFC, no white space at all (LibreOffice wraps headings inside narrow cells at
 * different places than Word), no soft hyphens.
 */
export function squash(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0\u00ad\u200b]+/g, '');
}

/** Non-overlapping occurrences of needle in hay. */
export function countOccurrences(hay: string, needle: string): number {
  if (!needle) throw new Error('empty needle');
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** A word of a PDF page and its box, in points from the page's top left (pdftotext -bbox). */
export interface WordBox {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word on one page of a PDF with its box. The box's height follows the font size. */
export function pdfWords(pdf: string, page: number): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    (m) => ({
      text: unescape(m[5]),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    }),
  );
}

/** A greyscale page image: one byte a pixel (0 black … 255 white), rows top to bottom. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly pixels: Uint8Array;
}

/** Render one page in greyscale with pdftoppm (binary PGM, read here without any image library). */
export function renderGray(pdf: string, page: number, outBase: string, dpi = 100): GrayImage {
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outBase]);
  const b = readFileSync(`${outBase}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(b.toString('latin1', 0, 64));
  if (!header || header[3] !== '255') throw new Error(`${outBase}.pgm is not an 8-bit binary PGM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(b.subarray(header[0].length, header[0].length + width * height));
  return { width, height, dpi, pixels };
}

/** Horizontal dark runs at least `min` pixels long in rows y0..y1 between x0 and x1: [y, start, end]. */
function darkRuns(img: GrayImage, y0: number, y1: number, x0: number, x1: number, min: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let y = Math.max(0, y0); y <= Math.min(img.height - 1, y1); y++) {
    let start = -1;
    for (let x = Math.max(0, x0); x <= Math.min(img.width - 1, x1) + 1; x++) {
      const dark = x <= x1 && img.pixels[y * img.width + x] < 128;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= min) out.push([y, start, x - 1]);
        start = -1;
      }
    }
  }
  return out;
}

/** A line of text on a page, from its first to its last word (the words' boxes, in points). */
export interface TextLine {
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly bottom: number;
}

/** The line that starts with the word `first` and ends, on the same baseline, with `last`; undefined if not found. */
export function textLine(words: readonly WordBox[], first: string, last: string): TextLine | undefined {
  const a = words.find((w) => w.text === first);
  const b = a && words.find((w) => w.text === last && Math.abs(w.yMin - a.yMin) < 3 && w.xMin >= a.xMin);
  return a && b ? { x0: a.xMin, x1: b.xMax, top: a.yMin, bottom: Math.max(a.yMax, b.yMax) } : undefined;
}

/**
 * The first horizontal rule (a dark run of at least 30 pt) found from the top of `text` down to 12 pt below
 * it, within `margin` points either side: its height and ends in points; undefined when there is none.
 */
export function ruleUnder(img: GrayImage, text: TextLine, margin: number): { y: number; start: number; end: number } | undefined {
  const px = (pt: number) => Math.round((pt * img.dpi) / 72);
  const pt = (p: number) => (p * 72) / img.dpi;
  const [run] = darkRuns(img, px(text.top), px(text.bottom + 12), px(text.x0 - margin), px(text.x1 + margin), px(30));
  return run && { y: pt(run[0]), start: pt(run[1]), end: pt(run[2] + 1) };
}
