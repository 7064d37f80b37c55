/**
 * Locating the report's cells in a sheet not made by us (typed from the official Word template,
 * or ours with its defined names deleted), by the labels of the format. Pure: takes the sheet's
 * values as a grid (merged cells hold their value in the top-left cell).
 */
import {
  ACTIVE_DOC_COLUMNS,
  ACTIVE_DOC_ROWS,
  ACTIVE_SINGLE_BLOCKS,
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  appealKey,
  requestKey,
  metaPlace,
  narrativePlace,
} from '../format';
import type { CellKey, TableId } from '../format/types';
import { labelMatches, normalizeLabel } from './labels';
import { META_ROWS, NARRATIVE_ROWS } from './workbook';

export type Grid = readonly (readonly unknown[])[];
export type GridPosition = { row: number; col: number };

export type Located = {
  cells: Map<CellKey, GridPosition>;
  tables: Set<TableId>;
  /** Labels of the 2019 format seen in the sheet (for old-template). */
  oldLabels: string[];
};

/** Labels that only the 2019 trial format has. */
const OLD_LABELS = ['规范性文件', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '政府集中采购'];

function textAt(grid: Grid, r: number, c: number): string {
  const v = grid[r]?.[c];
  return typeof v === 'string' ? v : '';
}

function findAll(grid: Grid, label: string, rows?: [number, number], cols?: [number, number]): GridPosition[] {
  const out: GridPosition[] = [];
  const r0 = rows?.[0] ?? 0;
  const r1 = Math.min(rows?.[1] ?? grid.length - 1, grid.length - 1);
  for (let r = r0; r <= r1; r++) {
    const row = grid[r] ?? [];
    const c0 = cols?.[0] ?? 0;
    const c1 = Math.min(cols?.[1] ?? row.length - 1, row.length - 1);
    for (let c = c0; c <= c1; c++) {
      const t = textAt(grid, r, c);
      if (t && normalizeLabel(t) === normalizeLabel(label)) out.push({ row: r, col: c });
    }
  }
  return out;
}

function locateRequests(grid: Grid, out: Located): void {
  for (const natural of findAll(grid, REQUEST_COLUMNS[0].label)) {
    const band: [number, number] = [natural.row, natural.row + 2];
    const columns = new Map<string, number>([['natural', natural.col]]);
    for (const c of REQUEST_COLUMNS.slice(1)) {
      const hit = findAll(grid, c.label, band, [natural.col + 1, natural.col + 12])[0];
      if (hit) columns.set(c.key, hit.col);
    }
    if (columns.size < 3) continue;
    const headerBottom = Math.max(natural.row + 1, ...[...columns.values()].map((col) => (textAt(grid, natural.row + 1, col) ? natural.row + 1 : natural.row)));
    const assigned = new Set<string>();
    for (let r = headerBottom + 1; r < Math.min(grid.length, headerBottom + 45); r++) {
      // The row's label is its rightmost label text left of the value columns.
      let label = '';
      for (let c = natural.col - 1; c >= 0 && !label; c--) label = textAt(grid, r, c).trim();
      if (!label) continue;
      const row = REQUEST_ROWS.find((x) => !assigned.has(x.key) && labelMatches(label, x.label));
      if (!row) {
        if (normalizeLabel(label) === normalizeLabel('（六）其他处理')) out.oldLabels.push('（六）其他处理（单行）');
        continue;
      }
      assigned.add(row.key);
      for (const [colKey, col] of columns) out.cells.set(requestKey(row.key, colKey as (typeof REQUEST_COLUMNS)[number]['key']), { row: r, col });
      if (row.key === 'carriedForward') break;
    }
    if (assigned.size > 0) {
      out.tables.add('requests');
      return;
    }
  }
}

function locateActive(grid: Grid, out: Located): void {
  const issued = findAll(grid, ACTIVE_DOC_COLUMNS[0].label)[0];
  if (issued) {
    const band: [number, number] = [issued.row, issued.row];
    const cols = ACTIVE_DOC_COLUMNS.map((c) => findAll(grid, c.label, band)[0]?.col);
    for (const docRow of ACTIVE_DOC_ROWS) {
      const labels = docRow.key === 'active.normativeDocuments' ? [docRow.label, '规范性文件'] : [docRow.label];
      const hit = labels.flatMap((l) => findAll(grid, l, [issued.row + 1, issued.row + 4], [0, issued.col - 1]))[0];
      if (!hit) continue;
      ACTIVE_DOC_COLUMNS.forEach((c, i) => {
        const col = cols[i];
        if (col !== undefined) out.cells.set(`${docRow.key}.${c.key}`, { row: hit.row, col });
      });
      out.tables.add('active');
    }
  }
  for (const block of ACTIVE_SINGLE_BLOCKS) {
    for (const r of block.rows) {
      const hit = findAll(grid, r.label)[0];
      if (!hit) continue;
      // The value sits under the block's header (merged across the value columns), else right of the label.
      let col: number | undefined;
      for (let up = 1; up <= 3 && col === undefined; up++) {
        const row = grid[hit.row - up] ?? [];
        for (let c = hit.col + 1; c < row.length; c++) {
          if (labelMatches(textAt(grid, hit.row - up, c), block.header)) {
            col = c;
            break;
          }
        }
      }
      // No header found (a plain two-column table): the value is right of the label.
      if (col === undefined) col = hit.col + 1;
      out.cells.set(r.key, { row: hit.row, col });
      out.tables.add('active');
    }
  }
}

function locateAppeals(grid: Grid, out: Located): void {
  for (const review of findAll(grid, APPEAL_GROUPS[0].label)) {
    const uphelds = findAll(grid, APPEAL_COLUMNS[0].label, [review.row + 1, review.row + 3]).sort((a, b) => a.col - b.col || a.row - b.row);
    if (uphelds.length === 0) continue;
    const dataRow = Math.max(...uphelds.map((u) => u.row)) + 1;
    uphelds.slice(0, APPEAL_GROUPS.length).forEach((u, gi) => {
      const group = APPEAL_GROUPS[gi]!;
      let c = u.col;
      for (const col of APPEAL_COLUMNS) {
        while (c < (grid[u.row]?.length ?? 0) && !labelMatches(textAt(grid, u.row, c), col.label)) c++;
        if (c >= (grid[u.row]?.length ?? 0)) return;
        out.cells.set(appealKey(group.key, col.key), { row: dataRow, col: c });
        c++;
      }
    });
    out.tables.add('appeals');
    return;
  }
}

export function locateByLabels(grid: Grid): Located {
  const out: Located = { cells: new Map(), tables: new Set(), oldLabels: [] };
  locateActive(grid, out);
  locateRequests(grid, out);
  locateAppeals(grid, out);
  for (const label of OLD_LABELS) if (findAll(grid, label).length > 0 && !out.oldLabels.includes(label)) out.oldLabels.push(label);
  return out;
}

/**
 * Locates the metadata and narrative places of a text sheet by their labels in one column and the
 * value in the next (our `报告正文` layout, or any sheet laid out the same way).
 */
export function locateTextPlaces(grid: Grid): Map<string, GridPosition> {
  const out = new Map<string, GridPosition>();
  const rows: { key: string; label: string }[] = [
    ...META_ROWS.map((m) => ({ key: metaPlace(m.field), label: m.label })),
    ...NARRATIVE_ROWS.map((n) => ({ key: narrativePlace(n.field), label: n.label })),
  ];
  for (const { key, label } of rows) {
    const hit = findAll(grid, label)[0];
    if (hit) out.set(key, { row: hit.row, col: hit.col + 1 });
  }
  // A lone 年度 or 机关名称 elsewhere is not a text sheet: ask for a narrative section too.
  return [...out.keys()].some((k) => k.startsWith('narrative.')) ? out : new Map();
}
