/** Property tests over generated reports (fast-check, seeded so a failure can be replayed). */
import fc from 'fast-check';
import { runRules, type Report, type ReportValue } from '../../src/core';
import { CELLS, REQUEST_PART_COLUMNS, REQUEST_RESULT_ROWS } from '../helpers/format';
import { consistentReport, withValues, type Seed } from '../helpers/reports';

const count = fc.nat({ max: 500 });
const seedArb: fc.Arbitrary<Seed> = fc.record({
  columns: fc.array(
    fc.record({
      results: fc.array(fc.nat({ max: 60 }), { minLength: REQUEST_RESULT_ROWS.length, maxLength: REQUEST_RESULT_ROWS.length }),
      carriedOver: count,
      carriedForward: count,
    }),
    { minLength: REQUEST_PART_COLUMNS.length, maxLength: REQUEST_PART_COLUMNS.length },
  ),
  appeals: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  docs: fc.tuple(fc.tuple(count, count, count), fc.tuple(count, count, count)),
  singles: fc.record({
    licensing: fc.nat({ max: 100000 }),
    penalty: count,
    coercion: count,
    fees: fc.integer({ min: 0, max: 99999999 }).map((n) => n / 10000),
  }),
});

/** Cells that take part in an error-level sum: every T3 and T4 cell (T2 counts have no sum in the format). */
const summedCells = CELLS.filter((c) => c.table === 'requests' || c.table === 'appeals').map((c) => c.key);

const params = { numRuns: 300, seed: 20231231 };

test('a consistent report has no error', () => {
  fc.assert(
    fc.property(seedArb, (seed) => {
      expect(runRules(consistentReport(seed)).filter((f) => f.severity === 'error')).toEqual([]);
    }),
    params,
  );
});

test('changing any summed count cell by ±k gives an error that names that cell', () => {
  fc.assert(
    fc.property(
      seedArb,
      fc.constantFrom(...summedCells),
      fc.integer({ min: -40, max: 40 }).filter((k) => k !== 0),
      (seed, key, k) => {
        const report = consistentReport(seed);
        const changed = withValues(report, { [key]: (report.values[key] as number) + k });
        const errors = runRules(changed).filter((f) => f.severity === 'error');
        expect(errors.some((f) => f.cells.includes(key))).toBe(true);
      },
    ),
    params,
  );
});

const anyValue: fc.Arbitrary<ReportValue | undefined> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('-', '/', '无', '#REF!', '=A1', '１２', '12件', '251000元', '十二', '1e20', '\u00a0', '\u3000 3'),
);

test('the engine never throws, whatever is in the cells and the text', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.constantFrom(...CELLS.map((c) => c.key)), anyValue),
      fc.record({ preamble: fc.string(), overview: fc.string(), problems: fc.option(fc.string(), { nil: undefined }), other: fc.string() }),
      fc.record({ year: fc.option(fc.integer({ min: 1900, max: 2999 }), { nil: undefined }), title: fc.option(fc.string(), { nil: undefined }) }),
      fc.boolean(),
      (values, narrative, meta, withPrevious) => {
        const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Report['values'];
        const report: Report = { format: 'gov-info-annual-report/2021', meta, values: clean, narrative };
        const findings = runRules(report, { previous: withPrevious ? report : undefined });
        for (const f of findings) {
          expect(f.cells.length).toBeGreaterThan(0);
          expect(typeof f.message).toBe('string');
        }
      },
    ),
    { numRuns: 500, seed: 42 },
  );
});

test('findings are deterministic: the same report gives the same list', () => {
  fc.assert(
    fc.property(seedArb, fc.constantFrom(...summedCells), (seed, key) => {
      const r = withValues(consistentReport(seed), { [key]: null, 'active.fees': '251000元' });
      expect(runRules(r)).toEqual(runRules(JSON.parse(JSON.stringify(r)) as Report));
    }),
    { numRuns: 50, seed: 7 },
  );
});
