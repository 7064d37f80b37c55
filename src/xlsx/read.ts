/**
 * Reads a report workbook (.xlsx) the one way every reader does (`locateReport`: names first, the
 * labels as a fallback), exactly as the add-in does in Excel. Runs in Node (CLI) and in the browser.
 */
import {
  CURRENT_REVISION,
  a1,
  carriedConfigOf,
  carriedReviewsOf,
  locateReport,
  locatedNotes,
  registerOf,
  VERIFY_SHEET,
  reportFromPlaces,
  resolveNames,
  type FormatRevision,
  type LocatedReport,
  type Report,
  type ReportSource,
} from '../core';
import { MAX_XLSX_BYTES, WorkbookError, parseXlsx, type WorkbookData } from './parse';

export { MAX_XLSX_BYTES, WorkbookError, parseXlsx };

const SKIPPED: ReadonlySet<string> = new Set([VERIFY_SHEET]);

export type WorkbookRead = LocatedReport & { report: Report };

export function readReport(wb: WorkbookData, revision: FormatRevision = CURRENT_REVISION): WorkbookRead {
  const located = locateReport(resolveNames(wb.names, wb.sheets), wb.sheets, revision);
  return { ...located, report: reportFromPlaces(located.raw, revision) };
}

/** A workbook's report as a source; a workbook without the report's tables is refused with what was looked for. */
export function readWorkbookSource(bytes: Uint8Array, revision: FormatRevision = CURRENT_REVISION): ReportSource {
  // The 核对 sheet is formulas over the report's own cells: never input, so its cells are not read.
  const wb = parseXlsx(bytes, { skipSheets: SKIPPED });
  const read = readReport(wb, revision);
  if (!revision.cells.some((c) => read.report.values[c.key] !== undefined)) {
    throw new WorkbookError('工作簿中没有找到报告表格：既没有本工具生成的名称，也没有找到“自然人”“本年制发件数”“行政复议”等表头');
  }
  const source: ReportSource = { report: read.report, narrative: read.narrative, oldLabels: read.oldLabels, problems: [], notes: locatedNotes(read) };
  const carried = carriedConfigOf(wb.sheets);
  if (carried && !carried.ok) throw new WorkbookError(carried.message);
  if (carried) source.config = carried.config;
  const reviews = carriedReviewsOf(wb.sheets, revision);
  if (reviews) {
    if (reviews.reviews.length > 0) source.report.reviews = reviews.reviews;
    source.notes.push(...reviews.problems);
  }
  // A register workbook: its rows are checked too (the tables' values are what its formulas computed).
  const register = registerOf(wb.sheets);
  if (register) source.report.register = register;
  const addresses: Record<string, string> = {};
  for (const [k, p] of read.addresses) addresses[k] = `${p.sheet}!${a1(p.row, p.col)}`;
  source.addresses = addresses;
  return source;
}
