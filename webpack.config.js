/**
 * Build of the task pane: dist/taskpane.html, its scripts and the static files Word needs; and, in a
 * second compilation into the same folder, the reviewer's page dist/reviewer.html and its worker.
 *
 *   npx webpack --mode production            → dist/
 *   npx webpack --mode production --env out=.tmp/pane-dist
 *   npx webpack serve --mode development      → https://localhost:3000/taskpane.html (http:// when no certificates)
 *   npx webpack serve --env http              → skip the certificates, serve http://localhost:3000
 *   npm run build -- --env url=https://ctcl.truong-abc.edu.vn/ [--env id=<GUID>]
 *                                             → dist/manifest.xml points at that address (and has that Id)
 *
 * The first paint loads React, Fluent UI and the insert form only (at most 120 KB gzip, enforced by
 * test/taskpane/bundle.test.ts); the chosen catalog, host detection, the .docx code (fflate,
 * DocxDocument), the Office gateway and the other tabs are chunks loaded after it. No eval anywhere (the
 * pane's CSP forbids it).
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { GriffelCSSExtractionPlugin } = require('@griffel/webpack-extraction-plugin');

const ROOT = __dirname;
/**
 * Fluent UI's table of design tokens is replaced by src/taskpane/fluent-tokens.ts (same values, 30 KB less
 * in the first screen's JavaScript; see that file). Applies to the request "./tokens.js" of
 * @fluentui/tokens' own index only.
 */
const tokensShim = () =>
  new webpack.NormalModuleReplacementPlugin(/^\.\/tokens(\.js)?$/, (data) => {
    if (/[\\/]@fluentui[\\/]tokens[\\/]lib$/.test(data.context))
      data.request = path.join(ROOT, 'src', 'taskpane', 'fluent-tokens.ts');
  });
const PORT = 3000;
/** Syntax level of the output: Chromium-based WebView2, Safari/WKWebView 14+ (Office on Mac). */
const TARGET = 'es2019';
/**
 * Microsoft's office.js CDN: the documented host and the one Microsoft announced in September 2026
 * (officeapis.public.onecdn.static.microsoft, part of the unified Microsoft 365 domain), from which
 * office.js and its host files and error frame may come.
 */
const OFFICE_CDN_HOSTS = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];
/** The style of the page before the scripts start, shared by taskpane.html and reviewer.html. */
const BOOT_CSS = require('node:fs').readFileSync(path.join(__dirname, 'src', 'taskpane', 'boot.css'), 'utf8');

/** The @microsoft/office-js files the pane serves as its fallback copy (office-js/ beside taskpane.html). */
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
/**
 * What of that package Word needs: office.js, the Word host files, the strings of each language, telemetry
 * and the error frame. Left out: debug builds, other Office applications, type definitions, sign-in.
 */
const OFFICE_JS_IGNORE = [
  '**/*.debug.js',
  '**/*.d.ts',
  '**/office-vsdoc.js',
  '**/{access,custom-functions,excel,excelios,excelwebapp,onenote,outlook,outlookwebapp,powerpoint,powerpointios,project,visio}*.js',
  '**/outlook_strings.js',
  '**/webauth/**',
];
/** Where manifest.xml points: the dev server. A deployment build rewrites it (deployManifest). */
const DEV_ORIGIN = `https://localhost:${PORT}`;
/** The reviewer page's worker chunk (named by its Worker's name option in src/taskpane/reviewer/client.ts). */
const REVIEW_WORKER = 'review-worker';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The pane's Content-Security-Policy. Scripts, connections and frames: our own origin (our files and the
 * local office.js copy) and the office.js CDN only; no inline script, no eval. Word on the web loads an
 * error frame from the CDN (frame-src), and office.js fetches from where it came from (connect-src).
 * style-src needs 'unsafe-inline' because Fluent UI (Griffel) inserts its CSS rules at run time in
 * <style> elements; styles cannot run code, so this does not weaken the script policy.
 */
function contentSecurityPolicy(dev) {
  const office = ["'self'", ...OFFICE_CDN_HOSTS].join(' ');
  const connect = [office];
  // The dev server's live-reload socket.
  if (dev) connect.push(`ws://localhost:${PORT}`, `wss://localhost:${PORT}`);
  return [
    "default-src 'self'",
    `script-src ${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    `frame-src ${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The add-in's public address from `--env url=…`: https only (Word loads add-ins over HTTPS only), no
 * query or fragment, always ending with "/" so that pages resolve under it.
 */
function deployUrl(value) {
  const example = 'Ví dụ: npm run build -- --env url=https://ctcl.truong-abc.edu.vn/';
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(`[ctcl] Địa chỉ «${value}» không hợp lệ. ${example}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`[ctcl] Địa chỉ phải bắt đầu bằng https:// (Word chỉ nạp add-in qua HTTPS). ${example}`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`[ctcl] Địa chỉ «${value}» không được có «?», «#» hay tên đăng nhập. ${example}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * manifest.xml for a deployment, as Microsoft's task-pane template does at build time: every dev-server
 * address becomes the given one (page addresses under its path, AppDomains its origin) and, when given,
 * the add-in's Id is replaced. Throws a Vietnamese message on bad input.
 */
function deployManifest(xml, { url, id } = {}) {
  let out = String(xml);
  if (url !== undefined) {
    const u = deployUrl(url);
    const escape = (text) => text.replace(/&/g, '&amp;');
    out = out.split(`${DEV_ORIGIN}/`).join(escape(u.href)).split(DEV_ORIGIN).join(escape(u.origin));
  }
  if (id !== undefined) {
    if (!GUID.test(String(id))) {
      throw new Error(`[ctcl] Id «${id}» không phải một GUID (dạng 7c8fe9c0-71de-4b4c-9f99-4d29114fb6a0).`);
    }
    out = out.replace(/<Id>[^<]*<\/Id>/, `<Id>${String(id).toLowerCase()}</Id>`);
  }
  return out;
}

/**
 * Fluent UI's light theme as CSS variables on :root, written into taskpane.html at build time (Fluent's own
 * createCSSRuleFromTheme, "for applying theming statically"). The pane's FluentProvider then has no theme
 * to turn into a style tag at start, and the theme's tables (@fluentui/tokens) stay out of the JavaScript.
 */
function staticThemeCss() {
  const { webLightTheme } = require('@fluentui/tokens');
  const { createCSSRuleFromTheme } = require('@fluentui/react-provider');
  return createCSSRuleFromTheme(':root', webLightTheme);
}

/**
 * The pane's first screen as HTML and the key of what it was drawn for (src/taskpane/prerender.tsx), for
 * taskpane.html: bundled for Node by esbuild, run once, removed.
 */
function prerenderedFirstScreen() {
  const out = path.join(require('node:os').tmpdir(), `ctcl-prerender-${process.pid}-${Date.now()}.cjs`);
  require('esbuild').buildSync({
    entryPoints: [path.join(ROOT, 'src', 'taskpane', 'prerender.tsx')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    jsx: 'automatic',
    outfile: out,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  try {
    return require(out).prerenderFirstScreen();
  } finally {
    delete require.cache[out];
    require('node:fs').rmSync(out, { force: true });
  }
}

/**
 * Keeps in taskpane.html's theme only the variables the build uses. Fluent UI's light theme has some 460
 * variables; the pane's stylesheets and scripts name about 170 of them. The page is read before anything is
 * drawn, so the other 11 KB only cost time. A variable is kept when its name appears in any script or
 * stylesheet of the build (including the tabs loaded later); test/taskpane/bundle.test.ts checks that every
 * variable the build refers to is defined.
 */
class TrimmedTheme {
  apply(compiler) {
    compiler.hooks.compilation.tap('TrimmedTheme', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('TrimmedTheme', (data) => {
        const names = new Set();
        for (const [file, source] of Object.entries(compilation.assets)) {
          if (!/\.(js|css)$/.test(file) || file.startsWith('office-js/')) continue;
          for (const word of String(source.source()).match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) names.add(word);
        }
        data.html = data.html.replace(/:root \{([^}]*)\}/, (_, body) => {
          const kept = body.split(';').filter((d) => {
            const name = /^\s*--([A-Za-z0-9]+)\s*:/.exec(d)?.[1];
            return name ? names.has(name) : d.trim() !== '';
          });
          return `:root {${kept.join(';')}; }`;
        });
        return data;
      });
    });
  }
}

/**
 * Fail the build if a Node-only module reaches the browser bundle (the pane parses XML with DOMParser).
 * The reviewer page's worker is the one exception: workers have no DOMParser, so it parses with saxes
 * (plain JavaScript, no eval); only its own chunk may hold it.
 */
class NodeOnlyGuard {
  apply(compiler) {
    compiler.hooks.compilation.tap('NodeOnlyGuard', (compilation) => {
      compilation.hooks.afterOptimizeChunkModules.tap('NodeOnlyGuard', (chunks) => {
        for (const chunk of chunks) {
          // A chunk only the worker loads (its entry, or node_modules split off it).
          if ([...chunk.groupsIterable].every((g) => g.name === REVIEW_WORKER)) continue;
          for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const res = m.resource ?? '';
            if (/[\\/]node_modules[\\/](saxes|xmlchars)[\\/]/.test(res) || /[\\/]src[\\/]xml[\\/]node\.ts$/.test(res)) {
              compilation.errors.push(
                new Error(
                  `${path.relative(ROOT, res)} is Node-only and must not be bundled for the browser (chunk ${chunk.name ?? chunk.id}).`,
                ),
              );
            }
          }
        }
      });
    });
  }
}

/**
 * V8's explicit compile hint for the first screen's script: `//# allFunctionsCalledOnLoad` as its first line
 * tells Chromium-based runtimes (WebView2, Edge, Chrome 136+) to compile every function of the file at once,
 * on a background thread while the file streams in, instead of compiling each one on the main thread the
 * first time it runs. Nearly all of the entry runs on load (React, the Fluent UI components of the insert
 * form, the form itself), so the main thread, the busy part of a cold start, has less to do before the
 * form appears; other engines read it as a comment. Only the entry: the chunks fetched later are compiled
 * lazily as usual. Added after minification (the minifier would drop the comment) and before the source
 * maps are written (ConcatSource shifts the mappings by the added line).
 */
class CompileHintsPlugin {
  constructor(chunkNames) {
    this.chunkNames = new Set(chunkNames);
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap('CompileHintsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CompileHintsPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_DEV_TOOLING - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            if (!chunk.name || !this.chunkNames.has(chunk.name)) continue;
            for (const file of chunk.files) {
              if (!file.endsWith('.js')) continue;
              compilation.updateAsset(file, (old) => new sources.ConcatSource('//# allFunctionsCalledOnLoad\n', old));
            }
          }
        },
      );
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
  // Checked now, so that a mistyped address stops the build before it starts.
  const deployment = { url: env.url, id: env.id };
  if (deployment.url !== undefined) deployUrl(deployment.url);
  deployManifest('', deployment);
  if (!serving && mode === 'production' && env.url === undefined && env.out === undefined) {
    console.warn(
      `[ctcl] ${path.relative(ROOT, out)}/manifest.xml trỏ tới ${DEV_ORIGIN} (chạy thử trên máy này). ` +
        'Để cài cho trường: npm run build -- --env url=https://<địa chỉ máy chủ HTTPS>/',
    );
  }

  // Development builds (npm start) draw the pane in the browser: their Fluent UI class names and checks differ
  // from the production render, and a first screen drawn ahead gains nothing there.
  const firstScreen = dev ? { html: '', key: '' } : prerenderedFirstScreen();
  const pane = {
    name: 'pane',
    mode,
    context: ROOT,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: out,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      // Chunks sit beside taskpane.html, wherever it is hosted.
      publicPath: '',
      // dist/cli/ctcl.js is built just before (npm run build puts the CLI first, so that the arguments
      // after "--" reach webpack): keep it.
      clean: { keep: (asset) => /^cli[\\/]/.test(asset) },
      // Use globalThis directly: the fallback webpack writes otherwise is new Function("return this").
      environment: { globalThis: true },
    },
    // Source maps as separate files; never an eval-based devtool (blocked by the CSP).
    devtool: 'source-map',
    target: ['web', TARGET],
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      // Loaders run from the last rule to the first: esbuild compiles our TypeScript; Griffel's loader turns
      // our makeStyles() calls into precomputed rules (as Fluent UI's packages ship theirs); the extraction
      // loader then takes the CSS of every component, ours and Fluent UI's, out of the JavaScript into one
      // stylesheet. The pane then inserts no CSS rules at run time (only the theme's variables), and parses
      // less JavaScript before its first paint.
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          use: { loader: '@griffel/webpack-loader' },
        },
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          // import.meta stays for webpack to see `new Worker(new URL('./worker.ts', import.meta.url))`
          // (esbuild would lower it for the target).
          options: { target: TARGET, jsx: 'automatic', charset: 'utf8', supported: { 'import-meta': true } },
        },
        {
          test: /\.css$/,
          use: [MiniCssExtractPlugin.loader, 'css-loader'],
        },
      ],
    },
    optimization: {
      // SWC's minifier (through terser-webpack-plugin): unlike esbuild's, it drops the unused declarations
      // inside a module, e.g. the hundreds of icons in each of @fluentui/react-icons' chunk files of which
      // Fluent UI uses a few (40 KB of the entry). asciiOnly off: Vietnamese text stays as it is (3 bytes a
      // letter) instead of \uXXXX escapes. Licence comments go to *.LICENSE.txt.
      minimizer: [
        new TerserPlugin({
          minify: TerserPlugin.swcMinify,
          terserOptions: { ecma: 2019, compress: { ecma: 2019 }, format: { asciiOnly: false } },
        }),
      ],
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
      // The office.js copy is Microsoft's, loaded only when the CDN fails.
      assetFilter: (name) => !name.startsWith('office-js/') && !name.endsWith('.map'),
      hints: dev ? false : 'warning',
    },
    plugins: [
      new NodeOnlyGuard(),
      tokensShim(),
      new CompileHintsPlugin(['taskpane']),
      // ignoreOrder: Griffel sorts its rules itself; the order warnings of mini-css-extract-plugin do not apply.
      new MiniCssExtractPlugin({ filename: dev ? '[name].css' : '[name].[contenthash:8].css', ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      new TrimmedTheme(),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        // type="module": runtimes too old for modules (IE11) never run it; legacy.js explains instead.
        scriptLoading: 'module',
        // Placed by the template (headTags), right after the Content-Security-Policy: see taskpane.html.
        inject: false,
        templateParameters: {
          csp: contentSecurityPolicy(dev && serving),
          themeCss: staticThemeCss(),
          bootCss: BOOT_CSS,
          firstScreen: firstScreen.html,
          firstScreenKey: firstScreen.key.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`),
        },
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          // Copied as written: the minifier would turn it into modern syntax that IE11 cannot read.
          { from: 'src/taskpane/legacy.js', to: 'legacy.js', info: { minimized: true } },
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          // office.js for when its CDN does not load (src/word/host.ts), as Microsoft ships it: not minified again.
          {
            from: OFFICE_JS_DIST,
            to: 'office-js',
            globOptions: { ignore: OFFICE_JS_IGNORE },
            info: { minimized: true },
          },
          { from: path.join(OFFICE_JS_DIST, '..', 'LICENSE.md'), to: 'office-js/LICENSE.md' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            transform: (content) => Buffer.from(deployManifest(content.toString('utf8'), deployment), 'utf8'),
          },
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

  /**
   * The reviewer's page (a whole folder of schools' files) and its worker, built after the pane into
   * the same folder by a compilation of their own: two entries in one compilation make webpack keep
   * code for each runtime, and the pane's first screen would grow.
   */
  const reviewer = {
    ...pane,
    name: 'reviewer',
    dependencies: ['pane'],
    entry: { reviewer: './src/taskpane/reviewer/index.tsx' },
    output: { ...pane.output, clean: false },
    performance: { ...pane.performance, hints: false },
    plugins: [
      new NodeOnlyGuard(),
      tokensShim(),
      // Fluent UI's CSS extracted as for the pane (the same rules), into this page's own stylesheet.
      new MiniCssExtractPlugin({ filename: dev ? '[name].css' : '[name].[contenthash:8].css', ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      // The same policy as the pane's: its worker comes from our own origin (worker-src falls back to script-src).
      new HtmlWebpackPlugin({
        template: './src/taskpane/reviewer/reviewer.html',
        filename: 'reviewer.html',
        chunks: ['reviewer'],
        scriptLoading: 'module',
        inject: 'body',
        templateParameters: { csp: contentSecurityPolicy(dev && serving), bootCss: BOOT_CSS },
        minify: false,
      }),
    ],
  };
  delete reviewer.devServer;
  return [pane, reviewer];
};

module.exports.PORT = PORT;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_CDN_HOSTS = OFFICE_CDN_HOSTS;
module.exports.deployManifest = deployManifest;
module.exports.staticThemeCss = staticThemeCss;
