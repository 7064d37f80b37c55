/** Family: linear relations between cells (sums, balances, bounds, cross-year continuity). */
import type { ValueKind } from '../../format/types';
import type { Report } from '../../report/types';
import { arithmeticValue, type ReportValue } from '../../values/read';
import { difference, formatNumber, roundFor, sameAmount } from '../../values/compare';
import { makeFinding } from '../finding';
import type { LinearData } from '../declarations';
import type { Finding, LinearCheck, RuleContext, Term } from '../types';
import { describeValue } from './describe';

type Evaluated = { term: Term; raw: ReportValue; n: number };

/** Evaluates the terms that exist; undefined when a present term has no usable number (reported elsewhere). */
function evaluate(terms: Term[], current: Report, previous: Report | undefined): Evaluated[] | undefined {
  const out: Evaluated[] = [];
  for (const term of terms) {
    const source = term.from === 'current' ? current : previous;
    if (!source) return undefined;
    const raw = source.values[term.key];
    // An absent cell: sums use the cells that exist; a comparison with last year needs the cells both have.
    if (raw === undefined) {
      if (term.from === 'previous') return undefined;
      continue;
    }
    const n = arithmeticValue(raw);
    if (n === undefined) return undefined;
    out.push({ term, raw, n });
  }
  return out;
}

const total = (kind: ValueKind, terms: Evaluated[]) =>
  roundFor(
    kind,
    terms.reduce((acc, t) => acc + t.term.sign * t.n, 0),
  );

function termsText(terms: Evaluated[]): string {
  return terms.map((t, i) => `${i === 0 ? (t.term.sign < 0 ? '－' : '') : t.term.sign < 0 ? '－' : '＋'}${t.term.label}${describeValue(t.raw)}`).join('');
}

export function checkLinear(check: LinearCheck, ctx: RuleContext): Finding[] {
  const fromPrevious = (t: Term) => t.from === 'previous';
  if (!ctx.previous && (check.left.some(fromPrevious) || check.right.some(fromPrevious))) return [];
  const left = evaluate(check.left, ctx.report, ctx.previous);
  const right = evaluate(check.right, ctx.report, ctx.previous);
  if (!left || !right || left.length === 0 || right.length === 0) return [];
  const kind: ValueKind = ctx.revision.cell(check.left[0]!.key)?.kind ?? 'count';
  const l = total(kind, left);
  const r = total(kind, right);
  const ok = check.relation === 'equal' ? sameAmount(kind, l, r) : l >= r || sameAmount(kind, l, r);
  if (ok) return [];
  const diff = difference(kind, l, r);
  // Cells: the total first, then its parts; cells of last year's report are not this workbook's cells.
  const cells = [...left, ...right].filter((t) => t.term.from === 'current').map((t) => t.term.key);
  const first = left[0]!;
  const data = {
    scope: check.scope,
    cell: ctx.revision.placeName(first.term.key),
    actualText: describeValue(first.raw),
    partsLabel: check.partsLabel,
    leftText: termsText(left),
    rightText: termsText(right),
    left: formatNumber(l),
    right: formatNumber(r),
    expected: formatNumber(r),
    diff,
  };
  // Every linear message takes the same data, and the rule table pairs each rule with one of its own
  // messages (LinearCheck's type); the compiler cannot follow that pairing through a union.
  const report = makeFinding as (
    rule: LinearCheck['rule'],
    id: LinearCheck['messageId'],
    c: string[],
    d: LinearData,
    e: Pick<Finding, 'expected' | 'actual'>,
  ) => Finding;
  return [report(check.rule, check.messageId, cells, data, { expected: r, actual: left.length === 1 ? first.raw : l })];
}
