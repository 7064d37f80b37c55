/**
 * The built task pane in Debian's Chromium, driven by playwright-core, served by the project's own
 * server on loopback. office.js is intercepted and replaced by the in-memory host; any other request
 * leaving the page is refused and recorded, so no network is touched.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RULE_IDS } from '../../src/core';
import { createApp } from '../../src/server/app';
import { RelayStore } from '../../src/server/relay';
import { CHROMIUM_FLAGS, chromiumPath } from '../helpers/chromium';

const ROOT = join(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/e2e');
const EXAMPLE = join(ROOT, 'examples/chengdong-2023.json');
const DUMP = join(ROOT, 'examples/chengdong-2023-report.txt');
const dist = mkdtempSync(join(tmpdir(), 'e2e-dist-'));

let server: Server;
let origin = '';
let browser: Browser;
let stub = '';
const external: string[] = [];

beforeAll(async () => {
  const build = spawnSync(join(ROOT, 'node_modules/.bin/webpack'), ['--mode', 'production', '--output-path', dist], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`webpack failed: ${build.stdout.slice(-1500)}`);
  stub = buildSync({ entryPoints: [join(__dirname, 'office-stub.ts')], bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2020' })
    .outputFiles[0]!.text;
  server = createServer(createApp({ root: dist, relay: new RelayStore() }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, '--no-first-run'] });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 240000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => server?.close(() => r()));
});

type Config = { host: 'Excel' | 'Word' | null; platform: 'PC' | 'OfficeOnline'; sets: Record<string, boolean | string>; failRun?: boolean; dark?: boolean };
const EXCEL: Config = { host: 'Excel', platform: 'PC', sets: { ExcelApi: true, SharedRuntime: true, OpenBrowserWindowApi: true } };

/** Console messages about the Content Security Policy, from every page opened. */
const cspMessages: string[] = [];

async function openPane(config: Config = EXCEL): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  context.on('console', (m) => {
    if (/Content Security Policy/iu.test(m.text())) cspMessages.push(m.text());
  });
  await context.addInitScript((c) => ((window as unknown as Record<string, unknown>).__officeConfig = c), config);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole('heading', { name: '政府信息公开年报助手' }).waitFor();
  return page;
}

// Transitions finished first, so a screenshot shows the state and not a fade between two.
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
const excel = <T>(page: Page, fn: string) => page.evaluate(`(() => { const e = window.__excel; return ${fn}; })()`) as Promise<T>;

async function fillFromExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '生成模板', exact: true }).click();
  await page.getByText(/模板已生成/u).waitFor();
  await page.locator('input[aria-label="选择用于生成模板的报告文件"]').setInputFiles(EXAMPLE);
  await page.getByText(/新模板放在“报告数据 \(2\)”/u).waitFor();
}

test('生成模板 → fill from the example → 检查报告 → click a finding → 清除标记 → 生成Word报告 (desktop relay)', async () => {
  const page = await openPane();
  await shot(page, '01-empty');
  await fillFromExample(page);
  expect(await excel<string[]>(page, 'e.state.sheets.map((s) => s.name)')).toEqual([
    'Sheet1',
    '报告数据',
    '报告正文',
    '核对',
    '报告数据 (2)',
    '报告正文 (2)',
    '核对 (2)',
  ]);
  await shot(page, '02-template');
  const formatsBefore = await excel<string>(page, 'e.format()');
  const contentBefore = await excel<string>(page, 'e.content()');

  const syncsBefore = await excel<number>(page, 'e.syncs');
  await page.getByRole('button', { name: '检查报告' }).click();
  await page.getByRole('heading', { name: '检查结果' }).waitFor();
  expect((await excel<number>(page, 'e.syncs')) - syncsBefore).toBe(2);
  await page.getByRole('tab', { name: '全部（23）' }).waitFor();
  await shot(page, '03-findings');
  // The 21 blank cells are one group; opened, each cell is its own entry.
  await page.getByRole('button', { name: /21个单元格为空白，应填写0/u }).click();
  expect(await page.getByRole('button', { name: /^警告：/u }).count()).toBe(23);
  expect(await excel<string>(page, 'e.content()')).toBe(contentBefore);
  expect(await excel<string>(page, 'e.format()')).not.toBe(formatsBefore);

  await page.getByRole('button', { name: /警告：二、上年结转申请·自然人为空白/u }).click();
  await page.waitForFunction(
    () => (window as unknown as { __excel: { state: { selection?: { sheet: string } } } }).__excel.state.selection?.sheet === '报告数据 (2)',
  );

  await page.getByRole('button', { name: '清除标记' }).click();
  await page.getByText(/已清除 23 处标记/u).waitFor();
  expect(await excel<string>(page, 'e.format()')).toBe(formatsBefore);
  await shot(page, '04-cleared');

  await page.getByRole('button', { name: '生成Word报告' }).click();
  await page.getByText(/已在浏览器中打开/u).waitFor();
  const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
  expect(opened).toHaveLength(1);
  expect(opened[0]!.startsWith(`${origin}/api/relay/`)).toBe(true);
  const docx = Buffer.from(await (await fetch(opened[0]!)).arrayBuffer());
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  expect(xml).toContain('城东区人民政府2023年政府信息公开工作年度报告');
  expect((await fetch(opened[0]!)).status).toBe(404);
  expect(await excel<string>(page, 'e.content()')).toBe(contentBefore);
  await shot(page, '05-word-delivered');
  await page.context().close();
}, 120000);

test('生成Word报告 in Excel on the web: an ordinary download of a valid report', async () => {
  const page = await openPane({ ...EXCEL, platform: 'OfficeOnline' });
  await fillFromExample(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成Word报告' }).click()]);
  expect(download.suggestedFilename()).toBe('城东区人民政府2023年政府信息公开工作年度报告.docx');
  const file = join(dist, 'downloaded.docx');
  await download.saveAs(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  expect(await zip.file('word/document.xml')!.async('string')).toContain('三、收到和处理政府信息公开申请情况');
  await page.context().close();
}, 120000);

test('errors: the Word report waits for confirmation', async () => {
  const page = await openPane();
  await page.getByRole('button', { name: '生成模板', exact: true }).click();
  await page.getByText(/模板已生成/u).waitFor();
  await page.evaluate(() => {
    const e = (
      window as unknown as {
        __excel: { state: { names: Map<string, { sheet: { cell: (r: number, c: number) => { value: unknown } }; r: number; c: number }> } };
      }
    ).__excel;
    const set = (name: string, value: unknown) => {
      const n = e.state.names.get(name)!;
      n.sheet.cell(n.r, n.c).value = value;
    };
    set('GIR.appeals.review.total', 3);
    // The title needs 机关名称 and 年度: without them no Word report is made at all.
    set('GIR.meta.agency', '测试县人民政府');
    set('GIR.meta.year', 2023);
  });
  await page.getByRole('button', { name: '生成Word报告' }).click();
  await page.getByText(/报告还有 1 个错误/u).waitFor();
  await shot(page, '06-confirm-word');
  await page.getByRole('button', { name: '返回修改' }).click();
  expect(await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened)).toEqual([]);
  await page.context().close();
}, 120000);

test('对比上年报告: a published report as last year adds the cross-year findings', async () => {
  const page = await openPane();
  await fillFromExample(page);
  await page.locator('input[aria-label="选择上年报告文件"]').setInputFiles(DUMP);
  await page.getByText(/上年报告：chengdong-2023-report.txt/u).waitFor();
  await page.getByRole('button', { name: '检查报告' }).click();
  await page.getByRole('heading', { name: '检查结果' }).waitFor();
  // Identical findings may be one group: open every group first.
  for (const group of await page.getByRole('button', { name: /展开查看各单元格/u }).all()) await group.click();
  await page
    .getByText(/与上年报告的相同内容占/u)
    .first()
    .waitFor();
  await shot(page, '07-previous-year');
  await page.context().close();
}, 120000);

test('working through findings: filter, group, 空白填0 and 撤销, 已核实 and 重置已核实, 导出问题清单, the help page', async () => {
  const page = await openPane({ ...EXCEL, platform: 'OfficeOnline' });
  await page.getByText('第一步：生成模板').waitFor();
  await fillFromExample(page);
  await page.getByRole('button', { name: '检查报告' }).click();
  await page.getByRole('tab', { name: '全部（23）' }).waitFor();

  // Filter: only warnings here; 错误 shows none.
  await page.getByRole('tab', { name: '错误（0）' }).click();
  await page.getByText('没有错误的问题。').waitFor();
  await page.getByRole('tab', { name: '全部（23）' }).click();

  // 空白填0, confirmed; then 撤销.
  await page.getByRole('button', { name: '空白填0（21个单元格）' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '填入0' }).click();
  await page.getByText(/已在 21 个空白单元格中填入0/u).waitFor();
  await page.getByRole('tab', { name: '全部（2）' }).waitFor();
  await shot(page, '08-filled');
  await page.getByRole('button', { name: '撤销空白填0（21个单元格）' }).click();
  await page.getByText(/21 个单元格恢复为空白/u).waitFor();
  await page.getByRole('tab', { name: '全部（23）' }).waitFor();

  // 已核实 with a reason, then 重置已核实.
  const date = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^警告：报告没有填写发布日期/u }) });
  await date.getByRole('button', { name: '标为已核实…' }).click();
  await date.getByRole('textbox', { name: '核实理由' }).fill('发布日期待定稿后填写');
  await date.getByRole('button', { name: '确认已核实' }).click();
  await page.getByRole('tab', { name: '已核实（1）' }).click();
  await page.getByText('已核实：发布日期待定稿后填写', { exact: false }).waitFor();
  expect(await excel<string[]>(page, 'e.state.sheets.map((s) => s.name)')).toContain('核实记录');
  await shot(page, '09-reviewed');
  await page.getByRole('button', { name: '重置已核实' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除核实记录' }).click();
  await page.getByRole('tab', { name: '已核实（0）' }).waitFor();

  // 导出问题清单: a workbook download.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出问题清单' }).click()]);
  expect(download.suggestedFilename()).toBe('城东区人民政府2023年度报告问题清单.xlsx');
  const file = join(dist, 'problems.xlsx');
  await download.saveAs(file);
  const sheet = await (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
  expect(sheet).toContain('二、上年结转申请·自然人');

  // The help page, linked from the pane.
  const [help] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /帮助/u }).click()]);
  await help.getByRole('heading', { name: '政府信息公开年报助手 · 使用指南' }).waitFor();
  expect(await help.getByRole('row').count()).toBeGreaterThan(20);
  await page.context().close();
}, 120000);

test('a workbook without the report: a clear message', async () => {
  const page = await openPane();
  await page.getByRole('button', { name: '检查报告' }).click();
  await page.getByText(/没有找到报告表格/u).waitFor();
  await shot(page, '08-no-report');
  await page.context().close();
}, 60000);

test('an Excel too old, and a page opened outside Office: the upgrade and connect messages', async () => {
  const old = await openPane({ ...EXCEL, sets: { ExcelApi: '1.6' } });
  await old.getByText('Excel 版本过旧').waitFor();
  expect(await old.getByRole('button', { name: '检查报告' }).count()).toBe(0);
  await shot(old, '09-unsupported');
  await old.context().close();
  // Excel 2019 stops at ExcelApi 1.7: the pane runs.
  const v17 = await openPane({ ...EXCEL, sets: { ExcelApi: '1.7' } });
  await v17.getByRole('button', { name: '检查报告' }).waitFor();
  await v17.context().close();
  const none = await openPane({ host: null, platform: 'PC', sets: {} });
  await none.getByText('未连接到 Excel').waitFor();
  await none.context().close();
}, 60000);

test('ribbon commands complete their event, also when Excel fails', async () => {
  for (const failRun of [false, true]) {
    const page = await openPane({ ...EXCEL, failRun });
    const completed = await page.evaluate(async () => {
      const w = window as unknown as { __associated: Record<string, (e: { completed: () => void }) => Promise<void>> };
      let n = 0;
      for (const name of ['checkReport', 'generateWord']) await w.__associated[name]!({ completed: () => void n++ });
      return n;
    });
    expect(completed).toBe(2);
    await page.context().close();
  }
}, 60000);

test('in Word: pick a report and it is inserted into the document', async () => {
  // Word 2016 (WordApi 1.1 to 1.3): the body insertion, and the user is told what it leaves out.
  const old = await openPane({ host: 'Word', platform: 'PC', sets: { WordApi: '1.3' } });
  await old.locator('input[aria-label="选择报告文件"]').setInputFiles(EXAMPLE);
  await old.getByText(/页码（页脚）和页面设置未带入/u).waitFor();
  expect(await old.evaluate(() => (window as unknown as { __word: { level: string }[] }).__word.map((i) => i.level))).toEqual(['body']);
  await old.context().close();
  // A current Word (WordApi 1.5): the whole document, its footer and page setup with it.
  const page = await openPane({ host: 'Word', platform: 'PC', sets: { WordApi: true } });
  await page.evaluate(() => ((window as unknown as { __wordText: string }).__wordText = '已有内容'));
  await page.locator('input[aria-label="选择报告文件"]').setInputFiles(EXAMPLE);
  await page.getByText(/插入到文档末尾（含页面设置和页码）/u).waitFor();
  const inserted = await page.evaluate(() => (window as unknown as { __word: { base64: string; location: string; level: string }[] }).__word);
  expect(inserted).toHaveLength(1);
  expect(inserted[0]!.location).toBe('End');
  expect(inserted[0]!.level).toBe('document');
  expect(await page.getByRole('button', { name: /选择报告并插入/u }).isEnabled()).toBe(true);
  await shot(page, '10-word-host');
  await page.context().close();
}, 60000);

test('keyboard: the actions are reachable with Tab in reading order; the dark theme follows Office', async () => {
  const page = await openPane({ ...EXCEL, dark: true });
  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => (document.activeElement?.textContent ?? document.activeElement?.getAttribute('aria-label') ?? '').trim()));
  }
  expect(order.slice(0, 4)).toEqual(['检查报告', '生成模板', '清除标记', '生成Word报告']);
  const background = await page.evaluate(() => getComputedStyle(document.querySelector('main')!).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await shot(page, '11-dark');
  await page.context().close();
}, 60000);

test('first load: the page runs only its own scripts (runtime, commands, pane); the workbook actions are prefetched, the rules load when opened', async () => {
  const page = await openPane();
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  const ours = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/gu)].map((m) => m[1]!).filter((src) => !/^https?:/u.test(src));
  // legacy.js only speaks in browsers too old for the pane's scripts.
  expect(ours.map((src) => src.replace(/\.[0-9a-f]{8}\.js$/u, ''))).toEqual(['runtime', 'commands', 'taskpane', 'legacy.js']);
  // The browser fetches the workbook actions while idle (a prefetch link), before the first click needs them.
  await page.locator('link[rel="prefetch"][href*="engine."]').waitFor({ state: 'attached' });
  const toggle = page.getByRole('button', { name: '核对规则' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  const rules = page.getByRole('list', { name: '核对规则' }).getByRole('listitem');
  await rules.first().waitFor();
  expect(await rules.count()).toBe(RULE_IDS.length);
  await shot(page, '12-rules');
  await page.context().close();
}, 60000);

test('nothing left the page but our own origin and the intercepted office.js', () => {
  expect(external).toEqual([]);
});

test('用已有报告生成模板… from a PDF: pdf.js runs in the page (no worker file, no eval under the CSP) and the numbers land in the template', async () => {
  const page = await openPane();
  await page.locator('input[aria-label="选择用于生成模板的报告文件"]').setInputFiles(join(ROOT, 'test/fixtures/chengdong-2023.pdf'));
  await page.getByText(/模板已生成.*已填入“chengdong-2023\.pdf”的内容/u).waitFor({ timeout: 30000 });
  const content = await excel<string>(page, 'e.content()');
  for (const value of ['32999', '341.5979', '城东区人民政府']) expect(content).toContain(value);
  await page.context().close();
}, 60000);

test('汇总多个报告…: several reports and a unit list picked at once, the 汇总 sheets written, the result per unit', async () => {
  const page = await openPane();
  const dir = mkdtempSync(join(tmpdir(), 'e2e-collect-'));
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { meta: Record<string, unknown> };
  const files = ['城东区发展和改革局', '城东区教育局'].map((name, i) => {
    const file = join(dir, `${i}.json`);
    writeFileSync(file, JSON.stringify({ ...example, meta: { ...example.meta, agency: name, title: `${name}2023年政府信息公开工作年度报告` } }));
    return file;
  });
  writeFileSync(join(dir, '名单.csv'), '单位名称,单位类型\n城东区发展和改革局,部门\n城东区教育局,部门\n城东区财政局,部门\n');
  await page.locator('input[aria-label="选择要汇总的各单位报告"]').setInputFiles([...files, join(dir, '名单.csv')]);
  await page.getByRole('region', { name: '汇总结果' }).waitFor({ timeout: 30000 });
  expect(await excel<string[]>(page, 'e.state.sheets.map((s) => s.name)')).toEqual(['Sheet1', '汇总表', '报送情况', '问题清单', '雷同']);
  await page.getByText('名单中的“城东区财政局”没有报送2023年度报告').waitFor();
  await shot(page, '17-collect');
  await page.context().close();
}, 60000);

test('Office that shows add-ins in Internet Explorer: the pane script cannot run there, legacy.js explains instead of a blank pane', async () => {
  const context = await browser.newContext({
    viewport: { width: 320, height: 900 },
    locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko',
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    // What IE11 cannot parse does not run: the pane's own bundles are withheld.
    if (url.startsWith(origin) && /\.[0-9a-f]{8}\.js$/u.test(url)) return route.abort();
    if (url.startsWith(origin)) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole('heading', { name: 'Office 版本过旧，无法运行本加载项' }).waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('WebView2');
  await shot(page, '16-legacy-engine');
  await context.close();
}, 60000);

test('no page opened in these tests reported a Content Security Policy violation', () => {
  expect(cspMessages).toEqual([]);
});
