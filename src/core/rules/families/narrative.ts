/** Families: figures stated in the narrative against their cells; text and tables copied from last year. */
import { NARRATIVE_FIELDS, TABLES, cellsOfTable, narrativePlace, placeName, tablePlace } from '../../format';
import type { NarrativeField } from '../../format/types';
import { COPIED_SHARE, MIN_COMPARED_CHARS, comparableLength, copiedShare, saysNoFees, statedFigures } from '../../narrative';
import { arithmeticValue } from '../../values/read';
import { difference, formatNumber, roundFor, sameAmount } from '../../values/compare';
import { makeFinding } from '../finding';
import type { CopiedCheck, Finding, FigureCheck, RuleContext } from '../types';

/** Sections whose text states figures: 一、总体情况 mostly, and 六 for fees. */
const FIGURE_FIELDS: readonly NarrativeField[] = ['overview', 'other'];
const fieldTitle = (field: NarrativeField) => NARRATIVE_FIELDS.find((f) => f.field === field)?.label ?? field;

export function checkFigures(_check: FigureCheck, ctx: RuleContext): Finding[] {
  const { report } = ctx;
  const findings: Finding[] = [];
  for (const field of FIGURE_FIELDS) {
    const text = report.narrative[field];
    if (!text) continue;
    for (const stated of statedFigures(text, field)) {
      const numbers = stated.pattern.cells.map((k) => arithmeticValue(report.values[k]));
      if (numbers.some((n) => n === undefined)) continue; // absent or unreadable cells: nothing to compare
      const actual = roundFor(stated.pattern.kind, numbers.reduce((a: number, b) => a + (b ?? 0), 0));
      if (sameAmount(stated.pattern.kind, stated.value, actual)) continue;
      const cellText = stated.pattern.cells.length === 1 ? placeName(stated.pattern.cells[0]!) : `${stated.pattern.label}各行之和`;
      findings.push(
        makeFinding(
          'narrative-figure',
          'warning',
          'narrative.figure',
          [...stated.pattern.cells, narrativePlace(field)],
          {
            section: fieldTitle(field),
            clause: stated.clause,
            stated: formatNumber(stated.value),
            cell: cellText,
            actual: formatNumber(actual),
            diff: difference(stated.pattern.kind, stated.value, actual),
            unit: stated.pattern.kind === 'fee' ? '万元' : '',
          },
          { expected: actual, actual: stated.value },
        ),
      );
    }
  }
  const other = report.narrative.other;
  const fees = arithmeticValue(report.values['active.fees']);
  const noFees = other ? saysNoFees(other) : undefined;
  if (noFees && fees !== undefined && fees > 0) {
    findings.push(
      makeFinding('narrative-figure', 'warning', 'narrative.no-fees', ['active.fees', narrativePlace('other')], { clause: noFees, fees: formatNumber(fees), cell: placeName('active.fees') }),
    );
  }
  return findings;
}

const TEXT_FIELDS: readonly NarrativeField[] = ['overview', 'problems', 'other'];

export function checkCopied(_check: CopiedCheck, ctx: RuleContext): Finding[] {
  const previous = ctx.previous;
  if (!previous) return [];
  const findings: Finding[] = [];
  for (const field of TEXT_FIELDS) {
    const now = ctx.report.narrative[field];
    const before = previous.narrative[field];
    if (!now || !before || comparableLength(now) < MIN_COMPARED_CHARS) continue;
    const share = copiedShare(now, before);
    if (share < COPIED_SHARE) continue;
    findings.push(makeFinding('copied-text', 'warning', 'copied.text', [narrativePlace(field)], { section: fieldTitle(field), percent: Math.round(share * 100) }));
  }
  for (const table of TABLES) {
    const cells = cellsOfTable(table.id).filter((c) => ctx.report.values[c.key] !== undefined);
    if (cells.length === 0) continue;
    const same = cells.every((c) => previous.values[c.key] !== undefined && JSON.stringify(previous.values[c.key]) === JSON.stringify(ctx.report.values[c.key]));
    const someValue = cells.some((c) => {
      const n = arithmeticValue(ctx.report.values[c.key]);
      return n !== undefined && n !== 0;
    });
    if (same && someValue) {
      findings.push(makeFinding('copied-text', 'warning', 'copied.table', [tablePlace(table.id)], { table: placeName(tablePlace(table.id)) }));
    }
  }
  return findings;
}
