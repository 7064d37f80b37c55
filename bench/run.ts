/**
 * `npm run bench`: one JSON object per line on stdout, `{"metric", "value", "unit"}`, nothing else.
 * Progress and diagnostics go to stderr. Numbers are measured here, never asserted in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { samples } from './samples';
import { buildSync } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { documentPlan, parseReportJson, placesFromReport, runRules, stringifyReport, workbookPlan, type Report } from '../src/core';
import { CELLS, REV } from '../test/helpers/format';
import { createApp } from '../src/server/app';
import { RelayStore } from '../src/server/relay';
import { buildDocx } from '../src/word/docx';
import { importPublished, importReport } from '../src/importers';
import { toHtml } from '../test/helpers/render';
import { checkInExcel } from '../src/excel/check';
import { paintTemplateInExcel } from '../src/excel/template';
import { buildWorkbook } from '../src/xlsx/write';
import { main as cliMain } from '../src/cli/main';
import { availableParallelism } from 'node:os';
import { WorkbookState, excelContext } from '../test/doubles/excel-host';

const ROOT = join(__dirname, '..');

const round = (x: number) => Number(x.toPrecision(6));

function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ metric, value: round(value), unit })}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A median over samples, with how many there were and their spread (fastest and slowest). */
function emitSamples(metric: string, xs: number[], unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ metric, value: round(median(xs)), unit, samples: xs.length, min: round(Math.min(...xs)), max: round(Math.max(...xs)) })}\n`,
  );
}

/** The command line as users run it: the launcher, which runs the built bundle (built here first if needed). */
const CLI = [join(ROOT, 'scripts/cli.cjs')];
function cli(args: string[], maxBuffer = 512 * 1024 * 1024) {
  return spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer });
}

function loadExample(): Report {
  const parsed = parseReportJson(readFileSync(join(ROOT, 'examples/chengdong-2023.json'), 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed.report;
}

/** The example with every cell present (the missing 3.其他 row filled with 0) and a few defects, so every rule runs. */
function fullReport(): Report {
  const r = loadExample();
  const values = { ...r.values };
  for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legalService', 'other', 'total']) values[`requests.otherHandling.other.${c}`] = 0;
  values['requests.disclosed.total'] = 7;
  values['active.fees'] = '251000元';
  return { ...r, values };
}

const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Start-up: `check` on one report as a process, against `node -e 0`, alternating, in the same run. */
function benchStartup(): void {
  const built = cli(['help']);
  if (built.status !== 0) throw new Error(`cli help: exit ${built.status}; ${built.stderr.slice(0, 300)}`);
  const example = join(ROOT, 'examples/chengdong-2023.json');
  const node: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < 12; i++) {
    let t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    node.push(since(t0));
    t0 = process.hrtime.bigint();
    const r = cli(['check', example, '--format', 'json']);
    check.push(since(t0));
    if (r.status === 2) throw new Error(`check: exit 2; ${r.stderr.slice(0, 300)}`);
  }
  emitSamples('cli.startup.node.median_ms', node, 'ms');
  emitSamples('cli.startup.check.median_ms', check, 'ms');
  emit('cli.startup.check.ratioToNode', median(check) / median(node), 'x');
}

/**
 * The readers against their floors, measured in a fresh process (bench/reader-floor.ts), bundled as
 * the command line is (esbuild, one file), since that is the code users run.
 */
function readerFloors(xlsxFile: string, docxFile: string): Record<'xlsxFloor' | 'xlsxRead' | 'docxFloor' | 'docxRead', number[]> {
  const script = join(mkdtempSync(join(tmpdir(), 'bench-floor-')), 'reader-floor.cjs');
  buildSync({
    entryPoints: [join(ROOT, 'bench/reader-floor.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    keepNames: true,
    logLevel: 'error',
  });
  const r = spawnSync(process.execPath, [script, xlsxFile, docxFile], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reader floors: ${r.stderr.slice(0, 300)}`);
  return JSON.parse(r.stdout) as Record<'xlsxFloor' | 'xlsxRead' | 'docxFloor' | 'docxRead', number[]>;
}

function benchRunRules(): void {
  const report = fullReport();
  const previous = loadExample();
  emitSamples(
    'core.runRules.median_ms',
    samples(2000, 300, () => runRules(report, { previous: previous })),
    'ms',
  );
}

async function benchCli(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  try {
    const base = loadExample();
    const files: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const values = { ...base.values };
      // Vary the files: some clean, some with a sum error, some with text in a cell.
      if (i % 3 === 1) values['requests.disclosed.natural'] = 5 + (i % 7);
      if (i % 5 === 2) values['appeals.review.pending'] = '无';
      const file = join(dir, `report-${String(i).padStart(4, '0')}.json`);
      writeFileSync(file, stringifyReport({ ...base, meta: { ...base.meta, agency: `测试机关${i}` }, values }));
      files.push(file);
    }
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const r = cli(['check', '--format', 'json', ...files]);
      runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
      const lines = r.stdout.trim().split('\n').length;
      if (r.status !== 1 || lines !== 1000) throw new Error(`check on 1000 files: exit ${r.status}, ${lines} lines; ${r.stderr.slice(0, 300)}`);
    }
    emitSamples('cli.checkJson1000.seconds', runs, 's');
    // The same work in this process (no start-up, no pool): what the checking itself costs.
    const inProcess: number[] = [];
    for (let i = 0; i < 3; i++) {
      let lines = 0;
      const t0 = process.hrtime.bigint();
      await cliMain(['check', '--format', 'json', ...files], { out: () => void lines++, err: () => undefined, style: { color: false } });
      inProcess.push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (lines !== 1000) throw new Error(`check in process: ${lines} lines`);
    }
    emitSamples('cli.checkJson1000.inProcess.seconds', inProcess, 's');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A region of 1,000 unit workbooks through `collect` (汇总 workbook and dashboard), as a process:
 * wall time, and its peak memory (the child reports its own maxRSS).
 */
async function benchCollect(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-collect-'));
  try {
    const base = loadExample();
    const plan = workbookPlan(REV);
    mkdirSync(join(dir, 'units'));
    for (let i = 0; i < 1000; i++) {
      const values = { ...base.values, 'active.licensing': i, 'active.penalty': i % 17 };
      const report = { ...base, meta: { ...base.meta, agency: `测试县第${i + 1}单位` }, values };
      writeFileSync(join(dir, 'units', `unit-${String(i).padStart(4, '0')}.xlsx`), await buildWorkbook(plan, placesFromReport(report, REV)));
    }
    const script = `require('./dist-cli/cli.js').main(['collect', ${JSON.stringify(join(dir, 'units'))}, '-o', ${JSON.stringify(join(dir, 'out.xlsx'))}, '--html', ${JSON.stringify(join(dir, 'out.html'))}, '--format', 'json'], { out: () => undefined, err: () => undefined, style: { color: false } }).then((code) => { process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; });`;
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rss = /maxRSS=(\d+)/u.exec(r.stderr);
    if (!rss || r.status === 2) throw new Error(`collect on 1000 workbooks: exit ${r.status}; ${r.stderr.slice(0, 300)}`);
    emit('collect.units1000.seconds', seconds, 's');
    emit('collect.units1000.peakMB', Number(rss[1]) / 1024, 'MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Round trips of the Excel actions, counted by the host double. */
async function benchExcelSyncs(): Promise<void> {
  const plan = workbookPlan(REV);
  const template = async (report: Report) => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { context, fake } = excelContext(state);
    await paintTemplateInExcel(context, plan, placesFromReport(report, REV), { api19: true }, REV);
    return { state, syncs: fake.syncCount };
  };
  const clean = fullReport();
  clean.values['requests.disclosed.total'] = 6;
  clean.values['active.fees'] = 341.5979;
  for (const k of Object.keys(clean.values)) if (clean.values[k] === null) clean.values[k] = 0;
  // What the example lacks for a clean check: its publication date, and a government's 评议·追究 statement.
  clean.meta = { ...clean.meta, date: '2024-01-31' };
  clean.narrative = { ...clean.narrative, overview: `${clean.narrative.overview ?? ''}\n全年开展社会评议，未发生责任追究情况。` };
  const t = await template(clean);
  emit('excel.template.syncs', t.syncs, 'syncs');
  const check = async (state: WorkbookState) => {
    const { context, fake } = excelContext(state);
    const result = await checkInExcel(context, { api19: true }, REV);
    return { syncs: fake.syncCount, findings: result.findings.length };
  };
  const c1 = await check(t.state);
  if (c1.findings !== 0) throw new Error(`clean report has ${c1.findings} findings`);
  emit('excel.check.syncs.clean', c1.syncs, 'syncs');
  const noisy = { ...clean, values: { ...clean.values } };
  for (const c of CELLS.filter((x) => x.table === 'requests').slice(0, 150)) noisy.values[c.key] = null;
  const t2 = await template(noisy);
  const c2 = await check(t2.state);
  if (c2.findings < 150) throw new Error(`expected ≥150 findings, got ${c2.findings}`);
  emit('excel.check.syncs.manyFindings', c2.syncs, 'syncs');
}

async function benchXlsx(): Promise<void> {
  const plan = workbookPlan(REV);
  const values = placesFromReport(loadExample(), REV);
  for (let i = 0; i < 5; i++) await buildWorkbook(plan, values);
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = process.hrtime.bigint();
    await buildWorkbook(plan, values);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  emitSamples('xlsx.template.median_ms', times, 'ms');

  const dir = mkdtempSync(join(tmpdir(), 'bench-xlsx-'));
  try {
    const base = loadExample();
    const files: string[] = [];
    for (let i = 0; i < 200; i++) {
      const report = { ...base, values: { ...base.values } };
      if (i % 4 === 1) report.values['requests.disclosed.natural'] = 5 + (i % 3);
      const file = join(dir, `w-${i}.xlsx`);
      writeFileSync(file, await buildWorkbook(plan, placesFromReport(report, REV)));
      files.push(file);
    }
    // 1,000 workbooks (each of the 200 five times), so that the start-up is a small part of the figure.
    const batch = files.flatMap((f) => [1, 2, 3, 4, 5].map((k) => f.replace(/\.xlsx$/u, `-${k}.xlsx`)));
    files.forEach((f) => [1, 2, 3, 4, 5].forEach((k) => copyFileSync(f, f.replace(/\.xlsx$/u, `-${k}.xlsx`))));
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      const r = cli(['check', '--format', 'json', ...batch]);
      rates.push(batch.length / (Number(process.hrtime.bigint() - t0) / 1e9));
      const lines = r.stdout.trim().split('\n').length;
      if (lines !== batch.length) throw new Error(`check on ${batch.length} workbooks: exit ${r.status}, ${lines} lines; ${r.stderr.slice(0, 300)}`);
    }
    emitSamples('cli.checkXlsx.perSecond', rates, 'workbooks/s');
    emit('cli.checkXlsx.perSecondPerCore', median(rates) / Math.min(availableParallelism(), 4), 'workbooks/s');
    // The readers against their floors, in one run of a fresh process.
    const docxFile = join(dir, 'r.docx');
    writeFileSync(docxFile, await buildDocx(documentPlan(base)));
    const f = readerFloors(files[0]!, docxFile);
    emitSamples('xlsx.floor.median_ms', f.xlsxFloor, 'ms');
    emitSamples('xlsx.read.median_ms', f.xlsxRead, 'ms');
    emit('xlsx.read.ratioToFloor', median(f.xlsxRead) / median(f.xlsxFloor), 'x');
    emitSamples('import.docx.floor.median_ms', f.docxFloor, 'ms');
    emit('import.docx.ratioToFloor', median(f.docxRead) / median(f.docxFloor), 'x');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchWord(): Promise<void> {
  const plan = documentPlan(loadExample());
  let bytes = 0;
  for (let i = 0; i < 5; i++) bytes = (await buildDocx(plan)).length;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = process.hrtime.bigint();
    await buildDocx(documentPlan(loadExample()));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  emitSamples('word.build.median_ms', times, 'ms');
  // Cold: the first report of a fresh process, loading the docx library included.
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [
        '-e',
        `const t0 = process.hrtime.bigint(); const { buildDocx } = require('./src/word/docx'); const { documentPlan, parseReportJson } = require('./src/core'); const p = parseReportJson(require('fs').readFileSync('examples/chengdong-2023.json', 'utf8')); buildDocx(documentPlan(p.report)).then(() => process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6)));`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`cold Word build: ${r.stderr.slice(0, 300)}`);
    cold.push(Number(r.stdout));
  }
  emitSamples('word.build.cold_ms', cold, 'ms');
  emit('word.build.bytes', bytes, 'bytes');
}

/** Upload + download pairs through the relay on loopback, 8 at a time, for about two seconds. */
async function benchRelay(): Promise<void> {
  const relay = new RelayStore();
  const server = createServer(createApp({ root: mkdtempSync(join(tmpdir(), 'bench-root-')), relay }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const doc = await buildDocx(documentPlan(loadExample()));
  const pair = async () => {
    const up = await fetch(`${origin}/api/relay`, {
      method: 'POST',
      body: doc as BodyInit,
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Origin: origin },
    });
    const { url } = (await up.json()) as { url: string };
    const down = await fetch(origin + url);
    if ((await down.arrayBuffer()).byteLength !== doc.length) throw new Error('relay returned other bytes');
  };
  for (let i = 0; i < 20; i++) await pair();
  let done = 0;
  const t0 = process.hrtime.bigint();
  const deadline = Date.now() + 2000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < deadline && done < 20000) {
        await pair();
        done++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await new Promise<void>((r) => server.close(() => r()));
  if (relay.size !== 0) throw new Error('relay kept documents');
  emit('relay.roundTrip.perSecond', done / seconds, 'pairs/s');
}

/** Importing the example as a published .docx (our own rendering) and as a web page. */
async function benchImport(): Promise<void> {
  const report = loadExample();
  const docx = await buildDocx(documentPlan(report));
  const html = new TextEncoder().encode(toHtml(report));
  for (const [metric, name, bytes] of [
    ['import.docx.median_ms', 'r.docx', docx],
    ['import.html.median_ms', 'r.html', html],
  ] as const) {
    emitSamples(
      metric,
      samples(50, 10, () => importReport(name, bytes)),
      'ms',
    );
  }
  // A heavy web page: the example's tables after 1,000 scripts and a 4 MB inline image (about 5 MB in all).
  const scripts = Array.from({ length: 1000 }, (_, i) => `<script>var s${i} = "${'x'.repeat(900)}</div>";</script>`).join('');
  const heavy = new TextEncoder().encode(toHtml(report).replace('<body>', `<body>${scripts}<img src="data:image/png;base64,${'A'.repeat(4 * 1024 * 1024)}">`));
  if (heavy.length < 5 * 1000 * 1000) throw new Error('heavy page too small');
  emitSamples(
    'import.htmlHeavy5MB.median_ms',
    samples(10, 1, () => importReport('r.html', heavy)),
    'ms',
  );
  // A PDF of the example (LibreOffice's rendering of our Word report, kept as a fixture): pdf.js parses, the layout rebuilds the tables.
  const pdf = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/chengdong-2023.pdf')));
  for (let i = 0; i < 3; i++) await importPublished('r.pdf', pdf);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = process.hrtime.bigint();
    await importPublished('r.pdf', pdf);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  emitSamples('import.pdf.median_ms', times, 'ms');
}

/**
 * The JavaScript the task pane loads before the user acts (its page's scripts), gzipped; and what the
 * first 检查报告 adds (the workbook actions, prefetched while idle, and the result view), for the whole picture.
 */
function benchBundle(): void {
  const out = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  try {
    const statsFile = join(out, 'stats.json');
    const r = spawnSync(join(ROOT, 'node_modules/.bin/webpack'), ['--mode', 'production', '--output-path', out, `--json=${statsFile}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`webpack failed: ${r.stdout.slice(-500)}`);
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/gu)].map((m) => m[1]!).filter((src) => !/^https?:/u.test(src));
    const gz = (files: Iterable<string>) => [...files].reduce((sum, src) => sum + gzipSync(readFileSync(join(out, src)), { level: 9 }).length, 0);
    emit('taskpane.initialJs.gzipKB', gz(scripts) / 1024, 'KiB');
    type Stats = { children: { namedChunkGroups?: Record<string, { assets: { name: string }[] }> }[] };
    const groups = (JSON.parse(readFileSync(statsFile, 'utf8')) as Stats).children.find((c) => c.namedChunkGroups?.engine)?.namedChunkGroups;
    if (!groups?.engine || !groups.result) throw new Error('webpack stats: no engine or result chunk group');
    const firstCheck = new Set([...scripts, ...[...groups.engine.assets, ...groups.result.assets].map((a) => a.name).filter((n) => n.endsWith('.js'))]);
    emit('taskpane.firstCheckJs.gzipKB', gz(firstCheck) / 1024, 'KiB');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const steps: [string, () => unknown][] = [
    ['rules', benchRunRules],
    ['start-up', benchStartup],
    ['check', benchCli],
    ['Excel round trips', benchExcelSyncs],
    ['workbooks', benchXlsx],
    ['Word', benchWord],
    ['relay', benchRelay],
    ['importers', benchImport],
    ['collect', benchCollect],
    ['task pane bundle', benchBundle],
  ];
  for (const [name, step] of steps) {
    process.stderr.write(`bench: ${name}\n`);
    await step();
  }
  process.stderr.write('bench: done\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
