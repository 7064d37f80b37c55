/**
 * `npm run bench`: one JSON object per line on stdout, `{"metric", "value", "unit"}`, nothing else.
 * Progress and diagnostics go to stderr. Numbers are measured here, never asserted in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReportJson, runRules, stringifyReport, type Report } from '../src/core';

const ROOT = join(__dirname, '..');

function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ metric, value: Number(value.toPrecision(6)), unit })}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
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

function benchRunRules(): void {
  const report = fullReport();
  const previous = loadExample();
  for (let i = 0; i < 300; i++) runRules(report, previous);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = process.hrtime.bigint();
    runRules(report, previous);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  emit('core.runRules.median_ms', median(times), 'ms');
}

function benchCli(): void {
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
    const t0 = process.hrtime.bigint();
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'check', '--format', 'json', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const lines = r.stdout.trim().split('\n').length;
    if (r.status !== 1 || lines !== 1000) throw new Error(`check on 1000 files: exit ${r.status}, ${lines} lines; ${r.stderr.slice(0, 300)}`);
    emit('cli.checkJson1000.seconds', seconds, 's');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

benchRunRules();
benchCli();
