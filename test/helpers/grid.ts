/** Renders a workbook plan sheet as a value grid (top-left of merges only), as a workbook reader sees it. */
import { placesFromReport, type Report, type SheetPlan } from '../../src/core';

export function planGrid(sheet: SheetPlan, report?: Report): unknown[][] {
  const values = report ? placesFromReport(report) : new Map<string, unknown>();
  const rows = Math.max(...sheet.cells.map((c) => c.row + c.rowSpan));
  const grid: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(sheet.columnWidths.length).fill(null));
  for (const c of sheet.cells) grid[c.row]![c.col] = c.key ? (values.get(c.key) ?? null) : c.text;
  return grid;
}
