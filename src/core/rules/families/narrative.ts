/** Families: figures stated in the narrative against their cells; text and tables copied from last year. */
import { narrativePlace, tablePlace } from '../../format/build';
import type { FormatTables } from '../../format/build';
import type { NarrativeField } from '../../format/types';
import { MIN_COMPARED_CHARS, comparableLength, copiedShare, saysNoFees, statedFigures } from '../../narrative';
import { inferBodyType } from '../../report/body';
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

/** Below this many characters a section is one standard sentence or two: only a near-verbatim repeat counts. */
const SHORT_TEXT = 20;
const SHORT_COPY = 0.9;

/** A section this short is a standard sentence (未收取信息处理费) that bodies rightly share. */
const PEER_MIN_CHARS = 30;

/** Sections nearly the same as another body's report checked together. */
function copiedFromPeers(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const mine = ctx.report.meta.agency;
  for (const field of TEXT_FIELDS) {
    const now = ctx.report.narrative[field];
    if (!now || comparableLength(now) < PEER_MIN_CHARS) continue;
    for (const peer of ctx.peers ?? []) {
      const other = peer.meta.agency;
      const theirs = peer.narrative[field];
      if (!other || other === mine || !theirs) continue;
      const share = copiedShare(now, theirs);
      if (share < ctx.config.peerShare) continue;
      findings.push(
        makeFinding('copied-text', 'copied.other-body', [narrativePlace(field)], {
          section: fieldTitle(ctx.revision, field),
          other,
          percent: Math.round(share * 100),
        }),
      );
    }
  }
  return findings;
}

/** Sentences of a text, trimmed, for messages. */
const sentencesOf = (text: string) =>
  text
    .split(/(?<=[。！？；!?;])|\n/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const shortSentence = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A sentence that states another year as this year's: it opens with that year (“2022年，我局……”). */
const OPENING_YEAR = /^((?:19|20)\d{2})年度?(?:[，,、]|以来[，,]|(?=我|本|全|共))/u;

/** Body types whose names in another body's report are leftovers (a department naming its government is not). */
const PEER_TYPES = new Set(['department', 'township', 'subdistrict']);

function checkLeftovers(ctx: RuleContext): Finding[] {
  const { report, revision } = ctx;
  const year = report.meta.year;
  const mine = report.meta.agency;
  const findings: Finding[] = [];
  // Other bodies' names: last year's (when it was another body's), and those of reports checked together of the same kind.
  const myType = mine ? inferBodyType(mine)?.type : undefined;
  const names = new Set<string>();
  const last = ctx.previous?.meta.agency;
  if (last && mine && last !== mine && !mine.includes(last)) names.add(last);
  for (const peer of ctx.peers ?? []) {
    const other = peer.meta.agency;
    const type = other ? inferBodyType(other)?.type : undefined;
    if (other && mine && other !== mine && !mine.includes(other) && type && type === myType && PEER_TYPES.has(type)) names.add(other);
  }
  for (const field of TEXT_FIELDS) {
    const text = report.narrative[field];
    if (!text) continue;
    for (const sentence of sentencesOf(text)) {
      const m = year !== undefined ? OPENING_YEAR.exec(sentence) : null;
      const stated = m ? Number(m[1]) : undefined;
      if (stated !== undefined && year !== undefined && stated !== year && stated !== year + 1) {
        findings.push(
          makeFinding('leftover-text', 'leftover.year', [narrativePlace(field)], {
            section: fieldTitle(revision, field),
            sentence: shortSentence(sentence),
            stated,
            year,
          }),
        );
      }
      const own = mine ? sentence.split(mine).join('') : sentence;
      for (const name of names) {
        if (!own.includes(name)) continue;
        findings.push(
          makeFinding('leftover-text', 'leftover.other-body', [narrativePlace(field)], {
            section: fieldTitle(revision, field),
            sentence: shortSentence(sentence),
            name,
          }),
        );
      }
    }
  }
  return findings;
}

export function checkCopied(check: CopiedCheck, ctx: RuleContext): Finding[] {
  if (check.rule === 'leftover-text') return checkLeftovers(ctx);
  const findings: Finding[] = copiedFromPeers(ctx);
  const previous = ctx.previous;
  if (!previous) return findings;
  for (const field of TEXT_FIELDS) {
    const now = ctx.report.narrative[field];
    const before = previous.narrative[field];
    const length = now && before ? comparableLength(now) : 0;
    if (length < MIN_COMPARED_CHARS) continue;
    const share = copiedShare(now!, before!);
    // A short section (a sentence) is a copy when it is last year's almost word for word; a longer one above the threshold.
    if (share <= (length < SHORT_TEXT ? SHORT_COPY : ctx.config.copiedShare)) continue;
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
