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
import { checkDeadline, checkMeta, isUnfilled } from './families/meta';
import { checkContent } from './families/content';
import { checkRegister } from './families/register';
import { DEFAULT_CONFIG, type RuleConfig } from '../config';
import { RULE_IDS } from './declarations';
import type { Check, Finding, RuleContext, Severity } from './types';
import { applyReviews, type AppliedReviews } from './reviews';

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
    case 'meta':
      return checkMeta(check, ctx);
    case 'deadline':
      return checkDeadline(check, ctx);
    case 'content':
      return checkContent(check, ctx);
    case 'register':
      return checkRegister(check, ctx);
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
  /** Local rules; the national ones by default. */
  config?: RuleConfig;
  /** Other bodies' reports checked together. */
  peers?: readonly Report[];
};

export function runRules(report: Report, options: RunOptions = {}): Finding[] {
  const revision = options.revision ?? revisionFor(report);
  const config = options.config ?? DEFAULT_CONFIG;
  const ctx: RuleContext = { report, revision, config };
  if (options.previous) {
    ctx.previous = options.previous;
    ctx.previousRevision = options.previousRevision ?? revisionFor(options.previous);
  }
  if (options.peers) ctx.peers = options.peers;
  // A report not yet filled in gets one error, not a blank-cell warning for each of its cells.
  const unfilled = isUnfilled(report, revision);
  const off = new Set(config.off);
  const findings: Finding[] = [];
  for (const check of options.checks ?? revision.checks) {
    if (off.has(check.rule) || (unfilled && check.family === 'blank')) continue;
    for (const f of runCheck(check, ctx)) findings.push(f);
  }
  return findings.sort(findingOrder(revision));
}

const NARRATIVE_SECTIONS = new Set(['overview', 'problems', 'other']);
/** What a source without its text part (a workbook without 报告正文) cannot be checked for: the text and the basic data. */
const tableOnly = (checks: readonly Check[]) =>
  checks.filter(
    (c) =>
      !(c.family === 'section' && NARRATIVE_SECTIONS.has(c.section)) &&
      !['year', 'figure', 'deadline', 'content'].includes(c.family) &&
      !(c.family === 'meta' && c.rule !== 'meta-unfilled'),
  );

export type SourceOptions = {
  previous?: ReportSource;
  revision?: FormatRevision;
  previousRevision?: FormatRevision;
  /** Local rules for this check; without them, those the source carries, else the national ones. */
  config?: RuleConfig;
  /** Other bodies' reports checked together. */
  peers?: readonly ReportSource[];
};

/**
 * Checks a report as read from a source: the rule table, minus what the source cannot hold (a
 * workbook without its text sheet has no narrative), plus what the reader saw (old labels).
 */
export function checkSource(source: ReportSource, options: SourceOptions = {}): Finding[] {
  return checkSourceReviewed(source, options).findings;
}

/** `checkSource`, with the reviews that lapsed because their numbers changed. */
export function checkSourceReviewed(source: ReportSource, options: SourceOptions = {}): AppliedReviews {
  const revision = options.revision ?? revisionFor(source.report);
  const checks = source.narrative ? revision.checks : tableOnly(revision.checks);
  const run: RunOptions = { revision, checks };
  // Rules given for this check win over the ones the source carries.
  const config = options.config ?? source.config;
  if (config) run.config = config;
  if (options.peers) run.peers = options.peers.filter((p) => p.narrative).map((p) => p.report);
  if (options.previous) {
    run.previous = options.previous.report;
    if (options.previousRevision) run.previousRevision = options.previousRevision;
  }
  const findings = runRules(source.report, run);
  const old = config?.off.includes('old-template') ? [] : oldLabelFindings(revision, source.oldLabels);
  const applied = applyReviews([...findings, ...old].sort(findingOrder(revision)), source.report);
  // Reviewed findings are listed after the open ones (the order within each is kept).
  return { ...applied, findings: [...applied.findings.filter((f) => !f.reviewed), ...applied.findings.filter((f) => f.reviewed)] };
}

/** Errors and warnings not reviewed, and the findings a person has reviewed (已核实), which count as neither. */
export type Summary = { errors: number; warnings: number; reviewed: number };

export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, reviewed: 0 };
  for (const f of findings) {
    if (f.reviewed) s.reviewed++;
    else if (f.severity === 'error') s.errors++;
    else s.warnings++;
  }
  return s;
}

/** The findings that stop a report: errors nobody has reviewed. */
export function openErrors(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && !f.reviewed);
}
