/**
 * Reads a report workbook (.xlsx) with ExcelJS: by the defined names first, by the labels as a
 * fallback, exactly as the add-in does in Excel.
 */
import ExcelJS from 'exceljs';
import {
  CELLS,
  NAME_PREFIX,
  keyOfDefinedName,
  locateByLabels,
  locateTextPlaces,
  parseReference,
  reportFromPlaces,
  type Grid,
  type Report,
} from '../core';

export type WorkbookRead = {
  report: Report;
  /** How the report's cells were found. */
  source: 'names' | 'labels' | 'mixed';
  /** Whether the text sheet (metadata and narrative) was found. */
  narrativeFound: boolean;
  /** Place key → sheet and 0-based cell. */
  addresses: Map<string, { sheet: string; row: number; col: number }>;
  oldLabels: string[];
};

export class WorkbookError extends Error {}

/** A cell's value as the report reader understands it: computed results, text of rich text, error codes. */
export function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}-${String(value.getUTCDate()).padStart(2, '0')}`;
  if (typeof value !== 'object') return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined) return `=${'formula' in value ? value.formula : value.sharedFormula}`;
    return cellValue(result);
  }
  if ('text' in value) return (value as { text: unknown }).text;
  return null;
}

function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const grid: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged cells repeat the master's value in ExcelJS; keep it in the top-left only.
      values[c - 1] = cell.isMerged && cell.master !== cell ? null : cellValue(cell.value);
    });
    grid[r - 1] = values;
  });
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

/** Limits against hostile files: the workbook is parsed in memory. */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  if (buffer.length > MAX_XLSX_BYTES) throw new WorkbookError(`文件过大（上限 ${MAX_XLSX_BYTES / 1048576} MB）`);
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw new WorkbookError('不是 Excel 工作簿（.xlsx）文件');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError('工作簿已损坏或不是 .xlsx 格式，无法打开');
  }
  return wb;
}

export function readReport(wb: ExcelJS.Workbook): WorkbookRead {
  const raw = new Map<string, unknown>();
  const addresses = new Map<string, { sheet: string; row: number; col: number }>();
  for (const dn of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const key = keyOfDefinedName(dn.name);
    const ref = dn.ranges[0] ? parseReference(dn.ranges[0]) : undefined;
    if (!key || !ref) continue;
    const ws = wb.getWorksheet(ref.sheet);
    if (!ws) continue; // a dangling name (its sheet was deleted): fall back to labels
    raw.set(key, cellValue(ws.getCell(ref.row + 1, ref.col + 1).value));
    addresses.set(key, { sheet: ws.name, row: ref.row, col: ref.col });
  }
  const byNames = CELLS.filter((c) => raw.has(c.key)).length;
  let byLabels = 0;
  const oldLabels: string[] = [];
  if (byNames < CELLS.length) {
    // Locate by labels on the sheet where they match best.
    let best: { ws: ExcelJS.Worksheet; grid: Grid; located: ReturnType<typeof locateByLabels> } | undefined;
    wb.eachSheet((ws) => {
      const grid = sheetGrid(ws);
      const located = locateByLabels(grid);
      if (!best || located.cells.size > best.located.cells.size) best = { ws, grid, located };
    });
    if (best) {
      for (const [key, pos] of best.located.cells) {
        if (raw.has(key)) continue;
        raw.set(key, best.grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: best.ws.name, row: pos.row, col: pos.col });
        byLabels++;
      }
      oldLabels.push(...best.located.oldLabels);
    }
  }
  const textPlaces = [...raw.keys()].some((k) => k.startsWith('meta.') || k.startsWith('narrative.'));
  let narrativeFound = textPlaces;
  if (!textPlaces) {
    wb.eachSheet((ws) => {
      if (narrativeFound) return;
      const grid = sheetGrid(ws);
      const located = locateTextPlaces(grid);
      if (located.size === 0) return;
      narrativeFound = true;
      for (const [key, pos] of located) {
        raw.set(key, grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: ws.name, row: pos.row, col: pos.col });
      }
    });
  }
  const source = byLabels === 0 ? 'names' : byNames === 0 ? 'labels' : 'mixed';
  return { report: reportFromPlaces(raw), source, narrativeFound, addresses, oldLabels };
}

export { NAME_PREFIX };
