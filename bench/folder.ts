/**
 * Bench section "folder": the reviewer's folder check, and .docx table reading next to mammoth.
 *
 * 1. A folder is generated with the tests' corpus generator (test/fixtures/corpus.ts): seeds, variants,
 *    filled plans and reports, broken files.
 * 2. `ctcl check <folder> --format json` runs in-process (walk, read, recognise, check, JSON; no
 *    workbook, no Node start-up): files per second, median of several rounds. Also with --plan-dir,
 *    and the time the workbook takes on top.
 * 3. Reading alone on the readable files, bytes already in memory: ours (DocxPackage.open with the
 *    reading parts, parse, readDocument) against mammoth.convertToHtml on the same bytes, runs
 *    interleaved (order swapped each round), median per round. vsMammoth = our speed ÷ mammoth's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertToHtml } from 'mammoth';
import { run as ctcl } from '../src/cli/main';
import { readDocxModel } from '../src/app/open';
import { parseXml } from '../src/xml/node';
import { buildCorpus } from '../test/fixtures/corpus';
import { median, type BenchOptions } from './shared';

/** Run ctcl in-process, output thrown away; the exit code and the wall time in ms. */
async function timeCheck(cwd: string, argv: string[]): Promise<{ code: number; ms: number }> {
  const sink = { stdout: () => undefined, stderr: () => undefined, cwd };
  const t = performance.now();
  const code = await ctcl(argv, sink);
  return { code, ms: performance.now() - t };
}

export async function run(opts: BenchOptions): Promise<Record<string, number | object>> {
  const log = opts.log ?? (() => undefined);
  const rounds = opts.quick ? 3 : 7;
  const work = mkdtempSync(join(tmpdir(), 'ctcl-bench-'));
  try {
    const folder = join(work, 'ho-so');
    const corpus = await buildCorpus(folder, {
      schools: opts.quick ? 14 : 40,
      seedsDir: join(opts.root, 'test', 'fixtures', 'seeds'),
    });
    const files = corpus.docx.length;
    log(`folder: ${files} tệp .docx (${corpus.good.length} đọc được, ${corpus.bad.length} hỏng), ${rounds} vòng`);

    // 1. The folder check, end to end in-process.
    await timeCheck(work, ['check', 'ho-so', '--format', 'json']); // warm-up
    const check: number[] = [];
    const withPlans: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const a = await timeCheck(work, ['check', 'ho-so', '--format', 'json']);
      if (a.code !== 2) throw new Error(`ctcl check ended with ${a.code}, expected 2 (broken files in the folder)`);
      check.push(a.ms);
      withPlans.push(
        (await timeCheck(work, ['check', 'ho-so', '--plan-dir', join('ho-so', corpus.planDir), '--format', 'json'])).ms,
      );
    }
    const xlsx = await timeCheck(work, [
      'check',
      'ho-so',
      '--plan-dir',
      join('ho-so', corpus.planDir),
      '--xlsx',
      'tong-hop.xlsx',
    ]);
    const checkMs = median(check);
    const planMs = median(withPlans);

    // 2. Reading the tables: ours against mammoth, same bytes, interleaved.
    const bytes = corpus.good.map((p) => new Uint8Array(readFileSync(join(folder, p))));
    const buffers = bytes.map((b) => Buffer.from(b));
    const ours = async () => {
      const t = performance.now();
      let tables = 0;
      for (const b of bytes) tables += readDocxModel(b, parseXml).tables.length;
      if (!tables) throw new Error('no tables read');
      return performance.now() - t;
    };
    const theirs = async () => {
      const t = performance.now();
      let html = 0;
      for (const b of buffers) html += (await convertToHtml({ buffer: b })).value.length;
      if (!html) throw new Error('mammoth produced nothing');
      return performance.now() - t;
    };
    await ours();
    await theirs(); // warm-up both
    const oursMs: number[] = [];
    const mammothMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      if (r % 2) {
        mammothMs.push(await theirs());
        oursMs.push(await ours());
      } else {
        oursMs.push(await ours());
        mammothMs.push(await theirs());
      }
    }
    const readMs = median(oursMs);
    const mamMs = median(mammothMs);
    const n = bytes.length;
    return {
      files,
      readableFiles: n,
      rounds,
      filesPerSecond: Math.round((files / checkMs) * 1000 * 10) / 10,
      filesPerSecondWithPlanDir: Math.round((files / planMs) * 1000 * 10) / 10,
      checkMs: Math.round(checkMs),
      checkWithPlanDirAndXlsxMs: Math.round(xlsx.ms),
      readMsPerFile: Math.round((readMs / n) * 1000) / 1000,
      mammothMsPerFile: Math.round((mamMs / n) * 1000) / 1000,
      vsMammoth: Math.round((mamMs / readMs) * 100) / 100,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Lines for the human-readable table. */
export function format(r: Record<string, number | object>): string[] {
  return [
    `Kiểm tra thư mục (${r.files} tệp, không ghi .xlsx):   ${r.filesPerSecond} tệp/giây  (${r.checkMs} ms)`,
    `  … với --plan-dir (ghép và kiểm tra lại):     ${r.filesPerSecondWithPlanDir} tệp/giây`,
    `  … với --plan-dir và --xlsx:                  ${r.checkWithPlanDirAndXlsxMs} ms`,
    `Đọc bảng .docx (${r.readableFiles} tệp đọc được, trung vị ${r.rounds} vòng xen kẽ):`,
    `  ctcl (DocxPackage + saxes + readDocument):   ${r.readMsPerFile} ms/tệp`,
    `  mammoth.convertToHtml:                       ${r.mammothMsPerFile} ms/tệp`,
    `  nhanh hơn mammoth:                           ${r.vsMammoth} lần`,
  ];
}
