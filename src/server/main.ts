/**
 * `npm run serve`: the add-in's server for production and for tests — the built files (dist/) and
 * the document relay. HTTPS with the organisation's certificate when TLS_CERT and TLS_KEY are set;
 * otherwise plain HTTP, on loopback only unless HOST is given explicitly.
 *
 * Environment: PORT (3000), HOST (127.0.0.1), TLS_CERT, TLS_KEY (PEM files), ADDIN_ORIGIN (the
 * public origin, e.g. https://addins.example.gov.cn, when behind a proxy), DIST (dist/),
 * OFFICE_JS_URL (the office.js the build uses, for the Content Security Policy).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { resolve } from 'node:path';
import { createApp } from './app';
import { RelayStore } from './relay';

function main(): void {
  const root = resolve(process.env.DIST ?? resolve(__dirname, '../../dist'));
  if (!existsSync(resolve(root, 'taskpane.html'))) {
    process.stderr.write(`错误：${root} 中没有构建好的加载项，请先运行 npm run build\n`);
    process.exitCode = 2;
    return;
  }
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const relay = new RelayStore();
  const sweeper = setInterval(() => relay.sweep(), 15000);
  sweeper.unref();
  // The CSP allows scripts from the origin office.js is built to load from (OFFICE_JS_URL, as for the build).
  const officeJsOrigin = new URL(process.env.OFFICE_JS_URL ?? 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js').origin;
  const app = createApp({
    root,
    relay,
    officeJsOrigin,
    ...(process.env.ADDIN_ORIGIN ? { origin: process.env.ADDIN_ORIGIN } : {}),
    // A server told to listen on a name or address answers requests addressed to it (and to loopback).
    ...(process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST) ? { listenHost: process.env.HOST } : {}),
  });
  const cert = process.env.TLS_CERT;
  const key = process.env.TLS_KEY;
  let server: Server;
  try {
    server = cert && key ? createHttps({ cert: readFileSync(cert), key: readFileSync(key) }, app) : createHttp(app);
  } catch (e) {
    process.stderr.write(`错误：无法读取证书（TLS_CERT / TLS_KEY）：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
    return;
  }
  server.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(`错误：无法在 ${host}:${port} 上提供服务（${e.code ?? e.message}）\n`);
    process.exitCode = 2;
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.headersTimeout = 20000;
  server.requestTimeout = 60000;
  server.listen(port, host, () => {
    const scheme = cert && key ? 'https' : 'http';
    const actual = (server.address() as { port: number }).port;
    process.stdout.write(`政府信息公开年报助手：${scheme}://${host}:${actual}/ （文件：${root}）\n`);
    if (scheme === 'http' && host !== '127.0.0.1' && host !== 'localhost')
      process.stderr.write('警告：未配置证书，正以 HTTP 对外提供服务；生产环境请设置 TLS_CERT 和 TLS_KEY。\n');
  });
}

main();
