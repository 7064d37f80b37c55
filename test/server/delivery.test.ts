/** The task pane's delivery against the real relay server on loopback. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app';
import { RelayStore } from '../../src/server/relay';
import { DeliveryError, uploadToRelay } from '../../src/taskpane/delivery';

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer(
    createApp({ root: mkdtempSync(join(tmpdir(), 'deliver-')), relay: new RelayStore({ maxBytes: 4096, maxDocuments: 10, ttlMs: 60000 }) }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

// Node's fetch sends no Origin header; the task pane's browser does. Add it as the browser would.
const browserFetch: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: origin } });

test('uploads and gets an absolute one-time URL on the same origin', async () => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  const { url, expiresInSeconds } = await uploadToRelay(bytes, '报告.docx', origin, browserFetch);
  expect(url.startsWith(`${origin}/api/relay/`)).toBe(true);
  expect(expiresInSeconds).toBe(60);
  const got = new Uint8Array(await (await fetch(url)).arrayBuffer());
  expect([...got]).toEqual([...bytes]);
});

test.each<[string, Uint8Array, typeof fetch | undefined, RegExp]>([
  ['too large', new Uint8Array(5000).fill(0x50), undefined, /大小/u],
  ['server unreachable', new Uint8Array([0x50, 0x4b, 3, 4]), (() => Promise.reject(new TypeError('failed'))) as typeof fetch, /无法连接/u],
])('%s: a Chinese delivery error', async (_name, bytes, fetcher, message) => {
  const p = uploadToRelay(bytes, 'x.docx', origin, fetcher ?? browserFetch);
  await expect(p).rejects.toThrow(DeliveryError);
  await expect(uploadToRelay(bytes, 'x.docx', origin, fetcher ?? browserFetch)).rejects.toThrow(message);
});
