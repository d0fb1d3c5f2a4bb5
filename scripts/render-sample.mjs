// Make docs/table.png: a report-2018 sample written by `ctcl new`, page 1 rendered by LibreOffice.
//   node scripts/render-sample.mjs [output.png]
// Needs soffice (LibreOffice) and pdftoppm (poppler-utils), as the tests do.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'docs', 'table.png'));
const work = mkdtempSync(join(tmpdir(), 'ctcl-sample-'));

try {
  const docx = join(work, 'bao-cao-mau.docx');
  // prettier-ignore
  execFileSync(process.execPath, [
    join(root, 'bin', 'ctcl.js'), 'new', 'report-2018',
    '--school-type', 'tieu-hoc', '--year', '2025-2026',
    '--criteria', '1.1,1.3,2.2,3.5,M4.2',
    '--school', 'Trường Tiểu học Hòa Bình',
    '-o', docx,
  ], { stdio: 'inherit' });

  const profile = join(work, 'profile');
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', work, docx],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const pdf = join(work, 'bao-cao-mau.pdf');
  const base = join(work, 'page1');
  execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  mkdirSync(dirname(out), { recursive: true });
  copyFileSync(`${base}.png`, out);
  console.log(`Đã vẽ trang 1 vào ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
