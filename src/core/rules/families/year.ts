/** Family: the year in the title, the statistical period and the report's year agree (and last year's is last year). */
import { metaPlace, narrativePlace } from '../../format/build';
import { firstYearIn, yearOfToken } from '../../values/dates';
import { normalizeTyped } from '../../values/read';
import { makeFinding } from '../finding';
import type { Finding, RuleContext, YearCheck } from '../types';

/** A year in digits or Chinese numerals (二〇二二). */
const Y = '((?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})';
const PERIOD_YEARS = new RegExp(`${Y}\\s*年\\s*(?:1|01|一|元)\\s*月\\s*(?:1|01|一)\\s*日|${Y}\\s*年\\s*(?:12|十二)\\s*月\\s*(?:31|三十一)\\s*日`, 'gu');

/** The years of the statistical period stated in the opening paragraph (digits or 二〇二二年一月一日). */
export function periodYears(preamble: string): number[] {
  const years = new Set<number>();
  for (const m of normalizeTyped(preamble).matchAll(PERIOD_YEARS)) {
    const y = yearOfToken(m[1] ?? m[2]!);
    if (y !== undefined) years.add(y);
  }
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
