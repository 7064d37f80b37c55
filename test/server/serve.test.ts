/** `npm run serve` for real: HTTPS with the organisation's certificate, headers, refusals, a clean stop. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'serve-tls-'));
const dist = join(dir, 'dist');
let child: ChildProcess;
let base = '';

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, rejectUnauthorized: false }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  execFileSync('mkdir', ['-p', dist]);
  writeFileSync(join(dist, 'taskpane.html'), '<!doctype html><title>x</title>');
  child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DIST: dist, TLS_CERT: join(dir, 'cert.pem'), TLS_KEY: join(dir, 'key.pem') },
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /(https:\/\/127\.0\.0\.1:\d+)\//u.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}, 60000);

afterAll(() => {
  child?.kill('SIGTERM');
});

test('serves over HTTPS with the given certificate and security headers', async () => {
  const r = await get('/taskpane.html');
  expect(r.status).toBe(200);
  expect(r.headers['content-security-policy']).toContain("default-src 'self'");
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  expect(r.headers['referrer-policy']).toBe('no-referrer');
  expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
  expect(r.headers['content-security-policy']).toContain('frame-ancestors ');
});

test('refuses relay uploads from another origin and unknown tokens', async () => {
  const docx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
  const other = await get(
    '/api/relay',
    { Origin: 'https://evil.example', 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    'POST',
    docx,
  );
  expect(other.status).toBe(403);
  const same = await get(
    '/api/relay',
    { Origin: base, 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    'POST',
    docx,
  );
  expect(same.status).toBe(201);
  expect((await get('/api/relay/nope')).status).toBe(404);
});

test('a missing build or a bad certificate: a clear message and exit code 2', () => {
  const noDist = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DIST: join(dir, 'nothing') },
  });
  const badCert = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DIST: dist, TLS_CERT: join(dir, 'missing.pem'), TLS_KEY: join(dir, 'missing.pem') },
  });
  const done = (p: ChildProcess) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      let err = '';
      p.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
      p.on('exit', (code) => resolve({ code, err }));
    });
  return Promise.all([done(noDist), done(badCert)]).then(([a, b]) => {
    expect(a).toMatchObject({ code: 2 });
    expect(a.err).toContain('npm run build');
    expect(b).toMatchObject({ code: 2 });
    expect(b.err).toContain('证书');
  });
}, 30000);
