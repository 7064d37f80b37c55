/**
 * Reads a report workbook (.xlsx): by the defined names first, by the labels as a fallback, exactly
 * as the add-in does in Excel. Runs in Node (CLI) and in the browser (Word pane).
 */
import {
  CELLS,
  keyOfDefinedName,
  locateByLabels,
  locateTextPlaces,
  parseReference,
  reportFromPlaces,
  type Report,
} from '../core';
import { MAX_XLSX_BYTES, WorkbookError, parseXlsx, type SheetData, type WorkbookData } from './parse';

export { MAX_XLSX_BYTES, WorkbookError };

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

/** Opens workbook bytes (Node Buffer or browser Uint8Array). */
export async function loadWorkbook(bytes: Uint8Array): Promise<WorkbookData> {
  return parseXlsx(bytes);
}

export function readReport(wb: WorkbookData): WorkbookRead {
  const raw = new Map<string, unknown>();
  const addresses = new Map<string, { sheet: string; row: number; col: number }>();
  const sheetByName = new Map(wb.sheets.map((s) => [s.name, s]));
  for (const dn of wb.names) {
    const key = keyOfDefinedName(dn.name);
    const ref = parseReference(dn.ref);
    if (!key || !ref) continue;
    const sheet = sheetByName.get(ref.sheet);
    if (!sheet) continue; // a dangling name (its sheet was deleted or renamed outside Excel): fall back to labels
    raw.set(key, sheet.grid[ref.row]?.[ref.col] ?? null);
    addresses.set(key, { sheet: sheet.name, row: ref.row, col: ref.col });
  }
  const byNames = CELLS.filter((c) => raw.has(c.key)).length;
  let byLabels = 0;
  const oldLabels: string[] = [];
  if (byNames < CELLS.length) {
    // Locate by labels on the sheet where they match best.
    let best: { sheet: SheetData; located: ReturnType<typeof locateByLabels> } | undefined;
    for (const sheet of wb.sheets) {
      const located = locateByLabels(sheet.grid);
      if (!best || located.cells.size > best.located.cells.size) best = { sheet, located };
    }
    if (best) {
      for (const [key, pos] of best.located.cells) {
        if (raw.has(key)) continue;
        raw.set(key, best.sheet.grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: best.sheet.name, row: pos.row, col: pos.col });
        byLabels++;
      }
      oldLabels.push(...best.located.oldLabels);
    }
  }
  let narrativeFound = [...raw.keys()].some((k) => k.startsWith('meta.') || k.startsWith('narrative.'));
  if (!narrativeFound) {
    for (const sheet of wb.sheets) {
      const located = locateTextPlaces(sheet.grid);
      if (located.size === 0) continue;
      narrativeFound = true;
      for (const [key, pos] of located) {
        raw.set(key, sheet.grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: sheet.name, row: pos.row, col: pos.col });
      }
      break;
    }
  }
  const source = byLabels === 0 ? 'names' : byNames === 0 ? 'labels' : 'mixed';
  return { report: reportFromPlaces(raw), source, narrativeFound, addresses, oldLabels };
}
