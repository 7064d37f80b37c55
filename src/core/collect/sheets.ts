/**
 * The side sheets of the 汇总 workbook: 报送情况 (one row per unit), 问题清单 (every problem, per unit,
 * ready to send back) and 雷同 (pairs of units sharing a section). Plain list sheets; readers of the
 * report skip them (they are not the report's tables).
 */
import { COLLECT_SHEETS, problemListRows, type PlanCell, type SheetPlan } from '../layout';
import { LINE_HEIGHT, linesFor } from '../layout/lines';
import { REGION_RULES, STATUS_LABELS, type RegionResult } from './region';

export const [STATUS_SHEET, PROBLEMS_SHEET, SIMILAR_SHEET] = COLLECT_SHEETS;

function listSheet(name: string, title: string, header: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[]): SheetPlan {
  const cells: PlanCell[] = [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, style: 'title', text: title }];
  header.forEach((text, col) => cells.push({ row: 1, col, rowSpan: 1, colSpan: 1, style: 'header', text }));
  rows.forEach((r, i) => r.forEach((text, col) => cells.push({ row: 2 + i, col, rowSpan: 1, colSpan: 1, style: 'rowLabel', text })));
  // A row as tall as its longest wrapped cell: spreadsheet programs do not grow rows of a file they open.
  const rowHeights: Record<number, number> = {};
  rows.forEach((r, i) => {
    const lines = Math.max(1, ...r.map((text, col) => linesFor(text, widths[col] ?? 10)));
    if (lines > 1) rowHeights[2 + i] = LINE_HEIGHT * lines;
  });
  return { name, cells, columnWidths: [...widths], rowHeights, print: { orientation: 'landscape', paper: 'A4', fitToWidth: 1 } };
}

/** One row per unit: name, type, file, year, 发布日期, on time, errors, warnings, reviewed, overlap with last year, status. */
export function statusRows(region: RegionResult): string[][] {
  return region.units.map((u) => [
    u.name,
    u.type ?? '',
    u.file ?? '',
    u.year !== undefined ? String(u.year) : '',
    u.date ?? '',
    u.onTime === undefined ? '' : u.onTime ? '按时' : '逾期',
    u.summary ? String(u.summary.errors) : '',
    u.summary ? String(u.summary.warnings) : '',
    u.summary ? String(u.summary.reviewed) : '',
    u.overlapWithLastYear !== undefined ? `${u.overlapWithLastYear}%` : '',
    STATUS_LABELS[u.status],
  ]);
}
export const STATUS_HEADER = ['单位名称', '单位类型', '文件', '年度', '发布日期', '是否按时', '错误', '警告', '已核实', '与上年重复', '报送情况'] as const;

/** Every problem: the region's own first, then each unit's (unit, then the columns of the pane's 问题清单). */
export function problemRows(region: RegionResult): string[][] {
  const rows: string[][] = [];
  for (const f of region.findings) {
    const cell = f.cells[0] ? region.revision.placeName(f.cells[0]) : '';
    rows.push([
      f.units.join('、') || f.file || '',
      f.severity === 'error' ? '错误' : '警告',
      f.rule,
      REGION_RULES[f.rule].title,
      '',
      cell,
      '',
      f.message,
      '',
      '',
    ]);
  }
  for (const u of region.units) {
    if (!u.source) continue;
    for (const r of problemListRows(u.findings, region.revision, u.source.addresses)) rows.push([u.name, ...r]);
  }
  return rows;
}
export const PROBLEMS_HEADER = ['单位', '级别', '规则编号', '规则', '表格', '单元格', '单元格地址', '问题', '核实理由', '核实日期'] as const;

export function collectSheets(region: RegionResult): SheetPlan[] {
  const year = region.year !== undefined ? `${region.year}年度` : '';
  return [
    listSheet(STATUS_SHEET, `${year}政府信息公开工作年度报告报送情况`, STATUS_HEADER, [30, 10, 28, 6, 12, 8, 6, 6, 6, 10, 16], statusRows(region)),
    listSheet(PROBLEMS_SHEET, `${year}年度报告问题清单（可发回各单位）`, PROBLEMS_HEADER, [26, 6, 16, 24, 20, 28, 12, 60, 20, 12], problemRows(region)),
    listSheet(
      SIMILAR_SHEET,
      '内容雷同的单位（同一部分的文字几乎相同）',
      ['单位', '另一单位', '部分', '相同比例'],
      [30, 30, 28, 10],
      region.similar.map((p) => [p.a, p.b, p.section, `${p.percent}%`]),
    ),
  ];
}
