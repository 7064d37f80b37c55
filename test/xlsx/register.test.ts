/**
 * Tables computed from the register: 申请台账 and 复议诉讼 rows in, table 三 and table 四 computed by
 * LibreOffice from the COUNTIFS formulas, read back as the report, and the rows themselves checked.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  CASES_SHEET,
  REGISTER_HEADER_ROW,
  REGISTER_SHEET,
  a1,
  checkSource,
  registerFormulas,
  registerOptions,
  workbookPlan,
  type ReportSource,
} from '../../src/core';
import { buildWorkbook } from '../../src/xlsx/write';
import { readWorkbookSource } from '../../src/xlsx/read';
import { REV } from '../helpers/format';
import { convertWithLibreOffice, withoutSavedValues } from '../helpers/libreoffice';

const plan = workbookPlan(REV, undefined, undefined, { register: true });
const o = registerOptions(REV);
const dir = mkdtempSync(join(tmpdir(), 'register-'));
const q = REV.spec.requests;

type Request = { date: string; applicant: string; result: string; carriedOver: '是' | '否'; forward: '是' | '否' };
type Case = { type: string; result: string };

/** Writes text into the register's cells (the sheet's empty input cells), and drops every formula's saved value. */
function fill(bytes: Uint8Array, requests: readonly Request[], cases: readonly Case[]): Uint8Array {
  const rows = new Map<string, string>();
  requests.forEach((r, i) =>
    [String(i + 1), r.date, r.applicant, r.result, r.carriedOver, r.forward].forEach((v, c) => v && rows.set(a1(REGISTER_HEADER_ROW + 1 + i, c), v)),
  );
  const caseRows = new Map<string, string>();
  cases.forEach((k, i) => [String(i + 1), k.type, k.result].forEach((v, c) => v && caseRows.set(a1(REGISTER_HEADER_ROW + 1 + i, c), v)));
  const part = (name: string) => `xl/worksheets/sheet${plan.sheets.findIndex((s) => s.name === name) + 1}.xml`;
  const cells = new Map([
    [part(REGISTER_SHEET), rows],
    [part(CASES_SHEET), caseRows],
  ]);
  return withoutSavedValues(bytes, (name, xml) => {
    const wanted = cells.get(name);
    if (!wanted) return xml;
    return xml.replace(/<c r="([A-Z]+\d+)" s="(\d+)"\/>/gu, (whole, ref: string, s: string) =>
      wanted.has(ref) ? `<c r="${ref}" s="${s}" t="inlineStr"><is><t>${wanted.get(ref)}</t></is></c>` : whole,
    );
  });
}

function recalculated(files: Uint8Array[]): ReportSource[] {
  const inDir = join(dir, `in-${Math.random().toString(36).slice(2)}`);
  const outDir = join(dir, 'out');
  mkdirSync(inDir);
  const paths = files.map((bytes, i) => {
    const path = join(inDir, `r${i}.xlsx`);
    writeFileSync(path, bytes);
    return path;
  });
  convertWithLibreOffice(paths, 'xlsx', outDir, `${dir}/lo-profile`);
  return paths.map((_, i) => readWorkbookSource(new Uint8Array(readFileSync(join(outDir, `r${i}.xlsx`)))));
}

const requestArb: fc.Arbitrary<Request> = fc.record({
  date: fc.integer({ min: 1, max: 28 }).map((d) => `2023-0${1 + (d % 9)}-${String(d).padStart(2, '0')}`),
  applicant: fc.constantFrom(...o.applicants.map((a) => a.label)),
  result: fc.constantFrom(...o.results.map((r) => r.label)),
  carriedOver: fc.constantFrom('是' as const, '否' as const, '否' as const),
  forward: fc.constantFrom('是' as const, '否' as const, '否' as const, '否' as const),
});
const caseArb: fc.Arbitrary<Case> = fc.record({
  type: fc.constantFrom(...o.caseTypes.map((g) => g.label)),
  result: fc.constantFrom(...o.caseResults.map((c) => c.label)),
});

/** Table 三's and 四's values, counted here from the rows the way the format defines them. */
function counted(requests: readonly Request[], cases: readonly Case[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (key: string, n = 1) => (out[key] = (out[key] ?? 0) + n);
  for (const key of registerFormulas(REV).keys()) out[key] = 0;
  for (const r of requests) {
    const a = o.applicants.find((x) => x.label === r.applicant)!.key;
    for (const col of [a, 'total']) {
      add(REV.keys.request(r.carriedOver === '是' ? q.carriedOver.key : q.newReceived.key, col));
      if (r.forward === '是') add(REV.keys.request(q.carriedForward.key, col));
      else {
        add(REV.keys.request(o.results.find((x) => x.label === r.result)!.key, col));
        add(REV.keys.request(q.totalHandled.key, col));
      }
    }
  }
  for (const c of cases) {
    const g = o.caseTypes.find((x) => x.label === c.type)!.key;
    add(REV.keys.appeal(g, o.caseResults.find((x) => x.label === c.result)!.key));
    add(REV.keys.appeal(g, 'total'));
  }
  return out;
}

const meta = new Map<string, string | number>([
  ['meta.agency', '测试县交通运输局'],
  ['meta.year', 2023],
]);

describe('a register workbook', () => {
  test('every cell of table 三 and table 四 is a formula, locked, and still named', () => {
    const data = plan.sheets[0]!;
    const formulas = registerFormulas(REV);
    expect(formulas.size).toBe(REV.cells.filter((c) => c.table === 'requests' || c.table === 'appeals').length);
    for (const c of data.cells.filter((x) => x.key && formulas.has(x.key as never))) {
      expect(c.formula?.text).toBe(formulas.get(c.key as never)!.text);
      expect(plan.styles[c.style].locked).toBe(true);
      expect(c.validation).toBeUndefined();
    }
    expect(plan.sheets.map((s) => s.name)).toEqual(['报告数据', '报告正文', '核对', '申请台账', '复议诉讼', '台账选项']);
  });

  test('LibreOffice computes the tables from random registers; they read back as the counts, and check agrees', async () => {
    const samples = fc.sample(fc.tuple(fc.array(requestArb, { maxLength: 40 }), fc.array(caseArb, { maxLength: 12 })), { numRuns: 8, seed: 2024 });
    const template = await buildWorkbook(plan, meta);
    const sources = recalculated(samples.map(([requests, cases]) => fill(template, requests, cases)));
    sources.forEach((source, i) => {
      const [requests, cases] = samples[i]!;
      const expected = counted(requests, cases);
      for (const [key, n] of Object.entries(expected)) expect([key, source.report.values[key]]).toEqual([key, n]);
      expect(source.report.register!.requests).toHaveLength(requests.length);
      // Computed tables cannot disagree: no sum is broken, and no row is flagged.
      const errors = checkSource(source).filter((f) => f.severity === 'error' && f.rule !== 'meta-unfilled');
      expect(errors.filter((f) => ['row-total', 'handled-total', 'balance', 'appeal-total', 'register-entry'].includes(f.rule))).toEqual([]);
    });
  }, 300000);

  test('rows with an unknown category, a missing result or a date outside the year are findings at their cells', async () => {
    const good: Request = { date: '2023-03-15', applicant: '自然人', result: '（一）予以公开', carriedOver: '否', forward: '否' };
    const requests: Request[] = [
      good,
      { ...good, applicant: '个人' },
      { ...good, result: '' },
      { ...good, date: '2022-12-30' },
      { ...good, carriedOver: '是', date: '' },
      { ...good, date: '三月' },
    ];
    const [source] = recalculated([fill(await buildWorkbook(plan, meta), requests, [{ type: '行政复议', result: '撤销' }])]);
    const found = checkSource(source!)
      .filter((f) => f.rule === 'register-entry')
      .map((f) => [f.messageId, f.cells[0]]);
    const row = (i: number, col: number) => `${i < 100 ? REGISTER_SHEET : CASES_SHEET}!${a1(REGISTER_HEADER_ROW + 1 + (i % 100), col)}`;
    expect(found.sort()).toEqual(
      [
        ['register.unknown', row(1, 2)],
        ['register.missing', row(2, 3)],
        ['register.date-outside', row(3, 1)],
        ['register.carried-no-date', row(4, 1)],
        ['register.bad-date', row(5, 1)],
        ['register.unknown', row(100, 2)],
      ].sort(),
    );
    // The unknown applicant's row is in no column; the row without a result breaks the balance, which check reports.
    expect(source!.report.values[REV.keys.request(q.newReceived.key, 'total')]).toBe(4);
    expect(checkSource(source!).some((f) => f.rule === 'balance')).toBe(true);
  }, 120000);
});
