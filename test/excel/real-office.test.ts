/**
 * Excel as Microsoft documents it, beyond the happy path: copied and renamed report sheets, hosts
 * that read "no fill" as a null pattern, protection, lost settings, large workbooks read by labels,
 * Excel 2019 (ExcelApi 1.7), and the host double's own documented limits.
 */
import { a1, placesFromReport, planAddresses, workbookPlan, type Report } from '../../src/core';
import { REV } from '../helpers/format';
import { checkInExcel, clearMarksInExcel } from '../../src/excel/check';
import { describeOfficeError } from '../../src/excel/errors';
import { MARK_COLORS, MARK_SETTING } from '../../src/excel/marks';
import { SCAN_CELLS_PER_SYNC, SCAN_ROWS, readFill } from '../../src/excel/read';
import { paintTemplateInExcel } from '../../src/excel/template';
import { detectHost } from '../../src/taskpane/host';
import { PAYLOAD_LIMIT, WorkbookState, excelContext, parseA1, requirementsOf } from '../doubles/excel-host';
import { consistentReport, withValues } from '../helpers/reports';

const plan = workbookPlan(REV);
const addresses = planAddresses(plan);
const features = { api19: true };
const at = (key: string) => a1(addresses.get(key)!.row, addresses.get(key)!.col);
const DISCLOSED = 'requests.disclosed.total';

async function workbookWith(report: Report = consistentReport(), f: { api18?: boolean; api19: boolean } = features): Promise<WorkbookState> {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  await paintTemplateInExcel(excelContext(state).context, plan, placesFromReport(report, REV), f, REV);
  return state;
}

async function check(state: WorkbookState, f: { api18?: boolean; api19: boolean } = features) {
  const { context, fake } = excelContext(state);
  const result = await checkInExcel(context, f, REV);
  return { result, syncs: fake.syncCount };
}

const fillAt = (state: WorkbookState, sheet: string, address: string) => {
  const { r, c } = parseA1(address);
  return state.sheet(sheet)!.peek(r, c)?.fill;
};

describe('a copied report sheet', () => {
  test('the active copy is the one checked and marked, and the pane is told which sheet it was', async () => {
    const state = await workbookWith();
    state.copySheet('报告数据');
    // The user edits the copy only: the original stays consistent.
    state.type('报告数据 (2)', at(DISCLOSED), 999);
    const { result, syncs } = await check(state);
    expect(result.checkedSheet).toEqual({ name: '报告数据 (2)', copy: true });
    expect(result.notes.join()).toContain('检查的是当前工作表“报告数据 (2)”');
    expect(result.findings.some((f) => f.rule === 'row-total' && f.cells[0] === DISCLOSED)).toBe(true);
    expect(result.addresses[DISCLOSED]!.sheet).toBe('报告数据 (2)');
    expect(fillAt(state, '报告数据 (2)', at(DISCLOSED))!.color).toBe(MARK_COLORS.error);
    expect(fillAt(state, '报告数据', at(DISCLOSED))!.pattern).toBe('Solid'); // the input fill of the original, untouched
    expect(fillAt(state, '报告数据', at(DISCLOSED))!.color).not.toBe(MARK_COLORS.error);
    // One extra read, only because the active sheet is a copy.
    expect(syncs).toBe(3);
  });

  test('with the original active, the original is checked (one read, one write) and named', async () => {
    const state = await workbookWith();
    state.copySheet('报告数据');
    state.type('报告数据 (2)', at(DISCLOSED), 999);
    state.active = state.sheet('报告数据');
    const { result, syncs } = await check(state);
    expect(result.checkedSheet).toEqual({ name: '报告数据', copy: false });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(syncs).toBe(2);
  });

  test('a copy whose original was deleted is still read (by its own names, through the slow path)', async () => {
    const state = await workbookWith();
    const copy = state.copySheet('报告数据');
    state.sheets = state.sheets.filter((s) => s.name !== '报告数据');
    state.active = copy;
    state.type(copy.name, at(DISCLOSED), 999);
    const { result } = await check(state);
    expect(result.addresses[DISCLOSED]!.sheet).toBe(copy.name);
    expect(result.findings.some((f) => f.rule === 'row-total' && f.cells[0] === DISCLOSED)).toBe(true);
  });
});

describe('marks follow a renamed sheet (Worksheet.id)', () => {
  test('清除标记 after a rename restores every cell exactly', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999 }));
    for (const key of [...addresses.keys()].filter((k) => k.startsWith('requests.')).slice(0, 40)) state.type('报告数据', at(key), '');
    const before = state.formatSnapshot();
    const { result } = await check(state);
    expect(result.marked).toBeGreaterThan(20);
    state.renameSheet('报告数据', '2023年表格');
    const cleared = await clearMarksInExcel(excelContext(state).context, features, REV);
    expect(cleared).toEqual({ cleared: result.marked, lost: false });
    expect(state.formatSnapshot()).toBe(before.replace('"报告数据"', '"2023年表格"'));
  });

  test('a check after a rename replaces the earlier marks instead of stacking them', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999 }));
    const before = state.formatSnapshot();
    await check(state);
    state.renameSheet('报告数据', '表格');
    state.type('表格', at(DISCLOSED), consistentReport().values[DISCLOSED] as number); // fixed
    const { result } = await check(state);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    await clearMarksInExcel(excelContext(state).context, features, REV);
    expect(state.formatSnapshot()).toBe(before.replace('"报告数据"', '"表格"'));
  });

  test('marks stored by an earlier version (by sheet name only) are still restored', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999 }));
    const before = state.formatSnapshot();
    await check(state);
    const stored = JSON.parse(String(state.settings.get(MARK_SETTING))) as { marks: { sheetId?: string }[] };
    for (const m of stored.marks) delete m.sheetId;
    state.settings.set(MARK_SETTING, JSON.stringify({ version: 1, marks: stored.marks }));
    await clearMarksInExcel(excelContext(state).context, features, REV);
    expect(state.formatSnapshot()).toBe(before);
  });
});

describe('"no fill" where the pattern reads null (office-js #4900)', () => {
  test('tintAndShade tells no fill from a white fill', () => {
    expect(readFill({ color: '#FFFFFF', pattern: null as unknown as Excel.FillPattern, tintAndShade: null as unknown as number }, features)).toEqual({
      color: '#FFFFFF',
      none: true,
    });
    expect(readFill({ color: '#FFFFFF', pattern: null as unknown as Excel.FillPattern, tintAndShade: 0 }, features).none).toBe(false);
    expect(readFill({ color: '#FFFFFF', pattern: 'None', tintAndShade: 0 }, features).none).toBe(true);
    expect(readFill({ color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 }, { api19: false }).none).toBe(true);
  });

  test('on such a host, a white-filled cell gets its white back and an unfilled one no fill', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999, 'requests.disclosed.natural': 999 }));
    state.host.fillPatternNull = true;
    const white = parseA1(at(DISCLOSED));
    state.sheet('报告数据')!.cell(white.r, white.c).fill = { color: '#FFFFFF', pattern: 'Solid' };
    const none = parseA1(at('requests.disclosed.natural'));
    state.sheet('报告数据')!.cell(none.r, none.c).fill = { color: '#FFFFFF', pattern: 'None' };
    const before = state.formatSnapshot();
    const { result } = await check(state);
    expect(result.marked).toBeGreaterThanOrEqual(2);
    await clearMarksInExcel(excelContext(state).context, features, REV);
    expect(state.formatSnapshot()).toBe(before);
  });
});

describe('protection', () => {
  test('a protected sheet refusing a write is explained as protection, not as cell editing', () => {
    const text = describeOfficeError(Object.assign(new Error('x'), { code: 'AccessDenied' }));
    expect(text).toContain('受保护');
    expect(text).not.toContain('正在编辑');
  });

  test('an empty sheet of the template name is reused whether or not it is protected (unprotect only when protected)', async () => {
    for (const locked of [false, true]) {
      const state = new WorkbookState();
      state.addSheet('报告数据').protection = { protected: locked, options: {} };
      const result = await paintTemplateInExcel(excelContext(state).context, plan, new Map(), features, REV);
      expect(result.sheets[0]).toBe('报告数据');
      expect(state.sheet('报告数据')!.protection.protected).toBe(true);
    }
  });

  test('a template that fails half-way leaves the earlier template with all its names', async () => {
    const state = await workbookWith();
    const names = new Map([...state.names].map(([k, v]) => [k, `${v.sheet.name}!${v.r},${v.c}`]));
    // The old template holds data, so the new one goes to 报告数据 (2); its write batch fails part-way.
    const run = excelContext(state);
    run.fake.failAt = { sync: 3, command: 500 };
    await expect(paintTemplateInExcel(run.context, plan, new Map(), features, REV)).rejects.toThrow(/injected/u);
    expect(new Map([...state.names].map(([k, v]) => [k, `${v.sheet.name}!${v.r},${v.c}`]))).toEqual(names);
  });
});

describe('lost settings (some hosts do not keep add-in settings)', () => {
  test('清除标记 still removes our colours, leaves the user’s, and says the originals are gone', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999 }));
    const { result } = await check(state);
    expect(result.marked).toBeGreaterThan(0);
    const user = parseA1(at('requests.disclosed.natural'));
    state.sheet('报告数据')!.cell(user.r, user.c).fill = { color: '#00B0F0', pattern: 'Solid' };
    state.settings.clear();
    const cleared = await clearMarksInExcel(excelContext(state).context, features, REV);
    expect(cleared.lost).toBe(true);
    expect(cleared.cleared).toBe(result.marked);
    const colours = Object.values(MARK_COLORS);
    for (const s of state.sheets) for (const cell of s.cells.values()) expect(colours).not.toContain(cell.fill.color);
    expect(state.sheet('报告数据')!.peek(user.r, user.c)!.fill.color).toBe('#00B0F0');
  });

  test('with nothing of ours coloured, there is nothing to clear and nothing is said to be lost', async () => {
    const state = await workbookWith();
    expect(await clearMarksInExcel(excelContext(state).context, features, REV)).toEqual({ cleared: 0, lost: false });
  });
});

describe('reading by labels, bounded', () => {
  test('a fast read failing with any code (not only "not found") falls back to the labels', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999 }));
    const { context, fake } = excelContext(state);
    fake.failAt = { sync: 1, command: 3 };
    const result = await checkInExcel(context, features, REV);
    expect(result.via).toBe('names');
    expect(result.findings.some((f) => f.rule === 'row-total')).toBe(true);
  });

  test('a sheet used far beyond the tables is read only near its top, within the payload limit', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999 }));
    state.names.clear();
    const notes = state.addSheet('备注');
    notes.cell(0, 0).value = '说明';
    notes.cell(400_000, 200).value = '很远的单元格';
    const { context, fake } = excelContext(state);
    const result = await checkInExcel(context, features, REV);
    expect(result.via).toBe('labels');
    expect(result.findings.some((f) => f.rule === 'row-total' && f.cells[0] === DISCLOSED)).toBe(true);
    expect(fake.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(SCAN_ROWS).toBeLessThan(400_000);
  });

  test('many sheets are read in several reads, none over the cells per read', async () => {
    const state = await workbookWith(withValues(consistentReport(), { [DISCLOSED]: 999 }));
    state.names.clear();
    for (let i = 0; i < 12; i++) {
      const s = state.addSheet(`附表${i + 1}`);
      s.cell(0, 0).value = 'x';
      s.cell(999, 51).value = 'y'; // a full 1,000 × 52 window each
    }
    const { context, fake } = excelContext(state);
    const result = await checkInExcel(context, features, REV);
    expect(result.findings.some((f) => f.rule === 'row-total' && f.cells[0] === DISCLOSED)).toBe(true);
    const reads = Math.ceil((12 * 52_000) / SCAN_CELLS_PER_SYNC);
    // failed fast read, listing, sizes, the value reads, fills, write
    expect(fake.syncCount).toBeGreaterThanOrEqual(5 + reads);
  });
});

describe('Excel 2019 (ExcelApi 1.7)', () => {
  test('the pane runs on 1.7 and refuses 1.6, comparing versions as numbers', () => {
    const office = (v: string) => ({ context: { requirements: requirementsOf({ ExcelApi: v }) } });
    expect(detectHost(office('1.7'), 'Excel').kind).toBe('ready');
    expect(detectHost(office('1.10'), 'Excel').kind).toBe('ready');
    expect(detectHost(office('1.6'), 'Excel').kind).toBe('unsupported');
  });

  test('the template is made without data validation and gridline changes, and says so; the check still works', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const result = await paintTemplateInExcel(excelContext(state).context, plan, new Map(), { api18: false, api19: false }, REV);
    expect(result.notes.join()).toContain('数据验证');
    const data = state.sheet('报告数据')!;
    expect(data.showGridlines).toBe(true);
    expect([...data.cells.values()].every((c) => c.validation === null)).toBe(true);
    const { result: checked } = await check(state, { api18: false, api19: false });
    expect(checked.findings.length).toBeGreaterThan(0);
  });
});

describe('the host double behaves as documented', () => {
  test('unprotect() on a sheet that is not protected fails', async () => {
    const state = new WorkbookState();
    state.addSheet('S');
    const { context } = excelContext(state);
    context.workbook.worksheets.getItem('S').protection.unprotect();
    await expect(context.sync()).rejects.toThrow(/not protected/u);
  });

  test('text with a leading + or - that is not a number becomes a formula; the text prefix keeps text and is not counted', async () => {
    const state = new WorkbookState();
    state.addSheet('S');
    const { context } = excelContext(state);
    const ws = context.workbook.worksheets.getItem('S');
    ws.getRange('A1').values = [['+abc']];
    ws.getRange('A2').values = [['-5']];
    ws.getRange('A3').values = [["'+abc"]];
    ws.getRange('A4').values = [[`'${'字'.repeat(32767)}`]];
    await context.sync();
    expect(state.sheet('S')!.peek(0, 0)!.formula).toBe('+abc');
    expect(state.sheet('S')!.peek(1, 0)!.value).toBe('-5');
    expect(state.sheet('S')!.peek(1, 0)!.formula).toBeNull();
    expect(state.sheet('S')!.peek(2, 0)!.value).toBe('+abc');
    expect(String(state.sheet('S')!.peek(3, 0)!.value)).toHaveLength(32767);
  });

  test('a request over 5 MB is refused whole', async () => {
    const state = new WorkbookState();
    state.addSheet('S');
    const { context } = excelContext(state);
    const ws = context.workbook.worksheets.getItem('S');
    for (let i = 0; i < 200; i++) ws.getRange(`A${i + 1}`).values = [['x'.repeat(30_000)]];
    await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/u);
    expect(state.sheet('S')!.cells.size).toBe(0);
  });

  test('getItem takes a sheet id; the id survives a rename', async () => {
    const state = new WorkbookState();
    const s = state.addSheet('S');
    const id = s.id;
    state.renameSheet('S', 'T');
    const { context } = excelContext(state);
    const ws = context.workbook.worksheets.getItem(id);
    ws.load('name');
    await context.sync();
    expect(ws.name).toBe('T');
  });
});
