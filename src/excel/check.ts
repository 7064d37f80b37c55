/**
 * 检查报告 and 清除标记 in Excel. A check is one read sync and one write sync (when the defined names
 * are intact): read every place, run the rules, mark the offending cells, remember the originals.
 * Values and formulas are never written.
 */
import {
  a1,
  parseReference,
  CURRENT_REVISION,
  carriedConfigNotes,
  checkSourceReviewed,
  lapsedNotes,
  type Report,
  locatedNotes,
  summarize,
  type Finding,
  type FormatRevision,
  type ReportSource,
  type RuleConfig,
  type Summary,
} from '../core';
import { MARK_COLORS, MARK_SETTING, cellsToMark, parseMarkStore, planMarks, resolveMarks, type CellRef, type Fill, type MarkPlan } from './marks';
import { readWorkbookReport, refId, type CheckedSheet, type ExcelFeatures, type ExcelRead } from './read';
import { UserError } from '../errors';

export type ExcelCheckResult = {
  findings: Finding[];
  summary: Summary;
  /** Place key → sheet and A1 address, for selecting a finding's cell. */
  addresses: Record<string, CellRef>;
  via: 'names' | 'labels' | 'mixed';
  narrative: boolean;
  /** What to tell the user about how the workbook was read. */
  notes: string[];
  marked: number;
  /** The report as read (reviews record its values). */
  report: Report;
  /** The local rules the workbook carries, when the check used them. */
  config?: RuleConfig;
  /** The sheet whose tables were checked (a copy of the report sheet when that is the active one). */
  checkedSheet?: CheckedSheet;
};

/** The report could not be found at all: say what is missing. */
export class ReportNotFoundError extends UserError {}

/** A cell's fill, its sheet found by id when known (a sheet renamed since keeps its id). */
function applyFill(context: Excel.RequestContext, cell: CellRef & { sheetId?: string }, fill: Fill): void {
  const target = context.workbook.worksheets.getItem(cell.sheetId ?? cell.sheet).getRange(cell.address).format.fill;
  if (fill.none || fill.color === null) target.clear();
  else target.color = fill.color;
}

/**
 * The originals are remembered before any cell is coloured: if the batch fails half-way (a lost
 * connection), every colour already applied is in the setting, and 清除标记 restores it. The
 * remembered set is the union of the old and new marks until the batch completes.
 */
function writeMarks(context: Excel.RequestContext, plan: MarkPlan): void {
  const pending = {
    version: 1 as const,
    marks: [
      ...plan.store.marks,
      ...plan.restore.map((r) => ({ ...r.cell, ...(r.sheetId !== undefined ? { sheetId: r.sheetId } : {}), severity: r.severity, original: r.original })),
    ],
  };
  if (pending.marks.length > 0) context.workbook.settings.add(MARK_SETTING, JSON.stringify(pending));
  for (const r of plan.restore) applyFill(context, { ...r.cell, ...(r.sheetId !== undefined ? { sheetId: r.sheetId } : {}) }, r.original);
  for (const a of plan.apply) context.workbook.worksheets.getItem(a.cell.sheet).getRange(a.cell.address).format.fill.color = a.color;
  if (plan.store.marks.length > 0) context.workbook.settings.add(MARK_SETTING, JSON.stringify(plan.store));
  else if (plan.restore.length > 0) context.workbook.settings.getItem(MARK_SETTING).delete();
}

/** Refuses a workbook in which no cell of the report was found, saying what was looked for. */
export function requireReport(read: ExcelRead, revision: FormatRevision, action: string): void {
  if (!revision.cells.some((c) => read.report.values[c.key] !== undefined)) {
    throw new ReportNotFoundError(
      `没有找到报告表格，无法${action}：工作簿中既没有本工具生成的名称，也没有找到“自然人”“本年制发件数”“行政复议”等表头。请先点击“生成模板”并填写，或打开按官方格式录入的工作表。`,
    );
  }
}

/** What was read, as a source for the rules (with the local rules the workbook carries; unreadable ones are refused, never ignored). */
export function sourceOf(read: ExcelRead): ReportSource {
  if (read.config && !read.config.ok) throw new UserError(`${read.config.message}。`);
  const notes = [...locatedNotes(read), ...(read.reviews?.problems ?? [])];
  const source: ReportSource = { report: read.report, narrative: read.narrative, oldLabels: read.oldLabels, problems: [], notes };
  if (read.config) source.config = read.config.config;
  return source;
}

/** The register rows' cells that findings point at (`申请台账!C5`), so a click selects them. */
function registerAddresses(findings: readonly Finding[]): Record<string, CellRef> {
  const out: Record<string, CellRef> = {};
  for (const f of findings) {
    if (f.rule !== 'register-entry') continue;
    for (const key of f.cells) {
      const ref = parseReference(key);
      if (ref) out[key] = { sheet: ref.sheet, address: a1(ref.row, ref.col) };
    }
  }
  return out;
}

export async function checkInExcel(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  revision: FormatRevision,
  previous?: ReportSource,
): Promise<ExcelCheckResult> {
  const read = await readWorkbookReport(context, features, revision);
  requireReport(read, revision, '检查');
  const source = sourceOf(read);
  const { findings, lapsed } = checkSourceReviewed(source, previous ? { revision, previous } : { revision });
  const wanted = cellsToMark(findings, (key) => read.addresses.get(key));
  const idOf = new Map(read.sheets.map((s) => [s.name, s.id]));
  const plan = planMarks(
    read.marks,
    wanted,
    (cell) => read.fills.get(refId(cell)),
    (sheet) => idOf.get(sheet),
  );
  writeMarks(context, plan);
  await context.sync();
  const result: ExcelCheckResult = {
    findings,
    summary: summarize(findings),
    addresses: { ...Object.fromEntries(read.addresses), ...registerAddresses(findings) },
    via: read.via,
    narrative: read.narrative,
    notes: [...source.notes, ...carriedConfigNotes(source.config, undefined), ...lapsedNotes(lapsed)],
    marked: plan.apply.length,
    report: read.report,
  };
  if (source.config) result.config = source.config;
  if (read.checkedSheet) {
    result.checkedSheet = read.checkedSheet;
    if (read.checkedSheet.copy) result.notes.unshift(`检查的是当前工作表“${read.checkedSheet.name}”（报告表的副本），标记也在这张表上。`);
  }
  return result;
}

export type ClearResult = {
  cleared: number;
  /** The stored originals were gone (some hosts lose add-in settings): cells in our colours were cleared, their own fill could not come back. */
  lost: boolean;
};

/**
 * Restores every marked cell's own fill and forgets the marks: one read, one write. Marks follow their
 * sheet by id, so a sheet renamed since is restored too. When the stored marks are gone (settings
 * can be lost on some hosts) the report's cells still in one of our two colours lose that fill: our
 * colours are known, the user's are not touched.
 */
export async function clearMarksInExcel(
  context: Excel.RequestContext,
  features: ExcelFeatures = { api19: false },
  revision: FormatRevision = CURRENT_REVISION,
): Promise<ClearResult> {
  const setting = context.workbook.settings.getItemOrNullObject(MARK_SETTING);
  setting.load('value');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  await context.sync();
  if (setting.isNullObject) return clearOurColours(context, features, revision);
  const store = resolveMarks(
    parseMarkStore(setting.value),
    sheets.items.map((s) => ({ name: s.name, id: s.id })),
  );
  for (const m of store.marks) applyFill(context, m, m.original);
  setting.delete();
  await context.sync();
  return { cleared: store.marks.length, lost: false };
}

const isOurColour = (fill: Fill) => !fill.none && Object.values(MARK_COLORS).some((c) => c.toUpperCase() === (fill.color ?? '').toUpperCase());

async function clearOurColours(context: Excel.RequestContext, features: ExcelFeatures, revision: FormatRevision): Promise<ClearResult> {
  const read = await readWorkbookReport(context, features, revision);
  let cleared = 0;
  for (const cell of new Map([...read.addresses.values()].map((c) => [refId(c), c])).values()) {
    const fill = read.fills.get(refId(cell));
    if (!fill || !isOurColour(fill)) continue;
    applyFill(context, cell, { color: null, none: true });
    cleared++;
  }
  if (cleared > 0) await context.sync();
  return { cleared, lost: cleared > 0 };
}

/** Selects a finding's cell (activating its sheet). */
export async function selectInExcel(context: Excel.RequestContext, cell: CellRef): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet);
  sheet.activate();
  sheet.getRange(cell.address).select();
  await context.sync();
}
