/** Types of the declarative 2021 format model (国办公开办函〔2021〕30号). */

/** A count is a whole number ≥ 0; the fee is an amount in 万元 (the only decimal cell). */
export type ValueKind = 'count' | 'fee';

export type TableId = 'active' | 'requests' | 'appeals';

export type SectionId = 'overview' | 'active' | 'requests' | 'appeals' | 'problems' | 'other';

/** A cell key of the spec, e.g. `requests.withheld.security.natural`. */
export type CellKey = string;

/** One cell of a table grid as the official format lays it out. */
export type GridCell =
  | { type: 'label'; text: string; rowSpan?: number; colSpan?: number; role: 'caption' | 'header' | 'rowLabel' | 'note' }
  | { type: 'value'; key: CellKey; colSpan?: number };

/** A table row: the cells that start in this row, left to right (cells covered by a span are omitted). */
export type GridRow = { cells: GridCell[]; header?: boolean };

export type TableFormat = {
  id: TableId;
  section: SectionId;
  /** Short name used in messages, e.g. 表三. */
  name: string;
  columns: number;
  rows: GridRow[];
};

/** Everything known about one value cell, derived from the grids. */
export type CellDef = {
  key: CellKey;
  table: TableId;
  kind: ValueKind;
  /** Human name for messages, e.g. `（七）总计·自然人`. */
  name: string;
  /** Position in document order (title … T2 … T3 … T4), for sorting. */
  order: number;
  /** Grid coordinates of the cell's top-left in its table. */
  gridRow: number;
  gridCol: number;
};

export type SectionFormat = {
  id: SectionId;
  /** The official title, e.g. `一、总体情况`. */
  title: string;
  /** Variant titles seen in real reports (accepted with a warning). */
  variants: readonly string[];
  /** Narrative sections hold text; table sections hold one table. */
  content: { type: 'narrative'; field: NarrativeField } | { type: 'table'; table: TableId };
};

export type NarrativeField = 'preamble' | 'overview' | 'problems' | 'other';
