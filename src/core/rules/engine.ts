/** Runs the rule table over a report (and optionally last year's) and sorts the findings deterministically. */
import { placeOrder } from '../format';
import type { Report } from '../report/types';
import { CHECKS } from './checks';
import { checkBlank } from './families/blank';
import { checkLinear } from './families/linear';
import { checkCopied, checkFigures } from './families/narrative';
import { checkSection } from './families/section';
import { checkTemplate, oldLabelFindings } from './families/template';
import { checkValue } from './families/value';
import { checkYear } from './families/year';
import { RULE_IDS, type Check, type Finding, type RuleContext, type Severity } from './types';

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

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_ORDER = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/**
 * Deterministic order: severity, then rule (structure first, then cells, then sums — so a row total
 * is reported before the balance of the total column), then the first cell's position in reading order.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
    placeOrder(a.cells[0] ?? '') - placeOrder(b.cells[0] ?? '') ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function runRules(report: Report, previous?: Report, checks: readonly Check[] = CHECKS): Finding[] {
  const ctx: RuleContext = previous ? { report, previous } : { report };
  const findings: Finding[] = [];
  for (const check of checks) for (const f of runCheck(check, ctx)) findings.push(f);
  return findings.sort(compareFindings);
}

export type CheckOptions = {
  previous?: Report;
  /** False when the source holds only the tables (a workbook without its text sheet): text rules are skipped. */
  narrative?: boolean;
  /** 2019-format labels a reader saw (label-located workbooks, published documents). */
  oldLabels?: readonly string[];
};

const NARRATIVE_SECTIONS = new Set(['overview', 'problems', 'other']);
const TABLE_ONLY_CHECKS = CHECKS.filter(
  (c) => !(c.family === 'section' && NARRATIVE_SECTIONS.has(c.section)) && c.family !== 'year' && c.family !== 'figure',
);

/** Checks a report as read from a source: the rule table, minus what the source cannot hold, plus what the reader saw. */
export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const checks = options.narrative === false ? TABLE_ONLY_CHECKS : CHECKS;
  const findings = runRules(report, options.previous, checks);
  return [...findings, ...oldLabelFindings(options.oldLabels ?? [])].sort(compareFindings);
}

export type Summary = { errors: number; warnings: number; infos: number };

export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}
