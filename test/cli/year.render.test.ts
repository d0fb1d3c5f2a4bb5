/**
 * The files `ctcl report-from-plan` and `ctcl roll` write open in LibreOffice with their title and table (what
 * they hold is tested without LibreOffice in year.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertTools, convertToPdf, pdfPages } from '../docx/libreoffice';
import { seedPath } from '../helpers';
import { cliFolder } from './run';

const cli = cliFolder('ctcl-year-render-');
const ctcl = cli.ctcl;

const SEED_003 = seedPath('003');
const SEED_001 = seedPath('001');

test('every file written opens in LibreOffice with its title and table', async () => {
  assertTools();
  writeFileSync(
    join(cli.dir(), 'truong.json'),
    JSON.stringify({
      schoolName: 'Trường Tiểu học Thanh Chấn',
      parentBody: 'UBND xã Thanh Chấn',
      place: 'Thanh Chấn',
      abbreviation: 'thtc',
      principal: 'Nguyễn Văn An',
    }),
  );
  const runs: Record<string, readonly string[]> = {
    'bao-cao': ['report-from-plan', SEED_003],
    'bao-cao-khung': ['report-from-plan', SEED_003, '--profile', 'truong.json', '--year', '2021 - 2022'],
    'ke-hoach-1': ['roll', SEED_001],
    'ke-hoach-tat-ca': ['roll', SEED_001, '--all'],
    'ke-hoach-tt57': ['roll', SEED_003, '--framework', '2026'],
    'ke-hoach-tt57-gan': ['roll', SEED_003, '--framework', '2026', '--assign', '1.6=1.3, 2.2=2.2'],
  };
  const files: string[] = [];
  for (const [stem, [command, ...args]] of Object.entries(runs)) {
    const r = await ctcl(command, args[0], '-o', `${stem}.docx`, ...args.slice(1));
    expect({ stem, code: r.code }).toEqual({ stem, code: 0 });
    files.push(join(cli.dir(), `${stem}.docx`));
  }
  const pdfs = await convertToPdf(files, cli.dir());
  expect(pdfs).toHaveLength(files.length);
  for (const [i, pdf] of pdfs.entries()) {
    const text = pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
    expect(text).toMatch(/KẾ HOẠCH|BÁO CÁO/);
    // The table's first heading: "Tiêu chuẩn, tiêu chí" (2018 forms) or "Nội dung cải tiến" (TT57 plan).
    expect(text).toMatch(/Tiêu chuẩn, tiêu chí|Nội dung cải tiến/);
    if (/ke-hoach-\d/.test(files[i])) expect(text).toContain('Cải tiến chất lượng giáo dục năm học 2024-2025');
    if (/tt57/.test(files[i])) expect(text).toContain('Cần gán tiêu chí theo Thông tư 57/2026.');
    if (/khung/.test(files[i])) expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  }
});
