/** Family: the year in the title, the statistical period and the report's year agree (and last year's is last year). */
import { metaPlace, narrativePlace } from '../../format/build';
import { firstYearIn } from '../../values/dates';
import { normalizeTyped } from '../../values/read';
import { makeFinding } from '../finding';
import type { Finding, RuleContext, YearCheck } from '../types';

const PERIOD_YEARS = /((?:19|20)\d{2})\s*年\s*(?:1|01|一)\s*月\s*(?:1|01|一)\s*日|((?:19|20)\d{2})\s*年\s*(?:12|十二)\s*月\s*(?:31|三十一)\s*日/gu;

/** The years of the statistical period stated in the opening paragraph. */
export function periodYears(preamble: string): number[] {
  const years = new Set<number>();
  for (const m of normalizeTyped(preamble).matchAll(PERIOD_YEARS)) years.add(Number(m[1] ?? m[2]));
  return [...years];
}

export function checkYear(_check: YearCheck, ctx: RuleContext): Finding[] {
  const { meta, narrative } = ctx.report;
  const findings: Finding[] = [];
  const tYear = meta.title !== undefined ? firstYearIn(meta.title) : undefined;
  const pYears = narrative.preamble !== undefined ? periodYears(narrative.preamble) : [];
  const year = meta.year;
  if (year !== undefined) {
    if (tYear !== undefined && tYear !== year) {
      findings.push(makeFinding('year-mismatch', 'year.title', [metaPlace('title'), metaPlace('year')], { titleYear: tYear, year }));
    }
    for (const p of pYears) {
      if (p !== year) {
        findings.push(makeFinding('year-mismatch', 'year.period', [narrativePlace('preamble'), metaPlace('year')], { periodYear: p, year }));
      }
    }
  } else if (tYear !== undefined) {
    for (const p of pYears) {
      if (p !== tYear) {
        findings.push(makeFinding('year-mismatch', 'year.title-period', [metaPlace('title'), narrativePlace('preamble')], { titleYear: tYear, periodYear: p }));
      }
    }
  }
  const previousYear = ctx.previous?.meta.year;
  if (year !== undefined && previousYear !== undefined && previousYear !== year - 1) {
    findings.push(makeFinding('year-mismatch', 'year.previous', [metaPlace('year')], { previousYear, year, expectedYear: year - 1 }));
  }
  return findings;
}
