/**
 * The workbook's 核实记录 sheet: the review decisions stored with the report, one row per reviewed
 * finding, readable by people (rule title, cells, reason, date, what was seen) and by every reader
 * (rule id, cell keys, the values recorded). Deleting a row withdraws that review.
 */
import type { FormatRevision } from '../format/revision';
import { RULES, isRuleId } from '../rules/declarations';
import { MAX_REVIEW_REASON, type Review } from '../rules/reviews';
import { readDate } from '../values/dates';
import type { ReportValue } from '../values/read';
import type { PlanCell, SheetPlan } from './workbook';

export const REVIEWS_SHEET = '核实记录';

/** The columns, by header; readers find them by these headers, so a moved column still reads. */
const COLUMNS = ['规则', '单元格', '核实理由', '核实日期', '核实时的问题', '规则编号', '单元格键', '核实时的数值'] as const;
type Column = (typeof COLUMNS)[number];
const WIDTHS: Record<Column, number> = {
  规则: 24,
  单元格: 30,
  核实理由: 36,
  核实日期: 12,
  核实时的问题: 50,
  规则编号: 16,
  单元格键: 30,
  核实时的数值: 30,
};
/** The header row (0-based) of a sheet this plan makes; readers search for it anyway. */
const HEADER_ROW = 3;

export function reviewsSheet(reviews: readonly Review[], revision: FormatRevision): SheetPlan {
  const cells: PlanCell[] = [
    { row: 0, col: 0, rowSpan: 1, colSpan: 1, style: 'title', text: '已核实的问题' },
    {
      row: 1,
      col: 0,
      rowSpan: 1,
      colSpan: 1,
      style: 'hint',
      text: '检查报告时，这些问题列为“已核实”，不再算作错误；所涉数值改变后会重新列出。删除一行即取消该项核实。',
    },
  ];
  COLUMNS.forEach((text, col) => cells.push({ row: HEADER_ROW, col, rowSpan: 1, colSpan: 1, style: 'header', text }));
  reviews.forEach((r, i) => {
    const row = HEADER_ROW + 1 + i;
    const texts: Record<Column, string> = {
      规则: RULES[r.rule].title,
      单元格: r.cells.map((c) => revision.placeName(c)).join('、'),
      核实理由: r.reason,
      核实日期: r.date,
      核实时的问题: r.message ?? '',
      规则编号: r.rule,
      单元格键: r.cells.join(' '),
      核实时的数值: r.values ? JSON.stringify(r.values) : '',
    };
    COLUMNS.forEach((c, col) => cells.push({ row, col, rowSpan: 1, colSpan: 1, style: 'rowLabel', text: texts[c] }));
  });
  return {
    name: REVIEWS_SHEET,
    cells,
    columnWidths: COLUMNS.map((c) => WIDTHS[c]),
    rowHeights: {},
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: 1 },
  };
}

export type ReadReviews = { reviews: Review[]; problems: string[] };

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

function valuesOf(v: unknown, revision: FormatRevision): Record<string, ReportValue> | undefined | 'bad' {
  const s = text(v);
  if (s === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(s);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'bad';
    const out: Record<string, ReportValue> = {};
    for (const [k, x] of Object.entries(parsed)) {
      if (!revision.isCellKey(k) || !(x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) return 'bad';
      out[k] = x;
    }
    return out;
  } catch {
    return 'bad';
  }
}

type Columns = Record<'rule' | 'cells' | 'reason' | 'date' | 'message' | 'values', number>;

/** One row's review, or why it cannot be read. */
function reviewOfRow(get: (col: number) => unknown, col: Columns, revision: FormatRevision): Review | string {
  const rule = text(get(col.rule));
  if (!isRuleId(rule)) return `规则编号“${rule}”不存在`;
  const cells = text(get(col.cells))
    .split(/[\s,，、]+/u)
    .filter(Boolean);
  if (cells.length === 0 || cells.some((c) => !revision.isPlace(c))) return '单元格键缺失或不存在';
  const reason = text(get(col.reason));
  if (reason === '') return '没有核实理由';
  if (reason.length > MAX_REVIEW_REASON) return `理由超过${MAX_REVIEW_REASON}字`;
  // Excel may have turned a typed date into a serial number: readDate reads both.
  const date = readDate(get(col.date));
  if (date === undefined) return '核实日期无法识别';
  const values = valuesOf(get(col.values), revision);
  if (values === 'bad') return '核实时的数值无法读取';
  const review: Review = { rule, cells, reason, date };
  const message = text(get(col.message));
  if (message !== '') review.message = message;
  if (values !== undefined) review.values = values;
  return review;
}

/**
 * The reviews on a 核实记录 sheet's grid. A row that cannot be read is left out with a problem
 * naming its row (its finding is then listed as not reviewed: nothing is accepted by mistake).
 */
export function reviewsOfGrid(grid: readonly (readonly unknown[] | undefined)[], revision: FormatRevision): ReadReviews {
  const headerRow = grid.findIndex((row) => row?.some((v) => text(v) === '规则编号'));
  if (headerRow < 0)
    return {
      reviews: [],
      problems: grid.some((row) => row?.some((v) => text(v) !== '')) ? [`“${REVIEWS_SHEET}”工作表缺少表头“规则编号”，其中的核实记录未能读取`] : [],
    };
  const header = grid[headerRow]!;
  const at = (name: Column) => header.findIndex((v) => text(v) === name);
  const col = {
    rule: at('规则编号'),
    cells: at('单元格键'),
    reason: at('核实理由'),
    date: at('核实日期'),
    message: at('核实时的问题'),
    values: at('核实时的数值'),
  };
  const reviews: Review[] = [];
  const problems: string[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row || row.every((v) => text(v) === '')) continue;
    const get = (c: number) => (c >= 0 ? row[c] : undefined);
    const read = reviewOfRow(get, col, revision);
    if (typeof read === 'string') problems.push(`“${REVIEWS_SHEET}”第${r + 1}行未能读取（${read}），该项按未核实处理`);
    else reviews.push(read);
  }
  return { reviews, problems };
}
