#!/usr/bin/env node
// The `ctcl` command. Runs the bundle dist/cli/ctcl.js; in a checkout it (re)builds the bundle first
// when it is missing or older than the sources, so `npx ctcl …` works right after `npm install`.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'cli', 'ctcl.js');
const script = join(root, 'scripts', 'build-cli.mjs');
const sources = ['src/cli', 'src/domain', 'src/docx', 'package.json'].map((p) => join(root, p));

/** Newest modification time under a file or folder. */
function newest(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

function stale() {
  const st = statSync(bundle, { throwIfNoEntry: false });
  if (!st) return true;
  // An installed copy has no sources or no build script: use the bundle as shipped.
  if (!existsSync(script) || !existsSync(join(root, 'src', 'cli'))) return false;
  return sources.some((p) => newest(p) > st.mtimeMs);
}

if (stale()) {
  const r = spawnSync(process.execPath, [script, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(bundle)) {
    process.stderr.write(
      'Lỗi: chưa đóng gói được chương trình ctcl (dist/cli/ctcl.js). Hãy chạy «npm install» rồi «npm run build:cli».\n',
    );
    process.exit(1);
  }
}

require(bundle).main();
