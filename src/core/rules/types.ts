import type { CellKey, SectionId } from '../format/types';
import type { Report } from '../report/types';
import type { ReportValue } from '../values/read';

export type Severity = 'error' | 'warning' | 'info';

/** Stable public rule ids (findings, CLI JSON, docs). */
export const RULE_IDS = [
  'section-missing',
  'section-title',
  'section-empty',
  'old-template',
  'year-mismatch',
  'whole-number',
  'fee-amount',
  'blank-cell',
  'row-total',
  'handled-total',
  'balance',
  'appeal-total',
  'in-force-bound',
  'carry-over',
  'in-force-continuity',
  'narrative-figure',
  'copied-text',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type FindingData = Record<string, string | number | null>;

export type Finding = {
  rule: RuleId;
  severity: Severity;
  /** Places the finding points at: the total first, then its parts. */
  cells: string[];
  message: string;
  messageId: string;
  data: FindingData;
  expected?: number;
  actual?: ReportValue;
};

export type RuleContext = { report: Report; previous?: Report };

/** A term of a linear relation: a cell of this year's report or of last year's, added or subtracted. */
export type Term = { key: CellKey; from: 'current' | 'previous'; sign: 1 | -1; label: string };

/**
 * `left (relation) right`: sums, balances, bounds and cross-year continuity are all this one family.
 * `left` is what is reported (the total); `right` is what it should be (the parts).
 */
export type LinearCheck = {
  family: 'linear';
  rule: 'row-total' | 'handled-total' | 'balance' | 'appeal-total' | 'in-force-bound' | 'carry-over' | 'in-force-continuity';
  messageId: string;
  relation: 'equal' | 'atLeast';
  /** Where the check applies, for messages (a column, a row, a group). */
  scope: string;
  left: Term[];
  right: Term[];
};

export type ValueCheck = { family: 'value'; rule: 'whole-number' | 'fee-amount'; cell: CellKey };
export type BlankCheck = { family: 'blank'; rule: 'blank-cell'; cell: CellKey };
export type SectionCheck = { family: 'section'; rule: 'section-missing' | 'section-title' | 'section-empty'; section: SectionId };
export type TemplateCheck = { family: 'template'; rule: 'old-template' };
export type YearCheck = { family: 'year'; rule: 'year-mismatch' };
export type FigureCheck = { family: 'figure'; rule: 'narrative-figure' };
export type CopiedCheck = { family: 'copied'; rule: 'copied-text' };

export type Check = LinearCheck | ValueCheck | BlankCheck | SectionCheck | TemplateCheck | YearCheck | FigureCheck | CopiedCheck;

export type RuleDefinition = { id: RuleId; title: string; severity: Severity | 'error/warning'; needsPrevious: boolean };
