import type { RuleConfig } from '../config';
import type { CellKey, SectionId } from '../format/types';
import type { FormatRevision } from '../format/revision';
import type { Report } from '../report/types';
import type { ReportValue } from '../values/read';
import type { Family, MessageId, RuleId, Rules } from './declarations';
import type { Reviewed } from './reviews';

export type { RuleId } from './declarations';

export type Severity = 'error' | 'warning';

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
  /** Set when a person has checked the finding and accepted it (已核实): it then counts as neither error nor warning. */
  reviewed?: Reviewed;
};

/** The reports a check reads, each with the format revision it is in (last year's may be another). */
export type RuleContext = {
  report: Report;
  revision: FormatRevision;
  /** The rule configuration in force (the national rules unless a local one was given). */
  config: RuleConfig;
  previous?: Report;
  previousRevision?: FormatRevision;
  /** Other bodies' reports checked together (copied text across bodies). */
  peers?: readonly Report[];
};

/** The rules of one family. */
export type RuleOf<F extends Family> = { [K in RuleId]: Rules[K]['family'] extends F ? K : never }[RuleId];

/** A term of a linear relation: a cell of this year's report or of last year's, added or subtracted. */
export type Term = { key: CellKey; from: 'current' | 'previous'; sign: 1 | -1; label: string };

type LinearBase = {
  family: 'linear';
  relation: 'equal' | 'atLeast';
  /** Where the check applies, for messages (a column, a row, a group). */
  scope: string;
  /** What the parts are called in a sum's message. */
  partsLabel: string;
  left: Term[];
  right: Term[];
};

/**
 * `left (relation) right`: sums, balances, bounds and cross-year continuity are all this one family.
 * `left` is what is reported (the total); `right` is what it should be (the parts). Each rule
 * names one of its own declared messages.
 */
export type LinearCheck = { [R in RuleOf<'linear'>]: LinearBase & { rule: R; messageId: MessageId<R> } }[RuleOf<'linear'>];

export type ValueCheck = { family: 'value'; rule: RuleOf<'value'>; cell: CellKey };
export type BlankCheck = { family: 'blank'; rule: RuleOf<'blank'>; cell: CellKey };
export type SectionCheck = { family: 'section'; rule: RuleOf<'section'>; section: SectionId };
export type TemplateCheck = { family: 'template'; rule: RuleOf<'template'> };
export type YearCheck = { family: 'year'; rule: RuleOf<'year'> };
export type FigureCheck = { family: 'figure'; rule: RuleOf<'figure'> };
export type CopiedCheck = { family: 'copied'; rule: RuleOf<'copied'> };

export type MetaCheck = { family: 'meta'; rule: RuleOf<'meta'> };
export type DeadlineCheck = { family: 'deadline'; rule: RuleOf<'deadline'> };
export type ContentCheck = { family: 'content'; rule: RuleOf<'content'> };
export type RegisterCheck = { family: 'register'; rule: RuleOf<'register'> };

export type Check =
  | LinearCheck
  | ValueCheck
  | BlankCheck
  | SectionCheck
  | TemplateCheck
  | YearCheck
  | FigureCheck
  | CopiedCheck
  | MetaCheck
  | DeadlineCheck
  | ContentCheck
  | RegisterCheck;
