/**
 * A second revision goes through everything that depends on the format without a change outside
 * its own file (test/fixtures/revision-extra-row.ts), and last year's report may be in another one.
 */
import {
  CURRENT_REVISION,
  REVISION_2021,
  documentPlan,
  emptyReport,
  locateByLabels,
  parseReportJson,
  planAddresses,
  runRules,
  stringifyReport,
  workbookPlan,
  type Report,
} from '../../src/core';
import { reportFromBlocks } from '../../src/importers';
import { blocksFromTextDump } from '../../src/importers/blocks';
import { EXTRA_ROW_LABEL, EXTRA_ROW_REVISION as EXTRA } from '../fixtures/revision-extra-row';
import { planGrid } from '../helpers/grid';
import { toTextDump } from '../helpers/render';

const k = EXTRA.keys;
const row = 'unavailable.notInformation';

/** A report of the extra revision in which every sum holds: one request, answered by the new row. */
function consistent(): Report {
  const r = emptyReport(EXTRA);
  for (const key of Object.keys(r.values)) r.values[key] = 0;
  for (const col of ['natural', 'total']) {
    r.values[k.request('newReceived', col)] = 1;
    r.values[k.request(row, col)] = 1;
    r.values[k.request('totalHandled', col)] = 1;
  }
  r.meta = { agency: '测试县人民政府', year: 2023 };
  r.narrative = { overview: '本年收到政府信息公开申请1件。', problems: '一是公开不够及时。下一步加强培训。', other: '本年度未收取信息处理费。' };
  return r;
}

test('the revision is a value of its own, beside the 2021 one', () => {
  expect(CURRENT_REVISION).toBe(REVISION_2021);
  expect(EXTRA.id).not.toBe(REVISION_2021.id);
  expect(EXTRA.cells.length).toBe(REVISION_2021.cells.length + 7);
  expect(EXTRA.isCellKey(`requests.${row}.natural`)).toBe(true);
  expect(REVISION_2021.isCellKey(`requests.${row}.natural`)).toBe(false);
  expect(EXTRA.placeName(k.request(row, 'total'))).toBe('（四）4.不属于政府信息（总计列）');
});

test('rules: the new row is a result row — in the handled total, with its own row total', () => {
  const clean = consistent();
  expect(runRules(clean, { revision: EXTRA }).filter((f) => f.severity === 'error')).toEqual([]);

  const noRow = { ...clean, values: { ...clean.values, [k.request(row, 'natural')]: 0, [k.request(row, 'total')]: 0 } };
  const handled = runRules(noRow, { revision: EXTRA }).filter((f) => f.rule === 'handled-total');
  expect(handled.map((f) => f.cells[0])).toEqual([k.request('totalHandled', 'natural'), k.request('totalHandled', 'total')]);
  expect(handled[0]!.cells).toContain(k.request(row, 'natural'));

  const noTotal = { ...clean, values: { ...clean.values, [k.request(row, 'total')]: 0 } };
  const rowTotals = runRules(noTotal, { revision: EXTRA }).filter((f) => f.rule === 'row-total');
  expect(rowTotals.map((f) => f.cells[0])).toEqual([k.request(row, 'total')]);
});

test('the report JSON reads and writes the revision it names', () => {
  const text = stringifyReport(consistent(), EXTRA);
  expect(JSON.parse(text).format).toBe(EXTRA.id);
  const parsed = parseReportJson(text, [REVISION_2021, EXTRA]);
  expect(parsed.ok && parsed.report.values[k.request(row, 'natural')]).toBe(1);
  // Among the built-in revisions only, it is an unknown format, said so.
  const unknown = parseReportJson(text);
  expect(unknown.ok).toBe(false);
  expect(!unknown.ok && unknown.problems[0]!.path).toBe('format');
});

test('workbook plan: the data sheet has the row, with its label and seven input cells', () => {
  const plan = workbookPlan(EXTRA);
  const addresses = planAddresses(plan);
  const data = plan.sheets[0]!;
  const label = data.cells.find((c) => c.text === EXTRA_ROW_LABEL)!;
  expect(label).toBeDefined();
  for (const col of ['natural', 'total']) expect(addresses.get(k.request(row, col))).toMatchObject({ sheet: 0, row: label.row });
  const rows = (p: typeof plan) => Math.max(...p.sheets[0]!.cells.map((c) => c.row));
  expect(rows(plan)).toBe(rows(workbookPlan(REVISION_2021)) + 1);
  // The group label （四）无法提供 spans its four rows now.
  expect(data.cells.find((c) => c.text === '（四）无法提供')!.rowSpan).toBe(4);
});

test('Word plan: table 三 shows the row with its values', () => {
  const plan = documentPlan(consistent(), { revision: EXTRA });
  const t3 = plan.blocks.find((b) => b.type === 'table' && b.table === 'requests');
  expect(t3 && t3.type === 'table').toBe(true);
  if (!t3 || t3.type !== 'table') return;
  const r = t3.rows.find((x) => x.cells.some((c) => c.text === EXTRA_ROW_LABEL))!;
  expect(r.cells.filter((c) => c.kind === 'value').map((c) => c.text)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
});

test("label search: the workbook's sheet and a published text dump are read in the revision", () => {
  const report = consistent();
  const grid = planGrid(workbookPlan(EXTRA).sheets[0]!, report, EXTRA);
  const located = locateByLabels(grid, EXTRA);
  expect(located.cells.size).toBe(EXTRA.cells.length);
  expect(located.cells.has(k.request(row, 'total'))).toBe(true);

  const imported = reportFromBlocks(blocksFromTextDump(toTextDump(report, (s) => s, EXTRA)), EXTRA);
  expect(imported.report.format).toBe(EXTRA.id);
  for (const c of EXTRA.cells) expect([c.key, imported.report.values[c.key]]).toEqual([c.key, report.values[c.key]]);
});

test("across revisions: last year's 2021 report is compared on the cells both have", () => {
  const now = consistent();
  now.values[k.request('carriedOver', 'natural')] = 2;
  now.values[k.request('carriedOver', 'total')] = 2;
  now.values[k.request('carriedForward', 'natural')] = 2;
  now.values[k.request('carriedForward', 'total')] = 2;
  const last = emptyReport(REVISION_2021);
  for (const key of Object.keys(last.values)) last.values[key] = 0;
  last.meta = { year: 2022 };
  const findings = runRules(now, { revision: EXTRA, previous: last });
  // Carry-over compares the cells both reports have (last year's 四 is 0, this year's 二 is 2).
  expect(findings.filter((f) => f.rule === 'carry-over').map((f) => f.cells[0])).toEqual([
    k.request('carriedOver', 'natural'),
    k.request('carriedOver', 'total'),
  ]);
  // The new row has no counterpart last year: no cross-year rule names it, and nothing throws.
  expect(findings.some((f) => f.rule !== 'row-total' && f.cells.some((c) => c.includes(row)))).toBe(false);
});
