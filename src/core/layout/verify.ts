/**
 * The workbook that checks itself: the linear rules of the rule table (row totals, handled totals,
 * the balance, table 四's totals, the in-force bound) compiled into spreadsheet formulas over the
 * defined names, so Excel without the add-in, WPS and LibreOffice check the sums while people type.
 * The `核对` sheet lists each check with both sides, the difference and a status; conditional
 * formats turn a total red while its check fails. Checks that need last year's report cannot be
 * written as formulas in this year's workbook and are left to the checker.
 *
 * Each formula comes with the value it computes, in the spreadsheet's own arithmetic (a blank is 0,
 * text that is a number counts, other text is an error), so a file written with values opens with
 * the right results in programs that do not recalculate on load.
 */
import type { FormatRevision } from '../format/revision';
import type { CellKey } from '../format/types';
import { RULES } from '../rules/declarations';
import type { LinearCheck, Term } from '../rules/types';
import type { RuleConfig } from '../config';
import { formatNumber, FEE_DECIMALS } from '../values/compare';
import { a1 } from './a1';
import { LINE_HEIGHT, linesFor } from './lines';
import { definedName } from './names';
import type { PlanCell, SheetPlan } from './workbook';

export const VERIFY_SHEET = '核对';

/** The statuses a check shows. */
export const VERIFY_STATUS = { ok: '一致', failed: '不一致', notNumber: '含非数值' } as const;
export type VerifyStatus = (typeof VERIFY_STATUS)[keyof typeof VERIFY_STATUS];

/** A value as the spreadsheet computes it: a number, text, or an error value (`#VALUE!`). */
export type Computed = number | string | { error: string };

/** What a formula's value is computed from: the value at a place key (null when blank or absent). */
export type ValueAt = (key: string) => unknown;

/** A formula of the plan: its text (without `=`) and the value it computes from the places' values. */
export type PlanFormula = { text: string; value: (at: ValueAt) => Computed };

/** How a conditional format shows a failing check: bold dark red on light red. */
export const FAILED_LOOK = { fontColor: '#C00000', fill: '#FFC7CE', bold: true } as const;

/** A conditional format of a sheet: the cell it colours and the formula (over defined names) that switches it on. */
export type ConditionalFormat = { row: number; col: number; formula: string };

const VALUE_ERROR = { error: '#VALUE!' } as const;
const isError = (v: Computed): v is { error: string } => typeof v === 'object';

/** A cell's value in arithmetic, as spreadsheets take it: blank 0, numeric text its number, other text an error. */
function arithmetic(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    const n = Number(t);
    return t !== '' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/iu.test(t) && Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** The current-year linear checks in force: the ones a workbook of one year can compute. */
export function verifiableChecks(revision: FormatRevision, config?: RuleConfig): LinearCheck[] {
  const off = new Set(config?.off ?? []);
  return revision.checks.filter(
    (c): c is LinearCheck => c.family === 'linear' && !off.has(c.rule) && [...c.left, ...c.right].every((t) => t.from === 'current'),
  );
}

const nameOf = (key: CellKey) => definedName(key);

/**
 * `GIR.a+GIR.b-GIR.c`. A side of one cell gets `+0`: a bare reference to a blank cell is empty, not 0,
 * inside IFERROR in LibreOffice.
 */
function sideText(terms: readonly Term[]): string {
  const text = terms.map((t, i) => `${t.sign < 0 ? '-' : i > 0 ? '+' : ''}${nameOf(t.key)}`).join('');
  return terms.length === 1 ? `${text}+0` : text;
}

function sideValue(terms: readonly Term[], at: ValueAt): Computed {
  let sum = 0;
  for (const t of terms) {
    const n = arithmetic(at(t.key));
    if (n === undefined) return VALUE_ERROR;
    sum += t.sign * n;
  }
  return sum;
}

/** The side's labels as people read them: “本年新收＋上年结转”; a long sum by what its parts are called. */
function sideLabel(terms: readonly Term[], partsLabel = ''): string {
  if (terms.length > 4 && partsLabel) return `${partsLabel}之和`;
  return terms.map((t, i) => `${t.sign < 0 ? '－' : i > 0 ? '＋' : ''}${t.label}`).join('');
}

const decimalsOf = (check: LinearCheck, revision: FormatRevision) => (revision.cell(check.left[0]!.key)?.kind === 'fee' ? FEE_DECIMALS : 0);

/** Whether the relation holds, as a formula over two expressions. */
function holdsText(check: LinearCheck, decimals: number, l: string, r: string): string {
  const [a, b] = decimals > 0 ? [`ROUND(${l},${decimals})`, `ROUND(${r},${decimals})`] : [l, r];
  return check.relation === 'equal' ? `${a}=${b}` : `${a}>=${b}`;
}

function holds(check: LinearCheck, decimals: number, l: number, r: number): boolean {
  const f = 10 ** decimals;
  const [a, b] = [Math.round(l * f) / f, Math.round(r * f) / f];
  return check.relation === 'equal' ? a === b : a >= b;
}

/**
 * The formula a conditional format on the check's total uses: true while the check fails, false
 * while a side holds text (that is another rule's finding).
 */
export function failingFormula(check: LinearCheck, revision: FormatRevision): string {
  const d = decimalsOf(check, revision);
  return `IFERROR(NOT(${holdsText(check, d, `(${sideText(check.left)})`, `(${sideText(check.right)})`)}),FALSE)`;
}

/** The columns of the 核对 sheet. */
export const VERIFY_COLUMNS = ['序号', '核对规则', '范围', '合计项', '合计数', '关系', '各项', '各项之和', '差额', '状态'] as const;
const COL = Object.fromEntries(VERIFY_COLUMNS.map((c, i) => [c, i])) as Record<(typeof VERIFY_COLUMNS)[number], number>;

/** Where the 核对 sheet's table starts: its header row; one row per check follows. */
export const VERIFY_HEADER_ROW = 4;
/** The row and column of the count of failing checks. */
export const VERIFY_SUMMARY = { row: 2, col: 4 } as const;

export type VerifyPlan = {
  sheet: SheetPlan;
  /** The checks in the order of the sheet's rows (the first at VERIFY_HEADER_ROW + 1). */
  checks: LinearCheck[];
  /** Per check, the place keys of its total (the cells its conditional format colours). */
  totals: CellKey[][];
};

/** The 核对 sheet of a revision, with the checks in force under the given rules. */
export function verifyPlan(revision: FormatRevision, config?: RuleConfig): VerifyPlan {
  const checks = verifiableChecks(revision, config);
  const cells: PlanCell[] = [];
  const label = (row: number, col: number, text: string, style: PlanCell['style'] = 'rowLabel') =>
    cells.push({ row, col, rowSpan: 1, colSpan: 1, style, text });
  const formula = (row: number, col: number, f: PlanFormula, style: PlanCell['style'] = 'rowLabel') =>
    cells.push({ row, col, rowSpan: 1, colSpan: 1, style, text: null, formula: f });
  label(0, 0, '报告数据核对（公式自动计算）', 'title');
  label(
    1,
    0,
    '本表用公式核对“报告数据”中的合计关系，填写时即时更新，不需要加载项，WPS 和 LibreOffice 中同样有效；核对不一致的合计在“报告数据”中显示为红色。本表已锁定，检查报告时不读取本表。',
    'hint',
  );
  const widths = [5, 30, 34, 20, 8, 5, 40, 9, 7, 8];
  const heights: Record<number, number> = {};
  const failedWhen: ConditionalFormat[] = [];
  const first = VERIFY_HEADER_ROW + 1;
  const last = first + Math.max(checks.length, 1) - 1;
  const statusRange = `${a1(first, COL.状态)}:${a1(last, COL.状态)}`;
  label(VERIFY_SUMMARY.row, VERIFY_SUMMARY.col - 1, '不一致项数', 'metaLabel');
  // The count of failing checks, computed from the checks' own statuses.
  const statuses: ((at: ValueAt) => VerifyStatus)[] = [];
  formula(
    VERIFY_SUMMARY.row,
    VERIFY_SUMMARY.col,
    { text: `COUNTIF(${statusRange},"${VERIFY_STATUS.failed}")`, value: (at) => statuses.filter((s) => s(at) === VERIFY_STATUS.failed).length },
    'header',
  );
  label(VERIFY_SUMMARY.row, VERIFY_SUMMARY.col + 1, `共 ${checks.length} 项核对；上年结转等需对照上年报告的核对由“检查报告”完成`, 'hint');
  VERIFY_COLUMNS.forEach((c, i) => label(VERIFY_HEADER_ROW, i, c, 'header'));
  checks.forEach((check, i) => {
    const row = first + i;
    const d = decimalsOf(check, revision);
    const ref = (col: number) => a1(row, col);
    const left = (at: ValueAt) => sideValue(check.left, at);
    const right = (at: ValueAt) => sideValue(check.right, at);
    const status = (at: ValueAt): VerifyStatus => {
      const l = left(at);
      const r = right(at);
      if (isError(l) || isError(r) || typeof l !== 'number' || typeof r !== 'number') return VERIFY_STATUS.notNumber;
      return holds(check, d, l, r) ? VERIFY_STATUS.ok : VERIFY_STATUS.failed;
    };
    statuses.push(status);
    const shown = (v: Computed): Computed => (isError(v) ? '' : v);
    label(row, COL.序号, String(i + 1));
    label(row, COL.核对规则, RULES[check.rule].title);
    label(row, COL.范围, check.scope);
    label(row, COL.合计项, sideLabel(check.left));
    formula(row, COL.合计数, { text: `IFERROR(${sideText(check.left)},"")`, value: (at) => shown(left(at)) }, 'computed');
    label(row, COL.关系, check.relation === 'equal' ? '＝' : '≥');
    label(row, COL.各项, sideLabel(check.right, check.partsLabel));
    formula(row, COL.各项之和, { text: `IFERROR(${sideText(check.right)},"")`, value: (at) => shown(right(at)) }, 'computed');
    const [l, r] = [ref(COL.合计数), ref(COL.各项之和)];
    formula(
      row,
      COL.差额,
      {
        text: `IF(OR(${l}="",${r}=""),"",ROUND(${l}-${r},${d}))`,
        value: (at) => {
          const a = left(at);
          const b = right(at);
          if (typeof a !== 'number' || typeof b !== 'number') return '';
          return Number(formatNumber(Math.round((a - b) * 10 ** d) / 10 ** d));
        },
      },
      'computed',
    );
    formula(
      row,
      COL.状态,
      {
        text: `IF(OR(${l}="",${r}=""),"${VERIFY_STATUS.notNumber}",IF(${holdsText(check, d, l, r)},"${VERIFY_STATUS.ok}","${VERIFY_STATUS.failed}"))`,
        value: status,
      },
      'header',
    );
    failedWhen.push({ row, col: COL.状态, formula: `${ref(COL.状态)}="${VERIFY_STATUS.failed}"` });
    const lines = Math.max(
      ...[RULES[check.rule].title, check.scope, sideLabel(check.left), sideLabel(check.right, check.partsLabel)].map((t, k) =>
        linesFor(t, widths[[COL.核对规则, COL.范围, COL.合计项, COL.各项][k]!]!),
      ),
    );
    // Every row's height is set: programs that size rows themselves make wrapped CJK rows twice as tall.
    heights[row] = lines * LINE_HEIGHT + 3;
  });
  const sheet: SheetPlan = {
    name: VERIFY_SHEET,
    cells,
    columnWidths: widths,
    rowHeights: heights,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: 1 },
    // A failing check's status shows in the same red as its total.
    conditionalFormats: failedWhen,
  };
  return { sheet, checks, totals: checks.map((c) => c.left.map((t) => t.key)) };
}

/** The conditional formats of the data cells: each check's total turns red while the check fails. */
export function verifyFormats(
  plan: VerifyPlan,
  revision: FormatRevision,
  addressOf: (key: CellKey) => { row: number; col: number } | undefined,
): ConditionalFormat[] {
  const out: ConditionalFormat[] = [];
  plan.checks.forEach((check, i) => {
    const formula = failingFormula(check, revision);
    for (const key of plan.totals[i]!) {
      const at = addressOf(key);
      if (at) out.push({ row: at.row, col: at.col, formula });
    }
  });
  return out;
}

/** The value a formula of the plan computes, for a writer that saves results with the formulas. */
export function computedValue(f: PlanFormula, values: ReadonlyMap<string, unknown>): Computed {
  return f.value((k) => values.get(k) ?? null);
}
