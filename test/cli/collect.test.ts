/**
 * `collect` on a generated region: a unit list, 30 unit reports in mixed formats (JSON, workbook,
 * Word, web page, text dump) with planted faults, a parent report with one wrong cell, one unit
 * missing, one reporting twice, one of another year, one not on the list and one unreadable file.
 * Every planted fault is found at its unit and cell, and the 汇总 is the sum of the units'.
 */
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentPlan, placesFromReport, stringifyReport, workbookPlan, type Report } from '../../src/core';
import { main } from '../../src/cli/main';
import { terminalProgress } from '../../src/cli/collect';
import { loadReport } from '../../src/cli/load';
import { loadReports } from '../../src/cli/read-pool';
import { readReportBytes } from '../../src/files/read';
import { buildDocx } from '../../src/word/docx';
import { buildWorkbook } from '../../src/xlsx/write';
import { parseXlsx } from '../../src/xlsx/read';
import { REV } from '../helpers/format';
import { toHtml, toTextDump } from '../helpers/render';
import { consistentReport, zeroSeed } from '../helpers/reports';
import { CHROMIUM_FLAGS, chromiumPath } from '../helpers/chromium';

const dir = mkdtempSync(join(tmpdir(), 'collect-'));
const inbox = join(dir, '各单位');
mkdirSync(inbox);

const NAMES = Array.from({ length: 30 }, (_, i) => `测试县第${i + 1}局`);

/** Unit i's report: consistent, its numbers scaled by i + 1 so each unit differs. */
function unitReport(i: number, name: string): Report {
  const seed = zeroSeed();
  seed.columns[0]!.results[0] = i + 1; // 自然人 予以公开
  seed.columns[1]!.results[2] = i % 3; // 商业企业 不予公开·国家秘密
  seed.columns[0]!.carriedForward = i % 2;
  seed.docs[0] = [i % 4, 0, 1];
  seed.singles = { licensing: 10 * (i + 1), penalty: i, coercion: 0, fees: 0 };
  seed.appeals[0] = [i % 2, 0, 0, 0];
  const r = consistentReport(seed);
  return {
    ...r,
    meta: { ...r.meta, agency: name, office: name, title: `${name}2023年政府信息公开工作年度报告` },
    narrative: { ...r.narrative, overview: `${name}认真落实条例，本年度第${i + 1}项工作有序推进，共办理依申请公开${i + 1}件。各项工作记录完整。` },
  };
}

const reports = NAMES.map((n, i) => unitReport(i, n));
// Planted faults.
reports[4]!.values['requests.disclosed.total'] = 999; // a row total that does not add up
reports[6]!.values['active.penalty'] = '三'; // text in a number cell: not summed
reports[8]!.meta.date = '2024-04-15'; // a department after 1月31日: late

const formats = ['json', 'xlsx', 'docx', 'html', 'txt'] as const;
const written: string[] = [];

beforeAll(async () => {
  for (const [i, r] of reports.entries()) {
    if (i === 29) continue; // 第30局 does not report
    const kind = formats[i % formats.length]!;
    const file = join(inbox, `${String(i + 1).padStart(2, '0')}-${NAMES[i]}.${kind}`);
    if (kind === 'json') writeFileSync(file, stringifyReport(r));
    else if (kind === 'xlsx') writeFileSync(file, await buildWorkbook(workbookPlan(REV), placesFromReport(r, REV)));
    else if (kind === 'docx') writeFileSync(file, await buildDocx(documentPlan(r)));
    else if (kind === 'html') writeFileSync(file, toHtml(r));
    else writeFileSync(file, toTextDump(r));
    written.push(file);
  }
  writeFileSync(join(inbox, '99-第2局-重复.json'), stringifyReport(reports[1]!)); // 第2局 twice
  writeFileSync(join(inbox, '98-上年.json'), stringifyReport({ ...reports[2]!, meta: { ...reports[2]!.meta, agency: '测试县第3局', year: 2022 } })); // another year (and a duplicate name)
  writeFileSync(join(inbox, '97-外县.json'), stringifyReport({ ...reports[3]!, meta: { ...reports[3]!.meta, agency: '邻县水利局' } })); // not on the list
  writeFileSync(join(inbox, '96-损坏.xlsx'), 'not a workbook'); // unreadable
  writeFileSync(join(dir, '名单.csv'), `\uFEFF单位名称,单位类型,上级单位,别名\n${NAMES.map((n) => `${n},部门,测试县人民政府,`).join('\n')}\n`);
}, 120000);

/** The sum of the included units (1…29 with their faults; the text cell counts as nothing). */
function expectedSum(key: string): number {
  return reports.slice(0, 29).reduce((s, r) => s + (typeof r.values[key] === 'number' ? (r.values[key] as number) : 0), 0);
}

async function collect(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['collect', ...args], { out: (s) => void (out += `${s}\n`), err: (s) => void (err += `${s}\n`), style: { color: false } });
  return { code, out, err };
}

describe('collect', () => {
  let json: {
    year: number;
    units: { name: string; status: string; file?: string; findings: { rule: string; cells: string[] }[]; onTime?: boolean }[];
    totals: Record<string, number | null>;
    findings: { rule: string; messageId: string; units: string[]; cells: string[]; message: string }[];
  };
  let parentFile = '';

  beforeAll(async () => {
    // The government's own report of the region's totals, with one cell wrong.
    const parent = unitReport(0, '测试县人民政府');
    for (const c of REV.cells) parent.values[c.key] = expectedSum(c.key);
    parent.values['active.licensing'] = expectedSum('active.licensing') + 7;
    parentFile = join(dir, '本级.json');
    writeFileSync(parentFile, stringifyReport(parent));
    const r = await collect([
      inbox,
      '--units',
      join(dir, '名单.csv'),
      '--parent',
      parentFile,
      '-o',
      join(dir, '汇总.xlsx'),
      '--html',
      join(dir, '汇总.html'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2); // an unreadable file
    json = JSON.parse(r.out);
  }, 240000);

  test('every unit is accounted for: included, missing, duplicate, other year, not listed, unreadable', () => {
    const status = (name: string) => json.units.filter((u) => u.name === name).map((u) => u.status);
    expect(json.year).toBe(2023);
    expect(json.units.filter((u) => u.status === 'included')).toHaveLength(29);
    expect(status('测试县第30局')).toEqual(['missing']);
    expect(status('测试县第2局').sort()).toEqual(['duplicate', 'included']);
    expect(status('测试县第3局').sort()).toEqual(['included', 'other-year']);
    expect(json.units.find((u) => u.file?.endsWith('97-外县.json'))!.status).toBe('not-listed');
    expect(json.units.find((u) => u.file?.endsWith('96-损坏.xlsx'))!.status).toBe('unreadable');
    const messages = json.findings.map((f) => `${f.rule} ${f.messageId} ${f.units.join(',')}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'region-units missing 测试县第30局',
        'region-units duplicate 测试县第2局',
        'region-units other-year 测试县第3局',
        'region-units not-listed 邻县水利局',
        'region-hierarchy child-missing 测试县第30局,测试县人民政府',
      ]),
    );
  });

  test('every planted fault is found at its unit and cell, in every format', () => {
    const unit = (i: number) => json.units.find((u) => u.name === NAMES[i] && u.status === 'included')!;
    expect(unit(4).findings.some((f) => f.rule === 'row-total' && f.cells[0] === 'requests.disclosed.total')).toBe(true);
    expect(unit(6).findings.some((f) => f.rule === 'whole-number' && f.cells[0] === 'active.penalty')).toBe(true);
    expect(unit(8).findings.some((f) => f.rule === 'deadline')).toBe(true);
    expect(unit(8).onTime).toBe(false);
    expect(unit(0).onTime).toBe(true);
    expect(json.findings.some((f) => f.rule === 'region-value' && f.units[0] === NAMES[6] && f.cells[0] === 'active.penalty')).toBe(true);
    // Units without a planted fault have no error, whichever format they came in.
    for (const i of [0, 1, 2, 3, 5, 7, 9, 10, 11, 12, 13, 14])
      expect([NAMES[i], unit(i).findings.filter((f) => (f as { severity?: string }).severity === 'error')]).toEqual([NAMES[i], []]);
  });

  test('the parent cell that differs is found, with the children’s numbers; the others agree', () => {
    const mismatches = json.findings.filter((f) => f.rule === 'region-hierarchy' && f.messageId === 'mismatch');
    // The wrong licensing cell; and the cells where the planted row-total and text faults make the units' sum differ from a consistent report.
    expect(mismatches.map((f) => f.cells[0])).toContain('active.licensing');
    const licensing = mismatches.find((f) => f.cells[0] === 'active.licensing')!;
    expect(licensing.message).toContain(`为${expectedSum('active.licensing') + 7}，下级单位合计为${expectedSum('active.licensing')}`);
    expect(licensing.message).toContain('测试县第1局 10');
    expect(licensing.message).toContain('相差7');
    expect(mismatches).toHaveLength(1);
  });

  test('the 汇总 is the cell-by-cell sum, and the workbook reads back as a report with its side sheets', async () => {
    for (const c of REV.cells) expect([c.key, json.totals[c.key]]).toEqual([c.key, expectedSum(c.key)]);
    const bytes = new Uint8Array(readFileSync(join(dir, '汇总.xlsx')));
    const read = await readReportBytes('汇总.xlsx', bytes);
    expect(read.report.values['active.licensing']).toBe(expectedSum('active.licensing'));
    expect(read.report.values['requests.disclosed.natural']).toBe(expectedSum('requests.disclosed.natural'));
    const sheets = parseXlsx(bytes).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['报告数据', '报告正文', '核对', '报送情况', '问题清单', '雷同']);
    const status = sheets.find((s) => s.name === '报送情况')!.grid;
    expect(status[1]).toEqual(['单位名称', '单位类型', '文件', '年度', '发布日期', '是否按时', '错误', '警告', '已核实', '与上年重复', '报送情况']);
    expect(status.some((row) => row[0] === '测试县第30局' && row[10] === '未报送')).toBe(true);
    const problems = sheets.find((s) => s.name === '问题清单')!.grid;
    expect(problems.some((row) => row[0] === NAMES[4] && row[2] === 'row-total')).toBe(true);
  });

  test('text output: a summary, the region’s problems and each unit with problems', async () => {
    const r = await collect([inbox, '--units', join(dir, '名单.csv'), '-o', join(dir, '汇总2.xlsx')]);
    expect(r.out).toContain('2023年度汇总：');
    expect(r.out).toContain('计入汇总 29 个，未报送 1 个');
    expect(r.out).toContain('名单中的“测试县第30局”没有报送2023年度报告');
    expect(r.out).toMatch(/测试县第5局：[1-9]\d* 个错误/u);
    expect(r.err).toContain('96-损坏.xlsx');
  }, 120000);

  test('LibreOffice opens the 汇总 workbook (sums recalculated nowhere: they are values)', () => {
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, '汇总.xlsx')],
      { stdio: 'ignore', timeout: 120000 },
    );
    const text = execFileSync('pdftotext', ['-layout', join(dir, '汇总.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('报送情况');
    expect(text).toContain('测试县第30局');
    expect(text).toContain(String(expectedSum('active.licensing')));
  }, 120000);

  test('the dashboard opens from disk in Chromium with nothing external: four charts drawn, the table sorts, each unit’s problems listed', async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`file://${join(dir, '汇总.html')}`);
      await page.waitForFunction(() => document.querySelectorAll('#units tbody tr').length > 0);
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      // Each chart drew something: its canvas is not blank.
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll('canvas')].map((c) => {
          const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let ink = 0;
          for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
          return ink;
        }),
      );
      expect(drawn).toHaveLength(4);
      for (const ink of drawn) expect(ink).toBeGreaterThan(500);
      await page.click('#units th[data-key="errors"]');
      await page.click('#units th[data-key="errors"]');
      expect(await page.textContent('#units tbody tr:first-child td:first-child')).toBe(NAMES[4]);
      expect(await page.textContent('#region-problems')).toContain('测试县第30局');
      expect(await page.locator('#unit-problems details').count()).toBeGreaterThanOrEqual(29);
      mkdirSync(join(__dirname, '../../test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(__dirname, '../../test-artifacts/collect-dashboard.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 120000);

  test('usage: -o must be a workbook; a unit list without 单位名称 is refused', async () => {
    expect((await collect([inbox, '-o', join(dir, 'x.json')])).code).toBe(2);
    writeFileSync(join(dir, 'bad.csv'), '名字\n甲\n');
    const r = await collect([inbox, '--units', join(dir, 'bad.csv'), '-o', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/单位名称/u);
  });
});

describe('the progress bar', () => {
  test('only on a terminal, redrawn in place, ending with a newline', () => {
    const writes: string[] = [];
    const tty = { isTTY: true, write: (s: string) => void writes.push(s) } as unknown as NodeJS.WriteStream;
    const bar = terminalProgress(tty)!;
    for (let i = 1; i <= 50; i++) bar(i, 50);
    expect(writes[0]).toMatch(/^\r读取报告 \[#?\.+\] 1\/50$/u);
    expect(writes[writes.length - 1]).toBe(`\r读取报告 [${'#'.repeat(30)}] 50/50\n`);
    expect(writes.length).toBeLessThanOrEqual(51);
    expect(terminalProgress({ isTTY: false, write: () => true } as unknown as NodeJS.WriteStream)).toBeUndefined();
  });
});

describe('reading on every core', () => {
  test('the process pool reads what one process reads, in the files’ order, bad files included', async () => {
    const files = [...written, ...written, join(inbox, '96-损坏.xlsx')].slice(0, 60);
    const pooled = await loadReports(files);
    expect(pooled).toHaveLength(files.length);
    for (const [i, file] of files.entries()) {
      const one = await loadReport(file);
      expect([file, pooled[i]]).toEqual([file, one]);
    }
  }, 120000);
});
