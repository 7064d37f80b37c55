// Builds the two add-in entries (task pane, ribbon commands) and copies the manifest and icons.
// Production: ADDIN_BASE_URL=https://addins.example.gov.cn/report npm run build
const path = require('node:path');
const { URL } = require('node:url');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
// The page's policy is the server's (one definition, in TypeScript).
require('tsx/cjs');
const { checkerPolicy, contentSecurityPolicy } = require('./src/server/csp.ts');

const DEV_URL = 'https://localhost:3000/';
/** office.js from Microsoft's global CDN unless the organisation names another (e.g. its 21Vianet tenant's). */
const OFFICE_JS_URL = process.env.OFFICE_JS_URL || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  const baseUrl = (process.env.ADDIN_BASE_URL || DEV_URL).replace(/\/?$/u, '/');
  if (production && !/^https:\/\//u.test(baseUrl)) throw new Error('ADDIN_BASE_URL must be an https:// URL');
  if (!/^https:\/\/[^/]+\/.+\.js$/u.test(OFFICE_JS_URL)) throw new Error('OFFICE_JS_URL must be an https:// URL of office.js');
  const addin = {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      commands: './src/commands/commands.ts',
      // The pane reuses what the commands entry already loaded (core, Excel adapter, controller).
      taskpane: { import: './src/taskpane/index.tsx', dependOn: 'commands' },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      // The checker page is its own compilation (below) writing into the same folder.
      clean: { keep: /^checker(\/|\.html$)/u },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/u,
          exclude: /node_modules/u,
          use: { loader: 'ts-loader', options: { onlyCompileBundledFiles: true, compilerOptions: { module: 'esnext', sourceMap: !production } } },
        },
      ],
    },
    // No `global` shim: webpack's shim uses new Function, which the task pane's CSP forbids.
    node: { global: false },
    performance: { hints: false },
    optimization: { runtimeChunk: 'single' },
    plugins: [
      // One page for the task pane and the ribbon commands (shared runtime): both entries, one webpack
      // runtime, so they share one controller.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        templateParameters: { officeJs: OFFICE_JS_URL, csp: contentSecurityPolicy(new URL(OFFICE_JS_URL).origin) },
        chunks: ['runtime', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'static/help.html', to: 'help.html' },
          { from: 'static/legacy.js', to: 'legacy.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              production ? content.toString().split(DEV_URL).join(baseUrl).split('https://localhost:3000').join(baseUrl.replace(/\/$/u, '')) : content,
          },
        ],
      }),
    ],
    devServer: {
      // Loopback only; the relay below checks the Host header itself, as webpack-dev-server does for its own files.
      host: 'localhost',
      port: 3000,
      server: 'https',
      static: false,
      // The same relay as `npm run serve`, so Word delivery works in development too.
      setupMiddlewares: (middlewares) => {
        const { relayMiddleware } = require('./src/server/app.ts');
        const { RelayStore } = require('./src/server/relay.ts');
        const relay = relayMiddleware({ relay: new RelayStore() });
        middlewares.unshift({ name: 'relay', middleware: (req, res, next) => (relay(req, res) ? undefined : next()) });
        return middlewares;
      },
    },
  };
  // The checker page (no Office) is a compilation of its own: in the add-in's, the modules it shares
  // with the task pane would sit in two chunks and lose scope hoisting, making the pane's first load
  // larger. Its files go to dist/checker/, its page is dist/checker.html.
  const checker = {
    mode: addin.mode,
    devtool: addin.devtool,
    entry: { checker: './src/checker/index.tsx' },
    output: {
      path: addin.output.path,
      filename: 'checker/[name].[contenthash:8].js',
      chunkFilename: 'checker/[name].[contenthash:8].js',
      // Each compilation removes only its own stale files.
      clean: { keep: (asset) => !/^checker(\/|\.html$)/u.test(asset) },
    },
    resolve: addin.resolve,
    module: addin.module,
    node: addin.node,
    performance: addin.performance,
    plugins: [new HtmlWebpackPlugin({ filename: 'checker.html', template: './src/checker/checker.html', templateParameters: { csp: checkerPolicy() } })],
  };
  return [addin, checker];
};
