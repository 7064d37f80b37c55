/**
 * 汇总多个报告… in Excel: the region's sums and its lists painted into the open workbook as new
 * sheets — 汇总表 (the standard tables with the sums, no defined names: the workbook's own report
 * stays the one the add-in checks), 报送情况, 问题清单, 雷同. Never over data: a sheet name in use
 * gets the next free `名称 (n)`. Two syncs: list the sheets, write everything.
 */
import { placesFromReport, workbookPlan, type SheetPlan } from '../core';
import { collectSheets, type RegionResult } from '../core/collect';
import type { ExcelFeatures } from './read';
import { paintSheet } from './template';

export const SUM_SHEET = '汇总表';

export async function paintCollectInExcel(context: Excel.RequestContext, region: RegionResult, features: ExcelFeatures): Promise<{ sheets: string[] }> {
  const plan = workbookPlan(region.revision);
  const data = plan.sheets[0]!;
  const sheets: SheetPlan[] = [{ ...data, name: SUM_SHEET }, ...collectSheets(region)];
  const existing = context.workbook.worksheets;
  existing.load('items/name');
  await context.sync();
  const taken = new Set(existing.items.map((s) => s.name));
  const free = (name: string) => {
    let n = 1;
    let candidate = name;
    while (taken.has(candidate)) candidate = `${name} (${++n})`;
    taken.add(candidate);
    return candidate;
  };
  const values = placesFromReport(region.totals, region.revision);
  const names = sheets.map((s) => free(s.name));
  sheets.forEach((sheet, i) => {
    const ws = existing.add(names[i]!);
    paintSheet(ws, { ...sheet, name: names[i]! }, plan, sheet === sheets[0] ? values : new Map(), features);
    if (i === 0) ws.activate();
  });
  await context.sync();
  return { sheets: names };
}
