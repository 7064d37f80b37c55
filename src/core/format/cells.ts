/**
 * The cell registry, derived from the table grids: every value cell with its kind, its name for
 * messages and its position; plus the other places a finding can point at (metadata, narrative
 * sections, whole tables). Nothing else in the project spells a cell key by hand.
 */
import {
  ACTIVE_DOC_COLUMNS,
  ACTIVE_DOC_ROWS,
  ACTIVE_SINGLE_BLOCKS,
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  SECTIONS,
  TABLES,
  appealKey,
  requestKey,
} from './model';
import type { CellDef, CellKey, NarrativeField, SectionId, TableFormat, TableId, ValueKind } from './types';

function cellNames(): Map<CellKey, { name: string; kind: ValueKind }> {
  const names = new Map<CellKey, { name: string; kind: ValueKind }>();
  for (const r of ACTIVE_DOC_ROWS) {
    for (const c of ACTIVE_DOC_COLUMNS) names.set(`${r.key}.${c.key}`, { name: `${r.label}·${c.label}`, kind: 'count' });
  }
  for (const block of ACTIVE_SINGLE_BLOCKS) {
    for (const r of block.rows) names.set(r.key, { name: `${r.label}·${block.header}`, kind: r.kind });
  }
  for (const r of REQUEST_ROWS) {
    for (const c of REQUEST_COLUMNS) names.set(requestKey(r.key, c.key), { name: `${r.short}·${c.label}`, kind: 'count' });
  }
  for (const g of APPEAL_GROUPS) {
    for (const c of APPEAL_COLUMNS) names.set(appealKey(g.key, c.key), { name: `${g.name}·${c.label}`, kind: 'count' });
  }
  return names;
}

/** Walks a grid, resolving row and column spans, and yields each value cell with its top-left position. */
export function gridPositions(table: TableFormat): { key: CellKey; row: number; col: number; colSpan: number }[] {
  const occupied: boolean[][] = table.rows.map(() => new Array<boolean>(table.columns).fill(false));
  const out: { key: CellKey; row: number; col: number; colSpan: number }[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < table.columns && occupied[r]![c]) c++;
      const rowSpan = cell.type === 'label' ? (cell.rowSpan ?? 1) : 1;
      const colSpan = cell.colSpan ?? 1;
      if (c + colSpan > table.columns || r + rowSpan > table.rows.length) {
        throw new Error(`format model: cell overflows table ${table.id} at row ${r}`);
      }
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied[r + dr]![c + dc] = true;
      if (cell.type === 'value') out.push({ key: cell.key, row: r, col: c, colSpan });
      c += colSpan;
    }
    if (occupied[r]!.some((o) => !o)) throw new Error(`format model: row ${r} of table ${table.id} is not filled`);
  });
  return out;
}

function buildRegistry(): CellDef[] {
  const names = cellNames();
  const defs: CellDef[] = [];
  let order = 0;
  for (const table of TABLES) {
    for (const pos of gridPositions(table)) {
      const named = names.get(pos.key);
      if (!named) throw new Error(`format model: no name for cell ${pos.key}`);
      defs.push({ key: pos.key, table: table.id, kind: named.kind, name: named.name, order: order++, gridRow: pos.row, gridCol: pos.col });
    }
  }
  if (defs.length !== names.size) throw new Error('format model: grid and names disagree');
  return defs;
}

/** Every value cell of the format, in document order. */
export const CELLS: readonly CellDef[] = buildRegistry();

const CELL_BY_KEY = new Map(CELLS.map((c) => [c.key, c]));

export function cellDef(key: CellKey): CellDef | undefined {
  return CELL_BY_KEY.get(key);
}

export function isCellKey(key: string): boolean {
  return CELL_BY_KEY.has(key);
}

export function cellsOfTable(table: TableId): readonly CellDef[] {
  return CELLS.filter((c) => c.table === table);
}

export function tableById(id: TableId): TableFormat {
  const t = TABLES.find((x) => x.id === id);
  if (!t) throw new Error(`unknown table ${id}`);
  return t;
}

export function sectionById(id: SectionId) {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown section ${id}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Places a finding can point at besides value cells.

export const META_FIELDS = [
  { field: 'agency', label: '机关名称' },
  { field: 'year', label: '年度' },
  { field: 'office', label: '发布机关' },
  { field: 'date', label: '发布日期' },
  { field: 'contact', label: '联系方式' },
  { field: 'title', label: '报告标题' },
] as const;

export type MetaField = (typeof META_FIELDS)[number]['field'];

export const NARRATIVE_FIELDS: readonly { field: NarrativeField; label: string }[] = [
  { field: 'preamble', label: '开头段落' },
  ...SECTIONS.flatMap((s) => (s.content.type === 'narrative' ? [{ field: s.content.field, label: s.title }] : [])),
];

export function metaPlace(field: MetaField): string {
  return `meta.${field}`;
}
export function narrativePlace(field: NarrativeField): string {
  return `narrative.${field}`;
}
export function tablePlace(table: TableId): string {
  return `table.${table}`;
}

type Place = { key: string; name: string; order: number };

function buildPlaces(): Map<string, Place> {
  const places = new Map<string, Place>();
  let order = 0;
  const add = (key: string, name: string) => places.set(key, { key, name, order: order++ });
  for (const m of ['title', 'agency', 'year', 'contact'] as const) add(metaPlace(m), META_FIELDS.find((f) => f.field === m)!.label);
  add(narrativePlace('preamble'), '开头段落');
  for (const s of SECTIONS) {
    if (s.content.type === 'narrative') add(narrativePlace(s.content.field), s.title);
    else {
      const tableId = s.content.table;
      add(tablePlace(tableId), `${s.title}（表格）`);
      for (const c of CELLS) if (c.table === tableId) add(c.key, c.name);
    }
  }
  for (const m of ['office', 'date'] as const) add(metaPlace(m), META_FIELDS.find((f) => f.field === m)!.label);
  return places;
}

const PLACES = buildPlaces();

/** Name of any place (cell, metadata field, narrative section, table) for messages. */
export function placeName(key: string): string {
  return PLACES.get(key)?.name ?? key;
}

/** Document order of any place; unknown places sort last. */
export function placeOrder(key: string): number {
  return PLACES.get(key)?.order ?? Number.MAX_SAFE_INTEGER;
}

/** The table a place belongs to, or `narrative` for metadata and text. */
export function placeGroup(key: string): TableId | 'narrative' {
  const cell = CELL_BY_KEY.get(key);
  if (cell) return cell.table;
  if (key.startsWith('table.')) return key.slice('table.'.length) as TableId;
  return 'narrative';
}

/** The groups findings are listed in (CLI text, task pane), in document order. */
export const FINDING_GROUPS: readonly { id: TableId | 'narrative'; title: string }[] = [
  { id: 'narrative', title: '标题、基本信息与正文' },
  ...TABLES.map((t) => ({ id: t.id, title: SECTIONS.find((s) => s.id === t.section)!.title })),
];
