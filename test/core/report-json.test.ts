import { readFileSync } from 'node:fs';
import { emptyReport, parseReportJson, stringifyReport } from '../../src/core';
import { CELLS, REV } from '../helpers/format';
import { EXAMPLE_PATH, consistentReport } from '../helpers/reports';

const valid = (extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'gov-info-annual-report/2021', meta: {}, values: {}, narrative: {}, ...extra });

describe('report JSON', () => {
  test('the example reads and writes back byte for byte', () => {
    const text = readFileSync(EXAMPLE_PATH, 'utf8');
    const parsed = parseReportJson(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(stringifyReport(parsed.report)).toBe(text);
  });

  test('the example keeps blanks as null and lacks the 3.其他 row', () => {
    const parsed = parseReportJson(readFileSync(EXAMPLE_PATH, 'utf8'));
    if (!parsed.ok) throw new Error('example does not parse');
    const { values } = parsed.report;
    expect(Object.values(values).filter((v) => v === null)).toHaveLength(14);
    expect(values['requests.carriedOver.natural']).toBeNull();
    expect('requests.otherHandling.other.natural' in values).toBe(false);
    expect(Object.keys(values)).toHaveLength(CELLS.length - 7);
    expect(values['active.fees']).toBe(341.5979);
  });

  test('writing is stable whatever the key order in the input', () => {
    const report = consistentReport();
    const shuffled = { ...report, values: Object.fromEntries(Object.entries(report.values).reverse()) };
    expect(stringifyReport(shuffled)).toBe(stringifyReport(report));
  });

  test('an empty report has every cell blank', () => {
    expect(Object.values(emptyReport(REV).values).every((v) => v === null)).toBe(true);
  });

  test('a BOM is accepted', () => {
    expect(parseReportJson(`\ufeff${valid()}`).ok).toBe(true);
  });

  test.each<[string, string, string, RegExp]>([
    ['not JSON', '{"format": ', '$', /不是有效的 JSON/u],
    ['syntax error has its line', '{\n  "format": "x",\n  oops\n}', '$', /第3行/u],
    ['array at top', '[]', '$', /顶层应为对象/u],
    ['wrong format', valid({ format: 'gov-info-annual-report/2019' }), 'format', /应为 "gov-info-annual-report\/2021"/u],
    ['missing format', JSON.stringify({ values: {} }), 'format', /缺失/u],
    ['missing values', JSON.stringify({ format: 'gov-info-annual-report/2021' }), 'values', /缺少 values/u],
    ['unknown top-level field', valid({ extra: 1 }), 'extra', /未知字段/u],
    [
      'unknown cell key, with a suggestion',
      valid({ values: { 'requests.newReceived.natrual': 1 } }),
      'values["requests.newReceived.natrual"]',
      /requests\.newReceived\.natural/u,
    ],
    ['unknown cell key', valid({ values: { 'foo.bar': 1 } }), 'values["foo.bar"]', /未知的单元格键/u],
    ['boolean value', valid({ values: { 'active.fees': true } }), 'values["active.fees"]', /布尔值/u],
    ['object value', valid({ values: { 'active.fees': { v: 1 } } }), 'values["active.fees"]', /对象/u],
    ['infinite number', '{"format":"gov-info-annual-report/2021","values":{"active.fees":1e400}}', 'values["active.fees"]', /超出范围/u],
    ['year as text', valid({ meta: { year: '2023' } }), 'meta.year', /年份/u],
    ['unknown body type', valid({ meta: { bodyType: 'county' } }), 'meta.bodyType', /government/u],
    ['unknown meta field', valid({ meta: { agnecy: 'x' } }), 'meta.agnecy', /agency/u],
    ['narrative not text', valid({ narrative: { overview: 3 } }), 'narrative.overview', /应为文本/u],
    ['unknown narrative field', valid({ narrative: { summary: '' } }), 'narrative.summary', /未知字段/u],
    ['unknown section title key', valid({ meta: { sectionTitles: { intro: 'x' } } }), 'meta.sectionTitles.intro', /未知的部分/u],
  ])('%s is refused, naming the place', (_name, text, path, message) => {
    const parsed = parseReportJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const problem = parsed.problems.find((p) => p.path === path);
      expect(problem).toBeDefined();
      expect(problem!.message).toMatch(message);
    }
  });

  test.each(['2024年1月31日', '2023-02-29', '下周一'])('a date that is not YYYY-MM-DD (%s) is kept as written, for meta-date to report', (date) => {
    const parsed = parseReportJson(valid({ meta: { date } }));
    expect(parsed.ok && parsed.report.meta.date).toBe(date);
  });

  test('many problems are all reported, up to a limit', () => {
    const values = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`bad.key${i}`, 1]));
    const parsed = parseReportJson(valid({ values }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toHaveLength(20);
  });
});
