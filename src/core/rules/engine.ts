/** Runs a revision's rule table over a report (and optionally last year's) and sorts the findings deterministically. */
import type { FormatRevision } from '../format/revision';
import { revisionFor } from '../format/revisions';
import type { Report, ReportSource } from '../report/types';
import { checkBlank } from './families/blank';
import { checkLinear } from './families/linear';
import { checkCopied, checkFigures } from './families/narrative';
import { checkSection } from './families/section';
import { checkTemplate, oldLabelFindings } from './families/template';
import { checkValue } from './families/value';
import { checkYear } from './families/year';
import { RULE_IDS } from './declarations';
import type { Check, Finding, RuleContext, Severity } from './types';

function runCheck(check: Check, ctx: RuleContext): Finding[] {
  switch (check.family) {
    case 'linear':
      return checkLinear(check, ctx);
    case 'value':
      return checkValue(check, ctx);
    case 'blank':
      return checkBlank(check, ctx);
    case 'section':
      return checkSection(check, ctx);
    case 'template':
      return checkTemplate(check, ctx);
    case 'year':
      return checkYear(check, ctx);
    case 'figure':
      return checkFigures(check, ctx);
    case 'copied':
      return checkCopied(check, ctx);
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };
const RULE_ORDER = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Deterministic order, never on wording: severity, then rule (structure first, then cells, then
 * sums — so a row total is reported before the balance of the total column), then the first cell's
 * position in reading order, then the message id and the cells.
 */
export function findingOrder(revision: FormatRevision): (a: Finding, b: Finding) => number {
  return (a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
    revision.placeOrder(a.cells[0] ?? '') - revision.placeOrder(b.cells[0] ?? '') ||
    cmp(a.messageId, b.messageId) ||
    cmp(a.cells.join('|'), b.cells.join('|'));
}

export type RunOptions = {
  previous?: Report;
  /** The report's revision, when it is not one of the built-in ones (a preview, a test). */
  revision?: FormatRevision;
  previousRevision?: FormatRevision;
  checks?: readonly Check[];
};

export function runRules(report: Report, options: RunOptions = {}): Finding[] {
  const revision = options.revision ?? revisionFor(report);
  const ctx: RuleContext = { report, revision };
  if (options.previous) {
    ctx.previous = options.previous;
    ctx.previousRevision = options.previousRevision ?? revisionFor(options.previous);
  }
  const findings: Finding[] = [];
  for (const check of options.checks ?? revision.checks) for (const f of runCheck(check, ctx)) findings.push(f);
  return findings.sort(findingOrder(revision));
}

const NARRATIVE_SECTIONS = new Set(['overview', 'problems', 'other']);
const tableOnly = (checks: readonly Check[]) =>
  checks.filter((c) => !(c.family === 'section' && NARRATIVE_SECTIONS.has(c.section)) && c.family !== 'year' && c.family !== 'figure');

export type SourceOptions = { previous?: ReportSource; revision?: FormatRevision; previousRevision?: FormatRevision };

/**
 * Checks a report as read from a source: the rule table, minus what the source cannot hold (a
 * workbook without its text sheet has no narrative), plus what the reader saw (old labels).
 */
export function checkSource(source: ReportSource, options: SourceOptions = {}): Finding[] {
  const revision = options.revision ?? revisionFor(source.report);
  const checks = source.narrative ? revision.checks : tableOnly(revision.checks);
  const run: RunOptions = { revision, checks };
  if (options.previous) {
    run.previous = options.previous.report;
    if (options.previousRevision) run.previousRevision = options.previousRevision;
  }
  const findings = runRules(source.report, run);
  return [...findings, ...oldLabelFindings(revision, source.oldLabels)].sort(findingOrder(revision));
}

export type Summary = { errors: number; warnings: number };

export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { errors: 0, warnings: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else s.warnings++;
  }
  return s;
}
