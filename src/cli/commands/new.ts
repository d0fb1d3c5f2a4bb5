/** `ctcl new <form>`: a new A4-landscape .docx with the title block and an empty table of a form. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  formList,
  parseCriteria,
  parseFormId,
  parseFramework,
  parseSchoolType,
  schoolTypeList,
} from '../../domain/documents/new-document';
import { newDocumentFile, type NewFileRequest } from '../../app/new-file';
import { today } from '../../app/year';
import type { SchoolProfile } from '../../domain/profile';
import type { CliIo } from '../context';
import { readProfile } from './report-from-plan';
import { checkOutput, writeOutput } from '../files';

interface NewOptions {
  schoolType: string;
  year: string;
  output: string;
  criteria?: string;
  framework?: string;
  groupByLevel?: boolean;
  school?: string;
  profile?: string;
  tableOnly?: boolean;
  force?: boolean;
}

const EXAMPLES = `
Mẫu:
${formList()}

Loại trường:
${schoolTypeList()}

Ví dụ:
  ctcl new report-2018 --school-type tieu-hoc --year 2025-2026 --criteria all -o bao-cao.docx
  ctcl new plan-2018 -t thcs-thpt -y 2025-2026 --criteria 1.1,1.3,M4.2 --school "Trường THCS Lê Lợi" -o ke-hoach.docx
  ctcl new plan-2026 -t tieu-hoc -y 2026-2027 -o ke-hoach-2026.docx
  ctcl new plan-2026 -t gdtx -y 2026-2027 --criteria 1.3,4.1 --profile truong.json -o ke-hoach-2026.docx
  ctcl new plan-2026 -t mam-non -y 2026-2027 --table-only -o bang-muc-V.docx

plan-2026 tạo cả Biểu 2 (Thông tư 57/2026): phần đầu, mục I–VIII, bảng mục IV, V, VI, nơi nhận và chữ ký.
Với --criteria, mỗi tiêu chí có một dòng ở mục IV và một nội dung cải tiến ở mục V gắn với nó.
`;

/** The command line's words turned into a request (each parse throws NewDocumentError in Vietnamese). */
function request(form: string, opts: NewOptions, profile: SchoolProfile | undefined, now: Date): NewFileRequest {
  return {
    form: parseFormId(form),
    schoolType: parseSchoolType(opts.schoolType),
    schoolYear: opts.year,
    framework: opts.framework === undefined ? undefined : parseFramework(opts.framework),
    criteria: opts.criteria === undefined ? 'none' : parseCriteria(opts.criteria),
    groupByLevel: opts.groupByLevel,
    school: opts.school,
    profile,
    tableOnly: opts.tableOnly,
    date: today(now),
  };
}

export function registerNew(program: Command, io: CliIo): void {
  program
    .command('new')
    .description('Tạo tệp Word (.docx) mới, khổ A4 ngang: tiêu đề và bảng trống của một mẫu.')
    .usage('<mẫu> -t <loại trường> -y <năm học> -o <tệp.docx> [tùy chọn]')
    .argument(
      '<mẫu>',
      'plan-2018, report-2018, plan-2026, problems-2026, monitoring-2026 hoặc report-2026 (xem danh sách bên dưới)',
    )
    .requiredOption('-t, --school-type <loại>', 'Loại trường: mam-non, tieu-hoc, thcs-thpt, gdtx')
    .requiredOption('-y, --year <năm học>', 'Năm học, ví dụ 2025-2026')
    .requiredOption('-o, --output <tệp.docx>', 'Tệp .docx sẽ tạo')
    .option(
      '-c, --criteria <danh sách>',
      'Dòng tiêu chí: «all» (mọi tiêu chí và tiêu chí Mức 4) hoặc danh sách như 1.1,1.3,M4.2. ' +
        'Không ghi thì bảng chỉ có dòng mức và dòng tiêu chuẩn.',
    )
    .option(
      '--framework <khung>',
      'Khung quy định: 2018 (Thông tư 17, 18, 19/2018) hoặc 2026 (Thông tư 57/2026). Mặc định theo năm học.',
    )
    .option('--group-by-level', 'Bảng theo Thông tư 57: nhóm các dòng dưới «MỨC 1», «MỨC 2»')
    .option('--school <tên trường>', 'Tên trường, in hoa phía trên tiêu đề, ví dụ "Trường Tiểu học Yên Thế"')
    .option('--profile <tệp.json>', 'plan-2026: thông tin trường (JSON) cho phần đầu, mục I và phần ký theo Nghị định 30/2020')
    .option('--table-only', 'plan-2026: chỉ bảng mục V (không có các mục khác của Biểu 2)')
    .option('-f, --force', 'Ghi đè nếu tệp kết quả đã có')
    .addHelpText('after', EXAMPLES)
    .action(async (form: string, opts: NewOptions) => {
      const output = checkOutput(io, opts.output, { force: opts.force });
      const profile = opts.profile === undefined ? undefined : readProfile(io, opts.profile);
      const { bytes, summary, notes } = await newDocumentFile(request(form, opts, profile, new Date()), basename(output));
      for (const n of notes) io.stderr(`Lưu ý: ${n}\n`);
      writeOutput(io, output, bytes, { force: opts.force });
      io.stdout(`Đã tạo ${opts.output}: ${summary}.\n`);
    });
}
