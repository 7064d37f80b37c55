/**
 * Figures the narrative states, and the cells they must agree with (rule narrative-figure).
 * Patterns are data: a clause pattern with one captured number and the cells whose sum it states.
 * Clauses that compare with last year, or that begin a breakdown (其中…), are left alone; so are
 * 信息处理费 in 元, a different quantity from 行政事业性收费 in 万元.
 */
import { REQUEST_RESULT_ROWS, requestKey } from '../format';
import type { NarrativeField } from '../format/types';
import { normalizeTyped, parseChineseNumeral } from '../values/read';

/** A number as written: digits (with separators) or Chinese numerals. */
const N = '(\\d[\\d,]*(?:\\.\\d+)?|[〇零一二三四五六七八九十百千万两]+)';
const GAP = '[^\\d〇零一二三四五六七八九十百千万两，。；]{0,12}?';

export type FigurePattern = {
  id: string;
  /** What the figure is, for messages. */
  label: string;
  pattern: RegExp;
  /** The cells whose sum the figure states. */
  cells: string[];
  kind: 'count' | 'fee';
  /** Not in a clause that starts a breakdown (其中…). */
  notInBreakdown?: boolean;
  /** Not in a clause that also mentions this (an ambiguous total). */
  unless?: RegExp;
};

const rowsOf = (prefix: string) => REQUEST_RESULT_ROWS.filter((r) => r.key.startsWith(prefix)).map((r) => requestKey(r.key, 'total'));

export const FIGURE_PATTERNS: readonly FigurePattern[] = [
  {
    id: 'requests.received',
    label: '本年新收申请',
    pattern: new RegExp(`(?:新收|收到|受理|接收|接到)${GAP}申请${GAP}${N}件`, 'u'),
    cells: [requestKey('newReceived', 'total')],
    kind: 'count',
    notInBreakdown: true,
    unless: /上年结转|结转/u,
  },
  {
    id: 'requests.handled',
    label: '办理申请',
    pattern: new RegExp(`办理${GAP}(?:依申请公开|申请)${GAP}${N}件`, 'u'),
    cells: [requestKey('totalHandled', 'total')],
    kind: 'count',
    notInBreakdown: true,
    unless: /结转/u,
  },
  { id: 'requests.carriedOver', label: '上年结转申请', pattern: new RegExp(`上年结转${GAP}${N}件`, 'u'), cells: [requestKey('carriedOver', 'total')], kind: 'count' },
  { id: 'requests.carriedForward', label: '结转下年度', pattern: new RegExp(`结转(?:至)?下(?:一)?年度?${GAP}${N}件`, 'u'), cells: [requestKey('carriedForward', 'total')], kind: 'count' },
  { id: 'requests.disclosed', label: '予以公开', pattern: new RegExp(`予以公开${GAP}${N}件`, 'u'), cells: [requestKey('disclosed', 'total')], kind: 'count' },
  { id: 'requests.partly', label: '部分公开', pattern: new RegExp(`部分公开${GAP}${N}件`, 'u'), cells: [requestKey('partlyDisclosed', 'total')], kind: 'count' },
  { id: 'requests.withheld', label: '不予公开', pattern: new RegExp(`不予公开${GAP}${N}件`, 'u'), cells: rowsOf('withheld.'), kind: 'count' },
  { id: 'requests.unavailable', label: '无法提供', pattern: new RegExp(`无法提供${GAP}${N}件`, 'u'), cells: rowsOf('unavailable.'), kind: 'count' },
  { id: 'requests.notProcessed', label: '不予处理', pattern: new RegExp(`不予处理${GAP}${N}件`, 'u'), cells: rowsOf('notProcessed.'), kind: 'count' },
  { id: 'appeals.review', label: '行政复议', pattern: new RegExp(`行政复议${GAP}${N}(?:件|起|宗)`, 'u'), cells: ['appeals.review.total'], kind: 'count' },
  {
    id: 'appeals.litigation',
    label: '行政诉讼',
    pattern: new RegExp(`行政诉讼${GAP}${N}(?:件|起|宗)`, 'u'),
    cells: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'],
    kind: 'count',
    unless: /复议后|直接起诉/u,
  },
  { id: 'active.licensing', label: '行政许可', pattern: new RegExp(`行政许可${GAP}${N}(?:件|项|个)`, 'u'), cells: ['active.licensing'], kind: 'count', unless: /事项|清单/u },
  { id: 'active.penalty', label: '行政处罚', pattern: new RegExp(`行政处罚${GAP}${N}(?:件|起|宗|个)`, 'u'), cells: ['active.penalty'], kind: 'count' },
  { id: 'active.coercion', label: '行政强制', pattern: new RegExp(`行政强制${GAP}${N}(?:件|起|宗|个)`, 'u'), cells: ['active.coercion'], kind: 'count' },
  {
    id: 'active.regulations.issued',
    label: '本年制发规章',
    pattern: new RegExp(`(?:制发|出台|印发|制定|发布)${GAP}规章${GAP}${N}件`, 'u'),
    cells: ['active.regulations.issued'],
    kind: 'count',
  },
  {
    id: 'active.normativeDocuments.issued',
    label: '本年制发行政规范性文件',
    pattern: new RegExp(`(?:制发|出台|印发|制定|发布)${GAP}规范性文件${GAP}${N}件`, 'u'),
    cells: ['active.normativeDocuments.issued'],
    kind: 'count',
  },
  {
    id: 'active.normativeDocuments.repealed',
    label: '本年废止行政规范性文件',
    pattern: new RegExp(`废止${GAP}规范性文件${GAP}${N}件`, 'u'),
    cells: ['active.normativeDocuments.repealed'],
    kind: 'count',
  },
  {
    id: 'active.fees',
    label: '行政事业性收费',
    pattern: new RegExp(`(?:行政事业性收费|收费金额)${GAP}${N}万元`, 'u'),
    cells: ['active.fees'],
    kind: 'fee',
    unless: /信息处理费/u,
  },
];

/** Clauses that compare with another period state differences, not totals. */
const COMPARISON = /同比|环比|增长|减少|下降|增加|上升|较上年|比上年|较去年|比去年|%|％/u;

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

export function statedFigures(text: string, field: NarrativeField): StatedFigure[] {
  const out: StatedFigure[] = [];
  const seen = new Set<string>();
  for (const clause of clauses(text)) {
    if (COMPARISON.test(clause)) continue;
    for (const pattern of FIGURE_PATTERNS) {
      if (pattern.notInBreakdown && clause.startsWith('其中')) continue;
      if (pattern.unless?.test(clause)) continue;
      const m = pattern.pattern.exec(clause);
      if (!m) continue;
      const value = numberOf(m[1]!);
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
  return clauses(text).find((c) => /(?:未|没有|无|不)(?:收取|收)[^，。]{0,12}(?:费用|收费|费)/u.test(c) && !/信息处理费|处理费/u.test(c));
}
