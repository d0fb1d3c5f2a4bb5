/**
 * `ctcl roll <tệp-năm-trước.docx> -o <tệp-năm-nay.docx>`: last year's plan or report rolled into this
 * year's plan: unfinished work kept (finished work too with --all), results cleared, dates and the
 * school year moved on a year. From the 2018 circulars into Thông tư 57/2026 every row must be given a
 * TT57 criterion: --assign does it, the rest are written as numbered rows marked to be assigned, and
 * the summary prints the closest TT57 criteria for each (suggestions, not an official mapping).
 */
import { Option, type Command } from 'commander';
import {
  FRAMEWORK_LABELS,
  findCriterion,
  frameworkForYear,
  getCatalog,
  SCHOOL_TYPE_LABELS,
  type SchoolType,
} from '../../domain/catalog';
import { parseFramework, schoolTypeList } from '../../domain/documents/new-document';
import { parseRef, refKey } from '../../domain/table/model';
import { NO_OFFICIAL_MAPPING, rollForward, UNASSIGNED_MARK, type RollResult } from '../../domain/year';
import { bieu2ToRoll } from '../../domain/tt57/year';
import type { SchoolProfile } from '../../domain/profile';
import type { CheckResult } from '../../domain/check';
import type { Tt57Plan } from '../../domain/tt57/plan';
import { CliError, type CliIo } from '../context';
import { checkOutput } from '../files';
import {
  asInputError,
  codeList,
  readForYear,
  readProfile,
  schoolTypeOf,
  schoolYearOption,
  writeNewDocument,
} from './report-from-plan';
import { rolledBieu2, rolledPlan, rolledPlanBody, today } from '../../app/year';

interface RollOptions {
  output: string;
  framework?: string;
  all?: boolean;
  unfinished?: boolean;
  assign?: string;
  schoolType?: string;
  fromYear?: string;
  profile?: string;
  force?: boolean;
}

const EXAMPLES = `
Loại trường:
${schoolTypeList()}

Chuyển từ các thông tư 2018 sang Thông tư 57/2026 (năm học 2026-2027 trở đi): mỗi dòng phải được gán
một tiêu chí theo Thông tư 57. Không có bảng chuyển đổi chính thức; lệnh in các tiêu chí gần nghĩa nhất
để bạn chọn. Dòng chưa gán được ghi ở cuối bảng, đánh dấu «${UNASSIGNED_MARK}»

Ví dụ:
  ctcl roll bao-cao-2024-2025.docx -o ke-hoach-2025-2026.docx
  ctcl roll ke-hoach-2024-2025.docx -o ke-hoach-2025-2026.docx --all
  ctcl roll bao-cao-2025-2026.docx -o ke-hoach-2026-2027.docx --assign 1.6=1.3,2.1=2.2
  ctcl roll bao-cao.docx -o ke-hoach.docx --profile truong.json
`;

/** --assign "1.6=1.3,M4.2=4.1": last year's criterion → the TT57 criterion it becomes. */
function parseAssign(text: string, schoolType: SchoolType): Map<string, string> {
  const catalog = getCatalog('2026', schoolType);
  const out = new Map<string, string>();
  for (const piece of text.split(/[,;]/)) {
    if (!piece.trim()) continue;
    const m = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/.exec(piece);
    const from = m ? parseRef(m[1]) : undefined;
    if (!m || !from) {
      throw new CliError(
        `--assign viết sai: «${piece.trim()}». Viết tiêu-chí-cũ=tiêu-chí-mới, cách nhau bằng dấu phẩy, ví dụ --assign 1.6=1.3,2.1=2.2.`,
      );
    }
    const to = m[2].trim();
    if (!findCriterion(catalog, to)) {
      throw new CliError(`--assign: Thông tư 57/2026 (${catalog.schoolTypeName}) không có tiêu chí «${to}».`);
    }
    out.set(refKey(from), to);
  }
  return out;
}

const percent = (score: number): string => `${Math.round(score * 100)}%`;

export function registerRoll(program: Command, io: CliIo): void {
  program
    .command('roll')
    .description(
      'Lập kế hoạch năm nay từ kế hoạch hoặc báo cáo năm trước: giữ việc chưa xong, xóa kết quả, chuyển năm học và ngày tháng sang năm mới.',
    )
    .usage('<tệp năm trước.docx> -o <kế hoạch năm nay.docx> [tùy chọn]')
    .argument('<tệp năm trước.docx>', 'Kế hoạch hoặc báo cáo kết quả năm trước (.docx)')
    .requiredOption('-o, --output <tệp.docx>', 'Tệp kế hoạch .docx sẽ tạo')
    .option('--framework <khung>', 'Khung quy định của năm nay: 2018 hoặc 2026 (Thông tư 57/2026). Mặc định theo năm học mới')
    .addOption(new Option('--all', 'Đưa vào mọi dòng, cả những việc năm trước đã hoàn thành').conflicts('unfinished'))
    .addOption(new Option('--unfinished', 'Chỉ đưa vào những việc chưa hoàn thành (mặc định)').conflicts('all'))
    .option('--assign <danh sách>', 'Khi chuyển sang Thông tư 57: gán tiêu chí mới, ví dụ 1.6=1.3,2.1=2.2')
    .option('-t, --school-type <loại>', 'Loại trường, khi tệp năm trước không cho biết: mam-non, tieu-hoc, thcs-thpt, gdtx')
    .option('--from-year <năm học>', 'Năm học của tệp năm trước, khi tệp không cho biết, ví dụ 2024-2025')
    .option('--profile <tệp.json>', 'Thông tin trường (JSON): thêm phần đầu và phần ký theo Nghị định 30/2020')
    .option('-f, --force', 'Ghi đè nếu tệp kết quả đã có')
    .addHelpText('after', EXAMPLES)
    .action((input: string, opts: RollOptions) => {
      const output = checkOutput(io, opts.output, { force: opts.force });
      const framework = opts.framework === undefined ? undefined : parseFramework(opts.framework);
      const profile = opts.profile === undefined ? undefined : readProfile(io, opts.profile);
      const found = readForYear(io, input);
      const bieu2 = bieu2ToRoll(found);
      if (bieu2) {
        rollTt57(io, input, bieu2, found, opts, framework, profile);
        return;
      }
      const table = found.tables.find((t) => t.form.kind === 'report') ?? found.tables.find((t) => t.form.kind === 'plan');
      if (!table) {
        throw new CliError(
          `Tệp «${input}» không có bảng kế hoạch hoặc báo cáo cải tiến chất lượng (không nhận ra tiêu đề các cột).`,
        );
      }
      const schoolType = schoolTypeOf(opts.schoolType, found, input);
      const fromYear = opts.fromYear !== undefined ? schoolYearOption(opts.fromYear, '--from-year') : found.meta.schoolYear;
      if (!fromYear) {
        throw new CliError(`Không tìm thấy năm học trong «${input}». Thêm --from-year, ví dụ --from-year 2024-2025.`);
      }
      const result = asInputError(() => rollForward({ table, schoolType, schoolYear: fromYear, framework }));
      const assign = opts.assign === undefined ? new Map<string, string>() : parseAssign(opts.assign, schoolType);
      if (assign.size && !result.remap) {
        throw new CliError('--assign chỉ dùng khi chuyển từ các thông tư 2018 sang Thông tư 57/2026.');
      }
      const keys = result.candidates.map((c) => refKey(c.ref));
      const unknown = [...assign.keys()].filter((k) => !keys.includes(k));
      if (unknown.length) {
        throw new CliError(`--assign: bảng năm trước không có ${unknown.map((k) => `tiêu chí ${k}`).join(', ')}.`);
      }
      const picked = result.candidates.flatMap((c, index) => (opts.all || c.selected ? [index] : []));
      for (const [k] of assign) {
        const i = keys.indexOf(k);
        if (!picked.includes(i)) {
          io.stderr(`Lưu ý: tiêu chí ${k} đã hoàn thành năm trước nên không được đưa vào; thêm --all nếu vẫn muốn đưa vào.\n`);
        }
      }
      const picks = picked.map((index) => ({ index, assign: assign.get(keys[index]) }));
      if (!picks.length) {
        throw new CliError(
          `Mọi dòng trong «${input}» đã hoàn thành năm trước nên không còn việc nào chuyển sang. Thêm --all để lập kế hoạch từ tất cả các dòng.`,
        );
      }
      const made = rolledPlan(result, schoolType, picks);
      const { unassigned } = made;
      writeNewDocument(io, output, rolledPlanBody(made, { profile, school: found.meta.schoolName, date: today() }), opts.force);
      if (framework && framework !== frameworkForYear(result.toYear)) {
        io.stderr(
          `Lưu ý: năm học ${result.toYear} thường theo ${FRAMEWORK_LABELS[frameworkForYear(result.toYear)]}; ` +
            `kế hoạch được lập theo ${FRAMEWORK_LABELS[framework]} vì có --framework ${framework}.\n`,
        );
      }
      io.stdout(
        summary(result, {
          from: table.form.kind === 'report' ? 'báo cáo' : 'kế hoạch',
          output: opts.output,
          schoolType,
          picked,
          assign,
          unassigned,
          all: !!opts.all,
        }),
      );
    });
}

/** A Biểu 2 plan (TT57) rolled to the next year, as a whole Biểu 2. */
function rollTt57(
  io: CliIo,
  input: string,
  bieu2: Tt57Plan,
  found: CheckResult,
  opts: RollOptions,
  framework: string | undefined,
  profile: SchoolProfile | undefined,
): void {
  if (framework === '2018') throw new CliError('Không thể chuyển kế hoạch theo Thông tư 57/2026 về các thông tư 2018.');
  if (opts.assign !== undefined) throw new CliError('--assign chỉ dùng khi chuyển từ các thông tư 2018 sang Thông tư 57/2026.');
  const schoolType = schoolTypeOf(opts.schoolType, found, input);
  const fromYear = opts.fromYear !== undefined ? schoolYearOption(opts.fromYear, '--from-year') : found.meta.schoolYear;
  if (!fromYear) throw new CliError(`Không tìm thấy năm học trong «${input}». Thêm --from-year, ví dụ --from-year 2026-2027.`);
  const old = { ...bieu2, schoolType, schoolYear: fromYear };
  const made = asInputError(() => rolledBieu2(old, { all: opts.all }));
  const { plan, carried, done } = made;
  if (!carried && old.items.length) {
    throw new CliError(
      `Mọi nội dung cải tiến trong «${input}» đã hoàn thành nên không còn nội dung nào chuyển sang. Thêm --all để lập kế hoạch từ tất cả các nội dung.`,
    );
  }
  writeNewDocument(io, opts.output, rolledPlanBody(made, { profile, school: found.meta.schoolName, date: today() }), opts.force);
  io.stdout(
    `Đã tạo ${opts.output}: kế hoạch cải tiến chất lượng (Biểu 2, Thông tư 57/2026) năm học ${plan.schoolYear} ` +
      `từ kế hoạch năm học ${fromYear}, ${SCHOOL_TYPE_LABELS[schoolType].toLowerCase()}.\n` +
      `Mục V: ${carried} nội dung chuyển tiếp${done ? `, ${done} nội dung đã hoàn thành không đưa vào (thêm --all để đưa vào)` : ''}; ` +
      'mỗi nội dung ghi rõ «chuyển tiếp từ năm học …» và mức độ đã đạt, ngày tháng đã chuyển sang năm mới, cột (10) để trống.\n' +
      `Mục IV: ${plan.problems.length} vấn đề giữ nguyên để trường rà soát lại. Mục VI để trống cho hai lần rà soát năm nay.\n`,
  );
}

/** The Vietnamese summary: rows kept, rows offered but left out, rows to assign with suggestions. */
function summary(
  result: RollResult,
  o: {
    from: string;
    output: string;
    schoolType: SchoolType;
    picked: readonly number[];
    assign: ReadonlyMap<string, string>;
    unassigned: number;
    all: boolean;
  },
): string {
  const lines: string[] = [];
  lines.push(
    `Đã tạo ${o.output}: kế hoạch cải tiến chất lượng năm học ${result.toYear} (từ ${o.from} năm học ${result.fromYear}), ` +
      `${SCHOOL_TYPE_LABELS[o.schoolType].toLowerCase()}, theo ${FRAMEWORK_LABELS[result.framework]}. ` +
      'Kết quả năm trước đã được xóa; năm học và ngày tháng đã chuyển sang năm mới.',
  );
  const kept = o.picked.map((i) => result.candidates[i]);
  const keptCodes = kept.map((c) => refKey(c.ref));
  const unfinished = kept.filter((c) => !c.finished).length;
  lines.push(
    `Giữ lại ${kept.length} dòng${o.all && kept.length > unfinished ? ` (${unfinished} chưa hoàn thành, ${kept.length - unfinished} đã hoàn thành)` : ' chưa hoàn thành'}: ${codeList(keptCodes)}.`,
  );
  const left = result.candidates.filter((_c, i) => !o.picked.includes(i));
  if (left.length) {
    lines.push(
      `Không đưa vào ${left.length} dòng đã hoàn thành năm trước (thêm --all để đưa vào): ${codeList(left.map((c) => refKey(c.ref)))}.`,
    );
  }
  if (result.remap) {
    const assigned = kept.filter((c) => o.assign.has(refKey(c.ref)));
    for (const c of assigned) lines.push(`  ${c.label} → tiêu chí ${o.assign.get(refKey(c.ref))} (đã gán).`);
    if (o.unassigned) {
      lines.push(NO_OFFICIAL_MAPPING);
      lines.push(
        `Cần gán tiêu chí theo Thông tư 57/2026: ${o.unassigned} dòng, ghi ở mục V và đánh dấu «${UNASSIGNED_MARK}» Gợi ý:`,
      );
      for (const c of kept.filter((x) => !o.assign.has(refKey(x.ref)))) {
        const s = c.suggestions.map((x) => `${x.code} «${x.title}» (giống ${percent(x.score)})`).join('; ');
        lines.push(`  ${c.label} → ${s || 'không có gợi ý'}`);
      }
      const example = kept
        .filter((x) => !o.assign.has(refKey(x.ref)) && x.suggestions.length)
        .slice(0, 2)
        .map((x) => `${refKey(x.ref)}=${x.suggestions[0].code}`)
        .join(',');
      if (example) lines.push(`Gán bằng --assign, ví dụ --assign ${example}`);
    }
  }
  return lines.join('\n') + '\n';
}
