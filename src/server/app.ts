/**
 * The add-in's own server: serves the built add-in files and the document relay. Used by
 * `npm run serve` (production, HTTPS with the organisation's certificate) and by the webpack dev
 * server (same relay handler). Requests from other origins are refused; paths cannot leave the root.
 */
import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip as gzipCallback } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isZip } from '../files/zip';
import { RelayFullError, type RelayStore } from './relay';
import { RELAY_MIMES, RELAY_PATH, XLSX_MIME } from '../files/relay';
import { contentSecurityPolicy, pageHeaderPolicy } from './csp';

export { contentSecurityPolicy, pageHeaderPolicy };

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

function securityHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // No X-Frame-Options: Office hosts the task pane in a frame (Excel on the web); the page's CSP
  // names the frames that may. No Cross-Origin-Resource-Policy on the built files: Office on the
  // web loads the ribbon's icons from its own origin.
  if ((req.socket as { encrypted?: boolean }).encrypted) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
}

/**
 * Whether the request is addressed to this server (DNS rebinding: a page of another site that
 * resolves its own name to this server must not reach it). With a configured origin, its host; else
 * a loopback name, or the host the server was told to listen on.
 */
export function hostAllowed(host: string | undefined, options: Pick<AppOptions, 'origin' | 'listenHost'>): boolean {
  if (!host) return false;
  if (options.origin) return host.toLowerCase() === new URL(options.origin).host.toLowerCase();
  let name: string;
  try {
    name = new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  return ['localhost', '127.0.0.1', '[::1]'].includes(name) || (options.listenHost !== undefined && name === options.listenHost.toLowerCase());
}

/**
 * Uploads admitted to the relay at once, and the bytes they may hold together: a request beyond
 * either is refused before its body is read, so a burst of large uploads cannot fill the memory.
 */
export const UPLOAD_LIMITS = { concurrent: 256, bytes: 64 * 1024 * 1024 };

/** A refusal sent before the body is read: the connection is closed after it instead of reading what remains. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  res.setHeader('Connection', 'close');
  res.on('finish', () => req.destroy());
  send(res, status, body);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

export type AppOptions = {
  /** Folder of the built add-in (dist/). */
  root: string;
  relay: RelayStore;
  /** The origin pages are served from, e.g. https://addins.example.gov.cn; when absent, derived from Host. */
  origin?: string;
  officeJsOrigin?: string;
  /** The host name the server listens on when it is not loopback (HOST), accepted in Host headers. */
  listenHost?: string;
  uploads?: { concurrent: number; bytes: number };
};

/** What the uploads being read hold now, per app. */
const ADMITTED = new WeakMap<AppOptions, { uploads: number; bytes: number }>();

function ownOrigin(req: IncomingMessage, options: AppOptions): string {
  if (options.origin) return options.origin;
  const tls = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return `${tls}://${req.headers.host ?? ''}`;
}

/** Reads a request body up to a limit; undefined as soon as it is larger (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolveBody(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolveBody(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function safeFilename(raw: string | undefined, contentType: string): string {
  const ext = contentType === XLSX_MIME ? '.xlsx' : '.docx';
  let name = `report${ext}`;
  try {
    if (raw) name = decodeURIComponent(raw);
  } catch {
    // keep the default
  }
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f"\\/:*?<>|]/gu, '_').slice(0, 120);
  return name.toLowerCase().endsWith(ext) ? name : `${name}${ext}`;
}

async function handleRelay(req: IncomingMessage, res: ServerResponse, url: URL, options: AppOptions): Promise<void> {
  const { relay } = options;
  if (req.method === 'POST' && url.pathname === RELAY_PATH) {
    // Same origin only: browsers send Origin with a POST; Sec-Fetch-Site where supported.
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin !== ownOrigin(req, options) || (site !== undefined && site !== 'same-origin')) {
      send(res, 403, 'forbidden: other origin');
      return;
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!RELAY_MIMES.includes(contentType)) {
      send(res, 415, 'expected a .docx or .xlsx');
      return;
    }
    // Admission before any byte of the body is read: a full relay, too many uploads at once, or
    // more bytes than the budget are refused at once and the connection closed.
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > relay.limits.maxBytes) {
      refuse(req, res, 413, 'document too large');
      return;
    }
    const limits = options.uploads ?? UPLOAD_LIMITS;
    const admitted = ADMITTED.get(options) ?? { uploads: 0, bytes: 0 };
    ADMITTED.set(options, admitted);
    const reserve = Number.isFinite(declared) ? declared : relay.limits.maxBytes;
    if (relay.size >= relay.limits.maxDocuments || admitted.uploads >= limits.concurrent || admitted.bytes + reserve > limits.bytes) {
      refuse(req, res, 503, 'relay busy, try again shortly');
      return;
    }
    admitted.uploads++;
    admitted.bytes += reserve;
    let body: Buffer | undefined;
    try {
      body = await readBody(req, Math.min(relay.limits.maxBytes, reserve));
    } finally {
      admitted.uploads--;
      admitted.bytes -= reserve;
    }
    if (!body) {
      refuse(req, res, 413, 'document too large');
      return;
    }
    if (!isZip(body)) {
      send(res, 400, 'not a .docx');
      return;
    }
    try {
      const token = relay.put(body, safeFilename(req.headers['x-filename'] as string | undefined, contentType), contentType);
      send(
        res,
        201,
        JSON.stringify({ url: `${RELAY_PATH}/${token}`, expiresInSeconds: Math.round(relay.limits.ttlMs / 1000) }),
        'application/json; charset=utf-8',
      );
    } catch (e) {
      if (e instanceof RelayFullError) send(res, 503, 'relay busy, try again shortly');
      else throw e;
    }
    return;
  }
  if (req.method === 'GET' && url.pathname.startsWith(`${RELAY_PATH}/`)) {
    const doc = relay.take(url.pathname.slice(RELAY_PATH.length + 1));
    if (!doc) {
      send(res, 404, '链接已失效或已使用过。请回到 Excel 重新生成 Word 报告。');
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', doc.contentType);
    res.setHeader('Content-Length', String(doc.bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    res.setHeader('Cache-Control', 'no-store');
    res.end(doc.bytes);
    return;
  }
  send(res, 405, 'method not allowed');
}

async function serveFile(req: IncomingMessage, res: ServerResponse, url: URL, options: AppOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, 'bad path');
    return;
  }
  if (pathname.includes('\0')) {
    send(res, 400, 'bad path');
    return;
  }
  const root = resolve(options.root);
  const file = resolve(join(root, normalize(pathname === '/' ? '/taskpane.html' : pathname)));
  // Source maps are not served (a production build has none; a development one left in dist/ stays private).
  if ((file !== root && !file.startsWith(root + sep)) || file.toLowerCase().endsWith('.map')) {
    send(res, 404, 'not found');
    return;
  }
  let info: Stats;
  try {
    info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
  } catch {
    send(res, 404, 'not found');
    return;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', pageHeaderPolicy(options.officeJsOrigin));
  // Chunks named by their content hash never change: cached for a year. Pages, the manifest and
  // unhashed files are revalidated on every load, so a new version is seen at once.
  res.setHeader('Cache-Control', /\.[0-9a-f]{8,}\.js$/u.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  const encoding = COMPRESSIBLE.test(type) && info.size <= MAX_COMPRESSED_FILE ? acceptedEncoding(req.headers['accept-encoding']) : undefined;
  if (COMPRESSIBLE.test(type)) res.setHeader('Vary', 'Accept-Encoding');
  if (!encoding) {
    res.setHeader('Content-Length', String(info.size));
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return;
  }
  const body = await compressed(file, info, encoding);
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Text types worth compressing (images are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript))|\+xml/u;
/** Larger files are sent as they are (the built files are far smaller). */
const MAX_COMPRESSED_FILE = 16 * 1024 * 1024;

/** Brotli when the browser takes it (every browser Office supports does), else gzip, else none. */
export function acceptedEncoding(header: string | string[] | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/u.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

/** Compressed bodies, kept per file, size, modification time and encoding: each built file is compressed once. */
const COMPRESSED = new Map<string, Buffer>();
const MAX_COMPRESSED_ENTRIES = 256;

async function compressed(file: string, info: Stats, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const key = `${encoding}:${info.size}:${info.mtimeMs}:${file}`;
  const cached = COMPRESSED.get(key);
  if (cached) return cached;
  const raw = await readFile(file);
  const body =
    encoding === 'br'
      ? await brotli(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : await gzip(raw, { level: 9 });
  if (COMPRESSED.size >= MAX_COMPRESSED_ENTRIES) COMPRESSED.delete(COMPRESSED.keys().next().value!);
  COMPRESSED.set(key, body);
  return body;
}

const isRelayPath = (pathname: string) => pathname === RELAY_PATH || pathname.startsWith(`${RELAY_PATH}/`);

/** The relay alone, for the webpack dev server: handles relay requests and says whether it did. */
export function relayMiddleware(options: Omit<AppOptions, 'root'>): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!isRelayPath(url.pathname)) return false;
    securityHeaders(req, res);
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!hostAllowed(req.headers.host, options)) {
      send(res, 421, 'misdirected request: unknown host');
      return true;
    }
    handleRelay(req, res, url, { ...options, root: '' }).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
    });
    return true;
  };
}

/** The request handler: relay under /api/relay, files elsewhere. */
export function createApp(options: AppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    securityHeaders(req, res);
    if (!hostAllowed(req.headers.host, options)) {
      send(res, 421, 'misdirected request: unknown host');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      send(res, 400, 'bad request');
      return;
    }
    // Documents are for this origin's pages only.
    if (isRelayPath(url.pathname)) res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    const work = isRelayPath(url.pathname) ? handleRelay(req, res, url, options) : serveFile(req, res, url, options);
    work.catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  };
}
