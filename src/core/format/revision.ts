/**
 * A format revision as a value: the tables of its spec, the rule checks derived from them, and the
 * figures a narrative states. One per official revision, chosen by the report's `format`.
 */
import type { FigurePattern } from '../narrative/figures';
import { deriveChecks } from '../rules/checks';
import { RULE_IDS, type RuleId } from '../rules/declarations';
import type { Check } from '../rules/types';
import { buildTables, type FormatTables } from './build';
import type { FormatSpec } from './types';

export type FormatRevision = FormatTables & {
  /** The rules in force for this revision, in reporting order. */
  rules: readonly RuleId[];
  /** Every check of the rule table, derived from the tables. */
  checks: readonly Check[];
  /** Figures a narrative states and the cells whose sum they state (rule narrative-figure). */
  figures: readonly FigurePattern[];
};

export function defineRevision(spec: FormatSpec, figures: (tables: FormatTables) => readonly FigurePattern[]): FormatRevision {
  const tables = buildTables(spec);
  return { ...tables, rules: RULE_IDS, checks: deriveChecks(tables), figures: figures(tables) };
}
