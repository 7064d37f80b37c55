/**
 * The rule table: every check as data, derived from the format model. A new sum is one entry here;
 * a new kind of check is a family in `families/`.
 */
import {
  ACTIVE_DOC_ROWS,
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  CELLS,
  REQUEST_COLUMNS,
  REQUEST_PART_COLUMNS,
  REQUEST_RESULT_ROWS,
  REQUEST_ROWS,
  SECTIONS,
  appealKey,
  requestKey,
} from '../format';
import type { Check, LinearCheck, Term } from './types';

const cur = (key: string, label: string, sign: 1 | -1 = 1): Term => ({ key, from: 'current', sign, label });
const prev = (key: string, label: string, sign: 1 | -1 = 1): Term => ({ key, from: 'previous', sign, label });

function rowTotals(): LinearCheck[] {
  // Format: 总计 = 自然人 + 法人或其他组织 (five columns); there is no subtotal column.
  return REQUEST_ROWS.map((r) => ({
    family: 'linear',
    rule: 'row-total',
    messageId: 'sum.mismatch',
    relation: 'equal',
    scope: r.short,
    left: [cur(requestKey(r.key, 'total'), '总计')],
    right: REQUEST_PART_COLUMNS.map((c) => cur(requestKey(r.key, c.key), c.label)),
  }));
}

function handledTotals(): LinearCheck[] {
  // （七）总计 = the 21 result rows （一）…（六）; there is no subtotal row.
  return REQUEST_COLUMNS.map((c) => ({
    family: 'linear',
    rule: 'handled-total',
    messageId: 'sum.mismatch',
    relation: 'equal',
    scope: c.label,
    left: [cur(requestKey('totalHandled', c.key), '（七）总计')],
    right: REQUEST_RESULT_ROWS.map((r) => cur(requestKey(r.key, c.key), r.short)),
  }));
}

function balances(): LinearCheck[] {
  // The format's own note: 第一项加第二项之和，等于第三项加第四项之和.
  return REQUEST_COLUMNS.map((c) => ({
    family: 'linear',
    rule: 'balance',
    messageId: 'balance.mismatch',
    relation: 'equal',
    scope: `${c.label}列`,
    left: [cur(requestKey('newReceived', c.key), '本年新收'), cur(requestKey('carriedOver', c.key), '上年结转')],
    right: [cur(requestKey('totalHandled', c.key), '办理结果总计'), cur(requestKey('carriedForward', c.key), '结转下年度')],
  }));
}

function appealTotals(): LinearCheck[] {
  const parts = APPEAL_COLUMNS.filter((c) => c.key !== 'total');
  return APPEAL_GROUPS.map((g) => ({
    family: 'linear',
    rule: 'appeal-total',
    messageId: 'sum.mismatch',
    relation: 'equal',
    scope: g.name,
    left: [cur(appealKey(g.key, 'total'), '总计')],
    right: parts.map((c) => cur(appealKey(g.key, c.key), c.label)),
  }));
}

function inForceBounds(): LinearCheck[] {
  // What is in force now includes at least what was issued this year and not repealed.
  return ACTIVE_DOC_ROWS.map((r) => ({
    family: 'linear',
    rule: 'in-force-bound',
    messageId: 'bound.in-force',
    relation: 'atLeast',
    scope: r.label,
    left: [cur(`${r.key}.inForce`, '现行有效')],
    right: [cur(`${r.key}.issued`, '本年制发'), cur(`${r.key}.repealed`, '本年废止', -1)],
  }));
}

function carryOvers(): LinearCheck[] {
  return REQUEST_COLUMNS.map((c) => ({
    family: 'linear',
    rule: 'carry-over',
    messageId: 'carry-over.mismatch',
    relation: 'equal',
    scope: `${c.label}列`,
    left: [cur(requestKey('carriedOver', c.key), '本年上年结转')],
    right: [prev(requestKey('carriedForward', c.key), '上年报告结转下年度')],
  }));
}

function inForceContinuity(): LinearCheck[] {
  return ACTIVE_DOC_ROWS.map((r) => ({
    family: 'linear',
    rule: 'in-force-continuity',
    messageId: 'in-force-continuity.mismatch',
    relation: 'equal',
    scope: r.label,
    left: [cur(`${r.key}.inForce`, '现行有效')],
    right: [prev(`${r.key}.inForce`, '上年现行有效'), cur(`${r.key}.issued`, '本年制发'), cur(`${r.key}.repealed`, '本年废止', -1)],
  }));
}

export const CHECKS: readonly Check[] = [
  { family: 'template', rule: 'old-template' },
  { family: 'year', rule: 'year-mismatch' },
  ...SECTIONS.flatMap((s): Check[] => [
    { family: 'section', rule: 'section-missing', section: s.id },
    { family: 'section', rule: 'section-title', section: s.id },
    ...(s.content.type === 'narrative' ? [{ family: 'section' as const, rule: 'section-empty' as const, section: s.id }] : []),
  ]),
  ...CELLS.map((c): Check => ({ family: 'value', rule: c.kind === 'fee' ? 'fee-amount' : 'whole-number', cell: c.key })),
  ...CELLS.map((c): Check => ({ family: 'blank', rule: 'blank-cell', cell: c.key })),
  ...rowTotals(),
  ...handledTotals(),
  ...balances(),
  ...appealTotals(),
  ...inForceBounds(),
  ...carryOvers(),
  ...inForceContinuity(),
  { family: 'figure', rule: 'narrative-figure' },
  { family: 'copied', rule: 'copied-text' },
];
