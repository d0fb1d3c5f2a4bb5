#!/usr/bin/env node
/**
 * npm start
 *
 * Windows, macOS: serves the task pane (webpack dev server, https://localhost:3000) and sideloads the
 * add-in into Word with office-addin-debugging (run through npx on purpose: it is not a dependency, as it
 * pulls native keytar builds). Ctrl+C stops the server and unregisters the add-in.
 *
 * Linux (no Word): serves the pane over HTTP and prints the address of the standalone page, which works
 * in any browser. CTCL_HTTPS=1 tries the office-addin-dev-certs certificates there too.
 *
 * Options: --no-sideload (serve only), --http (no certificates).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const PORT = 3000;
const PAGE = 'taskpane.html';
const args = new Set(process.argv.slice(2));
const linux = process.platform === 'linux';
const sideload = !linux && !args.has('--no-sideload');
const http = args.has('--http') || (linux && process.env.CTCL_HTTPS !== '1');

const children = new Set();

function run(command, argv, options = {}) {
  const child = spawn(command, argv, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Resolve once the dev server answers on http:// or https://; the protocol it uses. */
function waitForServer(timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  const probe = (get, proto) =>
    new Promise((resolve) => {
      const req = get(`${proto}://localhost:${PORT}/${PAGE}`, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200 ? proto : undefined);
      });
      req.on('error', () => resolve(undefined));
      req.on('timeout', () => req.destroy());
    });
  return new Promise((resolve, reject) => {
    const tick = async () => {
      const proto = (await probe(httpsGet, 'https')) ?? (await probe(httpGet, 'http'));
      if (proto) resolve(proto);
      else if (Date.now() > deadline) reject(new Error('Máy chủ thử không khởi động được.'));
      else setTimeout(tick, 500);
    };
    void tick();
  });
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const finish = () => {
    for (const c of children) c.kill();
    process.exit(code);
  };
  if (sideload && existsSync(join(ROOT, 'manifest.xml'))) {
    console.log('\n[ctcl] Đang gỡ add-in khỏi Word…');
    const s = run('npx', ['--yes', 'office-addin-debugging', 'stop', 'manifest.xml']);
    s.on('exit', finish);
    s.on('error', finish);
    setTimeout(finish, 20000).unref();
  } else finish();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const webpackCli = require.resolve('webpack-cli/bin/cli.js');
const server = run(process.execPath, [webpackCli, 'serve', '--mode', 'development', ...(http ? ['--env', 'http'] : [])], {
  shell: false,
});
server.on('exit', (code) => {
  if (!stopping) {
    console.error(`[ctcl] Máy chủ thử đã dừng (mã ${code}).`);
    stop(code || 1);
  }
});

const proto = await waitForServer().catch((e) => {
  console.error(`[ctcl] ${e.message}`);
  stop(1);
});
if (proto) {
  const url = `${proto}://localhost:${PORT}/${PAGE}`;
  console.log(`\n[ctcl] Mở ${url} trong trình duyệt để dùng chế độ độc lập (không cần Word).`);
  if (!sideload) {
    if (linux) console.log('[ctcl] Trên Linux không có Word: chỉ chạy trang ở chế độ độc lập. Bấm Ctrl+C để dừng.');
  } else if (!existsSync(join(ROOT, 'manifest.xml'))) {
    console.warn('[ctcl] Không có manifest.xml nên chưa nạp được add-in vào Word; trang vẫn chạy ở địa chỉ trên.');
  } else if (proto !== 'https') {
    console.warn('[ctcl] Word chỉ nạp add-in qua HTTPS: hãy cài chứng chỉ (npx office-addin-dev-certs install) rồi chạy lại.');
  } else {
    console.log('[ctcl] Đang mở Word và nạp add-in (office-addin-debugging)…');
    const s = run('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'desktop', '--app', 'word']);
    s.on('exit', (code) => {
      if (code) console.warn(`[ctcl] Chưa nạp được add-in vào Word (mã ${code}). Trang vẫn chạy ở ${url}.`);
      else console.log('[ctcl] Đã nạp add-in. Trong Word, mở tab Trang đầu › Cải tiến chất lượng. Bấm Ctrl+C để dừng.');
    });
  }
}
