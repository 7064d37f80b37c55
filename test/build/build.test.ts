/** The production build: both add-in entries, icons, help page, manifest rewritten to the organisation's base URL. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'build-'));

beforeAll(() => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/webpack'), ['--mode', 'production', '--output-path', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ADDIN_BASE_URL: 'https://addins.example.gov.cn/report', OFFICE_JS_URL: 'https://office-js.example.cn/lib/1/hosted/office.js' },
  });
  if (r.status !== 0) throw new Error(`webpack failed: ${r.stdout.slice(-2000)} ${r.stderr.slice(-2000)}`);
}, 180000);

test('emits the task pane page (also the ribbon function file): office.js first, then both entries on one runtime', () => {
  const files = readdirSync(out);
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  // The office.js CDN is the one the build was given (here a stand-in for an organisation's choice).
  expect(html).toMatch(/<script src="?https:\/\/office-js\.example\.cn\/lib\/1\/hosted\/office\.js"?>/u);
  const scripts = [...html.matchAll(/src="?([a-z]+\.[0-9a-f]{8}\.js)/gu)].map((m) => m[1]!);
  expect(scripts.map((s) => s.split('.')[0])).toEqual(['runtime', 'commands', 'taskpane']);
  for (const s of scripts) expect(files).toContain(s);
  expect(html.indexOf('office.js')).toBeLessThan(html.indexOf(scripts[0]!));
  expect(html).not.toContain('appsforoffice.microsoft.com');
  expect(readdirSync(join(out, 'assets')).sort()).toEqual([
    'check-16.png',
    'check-32.png',
    'check-80.png',
    'help-16.png',
    'help-32.png',
    'help-80.png',
    'icon-128.png',
    'icon-16.png',
    'icon-32.png',
    'icon-64.png',
    'icon-80.png',
    'template-16.png',
    'template-32.png',
    'template-80.png',
    'word-16.png',
    'word-32.png',
    'word-80.png',
  ]);
  // Every image the manifest names is shipped.
  const manifest = readFileSync(join(__dirname, '../../manifest.xml'), 'utf8');
  for (const m of manifest.matchAll(/assets\/([\w-]+\.png)/gu)) expect(readdirSync(join(out, 'assets'))).toContain(m[1]);
  expect(files).toContain('help.html');
});

test('the manifest points at the configured base URL and no longer at localhost', () => {
  const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
  expect(manifest).not.toContain('localhost');
  expect(manifest).toContain('https://addins.example.gov.cn/report/taskpane.html');
  expect(manifest).toContain('<AppDomain>https://addins.example.gov.cn/report</AppDomain>');
});

test('the bundles use no eval or new Function', () => {
  for (const f of readdirSync(out).filter((x) => x.endsWith('.js'))) {
    let js = readFileSync(join(out, f), 'utf8');
    if (f.startsWith('pdf.')) {
      // pdf.js (the lazy PDF chunk) compiles PostScript functions with new Function only when its
      // isEvalSupported option is on (we pass false), and probes for it only then: every use sits
      // behind that test. Those uses are taken out before the check; any other would fail it.
      const guarded = /isEvalSupported[\s\S]{0,120}?new Function\(/gu;
      expect(js.match(guarded)?.length ?? 0).toBeGreaterThan(0);
      js = js.replace(guarded, '');
    }
    // Booleans, not the bundle text: a failure names the file without printing 250 KB of JavaScript.
    expect({ file: f, eval: /\beval\(/u.test(js), newFunction: /new Function\(/u.test(js) }).toEqual({ file: f, eval: false, newFunction: false });
  }
});

test('the Word generator is a separate chunk, loaded only when first used', () => {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const scripts = readdirSync(out).filter((f) => f.endsWith('.js'));
  const initial = scripts.filter((f) => html.includes(f));
  const lazy = scripts.filter((f) => !html.includes(f));
  // legacy.js (ES5, for Internet Explorer's explanation) is the one unhashed script of the first load.
  expect(initial.map((f) => f.split('.')[0]).sort()).toEqual(['commands', 'legacy', 'runtime', 'taskpane']);
  expect(lazy.some((f) => f.startsWith('word.'))).toBe(true);
  const has = (f: string) => readFileSync(join(out, f), 'utf8').includes('w:document');
  expect(initial.some(has)).toBe(false);
  expect(lazy.some(has)).toBe(true);
});
