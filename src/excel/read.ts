/**
 * Reading the report in Excel: every place by its defined name in one batch (one sync); when names
 * are missing, the names and sheets are listed and the report is located by its labels (three syncs).
 */
import {
  CELLS,
  definedName,
  keyOfDefinedName,
  locateByLabels,
  locateTextPlaces,
  parseReference,
  planAddresses,
  reportFromPlaces,
  workbookPlan,
  a1,
  type Grid,
  type Report,
} from '../core';
import { isNotFound } from './errors';
import { MARK_SETTING, parseMarkStore, type CellRef, type Fill, type MarkStore } from './marks';

export type ExcelFeatures = {
  /** ExcelApi 1.9: fill pattern (tells "no fill" from white) and page layout. */
  api19: boolean;
};

export type ExcelRead = {
  report: Report;
  source: 'names' | 'labels' | 'mixed';
  narrativeFound: boolean;
  oldLabels: string[];
  addresses: Map<string, CellRef>;
  fills: Map<string, Fill>;
  marks: MarkStore;
  syncs: number;
};

const PLACES = [...planAddresses(workbookPlan()).keys()];

const refId = (c: CellRef) => `${c.sheet}!${c.address}`;

function toCellRef(address: string): CellRef | undefined {
  const p = parseReference(address);
  return p ? { sheet: p.sheet, address: a1(p.row, p.col) } : undefined;
}

/**
 * A place's value, address and own fill, loaded on its range in one load (navigation paths).
 * The fill pattern (ExcelApi 1.9) tells "no fill" from white; without it only the colour is known.
 */
function loadCell(range: Excel.Range, features: ExcelFeatures, withValue: boolean): void {
  if (withValue && features.api19) range.load('address,values,format/fill/color,format/fill/pattern');
  else if (withValue) range.load('address,values,format/fill/color');
  else if (features.api19) range.load('format/fill/color,format/fill/pattern');
  else range.load('format/fill/color');
}

function readFill(fill: Excel.RangeFill, features: ExcelFeatures): Fill {
  const color = fill.color ?? null;
  const none = features.api19 ? fill.pattern === 'None' : color === null || color.toUpperCase() === '#FFFFFF';
  return { color, none };
}

export async function readWorkbookReport(context: Excel.RequestContext, features: ExcelFeatures): Promise<ExcelRead> {
  const setting = context.workbook.settings.getItemOrNullObject(MARK_SETTING);
  setting.load('value');
  const entries = PLACES.map((key) => {
    const range = context.workbook.names.getItem(definedName(key)).getRange();
    loadCell(range, features, true);
    return { key, range };
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isNotFound(e)) throw e;
    // A name is missing: the failed batch was one round trip; list names and sheets instead.
    const slow = await readByListing(context, features);
    return { ...slow, syncs: slow.syncs + 1 };
  }
  const raw = new Map<string, unknown>();
  const addresses = new Map<string, CellRef>();
  const fills = new Map<string, Fill>();
  for (const { key, range } of entries) {
    const cell = toCellRef(range.address);
    if (!cell) continue;
    raw.set(key, range.values[0]?.[0] ?? null);
    addresses.set(key, cell);
    fills.set(refId(cell), readFill(range.format.fill, features));
  }
  return {
    report: reportFromPlaces(raw),
    source: 'names',
    narrativeFound: true,
    oldLabels: [],
    addresses,
    fills,
    marks: parseMarkStore(setting.isNullObject ? undefined : setting.value),
    syncs: 1,
  };
}

/** The slow path: names listed, sheets scanned for labels, then the fills of the cells found. */
async function readByListing(context: Excel.RequestContext, features: ExcelFeatures): Promise<ExcelRead> {
  const setting = context.workbook.settings.getItemOrNullObject(MARK_SETTING);
  setting.load('value');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/value');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();

  const sheetNames = new Set(sheets.items.map((s) => s.name));
  const named: { key: string; range: Excel.Range }[] = [];
  for (const item of names.items) {
    const key = keyOfDefinedName(item.name);
    const ref = item.type === 'Range' ? parseReference(String(item.value)) : undefined;
    if (!key || !ref || !sheetNames.has(ref.sheet)) continue;
    const range = sheets.getItem(ref.sheet).getRange(a1(ref.row, ref.col));
    range.load('address,values');
    named.push({ key, range });
  }
  const used = sheets.items.map((s) => {
    const range = s.getUsedRangeOrNullObject(true);
    range.load('values,rowIndex,columnIndex');
    return { sheet: s.name, range };
  });
  await context.sync();

  const raw = new Map<string, unknown>();
  const addresses = new Map<string, CellRef>();
  for (const { key, range } of named) {
    const cell = toCellRef(range.address);
    if (!cell) continue;
    raw.set(key, range.values[0]?.[0] ?? null);
    addresses.set(key, cell);
  }
  const byNames = CELLS.filter((c) => raw.has(c.key)).length;
  // Grids with the used range placed at its position on the sheet.
  const grids = used
    .filter((u) => !u.range.isNullObject)
    .map((u) => {
      const grid: unknown[][] = [];
      u.range.values.forEach((row, r) => {
        grid[u.range.rowIndex + r] = [...new Array<unknown>(u.range.columnIndex).fill(null), ...row.map((v) => (v === '' ? null : v))];
      });
      for (let r = 0; r < grid.length; r++) grid[r] ??= [];
      return { sheet: u.sheet, grid: grid as Grid };
    });
  let byLabels = 0;
  const oldLabels: string[] = [];
  if (byNames < CELLS.length) {
    const best = grids
      .map((g) => ({ ...g, located: locateByLabels(g.grid) }))
      .sort((a, b) => b.located.cells.size - a.located.cells.size)[0];
    if (best) {
      for (const [key, pos] of best.located.cells) {
        if (raw.has(key)) continue;
        raw.set(key, best.grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: best.sheet, address: a1(pos.row, pos.col) });
        byLabels++;
      }
      oldLabels.push(...best.located.oldLabels);
    }
  }
  let narrativeFound = [...raw.keys()].some((k) => k.startsWith('narrative.'));
  if (!narrativeFound) {
    for (const g of grids) {
      const located = locateTextPlaces(g.grid);
      if (located.size === 0) continue;
      narrativeFound = true;
      for (const [key, pos] of located) {
        raw.set(key, g.grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: g.sheet, address: a1(pos.row, pos.col) });
      }
      break;
    }
  }

  // The fills of every cell found, so marks can be undone exactly.
  const fillRanges = [...addresses.values()].map((cell) => {
    const range = sheets.getItem(cell.sheet).getRange(cell.address);
    loadCell(range, features, false);
    return { cell, range };
  });
  await context.sync();
  const fills = new Map<string, Fill>(fillRanges.map(({ cell, range }) => [refId(cell), readFill(range.format.fill, features)]));

  return {
    report: reportFromPlaces(raw),
    source: byLabels === 0 ? 'names' : byNames === 0 ? 'labels' : 'mixed',
    narrativeFound,
    oldLabels,
    addresses,
    fills,
    marks: parseMarkStore(setting.isNullObject ? undefined : setting.value),
    syncs: 3,
  };
}

export { refId };
