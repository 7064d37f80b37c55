/**
 * One way to read a workbook: the Excel adapter and the .xlsx reader locate the report with the
 * same function, so they agree on the report, on how it was found and on whether the text was there.
 */
import { placesFromReport, workbookPlan, type Report } from '../../src/core';
import { readWorkbookReport } from '../../src/excel/read';
import { paintTemplateInExcel } from '../../src/excel/template';
import { buildWorkbook } from '../../src/xlsx/write';
import { parseXlsx, readReport } from '../../src/xlsx/read';
import { WorkbookState, excelContext } from '../doubles/excel-host';
import { REV } from '../helpers/format';
import { consistentReport, loadExample } from '../helpers/reports';

const plan = workbookPlan(REV);

async function both(report: Report, dropNames: (name: string) => boolean) {
  const values = placesFromReport(report, REV);
  const wb = parseXlsx(await buildWorkbook(plan, values));
  const file = readReport({ ...wb, names: wb.names.filter((n) => !dropNames(n.name)) }, REV);

  const state = new WorkbookState();
  state.addSheet('Sheet1');
  await paintTemplateInExcel(excelContext(state).context, plan, values, { api19: true }, REV);
  for (const name of [...state.names.keys()]) if (dropNames(name)) state.names.delete(name);
  const excel = await readWorkbookReport(excelContext(state).context, { api19: true }, REV);
  return { file, excel };
}

test.each<[string, (name: string) => boolean, 'names' | 'labels' | 'mixed']>([
  ['every name intact', () => false, 'names'],
  ['every name deleted', () => true, 'labels'],
  ["the text sheet's names deleted", (n) => /^GIR\.(meta|narrative)\./u.test(n), 'names'],
  ["the tables' names deleted", (n) => /^GIR\.(requests|active|appeals)\./u.test(n), 'labels'],
  ['some names deleted', (n) => n.startsWith('GIR.requests.disclosed'), 'mixed'],
])('%s: the same report, found the same way', async (_name, drop, via) => {
  for (const report of [consistentReport(), loadExample()]) {
    const { file, excel } = await both(report, drop);
    expect(excel.report).toEqual(file.report);
    expect([excel.via, excel.narrative, excel.oldLabels]).toEqual([file.via, file.narrative, file.oldLabels]);
    expect(file.via).toBe(via);
    expect(file.narrative).toBe(true);
  }
});

test('local rules: stored by the pane or written by the CLI, both readers find the same rules, by names or by labels', async () => {
  const { parseRuleConfig, carriedConfigOf } = await import('../../src/core');
  const { storeConfigInExcel } = await import('../../src/excel/config');
  const parsed = parseRuleConfig(
    JSON.stringify({ deadlines: { department: '01-15' }, off: ['blank-cell'], topics: { add: [{ label: '政务公开专区', words: ['专区'] }], drop: [] } }),
  );
  if (!parsed.ok) throw new Error('config');
  const values = placesFromReport(consistentReport(), REV);
  const wb = parseXlsx(await buildWorkbook(workbookPlan(REV, parsed.config), values));
  expect(carriedConfigOf(wb.sheets)).toEqual({ ok: true, config: parsed.config });
  // The rules' sheet is never taken for the report, even when every name is gone.
  expect(readReport({ ...wb, names: [] }, REV).report).toEqual(readReport(wb, REV).report);

  for (const dropNames of [false, true]) {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    await paintTemplateInExcel(excelContext(state).context, plan, values, { api19: true }, REV);
    await storeConfigInExcel(excelContext(state).context, parsed.config, { api19: true }, REV);
    if (dropNames) state.names.clear();
    const excel = await readWorkbookReport(excelContext(state).context, { api19: true }, REV);
    expect(excel.config).toEqual({ ok: true, config: parsed.config });
    expect(excel.report).toEqual(readReport(wb, REV).report);
  }
});
