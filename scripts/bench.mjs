// `npm run bench`: run the benchmark sections and print a table; `npm run -s bench -- --json` prints
// one JSON object { <section>: { …numbers } } on stdout (progress goes to stderr).
//
// A section is a module bench/<name>.ts (or .mjs) exporting
//   async function run(opts: { root, quick, log }): Promise<Record<string, number | object>>
// and optionally format(result): string[] (lines of the human table), and `topLevel = true` when the
// result's keys are top-level JSON keys (the "pane" section reports "bundle" and "pane"). TypeScript sections are bundled
// with esbuild on the fly (dependencies stay in node_modules). To add a section, add its name to
// SECTIONS. Arguments: section names to run only those, --quick for fewer rounds, --json.
// Benchmarks are not tests: nothing here fails on a slow result.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Sections in the order they run. */
const SECTIONS = ['syncs', 'core', 'pane', 'folder'];

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
for (const name of only) {
  if (!SECTIONS.includes(name)) {
    process.stderr.write(`Không có phần đo «${name}». Các phần có: ${SECTIONS.join(', ')}.\n`);
    process.exit(2);
  }
}

/** Load a section: bundle bench/<name>.ts to .tmp/bench/<name>.cjs, or import bench/<name>.mjs as is. */
async function load(name) {
  const mjs = join(root, 'bench', `${name}.mjs`);
  if (existsSync(mjs)) return import(pathToFileURL(mjs).href);
  const outfile = join(root, '.tmp', 'bench', `${name}.cjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'bench', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    charset: 'utf8',
  });
  delete require.cache[outfile];
  return require(outfile);
}

const log = (line) => process.stderr.write(`${line}\n`);
const results = {};
for (const name of only.length ? only : SECTIONS) {
  const section = await load(name);
  const started = performance.now();
  log(`[${name}] đang đo…`);
  const result = await section.run({ root, quick, log: (l) => log(`[${name}] ${l}`) });
  if (section.topLevel) Object.assign(results, result);
  else results[name] = result;
  log(`[${name}] xong sau ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!asJson) {
    const lines =
      typeof section.format === 'function'
        ? section.format(result)
        : Object.entries(result).map(([k, v]) => `  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
    process.stdout.write(`\n== ${name} ==\n${lines.join('\n')}\n`);
  }
}
const env = { node: process.version, platform: `${process.platform}-${process.arch}`, quick };
if (asJson) process.stdout.write(`${JSON.stringify({ ...results, env }, null, 2)}\n`);
else process.stdout.write(`\n(${env.node}, ${env.platform}${quick ? ', --quick' : ''})\n`);
