/**
 * Locating a report in a workbook, the one way every reader does it (the Excel adapter and the
 * .xlsx reader alike): by the defined names first, then by the labels of the format for what the
 * names did not give (a sheet typed from the official Word template, or ours with its names
 * deleted), then the text sheet by its labels. Pure: takes the names and the sheets' values as
 * grids (merged cells hold their value in the top-left cell).
 */
import { metaPlace, narrativePlace } from '../format/build';
import type { FormatRevision } from '../format/revision';
import type { CellKey, TableId } from '../format/types';
import { parseReference } from './a1';
import { labelMatches, normalizeLabel } from './labels';
import { REVIEWS_SHEET, reviewsOfGrid, type ReadReviews } from './reviews';
import { VERIFY_SHEET } from './verify';
import { REGISTER_SHEETS } from './register';
import { CONFIG_CELL, CONFIG_SHEET, META_ROWS, carriedConfig, keyOfDefinedName, narrativeRows, type CarriedConfig } from './workbook';

export type Grid = readonly (readonly unknown[])[];
export type GridPosition = { row: number; col: number };
export type SheetGrid = { name: string; grid: Grid };

export type Located = {
  cells: Map<CellKey, GridPosition>;
  tables: Set<TableId>;
  /** Labels of the older revision seen in the sheet (for old-template). */
  oldLabels: string[];
};

function textAt(grid: Grid, r: number, c: number): string {
  const v = grid[r]?.[c];
  return typeof v === 'string' ? v : '';
}

function findAll(grid: Grid, label: string, rows?: [number, number], cols?: [number, number]): GridPosition[] {
  const out: GridPosition[] = [];
  const target = normalizeLabel(label);
  const r0 = rows?.[0] ?? 0;
  const r1 = Math.min(rows?.[1] ?? grid.length - 1, grid.length - 1);
  for (let r = r0; r <= r1; r++) {
    const row = grid[r] ?? [];
    const c0 = cols?.[0] ?? 0;
    const c1 = Math.min(cols?.[1] ?? row.length - 1, row.length - 1);
    for (let c = c0; c <= c1; c++) {
      const t = textAt(grid, r, c);
      if (t && normalizeLabel(t) === target) out.push({ row: r, col: c });
    }
  }
  return out;
}

function locateRequests(rev: FormatRevision, grid: Grid, out: Located): void {
  const columns = rev.spec.requests.columns;
  const collapsed = rev.spec.legacy.collapsedRows.map((r) => r.text);
  for (const first of findAll(grid, columns[0]!.label)) {
    const band: [number, number] = [first.row, first.row + 2];
    const found = new Map<string, number>([[columns[0]!.key, first.col]]);
    for (const c of columns.slice(1)) {
      const hit = findAll(grid, c.label, band, [first.col + 1, first.col + 12])[0];
      if (hit) found.set(c.key, hit.col);
    }
    if (found.size < 3) continue;
    const headerBottom = Math.max(first.row + 1, ...[...found.values()].map((col) => (textAt(grid, first.row + 1, col) ? first.row + 1 : first.row)));
    const assigned = new Set<string>();
    const last = rev.spec.requests.carriedForward.key;
    for (let r = headerBottom + 1; r < Math.min(grid.length, headerBottom + rev.requestRows.length + 20); r++) {
      // The row's label is its rightmost label text left of the value columns.
      let label = '';
      for (let c = first.col - 1; c >= 0 && !label; c--) label = textAt(grid, r, c).trim();
      if (!label) continue;
      const row = rev.requestRows.find((x) => !assigned.has(x.key) && labelMatches(label, x.label));
      if (!row) {
        const old = collapsed.find((text) => normalizeLabel(label) === normalizeLabel(text));
        if (old) out.oldLabels.push(`${old}（单行）`);
        continue;
      }
      assigned.add(row.key);
      for (const [colKey, col] of found) out.cells.set(rev.keys.request(row.key, colKey), { row: r, col });
      if (row.key === last) break;
    }
    if (assigned.size > 0) {
      out.tables.add('requests');
      return;
    }
  }
}

function locateActive(rev: FormatRevision, grid: Grid, out: Located): void {
  const { documents, blocks } = rev.spec.active;
  const aliases = rev.spec.legacy.rowAliases;
  const issued = findAll(grid, documents.columns[0]!.label)[0];
  if (issued) {
    const band: [number, number] = [issued.row, issued.row];
    const cols = documents.columns.map((c) => findAll(grid, c.label, band)[0]?.col);
    for (const docRow of documents.rows) {
      const labels = [docRow.label, ...(aliases[docRow.key] ?? [])];
      const hit = labels.flatMap((l) => findAll(grid, l, [issued.row + 1, issued.row + documents.rows.length + 2], [0, issued.col - 1]))[0];
      if (!hit) continue;
      documents.columns.forEach((c, i) => {
        const col = cols[i];
        if (col !== undefined) out.cells.set(rev.keys.document(docRow.key, c.key), { row: hit.row, col });
      });
      out.tables.add('active');
    }
  }
  for (const block of blocks) {
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
      out.cells.set(rev.keys.single(r.key), { row: hit.row, col });
      out.tables.add('active');
    }
  }
}

function locateAppeals(rev: FormatRevision, grid: Grid, out: Located): void {
  const { groups, columns } = rev.spec.appeals;
  for (const review of findAll(grid, groups[0]!.label)) {
    const firsts = findAll(grid, columns[0]!.label, [review.row + 1, review.row + 3]).sort((a, b) => a.col - b.col || a.row - b.row);
    if (firsts.length === 0) continue;
    const dataRow = Math.max(...firsts.map((u) => u.row)) + 1;
    firsts.slice(0, groups.length).forEach((u, gi) => {
      const group = groups[gi]!;
      let c = u.col;
      for (const col of columns) {
        while (c < (grid[u.row]?.length ?? 0) && !labelMatches(textAt(grid, u.row, c), col.label)) c++;
        if (c >= (grid[u.row]?.length ?? 0)) return;
        out.cells.set(rev.keys.appeal(group.key, col.key), { row: dataRow, col: c });
        c++;
      }
    });
    out.tables.add('appeals');
    return;
  }
}

/** The report's tables on one sheet, found by the labels of the revision. */
export function locateByLabels(grid: Grid, revision: FormatRevision): Located {
  const out: Located = { cells: new Map(), tables: new Set(), oldLabels: [] };
  locateActive(revision, grid, out);
  locateRequests(revision, grid, out);
  locateAppeals(revision, grid, out);
  for (const { text } of revision.spec.legacy.labels) if (findAll(grid, text).length > 0 && !out.oldLabels.includes(text)) out.oldLabels.push(text);
  return out;
}

/**
 * Locates the metadata and narrative places of a text sheet by their labels in one column and the
 * value in the next (our `报告正文` layout, or any sheet laid out the same way).
 */
export function locateTextPlaces(grid: Grid, revision: FormatRevision): Map<string, GridPosition> {
  const out = new Map<string, GridPosition>();
  const rows: { key: string; label: string }[] = [
    ...META_ROWS.map((m) => ({ key: metaPlace(m.field), label: m.label })),
    ...narrativeRows(revision).map((n) => ({ key: narrativePlace(n.field), label: n.label })),
  ];
  for (const { key, label } of rows) {
    const hit = findAll(grid, label)[0];
    if (hit) out.set(key, { row: hit.row, col: hit.col + 1 });
  }
  // A lone 年度 or 机关名称 elsewhere is not a text sheet: ask for a narrative section too.
  return [...out.keys()].some((k) => k.startsWith('narrative.')) ? out : new Map();
}

/** A defined name as a workbook lists it: its name and the reference it stands for. */
export type DefinedNameRef = { name: string; ref: string };
/** A place found by its defined name, with the value the host read there. */
export type NamedPlace = { key: string; sheet: string; row: number; col: number; value: unknown };
export type PlaceAddress = { sheet: string; row: number; col: number };

export type LocatedReport = {
  /** The value read at every place found (cell keys, `meta.*`, `narrative.*`). */
  raw: Map<string, unknown>;
  addresses: Map<string, PlaceAddress>;
  /** How the report's cells were found. */
  via: 'names' | 'labels' | 'mixed';
  /** Whether the text part (metadata and narrative) was found. */
  narrative: boolean;
  oldLabels: string[];
};

/**
 * Our defined names resolved against the sheets' grids; a dangling name (its sheet deleted or
 * renamed outside Excel) is left out, so its place falls back to the labels.
 */
export function resolveNames(names: readonly DefinedNameRef[], sheets: readonly SheetGrid[]): NamedPlace[] {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const out: NamedPlace[] = [];
  for (const dn of names) {
    const key = keyOfDefinedName(dn.name);
    const ref = key === undefined ? undefined : parseReference(dn.ref);
    const sheet = ref ? byName.get(ref.sheet) : undefined;
    if (!key || !ref || !sheet) continue;
    out.push({ key, sheet: sheet.name, row: ref.row, col: ref.col, value: sheet.grid[ref.row]?.[ref.col] ?? null });
  }
  return out;
}

/** The local rules carried by a workbook's sheets (its 本地规则 sheet), if any. */
export function carriedConfigOf(sheets: readonly SheetGrid[]): CarriedConfig | undefined {
  const sheet = sheets.find((s) => s.name === CONFIG_SHEET);
  return sheet ? carriedConfig(sheet.grid[CONFIG_CELL.row]?.[CONFIG_CELL.col]) : undefined;
}

/** The review decisions a workbook's 核实记录 sheet holds, if it has one. */
export function carriedReviewsOf(sheets: readonly SheetGrid[], revision: FormatRevision): ReadReviews | undefined {
  const sheet = sheets.find((s) => s.name === REVIEWS_SHEET);
  return sheet ? reviewsOfGrid(sheet.grid, revision) : undefined;
}

/** The 汇总 workbook's lists (core/collect writes them): not the report's tables either. */
export const COLLECT_SHEETS = ['报送情况', '问题清单', '雷同'] as const;
/** Sheets the add-in keeps beside the report, which hold no part of it (their text must not pass for labels). */
const SIDE_SHEETS = new Set<string>([CONFIG_SHEET, REVIEWS_SHEET, VERIFY_SHEET, ...REGISTER_SHEETS, ...COLLECT_SHEETS]);

/**
 * The report's places: names first; the labels (on the sheet where they match best) for the cells
 * the names did not give; the text sheet by its labels when no name gave any text place.
 * `sheets` may be empty when every name was found (Excel's one-batch read).
 */
export function locateReport(named: readonly NamedPlace[], allSheets: readonly SheetGrid[], revision: FormatRevision): LocatedReport {
  const sheets = allSheets.filter((s) => !SIDE_SHEETS.has(s.name));
  const raw = new Map<string, unknown>();
  const addresses = new Map<string, PlaceAddress>();
  for (const n of named) {
    raw.set(n.key, n.value);
    addresses.set(n.key, { sheet: n.sheet, row: n.row, col: n.col });
  }
  const byNames = revision.cells.filter((c) => raw.has(c.key)).length;
  let byLabels = 0;
  const oldLabels: string[] = [];
  if (byNames < revision.cells.length) {
    let best: { sheet: SheetGrid; located: Located } | undefined;
    for (const sheet of sheets) {
      const located = locateByLabels(sheet.grid, revision);
      if (!best || located.cells.size > best.located.cells.size) best = { sheet, located };
    }
    if (best) {
      for (const [key, pos] of best.located.cells) {
        if (raw.has(key)) continue;
        raw.set(key, best.sheet.grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: best.sheet.name, ...pos });
        byLabels++;
      }
      oldLabels.push(...best.located.oldLabels);
    }
  }
  const isText = (k: string) => k.startsWith('meta.') || k.startsWith('narrative.');
  let narrative = [...raw.keys()].some(isText);
  if (!narrative) {
    for (const sheet of sheets) {
      const located = locateTextPlaces(sheet.grid, revision);
      if (located.size === 0) continue;
      narrative = true;
      for (const [key, pos] of located) {
        raw.set(key, sheet.grid[pos.row]?.[pos.col] ?? null);
        addresses.set(key, { sheet: sheet.name, ...pos });
      }
      break;
    }
  }
  return { raw, addresses, via: byLabels === 0 ? 'names' : byNames === 0 ? 'labels' : 'mixed', narrative, oldLabels };
}

/** What to tell the user about how a workbook was read. */
export function locatedNotes(located: Pick<LocatedReport, 'via' | 'narrative'>): string[] {
  const notes: string[] = [];
  if (located.via !== 'names') notes.push('部分单元格是按表头文字找到的（工作簿不是本工具生成的，或名称被删除）');
  if (!located.narrative) notes.push('没有找到“报告正文”工作表（基本信息与正文），只检查了表格');
  return notes;
}
