/** Families: figures stated in the narrative against their cells; text and tables copied from last year. */
import { narrativePlace, tablePlace } from '../../format/build';
import type { FormatTables } from '../../format/build';
import type { NarrativeField } from '../../format/types';
import { COPIED_SHARE, MIN_COMPARED_CHARS, comparableLength, copiedShare, saysNoFees, statedFigures } from '../../narrative';
import { arithmeticValue } from '../../values/read';
import { difference, formatNumber, roundFor, sameAmount } from '../../values/compare';
import { makeFinding } from '../finding';
import type { CopiedCheck, Finding, FigureCheck, RuleContext } from '../types';

/** Sections whose text states figures: 一、总体情况 mostly, and 六 for fees. */
const FIGURE_FIELDS: readonly NarrativeField[] = ['overview', 'other'];
const fieldTitle = (t: FormatTables, field: NarrativeField) => t.narrativeFields.find((f) => f.field === field)?.label ?? field;

export function checkFigures(_check: FigureCheck, ctx: RuleContext): Finding[] {
  const { report, revision } = ctx;
  const findings: Finding[] = [];
  for (const field of FIGURE_FIELDS) {
    const text = report.narrative[field];
    if (!text) continue;
    for (const stated of statedFigures(text, field, revision.figures)) {
      const numbers = stated.pattern.cells.map((k) => arithmeticValue(report.values[k]));
      if (numbers.some((n) => n === undefined)) continue; // absent or unreadable cells: nothing to compare
      const actual = roundFor(
        stated.pattern.kind,
        numbers.reduce((a: number, b) => a + (b ?? 0), 0),
      );
      if (sameAmount(stated.pattern.kind, stated.value, actual)) continue;
      const cellText = stated.pattern.cells.length === 1 ? revision.placeName(stated.pattern.cells[0]!) : `${stated.pattern.label}各行之和`;
      findings.push(
        makeFinding(
          'narrative-figure',
          'narrative.figure',
          [...stated.pattern.cells, narrativePlace(field)],
          {
            section: fieldTitle(revision, field),
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
  const feeCell = revision.cells.find((c) => c.kind === 'fee');
  const fees = feeCell ? arithmeticValue(report.values[feeCell.key]) : undefined;
  const noFees = other ? saysNoFees(other) : undefined;
  if (feeCell && noFees && fees !== undefined && fees > 0) {
    findings.push(
      makeFinding('narrative-figure', 'narrative.no-fees', [feeCell.key, narrativePlace('other')], {
        clause: noFees,
        fees: formatNumber(fees),
        cell: revision.placeName(feeCell.key),
      }),
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
    findings.push(
      makeFinding('copied-text', 'copied.text', [narrativePlace(field)], { section: fieldTitle(ctx.revision, field), percent: Math.round(share * 100) }),
    );
  }
  for (const table of ctx.revision.tables) {
    // The cells both reports have (last year's may be in another revision, or an old template).
    const cells = ctx.revision.cellsOfTable(table.id).filter((c) => ctx.report.values[c.key] !== undefined && previous.values[c.key] !== undefined);
    if (cells.length === 0) continue;
    const same = cells.every((c) => previous.values[c.key] === ctx.report.values[c.key]);
    const someValue = cells.some((c) => {
      const n = arithmeticValue(ctx.report.values[c.key]);
      return n !== undefined && n !== 0;
    });
    if (same && someValue) {
      findings.push(makeFinding('copied-text', 'copied.table', [tablePlace(table.id)], { table: ctx.revision.placeName(tablePlace(table.id)) }));
    }
  }
  return findings;
}
