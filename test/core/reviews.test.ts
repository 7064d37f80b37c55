/** Review decisions (已核实): matching, lapsing, the report JSON's `reviews`, the 核实记录 sheet, grouping. */
import {
  GROUP_MIN,
  asSource,
  checkSource,
  checkSourceReviewed,
  displayGroups,
  groupFindings,
  openErrors,
  parseReportJson,
  reviewOf,
  reviewsOfGrid,
  reviewsSheet,
  stringifyReport,
  summarize,
  withReview,
  type Report,
  type Review,
} from '../../src/core';
import { planGrid } from '../helpers/grid';
import { REV } from '../helpers/format';
import { consistentReport, withValues } from '../helpers/reports';

const broken = (): Report => withValues(consistentReport(), { 'requests.disclosed.total': 5 });
const rowTotal = (report: Report) => checkSource(asSource(report)).find((f) => f.rule === 'row-total')!;
const withReviews = (report: Report, reviews: Review[]): Report => ({ ...report, reviews });

describe('a review holds while the finding is what was reviewed', () => {
  const report = broken();
  const finding = rowTotal(report);
  const review = reviewOf(finding, report, '已与司法局备案数据核对', '2024-01-20');

  test('it records the message and the values of the finding’s cells', () => {
    expect(review.cells).toEqual(finding.cells);
    expect(review.message).toBe(finding.message);
    expect(review.values!['requests.disclosed.total']).toBe(5);
    expect(Object.keys(review.values!)).toEqual(finding.cells);
  });

  test('the reviewed finding is listed as reviewed, after the open ones, and counts as no error', () => {
    const before = summarize(checkSource(asSource(report)));
    const findings = checkSource(asSource(withReviews(report, [review])));
    const f = findings.find((x) => x.rule === 'row-total')!;
    expect(f.reviewed).toEqual({ reason: '已与司法局备案数据核对', date: '2024-01-20' });
    expect(findings[findings.length - 1]).toBe(f);
    const after = summarize(findings);
    expect(after.reviewed).toBe(1);
    expect(after.errors).toBe(before.errors - 1);
    expect(openErrors(findings).some((x) => x.rule === 'row-total')).toBe(false);
  });

  // Each case changes the report after the review; the finding must come back (or stay reviewed).
  const cases: [string, Partial<Record<string, number>>, boolean][] = [
    ['nothing changed', {}, true],
    ['the total changed (different difference)', { 'requests.disclosed.total': 9 }, false],
    ['a part changed', { 'requests.disclosed.natural': 3 }, false],
    ['parts swapped (same sum, same message)', { 'requests.disclosed.natural': 3, 'requests.disclosed.commercial': 1 }, false],
    ['another row changed', { 'appeals.review.upheld': 0 }, true],
  ];
  test.each(cases)('%s', (_name, changes, stillReviewed) => {
    const base = broken();
    const parts = { natural: base.values['requests.disclosed.natural'], commercial: base.values['requests.disclosed.commercial'] };
    // The swap case keeps the sum: move one from natural to commercial.
    const edits = { ...changes };
    if ('requests.disclosed.commercial' in changes) {
      edits['requests.disclosed.natural'] = (parts.natural as number) - 1;
      edits['requests.disclosed.commercial'] = (parts.commercial as number) + 1;
    }
    const changed = withValues(base, edits as Record<string, number>);
    const { findings, lapsed } = checkSourceReviewed(asSource(withReviews(changed, [review])));
    const f = findings.find((x) => x.rule === 'row-total' && x.cells[0] === 'requests.disclosed.total');
    if (!f) throw new Error('the finding should still be there');
    expect(Boolean(f.reviewed)).toBe(stillReviewed);
    expect(lapsed).toHaveLength(stillReviewed ? 0 : 1);
  });

  test('a hand-written review naming only the total holds while the finding is there', () => {
    const hand: Review = { rule: 'row-total', cells: ['requests.disclosed.total'], reason: '核对无误', date: '2024-01-20' };
    expect(checkSource(asSource(withReviews(broken(), [hand]))).find((f) => f.rule === 'row-total')!.reviewed).toBeDefined();
    const other: Review = { ...hand, cells: ['requests.partlyDisclosed.total'] };
    expect(checkSource(asSource(withReviews(broken(), [other]))).find((f) => f.rule === 'row-total')!.reviewed).toBeUndefined();
    const wrongRule: Review = { ...hand, rule: 'balance' };
    expect(checkSource(asSource(withReviews(broken(), [wrongRule]))).find((f) => f.rule === 'row-total')!.reviewed).toBeUndefined();
  });

  test('a review of a fixed finding lapses quietly (nothing comes back)', () => {
    const { findings, lapsed } = checkSourceReviewed(asSource(withReviews(consistentReport(), [review])));
    expect(findings.some((f) => f.reviewed)).toBe(false);
    expect(lapsed).toHaveLength(0);
  });

  test('withReview replaces the review of the same finding', () => {
    const again = { ...review, reason: '再次核对' };
    expect(withReview([review], again)).toEqual([again]);
    expect(withReview([review], { ...again, cells: ['requests.partlyDisclosed.total'] })).toHaveLength(2);
  });
});

describe('reviews in the report JSON', () => {
  const base = JSON.parse(stringifyReport(broken())) as Record<string, unknown>;
  const good = { rule: 'row-total', cells: ['requests.disclosed.total'], reason: '已核对', date: '2024-01-20' };

  test('round trip keeps every field', () => {
    const report = broken();
    const review = reviewOf(rowTotal(report), report, '已与司法局备案数据核对', '2024-01-20');
    const text = stringifyReport(withReviews(report, [review]));
    const parsed = parseReportJson(text);
    expect(parsed.ok && parsed.report.reviews).toEqual([review]);
    expect(stringifyReport(parsed.ok ? parsed.report : report)).toBe(text);
  });

  test('no reviews: no key written', () => {
    expect(stringifyReport(broken())).not.toContain('"reviews"');
  });

  const invalid: [string, unknown, string][] = [
    ['not an array', { rule: 'x' }, 'reviews'],
    ['unknown rule', [{ ...good, rule: 'row-totl' }], 'reviews[0].rule'],
    ['no cells', [{ ...good, cells: [] }], 'reviews[0].cells'],
    ['unknown cell', [{ ...good, cells: ['requests.nope.total'] }], 'reviews[0].cells'],
    ['empty reason', [{ ...good, reason: '  ' }], 'reviews[0].reason'],
    ['bad date', [{ ...good, date: '2024-13-45' }], 'reviews[0].date'],
    ['unknown field', [{ ...good, reviewer: '张三' }], 'reviews[0].reviewer'],
    ['bad values', [{ ...good, values: { 'requests.disclosed.total': [1] } }], 'reviews[0].values["requests.disclosed.total"]'],
  ];
  test.each(invalid)('%s', (_name, reviews, path) => {
    const parsed = parseReportJson(JSON.stringify({ ...base, reviews }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain(path);
  });

  test('the spec’s minimal form is read', () => {
    const parsed = parseReportJson(JSON.stringify({ ...base, reviews: [good] }));
    expect(parsed.ok && parsed.report.reviews).toEqual([good]);
  });
});

describe('the 核实记录 sheet', () => {
  const report = broken();
  const review = reviewOf(rowTotal(report), report, '已与司法局备案数据核对', '2024-01-20');

  test('plan → grid → reviews gives the same reviews', () => {
    const grid = planGrid(reviewsSheet([review], REV));
    expect(reviewsOfGrid(grid, REV)).toEqual({ reviews: [review], problems: [] });
  });

  test('a moved column, a typed date as an Excel serial and a blank row still read', () => {
    const grid = planGrid(reviewsSheet([review], REV)).map((row) => [null, ...row]);
    const header = grid.findIndex((r) => r.includes('规则编号'));
    const dateCol = grid[header]!.indexOf('核实日期');
    grid[header + 1]![dateCol] = 45311; // 2024-01-20
    grid.splice(header + 1, 0, []);
    expect(reviewsOfGrid(grid, REV).reviews).toEqual([review]);
  });

  test('an unreadable row is left out and named (its finding stays open)', () => {
    const grid = planGrid(reviewsSheet([review, { ...review, cells: ['requests.partlyDisclosed.total'] }], REV));
    const header = grid.findIndex((r) => r.includes('规则编号'));
    grid[header + 2]![grid[header]!.indexOf('规则编号')] = 'no-such-rule';
    const read = reviewsOfGrid(grid, REV);
    expect(read.reviews).toEqual([review]);
    expect(read.problems).toEqual([expect.stringContaining(`第${header + 3}行未能读取（规则编号“no-such-rule”不存在）`)]);
  });

  test('a sheet without the header says so', () => {
    expect(reviewsOfGrid([['随便写的']], REV).problems).toHaveLength(1);
    expect(reviewsOfGrid([], REV)).toEqual({ reviews: [], problems: [] });
  });
});

describe('groups', () => {
  test('identical findings form one group with a count; open errors first; reviewed last', () => {
    const blanks = withValues(broken(), { 'requests.disclosed.natural': null, 'requests.disclosed.commercial': null, 'requests.disclosed.research': null });
    const findings = checkSource(asSource(blanks));
    const groups = groupFindings(findings);
    expect(groups[0]!.standing).toBe('error');
    const blank = groups.find((g) => g.rule === 'blank-cell')!;
    expect(blank.findings).toHaveLength(3);
    expect(blank.title).toBe('3个单元格为空白，应填写0');
    const shown = displayGroups(findings);
    expect(shown.filter((g) => g.findings.length > 1).every((g) => g.findings.length >= GROUP_MIN)).toBe(true);
    expect(shown.flatMap((g) => g.findings)).toHaveLength(findings.length);
    const review: Review = { rule: 'row-total', cells: ['requests.disclosed.total'], reason: '核对', date: '2024-01-20' };
    const reviewed = groupFindings(checkSource(asSource(withReviews(blanks, [review]))));
    expect(reviewed[reviewed.length - 1]!.standing).toBe('reviewed');
  });

  test('a group of a message without its own group text names the rule and the count', () => {
    const findings = checkSource(
      asSource(
        withValues(consistentReport(), { 'requests.disclosed.total': 5, 'requests.partlyDisclosed.total': 9, 'requests.withheld.stateSecret.total': 7 }),
      ),
    );
    const g = groupFindings(findings).find((x) => x.rule === 'row-total')!;
    expect(g.title).toBe('总计列等于各申请人列之和：3处');
  });
});
