/**
 * Figures the narrative states, and the cells they must agree with (rule narrative-figure).
 * Patterns are data, a revision's: a clause pattern with one captured number and the cells whose sum it states.
 * Clauses that compare with last year, or that begin a breakdown (其中…), are left alone; so are
 * 信息处理费 in 元, a different quantity from 行政事业性收费 in 万元.
 */
import type { CellKey, NarrativeField } from '../format/types';
import { normalizeTyped, parseChineseNumeral } from '../values/read';

/** A number as written, captured: digits (with separators) or Chinese numerals. For the revisions' patterns. */
export const FIGURE_NUMBER = '(\\d[\\d,]*(?:\\.\\d+)?|[〇零一二三四五六七八九十百千万两]+)';
/** A short stretch of words between a figure's noun and its number, with no number or clause end in it. */
export const FIGURE_GAP = '[^\\d〇零一二三四五六七八九十百千万两，。；]{0,12}?';

export type FigurePattern = {
  id: string;
  /** What the figure is, for messages. */
  label: string;
  pattern: RegExp;
  /** The cells whose sum the figure states. */
  cells: CellKey[];
  kind: 'count' | 'fee';
  /** Not in a clause that starts a breakdown (其中…). */
  notInBreakdown?: boolean;
  /** Not in a clause that also mentions this (an ambiguous total). */
  unless?: RegExp;
};

/** Clauses that compare with another period state differences, not totals. */
const COMPARISON = /同比|环比|增长|减少|下降|增加|上升|较上年|比上年|较去年|比去年|%|％/u;

/** Every pattern captures a FIGURE_NUMBER: a clause without any digit or numeral states no figure. */
const ANY_NUMBER = /[\d〇零一二三四五六七八九十百千万两]/u;

export type StatedFigure = { pattern: FigurePattern; value: number; clause: string; field: NarrativeField };

function numberOf(token: string): number | undefined {
  if (/^\d/u.test(token)) {
    const n = Number(token.replace(/,/gu, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return parseChineseNumeral(token);
}

/** Clauses of a narrative: split at sentence and clause punctuation. */
export function clauses(text: string): string[] {
  // Split first: normalising turns the full-width comma into the thousands separator.
  return text
    .split(/[。；;！!？?\n，]/u)
    .map((c) => normalizeTyped(c))
    .filter((c) => c !== '');
}

export function statedFigures(text: string, field: NarrativeField, patterns: readonly FigurePattern[]): StatedFigure[] {
  const out: StatedFigure[] = [];
  const seen = new Set<string>();
  for (const clause of clauses(text)) {
    if (!ANY_NUMBER.test(clause) || COMPARISON.test(clause)) continue;
    for (const pattern of patterns) {
      if (pattern.notInBreakdown && /^(?:其中|另有|包括)/u.test(clause)) continue;
      if (pattern.unless?.test(clause)) continue;
      const m = pattern.pattern.exec(clause);
      if (!m) continue;
      // The pattern's one number: the first group that took part (a pattern may offer word orders as alternatives).
      const value = numberOf(m.slice(1).find((g) => g !== undefined)!);
      if (value === undefined) continue;
      const id = `${pattern.id}:${value}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ pattern, value, clause, field });
    }
  }
  return out;
}

/** Section 六 saying that no fees were charged (not about 信息处理费, which has no cell). */
export function saysNoFees(text: string): string | undefined {
  // Fees of information disclosure (信息处理费, “政府信息公开相关费用”) are another quantity than 行政事业性收费.
  return clauses(text).find((c) => /(?:未|没有|无|不)(?:收取|收)[^，。]{0,12}(?:费用|收费|费)/u.test(c) && !/处理费|信息公开|依申请|公开申请/u.test(c));
}
