/**
 * @jest-environment jsdom
 */
/**
 * Office that runs add-ins in Internet Explorer 11 or the old Edge cannot parse the pane's script:
 * static/legacy.js (plain ES5) explains what is needed there instead of a blank pane, and does
 * nothing in a current engine.
 */
import { parse } from 'acorn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = readFileSync(join(__dirname, '../../static/legacy.js'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const legacy = require('../../static/legacy.js') as { isLegacyEngine(win: unknown): boolean; explain(doc: Document): void };

const win = (userAgent: string, documentMode?: number) => ({ navigator: { userAgent }, document: documentMode === undefined ? {} : { documentMode } });

test('the script is ES5 (what IE11 parses): no let/const, arrows, classes or modules', () => {
  expect(() => parse(SOURCE, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

test.each([
  ['Office 2016 on Windows 7 (IE11)', 'Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko', true],
  [
    'Office 2019 on Windows 10 (EdgeHTML)',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
    true,
  ],
  [
    'Microsoft 365 (WebView2)',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
    false,
  ],
  ['Excel on the web in Chrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', false],
  ['Excel on Mac (WKWebView)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)', false],
])('%s → legacy %s', (_name, ua, expected) => {
  expect(legacy.isLegacyEngine(win(ua))).toBe(expected);
});

test('Internet Explorer is known by documentMode even with an unusual user agent', () => {
  expect(legacy.isLegacyEngine(win('Mozilla/5.0 (compatible)', 11))).toBe(true);
});

test('the explanation replaces the blank pane: what is needed, what to use instead, the guide', () => {
  document.body.innerHTML = '<div id="root"><p>loading</p></div>';
  legacy.explain(document);
  const root = document.getElementById('root')!;
  expect(root.textContent).not.toContain('loading');
  expect(root.querySelector('[role="alert"]')).not.toBeNull();
  expect(root.textContent).toContain('Office 版本过旧');
  expect(root.textContent).toContain('Office 2021');
  expect(root.textContent).toContain('WebView2');
  expect(root.textContent).toContain('网页版 Excel');
  expect(root.textContent).toContain('npm run cli -- check');
  expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['checker.html', 'help.html']);
  expect(root.textContent).toContain('网页版检查');
});

test('the page loads it from our own origin after the root element', () => {
  const html = readFileSync(join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
  expect(html.indexOf('<script src="legacy.js"></script>')).toBeGreaterThan(html.indexOf('<div id="root">'));
});
