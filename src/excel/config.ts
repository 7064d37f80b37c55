/**
 * Local rules in the open workbook: 载入本地规则 writes the configuration into a hidden 本地规则
 * sheet (the sheet the CLI's `template --config` makes), replacing the one there; 改用全国规则
 * deletes that sheet. One read and one write each; report sheets and values are never touched.
 */
import { CONFIG_SHEET, STYLES, workbookPlan, type FormatRevision, type RuleConfig } from '../core';
import type { ExcelFeatures } from './read';
import { paintSheet } from './template';

export async function storeConfigInExcel(
  context: Excel.RequestContext,
  config: RuleConfig,
  features: ExcelFeatures,
  revision: FormatRevision,
): Promise<{ replaced: boolean }> {
  const sheets = context.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(CONFIG_SHEET);
  await context.sync();
  const replaced = !existing.isNullObject;
  // A sheet's protection does not stop its deletion (only the workbook's structure protection would).
  if (replaced) existing.delete();
  const plan = workbookPlan(revision, config);
  const sheet = plan.sheets.find((s) => s.name === CONFIG_SHEET)!;
  const ws = sheets.add(CONFIG_SHEET);
  paintSheet(ws, sheet, { sheets: [sheet], styles: STYLES }, new Map(), features);
  ws.visibility = 'Hidden';
  await context.sync();
  return { replaced };
}

export async function removeConfigInExcel(context: Excel.RequestContext): Promise<{ removed: boolean }> {
  const existing = context.workbook.worksheets.getItemOrNullObject(CONFIG_SHEET);
  await context.sync();
  if (existing.isNullObject) return { removed: false };
  existing.delete();
  await context.sync();
  return { removed: true };
}
