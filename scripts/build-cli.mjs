// Bundle the ctcl command line (src/cli/main.ts) into dist/cli/ctcl.js for Node 20 (CommonJS).
// Runs on `npm install` (prepare), on `npm run build` / `npm run build:cli`, and from bin/ctcl.js when
// the bundle is missing or older than the sources. The file is written atomically (temp file + rename),
// so two runs at once cannot leave a half-written bundle behind.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli', 'ctcl.js');

const result = await build({
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  write: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
});

mkdirSync(dirname(outfile), { recursive: true });
for (const file of result.outputFiles) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}
if (!process.argv.includes('--quiet')) console.log(`ctcl: đã đóng gói ${outfile}`);
