/**
 * Review decisions and the one fix a check offers, in the open workbook. 已核实 rewrites the
 * 核实记录 sheet with the pane's list (one read to find the old sheet, one write); 空白填0 writes 0
 * into exactly the cells that are still blank, and 撤销 empties exactly the cells that still hold
 * that 0. Nothing else is written: no value a person typed is ever replaced.
 */
import { REVIEWS_SHEET, STYLES, reviewsSheet, type FormatRevision, type Review } from '../core';
import type { CellRef } from './marks';
import type { ExcelFeatures } from './read';
import { paintSheet } from './template';

export async function storeReviewsInExcel(
  context: Excel.RequestContext,
  reviews: readonly Review[],
  features: ExcelFeatures,
  revision: FormatRevision,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(REVIEWS_SHEET);
  await context.sync();
  if (!existing.isNullObject) existing.delete();
  if (reviews.length > 0) {
    const plan = reviewsSheet(reviews, revision);
    paintSheet(sheets.add(REVIEWS_SHEET), plan, { sheets: [plan], styles: STYLES }, new Map(), features);
  }
  await context.sync();
}

/** Reads the cells' values in one sync. */
async function valuesOf(context: Excel.RequestContext, cells: readonly CellRef[]): Promise<{ cell: CellRef; range: Excel.Range; value: unknown }[]> {
  const ranges = cells.map((cell) => {
    const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
    range.load('values');
    return { cell, range };
  });
  await context.sync();
  return ranges.map((r) => ({ ...r, value: r.range.values[0]?.[0] }));
}

/** 空白填0: 0 into those of the cells that are still blank; returns the cells written. */
export async function fillZerosInExcel(context: Excel.RequestContext, cells: readonly CellRef[]): Promise<CellRef[]> {
  const blank = (await valuesOf(context, cells)).filter((c) => c.value === '' || c.value === null || c.value === undefined);
  for (const c of blank) c.range.values = [[0]];
  if (blank.length > 0) await context.sync();
  return blank.map((c) => c.cell);
}

/** 撤销: empties those of the cells that still hold the 0 written; returns how many. */
export async function undoZerosInExcel(context: Excel.RequestContext, cells: readonly CellRef[]): Promise<{ restored: number; changed: number }> {
  const read = await valuesOf(context, cells);
  const zero = read.filter((c) => c.value === 0);
  for (const c of zero) c.range.values = [['']];
  if (zero.length > 0) await context.sync();
  return { restored: zero.length, changed: read.length - zero.length };
}
