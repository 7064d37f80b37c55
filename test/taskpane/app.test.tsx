import { renderToStaticMarkup } from 'react-dom/server';
import { App } from '../../src/taskpane/App';
import { detectHost, themeOf } from '../../src/taskpane/host';
import { RULES, RULE_IDS } from '../../src/core';

const office = (supported: boolean, bodyBackgroundColor?: string) => ({
  context: { requirements: { isSetSupported: () => supported }, officeTheme: bodyBackgroundColor ? { bodyBackgroundColor } : undefined },
});

describe('host detection', () => {
  test.each([
    ['no Office at all', undefined, undefined, 'no-office'],
    ['Office without a host (opened in a browser)', office(true), null, 'no-office'],
    ['Excel with ExcelApi 1.4', office(true), 'Excel', 'ready'],
    ['an old Excel', office(false), 'Excel', 'unsupported'],
    ['Word', office(true), 'Word', 'word'],
    ['PowerPoint', office(true), 'PowerPoint', 'other-host'],
  ])('%s', (_name, o, host, kind) => {
    expect(detectHost(o, host).kind).toBe(kind);
  });

  test.each([
    ['#FFFFFF', 'light'],
    ['#262626', 'dark'],
    ['#000000', 'dark'],
    ['#F3F2F1', 'light'],
    ['not a colour', 'light'],
  ])('theme %s is %s', (bg, theme) => {
    expect(themeOf(office(true, bg))).toBe(theme);
  });
});

describe('task pane shell', () => {
  test('ready: title and the closed list of rules, no warning', () => {
    const html = renderToStaticMarkup(<App status={{ kind: 'ready', theme: 'light' }} />);
    // Booleans, not the markup: a failure should not print the whole theme stylesheet.
    expect(html.includes('政府信息公开年报助手')).toBe(true);
    expect(html.includes('aria-expanded="false" aria-controls="rules-list"')).toBe(true);
    // The rules' texts load when the list is opened (rules-list.test.tsx).
    expect(html.includes(RULES[RULE_IDS[0]!].title)).toBe(false);
    expect(html.includes('未连接到 Excel')).toBe(false);
  });

  test.each<[Parameters<typeof App>[0]['status'], string]>([
    [{ kind: 'no-office' }, '未连接到 Excel'],
    [{ kind: 'unsupported', theme: 'light' }, 'Excel 版本过旧'],
    [{ kind: 'other-host', host: 'Word', theme: 'dark' }, '请在 Excel 中使用'],
    // In Word, the pane's program could not be loaded (index.tsx).
    [{ kind: 'load-failed', theme: 'light' }, '未能载入加载项的程序文件'],
  ])('%j shows a message', (status, text) => {
    expect(renderToStaticMarkup(<App status={status} />).includes(text)).toBe(true);
  });

  test('an Excel too old for the add-in is pointed at the checker page', () => {
    expect(renderToStaticMarkup(<App status={{ kind: 'unsupported', theme: 'light' }} />).includes('href="checker.html"')).toBe(true);
  });
});
