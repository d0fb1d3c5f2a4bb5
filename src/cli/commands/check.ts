/**
 * `ctcl check <tệp hoặc thư mục…>`: check plans and reports, one file or a reviewer's folder of
 * schools, as Vietnamese text or JSON, optionally with a summary workbook. Exit code 0 when no file
 * has a Lỗi, 1 when one has, 2 when an input could not be read or the command line is wrong.
 */
import { PlanInputError, readPlanInput } from '../../app/plan-input';
import { reviewJson } from '../../app/review-json';
import { invalidYearMessage } from '../../domain/vocabulary';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { SingleBar } from 'cli-progress';
import type { MetaOverrides, PlanSource } from '../../domain/check';
import { formatFileText, formatSummary, planMethodLabel, summarise, type FileReport } from '../../domain/check/report';
import { parseFramework, parseSchoolType, schoolTypeList } from '../../domain/documents/new-document';
import { formatSchoolYear, parseSchoolYear } from '../../domain/text';
import { xlsxBytes } from '../../app/docx-backend';
import { reviewWorkbook } from '../../domain/review/workbook';
import { parseXml } from '../../xml/node';
import { checkFiles, findSoffice, type CheckProgress, type CheckRun } from '../check/engine';
import { collectInputs, type InputFile, type SkippedFile } from '../check/inputs';
import { CliError, CommandExit, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from '../context';
import { checkOutput, readInput, resolvePath, writeOutput } from '../files';

interface CheckOptions {
  plan?: string;
  planDir?: string;
  format: string;
  schoolType?: string;
  year?: string;
  framework?: string;
  xlsx?: string;
  force?: boolean;
}

const EXAMPLES = `
Loại trường:
${schoolTypeList()}

Mã thoát: 0 khi không tệp nào có Lỗi; 1 khi có tệp có Lỗi; 2 khi có tệp không đọc được hoặc lệnh viết sai.

Ví dụ:
  ctcl check bao-cao.docx
  ctcl check bao-cao.docx --plan ke-hoach.docx
  ctcl check ho-so-cac-truong --xlsx tong-hop.xlsx
  ctcl check bao-cao --plan-dir ke-hoach --xlsx tong-hop.xlsx
  ctcl check ho-so --format json > ket-qua.json
`;

/** The overrides typed on the command line, checked. */
export function parseOverrides(opts: Pick<CheckOptions, 'schoolType' | 'year' | 'framework'>): MetaOverrides {
  let schoolYear: string | undefined;
  if (opts.year !== undefined) {
    const y = parseSchoolYear(opts.year);
    if (!y) throw new CliError(invalidYearMessage(opts.year));
    schoolYear = formatSchoolYear(y);
  }
  // Only the options given: the others keep what the document's store says.
  return {
    ...(opts.schoolType === undefined ? {} : { schoolType: parseSchoolType(opts.schoolType) }),
    ...(schoolYear === undefined ? {} : { schoolYear }),
    ...(opts.framework === undefined ? {} : { framework: parseFramework(opts.framework) }),
  };
}

/**
 * Read --plan: a .docx with a plan table or a plan template (.json), or a usage error saying what is
 * wrong. A .docx without a plan table is said on stderr and the reports are checked without it.
 */
export function readPlan(io: CliIo, path: string, overrides: MetaOverrides): PlanSource | undefined {
  const bytes = readInput(io, path);
  try {
    return readPlanInput(path, bytes, parseXml, overrides.framework);
  } catch (e) {
    if (e instanceof PlanInputError && e.code === 'no-plan') {
      io.stderr(
        `Lưu ý: tệp «${path}» không có bảng kế hoạch cải tiến chất lượng (không nhận ra tiêu đề các cột), nên không dùng làm kế hoạch đối chiếu được; các báo cáo được kiểm tra mà không đối chiếu kế hoạch.\n`,
      );
      return undefined;
    }
    if (e instanceof PlanInputError && e.code === 'empty-plan') {
      io.stderr(`Lưu ý: ${e.message} Các báo cáo được kiểm tra mà không đối chiếu kế hoạch.\n`);
      return undefined;
    }
    if (e instanceof PlanInputError) throw new CliError(e.message);
    throw e;
  }
}

function planFolderFiles(io: CliIo, dir: string): { files: readonly InputFile[]; skipped: readonly SkippedFile[] } {
  const full = resolvePath(io, dir);
  const st = statSync(full, { throwIfNoEntry: false });
  if (!st) throw new CliError(`Không tìm thấy thư mục kế hoạch «${dir}».`);
  if (!st.isDirectory()) throw new CliError(`«${dir}» không phải thư mục. --plan-dir cần một thư mục chứa các kế hoạch (.docx).`);
  return collectInputs(io, [dir], new Set(), !!findSoffice());
}

/** JSON for scripts: { files, skipped, summary, pairing? } (src/app/review-json.ts, shared with the reviewer page). */
function checkJson(run: CheckRun, skipped: readonly SkippedFile[]): string {
  return JSON.stringify(reviewJson(run, skipped), null, 2) + '\n';
}

/** The text output: a block per file, the pairs made, the summary. */
function checkText(run: CheckRun): string {
  const reports = run.outcomes.map((o) => o.report);
  const parts = reports.map(formatFileText);
  if (run.pairing) {
    const p = run.pairing;
    const path = (i: number) => reports[i].path;
    const lines = ['Ghép báo cáo với kế hoạch:'];
    for (const x of p.pairs) lines.push(`  ${path(x.report)}  ↔  ${path(x.plan)} (${planMethodLabel(x.method)})`);
    if (!p.pairs.length) lines.push('  Không ghép được cặp nào.');
    for (const i of p.unpairedReports) lines.push(`  Báo cáo chưa có kế hoạch: ${path(i)}`);
    for (const i of p.unpairedPlans) lines.push(`  Kế hoạch chưa có báo cáo: ${path(i)}`);
    parts.push(lines.join('\n') + '\n');
  }
  parts.push(formatSummary(summarise(reports)));
  return parts.join('\n');
}

/** 2 if a file could not be read, else 1 if a file has a Lỗi, else 0. */
function checkExitCode(files: readonly FileReport[]): number {
  if (files.some((f) => f.error)) return EXIT_USAGE;
  if (files.some((f) => f.counts.error > 0)) return EXIT_FINDINGS;
  return EXIT_OK;
}

async function progressBar(io: CliIo, format: string): Promise<SingleBar | undefined> {
  if (!io.progress || format !== 'text') return undefined;
  // CommonJS package: Node's import() of it may give only a default export; bundlers give the named ones.
  const mod = (await import('cli-progress')) as typeof import('cli-progress') & { default?: typeof import('cli-progress') };
  const { SingleBar, Presets } = mod.default ?? mod;
  return new SingleBar(
    {
      stream: io.progress,
      format: '{phase} [{bar}] {value}/{total} tệp  {file}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
      fps: 10,
    },
    Presets.shades_classic,
  );
}

const PHASE_LABELS: Readonly<Record<CheckProgress['phase'], string>> = {
  check: 'Đang kiểm tra',
  plans: 'Đang đối chiếu với kế hoạch',
};

function shorten(path: string, max = 50): string {
  return path.length <= max ? path : `…${path.slice(path.length - max + 1)}`;
}

export function registerCheck(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('Kiểm tra kế hoạch và báo cáo (.docx): một tệp, hoặc cả thư mục hồ sơ của nhiều trường.')
    .usage('<tệp hoặc thư mục...> [tùy chọn]')
    .argument('<tệp hoặc thư mục...>', 'Tệp .docx, hoặc thư mục (tìm mọi tệp .docx trong đó và các thư mục con)')
    .option(
      '--plan <kế-hoạch.docx|mẫu.json>',
      'Kế hoạch (tệp .docx, hoặc mẫu kế hoạch .json) để đối chiếu các báo cáo (tiêu chí có trong kế hoạch mà báo cáo thiếu)',
    )
    .option(
      '--plan-dir <thư mục>',
      'Thư mục kế hoạch của các trường: mỗi báo cáo được ghép với kế hoạch cùng trường, cùng năm học để đối chiếu',
    )
    .option('--format <text|json>', 'Kết quả dạng chữ (text, mặc định) hoặc JSON cho chương trình khác', 'text')
    .option('-t, --school-type <loại>', 'Coi mọi tệp là của loại trường này: mam-non, tieu-hoc, thcs-thpt, gdtx')
    .option('-y, --year <năm học>', 'Coi mọi tệp là của năm học này, ví dụ 2025-2026')
    .option('--framework <khung>', 'Khung quy định: 2018 (Thông tư 17, 18, 19/2018) hoặc 2026 (Thông tư 57/2026)')
    .option(
      '--xlsx <tệp.xlsx>',
      'Ghi bảng tổng hợp Excel (in được trên giấy A4 ngang): Tổng hợp, Tiêu chí theo loại trường, Chi tiết (và Ghép cặp khi có --plan-dir)',
    )
    .option('-f, --force', 'Ghi đè tệp .xlsx nếu đã có')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts: CheckOptions) => {
      const format = opts.format.trim().toLowerCase();
      if (format !== 'text' && format !== 'json') {
        throw new CliError(`Không có định dạng «${opts.format}». Chọn text hoặc json.`);
      }
      if (opts.plan && opts.planDir) {
        throw new CliError(
          'Chỉ dùng một trong hai: --plan (một kế hoạch cho mọi báo cáo) hoặc --plan-dir (mỗi trường một kế hoạch).',
        );
      }
      const overrides = parseOverrides(opts);
      // The workbook is checked before any work, so a long run never ends in "file exists".
      const xlsx = opts.xlsx ? checkOutput(io, opts.xlsx, { force: opts.force, ext: '.xlsx' }) : undefined;
      const planSource = opts.plan ? readPlan(io, opts.plan, overrides) : undefined;
      const plan = planSource && opts.plan ? { source: planSource, path: opts.plan } : undefined;
      const soffice = findSoffice();
      const planDir = opts.planDir ? planFolderFiles(io, opts.planDir) : undefined;
      const inputs = collectInputs(io, paths, new Set(xlsx ? [xlsx] : []), !!soffice);
      // The plan folder may be one of the input folders, or inside one: each skipped file once.
      const skipped = [...inputs.skipped, ...(planDir?.skipped ?? [])].filter(
        (x, i, all) => all.findIndex((y) => resolvePath(io, y.path) === resolvePath(io, x.path)) === i,
      );
      for (const s of skipped) io.stderr(`Bỏ qua ${s.path}: ${s.reason}.\n`);
      if (!inputs.files.length && !planDir?.files.length) {
        throw new CliError(
          `Không tìm thấy tệp .docx nào trong ${paths.map((p) => `«${p}»`).join(', ')}${skipped.length ? ' (các tệp khác đã bỏ qua ở trên)' : ''}.`,
        );
      }
      if (planDir && !planDir.files.length) io.stderr(`Lưu ý: thư mục kế hoạch «${opts.planDir}» không có tệp .docx nào.\n`);

      const bar = await progressBar(io, format);
      let phase: CheckProgress['phase'] | undefined;
      let run: CheckRun;
      try {
        run = await checkFiles(inputs.files, {
          overrides,
          plan,
          planFiles: planDir?.files,
          soffice,
          onProgress: bar
            ? (p) => {
                const payload = { file: shorten(p.path), phase: PHASE_LABELS[p.phase] };
                if (p.phase !== phase) {
                  if (phase) bar.stop();
                  phase = p.phase;
                  bar.start(p.total, 0, payload);
                }
                bar.update(p.done, payload);
              }
            : undefined,
        });
      } finally {
        bar?.stop();
      }
      const reports = run.outcomes.map((o) => o.report);
      if (planDir && run.pairing && !run.pairing.pairs.length && run.pairing.unpairedReports.length) {
        io.stderr(`Lưu ý: không ghép được báo cáo nào với kế hoạch trong «${opts.planDir}».\n`);
      }
      io.stdout(format === 'json' ? checkJson(run, skipped) : checkText(run));
      if (xlsx && opts.xlsx) {
        writeOutput(io, opts.xlsx, xlsxBytes(reviewWorkbook(run)), { force: opts.force });
        const note = `Đã ghi bảng tổng hợp ${join(opts.xlsx)} (${reports.length} tệp).\n`;
        if (format === 'json') io.stderr(note);
        else io.stdout(note);
      }
      throw new CommandExit(checkExitCode(reports));
    });
}
