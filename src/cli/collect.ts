/**
 * `collect`: a supervising office's 汇总 of its region's reports. Reads every report file (files or
 * folders; one bad file is listed and the run goes on), the unit list, the parent's own report and
 * last year's folder; writes the 汇总 workbook (the standard template with the sums, and the sheets
 * 报送情况, 问题清单, 雷同) and prints what it found, as text or one JSON object.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { checkSource, placesFromReport, summarize, workbookPlan, type Grid, type RuleConfig } from '../core';
import {
  collectRegion,
  collectSheets,
  dashboardHtml,
  gridFromCsv,
  unitsFromGrid,
  type RegionResult,
  type Unit,
  type UnitReport,
  type Unreadable,
} from '../core/collect';
import { UserError } from '../errors';
import { decodeText } from '../files/text';
import { parseXlsx } from '../xlsx/read';
import { UsageError, parseArgs } from './args';
import { ioMessage, loadReport } from './load';
import { OUTPUT_KINDS, writeOutput } from './output-file';
import { loadReports } from './read-pool';

export type CollectIo = {
  out: (s: string) => void;
  err: (s: string) => void;
  config: (options: Map<string, string | true>) => Promise<RuleConfig | undefined | 'bad'>;
  /** Where a progress bar may be drawn (a terminal); none when the output goes to a file or a pipe. */
  progress?: (done: number, total: number) => void;
};

/** A one-line progress bar on stderr, redrawn in place; only for a terminal. */
export function terminalProgress(stream: NodeJS.WriteStream): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === last && done !== total) return;
    last = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    stream.write(`\r读取报告 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

const REPORT_FILE = /\.(json|xlsx|docx|html?|txt|pdf)$/iu;

/** Report files: each file given, and each folder's report files (in name order, subfolders too). */
async function reportFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue; // hidden files and Office's lock files
      if (e.isDirectory()) await walk(join(dir, e.name));
      else if (REPORT_FILE.test(e.name)) out.push(join(dir, e.name));
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) await walk(p);
    else out.push(p);
  }
  return out;
}

async function readAll(
  files: readonly string[],
  progress?: (done: number, total: number) => void,
): Promise<{ reports: UnitReport[]; unreadable: Unreadable[] }> {
  const reports: UnitReport[] = [];
  const unreadable: Unreadable[] = [];
  const loaded = await loadReports(files, progress);
  loaded.forEach((l, i) => {
    const file = files[i]!;
    if (l.ok) reports.push({ file, source: l });
    else unreadable.push({ file, message: l.message });
  });
  return { reports, unreadable };
}

/** The unit list: a .csv (UTF-8, or GB18030 as Excel in China saves it) or the first sheet of an .xlsx. */
async function readUnits(path: string): Promise<{ units: Unit[]; problems: string[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new UsageError(`无法读取单位名单 ${path}：${ioMessage(e)}`);
  }
  let grid: Grid;
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') grid = gridFromCsv(decodeText(bytes));
  else if (ext === '.xlsx') {
    try {
      grid = parseXlsx(new Uint8Array(bytes)).sheets[0]?.grid ?? [];
    } catch (e) {
      throw new UsageError(`无法读取单位名单 ${path}：${e instanceof UserError ? e.message : String(e)}`);
    }
  } else throw new UsageError('单位名单应是 .csv 或 .xlsx 文件（表头：单位名称、单位类型、上级单位、别名）');
  const list = unitsFromGrid(grid);
  if (list.units.length === 0) throw new UsageError(`单位名单 ${path} 无法使用：${list.problems.join('；')}`);
  return list;
}

/** Chart.js's browser build, inlined into the dashboard (the page fetches nothing). */
async function chartLibrary(): Promise<string> {
  return readFile(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
}

function textReport(region: RegionResult, out: string, dashboard?: string): string {
  const lines: string[] = [];
  const count = (s: string) => region.units.filter((u) => u.status === s).length;
  lines.push(
    `${region.year !== undefined ? `${region.year}年度` : ''}汇总：${region.units.length} 个单位/文件，计入汇总 ${count('included')} 个，未报送 ${count('missing')} 个，重复 ${count('duplicate')} 个，年度不符 ${count('other-year')} 个，不在名单 ${count('not-listed')} 个，无法读取 ${count('unreadable')} 个。`,
  );
  if (region.findings.length > 0) {
    lines.push('', '汇总发现的问题：');
    for (const f of region.findings) lines.push(`  ${f.severity === 'error' ? '错误' : '警告'} [${f.rule}] ${f.message}`);
  }
  const withProblems = region.units.filter((u) => u.summary && (u.summary.errors > 0 || u.summary.warnings > 0));
  if (withProblems.length > 0) {
    lines.push('', '各单位报告的问题（详见工作簿的“问题清单”）：');
    for (const u of withProblems) lines.push(`  ${u.name}：${u.summary!.errors} 个错误，${u.summary!.warnings} 个警告（${u.file}）`);
  }
  if (region.similar.length > 0) {
    lines.push('', '内容雷同：');
    for (const p of region.similar) lines.push(`  ${p.a} 与 ${p.b}：“${p.section}”${p.percent}% 相同`);
  }
  lines.push('', `已写入 ${out}（汇总表及“报送情况”“问题清单”“雷同”工作表）${dashboard ? `；图表页 ${dashboard}（可直接用浏览器打开，不需联网）` : ''}`);
  return lines.join('\n');
}

export async function collectCommand(argv: readonly string[], io: CollectIo): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    out: { takesValue: true, alias: 'o' },
    units: { takesValue: true },
    parent: { takesValue: true },
    previous: { takesValue: true },
    config: { takesValue: true },
    year: { takesValue: true },
    format: { takesValue: true },
    html: { takesValue: true },
    overwrite: { takesValue: false },
  });
  if (positional.length === 0) throw new UsageError('请指定要汇总的报告文件或文件夹');
  const out = options.get('out');
  if (typeof out !== 'string' || !out.toLowerCase().endsWith('.xlsx')) throw new UsageError('请用 -o 指定要写入的汇总工作簿（.xlsx）');
  const html = options.get('html');
  if (html !== undefined && (typeof html !== 'string' || !/\.html?$/iu.test(html))) throw new UsageError('--html 应指定一个 .html 文件');
  const format = options.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json，而不是“${String(format)}”`);
  const yearOption = options.get('year');
  const year = typeof yearOption === 'string' ? Number(yearOption) : undefined;
  if (year !== undefined && !(Number.isInteger(year) && year >= 2008 && year <= 2100)) throw new UsageError('--year 应是四位年份，如 2023');
  const config = await io.config(options);
  if (config === 'bad') return 2;

  const unitsPath = options.get('units');
  const list = typeof unitsPath === 'string' ? await readUnits(unitsPath) : undefined;
  for (const p of list?.problems ?? []) io.err(`注：${p}`);

  const files = await reportFiles(positional);
  const parentPath = options.get('parent');
  const inputs = files.filter((f) => typeof parentPath !== 'string' || f !== parentPath);
  const { reports, unreadable } = await readAll(inputs, inputs.length >= 20 ? io.progress : undefined);
  for (const u of unreadable) io.err(`错误：无法读取 ${u.file}：${u.message}`);
  let parent: UnitReport | undefined;
  if (typeof parentPath === 'string') {
    const loaded = await loadReport(parentPath);
    if (!loaded.ok) {
      io.err(`错误：无法读取上级报告 ${parentPath}：${loaded.message}`);
      return 2;
    }
    parent = { file: parentPath, source: loaded };
  }
  const previousPath = options.get('previous');
  const previous = typeof previousPath === 'string' ? (await readAll(await reportFiles([previousPath]))).reports : undefined;

  const region = collectRegion({
    reports,
    unreadable,
    ...(list ? { units: list.units } : {}),
    ...(parent ? { parent } : {}),
    ...(previous ? { previous } : {}),
    ...(config ? { config } : {}),
    ...(year !== undefined ? { year } : {}),
  });
  const plan = workbookPlan(region.revision);
  // Never written over one of its own inputs (a report, the unit list, the parent's report).
  const everyInput = [...files, ...[unitsPath, parentPath].filter((p): p is string => typeof p === 'string')];
  const { buildWorkbook } = await import('../xlsx/write');
  await writeOutput(
    out,
    await buildWorkbook({ sheets: [...plan.sheets, ...collectSheets(region)], styles: plan.styles }, placesFromReport(region.totals, region.revision)),
    options.has('overwrite'),
    OUTPUT_KINDS.xlsx,
    everyInput,
  );
  if (typeof html === 'string') await writeOutput(html, dashboardHtml(region, await chartLibrary()), options.has('overwrite'), OUTPUT_KINDS.html, everyInput);
  // The sum is a report too: its tables must add up.
  const totalsFindings = checkSource({ report: region.totals, narrative: false, oldLabels: [], problems: [], notes: [] }).filter(
    (f) => f.rule !== 'meta-agency' && f.rule !== 'deadline',
  );

  if (format === 'json') {
    io.out(
      JSON.stringify({
        ...(region.year !== undefined ? { year: region.year } : {}),
        units: region.units.map(({ source: _s, ...u }) => u),
        totals: region.totals.values,
        ...(region.previousTotals ? { previousTotals: region.previousTotals } : {}),
        findings: region.findings,
        totalsFindings,
        similar: region.similar,
        workbook: out,
        ...(typeof html === 'string' ? { dashboard: html } : {}),
      }),
    );
  } else {
    io.out(textReport(region, out, typeof html === 'string' ? html : undefined));
    const errors = totalsFindings.filter((f) => f.severity === 'error');
    if (errors.length > 0) io.out(`\n汇总表本身的错误：\n${errors.map((f) => `  错误 [${f.rule}] ${f.message}`).join('\n')}`);
  }
  const anyError =
    region.findings.some((f) => f.severity === 'error') ||
    region.units.some((u) => (u.summary ? summarize(u.findings).errors > 0 : false)) ||
    totalsFindings.some((f) => f.severity === 'error');
  return unreadable.length > 0 ? 2 : anyError ? 1 : 0;
}
