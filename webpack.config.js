/**
 * Build of the task pane: dist/taskpane.html, its scripts and the static files Word needs.
 *
 *   npx webpack --mode production            → dist/
 *   npx webpack --mode production --env out=.tmp/pane-dist
 *   npx webpack serve --mode development      → https://localhost:3000/taskpane.html (http:// when no certificates)
 *   npx webpack serve --env http              → skip the certificates, serve http://localhost:3000
 *
 * The first screen loads React, Fluent UI and the catalogs; the .docx code (fflate, DocxDocument) and
 * the Office gateway are split into chunks loaded on demand. No eval anywhere (the pane's CSP forbids it).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

const ROOT = __dirname;
const PORT = 3000;
/** Syntax level of the output: Chromium-based WebView2, Safari/WKWebView 14+ (Office on Mac). */
const TARGET = 'es2019';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/**
 * The pane's Content-Security-Policy. Scripts: our files and office.js only; no inline script, no eval.
 * style-src needs 'unsafe-inline' because Fluent UI (Griffel) inserts its CSS rules at run time in
 * <style> elements; styles cannot run code, so this does not weaken the script policy.
 */
function contentSecurityPolicy(dev) {
  const connect = ["'self'", OFFICE_CDN];
  // The dev server's live-reload socket.
  if (dev) connect.push(`ws://localhost:${PORT}`, `wss://localhost:${PORT}`);
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Fail the build if a Node-only module reaches the browser bundle (the pane parses XML with DOMParser). */
class NodeOnlyGuard {
  apply(compiler) {
    compiler.hooks.compilation.tap('NodeOnlyGuard', (compilation) => {
      compilation.hooks.finishModules.tap('NodeOnlyGuard', (modules) => {
        for (const m of modules) {
          const res = m.resource ?? '';
          if (/[\\/]node_modules[\\/](saxes|xmlchars)[\\/]/.test(res) || /[\\/]src[\\/]docx[\\/]xml-node\.ts$/.test(res)) {
            compilation.errors.push(
              new Error(`${path.relative(ROOT, res)} is Node-only and must not be bundled for the browser.`),
            );
          }
        }
      });
    });
  }
}

/** HTTPS options from office-addin-dev-certs, or undefined (then the server falls back to HTTP). */
async function devCertificates() {
  try {
    const certs = require('office-addin-dev-certs');
    // Installing the CA may ask for a password or hang without a terminal: give up after 60 s.
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 60000).unref());
    return await Promise.race([certs.getHttpsServerOptions(), timeout]);
  } catch (e) {
    console.warn(
      `\n[ctcl] Không dùng được chứng chỉ HTTPS cho localhost (${String(e && e.message).split('\n')[0]}).\n` +
        `[ctcl] Máy chủ thử chạy bằng HTTP: http://localhost:${PORT}/taskpane.html — đủ cho chế độ độc lập trong trình duyệt,\n` +
        '[ctcl] nhưng Word chỉ nạp add-in qua HTTPS. Chạy «npx office-addin-dev-certs install» rồi thử lại.\n',
    );
    return undefined;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  const dev = mode === 'development';
  const serving = !!env.WEBPACK_SERVE;
  const out = path.resolve(ROOT, env.out ?? 'dist');
  const https = serving && !env.http && process.env.CTCL_HTTP !== '1' ? await devCertificates() : undefined;

  return {
    mode,
    context: ROOT,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: out,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      // Chunks sit beside taskpane.html, wherever it is hosted.
      publicPath: '',
      clean: true,
      // Use globalThis directly: the fallback webpack writes otherwise is new Function("return this").
      environment: { globalThis: true },
    },
    // Source maps as separate files; never an eval-based devtool (blocked by the CSP).
    devtool: 'source-map',
    target: ['web', TARGET],
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: TARGET, jsx: 'automatic', charset: 'utf8' },
        },
      ],
    },
    optimization: {
      // charset utf8: Vietnamese text stays as it is (3 bytes a letter) instead of \uXXXX escapes.
      minimizer: [new EsbuildPlugin({ target: TARGET, legalComments: 'external', charset: 'utf8' })],
      chunkIds: dev ? 'named' : 'deterministic',
      splitChunks: {
        cacheGroups: {
          // The document code that both first-screen chunks load (the standalone session and the Word
          // gateway: reader, writer, recogniser, table edits, store) stays in one chunk. Otherwise a
          // lazy panel that uses part of it splits webpack's shared groups below their size threshold
          // and the code is copied into both first-screen chunks.
          hostShared: {
            test: (module, { chunkGraph }) => {
              const names = new Set([...chunkGraph.getModuleChunksIterable(module)].map((c) => c.name));
              return names.has('standalone') && names.has('word');
            },
            chunks: 'async',
            minChunks: 2,
            minSize: 0,
            name: 'host-shared',
            priority: 5,
          },
        },
      },
    },
    performance: {
      // Raw (not gzip) sizes; the gzip budget of the first screen is checked by test/taskpane.
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 700 * 1024,
      hints: dev ? false : 'warning',
    },
    plugins: [
      new NodeOnlyGuard(),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        // type="module": runtimes too old for modules (IE11) never run it; legacy.js explains instead.
        scriptLoading: 'module',
        inject: 'body',
        templateParameters: { csp: contentSecurityPolicy(dev && serving) },
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Copied as written: the minifier would turn it into modern syntax that IE11 cannot read.
          { from: 'src/taskpane/legacy.js', to: 'legacy.js', info: { minimized: true } },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: 'localhost',
      allowedHosts: ['localhost', '127.0.0.1'],
      server: https ? { type: 'https', options: https } : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      devMiddleware: { writeToDisk: false },
      open: false,
    },
    stats: dev ? 'minimal' : 'normal',
    infrastructureLogging: { level: 'warn' },
  };
};

module.exports.PORT = PORT;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
