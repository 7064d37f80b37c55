/**
 * Tables computed from the register (依申请公开登记台账): a workbook whose 申请台账 sheet holds one row
 * per request and whose 复议诉讼 sheet holds one row per case, with table 三's and table 四's cells
 * as COUNTIFS formulas over them, so the totals can no longer disagree with the requests. The
 * categories are the 2021 format's own labels, offered as dropdowns from a 台账选项 sheet. The rows
 * are read back (the spreadsheet's computed values are what the checks see) and checked themselves.
 */
import type { FormatRevision } from '../format/revision';
import type { CellKey } from '../format/types';
import type { Register } from '../report/types';
import { readDate } from '../values/dates';
import { a1, columnLetters } from './a1';
import { definedName } from './names';
import type { Grid, SheetGrid } from './locate';
import type { PlanFormula } from './verify';
import type { PlanCell, SheetPlan, Validation } from './workbook';

export const REGISTER_SHEET = '申请台账';
export const CASES_SHEET = '复议诉讼';
export const OPTIONS_SHEET = '台账选项';
export const REGISTER_SHEETS = [REGISTER_SHEET, CASES_SHEET, OPTIONS_SHEET] as const;

/** Rows prepared for entries (more can be added by inserting rows inside the table). */
export const REGISTER_ROWS = 500;
export const CASE_ROWS = 100;
/** The header row of both registers; entries start on the next row. */
export const REGISTER_HEADER_ROW = 2;

export const REGISTER_COLUMNS = ['编号', '收到日期', '申请人类型', '办理结果', '是否上年结转', '是否结转下年度', '备注'] as const;
export const CASE_COLUMNS = ['编号', '类型', '结果', '备注'] as const;
const R = Object.fromEntries(REGISTER_COLUMNS.map((c, i) => [c, i])) as Record<(typeof REGISTER_COLUMNS)[number], number>;
const C = Object.fromEntries(CASE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof CASE_COLUMNS)[number], number>;
const YES = '是';
const NO = '否';

/** The categories of the dropdowns, from the revision's own labels. */
export function registerOptions(revision: FormatRevision) {
  return {
    applicants: revision.spec.requests.columns.filter((c) => c.key !== 'total').map((c) => ({ key: c.key, label: c.label })),
    results: revision.resultRows.map((r) => ({ key: r.key, label: r.short })),
    caseTypes: revision.spec.appeals.groups.map((g) => ({ key: g.key, label: g.label })),
    caseResults: revision.spec.appeals.columns.filter((c) => c.key !== 'total').map((c) => ({ key: c.key, label: c.label })),
    yesNo: [YES, NO],
  };
}

const quoted = (sheet: string) => `'${sheet.replace(/'/gu, "''")}'`;
/** A whole column of a register's entries, absolute: `'申请台账'!$C$4:$C$503`. */
function entries(sheet: string, col: number, rows: number): string {
  const L = columnLetters(col);
  return `${quoted(sheet)}!$${L}$${REGISTER_HEADER_ROW + 2}:$${L}$${REGISTER_HEADER_ROW + 1 + rows}`;
}
const text = (s: string) => `"${s.replace(/"/gu, '""')}"`;

/** The formula of every cell of table 三 and table 四, by cell key (an empty register computes 0 everywhere). */
export function registerFormulas(revision: FormatRevision): Map<CellKey, PlanFormula> {
  const o = registerOptions(revision);
  const q = revision.spec.requests;
  const k = revision.keys;
  const out = new Map<CellKey, PlanFormula>();
  const zero = () => 0;
  const type = entries(REGISTER_SHEET, R.申请人类型, REGISTER_ROWS);
  const result = entries(REGISTER_SHEET, R.办理结果, REGISTER_ROWS);
  const carried = entries(REGISTER_SHEET, R.是否上年结转, REGISTER_ROWS);
  const forward = entries(REGISTER_SHEET, R.是否结转下年度, REGISTER_ROWS);
  const sum = (keys: CellKey[]): PlanFormula => ({ text: keys.map(definedName).join('+'), value: zero });
  for (const a of o.applicants) {
    const t = `${type},${text(a.label)}`;
    // 本年新收: this year's requests; 上年结转: those carried over from last year.
    out.set(k.request(q.newReceived.key, a.key), { text: `COUNTIFS(${t},${carried},"<>${YES}")`, value: zero });
    out.set(k.request(q.carriedOver.key, a.key), { text: `COUNTIFS(${t},${carried},${text(YES)})`, value: zero });
    // A result is counted for the requests finished this year; those carried forward are still open.
    for (const r of o.results) out.set(k.request(r.key, a.key), { text: `COUNTIFS(${t},${result},${text(r.label)},${forward},"<>${YES}")`, value: zero });
    out.set(k.request(q.totalHandled.key, a.key), sum(o.results.map((r) => k.request(r.key, a.key))));
    out.set(k.request(q.carriedForward.key, a.key), { text: `COUNTIFS(${t},${forward},${text(YES)})`, value: zero });
  }
  for (const row of revision.requestRows) out.set(k.request(row.key, 'total'), sum(o.applicants.map((a) => k.request(row.key, a.key))));
  const caseType = entries(CASES_SHEET, C.类型, CASE_ROWS);
  const caseResult = entries(CASES_SHEET, C.结果, CASE_ROWS);
  for (const g of o.caseTypes) {
    for (const c of o.caseResults)
      out.set(k.appeal(g.key, c.key), { text: `COUNTIFS(${caseType},${text(g.label)},${caseResult},${text(c.label)})`, value: zero });
    out.set(k.appeal(g.key, 'total'), sum(o.caseResults.map((c) => k.appeal(g.key, c.key))));
  }
  return out;
}

const LIST_MESSAGE = '请从下拉列表中选择';

/** A dropdown from a column of the options sheet. */
function listOf(col: number, count: number, title: string): Validation {
  const L = columnLetters(col);
  return { type: 'list', min: 0, source: `${quoted(OPTIONS_SHEET)}!$${L}$2:$${L}$${count + 1}`, title, message: `${LIST_MESSAGE}${title}。` };
}
/** A date from 2000-01-01 (serial 36526) on. */
const DATE_RULE: Validation = { type: 'date', min: 36526, title: '收到日期', message: '填写收到申请的日期，如 2023-03-15；上年结转的申请填上年的收到日期。' };

function heading(cells: PlanCell[], title: string, hint: string): void {
  cells.push({ row: 0, col: 0, rowSpan: 1, colSpan: 1, style: 'title', text: title });
  cells.push({ row: 1, col: 0, rowSpan: 1, colSpan: 1, style: 'hint', text: hint });
}

/** The three sheets of a register workbook: the requests, the cases, and the dropdowns' options (hidden). */
export function registerSheets(revision: FormatRevision): SheetPlan[] {
  const o = registerOptions(revision);
  const lists = [o.applicants.map((a) => a.label), o.results.map((r) => r.label), o.yesNo, o.caseTypes.map((g) => g.label), o.caseResults.map((c) => c.label)];
  const listTitles = ['申请人类型', '办理结果', '是否', '复议诉讼类型', '复议诉讼结果'];
  const validations = lists.map((l, i) => listOf(i, l.length, listTitles[i]!));
  const requestCells: PlanCell[] = [];
  heading(
    requestCells,
    '依申请公开登记台账',
    '每件申请填一行，类型和结果从下拉列表选择；“报告数据”表三由本表自动计算。上年结转的申请“是否上年结转”填“是”，年底未办结的“是否结转下年度”填“是”。',
  );
  REGISTER_COLUMNS.forEach((c, i) => requestCells.push({ row: REGISTER_HEADER_ROW, col: i, rowSpan: 1, colSpan: 1, style: 'header', text: c }));
  const requestRule = [null, DATE_RULE, validations[0]!, validations[1]!, validations[2]!, validations[2]!, null];
  for (let r = 0; r < REGISTER_ROWS; r++)
    REGISTER_COLUMNS.forEach((_, col) => {
      const rule = requestRule[col];
      requestCells.push({
        row: REGISTER_HEADER_ROW + 1 + r,
        col,
        rowSpan: 1,
        colSpan: 1,
        style: col === R.收到日期 ? 'dateInput' : 'metaInput',
        text: null,
        ...(rule ? { validation: rule } : {}),
      });
    });
  const caseCells: PlanCell[] = [];
  heading(caseCells, '行政复议、行政诉讼登记', '每件复议或诉讼案件填一行，类型和结果从下拉列表中选择。“报告数据”中表四由本表自动计算。');
  CASE_COLUMNS.forEach((c, i) => caseCells.push({ row: REGISTER_HEADER_ROW, col: i, rowSpan: 1, colSpan: 1, style: 'header', text: c }));
  const caseRule = [null, validations[3]!, validations[4]!, null];
  for (let r = 0; r < CASE_ROWS; r++)
    CASE_COLUMNS.forEach((_, col) => {
      const rule = caseRule[col];
      caseCells.push({ row: REGISTER_HEADER_ROW + 1 + r, col, rowSpan: 1, colSpan: 1, style: 'metaInput', text: null, ...(rule ? { validation: rule } : {}) });
    });
  const optionCells: PlanCell[] = [];
  lists.forEach((list, col) => {
    optionCells.push({ row: 0, col, rowSpan: 1, colSpan: 1, style: 'header', text: listTitles[col]! });
    list.forEach((label, i) => optionCells.push({ row: i + 1, col, rowSpan: 1, colSpan: 1, style: 'rowLabel', text: label }));
  });
  const print = { orientation: 'landscape' as const, paper: 'A4' as const, fitToWidth: 1 as const };
  return [
    { name: REGISTER_SHEET, cells: requestCells, columnWidths: [10, 13, 16, 40, 12, 14, 30], rowHeights: {}, print },
    { name: CASES_SHEET, cells: caseCells, columnWidths: [10, 22, 14, 40], rowHeights: {}, print },
    { name: OPTIONS_SHEET, cells: optionCells, columnWidths: [16, 44, 8, 22, 14], rowHeights: {}, print, hidden: true },
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading a register back.

const cellText = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

type Row = { row: number; cells: (string | null)[]; raw: readonly unknown[] };
const at = (row: Row, col: number): string | null => row.cells[col] ?? null;

function rowsOf(grid: Grid, width: number): Row[] {
  const out: Row[] = [];
  for (let r = REGISTER_HEADER_ROW + 1; r < grid.length; r++) {
    const raw = grid[r] ?? [];
    const cells: (string | null)[] = Array.from({ length: width }, (_, c) => cellText(raw[c]));
    // A row with nothing but a note or a number is not an entry yet.
    if (cells.slice(1, width - 1).every((c) => c === null)) continue;
    out.push({ row: r, cells, raw });
  }
  return out;
}

/** The register a workbook's sheets hold, if it has one. */
export function registerOf(sheets: readonly SheetGrid[]): Register | undefined {
  const requests = sheets.find((s) => s.name === REGISTER_SHEET);
  const cases = sheets.find((s) => s.name === CASES_SHEET);
  if (!requests && !cases) return undefined;
  return {
    requests: (requests ? rowsOf(requests.grid, REGISTER_COLUMNS.length) : []).map((r) => {
      const date = readDate(r.raw[R.收到日期]);
      return {
        sheet: REGISTER_SHEET,
        row: r.row,
        number: at(r, R.编号) ?? '',
        date: date ?? at(r, R.收到日期),
        dateReadable: date !== undefined,
        applicant: at(r, R.申请人类型),
        result: at(r, R.办理结果),
        carriedOver: at(r, R.是否上年结转),
        carriedForward: at(r, R.是否结转下年度),
      };
    }),
    cases: (cases ? rowsOf(cases.grid, CASE_COLUMNS.length) : []).map((r) => ({
      sheet: CASES_SHEET,
      row: r.row,
      number: at(r, C.编号) ?? '',
      type: at(r, C.类型),
      result: at(r, C.结果),
    })),
  };
}

/** The place a register finding points at: the cell, as `申请台账!C5`. */
export function registerPlace(sheet: string, row: number, column: string): string {
  const col = sheet === CASES_SHEET ? C[column as (typeof CASE_COLUMNS)[number]] : R[column as (typeof REGISTER_COLUMNS)[number]];
  return `${sheet}!${a1(row, col ?? 0)}`;
}

export const YES_NO = { yes: YES, no: NO } as const;
