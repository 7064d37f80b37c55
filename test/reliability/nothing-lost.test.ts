/**
 * Nothing lost, proved against the host double with faults injected at every command of a batch:
 * a failure half-way through any action leaves the workbook recoverable exactly (or as documented).
 */
import { a1, placesFromReport, planAddresses, workbookPlan, type Report } from '../../src/core';
import { REV } from '../helpers/format';
import { checkInExcel, clearMarksInExcel } from '../../src/excel/check';
import { paintTemplateInExcel } from '../../src/excel/template';
import { FakeContext, WorkbookState, parseA1 } from '../doubles/excel-host';
import { consistentReport, withValues } from '../helpers/reports';

const plan = workbookPlan(REV);
const addresses = planAddresses(plan);
const at = (key: string) => a1(addresses.get(key)!.row, addresses.get(key)!.col);
const features = { api19: true };
const ctx = (state: WorkbookState, failAt?: { sync: number; command: number }) => {
  const fake = new FakeContext(state);
  fake.failAt = failAt;
  return { context: fake as unknown as Excel.RequestContext, fake };
};

async function prepared(): Promise<{ state: WorkbookState; formats: string }> {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const report: Report = withValues(consistentReport(), { 'requests.disclosed.total': 5, 'appeals.review.pending': null, 'active.penalty': '不详' });
  await paintTemplateInExcel(ctx(state).context, plan, placesFromReport(report, REV), features, REV);
  // The user's own colours, on an offending cell and on another.
  const p = parseA1(at('requests.disclosed.total'));
  state.sheet('报告数据')!.cell(p.r, p.c).fill = { color: '#C6EFCE', pattern: 'Solid' };
  const q = parseA1(at('active.coercion'));
  state.sheet('报告数据')!.cell(q.r, q.c).fill = { color: '#DDEBF7', pattern: 'Solid' };
  return { state, formats: state.formatSnapshot() };
}

/** Commands in the write batch of a second check whose findings differ from the first one's. */
async function secondCheckWrites(): Promise<number> {
  const { state } = await prepared();
  await checkInExcel(ctx(state).context, features, REV);
  state.type('报告数据', at('appeals.review.pending'), 0);
  state.type('报告数据', at('active.licensing'), '/');
  const { context, fake } = ctx(state);
  await checkInExcel(context, features, REV);
  return fake.commandsPerSync[1]!;
}

test('a check failing at any command of its write batch: 清除标记 still restores every format exactly', async () => {
  const n = await secondCheckWrites();
  expect(n).toBeGreaterThan(5);
  for (let k = 0; k < n; k++) {
    const { state, formats } = await prepared();
    await checkInExcel(ctx(state).context, features, REV);
    state.type('报告数据', at('appeals.review.pending'), 0);
    state.type('报告数据', at('active.licensing'), '/');
    const content = state.contentSnapshot();
    await expect(checkInExcel(ctx(state, { sync: 2, command: k }).context, features, REV)).rejects.toThrow(/injected/u);
    expect(state.contentSnapshot()).toBe(content);
    await clearMarksInExcel(ctx(state).context);
    expect([k, state.formatSnapshot() === formats]).toEqual([k, true]);
  }
});

test('a check failing half-way, then checked again (not cleared): marks are right and clearing restores', async () => {
  const n = await secondCheckWrites();
  for (const k of [0, 1, Math.floor(n / 2), n - 1]) {
    const { state, formats } = await prepared();
    await checkInExcel(ctx(state).context, features, REV);
    state.type('报告数据', at('appeals.review.pending'), 0);
    await checkInExcel(ctx(state, { sync: 2, command: k }).context, features, REV).catch(() => undefined);
    const again = await checkInExcel(ctx(state).context, features, REV);
    expect(again.findings.some((f) => f.cells[0] === 'appeals.review.pending')).toBe(false);
    const p = parseA1(at('appeals.review.pending'));
    expect([k, state.sheet('报告数据')!.peek(p.r, p.c)!.fill.color]).toEqual([k, '#FFF2CC']);
    await clearMarksInExcel(ctx(state).context);
    expect([k, state.formatSnapshot() === formats]).toEqual([k, true]);
  }
});

test('清除标记 failing half-way: running it again restores everything', async () => {
  const { state, formats } = await prepared();
  await checkInExcel(ctx(state).context, features, REV);
  const probe = ctx(state);
  await clearMarksInExcel(probe.context);
  const n = probe.fake.commandsPerSync[1]!;
  for (let k = 0; k < n; k++) {
    const { state: s2, formats: f2 } = await prepared();
    await checkInExcel(ctx(s2).context, features, REV);
    await expect(clearMarksInExcel(ctx(s2, { sync: 2, command: k }).context)).rejects.toThrow(/injected/u);
    await clearMarksInExcel(ctx(s2).context);
    expect([k, s2.formatSnapshot() === f2]).toEqual([k, true]);
  }
  expect(state.formatSnapshot()).toBe(formats);
});

test('生成模板 failing half-way never touches a sheet that holds data (a partial new sheet is left, as documented)', async () => {
  const probe = new WorkbookState();
  probe.addSheet('报告数据');
  probe.type('报告数据', 'B2', '旧数据');
  const p = ctx(probe);
  await paintTemplateInExcel(p.context, plan, new Map(), features, REV);
  const n = p.fake.commandsPerSync[p.fake.commandsPerSync.length - 1]!;
  for (const k of [0, 1, 2, 50, 500, Math.floor(n / 2), n - 2, n - 1]) {
    const state = new WorkbookState();
    state.addSheet('报告数据');
    state.type('报告数据', 'B2', '旧数据');
    state.type('报告数据', 'C3', 42, '=6*7');
    const before = JSON.stringify(JSON.parse(state.contentSnapshot())[0]);
    const formatsBefore = JSON.stringify(JSON.parse(state.formatSnapshot())[0]);
    await expect(paintTemplateInExcel(ctx(state, { sync: 3, command: k }).context, plan, new Map(), features, REV)).rejects.toThrow(/injected/u);
    expect([k, JSON.stringify(JSON.parse(state.contentSnapshot())[0])]).toEqual([k, before]);
    expect([k, JSON.stringify(JSON.parse(state.formatSnapshot())[0])]).toEqual([k, formatsBefore]);
    // A second attempt succeeds and still leaves the data alone.
    const r = await paintTemplateInExcel(ctx(state).context, plan, new Map(), features, REV);
    expect(r.sheets[0]).not.toBe('报告数据');
    expect(state.valueAt('报告数据', 'B2')).toBe('旧数据');
  }
});
