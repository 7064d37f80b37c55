/** The Excel adapter against the host double: round trips, nothing lost, marks restored exactly. */
import { a1, asSource, checkSource, placesFromReport, planAddresses, workbookPlan, type Report } from '../../src/core';
import { CELLS, REV } from '../helpers/format';
import { ReportNotFoundError, checkInExcel, clearMarksInExcel, selectInExcel } from '../../src/excel/check';
import { MARK_COLORS, MARK_SETTING } from '../../src/excel/marks';
import { paintTemplateInExcel } from '../../src/excel/template';
import { WorkbookState, excelContext, parseA1 } from '../doubles/excel-host';
import { planGrid } from '../helpers/grid';
import { consistentReport, loadExample, withValues } from '../helpers/reports';

const plan = workbookPlan(REV);
const addresses = planAddresses(plan);
const features = { api19: true };
const at = (key: string) => a1(addresses.get(key)!.row, addresses.get(key)!.col);

const complete = (): Report => {
  const r = consistentReport();
  const { title: _t, ...meta } = r.meta;
  return { ...r, meta };
};

async function workbookWith(report?: Report): Promise<WorkbookState> {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const { context } = excelContext(state);
  await paintTemplateInExcel(context, plan, report ? placesFromReport(report, REV) : new Map(), features, REV);
  return state;
}

async function check(state: WorkbookState, f = features) {
  const { context, fake } = excelContext(state);
  const result = await checkInExcel(context, f, REV);
  return { result, syncs: fake.syncCount };
}

describe('生成模板', () => {
  test('paints both sheets, one name per place, in two syncs on a fresh workbook', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { context, fake } = excelContext(state);
    const result = await paintTemplateInExcel(context, plan, new Map(), features, REV);
    expect(result).toEqual({ sheets: ['报告数据', '报告正文', '核对'], renamed: false, namesMoved: false, notes: [] });
    expect(fake.syncCount).toBe(2);
    expect(state.names.size).toBe(addresses.size);
    const data = state.sheet('报告数据')!;
    expect(data.protection).toMatchObject({ protected: true, options: { allowFormatCells: true } });
    expect(data.showGridlines).toBe(false);
    expect(data.merges.length).toBe(plan.sheets[0]!.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).length);
    expect(state.valueAt('报告数据', 'A1')).toContain('政府信息公开工作年度报告');
    const input = data.peek(parseA1(at('requests.totalHandled.natural')).r, parseA1(at('requests.totalHandled.natural')).c)!;
    expect(input.locked).toBe(false);
    expect(input.validation).toMatchObject({ rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } } });
    expect(input.numberFormat).toBe('0');
    expect(data.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
    expect(state.active?.name).toBe('报告数据');
    // The 核对 sheet: the plan's formulas, locked; each checked total with its conditional format.
    const verify = plan.sheets.find((s) => s.name === '核对')!;
    const painted = state.sheet('核对')!;
    const formulas = verify.cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(100);
    for (const c of formulas) {
      const cell = painted.peek(c.row, c.col)!;
      expect(cell.formula).toBe(`=${c.formula!.text}`);
      expect(cell.locked).toBe(true);
    }
    expect(painted.protection.protected).toBe(true);
    const total = parseA1(at('requests.newReceived.total'));
    const rules = data.conditionalFormats.filter((f) => f.box.r0 === total.r && f.box.c0 === total.c);
    expect(rules.map((f) => f.formula)).toEqual(
      plan.sheets[0]!.conditionalFormats!.filter((f) => f.row === total.r && f.col === total.c).map((f) => `=${f.formula}`),
    );
    expect(rules[0]).toMatchObject({ fontColor: '#C00000', bold: true, fill: '#FFC7CE' });
    expect(data.conditionalFormats).toHaveLength(plan.sheets[0]!.conditionalFormats!.length);
  });

  test('never overwrites a sheet that holds data: uses the next free name and says so', async () => {
    const state = new WorkbookState();
    state.addSheet('报告数据');
    state.type('报告数据', 'B2', '我的旧数据');
    state.type('报告数据', 'C3', 42, '=6*7');
    const before = state.contentSnapshot();
    const { context, fake } = excelContext(state);
    const result = await paintTemplateInExcel(context, plan, new Map(), features, REV);
    expect(result).toMatchObject({ sheets: ['报告数据 (2)', '报告正文 (2)', '核对 (2)'], renamed: true });
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(state.valueAt('报告数据', 'B2')).toBe('我的旧数据');
    expect(state.sheet('报告数据')!.peek(2, 2)).toMatchObject({ value: 42, formula: '=6*7' });
    expect(JSON.parse(state.contentSnapshot())[0]).toEqual(JSON.parse(before)[0]);
  });

  test('reuses an empty sheet of the same name', async () => {
    const state = new WorkbookState();
    state.addSheet('报告数据');
    const { context } = excelContext(state);
    const result = await paintTemplateInExcel(context, plan, new Map(), features, REV);
    expect(result.sheets).toEqual(['报告数据', '报告正文', '核对']);
    expect(state.sheets.map((s) => s.name)).toEqual(['报告数据', '报告正文', '核对']);
  });

  test('a second template takes the names, leaving the first one and its data in place', async () => {
    const state = await workbookWith(complete());
    const before = state.contentSnapshot();
    const { context } = excelContext(state);
    const result = await paintTemplateInExcel(context, plan, new Map(), features, REV);
    expect(result).toMatchObject({ sheets: ['报告数据 (2)', '报告正文 (2)', '核对 (2)'], renamed: true, namesMoved: true });
    expect(state.names.get('GIR.requests.newReceived.natural')!.sheet.name).toBe('报告数据 (2)');
    const firstSheets = (s: string) => JSON.parse(s).filter(([name]: [string]) => name === '报告数据' || name === '报告正文');
    expect(firstSheets(state.contentSnapshot())).toEqual(firstSheets(before));
  });
});

test('a narrative longer than a cell can hold: a clear message before anything is written', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const report = { ...complete(), narrative: { ...complete().narrative, overview: '很长。'.repeat(12000) } };
  const { context, fake } = excelContext(state);
  await expect(paintTemplateInExcel(context, plan, placesFromReport(report, REV), features, REV)).rejects.toThrow(
    /“一、总体情况”超过 Excel 一个单元格能容纳的 32767 个字符/u,
  );
  expect(fake.syncCount).toBe(0);
  expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});

test('text that looks like a formula, a date or a number is written as text, exactly', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const report = withValues(complete(), { 'appeals.review.pending': '=SUM(A1:A9)', 'active.penalty': '-', 'active.coercion': '1/2' });
  const withText = { ...report, narrative: { ...report.narrative, problems: '-一是公开不够全面。', other: '=无其他事项' } };
  await paintTemplateInExcel(excelContext(state).context, plan, placesFromReport(withText, REV), features, REV);
  const cellAt = (sheet: string, key: string) => {
    const p = parseA1(at(key));
    return state.sheet(sheet)!.peek(p.r, p.c)!;
  };
  expect(cellAt('报告数据', 'appeals.review.pending')).toMatchObject({ value: '=SUM(A1:A9)', formula: null });
  expect(cellAt('报告数据', 'active.penalty')).toMatchObject({ value: '-', formula: null });
  expect(cellAt('报告数据', 'active.coercion')).toMatchObject({ value: '1/2', formula: null });
  expect(cellAt('报告正文', 'narrative.other')).toMatchObject({ value: '=无其他事项', formula: null });
  const { result } = await check(state);
  expect(result.findings.find((f) => f.cells[0] === 'appeals.review.pending')).toMatchObject({ messageId: 'value.formula' });
});

describe('检查报告', () => {
  test('a clean report: one read and one write, no finding, no mark', async () => {
    const state = await workbookWith(complete());
    const { result, syncs } = await check(state);
    expect(syncs).toBe(2);
    expect(result.findings).toEqual([]);
    expect(result.marked).toBe(0);
    expect(state.settings.has(MARK_SETTING)).toBe(false);
  });

  test('the example: the same findings as checking its data, and still two syncs', async () => {
    const example = loadExample();
    const state = await workbookWith(example);
    const { result, syncs } = await check(state);
    expect(syncs).toBe(2);
    const expected = checkSource(
      asSource({
        ...example,
        values: Object.fromEntries(CELLS.map((c) => [c.key, example.values[c.key] ?? null])),
        meta: { ...example.meta, title: undefined } as Report['meta'],
      }),
    );
    expect(result.findings.map((f) => [f.rule, f.cells])).toEqual(expected.map((f) => [f.rule, f.cells]));
  });

  test('150 findings still take one read and one write, and no value or formula changes', async () => {
    const report = complete();
    const noisy = withValues(
      report,
      Object.fromEntries(
        CELLS.filter((c) => c.table === 'requests')
          .slice(0, 150)
          .map((c) => [c.key, null]),
      ),
    );
    const state = await workbookWith(withValues(noisy, { 'requests.disclosed.natural': 5 }));
    state.type('报告数据', at('requests.disclosed.total'), 7, '=SUM(D8:I8)');
    const before = state.contentSnapshot();
    const { result, syncs } = await check(state);
    expect(result.findings.length).toBeGreaterThanOrEqual(150);
    expect(syncs).toBe(2);
    expect(state.contentSnapshot()).toBe(before);
  });

  test('marks the first cell of each finding in two colours, and clearing restores every format exactly', async () => {
    const state = await workbookWith(withValues(complete(), { 'requests.disclosed.total': 3, 'appeals.review.pending': null }));
    // The user's own formatting on an offending cell and elsewhere.
    const total = parseA1(at('requests.disclosed.total'));
    state.sheet('报告数据')!.cell(total.r, total.c).fill = { color: '#C6EFCE', pattern: 'Solid' };
    const formats = state.formatSnapshot();
    const { result } = await check(state);
    expect(result.findings.map((f) => f.rule)).toEqual(['row-total', 'handled-total', 'blank-cell']);
    const fillAt = (key: string) => {
      const p = parseA1(at(key));
      return state.sheet('报告数据')!.peek(p.r, p.c)!.fill.color;
    };
    expect(fillAt('requests.disclosed.total')).toBe(MARK_COLORS.error);
    expect(fillAt('requests.totalHandled.total')).toBe(MARK_COLORS.error);
    expect(fillAt('appeals.review.pending')).toBe(MARK_COLORS.warning);
    expect(result.addresses['requests.disclosed.total']).toEqual({ sheet: '报告数据', address: at('requests.disclosed.total') });

    const { context, fake } = excelContext(state);
    expect(await clearMarksInExcel(context)).toEqual({ cleared: 3, lost: false });
    expect(fake.syncCount).toBe(2);
    expect(state.formatSnapshot()).toBe(formats);
    expect(state.settings.has(MARK_SETTING)).toBe(false);
  });

  test('marks are replaced, not stacked: checking twice, then fixing a cell, then clearing', async () => {
    const state = await workbookWith(withValues(complete(), { 'appeals.review.pending': null, 'appeals.litigationDirect.pending': null }));
    const formats = state.formatSnapshot();
    await check(state);
    const afterFirst = state.formatSnapshot();
    await check(state);
    expect(state.formatSnapshot()).toBe(afterFirst);
    // The user fixes one cell: its mark goes, the other stays.
    state.type('报告数据', at('appeals.review.pending'), 0);
    const { result } = await check(state);
    expect(result.marked).toBe(1);
    const p = parseA1(at('appeals.review.pending'));
    expect(state.sheet('报告数据')!.peek(p.r, p.c)!.fill).toEqual({ color: '#FFF2CC', pattern: 'Solid' });
    await clearMarksInExcel(excelContext(state).context);
    expect(state.formatSnapshot()).toBe(formats);
  });

  test('a cell the user recoloured after marking keeps the user colour', async () => {
    const state = await workbookWith(withValues(complete(), { 'appeals.review.pending': null }));
    await check(state);
    const p = parseA1(at('appeals.review.pending'));
    state.sheet('报告数据')!.cell(p.r, p.c).fill = { color: '#00B0F0', pattern: 'Solid' };
    await check(state);
    await clearMarksInExcel(excelContext(state).context);
    expect(state.sheet('报告数据')!.peek(p.r, p.c)!.fill).toEqual({ color: '#00B0F0', pattern: 'Solid' });
  });

  test('without ExcelApi 1.9 (no fill pattern), marks still restore', async () => {
    const state = await workbookWith(withValues(complete(), { 'appeals.review.pending': null }));
    const formats = state.formatSnapshot();
    await check(state, { api19: false });
    await clearMarksInExcel(excelContext(state).context);
    expect(state.formatSnapshot()).toBe(formats);
  });

  test('text and full-width digits typed by the user', async () => {
    const state = await workbookWith(complete());
    state.type('报告数据', at('appeals.review.upheld'), '０');
    state.type('报告数据', at('appeals.review.pending'), '无');
    state.type('报告数据', at('active.penalty'), '12件以上');
    const { result } = await check(state);
    expect(result.findings.map((f) => [f.rule, f.messageId, f.cells[0]])).toEqual([
      ['whole-number', 'value.text', 'active.penalty'],
      ['blank-cell', 'blank.placeholder', 'appeals.review.pending'],
    ]);
  });
});

describe('workbooks changed by users', () => {
  test('rows inserted above the tables: the names follow, still two syncs', async () => {
    const state = await workbookWith(withValues(complete(), { 'requests.disclosed.natural': 9 }));
    state.insertRows('报告数据', 0, 3);
    const { result, syncs } = await check(state);
    expect(syncs).toBe(2);
    expect(result.findings.map((f) => f.rule)).toEqual(['row-total', 'handled-total']);
    expect(result.addresses['requests.disclosed.natural']!.address).toBe(
      a1(addresses.get('requests.disclosed.natural')!.row + 3, addresses.get('requests.disclosed.natural')!.col),
    );
  });

  test('a renamed sheet: the names follow', async () => {
    const state = await workbookWith(complete());
    state.sheet('报告数据')!.name = '2023年表格';
    const { result, syncs } = await check(state);
    expect(syncs).toBe(2);
    expect(result.addresses['requests.newReceived.natural']!.sheet).toBe('2023年表格');
  });

  test('deleted names: located by labels (the failed fast read; names and sheets, used-range sizes, values, fills; one write), marks land on the right cells', async () => {
    const state = await workbookWith(withValues(complete(), { 'requests.disclosed.natural': 9 }));
    state.names.clear();
    state.insertRows('报告数据', 0, 2);
    const { result, syncs } = await check(state);
    expect(syncs).toBe(6);
    expect(result.via).toBe('labels');
    expect(result.findings.map((f) => f.rule)).toEqual(['row-total', 'handled-total']);
    const where = addresses.get('requests.disclosed.total')!;
    const cell = state.sheet('报告数据')!.peek(where.row + 2, where.col)!;
    expect(cell.fill.color).toBe(MARK_COLORS.error);
  });

  test('a sheet typed from the official Word template (no names, no text sheet): tables checked, text rules skipped', async () => {
    const state = new WorkbookState();
    const sheet = state.addSheet('Sheet1');
    planGrid(plan.sheets[0]!, withValues(complete(), { 'appeals.review.total': 4 })).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) sheet.cell(r + 5, c + 1).value = v as string | number;
      }),
    );
    const { result } = await check(state);
    expect(result.via).toBe('labels');
    expect(result.narrative).toBe(false);
    expect(result.findings.map((f) => f.rule)).toEqual(['appeal-total']);
  });

  test('a workbook without the report: a clear message, nothing written', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    state.type('Sheet1', 'A1', '工资表');
    const before = state.formatSnapshot();
    const { context } = excelContext(state);
    await expect(checkInExcel(context, features, REV)).rejects.toThrow(ReportNotFoundError);
    await expect(checkInExcel(excelContext(state).context, features, REV)).rejects.toThrow(/没有找到报告表格/u);
    expect(state.formatSnapshot()).toBe(before);
  });

  test('clicking a finding selects its cell on its sheet, in one sync', async () => {
    const state = await workbookWith(complete());
    state.active = state.sheet('报告正文');
    const { context, fake } = excelContext(state);
    await selectInExcel(context, { sheet: '报告数据', address: 'E12' });
    expect(fake.syncCount).toBe(1);
    expect(state.selection).toEqual({ sheet: '报告数据', address: 'E12' });
    expect(state.active?.name).toBe('报告数据');
  });
});

describe('payload', () => {
  test('painting the template is one write batch far below the 5 MB request limit of Excel on the web', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { context, fake } = excelContext(state);
    await paintTemplateInExcel(context, plan, placesFromReport(loadExample(), REV), features, REV);
    const writes = Math.max(...fake.commandsPerSync);
    // Each command serialises to well under 300 bytes (a cell address, a property and a short value).
    expect(writes * 300).toBeLessThan(5 * 1024 * 1024);
    expect(writes).toBeLessThan(6000);
  });
});
