/**
 * The checker page, built, opened from disk (file://) in Debian's Chromium with every request that
 * leaves the build folder refused and recorded: open a workbook → the findings and the marked
 * tables → click a finding → downloads; 对比上年; a published text; a broken file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { checkSource, placesFromReport, summarize, workbookPlan } from '../../src/core';
import { cellId } from '../../src/checker/Tables';
import { buildWorkbook } from '../../src/xlsx/write';
import { readWorkbookSource } from '../../src/xlsx/read';
import { CHROMIUM_FLAGS, chromiumPath } from '../helpers/chromium';
import { REV } from '../helpers/format';
import { loadExample, withValues } from '../helpers/reports';

const ROOT = join(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/checker');
const dist = mkdtempSync(join(tmpdir(), 'checker-dist-'));
const files = mkdtempSync(join(tmpdir(), 'checker-files-'));
const FAULTY_CELL = 'requests.newReceived.total';

let browser: Browser;
const external: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  const build = spawnSync(join(ROOT, 'node_modules/.bin/webpack'), ['--mode', 'production', '--output-path', dist], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`webpack failed: ${build.stdout.slice(-1500)}`);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, '--no-first-run'] });
  mkdirSync(ARTIFACTS, { recursive: true });
  const faulty = withValues(loadExample(), { [FAULTY_CELL]: 40 });
  writeFileSync(join(files, '城东区2023.xlsx'), await buildWorkbook(workbookPlan(REV), placesFromReport(faulty, REV)));
  writeFileSync(join(files, '损坏.xlsx'), Buffer.from('PK\u0003\u0004 not really a workbook'));
  const lastYear = withValues(
    { ...loadExample(), meta: { ...loadExample().meta, year: 2022, date: '2023-01-31', title: undefined } },
    {
      'requests.carriedForward.natural': 5,
    },
  );
  writeFileSync(join(files, '城东区2022.json'), JSON.stringify(lastYear));
}, 240000);

afterAll(async () => {
  await browser?.close();
});

async function openChecker(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`file://${dist}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/iu.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`file://${dist}/checker.html`);
  await page.getByRole('heading', { name: '政府信息公开年报检查' }).waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false, animations: 'disabled' });

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }).catch(async (e: unknown) => {
      await shot(page, `failed-${button}`);
      throw e;
    }),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

test('open a workbook from disk → findings and marked tables → click → downloads, with no request leaving the folder', async () => {
  const page = await openChecker();
  await page.locator('input[aria-label="选择要检查的报告文件"]').setInputFiles(join(files, '城东区2023.xlsx'));
  const expected = summarize(checkSource(readWorkbookSource(readFileSync(join(files, '城东区2023.xlsx')))));
  expect(expected.errors).toBeGreaterThan(0);
  await page.getByRole('heading', { name: `城东区人民政府：${expected.errors} 个错误，${expected.warnings} 个警告` }).waitFor();
  await shot(page, '01-checked');

  // The total is filled red in the drawn table; the finding takes the user to it.
  const total = page.locator(`#${cellId(FAULTY_CELL)}`);
  expect(await total.getAttribute('data-mark')).toBe('error');
  expect(await total.textContent()).toBe('40');
  await page.getByRole('button', { name: /^错误：一、本年新收申请（总计列）为40/u }).click();
  await page.waitForFunction((id) => document.activeElement?.id === id, cellId(FAULTY_CELL));
  await shot(page, '02-selected');

  const word = await download(page, '下载Word报告');
  expect(word.name).toBe('城东区人民政府2023年政府信息公开工作年度报告.docx');
  expect(await (await JSZip.loadAsync(word.bytes)).file('word/document.xml')!.async('string')).toContain('城东区人民政府2023年政府信息公开工作年度报告');

  const marked = await download(page, '下载标出问题的工作簿');
  const source = readWorkbookSource(new Uint8Array(marked.bytes));
  expect(source.report.values[FAULTY_CELL]).toBe(40);
  // The total's cell carries a style whose fill is the error mark's.
  const zip = await JSZip.loadAsync(marked.bytes);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const ref = source.addresses![FAULTY_CELL]!.split('!')[1]!;
  const style = Number(new RegExp(`<c r="${ref}" s="(\\d+)"`, 'u').exec(sheet)![1]);
  const xf = [...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*fillId="(\d+)"/gu)][style]!;
  const fill = [...styles.split('<fills')[1]!.matchAll(/<fill>(.*?)<\/fill>/gu)][Number(xf[1])]![1];
  expect(fill).toContain('FFFFC7CE');

  const list = await download(page, '下载问题清单');
  expect(list.name).toBe('城东区人民政府2023年度报告问题清单.xlsx');
  expect(await (await JSZip.loadAsync(list.bytes)).file('xl/worksheets/sheet1.xml')!.async('string')).toContain('本年新收申请');

  // 空白填0 fills the blank cells, checked again.
  await page.getByRole('button', { name: /空白填0（21个单元格）/u }).click();
  await page.getByText(/已把21个空白单元格填为0/u).waitFor();

  // 对比上年: last year's carry-forward of 5 no longer matches this year's carry-over.
  await page.locator('input[aria-label="选择上年报告文件"]').setInputFiles(join(files, '城东区2022.json'));
  await page.getByText(/已载入上年报告“城东区2022.json”（2022年度）/u).waitFor();
  await page.getByRole('button', { name: /自然人列：本年“二、上年结转”为0，但上年报告“四、结转下年度继续办理”为5/u }).waitFor();
  await shot(page, '03-previous');

  expect(external).toEqual([]);
  expect(problems).toEqual([]);
}, 120000);

test('a published text dump is read by the importer loaded from disk; a broken workbook gets a message in Chinese', async () => {
  const page = await openChecker();
  await page.locator('input[aria-label="选择要检查的报告文件"]').setInputFiles(join(ROOT, 'examples/chengdong-2023-report.txt'));
  await page.getByRole('heading', { name: /^城东区人民政府：\d+ 个错误，\d+ 个警告/u }).waitFor();
  await page.locator('input[aria-label="选择要检查的报告文件"]').setInputFiles(join(files, '损坏.xlsx'));
  await page.getByText('未能检查报告').waitFor();
  expect(await page.getByRole('alert').or(page.locator('[role="group"]')).count()).toBeGreaterThan(0);
  await shot(page, '04-broken');
  expect(external).toEqual([]);
  expect(problems).toEqual([]);
}, 60000);
