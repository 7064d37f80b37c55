/**
 * Reading the report in Excel: every place by its defined name in one batch (one sync); when a name
 * is missing, the names and sheets are listed and the report is located the one way every reader
 * does (`locateReport`: names first, labels as a fallback), then the fills of the cells found are read.
 */
import {
  CONFIG_CELL,
  CONFIG_SHEET,
  REVIEWS_SHEET,
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
} from '../core';
import { isNotFound } from './errors';
import { MARK_SETTING, parseMarkStore, type CellRef, type Fill, type MarkStore } from './marks';

export type ExcelFeatures = {
  /** ExcelApi 1.9: fill pattern (tells "no fill" from white) and page layout. */
  api19: boolean;
};

export type ExcelRead = Omit<LocatedReport, 'addresses' | 'raw'> & {
  report: Report;
  addresses: Map<string, CellRef>;
  fills: Map<string, Fill>;
  marks: MarkStore;
  /** The local rules the workbook carries (its hidden 本地规则 sheet), if any. */
  config?: CarriedConfig;
  /** The review decisions on its 核实记录 sheet, if it has one. */
  reviews?: ReadReviews;
};

const refId = (c: CellRef) => `${c.sheet}!${c.address}`;

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

function finish(
  located: LocatedReport,
  revision: FormatRevision,
  fills: Map<string, Fill>,
  marks: MarkStore,
  config: CarriedConfig | undefined,
  reviews: ReadReviews | undefined,
): ExcelRead {
  const addresses = new Map<string, CellRef>([...located.addresses].map(([k, p]) => [k, { sheet: p.sheet, address: a1(p.row, p.col) }]));
  const read: ExcelRead = {
    report: reportFromPlaces(located.raw, revision),
    via: located.via,
    narrative: located.narrative,
    oldLabels: located.oldLabels,
    addresses,
    fills,
    marks,
  };
  if (config) read.config = config;
  if (reviews) {
    read.reviews = reviews;
    if (reviews.reviews.length > 0) read.report.reviews = reviews.reviews;
  }
  return read;
}

export async function readWorkbookReport(context: Excel.RequestContext, features: ExcelFeatures, revision: FormatRevision): Promise<ExcelRead> {
  const setting = context.workbook.settings.getItemOrNullObject(MARK_SETTING);
  setting.load('value');
  // Only a workbook that carries local rules or reviews costs a second read (for the cells that hold them).
  const carrier = context.workbook.worksheets.getItemOrNullObject(CONFIG_SHEET);
  const reviewSheet = context.workbook.worksheets.getItemOrNullObject(REVIEWS_SHEET);
  const entries = [...planAddresses(workbookPlan(revision)).keys()].map((key) => {
    const range = context.workbook.names.getItem(definedName(key)).getRange();
    loadCell(range, features, true);
    return { key, range };
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isNotFound(e)) throw e;
    // A name is missing: the failed batch was one round trip; list names and sheets instead.
    return readByListing(context, features, revision);
  }
  const named: NamedPlace[] = [];
  const fills = new Map<string, Fill>();
  for (const { key, range } of entries) {
    const ref = parseReference(range.address);
    if (!ref) continue;
    named.push({ key, sheet: ref.sheet, row: ref.row, col: ref.col, value: range.values[0]?.[0] ?? null });
    fills.set(refId({ sheet: ref.sheet, address: a1(ref.row, ref.col) }), readFill(range.format.fill, features));
  }
  let config: CarriedConfig | undefined;
  let reviews: ReadReviews | undefined;
  if (!carrier.isNullObject || !reviewSheet.isNullObject) {
    const cell = carrier.isNullObject ? undefined : carrier.getRange(a1(CONFIG_CELL.row, CONFIG_CELL.col));
    cell?.load('values');
    const used = reviewSheet.isNullObject ? undefined : reviewSheet.getUsedRangeOrNullObject(true);
    used?.load('values,rowIndex,columnIndex');
    await context.sync();
    if (cell) config = carriedConfig(cell.values[0]?.[0]);
    if (used) reviews = reviewsOfGrid(used.isNullObject ? [] : placed(used), revision);
  }
  // Every name was found: nothing to look for by labels.
  return finish(locateReport(named, [], revision), revision, fills, parseMarkStore(setting.isNullObject ? undefined : setting.value), config, reviews);
}

/** A used range's values placed at its position on the sheet (blank cells as null). */
function placed(range: Excel.Range): Grid {
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
  sheets.load('items/name');
  await context.sync();

  const used = sheets.items.map((s) => {
    const range = s.getUsedRangeOrNullObject(true);
    range.load('values,rowIndex,columnIndex');
    return { sheet: s.name, range };
  });
  await context.sync();

  const grids = used.map((u) => ({ name: u.sheet, grid: u.range.isNullObject ? [] : placed(u.range) }));
  const listed = names.items.filter((item) => item.type === 'Range').map((item) => ({ name: item.name, ref: String(item.value) }));
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
  );
}

export { refId };
