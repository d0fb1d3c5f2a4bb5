/**
 * `ctcl fix <tệp.docx> -o <tệp-đã-sửa.docx>`: apply every deterministic fix the checker offers
 * (missing headings, missing columns, official standard and criterion titles, and — with --plan — the
 * planned criteria a report lacks) to a copy of the document. The input is never written. Prints what
 * changed and where, as Vietnamese text or JSON. Exit code 0 when something was fixed (the copy is
 * written), 3 when there was nothing to fix (no copy), 2 on bad input or a wrong command line.
 *
 * Every fix goes through the same edit planners as the pane's «Sửa» buttons, one at a time, each on
 * the document as the previous fixes left it; a fix the edit code refuses (it would damage content
 * plain text cannot express) is reported and left out, and the others still apply.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { findCatalog } from '../../domain/catalog';
import {
  checkDocument,
  planFromTables,
  type Finding,
  type FindingFix,
  type MetaOverrides,
  type PlanSource,
} from '../../domain/check';
import { fixPlanner, type FixContext } from '../../domain/check/fixes';
import { formatLocation, type JsonLocation } from '../../domain/check/report';
import { PlacementError } from '../../domain/table/model';
import { DocxDocument } from '../../app/docx-backend';
import { parseXml } from '../../xml/node';
import { CliError, CommandExit, EXIT_NOTHING_TO_FIX, EXIT_OK, type CliIo } from '../context';
import { checkOutput, readInput, resolvePath, writeOutput } from '../files';
import { parseOverrides, readPlan } from './check';

interface FixOptions {
  output: string;
  only?: string;
  plan?: string;
  format: string;
  force?: boolean;
  schoolType?: string;
  year?: string;
  framework?: string;
}

/** The fixes, by the rule whose finding offers them (what --only takes; the fix kinds are accepted too). */
const FIX_RULES: Readonly<Record<FindingFix['kind'], string>> = {
  'write-heading': 'missing-heading',
  'add-column': 'missing-column',
  'write-standard-title': 'standard-title-mismatch',
  'write-criterion-title': 'criterion-title-mismatch',
  'add-planned-rows': 'unreported-criterion',
};

const EXAMPLES = `
Sửa được (tên dùng với --only):
  missing-heading          ghi tiêu đề cột còn trống
  missing-column           thêm cột còn thiếu (kèm tiêu đề)
  standard-title-mismatch  ghi tên đúng của tiêu chuẩn
  criterion-title-mismatch ghi tên chính thức của tiêu chí
  unreported-criterion     thêm dòng cho tiêu chí có trong kế hoạch mà báo cáo thiếu (cần --plan)

Tệp gốc không bao giờ bị ghi; bản đã sửa được ghi ra tệp -o.
Mã thoát: 0 khi đã sửa và ghi bản sửa; 3 khi không có gì để sửa (không ghi tệp); 2 khi tệp vào không đọc
được hoặc lệnh viết sai.

Ví dụ:
  ctcl fix bao-cao.docx -o bao-cao-da-sua.docx
  ctcl fix bao-cao.docx -o bao-cao-da-sua.docx --plan ke-hoach.docx
  ctcl fix ke-hoach.docx -o ke-hoach-da-sua.docx --only missing-column,missing-heading --format json
`;

interface FixChange {
  readonly rule: string;
  readonly fix: FindingFix['kind'];
  readonly location: JsonLocation;
  /** What was done, in Vietnamese. */
  readonly summary: string;
}

interface FixSkipped {
  readonly rule: string;
  readonly fix: FindingFix['kind'];
  readonly location: JsonLocation;
  /** Why it was not done, in Vietnamese. */
  readonly reason: string;
}

function parseOnly(only: string | undefined): Set<string> | undefined {
  if (only === undefined) return undefined;
  const names = only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Set([...Object.values(FIX_RULES), ...Object.keys(FIX_RULES)]);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length || !names.length) {
    throw new CliError(`Không có cách sửa «${unknown.join(', ') || only}». Chọn trong: ${Object.values(FIX_RULES).join(', ')}.`);
  }
  const rules = new Set<string>();
  for (const n of names) rules.add((FIX_RULES as Record<string, string>)[n] ?? n);
  return rules;
}

function location(f: Finding, row?: number): JsonLocation {
  return {
    table: f.location.table ?? null,
    row: f.location.row ?? row ?? null,
    column: f.location.column ?? null,
  };
}

/** A finding's fix, stable across re-checks: the same fix is never applied twice. */
function fixKey(f: FindingFix): string {
  return JSON.stringify(f);
}

interface FixRun {
  readonly changes: readonly FixChange[];
  readonly skipped: readonly FixSkipped[];
}

/**
 * Apply the fixes to a document, one at a time, re-checking after each (a new column moves the
 * others). Pure apart from the document it is given.
 */
async function fixDocument(
  doc: DocxDocument,
  opts: { overrides?: MetaOverrides; plan?: PlanSource; rules?: ReadonlySet<string> } = {},
): Promise<FixRun> {
  const changes: FixChange[] = [];
  const skipped: FixSkipped[] = [];
  const tried = new Set<string>();
  // Every round applies at most one fix; a document has far fewer fixes than this.
  for (let round = 0; round < 200; round++) {
    const result = checkDocument(await doc.read(), { overrides: opts.overrides, plan: opts.plan });
    const next = result.findings.find(
      (f) =>
        f.fix &&
        !tried.has(fixKey(f.fix)) &&
        (!opts.rules || opts.rules.has(f.rule)) &&
        // Planned rows come from a plan the user gives, never from a guess.
        (f.fix.kind !== 'add-planned-rows' || opts.plan),
    );
    if (!next?.fix) break;
    tried.add(fixKey(next.fix));
    const { framework, schoolType, schoolYear } = result.meta;
    const ctx: FixContext = {
      catalog: framework && schoolType ? findCatalog(framework, schoolType) : undefined,
      schoolYear,
      plan: opts.plan ?? planFromTables(result.tables),
    };
    try {
      const plan = await doc.editTable({ table: next.location.table }, fixPlanner(next.fix, ctx));
      if (plan.edits.length)
        changes.push({ rule: next.rule, fix: next.fix.kind, location: location(next, plan.target.row), summary: plan.summary });
    } catch (e) {
      if (!(e instanceof PlacementError)) throw e;
      skipped.push({ rule: next.rule, fix: next.fix.kind, location: location(next), reason: e.message });
    }
  }
  return { changes, skipped };
}

function fixText(input: string, output: string, run: FixRun): string {
  const lines: string[] = [];
  if (run.changes.length) {
    lines.push(`Đã sửa ${run.changes.length} chỗ trong «${input}», bản đã sửa ghi ra «${output}»:`);
    for (const c of run.changes) {
      const where = formatLocation(c.location);
      lines.push(`  - ${where ? `${where[0].toUpperCase()}${where.slice(1)}: ` : ''}${c.summary} (${c.rule})`);
    }
  } else lines.push(`Không có gì để sửa tự động trong «${input}»; không ghi tệp nào.`);
  if (run.skipped.length) {
    lines.push(`Không sửa được ${run.skipped.length} chỗ (giữ nguyên):`);
    for (const s of run.skipped) {
      const where = formatLocation(s.location);
      lines.push(`  - ${where ? `${where[0].toUpperCase()}${where.slice(1)}: ` : ''}${s.reason} (${s.rule})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function registerFix(program: Command, io: CliIo): void {
  program
    .command('fix')
    .description(
      'Sửa tự động những lỗi có cách sửa chắc chắn (tiêu đề cột, cột thiếu, tên tiêu chuẩn, tiêu chí…) vào một bản sao.',
    )
    .usage('<tệp.docx> -o <tệp-đã-sửa.docx> [tùy chọn]')
    .argument('<tệp.docx>', 'Kế hoạch hoặc báo cáo cần sửa (không bị ghi đè)')
    .requiredOption('-o, --output <tệp-đã-sửa.docx>', 'Tệp .docx ghi bản đã sửa')
    .option('--only <quy-tắc,…>', 'Chỉ sửa các lỗi này (ví dụ missing-column,missing-heading)')
    .option('--plan <kế-hoạch.docx|mẫu.json>', 'Kế hoạch để thêm dòng cho các tiêu chí báo cáo còn thiếu')
    .option('--format <text|json>', 'Kết quả dạng chữ (text, mặc định) hoặc JSON cho chương trình khác', 'text')
    .option('-t, --school-type <loại>', 'Coi tệp là của loại trường này: mam-non, tieu-hoc, thcs-thpt, gdtx')
    .option('-y, --year <năm học>', 'Coi tệp là của năm học này, ví dụ 2025-2026')
    .option('--framework <khung>', 'Khung quy định: 2018 (Thông tư 17, 18, 19/2018) hoặc 2026 (Thông tư 57/2026)')
    .option('-f, --force', 'Ghi đè tệp -o nếu đã có')
    .addHelpText('after', EXAMPLES)
    .action(async (input: string, opts: FixOptions) => {
      const format = opts.format.trim().toLowerCase();
      if (format !== 'text' && format !== 'json') throw new CliError(`Không có định dạng «${opts.format}». Chọn text hoặc json.`);
      const rules = parseOnly(opts.only);
      if (resolvePath(io, opts.output) === resolvePath(io, input)) {
        throw new CliError('Tệp -o trùng với tệp gốc. ctcl fix không bao giờ ghi đè tệp gốc: hãy chọn tên khác.');
      }
      const overrides = parseOverrides(opts);
      checkOutput(io, opts.output, { force: opts.force });
      const plan = opts.plan ? readPlan(io, opts.plan, overrides) : undefined;
      const bytes = readInput(io, input);
      const doc = DocxDocument.open(bytes, parseXml, basename(input));
      const run = await fixDocument(doc, { overrides, plan, rules });
      if (run.changes.length) writeOutput(io, opts.output, doc.toBytes(), { force: opts.force });
      if (format === 'json') {
        const json = { input, output: run.changes.length ? opts.output : null, changes: run.changes, skipped: run.skipped };
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      } else io.stdout(fixText(input, opts.output, run));
      throw new CommandExit(run.changes.length ? EXIT_OK : EXIT_NOTHING_TO_FIX);
    });
}
