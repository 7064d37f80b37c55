/**
 * Types of a format revision: the official format as data (sections, tables with their labels,
 * merges and geometry) and what is derived from it (cells, places). A revision is a value
 * (`revisions/2021.ts`); everything that depends on the format takes it as a parameter.
 */

/** A count is a whole number ≥ 0; the fee is an amount in 万元 (the only decimal cell). */
export type ValueKind = 'count' | 'fee';

export type TableId = 'active' | 'requests' | 'appeals';

export type SectionId = 'overview' | 'active' | 'requests' | 'appeals' | 'problems' | 'other';

export type NarrativeField = 'preamble' | 'overview' | 'problems' | 'other';

declare const cellKeyBrand: unique symbol;

/**
 * A cell key of the spec, e.g. `requests.withheld.security.natural`. Branded: only the format code
 * makes one (from a revision's tables, or by checking a string against a revision), so a key spelled
 * by hand elsewhere does not compile where a cell is meant.
 */
export type CellKey = string & { readonly [cellKeyBrand]: true };

/** One cell of a table grid as the official format lays it out. */
export type GridCell =
  | { type: 'label'; text: string; rowSpan?: number; colSpan?: number; role: 'caption' | 'header' | 'rowLabel' | 'note' }
  | { type: 'value'; key: CellKey; colSpan?: number };

/** A table row: the cells that start in this row, left to right (cells covered by a span are omitted). */
export type GridRow = { cells: GridCell[]; header?: boolean };

/**
 * How a table is drawn. Widths are per grid column: relative widths in the Word table (summing to
 * 1), and how many sheet columns each grid column takes in the workbook, from `sheetOffset`.
 */
export type TableGeometry = {
  document: { widths: readonly number[]; fontSize: number };
  sheet: { offset: number; spans: readonly number[] };
};

export type TableFormat = {
  id: TableId;
  section: SectionId;
  /** Short name used in messages, e.g. 表三（依申请公开）. */
  name: string;
  columns: number;
  rows: GridRow[];
  geometry: TableGeometry;
};

/** A grid cell with its resolved position: the one walk over a grid's spans. */
export type PlacedGridCell = { cell: GridCell; row: number; col: number; rowSpan: number; colSpan: number };

/** Everything known about one value cell, derived from the grids. */
export type CellDef = {
  key: CellKey;
  table: TableId;
  kind: ValueKind;
  /** Human name for messages, e.g. `（七）总计·自然人`. */
  name: string;
  /** The row it belongs to (its name without the column), e.g. `（七）总计`. */
  rowName: string;
  /** Cells of one row share this id (T2 single-value rows are rows of their own). */
  rowId: string;
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
  /** Words that identify the section's title when its wording varies (importers). */
  words: RegExp;
  /** Narrative sections hold text; table sections hold one table. */
  content: { type: 'narrative'; field: NarrativeField } | { type: 'table'; table: TableId };
};

// ---------------------------------------------------------------------------------------------
// What a revision file writes: the tables' content in the terms of the format.

export type ColumnSpec = { readonly key: string; readonly label: string };
/** A T3 row: its key segment, its label as printed, and a short name for messages. */
export type RowSpec = { readonly key: string; readonly label: string; readonly short: string };
export type RowGroupSpec = { readonly label: string; readonly rows: readonly RowSpec[] };

export type ActiveSpec = {
  readonly name: string;
  readonly infoHeader: string;
  /** The first block (第二十条第（一）项): documents issued, repealed, in force. */
  readonly documents: {
    readonly caption: string;
    /** Column keys `issued`, `repealed`, `inForce` carry the rules (in-force bound and continuity). */
    readonly columns: readonly ColumnSpec[];
    readonly rows: readonly ColumnSpec[];
  };
  /** The other blocks: one caption, one header, single-value rows. */
  readonly blocks: readonly {
    readonly caption: string;
    readonly header: string;
    readonly rows: readonly { readonly key: string; readonly label: string; readonly kind: ValueKind }[];
  }[];
};

export type RequestsSpec = {
  readonly name: string;
  readonly note: string;
  readonly applicantHeader: string;
  readonly legalPersonHeader: string;
  /** 自然人, the legal-person columns, and 总计 (key `total`) last. */
  readonly columns: readonly ColumnSpec[];
  readonly newReceived: RowSpec;
  readonly carriedOver: RowSpec;
  readonly resultsLabel: string;
  readonly results: readonly (RowSpec | RowGroupSpec)[];
  readonly totalHandled: RowSpec;
  readonly carriedForward: RowSpec;
};

export type AppealsSpec = {
  readonly name: string;
  readonly litigationHeader: string;
  /** 行政复议, then the two litigation groups. */
  readonly groups: readonly { readonly key: string; readonly label: string; readonly name: string }[];
  /** The result columns, 总计 (key `total`) last. */
  readonly columns: readonly ColumnSpec[];
};

/** Labels of an older revision, recognised so that an old template is reported. */
export type LegacySpec = {
  readonly name: string;
  /** Its short name in messages, e.g. 2019年格式. */
  readonly shortName: string;
  /**
   * Labels only the old revision has, with the table they appear in; `otherQuantity` marks those
   * whose values are other quantities than this revision's (a table with them is not read).
   */
  readonly labels: readonly { readonly text: string; readonly table: TableId; readonly otherQuantity?: boolean }[];
  /** Rows this revision added (their absence is an old template, reported by old-template, not a reading problem). */
  readonly addedRows: readonly string[];
  /** Old labels of rows this revision still has (`规范性文件` for 行政规范性文件), by row key. */
  readonly rowAliases: Readonly<Record<string, readonly string[]>>;
  /** A row the old revision had as one row where this one has sub-rows (`（六）其他处理`). */
  readonly collapsedRows: readonly { readonly text: string; readonly table: TableId }[];
};

/** A topic a narrative section must cover, recognised by its usual headings and wording. */
export type TopicSpec = { readonly label: string; readonly words: RegExp };

/** What the narrative must contain (条例 第五十条 and the format). */
export type ContentSpec = {
  /** Aspects 一、总体情况 covers. */
  readonly overviewTopics: readonly TopicSpec[];
  /** What people's governments must also report (条例 第五十条第四项). */
  readonly governmentTopics: readonly TopicSpec[];
  /** Wording of improvement measures in 五. */
  readonly improvementWords: RegExp;
  /** The statement on 信息处理费 in 六. */
  readonly feeStatement: RegExp;
};

export type SheetSpec = { readonly labelWidths: readonly number[]; readonly valueWidth: number; readonly valueColumns: number };

export type FormatSpec = {
  /** The report JSON's `format`, e.g. `gov-info-annual-report/2021`. */
  readonly id: string;
  /** Its name for people, e.g. 2021年格式. */
  readonly name: string;
  /** The document that fixes it. */
  readonly source: string;
  readonly sections: readonly SectionFormat[];
  readonly active: ActiveSpec;
  readonly requests: RequestsSpec;
  readonly appeals: AppealsSpec;
  readonly geometry: Readonly<Record<TableId, TableGeometry>>;
  readonly sheet: SheetSpec;
  readonly legacy: LegacySpec;
  readonly content: ContentSpec;
};
