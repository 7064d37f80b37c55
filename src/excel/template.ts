/**
 * 生成模板 in Excel: paints the workbook plan into the open workbook, never over data. At most three
 * syncs: list sheets and names; look inside same-named sheets; write everything.
 */
import {
  FAILED_LOOK,
  NAME_PREFIX,
  a1,
  columnLetters,
  definedName,
  tooLongForExcel,
  type FormatRevision,
  type PlanCell,
  type SheetPlan,
  type StyleSpec,
  type WorkbookPlan,
} from '../core';
import { ExcelActionError } from './errors';
import type { ExcelFeatures } from './read';

export type TemplateResult = {
  /** The sheet names used (the plan's, or the next free `名称 (n)`). */
  sheets: string[];
  /** True when a sheet of the plan's name held data and another name was used. */
  renamed: boolean;
  /** True when defined names of an earlier template were moved to this one. */
  namesMoved: boolean;
  /** What this Excel could not add (data validation and hidden gridlines need ExcelApi 1.8). */
  notes: string[];
};

const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VALIGN = { top: 'Top', middle: 'Center' } as const;

/**
 * Values are written as if typed, so text could turn into a formula (=SUM…), a date (1/2) or a
 * number (00123). Text of a report is kept exactly: it gets Excel's text prefix, an apostrophe.
 */
export function asTyped(value: string | number): string | number {
  return typeof value === 'string' ? `'${value}` : value;
}

/** Excel column width in points for a width in characters. */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 10) / 10;
}

const candidate = (base: string, n: number) => (n === 1 ? base : `${base} (${n})`);

/** Contiguous runs of cells in a row sharing a property, as rectangles (fewer Office calls than cell by cell). */
function runs(cells: PlanCell[], sameGroup: (a: PlanCell, b: PlanCell) => boolean): PlanCell[][] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: PlanCell[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.row === c.row && prev.col + prev.colSpan === c.col && prev.rowSpan === 1 && c.rowSpan === 1 && sameGroup(prev, c)) last!.push(c);
    else out.push([c]);
  }
  return out;
}

function area(cells: PlanCell[]): string {
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  return `${a1(first.row, first.col)}:${a1(last.row + last.rowSpan - 1, last.col + last.colSpan - 1)}`;
}

function styleRange(range: Excel.Range, spec: StyleSpec): void {
  if (spec.fill) range.format.fill.color = spec.fill;
  range.format.font.name = '等线';
  range.format.font.size = spec.fontSize;
  if (spec.bold) range.format.font.bold = true;
  if (spec.fontColor !== '#000000') range.format.font.color = spec.fontColor;
  range.format.horizontalAlignment = ALIGN[spec.horizontal];
  range.format.verticalAlignment = VALIGN[spec.vertical];
  range.format.wrapText = spec.wrap;
}

/** Bounding boxes of bordered cells, one per block of consecutive rows (each table is one box). */
function borderBoxes(cells: PlanCell[], plan: WorkbookPlan): string[] {
  const bordered = cells.filter((c) => plan.styles[c.style].border);
  const rows = new Map<number, { min: number; max: number }>();
  for (const c of bordered) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      const cur = rows.get(r) ?? { min: Infinity, max: -Infinity };
      rows.set(r, { min: Math.min(cur.min, c.col), max: Math.max(cur.max, c.col + c.colSpan - 1) });
    }
  }
  const boxes: string[] = [];
  let start: number | undefined;
  let min = Infinity;
  let max = -Infinity;
  const sorted = [...rows.keys()].sort((a, b) => a - b);
  sorted.forEach((r, i) => {
    const span = rows.get(r)!;
    if (start === undefined) start = r;
    min = Math.min(min, span.min);
    max = Math.max(max, span.max);
    const next = sorted[i + 1];
    const nextSpan = next !== undefined ? rows.get(next)! : undefined;
    if (next !== r + 1 || !nextSpan || nextSpan.min !== span.min) {
      boxes.push(`${a1(start, min)}:${a1(r, max)}`);
      start = undefined;
      min = Infinity;
      max = -Infinity;
    }
  });
  return boxes;
}

export function paintSheet(
  ws: Excel.Worksheet,
  sheet: SheetPlan,
  plan: WorkbookPlan,
  values: ReadonlyMap<string, string | number | null>,
  features: ExcelFeatures,
): void {
  // Gridlines and data validation need ExcelApi 1.8; Excel 2019 (1.7) gets the template without them.
  if (features.api18 !== false) ws.showGridlines = false;
  sheet.columnWidths.forEach((w, c) => {
    const L = columnLetters(c);
    ws.getRange(`${L}:${L}`).format.columnWidth = widthInPoints(w);
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
  for (const c of sheet.cells) {
    const range = ws.getRange(area([c]));
    if (c.rowSpan > 1 || c.colSpan > 1) range.merge(false);
    styleRange(range, plan.styles[c.style]);
    if (c.formula) ws.getRange(a1(c.row, c.col)).formulas = [[`=${c.formula.text}`]];
    else if (c.key) {
      const value = values.get(c.key);
      if (value !== undefined && value !== null) ws.getRange(a1(c.row, c.col)).values = [[asTyped(value)]];
    } else if (c.text !== null) ws.getRange(a1(c.row, c.col)).values = [[c.text]];
    const format = plan.styles[c.style].numberFormat;
    if (format) ws.getRange(a1(c.row, c.col)).numberFormat = [[format]];
  }
  for (const box of borderBoxes(sheet.cells, plan)) {
    const range = ws.getRange(box);
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      const border = range.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = '#808080';
    }
  }
  const inputs = sheet.cells.filter((c) => !plan.styles[c.style].locked);
  for (const run of runs(inputs, (a, b) => a.validation === b.validation)) {
    const range = ws.getRange(area(run));
    range.format.protection.locked = false;
    const v = run[0]!.validation;
    if (!v || features.api18 === false) continue;
    const rule = { formula1: v.min, operator: 'GreaterThanOrEqualTo' as const };
    range.dataValidation.rule =
      v.type === 'list'
        ? { list: { inCellDropDown: true, source: `=${v.source ?? ''}` } }
        : v.type === 'date'
          ? { date: { formula1: '2000-01-01', operator: 'GreaterThanOrEqualTo' } }
          : v.type === 'whole'
            ? { wholeNumber: rule }
            : { decimal: rule };
    range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.message };
    range.dataValidation.prompt = { showPrompt: true, title: v.title, message: v.message };
  }
  // A total whose check fails turns red (the same look as the file's differential format).
  for (const cf of sheet.conditionalFormats ?? []) {
    const format = ws.getRange(a1(cf.row, cf.col)).conditionalFormats.add('Custom');
    format.custom.rule.formula = `=${cf.formula}`;
    format.custom.format.font.color = FAILED_LOOK.fontColor;
    format.custom.format.font.bold = FAILED_LOOK.bold;
    format.custom.format.fill.color = FAILED_LOOK.fill;
  }
  if (features.api19) {
    ws.pageLayout.orientation = sheet.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.paperSize = 'A4';
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.centerHorizontally = true;
    // A page break is added before the top row of the range given (ExcelApi 1.9).
    for (const r of sheet.print.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
  }
  ws.protection.protect({
    allowFormatCells: true,
    allowFormatColumns: true,
    allowFormatRows: true,
    allowInsertRows: true,
    allowDeleteRows: true,
    selectionMode: 'Normal',
  });
}

export async function paintTemplateInExcel(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  values: ReadonlyMap<string, string | number | null>,
  features: ExcelFeatures,
  revision: FormatRevision,
): Promise<TemplateResult> {
  // Checked before anything is written: Excel refuses longer text, and half a template helps no one.
  const tooLong = tooLongForExcel(values, revision);
  if (tooLong) throw new ExcelActionError(`${tooLong}，未生成模板。请精简后再试，或用命令行直接生成 Word 报告。`);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  await context.sync();

  // Look inside the sheets that carry one of our names: only an empty one may be reused.
  const existing = new Set(sheets.items.map((s) => s.name));
  const ours = sheets.items.filter((s) => plan.sheets.some((p) => s.name === p.name || s.name.startsWith(`${p.name} (`)));
  const used = new Map(
    ours.map((s) => {
      const range = s.getUsedRangeOrNullObject(true);
      range.load('address');
      // unprotect() on a sheet that is not protected can fail: know which are.
      s.protection.load('protected');
      return [s.name, range] as const;
    }),
  );
  if (used.size > 0) await context.sync();
  const isProtected = new Map(ours.map((s) => [s.name, s.protection.protected]));
  const free = (name: string) => !existing.has(name) || used.get(name)?.isNullObject === true;
  let n = 1;
  while (!plan.sheets.every((p) => free(candidate(p.name, n)))) n++;
  const chosen = plan.sheets.map((p) => candidate(p.name, n));

  const painted = plan.sheets.map((sheet, i) => {
    const name = chosen[i]!;
    const ws = existing.has(name) ? sheets.getItem(name) : sheets.add(name);
    if (isProtected.get(name) === true) ws.protection.unprotect();
    paintSheet(ws, sheet, plan, values, features);
    if (i === 0) ws.activate();
    return { sheet, ws };
  });
  // The names move last, each deleted just before it is added again: if painting fails, the old
  // template keeps every name it had.
  const oldNames = new Set(names.items.filter((item) => item.name.startsWith(NAME_PREFIX)).map((item) => item.name));
  for (const { sheet, ws } of painted) {
    for (const c of sheet.cells) {
      if (!c.key) continue;
      const name = definedName(c.key);
      if (oldNames.delete(name)) names.getItem(name).delete();
      names.add(name, ws.getRange(a1(c.row, c.col)));
    }
  }
  const moved = names.items.some((item) => item.name.startsWith(NAME_PREFIX));
  for (const name of oldNames) names.getItem(name).delete();
  await context.sync();
  const notes =
    features.api18 === false ? ['此版本的 Excel（ExcelApi 1.7，如 Excel 2019）不支持数据验证，模板未设置“只能填写非负整数”的输入限制；检查报告时仍会核对'] : [];
  return { sheets: chosen, renamed: n > 1, namesMoved: moved, notes };
}
