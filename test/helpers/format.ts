/**
 * The 2021 revision's parts under short names, for tests that are about that revision (the
 * product code takes the revision as a parameter; these are conveniences for writing cases).
 */
import { REVISION_2021, type CellKey } from '../../src/core';

export const REV = REVISION_2021;
export const CELLS = REV.cells;
export const SECTIONS = REV.sections;
export const TABLES = REV.tables;
export const REQUEST_COLUMNS = REV.spec.requests.columns;
export const REQUEST_PART_COLUMNS = REQUEST_COLUMNS.filter((c) => c.key !== 'total');
export const REQUEST_ROWS = REV.requestRows;
export const REQUEST_RESULT_ROWS = REV.resultRows;
export const APPEAL_GROUPS = REV.spec.appeals.groups;
export const APPEAL_COLUMNS = REV.spec.appeals.columns;
export const ACTIVE_DOC_COLUMNS = REV.spec.active.documents.columns;
export const ACTIVE_DOC_ROWS = REV.spec.active.documents.rows;
export const ACTIVE_SINGLE_BLOCKS = REV.spec.active.blocks;
export const requestKey = (row: string, column: string): CellKey => REV.keys.request(row, column);
export const appealKey = (group: string, column: string): CellKey => REV.keys.appeal(group, column);
export const placeName = (key: string) => REV.placeName(key);
export const cellDef = (key: string) => REV.cell(key);
export const isCellKey = (key: string) => REV.isCellKey(key);
export const cellsOfTable = (id: Parameters<typeof REV.cellsOfTable>[0]) => REV.cellsOfTable(id);
export const tableById = (id: Parameters<typeof REV.table>[0]) => REV.table(id);
/** A cell key of the 2021 revision spelled out in a test (checked: a typo fails the test). */
export const key = (k: string): CellKey => {
  if (!REV.isCellKey(k)) throw new Error(`no cell ${k}`);
  return k;
};
