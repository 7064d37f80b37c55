/** The add-in server on loopback: relay one-time URLs, expiry, caps, origin checks, static files, load. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptedEncoding, contentSecurityPolicy, createApp, hostAllowed, pageHeaderPolicy, relayMiddleware } from '../../src/server/app';
import { request } from 'node:http';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { RelayStore } from '../../src/server/relay';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const root = mkdtempSync(join(tmpdir(), 'serve-root-'));
writeFileSync(join(root, 'taskpane.html'), '<!doctype html><title>x</title>');
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
writeFileSync(join(root, '..', 'secret-outside-root.txt'), 'secret');
const CHUNK = `/* a chunk */ ${'export const x = "政府信息公开";\n'.repeat(2000)}`;
writeFileSync(join(root, 'taskpane.0123abcd.js'), CHUNK);
writeFileSync(join(root, 'taskpane.0123abcd.js.map'), '{"sources":["secret.ts"]}');

let clock = 1_000_000;
let relay: RelayStore;
let server: Server;
let base = '';

beforeEach(async () => {
  relay = new RelayStore({ maxBytes: 64 * 1024, maxDocuments: 300, ttlMs: 60_000 }, () => clock);
  server = createServer(createApp({ root, relay }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

/** A small valid-looking .docx body (the relay checks the zip signature only). */
const doc = (n = 1000, fill = 7) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(n, fill)]);
const upload = (body: Buffer, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/relay`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'Content-Type': DOCX, Origin: base, 'X-Filename': encodeURIComponent('城东区2023年报.docx'), ...headers },
  });

test('upload → one-time URL → download once → 404', async () => {
  const body = doc();
  const r = await upload(body);
  expect(r.status).toBe(201);
  const { url, expiresInSeconds } = (await r.json()) as { url: string; expiresInSeconds: number };
  expect(url).toMatch(/^\/api\/relay\/[A-Za-z0-9_-]{43}$/u);
  expect(expiresInSeconds).toBe(60);
  const d = await fetch(base + url);
  expect(d.status).toBe(200);
  expect(d.headers.get('content-type')).toBe(DOCX);
  expect(d.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('城东区2023年报.docx')}`);
  expect(d.headers.get('cache-control')).toBe('no-store');
  expect(Buffer.from(await d.arrayBuffer()).equals(body)).toBe(true);
  expect((await fetch(base + url)).status).toBe(404);
  expect(relay.size).toBe(0);
});

test('links expire', async () => {
  const { url } = (await (await upload(doc())).json()) as { url: string };
  clock += 60_001;
  expect((await fetch(base + url)).status).toBe(404);
  relay.sweep();
  expect(relay.size).toBe(0);
});

test.each<[string, Record<string, string>, number]>([
  ['another origin', { Origin: 'https://evil.example' }, 403],
  ['no origin (not a browser page of ours)', { Origin: '' }, 403],
  ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }, 403],
  ['not a .docx content type', { 'Content-Type': 'text/plain' }, 415],
])('refuses %s', async (_name, headers, status) => {
  const r = await upload(doc(), headers);
  expect(r.status).toBe(status);
  expect(relay.size).toBe(0);
});

test('refuses documents over the size cap and bodies that are not a zip', async () => {
  expect((await upload(doc(64 * 1024))).status).toBe(413);
  expect((await upload(Buffer.from('hello'))).status).toBe(400);
  expect(relay.size).toBe(0);
});

test('unknown tokens are 404 and the relay refuses to grow past its count cap', async () => {
  expect((await fetch(`${base}/api/relay/not-a-token`)).status).toBe(404);
  const small = new RelayStore({ maxBytes: 1024, maxDocuments: 2, ttlMs: 1000 }, () => clock);
  small.put(doc(10), 'a.docx', DOCX);
  small.put(doc(10), 'b.docx', DOCX);
  expect(() => small.put(doc(10), 'c.docx', DOCX)).toThrow();
});

test('serves the built files with security headers, never outside the root', async () => {
  const page = await fetch(`${base}/taskpane.html`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect((await fetch(`${base}/assets/icon-16.png`)).headers.get('content-type')).toBe('image/png');
  for (const path of ['/../secret-outside-root.txt', '/%2e%2e/secret-outside-root.txt', '/assets/..%2f..%2fsecret-outside-root.txt', '/nothing.js']) {
    const r = await fetch(base + path);
    expect([path, r.status]).toEqual([path, 404]);
  }
  expect((await fetch(`${base}/taskpane.html`, { method: 'POST' })).status).toBe(405);
});

test('load on loopback: 200 concurrent upload/download pairs, all intact, memory freed after', async () => {
  const pairs = Array.from({ length: 200 }, (_, i) => doc(2000 + i, i % 251));
  const results = await Promise.all(
    pairs.map(async (body) => {
      const r = await upload(body);
      const { url } = (await r.json()) as { url: string };
      const d = await fetch(base + url);
      return Buffer.from(await d.arrayBuffer()).equals(body);
    }),
  );
  expect(results.every(Boolean)).toBe(true);
  expect(relay.size).toBe(0);
  expect(relay.bytesHeld).toBe(0);
});

test('nothing is written to disk: the served folder is unchanged after uploads', async () => {
  const before = readdirSync(root).sort();
  await upload(doc());
  expect(readdirSync(root).sort()).toEqual(before);
  expect(readFileSync(join(__dirname, '../../src/server/relay.ts'), 'utf8')).not.toMatch(/from 'node:fs'|require\('fs'\)/u);
});

test('the dev-server middleware handles only relay paths', async () => {
  const mw = relayMiddleware({ relay });
  const dev = createServer((req, res) => {
    if (!mw(req, res)) {
      res.statusCode = 299;
      res.end('passed on');
    }
  });
  await new Promise<void>((r) => dev.listen(0, '127.0.0.1', r));
  const devBase = `http://127.0.0.1:${(dev.address() as AddressInfo).port}`;
  expect((await fetch(`${devBase}/taskpane.html`)).status).toBe(299);
  const r = await fetch(`${devBase}/api/relay`, { method: 'POST', body: new Uint8Array(doc()), headers: { 'Content-Type': DOCX, Origin: devBase } });
  expect(r.status).toBe(201);
  await new Promise<void>((r2) => dev.close(() => r2()));
});

describe('the Content Security Policy for office.js', () => {
  test('office.js and what it loads itself are allowed; nothing is evaluated; everything else stays on our origin', () => {
    const policy = contentSecurityPolicy('https://appsforoffice.microsoft.com');
    const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `))!;
    expect(directive('script-src')).toBe("script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com");
    expect(directive('connect-src')).toBe("connect-src 'self' https://appsforoffice.microsoft.com https://browser.pipe.aria.microsoft.com");
    expect(policy).not.toContain('unsafe-eval');
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
  });

  test('another office.js origin (a sovereign cloud) replaces the global CDN', () => {
    const policy = contentSecurityPolicy('https://appsforoffice.cdn.partner.office365.cn');
    expect(policy).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn https://ajax.aspnetcdn.com");
    expect(policy).not.toContain('appsforoffice.microsoft.com');
  });
});

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(base + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('compression and caching of the built files', () => {
  test.each<[string, 'br' | 'gzip' | undefined]>([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
    ['', undefined],
    ['*', 'br'],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });

  test('a hashed chunk: brotli or gzip as asked, the same bytes once decompressed, cached for a year', async () => {
    const br = await rawGet('/taskpane.0123abcd.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(CHUNK) / 20);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(CHUNK);
    const gz = await rawGet('/taskpane.0123abcd.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(CHUNK);
    const plain = await rawGet('/taskpane.0123abcd.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(CHUNK);
  });

  test('the page is revalidated on every load and keeps its CSP when compressed; images are sent as they are', async () => {
    const page = await rawGet('/taskpane.html', { 'Accept-Encoding': 'br' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBe(pageHeaderPolicy());
    expect(brotliDecompressSync(page.body).toString('utf8')).toContain('<title>x</title>');
    const icon = await rawGet('/assets/icon-16.png', { 'Accept-Encoding': 'br' });
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });
});

describe('hardening: hosts, admission before reading, headers', () => {
  test.each<[string | undefined, { origin?: string; listenHost?: string }, boolean]>([
    ['127.0.0.1:3000', {}, true],
    ['localhost:3000', {}, true],
    ['[::1]:3000', {}, true],
    ['evil.example:3000', {}, false],
    [undefined, {}, false],
    ['addins.example.gov.cn', { origin: 'https://addins.example.gov.cn' }, true],
    ['localhost:3000', { origin: 'https://addins.example.gov.cn' }, false],
    ['addin-host:3000', { listenHost: 'addin-host' }, true],
  ])('Host %s with %j → %s', (host, options, allowed) => {
    expect(hostAllowed(host, options)).toBe(allowed);
  });

  test('a request addressed to another host (DNS rebinding) is refused, for files and the relay', async () => {
    for (const path of ['/taskpane.html', '/api/relay/x']) {
      const r = await rawGet(path, { Host: 'rebound.example.com' });
      expect([path, r.status]).toEqual([path, 421]);
    }
  });

  test('the page names who may frame it; source maps are not served; icons carry no Cross-Origin-Resource-Policy, documents do', async () => {
    const page = await fetch(`${base}/taskpane.html`);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/\*\.office\.com .*https:\/\/\*\.officeapps\.live\.com/u);
    expect((await fetch(`${base}/taskpane.0123abcd.js.map`)).status).toBe(404);
    expect((await fetch(`${base}/assets/icon-16.png`)).headers.get('cross-origin-resource-policy')).toBeNull();
    const { url } = (await (await upload(doc())).json()) as { url: string };
    expect((await fetch(base + url)).headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(page.headers.get('strict-transport-security')).toBeNull(); // plain HTTP on loopback
  });

  /** Starts an upload that declares `length` bytes and sends only its first bytes; resolves with the status if the server answers. */
  function partialUpload(length: number): { status: Promise<number>; abort: () => void } {
    const req = request(`${base}/api/relay`, { method: 'POST', headers: { 'Content-Type': DOCX, 'Content-Length': String(length), Origin: base } });
    const status = new Promise<number>((resolve) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
    });
    req.write(doc(100));
    return { status, abort: () => req.destroy() };
  }

  test('uploads beyond the byte budget are refused before their bodies are read; memory returns to its baseline', async () => {
    const big = 20 * 1024 * 1024;
    relay = new RelayStore({ maxBytes: big, maxDocuments: 50, ttlMs: 60_000 }, () => clock);
    const small = createServer(createApp({ root, relay, uploads: { concurrent: 100, bytes: 3 * big } }));
    await new Promise<void>((r) => small.listen(0, '127.0.0.1', r));
    const before = process.memoryUsage().rss;
    const saved = base;
    base = `http://127.0.0.1:${(small.address() as AddressInfo).port}`;
    try {
      // 40 uploads of 20 MB each start at once: three fit the budget and wait for their bodies, the rest are refused at once.
      const started = Array.from({ length: 40 }, () => partialUpload(big));
      const refused = await Promise.race([
        Promise.all(started.slice(3).map((u) => u.status)),
        new Promise<number[]>((resolve) => setTimeout(() => resolve([]), 5000)),
      ]);
      expect(refused).toHaveLength(37);
      expect(refused.every((s) => s === 503)).toBe(true);
      for (const u of started) u.abort();
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
      // Once they are gone, an upload is admitted again.
      await new Promise((r) => setTimeout(r, 100));
      expect((await upload(doc())).status).toBe(201);
    } finally {
      base = saved;
      await new Promise<void>((r) => small.close(() => r()));
    }
  });

  test('an upload whose body outgrows the size cap is cut off as soon as it does, not read to its end', async () => {
    const r = await fetch(`${base}/api/relay`, {
      method: 'POST',
      body: new Uint8Array(doc(200 * 1024)),
      headers: { 'Content-Type': DOCX, Origin: base, 'Content-Length': String(200 * 1024 + 4) },
    });
    expect(r.status).toBe(413);
  });
});
