/** Paints the workbook plan into an .xlsx file with ExcelJS (the CLI's `template`). */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { a1, definedName, sheetReference, type PlanCell, type StyleSpec, type WorkbookPlan } from '../core';

/** Pinned document timestamps: the same plan and values give the same workbook. */
const PINNED_DATE = new Date(Date.UTC(2021, 0, 1));
const FONT = '等线';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

type CellStyle = Pick<ExcelJS.Style, 'font' | 'alignment' | 'protection'> & Partial<Pick<ExcelJS.Style, 'fill' | 'border' | 'numFmt'>>;

/**
 * One style object per style token, shared by every cell of that style: a 汇总's 问题清单 has
 * hundreds of thousands of cells, and a style object per cell would hold hundreds of MB.
 */
const STYLE_OBJECTS = new WeakMap<StyleSpec, CellStyle>();

function styleOf(spec: StyleSpec): CellStyle {
  let style = STYLE_OBJECTS.get(spec);
  if (style) return style;
  const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
  style = {
    font: { name: FONT, size: spec.fontSize, bold: spec.bold, color: { argb: argb(spec.fontColor) } },
    alignment: { horizontal: spec.horizontal, vertical: spec.vertical, wrapText: spec.wrap },
    protection: { locked: spec.locked },
    ...(spec.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } } as ExcelJS.Fill } : {}),
    ...(spec.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    ...(spec.numberFormat ? { numFmt: spec.numberFormat } : {}),
  };
  STYLE_OBJECTS.set(spec, style);
  return style;
}

function applyStyle(cell: ExcelJS.Cell, spec: StyleSpec): void {
  cell.style = styleOf(spec) as ExcelJS.Style;
}

function paintCell(ws: ExcelJS.Worksheet, c: PlanCell, spec: StyleSpec, value: string | number | null | undefined): void {
  // Style every cell a merge covers, so borders and fills show on the whole merged area.
  for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) applyStyle(ws.getCell(r + 1, k + 1), spec);
  if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(c.row + 1, c.col + 1, c.row + c.rowSpan, c.col + c.colSpan);
  const cell = ws.getCell(c.row + 1, c.col + 1);
  cell.value = c.key ? (value ?? null) : c.text;
  if (c.validation) {
    cell.dataValidation = {
      type: c.validation.type,
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [c.validation.min],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: c.validation.title,
      error: c.validation.message,
      showInputMessage: true,
      promptTitle: c.validation.title,
      prompt: c.validation.message,
    };
  }
}

/** Builds the workbook of the plan, prefilled with the given values at their places. */
export async function buildWorkbook(plan: WorkbookPlan, values: ReadonlyMap<string, string | number | null> = new Map()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政府信息公开年报助手';
  wb.lastModifiedBy = '政府信息公开年报助手';
  wb.created = PINNED_DATE;
  wb.modified = PINNED_DATE;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      views: [{ showGridLines: false }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: sheet.print.orientation,
        fitToPage: true,
        fitToWidth: sheet.print.fitToWidth,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    });
    ws.columns = sheet.columnWidths.map((width) => ({ width }));
    for (const c of sheet.cells) paintCell(ws, c, plan.styles[c.style], c.key ? values.get(c.key) : undefined);
    for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row) + 1).height = height;
    // A break after the 1-based row r is a new page from the 0-based row r.
    for (const r of sheet.print.pageBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
    for (const c of sheet.cells) if (c.key) wb.definedNames.add(sheetReference(sheet.name, c.row, c.col), definedName(c.key));
    const last = sheet.cells.reduce((m, c) => Math.max(m, c.row + c.rowSpan), 0);
    ws.pageSetup.printArea = `A1:${a1(last - 1, sheet.columnWidths.length - 1)}`;
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
    });
  }
  return pinZipDates(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/**
 * ExcelJS stamps each zip entry with the current time, so the same workbook written a second later
 * differs. The entries are written again, in the same order, with the pinned date: same input,
 * same bytes.
 */
function pinZipDates(bytes: Uint8Array): Buffer {
  const files = unzipSync(bytes);
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime: PINNED_DATE, level: 6 }];
  return Buffer.from(zipSync(entries));
}
