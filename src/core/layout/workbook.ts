/**
 * The workbook plan: where every label and input cell of the report sits, with merges, styles as
 * tokens, number formats, validation, defined names, widths, heights and print setup. The Excel
 * adapter and the file writer (src/xlsx/write.ts) both paint exactly this plan.
 */
import { metaPlace, narrativePlace, walkGrid, type MetaField } from '../format/build';
import type { FormatRevision } from '../format/revision';
import type { CellKey, NarrativeField, TableFormat } from '../format/types';
import { describeConfig, parseRuleConfig, type RuleConfig } from '../config';
import type { Review } from '../rules/reviews';
import { reviewsSheet } from './reviews';
import { LINE_HEIGHT, breakLines, linesFor } from './lines';
import { registerFormulas, registerSheets } from './register';
import { verifyFormats, verifyPlan, type ConditionalFormat, type PlanFormula } from './verify';

import { DATA_SHEET, TEXT_SHEET } from './names';

export { DATA_SHEET, NAME_PREFIX, TEXT_SHEET, definedName, keyOfDefinedName } from './names';

export type StyleToken =
  | 'title'
  | 'hint'
  | 'section'
  | 'caption'
  | 'header'
  | 'note'
  | 'rowLabel'
  | 'count'
  | 'fee'
  | 'metaLabel'
  | 'metaInput'
  | 'textInput'
  | 'computed'
  | 'dateInput';

export type StyleSpec = {
  bold: boolean;
  fontSize: number;
  fontColor: string;
  /** Background colour, or null for none. */
  fill: string | null;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle';
  wrap: boolean;
  border: boolean;
  /** Input cells are unlocked; everything else stays locked under sheet protection. */
  locked: boolean;
  numberFormat: string | null;
};

const BASE: StyleSpec = {
  bold: false,
  fontSize: 11,
  fontColor: '#000000',
  fill: null,
  horizontal: 'left',
  vertical: 'middle',
  wrap: true,
  border: false,
  locked: true,
  numberFormat: null,
};
const INPUT_FILL = '#FFF2CC';
/** The fills that mark a cell with a finding (the add-in's marks, and the marked workbook a file gets). */
export const MARK_COLORS: Record<'error' | 'warning', string> = { error: '#FFC7CE', warning: '#FFEB9C' };
export type Mark = keyof typeof MARK_COLORS;
const HEADER_FILL = '#F2F2F2';

export const STYLES: Record<StyleToken, StyleSpec> = {
  title: { ...BASE, bold: true, fontSize: 16, wrap: false },
  hint: { ...BASE, fontSize: 10, fontColor: '#595959', wrap: false },
  section: { ...BASE, bold: true, fontSize: 12, wrap: false },
  caption: { ...BASE, bold: true, horizontal: 'center', border: true, fill: HEADER_FILL },
  header: { ...BASE, bold: true, horizontal: 'center', border: true, fill: HEADER_FILL },
  note: { ...BASE, fontSize: 10, horizontal: 'center', border: true, fill: HEADER_FILL },
  rowLabel: { ...BASE, border: true },
  count: { ...BASE, horizontal: 'center', border: true, fill: INPUT_FILL, locked: false, numberFormat: '0', wrap: false },
  fee: { ...BASE, horizontal: 'center', border: true, fill: INPUT_FILL, locked: false, numberFormat: '0.0000', wrap: false },
  metaLabel: { ...BASE, bold: true, border: true, fill: HEADER_FILL, vertical: 'top' },
  metaInput: { ...BASE, border: true, fill: INPUT_FILL, locked: false },
  textInput: { ...BASE, border: true, fill: INPUT_FILL, locked: false, vertical: 'top' },
  /** A formula's result: locked, no input fill. */
  computed: { ...BASE, horizontal: 'center', border: true, wrap: false },
  dateInput: { ...BASE, border: true, fill: INPUT_FILL, locked: false, numberFormat: 'yyyy-mm-dd', wrap: false },
};

/** A cell's input rule: a number at least `min`, a date, or one of a list (`source`, a range of the options). */
export type Validation = { type: 'whole' | 'decimal' | 'date' | 'list'; min: number; title: string; message: string; source?: string };

export const VALIDATIONS: Record<'count' | 'fee', Validation> = {
  count: { type: 'whole', min: 0, title: '请填写非负整数', message: '本栏填写件数（非负整数）；没有的填0，不要留空或填写“/”“无”。' },
  fee: { type: 'decimal', min: 0, title: '请填写金额（万元）', message: '本栏单位为万元，最多保留4位小数；没有收费的填0。' },
};

/** One cell of the plan; rows and columns are 0-based. */
export type PlanCell = {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  style: StyleToken;
  /** Label text, or the initial value of an input. */
  text: string | null;
  /** The place key of an input cell. */
  key?: string;
  validation?: Validation;
  /** A formula computed by the spreadsheet (the 核对 sheet); `text` stays null. */
  formula?: PlanFormula;
};

export type SheetPlan = {
  name: string;
  cells: PlanCell[];
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Row heights in points, for rows that need more than one line. */
  rowHeights: Record<number, number>;
  print: { orientation: 'portrait' | 'landscape'; paper: 'A4'; fitToWidth: 1; pageBreaks?: number[] };
  /** Hidden from the sheet tabs (the local rules a template carries); it stays in the file and can be shown again. */
  hidden?: boolean;
  /** Cells coloured while a formula holds (a total whose check fails). */
  conditionalFormats?: ConditionalFormat[];
};

export type WorkbookPlan = { sheets: SheetPlan[]; styles: Record<StyleToken, StyleSpec> };

/** Where each place key sits: sheet index, row, column. */
export type PlanAddress = { sheet: number; row: number; col: number };

// ---------------------------------------------------------------------------------------------
// Widths and heights.

// ---------------------------------------------------------------------------------------------
// The data sheet: label columns first (T3 uses all three), then the value columns (T4 uses 15).

/** Where a table's grid column lands on the sheet: [first sheet column, span], from the table's geometry. */
function columnMap(table: TableFormat): (gridCol: number, colSpan: number) => [number, number] {
  const { offset, spans } = table.geometry.sheet;
  const starts = spans.map((_, i) => offset + spans.slice(0, i).reduce((a, b) => a + b, 0));
  return (c, span) => [starts[c]!, spans.slice(c, c + span).reduce((a, b) => a + b, 0)];
}

/**
 * A header label with its line breaks at word boundaries, for a cell `width` characters wide:
 * “社会公益组织” in a 9-wide column → “社会公益\n组织”, never “社会公益组\n织”.
 */
export function wrapLabel(text: string, width: number): string {
  return breakLines(text, width - 1, true).join('\n');
}

function placeTable(revision: FormatRevision, table: TableFormat, top: number, cells: PlanCell[], heights: Record<number, number>, widths: number[]): void {
  const map = columnMap(table);
  const rowLines = table.rows.map(() => 1);
  for (const { cell, row: r, col: c, rowSpan, colSpan: span } of walkGrid(table)) {
    const [col, colSpan] = map(c, span);
    if (cell.type === 'label') {
      const style: StyleToken = cell.role === 'caption' ? 'caption' : cell.role === 'note' ? 'note' : cell.role === 'header' ? 'header' : 'rowLabel';
      const width = widths.slice(col, col + colSpan).reduce((a, b) => a + b, 0);
      const text = style === 'header' ? wrapLabel(cell.text, width) : cell.text;
      cells.push({ row: top + r, col, rowSpan, colSpan, style, text });
      const lines = Math.ceil(linesFor(text, width) / rowSpan);
      rowLines[r] = Math.max(rowLines[r]!, lines);
    } else {
      const kind = revision.cell(cell.key)!.kind;
      cells.push({ row: top + r, col, rowSpan: 1, colSpan, style: kind, text: null, key: cell.key, validation: VALIDATIONS[kind] });
    }
  }
  rowLines.forEach((lines, r) => {
    if (lines > 1) heights[top + r] = lines * LINE_HEIGHT + 3;
  });
}

/** A sheet's title and hint in its first two rows; returns the next row. */
function heading(cells: PlanCell[], title: string, hint: string): number {
  cells.push({ row: 0, col: 0, rowSpan: 1, colSpan: 1, style: 'title', text: title });
  cells.push({ row: 1, col: 0, rowSpan: 1, colSpan: 1, style: 'hint', text: hint });
  return 2;
}

function dataSheet(revision: FormatRevision): SheetPlan {
  const { labelWidths, valueWidth, valueColumns } = revision.spec.sheet;
  const widths = [...labelWidths, ...new Array<number>(valueColumns).fill(valueWidth)];
  const cells: PlanCell[] = [];
  const heights: Record<number, number> = {};
  let row = 0;
  row = heading(
    cells,
    `政府信息公开工作年度报告 · 表格数据（${revision.name}）`,
    '黄色单元格为填写区域：件数填非负整数，没有的填0，不要留空；收费金额以万元为单位。填好后点击“检查报告”。',
  );
  // Each table after the first starts on a new printed page (表三 alone fills a page).
  const pageBreaks: number[] = [];
  for (const [i, table] of revision.tables.entries()) {
    row++;
    if (i > 0) pageBreaks.push(row);
    cells.push({ row: row++, col: 0, rowSpan: 1, colSpan: 1, style: 'section', text: revision.section(table.section).title });
    placeTable(revision, table, row, cells, heights, widths);
    row += table.rows.length;
  }
  return { name: DATA_SHEET, cells, columnWidths: widths, rowHeights: heights, print: { orientation: 'landscape', paper: 'A4', fitToWidth: 1, pageBreaks } };
}

// ---------------------------------------------------------------------------------------------
// The text sheet: metadata and one large cell per narrative section.

export const META_ROWS: readonly { field: MetaField; label: string; hint: string }[] = [
  { field: 'agency', label: '机关名称', hint: '如：城东区人民政府' },
  { field: 'year', label: '年度', hint: '统计年度，如 2023' },
  { field: 'office', label: '发布机关', hint: '署名，如：城东区人民政府办公室' },
  { field: 'date', label: '发布日期', hint: '如 2024-01-31' },
  { field: 'contact', label: '联系方式', hint: '地址、邮编、电话' },
  { field: 'bodyType', label: '机关类型', hint: '人民政府、乡镇、街道或部门；留空则按机关名称判断' },
];

/** How many lines each narrative place shows in the text sheet. */
const NARRATIVE_LINES: Record<NarrativeField, number> = { preamble: 6, overview: 20, problems: 10, other: 6 };

/** The text sheet's narrative rows: the opening and the revision's narrative sections, labelled by their titles. */
export function narrativeRows(revision: FormatRevision): { field: NarrativeField; label: string; lines: number }[] {
  return revision.narrativeFields.map((f) => ({ ...f, lines: NARRATIVE_LINES[f.field] }));
}

function textSheet(revision: FormatRevision): SheetPlan {
  const cells: PlanCell[] = [];
  const heights: Record<number, number> = {};
  let row = 0;
  row = heading(cells, '政府信息公开工作年度报告 · 基本信息与正文', '黄色单元格为填写区域。正文各部分可直接粘贴，段落之间空一行；小标题如“（一）……”单独成段。');
  row++;
  for (const m of META_ROWS) {
    cells.push({ row, col: 0, rowSpan: 1, colSpan: 1, style: 'metaLabel', text: m.label });
    cells.push({ row, col: 1, rowSpan: 1, colSpan: 1, style: 'metaInput', text: null, key: metaPlace(m.field) });
    cells.push({ row, col: 2, rowSpan: 1, colSpan: 1, style: 'hint', text: m.hint });
    row++;
  }
  row++;
  for (const n of narrativeRows(revision)) {
    cells.push({ row, col: 0, rowSpan: 1, colSpan: 1, style: 'metaLabel', text: n.label });
    cells.push({ row, col: 1, rowSpan: 1, colSpan: 2, style: 'textInput', text: null, key: narrativePlace(n.field) });
    heights[row] = n.lines * LINE_HEIGHT;
    row++;
  }
  return { name: TEXT_SHEET, cells, columnWidths: [16, 90, 30], rowHeights: heights, print: { orientation: 'portrait', paper: 'A4', fitToWidth: 1 } };
}

// ---------------------------------------------------------------------------------------------
// Local rules carried by the workbook: a supervising office hands out a template with its rules.

/** The sheet that carries local rules, hidden; its JSON cell is the configuration. */
export const CONFIG_SHEET = '本地规则';
/** The cell holding the configuration's JSON on that sheet. */
export const CONFIG_CELL = { row: 2, col: 1 } as const;

function configSheet(config: RuleConfig): SheetPlan {
  const cells: PlanCell[] = [];
  let row = heading(cells, '本工作簿携带的本地检查规则', '由下发模板的单位设定，检查报告时代替全国规则使用。请勿改动本表；如需改用全国规则，可删除本工作表。');
  cells.push({ row, col: 0, rowSpan: 1, colSpan: 1, style: 'metaLabel', text: '规则配置' });
  cells.push({ row: CONFIG_CELL.row, col: CONFIG_CELL.col, rowSpan: 1, colSpan: 1, style: 'rowLabel', text: JSON.stringify(config) });
  row += 2;
  for (const [i, line] of describeConfig(config).entries()) {
    cells.push({ row, col: 0, rowSpan: 1, colSpan: 1, style: 'metaLabel', text: i === 0 ? '规则说明' : '' });
    cells.push({ row: row++, col: 1, rowSpan: 1, colSpan: 1, style: 'rowLabel', text: line });
  }
  return { name: CONFIG_SHEET, cells, columnWidths: [16, 100], rowHeights: {}, print: { orientation: 'portrait', paper: 'A4', fitToWidth: 1 }, hidden: true };
}

/** What to tell the user about the rules a check used, when the source carries its own. */
export function carriedConfigNotes(carried: RuleConfig | undefined, given: RuleConfig | undefined): string[] {
  if (!carried) return [];
  if (given) return ['工作簿携带本地规则，本次按指定的规则配置检查，未使用工作簿中的规则'];
  return ['按工作簿携带的本地规则检查（见隐藏的“本地规则”工作表）'];
}

export type CarriedConfig = { ok: true; config: RuleConfig } | { ok: false; message: string };

/**
 * The local rules a workbook carries, from the value of its configuration cell: undefined when the
 * workbook carries none (no such sheet, or the cell is empty); a message naming the problems when
 * they cannot be read (the check must not fall back to the national rules without saying so).
 */
export function carriedConfig(value: unknown): CarriedConfig | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  const parsed = parseRuleConfig(String(value));
  if (parsed.ok) return { ok: true, config: parsed.config };
  return {
    ok: false,
    message: `工作簿“${CONFIG_SHEET}”工作表中的规则配置有误：${parsed.problems.join('；')}。请向下发模板的单位索取正确的模板，或删除该工作表后按全国规则检查`,
  };
}

/** The report's sheets and the 核对 sheet; the local rules' sheet when a configuration is given; the 核实记录 sheet when there are reviews. */
export type PlanOptions = {
  /** Tables 三 and 四 computed from a register of requests and cases (申请台账, 复议诉讼). */
  register?: boolean;
};

export function workbookPlan(revision: FormatRevision, config?: RuleConfig, reviews?: readonly Review[], options: PlanOptions = {}): WorkbookPlan {
  const data = dataSheet(revision);
  if (options.register) {
    // The register's cells become formulas: locked, no input rule, still named.
    const formulas = registerFormulas(revision);
    data.cells = data.cells.map((c) => {
      const formula = c.key ? formulas.get(c.key as CellKey) : undefined;
      if (!formula) return c;
      const { validation: _validation, ...rest } = c;
      return { ...rest, style: 'computed', formula };
    });
  }
  const verify = verifyPlan(revision, config);
  const places = new Map(data.cells.filter((c) => c.key).map((c) => [c.key!, c]));
  data.conditionalFormats = verifyFormats(verify, revision, (key) => places.get(key));
  const sheets = [data, textSheet(revision), verify.sheet];
  if (options.register) sheets.push(...registerSheets(revision));
  if (config) sheets.push(configSheet(config));
  if (reviews && reviews.length > 0) sheets.push(reviewsSheet(reviews, revision));
  return { sheets, styles: STYLES };
}

/** Every input cell of the plan by place key. */
export function planAddresses(plan: WorkbookPlan): Map<string, PlanAddress> {
  const out = new Map<string, PlanAddress>();
  plan.sheets.forEach((s, sheet) => {
    for (const c of s.cells) if (c.key) out.set(c.key, { sheet, row: c.row, col: c.col });
  });
  return out;
}

/** Excel holds at most this many characters in a cell. */
export const EXCEL_CELL_MAX_CHARS = 32767;

/**
 * Places whose text is longer than a cell can hold (writing them would fail in Excel or be cut in a
 * file), as a Chinese message naming them; undefined when everything fits.
 */
export function tooLongForExcel(values: ReadonlyMap<string, string | number | null>, revision: FormatRevision): string | undefined {
  const keys = [...values].filter(([, v]) => typeof v === 'string' && v.length > EXCEL_CELL_MAX_CHARS).map(([k]) => k);
  if (keys.length === 0) return undefined;
  return `${keys.map((k) => `“${revision.placeName(k)}”`).join('、')}超过 Excel 一个单元格能容纳的 ${EXCEL_CELL_MAX_CHARS} 个字符`;
}
