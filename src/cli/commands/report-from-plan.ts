/**
 * `ctcl report-from-plan <kế-hoạch.docx> -o <báo-cáo.docx>`: the report table for a plan, one row per
 * planned criterion with "ND Kế hoạch … xây dựng đầu năm" filled from the plan, in a new A4-landscape
 * .docx (title block, or the official NĐ 30/2020 frame with --profile).
 * Also the helpers `roll` shares: reading a .docx to look at it, the school profile file, writing the new file.
 */
import { checkOpened } from '../../app/check';
import { tryOpenForReading } from '../../app/open';
import { reportForPlan, tableDocumentBody, today } from '../../app/year';
import { invalidYearMessage } from '../../domain/vocabulary';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { compareCodes, FRAMEWORK_LABELS, SCHOOL_TYPE_LABELS, type SchoolType } from '../../domain/catalog';
import type { CheckResult } from '../../domain/check';
import { parseSchoolType, schoolTypeList } from '../../domain/documents/new-document';
import type { XElement } from '../../domain/ooxml/xml';
import { missingProfileFields, parseProfile, type SchoolProfile } from '../../domain/profile';
import { refKey } from '../../domain/table/model';
import { criterionEntries } from '../../domain/table/recognise';
import { formatSchoolYear, parseSchoolYear } from '../../domain/text';
import { YearError } from '../../domain/year';
import { reviewAdvice } from '../../domain/tt57/year';
import { DocxDocument } from '../../app/docx-backend';
import { parseXml } from '../../xml/node';
import { CliError, type CliIo } from '../context';
import { checkOutput, readInput, writeOutput } from '../files';

// ---------------------------------------------------------------------------------------------
// Shared with `roll`
// ---------------------------------------------------------------------------------------------

/** Read a .docx only to look at it: its tables recognised and what the document is (kind, school, year). */
export function readForYear(io: CliIo, path: string): CheckResult {
  const opened = tryOpenForReading(readInput(io, path), parseXml);
  if (!opened.ok) throw new CliError(`Không đọc được «${path}»: ${opened.failure.message}`);
  return checkOpened(opened.doc);
}

/** --school-type, else the one the document names. */
export function schoolTypeOf(opt: string | undefined, found: CheckResult, path: string): SchoolType {
  if (opt !== undefined) return parseSchoolType(opt);
  if (found.meta.schoolType) return found.meta.schoolType;
  throw new CliError(
    `Không nhận ra loại trường trong «${path}». Thêm --school-type, ví dụ --school-type tieu-hoc. Các loại trường:\n${schoolTypeList()}`,
  );
}

/** A school year typed on the command line, written the usual way, or a usage error. */
export function schoolYearOption(text: string, option: string): string {
  const y = parseSchoolYear(text);
  if (!y) throw new CliError(invalidYearMessage(text, option));
  return formatSchoolYear(y);
}

/** --profile: the school profile JSON (as the pane keeps it), with the fields the frame needs. */
export function readProfile(io: CliIo, path: string): SchoolProfile {
  const text = new TextDecoder().decode(readInput(io, path));
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new CliError(`Tệp thông tin trường «${path}» không phải JSON hợp lệ.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliError(`Tệp thông tin trường «${path}» phải là một đối tượng JSON, ví dụ {"schoolName": "…", "place": "…"}.`);
  }
  const profile = parseProfile(value);
  const missing = missingProfileFields(profile);
  if (missing.length) {
    throw new CliError(
      `Tệp thông tin trường «${path}» còn thiếu: ${missing.join(', ')} (các khóa schoolName, place, parentBody, abbreviation, principal).`,
    );
  }
  return profile;
}

/** Write a new A4-landscape .docx with this body. */
export function writeNewDocument(io: CliIo, output: string, body: XElement[], force?: boolean): void {
  const docx = DocxDocument.blank(parseXml, basename(output), body);
  writeOutput(io, output, docx.toBytes(), { force });
}

/** Domain refusals (YearError, TemplateError…) are bad input: exit code 2 with the domain's message. */
export function asInputError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof YearError) throw new CliError(e.message);
    throw e;
  }
}

/** "1.1, 1.3, M4.2": in code order (Mức 4 items last), at most `max` codes, then "…". */
export function codeList(codes: readonly string[], max = 20): string {
  const m4 = (c: string): number => (c.startsWith('M') ? 1 : 0);
  const sorted = [...codes].sort((a, b) => m4(a) - m4(b) || compareCodes(a.replace(/^M4\./, ''), b.replace(/^M4\./, '')));
  return sorted.length > max ? `${sorted.slice(0, max).join(', ')}, …` : sorted.join(', ');
}

// ---------------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------------

interface ReportFromPlanOptions {
  output: string;
  schoolType?: string;
  year?: string;
  profile?: string;
  force?: boolean;
}

const EXAMPLES = `
Loại trường:
${schoolTypeList()}

Tệp thông tin trường (--profile) là JSON, ví dụ:
  {"schoolName": "Trường Tiểu học Kim Đồng", "parentBody": "UBND phường Ba Đình", "place": "Ba Đình",
   "abbreviation": "THKĐ", "principal": "Nguyễn Thị Hoa", "recipients": ["Phòng GDĐT (để báo cáo)", "Lưu: VT"]}

Ví dụ:
  ctcl report-from-plan ke-hoach.docx -o bao-cao.docx
  ctcl report-from-plan ke-hoach.docx -o bao-cao.docx --profile truong.json
  ctcl report-from-plan ke-hoach.docx -o bao-cao.docx --school-type tieu-hoc --year 2025-2026
`;

export function registerReportFromPlan(program: Command, io: CliIo): void {
  program
    .command('report-from-plan')
    .description('Tạo tệp báo cáo kết quả từ tệp kế hoạch: mỗi tiêu chí trong kế hoạch một dòng, có sẵn nội dung kế hoạch.')
    .usage('<kế hoạch.docx> -o <báo cáo.docx> [tùy chọn]')
    .argument('<kế hoạch.docx>', 'Tệp kế hoạch cải tiến chất lượng (.docx)')
    .requiredOption('-o, --output <tệp.docx>', 'Tệp báo cáo .docx sẽ tạo')
    .option('-t, --school-type <loại>', 'Loại trường, khi tệp kế hoạch không cho biết: mam-non, tieu-hoc, thcs-thpt, gdtx')
    .option('-y, --year <năm học>', 'Năm học của báo cáo. Mặc định: năm học của kế hoạch')
    .option('--profile <tệp.json>', 'Thông tin trường (JSON): thêm phần đầu và phần ký theo Nghị định 30/2020')
    .option('-f, --force', 'Ghi đè nếu tệp kết quả đã có')
    .addHelpText('after', EXAMPLES)
    .action((input: string, opts: ReportFromPlanOptions) => {
      const output = checkOutput(io, opts.output, { force: opts.force });
      const profile = opts.profile === undefined ? undefined : readProfile(io, opts.profile);
      const found = readForYear(io, input);
      const tt57 = found.tt57;
      if (tt57?.itemTable || tt57?.problemTable) {
        // TT57 has no report form of its own: the review lives in the plan.
        const now = new Date();
        const plan2026 = { ...tt57.plan, schoolYear: found.meta.schoolYear ?? tt57.plan.schoolYear };
        throw new CliError(reviewAdvice(plan2026, { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }));
      }
      const plan = found.tables.find((t) => t.form.kind === 'plan');
      if (!plan) {
        throw new CliError(
          `Tệp «${input}» không có bảng kế hoạch cải tiến chất lượng (không nhận ra tiêu đề các cột). Hãy chọn tệp kế hoạch.`,
        );
      }
      const schoolType = schoolTypeOf(opts.schoolType, found, input);
      const schoolYear = opts.year !== undefined ? schoolYearOption(opts.year, '--year') : found.meta.schoolYear;
      if (!schoolYear) throw new CliError(`Không tìm thấy năm học trong «${input}». Thêm --year, ví dụ --year 2025-2026.`);
      const { spec, skipped, criterionRows: rows } = asInputError(() => reportForPlan(plan, { schoolType, schoolYear }));
      writeNewDocument(
        io,
        output,
        tableDocumentBody(spec, { profile, school: found.meta.schoolName, date: today() }),
        opts.force,
      );
      const planned = [...new Set(criterionEntries(plan).map((e) => refKey(e.ref)))];
      io.stdout(
        `Đã tạo ${opts.output}: báo cáo kết quả thực hiện kế hoạch cải tiến chất lượng năm học ${schoolYear}, ` +
          `${SCHOOL_TYPE_LABELS[schoolType].toLowerCase()}, theo ${FRAMEWORK_LABELS[spec.framework]}` +
          `${profile ? ', có phần đầu và phần ký theo Nghị định 30/2020' : ''}.\n` +
          `${rows} dòng tiêu chí từ kế hoạch (${codeList(planned)}), cột «ND Kế hoạch … xây dựng đầu năm» đã điền; ` +
          `các cột kết quả để trống.\n`,
      );
      if (skipped) {
        io.stderr(`Lưu ý: ${skipped} dòng của kế hoạch không gắn với tiêu chí nào nên không có dòng trong báo cáo.\n`);
      }
    });
}
