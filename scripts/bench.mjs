// `npm run bench`: run the benchmark sections and print a table; `npm run -s bench -- --json` prints
// one JSON object { <section>: { …numbers } } on stdout (progress goes to stderr).
//
// A section is a module bench/<name>.ts (or .mjs) exporting
//   async function run(opts: { root, quick, log }): Promise<Record<string, number | object>>
// and optionally format(result): string[] (lines of the human table), and `topLevel = true` when the
// result's keys are top-level JSON keys (the "pane" section reports "bundle" and "pane"). TypeScript sections are bundled
// with esbuild on the fly (dependencies stay in node_modules). To add a section, add its name to
// SECTIONS. Arguments: section names to run only those, --quick for fewer rounds, --json.
// Benchmarks are not tests: nothing here fails on a slow result. A section that throws is reported with its
// error ({ "error": "…" } in JSON) and the other sections still run; the exit code is then 1.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Sections in the order they run. */
const SECTIONS = ['syncs', 'core', 'pane', 'folder', 'reviewer'];

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

/**
 * Bundling moves every module to .tmp/bench, so a module's own __dirname (test/global-setup.ts finds the
 * checkout with it) would point there: each of our files gets its real folder written in instead.
 */
const realDirname = {
  name: 'real-dirname',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!/\b__dirname\b/.test(text)) return undefined;
      const contents = text.replace(/\b__dirname\b/g, JSON.stringify(dirname(args.path)));
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

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
    plugins: [realDirname],
  });
  delete require.cache[outfile];
  return require(outfile);
}

const log = (line) => process.stderr.write(`${line}\n`);
const results = {};
let failed = 0;
for (const name of only.length ? only : SECTIONS) {
  const started = performance.now();
  log(`[${name}] đang đo…`);
  let section;
  let result;
  try {
    section = await load(name);
    result = await section.run({ root, quick, log: (l) => log(`[${name}] ${l}`) });
  } catch (e) {
    failed++;
    const error = e instanceof Error ? e.message : String(e);
    log(`[${name}] lỗi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    results[name] = { error };
    if (!asJson) process.stdout.write(`\n== ${name} ==\n  lỗi: ${error}\n`);
    continue;
  }
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
if (failed) process.exitCode = 1;
