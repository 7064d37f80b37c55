/** Builders of reports for tests: a consistent report from a few free numbers, and small edits. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportJson, type Report, type ReportValue } from '../../src/core';
import { APPEAL_COLUMNS, APPEAL_GROUPS, CELLS, REQUEST_PART_COLUMNS, REQUEST_RESULT_ROWS, REV, appealKey, requestKey } from './format';

export const EXAMPLE_PATH = join(__dirname, '../../examples/chengdong-2023.json');

export function loadExample(): Report {
  const parsed = parseReportJson(readFileSync(EXAMPLE_PATH, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.report;
}

/** Free numbers of a consistent report; everything else is derived so that every sum holds. */
export type Seed = {
  /** Per applicant column (6): the 21 result rows, last year's carry-over, and what is carried forward. */
  columns: { results: number[]; carriedOver: number; carriedForward: number }[];
  /** Per appeal group (3): upheld, corrected, other, pending. */
  appeals: number[][];
  /** T2: [issued, repealed, extraInForce] for regulations and normative documents. */
  docs: [number, number, number][];
  singles: { licensing: number; penalty: number; coercion: number; fees: number };
};

export function zeroSeed(): Seed {
  return {
    columns: REQUEST_PART_COLUMNS.map(() => ({ results: REQUEST_RESULT_ROWS.map(() => 0), carriedOver: 0, carriedForward: 0 })),
    appeals: APPEAL_GROUPS.map(() => [0, 0, 0, 0]),
    docs: [
      [0, 0, 0],
      [0, 0, 0],
    ],
    singles: { licensing: 0, penalty: 0, coercion: 0, fees: 0 },
  };
}

export function consistentReport(seed: Seed = zeroSeed()): Report {
  const v: Record<string, ReportValue> = {};
  const totals = { results: REQUEST_RESULT_ROWS.map(() => 0), newReceived: 0, carriedOver: 0, totalHandled: 0, carriedForward: 0 };
  REQUEST_PART_COLUMNS.forEach((c, ci) => {
    const col = seed.columns[ci]!;
    const handled = col.results.reduce((a, b) => a + b, 0);
    // newReceived + carriedOver = handled + carriedForward, with carriedOver no larger than the right side.
    const carriedOver = Math.min(col.carriedOver, handled + col.carriedForward);
    const newReceived = handled + col.carriedForward - carriedOver;
    REQUEST_RESULT_ROWS.forEach((r, ri) => {
      v[requestKey(r.key, c.key)] = col.results[ri]!;
      totals.results[ri]! += col.results[ri]!;
    });
    v[requestKey('newReceived', c.key)] = newReceived;
    v[requestKey('carriedOver', c.key)] = carriedOver;
    v[requestKey('totalHandled', c.key)] = handled;
    v[requestKey('carriedForward', c.key)] = col.carriedForward;
    totals.newReceived += newReceived;
    totals.carriedOver += carriedOver;
    totals.totalHandled += handled;
    totals.carriedForward += col.carriedForward;
  });
  REQUEST_RESULT_ROWS.forEach((r, ri) => (v[requestKey(r.key, 'total')] = totals.results[ri]!));
  for (const k of ['newReceived', 'carriedOver', 'totalHandled', 'carriedForward'] as const) v[requestKey(k, 'total')] = totals[k];
  APPEAL_GROUPS.forEach((g, gi) => {
    const parts = seed.appeals[gi]!;
    APPEAL_COLUMNS.slice(0, 4).forEach((c, i) => (v[appealKey(g.key, c.key)] = parts[i]!));
    v[appealKey(g.key, 'total')] = parts.reduce((a, b) => a + b, 0);
  });
  (['active.regulations', 'active.normativeDocuments'] as const).forEach((row, i) => {
    const [issued, repealed, extra] = seed.docs[i]!;
    v[`${row}.issued`] = issued;
    v[`${row}.repealed`] = repealed;
    v[`${row}.inForce`] = Math.max(0, issued - repealed) + extra;
  });
  v['active.licensing'] = seed.singles.licensing;
  v['active.penalty'] = seed.singles.penalty;
  v['active.coercion'] = seed.singles.coercion;
  v['active.fees'] = seed.singles.fees;
  if (Object.keys(v).length !== CELLS.length) throw new Error('builder does not fill every cell');
  return {
    format: REV.id,
    meta: {
      agency: '测试县人民政府',
      year: 2023,
      office: '测试县人民政府办公室',
      date: '2024-01-31',
      contact: '测试县人民政府办公室（地址：测试县人民路1号，电话：0000-1234567）',
      title: '测试县人民政府2023年政府信息公开工作年度报告',
    },
    values: v,
    narrative: {
      preamble: '本年报所列数据的统计期限为2023年1月1日至12月31日。',
      overview: [
        '2023年，本县认真贯彻落实条例。',
        '（一）主动公开。全年主动公开政府信息一批。',
        '（二）依申请公开。依法办理政府信息公开申请。',
        '（三）政府信息管理。严格落实保密审查制度。',
        '（四）政府信息公开平台建设。持续完善政府网站公开专栏。',
        '（五）监督保障。组织业务培训，将政务公开纳入绩效考核，开展社会评议，全年未发生责任追究情况。',
      ].join('\n'),
      problems: '一是公开内容不够全面。下一步将加强培训。',
      other: '本年度未收取信息处理费。',
    },
  };
}

/** A copy of a report with some values replaced (undefined removes the key). */
export function withValues(report: Report, changes: Record<string, ReportValue | undefined>): Report {
  const values = { ...report.values };
  for (const [k, val] of Object.entries(changes)) {
    if (val === undefined) delete values[k];
    else values[k] = val;
  }
  return { ...report, values };
}
