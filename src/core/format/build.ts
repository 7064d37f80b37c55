/**
 * From a revision's spec to its tables: the grids with their merges, the one walk over a grid's
 * spans, the cell registry, the other places a finding can point at, and the key makers. Cell keys
 * are made here and nowhere else.
 */
import type {
  CellDef,
  CellKey,
  FormatSpec,
  GridRow,
  NarrativeField,
  PlacedGridCell,
  RowGroupSpec,
  RowSpec,
  SectionFormat,
  TableFormat,
  TableId,
  ValueKind,
} from './types';

export const META_FIELDS = [
  { field: 'agency', label: '机关名称' },
  { field: 'year', label: '年度' },
  { field: 'office', label: '发布机关' },
  { field: 'date', label: '发布日期' },
  { field: 'contact', label: '联系方式' },
  { field: 'bodyType', label: '机关类型' },
  { field: 'title', label: '报告标题' },
] as const;

export type MetaField = (typeof META_FIELDS)[number]['field'];

export function metaPlace(field: MetaField): string {
  return `meta.${field}`;
}
export function narrativePlace(field: NarrativeField): string {
  return `narrative.${field}`;
}
export function tablePlace(table: TableId): string {
  return `table.${table}`;
}

export function isRowGroup(item: RowSpec | RowGroupSpec): item is RowGroupSpec {
  return 'rows' in item;
}

/** Walks a grid, resolving row and column spans: every cell with its top-left position. */
export function walkGrid(table: Pick<TableFormat, 'id' | 'columns' | 'rows'>): PlacedGridCell[] {
  const occupied: boolean[][] = table.rows.map(() => new Array<boolean>(table.columns).fill(false));
  const out: PlacedGridCell[] = [];
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
      out.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
    if (occupied[r]!.some((o) => !o)) throw new Error(`format model: row ${r} of table ${table.id} is not filled`);
  });
  return out;
}

export type KeyMakers = {
  /** T2 first block: `active.{row}.{column}`. */
  document(row: string, column: string): CellKey;
  /** T2 single-value rows: `active.{row}`. */
  single(row: string): CellKey;
  /** T3: `requests.{row}.{column}`. */
  request(row: string, column: string): CellKey;
  /** T4: `appeals.{group}.{column}`. */
  appeal(group: string, column: string): CellKey;
};

export type FormatTables = {
  spec: FormatSpec;
  id: string;
  name: string;
  source: string;
  sections: readonly SectionFormat[];
  tables: readonly TableFormat[];
  /** Every value cell, in document order. */
  cells: readonly CellDef[];
  /** All T3 rows in table order; the result rows (一…六) of 三、本年度办理结果. */
  requestRows: readonly RowSpec[];
  resultRows: readonly RowSpec[];
  narrativeFields: readonly { field: NarrativeField; label: string }[];
  /** The groups findings are listed in (CLI text, task pane), in document order. */
  findingGroups: readonly { id: TableId | 'narrative'; title: string }[];
  keys: KeyMakers;
  cell(key: string): CellDef | undefined;
  isCellKey(key: string): key is CellKey;
  cellsOfTable(id: TableId): readonly CellDef[];
  /** The cells of one row (by row id), in column order: grouped once when the revision is built. */
  cellsOfRow(rowId: string): readonly CellDef[];
  table(id: TableId): TableFormat;
  section(id: SectionFormat['id']): SectionFormat;
  /** Whether a key names a place findings point at (cell, metadata field, narrative section, table). */
  isPlace(key: string): boolean;
  /** Name of any place (cell, metadata field, narrative section, table) for messages. */
  placeName(key: string): string;
  /** Document order of any place; unknown places sort last. */
  placeOrder(key: string): number;
  /** The table a place belongs to, or `narrative` for metadata and text. */
  placeGroup(key: string): TableId | 'narrative';
};

const asKey = (s: string) => s as CellKey;

function activeTable(spec: FormatSpec): { table: TableFormat; names: [CellKey, string, string, ValueKind][] } {
  const a = spec.active;
  const width = 1 + a.documents.columns.length;
  const names: [CellKey, string, string, ValueKind][] = [];
  const rows: GridRow[] = [
    { header: true, cells: [{ type: 'label', text: a.documents.caption, colSpan: width, role: 'caption' }] },
    {
      header: true,
      cells: [
        { type: 'label', text: a.infoHeader, role: 'header' },
        ...a.documents.columns.map((c) => ({ type: 'label' as const, text: c.label, role: 'header' as const })),
      ],
    },
  ];
  for (const r of a.documents.rows) {
    rows.push({
      cells: [
        { type: 'label', text: r.label, role: 'rowLabel' },
        ...a.documents.columns.map((c) => {
          const key = asKey(`active.${r.key}.${c.key}`);
          names.push([key, r.label, c.label, 'count']);
          return { type: 'value' as const, key };
        }),
      ],
    });
  }
  for (const block of a.blocks) {
    rows.push({ header: true, cells: [{ type: 'label', text: block.caption, colSpan: width, role: 'caption' }] });
    rows.push({
      header: true,
      cells: [
        { type: 'label', text: a.infoHeader, role: 'header' },
        { type: 'label', text: block.header, colSpan: width - 1, role: 'header' },
      ],
    });
    for (const r of block.rows) {
      const key = asKey(`active.${r.key}`);
      names.push([key, r.label, block.header, r.kind]);
      rows.push({
        cells: [
          { type: 'label', text: r.label, role: 'rowLabel' },
          { type: 'value', key, colSpan: width - 1 },
        ],
      });
    }
  }
  return { table: { id: 'active', section: 'active', name: a.name, columns: width, rows, geometry: spec.geometry.active }, names };
}

function requestsTable(spec: FormatSpec): { table: TableFormat; names: [CellKey, string, string, ValueKind][] } {
  const q = spec.requests;
  const cols = q.columns;
  const names: [CellKey, string, string, ValueKind][] = [];
  const values = (row: RowSpec) =>
    cols.map((c) => {
      const key = asKey(`requests.${row.key}.${c.key}`);
      names.push([key, row.short, c.label, 'count']);
      return { type: 'value' as const, key };
    });
  const legal = cols.slice(1, -1);
  const rows: GridRow[] = [
    {
      header: true,
      cells: [
        { type: 'label', text: q.note, rowSpan: 3, colSpan: 3, role: 'note' },
        { type: 'label', text: q.applicantHeader, colSpan: cols.length, role: 'header' },
      ],
    },
    {
      header: true,
      cells: [
        { type: 'label', text: cols[0]!.label, rowSpan: 2, role: 'header' },
        { type: 'label', text: q.legalPersonHeader, colSpan: legal.length, role: 'header' },
        { type: 'label', text: cols[cols.length - 1]!.label, rowSpan: 2, role: 'header' },
      ],
    },
    { header: true, cells: legal.map((c) => ({ type: 'label' as const, text: c.label, role: 'header' as const })) },
  ];
  for (const r of [q.newReceived, q.carriedOver]) rows.push({ cells: [{ type: 'label', text: r.label, colSpan: 3, role: 'rowLabel' }, ...values(r)] });
  const resultCount = q.results.reduce((n, item) => n + (isRowGroup(item) ? item.rows.length : 1), 0) + 1; // and （七）总计
  q.results.forEach((item, i) => {
    const lead = i === 0 ? [{ type: 'label' as const, text: q.resultsLabel, rowSpan: resultCount, role: 'rowLabel' as const }] : [];
    if (isRowGroup(item)) {
      item.rows.forEach((r, j) => {
        const group = j === 0 ? [...lead, { type: 'label' as const, text: item.label, rowSpan: item.rows.length, role: 'rowLabel' as const }] : [];
        rows.push({ cells: [...group, { type: 'label', text: r.label, role: 'rowLabel' }, ...values(r)] });
      });
    } else rows.push({ cells: [...lead, { type: 'label', text: item.label, colSpan: 2, role: 'rowLabel' }, ...values(item)] });
  });
  rows.push({ cells: [{ type: 'label', text: q.totalHandled.label, colSpan: 2, role: 'rowLabel' }, ...values(q.totalHandled)] });
  rows.push({ cells: [{ type: 'label', text: q.carriedForward.label, colSpan: 3, role: 'rowLabel' }, ...values(q.carriedForward)] });
  return { table: { id: 'requests', section: 'requests', name: q.name, columns: 3 + cols.length, rows, geometry: spec.geometry.requests }, names };
}

function appealsTable(spec: FormatSpec): { table: TableFormat; names: [CellKey, string, string, ValueKind][] } {
  const p = spec.appeals;
  const n = p.columns.length;
  const names: [CellKey, string, string, ValueKind][] = [];
  const headers = (rowSpan?: number) =>
    p.columns.map((c) => ({ type: 'label' as const, text: c.label, role: 'header' as const, ...(rowSpan ? { rowSpan } : {}) }));
  const [review, ...litigation] = p.groups;
  const rows: GridRow[] = [
    {
      header: true,
      cells: [
        { type: 'label', text: review!.label, colSpan: n, role: 'header' },
        { type: 'label', text: p.litigationHeader, colSpan: n * litigation.length, role: 'header' },
      ],
    },
    { header: true, cells: [...headers(2), ...litigation.map((g) => ({ type: 'label' as const, text: g.label, colSpan: n, role: 'header' as const }))] },
    { header: true, cells: litigation.flatMap(() => headers()) },
    {
      cells: p.groups.flatMap((g) =>
        p.columns.map((c) => {
          const key = asKey(`appeals.${g.key}.${c.key}`);
          names.push([key, g.name, c.label, 'count']);
          return { type: 'value' as const, key };
        }),
      ),
    },
  ];
  return { table: { id: 'appeals', section: 'appeals', name: p.name, columns: n * p.groups.length, rows, geometry: spec.geometry.appeals }, names };
}

function checkGeometry(table: TableFormat): void {
  const g = table.geometry;
  const sum = g.document.widths.reduce((a, b) => a + b, 0);
  if (g.document.widths.length !== table.columns || Math.abs(sum - 1) > 1e-6 || g.sheet.spans.length !== table.columns) {
    throw new Error(`format model: geometry of table ${table.id} does not fit its ${table.columns} columns`);
  }
}

/**
 * A cell's name in messages: row·column. Table 三's total column is named as a column
 * (“（七）总计（总计列）”), never “（七）总计·总计”, which reads as a stutter.
 */
function cellName(table: string, row: string, col: string): string {
  return table === 'requests' && col === '总计' ? `${row}（总计列）` : `${row}·${col}`;
}

export function buildTables(spec: FormatSpec): FormatTables {
  const built = [activeTable(spec), requestsTable(spec), appealsTable(spec)];
  const tables = built.map((b) => b.table);
  const names = new Map(built.flatMap((b) => b.names).map(([key, row, col, kind]) => [key, { row, col, kind }]));
  const cells: CellDef[] = [];
  for (const table of tables) {
    checkGeometry(table);
    for (const placed of walkGrid(table)) {
      if (placed.cell.type !== 'value') continue;
      const key = placed.cell.key;
      const named = names.get(key)!;
      if (cells.some((c) => c.key === key)) throw new Error(`format model: cell ${key} appears twice`);
      const rowId = key.split('.').length > 2 ? key.slice(0, key.lastIndexOf('.')) : key;
      cells.push({
        key,
        table: table.id,
        kind: named.kind,
        name: cellName(table.id, named.row, named.col),
        rowName: named.row,
        rowId,
        order: cells.length,
        gridRow: placed.row,
        gridCol: placed.col,
      });
    }
  }
  const byKey = new Map(cells.map((c) => [c.key as string, c]));
  const byTable = new Map<TableId, CellDef[]>();
  const byRow = new Map<string, CellDef[]>();
  for (const c of cells) {
    (byTable.get(c.table) ?? byTable.set(c.table, []).get(c.table)!).push(c);
    (byRow.get(c.rowId) ?? byRow.set(c.rowId, []).get(c.rowId)!).push(c);
  }
  const q = spec.requests;
  const resultRows = q.results.flatMap((item) => (isRowGroup(item) ? item.rows : [item]));
  const sections = spec.sections;
  const narrativeFields: { field: NarrativeField; label: string }[] = [
    { field: 'preamble', label: '开头段落' },
    ...sections.flatMap((s) => (s.content.type === 'narrative' ? [{ field: s.content.field, label: s.title }] : [])),
  ];

  // Places in document order: title and basic data, the opening, each section (a table and its cells), the signature.
  const places = new Map<string, { name: string; order: number }>();
  const add = (key: string, name: string) => places.set(key, { name, order: places.size });
  const metaLabel = (f: MetaField) => META_FIELDS.find((m) => m.field === f)!.label;
  for (const m of ['title', 'agency', 'bodyType', 'year', 'contact'] as const) add(metaPlace(m), metaLabel(m));
  add(narrativePlace('preamble'), '开头段落');
  for (const s of sections) {
    if (s.content.type === 'narrative') add(narrativePlace(s.content.field), s.title);
    else {
      const id = s.content.table;
      add(tablePlace(id), `${s.title}（表格）`);
      for (const c of cells) if (c.table === id) add(c.key, c.name);
    }
  }
  for (const m of ['office', 'date'] as const) add(metaPlace(m), metaLabel(m));

  const make = (key: string): CellKey => {
    if (!byKey.has(key)) throw new Error(`format ${spec.id}: no cell ${key}`);
    return key as CellKey;
  };
  const tableOf = (id: TableId) => {
    const t = tables.find((x) => x.id === id);
    if (!t) throw new Error(`unknown table ${id}`);
    return t;
  };
  return {
    spec,
    id: spec.id,
    name: spec.name,
    source: spec.source,
    sections,
    tables,
    cells,
    requestRows: [q.newReceived, q.carriedOver, ...resultRows, q.totalHandled, q.carriedForward],
    resultRows,
    narrativeFields,
    findingGroups: [
      { id: 'narrative', title: '标题、基本信息与正文' },
      ...tables.map((t) => ({ id: t.id, title: sections.find((s) => s.id === t.section)!.title })),
    ],
    keys: {
      document: (row, column) => make(`active.${row}.${column}`),
      single: (row) => make(`active.${row}`),
      request: (row, column) => make(`requests.${row}.${column}`),
      appeal: (group, column) => make(`appeals.${group}.${column}`),
    },
    cell: (key) => byKey.get(key),
    isCellKey: (key): key is CellKey => byKey.has(key),
    cellsOfTable: (id) => byTable.get(id) ?? [],
    cellsOfRow: (rowId) => byRow.get(rowId) ?? [],
    table: tableOf,
    section: (id) => {
      const s = sections.find((x) => x.id === id);
      if (!s) throw new Error(`unknown section ${id}`);
      return s;
    },
    isPlace: (key) => places.has(key),
    placeName: (key) => places.get(key)?.name ?? key,
    placeOrder: (key) => places.get(key)?.order ?? Number.MAX_SAFE_INTEGER,
    placeGroup: (key) => {
      const cell = byKey.get(key);
      if (cell) return cell.table;
      if (key.startsWith('table.')) return key.slice('table.'.length) as TableId;
      return 'narrative';
    },
  };
}
