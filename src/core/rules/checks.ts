/**
 * The rule table: every check as data, derived from a revision's tables. A new sum is one entry
 * here; a new kind of check is a family in `families/`.
 */
import type { FormatTables } from '../format/build';
import type { CellKey } from '../format/types';
import type { Check, LinearCheck, Term } from './types';

const cur = (key: CellKey, label: string, sign: 1 | -1 = 1): Term => ({ key, from: 'current', sign, label });
const prev = (key: CellKey, label: string, sign: 1 | -1 = 1): Term => ({ key, from: 'previous', sign, label });

/** The checks of a revision's tables, in the order of the rule declarations' families. */
export function deriveChecks(t: FormatTables): Check[] {
  const q = t.spec.requests;
  const k = t.keys;
  const columns = q.columns;
  const parts = columns.filter((c) => c.key !== 'total');
  const documents = t.spec.active.documents;
  const doc = (row: string, column: string) => k.document(row, column);
  const hasInForce = ['issued', 'repealed', 'inForce'].every((c) => documents.columns.some((x) => x.key === c));

  // Format: 总计 = 自然人 + 法人或其他组织 (its columns); there is no subtotal column.
  const rowTotals = t.requestRows.map((r): LinearCheck => ({
    family: 'linear',
    rule: 'row-total',
    messageId: 'sum.mismatch',
    relation: 'equal',
    scope: r.short,
    partsLabel: '自然人与法人或其他组织各列',
    left: [cur(k.request(r.key, 'total'), '总计')],
    right: parts.map((c) => cur(k.request(r.key, c.key), c.label)),
  }));
  // （七）总计 = the result rows （一）…（六）; there is no subtotal row.
  const handledTotals = columns.map((c): LinearCheck => ({
    family: 'linear',
    rule: 'handled-total',
    messageId: 'sum.mismatch',
    relation: 'equal',
    scope: `${c.label}列`,
    partsLabel: '各项办理结果',
    left: [cur(k.request(q.totalHandled.key, c.key), q.totalHandled.short)],
    right: t.resultRows.map((r) => cur(k.request(r.key, c.key), r.short)),
  }));
  // The format's own note: 第一项加第二项之和，等于第三项加第四项之和.
  const balances = columns.map((c): LinearCheck => ({
    family: 'linear',
    rule: 'balance',
    messageId: 'balance.mismatch',
    relation: 'equal',
    scope: `${c.label}列`,
    partsLabel: '',
    left: [cur(k.request(q.newReceived.key, c.key), '本年新收'), cur(k.request(q.carriedOver.key, c.key), '上年结转')],
    right: [cur(k.request(q.totalHandled.key, c.key), '办理结果总计'), cur(k.request(q.carriedForward.key, c.key), '结转下年度')],
  }));
  const appealParts = t.spec.appeals.columns.filter((c) => c.key !== 'total');
  const appealTotals = t.spec.appeals.groups.map((g): LinearCheck => ({
    family: 'linear',
    rule: 'appeal-total',
    messageId: 'sum.mismatch',
    relation: 'equal',
    scope: g.name,
    partsLabel: appealParts.map((c) => c.label).join('、'),
    left: [cur(k.appeal(g.key, 'total'), '总计')],
    right: appealParts.map((c) => cur(k.appeal(g.key, c.key), c.label)),
  }));
  // What is in force now includes at least what was issued this year and not repealed.
  const inForceBounds = hasInForce
    ? documents.rows.map((r): LinearCheck => ({
        family: 'linear',
        rule: 'in-force-bound',
        messageId: 'bound.in-force',
        relation: 'atLeast',
        scope: r.label,
        partsLabel: '本年制发、本年废止',
        left: [cur(doc(r.key, 'inForce'), '现行有效')],
        right: [cur(doc(r.key, 'issued'), '本年制发'), cur(doc(r.key, 'repealed'), '本年废止', -1)],
      }))
    : [];
  const carryOvers = columns.map((c): LinearCheck => ({
    family: 'linear',
    rule: 'carry-over',
    messageId: 'carry-over.mismatch',
    relation: 'equal',
    scope: `${c.label}列`,
    partsLabel: '上年报告结转下年度',
    left: [cur(k.request(q.carriedOver.key, c.key), '本年上年结转')],
    right: [prev(k.request(q.carriedForward.key, c.key), '上年报告结转下年度')],
  }));
  const inForceContinuity = hasInForce
    ? documents.rows.map((r): LinearCheck => ({
        family: 'linear',
        rule: 'in-force-continuity',
        messageId: 'in-force-continuity.mismatch',
        relation: 'equal',
        scope: r.label,
        partsLabel: '上年现行有效、本年制发、本年废止',
        left: [cur(doc(r.key, 'inForce'), '现行有效')],
        right: [prev(doc(r.key, 'inForce'), '上年现行有效'), cur(doc(r.key, 'issued'), '本年制发'), cur(doc(r.key, 'repealed'), '本年废止', -1)],
      }))
    : [];

  return [
    { family: 'meta', rule: 'meta-unfilled' },
    { family: 'meta', rule: 'meta-agency' },
    { family: 'meta', rule: 'meta-year' },
    { family: 'meta', rule: 'meta-office' },
    { family: 'meta', rule: 'meta-date' },
    { family: 'meta', rule: 'meta-contact' },
    { family: 'deadline', rule: 'deadline' },
    { family: 'content', rule: 'content-topics' },
    { family: 'content', rule: 'content-improvement' },
    { family: 'content', rule: 'content-fee-statement' },
    { family: 'content', rule: 'section-length' },
    { family: 'template', rule: 'old-template' },
    { family: 'year', rule: 'year-mismatch' },
    ...t.sections.flatMap((s): Check[] => [
      { family: 'section', rule: 'section-missing', section: s.id },
      { family: 'section', rule: 'section-title', section: s.id },
      ...(s.content.type === 'narrative' ? [{ family: 'section' as const, rule: 'section-empty' as const, section: s.id }] : []),
    ]),
    ...t.cells.map((c): Check => ({ family: 'value', rule: c.kind === 'fee' ? 'fee-amount' : 'whole-number', cell: c.key })),
    ...t.cells.map((c): Check => ({ family: 'blank', rule: 'blank-cell', cell: c.key })),
    ...rowTotals,
    ...handledTotals,
    ...balances,
    ...appealTotals,
    ...inForceBounds,
    ...carryOvers,
    ...inForceContinuity,
    { family: 'figure', rule: 'narrative-figure' },
    { family: 'copied', rule: 'copied-text' },
    { family: 'copied', rule: 'leftover-text' },
    { family: 'register', rule: 'register-entry' },
  ];
}
