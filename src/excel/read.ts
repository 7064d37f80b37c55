/**
 * Reading the report in Excel: every place by its defined name in one batch (one sync); when a name
 * is missing, the names and sheets are listed and the report is located the one way every reader
 * does (`locateReport`: names first, labels as a fallback), then the fills of the cells found are read.
 */
import {
  CONFIG_CELL,
  CONFIG_SHEET,
  REVIEWS_SHEET,
  REGISTER_SHEET,
  CASES_SHEET,
  registerOf,
  type Register,
  a1,
  carriedConfig,
  carriedConfigOf,
  carriedReviewsOf,
  reviewsOfGrid,
  type ReadReviews,
  definedName,
  locateReport,
  parseReference,
  planAddresses,
  reportFromPlaces,
  resolveNames,
  workbookPlan,
  type CarriedConfig,
  type FormatRevision,
  type Grid,
  type LocatedReport,
  type NamedPlace,
  type Report,
  keyOfDefinedName,
} from '../core';
import { mustStop } from './errors';
import { MARK_SETTING, parseMarkStore, resolveMarks, type CellRef, type Fill, type MarkStore, type SheetIdentity } from './marks';

export type ExcelFeatures = {
  /** ExcelApi 1.8 (Excel 2021, Microsoft 365, the web): data validation and gridlines. Absent means present. */
  api18?: boolean;
  /** ExcelApi 1.9: fill pattern and tintAndShade (tell "no fill" from white), page layout, change events. */
  api19: boolean;
};

/** The sheet the report's table cells were read from, and whether it is a copy of the report sheet. */
export type CheckedSheet = { name: string; copy: boolean };

export type ExcelRead = Omit<LocatedReport, 'addresses' | 'raw'> & {
  report: Report;
  addresses: Map<string, CellRef>;
  fills: Map<string, Fill>;
  marks: MarkStore;
  /** The local rules the workbook carries (its hidden 本地规则 sheet), if any. */
  config?: CarriedConfig;
  /** The review decisions on its 核实记录 sheet, if it has one. */
  reviews?: ReadReviews;
  /** Every sheet's name and id (marks follow a sheet by its id). */
  sheets: SheetIdentity[];
  /** Where the tables were read (undefined when no table cell was found). */
  checkedSheet?: CheckedSheet;
};

const refId = (c: CellRef) => `${c.sheet}!${c.address}`;

/**
 * A place's value, address and own fill, loaded on its range in one load (navigation paths).
 * The fill pattern (ExcelApi 1.9) tells "no fill" from white; without it only the colour is known.
 */
function loadCell(range: Excel.Range, features: ExcelFeatures, withValue: boolean): void {
  const fill = features.api19 ? 'format/fill/color,format/fill/pattern,format/fill/tintAndShade' : 'format/fill/color';
  range.load(withValue ? `address,values,${fill}` : fill);
}

/**
 * A cell's own fill. Where the pattern is read as null (some hosts give null, and #FFFFFF, for both
 * "no fill" and a white fill: office-js issue #4900), tintAndShade tells them apart: null for no fill,
 * a number for any fill, as Microsoft answered there. Without ExcelApi 1.9 white counts as no fill.
 */
export function readFill(fill: Pick<Excel.RangeFill, 'color' | 'pattern' | 'tintAndShade'>, features: ExcelFeatures): Fill {
  const color = fill.color ?? null;
  if (!features.api19) return { color, none: color === null || color.toUpperCase() === '#FFFFFF' };
  const pattern = fill.pattern as string | null | undefined;
  const none = pattern === 'None' || ((pattern === null || pattern === undefined) && (fill.tintAndShade === null || fill.tintAndShade === undefined));
  return { color, none };
}

/** The sheet most of the table cells were read from. */
function tableSheet(located: LocatedReport, revision: FormatRevision, copies: ReadonlySet<string>): CheckedSheet | undefined {
  const count = new Map<string, number>();
  for (const c of revision.cells) {
    const p = located.addresses.get(c.key);
    if (p) count.set(p.sheet, (count.get(p.sheet) ?? 0) + 1);
  }
  const top = [...count].sort((a, b) => b[1] - a[1])[0];
  return top ? { name: top[0], copy: copies.has(top[0]) } : undefined;
}

function finish(
  located: LocatedReport,
  revision: FormatRevision,
  fills: Map<string, Fill>,
  marks: MarkStore,
  config: CarriedConfig | undefined,
  reviews: ReadReviews | undefined,
  sheets: SheetIdentity[],
  copies: ReadonlySet<string> = new Set(),
  register?: Register,
): ExcelRead {
  const addresses = new Map<string, CellRef>([...located.addresses].map(([k, p]) => [k, { sheet: p.sheet, address: a1(p.row, p.col) }]));
  const read: ExcelRead = {
    report: reportFromPlaces(located.raw, revision),
    via: located.via,
    narrative: located.narrative,
    oldLabels: located.oldLabels,
    addresses,
    fills,
    marks: resolveMarks(marks, sheets),
    sheets,
  };
  const checked = tableSheet(located, revision, copies);
  if (checked) read.checkedSheet = checked;
  if (config) read.config = config;
  if (reviews) {
    read.reviews = reviews;
    if (reviews.reviews.length > 0) read.report.reviews = reviews.reviews;
  }
  if (register) read.report.register = register;
  return read;
}

type Loaded = { key: string; range: Excel.Range };

/** The places of loaded ranges, with their fills. */
function placesOf(entries: readonly Loaded[], features: ExcelFeatures, named: Map<string, NamedPlace>, fills: Map<string, Fill>): void {
  for (const { key, range } of entries) {
    const ref = parseReference(range.address);
    if (!ref) continue;
    named.set(key, { key, sheet: ref.sheet, row: ref.row, col: ref.col, value: range.values[0]?.[0] ?? null });
    fills.set(refId({ sheet: ref.sheet, address: a1(ref.row, ref.col) }), readFill(range.format.fill, features));
  }
}

/** Our names scoped to a sheet: a copy of the report sheet carries them (Excel copies the names that point at it). */
function scopedKeys(names: Excel.NamedItemCollection): string[] {
  return names.items.filter((n) => n.type === 'Range' && keyOfDefinedName(n.name) !== undefined).map((n) => n.name);
}

const PLACE_KEYS = new WeakMap<FormatRevision, string[]>();
/** The places of a revision's template, planned once per revision rather than on every read. */
function placeKeysOf(revision: FormatRevision): string[] {
  let keys = PLACE_KEYS.get(revision);
  if (!keys) PLACE_KEYS.set(revision, (keys = [...planAddresses(workbookPlan(revision)).keys()]));
  return keys;
}

export async function readWorkbookReport(context: Excel.RequestContext, features: ExcelFeatures, revision: FormatRevision): Promise<ExcelRead> {
  const setting = context.workbook.settings.getItemOrNullObject(MARK_SETTING);
  setting.load('value');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  // The active sheet's own names: when it is a copy of the report sheet, it is the one to check.
  const active = sheets.getActiveWorksheet();
  active.load('name');
  const activeNames = sheets.getActiveWorksheet().names;
  activeNames.load('items/name,items/type');
  // Only a workbook that carries local rules or reviews, or an active copy, costs a second read.
  const carrier = sheets.getItemOrNullObject(CONFIG_SHEET);
  const reviewSheet = sheets.getItemOrNullObject(REVIEWS_SHEET);
  // A register workbook's rows are read with the rest of the side sheets (its tables' values are formulas' results).
  const registers = [REGISTER_SHEET, CASES_SHEET].map((name) => ({ name, sheet: sheets.getItemOrNullObject(name) }));
  const entries = placeKeysOf(revision).map((key) => {
    const range = context.workbook.names.getItem(definedName(key)).getRange();
    loadCell(range, features, true);
    return { key, range };
  });
  try {
    await context.sync();
  } catch (e) {
    // A name is missing or broken (whatever code the host gives for it): the failed batch was one
    // round trip; list names and sheets instead. Only a state no other way of reading escapes
    // (cell editing, a busy host) is passed on.
    if (mustStop(e)) throw e;
    return readByListing(context, features, revision);
  }
  const named = new Map<string, NamedPlace>();
  const fills = new Map<string, Fill>();
  placesOf(entries, features, named, fills);
  const identities = sheets.items.map((s) => ({ name: s.name, id: s.id }));
  const scoped = scopedKeys(activeNames);
  let config: CarriedConfig | undefined;
  let reviews: ReadReviews | undefined;
  let register: Register | undefined;
  const hasRegister = registers.some((r) => !r.sheet.isNullObject);
  if (!carrier.isNullObject || !reviewSheet.isNullObject || scoped.length > 0 || hasRegister) {
    const cell = carrier.isNullObject ? undefined : carrier.getRange(a1(CONFIG_CELL.row, CONFIG_CELL.col));
    cell?.load('values');
    const used = reviewSheet.isNullObject ? undefined : reviewSheet.getUsedRangeOrNullObject(true);
    used?.load('values,rowIndex,columnIndex');
    const registerUsed = registers
      .filter((r) => !r.sheet.isNullObject)
      .map((r) => {
        const range = r.sheet.getUsedRangeOrNullObject(true);
        range.load('values,rowIndex,columnIndex');
        return { name: r.name, range };
      });
    const copied = scoped.map((name) => {
      const range = activeNames.getItem(name).getRange();
      loadCell(range, features, true);
      return { key: keyOfDefinedName(name)!, range };
    });
    await context.sync();
    if (cell) config = carriedConfig(cell.values[0]?.[0]);
    if (used) reviews = reviewsOfGrid(used.isNullObject ? [] : placed(used), revision);
    if (hasRegister) register = registerOf(registerUsed.map((r) => ({ name: r.name, grid: r.range.isNullObject ? [] : placed(r.range) })));
    // The copy's cells replace the original's; what the copy has no name for (the text sheet) stays.
    placesOf(copied, features, named, fills);
  }
  const copies = new Set(scoped.length > 0 ? [active.name] : []);
  // Every name was found: nothing to look for by labels.
  const marks = parseMarkStore(setting.isNullObject ? undefined : setting.value);
  return finish(locateReport([...named.values()], [], revision), revision, fills, marks, config, reviews, identities, copies, register);
}

/** A used range's values placed at its position on the sheet (blank cells as null). */
function placed(range: Pick<Excel.Range, 'values' | 'rowIndex' | 'columnIndex'>): Grid {
  const grid: unknown[][] = [];
  range.values.forEach((row, r) => {
    grid[range.rowIndex + r] = [...new Array<unknown>(range.columnIndex).fill(null), ...row.map((v) => (v === '' ? null : v))];
  });
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid as Grid;
}

/** The slow path: names and sheets listed, the sheets' used ranges read, the report located, then the fills of the cells found. */
async function readByListing(context: Excel.RequestContext, features: ExcelFeatures, revision: FormatRevision): Promise<ExcelRead> {
  const setting = context.workbook.settings.getItemOrNullObject(MARK_SETTING);
  setting.load('value');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/value');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  active.names.load('items/name,items/type,items/value');
  await context.sync();

  const grids = await scanSheets(context, sheets.items);
  // A copy of the report sheet that is active is read by its own names, not the original's.
  const scoped = active.names.items.filter((item) => item.type === 'Range' && keyOfDefinedName(item.name) !== undefined);
  const own = new Set(scoped.map((item) => item.name));
  const listed = [...names.items.filter((item) => item.type === 'Range' && !own.has(item.name)), ...scoped].map((item) => ({
    name: item.name,
    ref: String(item.value),
  }));
  const located = locateReport(resolveNames(listed, grids), grids, revision);

  // The fills of every cell found, so marks can be undone exactly.
  const fillRanges = [...located.addresses.values()].map((p) => {
    const cell = { sheet: p.sheet, address: a1(p.row, p.col) };
    const range = sheets.getItem(cell.sheet).getRange(cell.address);
    loadCell(range, features, false);
    return { cell, range };
  });
  await context.sync();
  const fills = new Map<string, Fill>(fillRanges.map(({ cell, range }) => [refId(cell), readFill(range.format.fill, features)]));
  return finish(
    located,
    revision,
    fills,
    parseMarkStore(setting.isNullObject ? undefined : setting.value),
    carriedConfigOf(grids),
    carriedReviewsOf(grids, revision),
    sheets.items.map((x) => ({ name: x.name, id: x.id })),
    new Set(scoped.length > 0 ? [active.name] : []),
    registerOf(grids),
  );
}

/** The label search reads at most this much of each sheet: the report's tables lie near its top left. */
export const SCAN_ROWS = 1000;
export const SCAN_COLUMNS = 52;
/** At most this many cells per read, so a response stays well under Excel on the web's 5 MB payload limit. */
export const SCAN_CELLS_PER_SYNC = 200_000;

/**
 * Every sheet's values, bounded and in chunks: one read for the used ranges' sizes, then the values of
 * at most SCAN_ROWS × SCAN_COLUMNS from each used range's start, several sheets per read up to
 * SCAN_CELLS_PER_SYNC cells. A sheet whose data goes further is read only that far.
 */
async function scanSheets(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[]): Promise<{ name: string; grid: Grid }[]> {
  const used = sheets.map((s) => {
    const range = s.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return { sheet: s, range };
  });
  await context.sync();
  const windows = used.map(({ sheet, range }) => {
    if (range.isNullObject) return { sheet, box: undefined };
    const rows = Math.max(0, Math.min(range.rowCount, SCAN_ROWS - range.rowIndex));
    const cols = Math.max(0, Math.min(range.columnCount, SCAN_COLUMNS - range.columnIndex));
    return { sheet, box: rows > 0 && cols > 0 ? { row: range.rowIndex, col: range.columnIndex, rows, cols } : undefined };
  });
  const grids = new Map<Excel.Worksheet, Grid>();
  let batch: { sheet: Excel.Worksheet; range: Excel.Range; row: number; col: number }[] = [];
  let cells = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await context.sync();
    for (const b of batch) grids.set(b.sheet, placed({ values: b.range.values, rowIndex: b.row, columnIndex: b.col }));
    batch = [];
    cells = 0;
  };
  for (const w of windows) {
    if (!w.box) continue;
    const size = w.box.rows * w.box.cols;
    if (cells > 0 && cells + size > SCAN_CELLS_PER_SYNC) await flush();
    const range = w.sheet.getRangeByIndexes(w.box.row, w.box.col, w.box.rows, w.box.cols);
    range.load('values');
    batch.push({ sheet: w.sheet, range, row: w.box.row, col: w.box.col });
    cells += size;
  }
  await flush();
  return sheets.map((s) => ({ name: s.name, grid: grids.get(s) ?? [] }));
}

export { refId };
