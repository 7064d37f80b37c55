/**
 * Marks on offending cells, as a pure plan: which cells to colour, which to restore, and what to
 * remember (in a workbook setting) so that 清除标记 restores exactly what was there. A mark records
 * its sheet's id (Worksheet.id, stable across renames) as well as the name it had, so a mark on a
 * sheet renamed since is still found.
 */
import { MARK_COLORS, type Finding } from '../core';

export const MARK_SETTING = 'GIR.marks';
export { MARK_COLORS };

/** A cell's own fill: its colour, and whether it has a fill at all (pattern None = no fill). */
export type Fill = { color: string | null; none: boolean };

export type Mark = { sheet: string; sheetId?: string; address: string; severity: 'error' | 'warning'; original: Fill };
export type MarkStore = { version: 1 | 2; marks: Mark[] };

/** A sheet as Excel lists it: its current name and its id. */
export type SheetIdentity = { name: string; id: string };

export type CellRef = { sheet: string; address: string };
const id = (c: CellRef) => `${c.sheet}!${c.address}`;

export function parseMarkStore(value: unknown): MarkStore {
  const v = typeof value === 'string' ? safeJson(value) : value;
  if (typeof v !== 'object' || v === null || !Array.isArray((v as MarkStore).marks)) return { version: 1, marks: [] };
  const marks = (v as MarkStore).marks.filter(
    (m): m is Mark =>
      typeof m === 'object' &&
      m !== null &&
      typeof m.sheet === 'string' &&
      typeof m.address === 'string' &&
      (m.severity === 'error' || m.severity === 'warning') &&
      typeof m.original === 'object' &&
      m.original !== null &&
      (m.sheetId === undefined || typeof m.sheetId === 'string'),
  );
  return { version: 2, marks };
}

/**
 * The stored marks on the sheets as they are now: a mark with a sheet id follows its sheet's current
 * name; one stored without (an older version) is found by name. Marks whose sheet is gone are dropped
 * (there is nothing left to restore).
 */
export function resolveMarks(store: MarkStore, sheets: readonly SheetIdentity[]): MarkStore {
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const marks: Mark[] = [];
  for (const m of store.marks) {
    const sheet = (m.sheetId !== undefined ? byId.get(m.sheetId) : undefined) ?? (m.sheetId === undefined ? byName.get(m.sheet) : undefined);
    if (sheet) marks.push({ ...m, sheet: sheet.name, sheetId: sheet.id });
  }
  return { version: 2, marks };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

const sameColor = (a: string | null, b: string | null) => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

/** Is this fill one of our marks (so the user has not recoloured the cell since)? */
export function isOurMark(fill: Fill, severity: 'error' | 'warning'): boolean {
  return !fill.none && sameColor(fill.color, MARK_COLORS[severity]);
}

export type MarkPlan = {
  /** Cells to colour, with the colour. */
  apply: { cell: CellRef; color: string }[];
  /** Cells whose own fill comes back (with the severity of the mark they had). */
  restore: { cell: CellRef; sheetId?: string; original: Fill; severity: 'error' | 'warning' }[];
  /** What to remember for the next check or for clearing. */
  store: MarkStore;
};

/** The worst severity per cell among the findings, for the first cell of each finding that has an address. */
export function cellsToMark(
  findings: readonly Finding[],
  addressOf: (key: string) => CellRef | undefined,
): Map<string, { cell: CellRef; severity: 'error' | 'warning' }> {
  const out = new Map<string, { cell: CellRef; severity: 'error' | 'warning' }>();
  for (const f of findings) {
    if (f.reviewed) continue; // a person checked it and accepts it: no colour
    const key = f.cells[0];
    const cell = key ? addressOf(key) : undefined;
    if (!cell) continue;
    const prev = out.get(id(cell));
    const severity: 'error' | 'warning' = prev?.severity === 'error' || f.severity === 'error' ? 'error' : 'warning';
    out.set(id(cell), { cell, severity });
  }
  return out;
}

/**
 * Replaces the previous marks with new ones. A cell still marked keeps its remembered original; a cell
 * the user recoloured since is left alone (their colour becomes the original).
 */
export function planMarks(
  previous: MarkStore,
  wanted: ReadonlyMap<string, { cell: CellRef; severity: 'error' | 'warning' }>,
  currentFill: (cell: CellRef) => Fill | undefined,
  sheetIdOf: (sheet: string) => string | undefined = () => undefined,
): MarkPlan {
  const before = new Map(previous.marks.map((m) => [id(m), m]));
  const plan: MarkPlan = { apply: [], restore: [], store: { version: 2, marks: [] } };
  for (const [key, { cell, severity }] of wanted) {
    const old = before.get(key);
    const fill = currentFill(cell);
    const original = old && fill && isOurMark(fill, old.severity) ? old.original : (fill ?? { color: null, none: true });
    plan.apply.push({ cell, color: MARK_COLORS[severity] });
    const sheetId = sheetIdOf(cell.sheet);
    plan.store.marks.push({ ...cell, ...(sheetId !== undefined ? { sheetId } : {}), severity, original });
  }
  for (const [key, old] of before) {
    if (wanted.has(key)) continue;
    const fill = currentFill(old);
    if (fill === undefined || isOurMark(fill, old.severity))
      plan.restore.push({
        cell: { sheet: old.sheet, address: old.address },
        ...(old.sheetId !== undefined ? { sheetId: old.sheetId } : {}),
        original: old.original,
        severity: old.severity,
      });
  }
  return plan;
}
