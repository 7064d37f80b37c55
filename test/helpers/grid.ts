/** Renders a workbook plan sheet as a value grid (top-left of merges only), as a workbook reader sees it. */
import { placesFromReport, type FormatRevision, type Report, type SheetPlan } from '../../src/core';
import { REV } from './format';

export function planGrid(sheet: SheetPlan, report?: Report, revision: FormatRevision = REV): unknown[][] {
  const values = report ? placesFromReport(report, revision) : new Map<string, unknown>();
  const rows = Math.max(...sheet.cells.map((c) => c.row + c.rowSpan));
  const grid: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(sheet.columnWidths.length).fill(null));
  for (const c of sheet.cells) grid[c.row]![c.col] = c.key ? (values.get(c.key) ?? null) : c.text;
  return grid;
}
