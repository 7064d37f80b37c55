/**
 * The workbook that checks itself: the 核对 sheet's formulas agree with `check` on every linear
 * check — as saved by us, and as LibreOffice computes them from the formulas alone.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  DATA_SHEET,
  DEFAULT_CONFIG,
  VERIFY_HEADER_ROW,
  VERIFY_SHEET,
  VERIFY_STATUS,
  VERIFY_SUMMARY,
  definedName,
  placesFromReport,
  planAddresses,
  runRules,
  verifiableChecks,
  workbookPlan,
  type LinearCheck,
  type Report,
} from '../../src/core';
import { buildWorkbook } from '../../src/xlsx/write';
import { parseXlsx, readWorkbookSource } from '../../src/xlsx/read';
import { CELLS, REV } from '../helpers/format';
import { convertWithLibreOffice, withoutSavedValues } from '../helpers/libreoffice';
import { consistentReport, loadExample, withValues, type Seed } from '../helpers/reports';

const plan = workbookPlan(REV);
const checks = verifiableChecks(REV);
const verifyIndex = plan.sheets.findIndex((s) => s.name === VERIFY_SHEET);
const STATUS_COL = 9;
const dir = mkdtempSync(join(tmpdir(), 'verify-sheet-'));

/** Each check's identity as its finding carries it: the rule and the first cell. */
const idOf = (c: LinearCheck) => `${c.rule}|${c.left[0]!.key}`;

/** The checks `check` reports as failing on a report. */
function failing(report: Report): Set<string> {
  return new Set(runRules(report).map((f) => `${f.rule}|${f.cells[0]}`));
}

/** The statuses the 核对 sheet of a workbook shows, by check, and its count of failing checks. */
function statuses(bytes: Uint8Array): { byCheck: Map<string, unknown>; failed: unknown } {
  const wb = parseXlsx(bytes);
  const sheet = wb.sheets.find((s) => s.name === VERIFY_SHEET)!;
  const byCheck = new Map<string, unknown>();
  checks.forEach((c, i) => byCheck.set(idOf(c), sheet.grid[VERIFY_HEADER_ROW + 1 + i]?.[STATUS_COL]));
  return { byCheck, failed: sheet.grid[VERIFY_SUMMARY.row]?.[VERIFY_SUMMARY.col] };
}

function expectAgreement(report: Report, shown: { byCheck: Map<string, unknown>; failed: unknown }): void {
  const failed = failing(report);
  const expected = new Map(checks.map((c) => [idOf(c), failed.has(idOf(c)) ? VERIFY_STATUS.failed : VERIFY_STATUS.ok]));
  expect(shown.byCheck).toEqual(expected);
  expect(shown.failed).toBe([...expected.values()].filter((s) => s === VERIFY_STATUS.failed).length);
}

const count = fc.nat({ max: 400 });
const seedArb: fc.Arbitrary<Seed> = fc.record({
  columns: fc.array(
    fc.record({
      results: fc.array(fc.nat({ max: 40 }), { minLength: REV.resultRows.length, maxLength: REV.resultRows.length }),
      carriedOver: count,
      carriedForward: count,
    }),
    { minLength: 6, maxLength: 6 },
  ),
  appeals: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  docs: fc.tuple(fc.tuple(count, count, count), fc.tuple(count, count, count)),
  singles: fc.record({ licensing: count, penalty: count, coercion: count, fees: fc.integer({ min: 0, max: 999999 }).map((n) => n / 10000) }),
});
const countKeys = CELLS.filter((c) => c.kind === 'count').map((c) => c.key);
/** Consistent reports, and the same with planted faults: changed counts and blanked cells. */
const reportArb: fc.Arbitrary<Report> = fc
  .tuple(seedArb, fc.array(fc.tuple(fc.constantFrom(...countKeys), fc.oneof(fc.integer({ min: -30, max: 30 }), fc.constant(null))), { maxLength: 4 }))
  .map(([seed, faults]) => {
    const report = consistentReport(seed);
    const changes: Record<string, number | null> = {};
    for (const [key, k] of faults) changes[key] = k === null ? null : Math.max(0, (report.values[key] as number) + k);
    return withValues(report, changes);
  });

describe('the 核对 sheet', () => {
  test('lists every linear check of one year, and none that needs last year', () => {
    expect(checks.length).toBeGreaterThan(30);
    const rules = new Set(checks.map((c) => c.rule));
    expect([...rules].sort()).toEqual(['appeal-total', 'balance', 'handled-total', 'in-force-bound', 'row-total']);
    const sheet = plan.sheets[verifyIndex]!;
    const statusCells = sheet.cells.filter((c) => c.col === STATUS_COL && c.row > VERIFY_HEADER_ROW);
    expect(statusCells).toHaveLength(checks.length);
    // The formulas name only the report's own defined names.
    const names = new Set([...planAddresses(plan).keys()].map(definedName));
    for (const c of sheet.cells.filter((x) => x.formula))
      for (const name of c.formula!.text.match(/GIR\.[A-Za-z.]+/gu) ?? []) expect(names.has(name)).toBe(true);
    // Switched-off rules are not listed.
    const withoutBalance = workbookPlan(REV, { ...DEFAULT_CONFIG, off: ['balance'] }).sheets.find((s) => s.name === VERIFY_SHEET)!;
    expect(withoutBalance.cells.filter((c) => c.col === STATUS_COL && c.row > VERIFY_HEADER_ROW)).toHaveLength(checks.length - 7);
  });

  test('every total of a check gets a conditional format on the data sheet', () => {
    const data = plan.sheets.find((s) => s.name === DATA_SHEET)!;
    const addresses = planAddresses(plan);
    const coloured = new Set(data.conditionalFormats!.map((f) => `${f.row},${f.col}`));
    for (const c of checks) {
      const at = addresses.get(c.left[0]!.key)!;
      expect(coloured.has(`${at.row},${at.col}`)).toBe(true);
    }
  });

  test('is not read as part of the report', async () => {
    const example = loadExample();
    const bytes = await buildWorkbook(plan, placesFromReport(example, REV));
    const source = readWorkbookSource(new Uint8Array(bytes));
    for (const [key, value] of Object.entries(example.values)) expect([key, source.report.values[key]]).toEqual([key, value]);
    expect(Object.values(source.addresses!).some((a) => a.startsWith(VERIFY_SHEET))).toBe(false);
  });

  test('the values we save with the formulas agree with check (property)', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (report) => {
        expectAgreement(report, statuses(await buildWorkbook(plan, placesFromReport(report, REV))));
      }),
      { numRuns: 60, seed: 16 },
    );
  });

  test('text in a summed cell shows 含非数值, a blank counts as 0', async () => {
    const report = consistentReport();
    const total = checks[0]!.left[0]!.key;
    const bytes = await buildWorkbook(plan, placesFromReport(withValues(report, { [total]: '十二' }), REV));
    expect(statuses(bytes).byCheck.get(idOf(checks[0]!))).toBe(VERIFY_STATUS.notNumber);
  });

  test('LibreOffice computes the same statuses from the formulas alone (property over random reports)', async () => {
    const reports = fc.sample(reportArb, { numRuns: 24, seed: 2023 });
    reports.push(consistentReport(), loadExample());
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    mkdirSync(inDir);
    const files: string[] = [];
    for (const [i, report] of reports.entries()) {
      const file = join(inDir, `r${String(i).padStart(2, '0')}.xlsx`);
      writeFileSync(file, withoutSavedValues(await buildWorkbook(plan, placesFromReport(report, REV))));
      files.push(file);
    }
    // No saved value is left for LibreOffice to show: what it saves it computed.
    expect(statuses(readFileSync(files[0]!)).failed).toMatch(/^=COUNTIF/u);
    convertWithLibreOffice(files, 'xlsx', outDir, `${dir}/lo-profile`);
    let faulty = 0;
    for (const [i, report] of reports.entries()) {
      const shown = statuses(readFileSync(join(outDir, `r${String(i).padStart(2, '0')}.xlsx`)));
      expectAgreement(report, shown);
      if ((shown.failed as number) > 0) faulty++;
    }
    // The sample holds both kinds.
    expect(faulty).toBeGreaterThan(5);
    expect(faulty).toBeLessThan(reports.length);
  }, 300000);
});
