/**
 * @jest-environment jsdom
 */
import '../helpers/jsdom-polyfills';
/** The task pane with its controller on the Excel host double: empty, running, findings, failure. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from '../../src/taskpane/App';
import { createController, type RunExcel } from '../../src/taskpane/controller';
import { WorkbookState, excelContext } from '../doubles/excel-host';
import { EXAMPLE_PATH } from '../helpers/reports';
import { parseXlsx } from '../../src/xlsx/read';

const utf8 = (s: string) => new TextEncoder().encode(s);

const enabled = (name: string) => !(screen.getByRole('button', { name }) as HTMLButtonElement).disabled;

function setup(state = new WorkbookState(), run?: RunExcel) {
  if (state.sheets.length === 0) state.addSheet('Sheet1');
  let syncs = 0;
  const runExcel: RunExcel =
    run ??
    (async (batch) => {
      const { context, fake } = excelContext(state);
      try {
        return await batch(context);
      } finally {
        syncs += fake.syncCount;
      }
    });
  const controller = createController(runExcel, { api19: true });
  render(<App status={{ kind: 'ready', theme: 'light' }} controller={controller} />);
  return { state, controller, syncs: () => syncs };
}

// Buttons are looked up with hidden ones too: in jsdom, Fluent's modalizer can leave the pane (or a
// reopened dialog) marked aria-hidden after a dialog has closed, which a real browser does not.
/** The pane on the host double with a delivery that records what it is given (a Word report, a 问题清单), and a fixed today. */
function withDelivery(state: WorkbookState) {
  const delivered: { bytes: Uint8Array; filename: string }[] = [];
  const controller = createController(
    async (batch) => batch(excelContext(state).context),
    { api19: true },
    async (bytes, filename) => {
      delivered.push({ bytes, filename });
      return `已下载“${filename}”。`;
    },
    { today: () => '2024-01-20' },
  );
  render(<App status={{ kind: 'ready', theme: 'light' }} controller={controller} />);
  return { controller, delivered };
}

const click = async (name: RegExp | string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name, hidden: true }));
  });
};

test('empty state: the three actions, no result yet', () => {
  setup();
  for (const name of ['检查报告', '生成模板', '清除标记']) expect(enabled(name)).toBe(true);
  expect(screen.queryByText('检查结果')).toBeNull();
});

test('生成模板 → fill from the example → 检查报告 → click a finding → 清除标记', async () => {
  const { state } = setup();
  await click('生成模板');
  expect(screen.getByText(/模板已生成/u)).toBeTruthy();
  expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', '报告数据', '报告正文', '核对']);

  // Prefill from the example JSON through the file picker.
  const input = screen.getByLabelText('选择用于生成模板的报告文件') as HTMLInputElement;
  const file = new File([readFileSync(EXAMPLE_PATH, 'utf8')], 'chengdong-2023.json', { type: 'application/json' });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  expect(screen.getByText(/新模板放在“报告数据 \(2\)”/u)).toBeTruthy();

  await click('检查报告');
  expect(screen.getByText('检查结果')).toBeTruthy();
  // Identical findings as groups, closed until opened (the 21 blank cells are one); each cell still listed inside.
  expect(screen.getByRole('tab', { name: '全部（23）' })).toBeTruthy();
  const closed = screen.getAllByRole('button', { name: /^警告：/u }).length;
  expect(closed).toBeLessThan(10);
  await click(/21个单元格为空白，应填写0/u);
  expect(screen.getAllByRole('button', { name: /^警告：/u })).toHaveLength(closed + 21);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /警告：二、上年结转申请·自然人为空白/u }));
  });
  expect(state.selection?.sheet).toBe('报告数据 (2)');

  // 清除标记 clears the list with the marks.
  await click('清除标记');
  expect(screen.getByText(/已清除 23 处标记/u)).toBeTruthy();
  expect(screen.queryByText('检查结果')).toBeNull();
});

test('a report with errors: the errors first across tables, whatever the table', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const { controller } = setup(state);
  await act(async () => {
    await controller.generateTemplate({
      name: 'r.json',
      bytes: utf8(readFileSync(EXAMPLE_PATH, 'utf8').replace('"requests.disclosed.total": 6', '"requests.disclosed.total": 7')),
    });
  });
  await click('检查报告');
  const section = screen.getByRole('region', { name: '检查结果' });
  const entries = within(section).getAllByRole('button', { name: /^(错误|警告|已核实)：/u });
  expect(entries[0]!.getAttribute('aria-label')).toContain('错误：（一）予以公开（总计列）为7');
  expect(entries[1]!.getAttribute('aria-label')).toMatch(/^错误：/u);
  expect(entries[2]!.getAttribute('aria-label')).toMatch(/^警告：/u);
  expect(within(section).getByRole('tab', { name: '错误（2）' })).toBeTruthy();
});

test('running: progress shown and actions disabled until done', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  setup(state, async (batch) => {
    await gate;
    return batch(excelContext(state).context);
  });
  act(() => {
    fireEvent.click(screen.getByRole('button', { name: '生成模板' }));
  });
  expect(screen.getByText('正在生成模板…')).toBeTruthy();
  expect(enabled('检查报告')).toBe(false);
  await act(async () => {
    release();
    await gate;
  });
  expect(screen.queryByText('正在生成模板…')).toBeNull();
  expect(enabled('检查报告')).toBe(true);
});

test('failures: a Chinese message in a MessageBar, dismissable', async () => {
  setup(new WorkbookState(), async () => {
    throw Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' });
  });
  await click('检查报告');
  expect(screen.getByText('未能检查报告')).toBeTruthy();
  expect(screen.getByText(/正在编辑单元格/u)).toBeTruthy();
  await click('关闭');
  expect(screen.queryByText('未能检查报告')).toBeNull();
});

test('no report in the workbook: told what is missing', async () => {
  setup();
  await click('检查报告');
  expect(screen.getByText(/没有找到报告表格/u)).toBeTruthy();
});

test('a broken report JSON: told where, nothing painted', async () => {
  const { state, controller } = setup();
  await act(async () => {
    await controller.generateTemplate({ name: 'bad.json', bytes: utf8('{"format": "gov-info-annual-report/2021", "values": {"x": 1}}') });
  });
  expect(screen.getByText('无法读取“bad.json”')).toBeTruthy();
  expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});

describe('生成Word报告', () => {
  test('a clean report: the .docx is delivered and the workbook is not written', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { controller, delivered } = withDelivery(state);
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', bytes: utf8(readFileSync(EXAMPLE_PATH, 'utf8')) });
    });
    const before = state.contentSnapshot() + state.formatSnapshot();
    await click('生成Word报告');
    await waitFor(() => expect(controller.getState().busy).toBeNull());
    expect(controller.getState().failure).toBeNull();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.filename).toBe('城东区人民政府2023年政府信息公开工作年度报告.docx');
    expect(Buffer.from(delivered[0]!.bytes.subarray(0, 2)).toString()).toBe('PK');
    expect(screen.getByText(/已下载/u)).toBeTruthy();
    expect(state.contentSnapshot() + state.formatSnapshot()).toBe(before);
  });

  const withErrors = async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const ctx = withDelivery(state);
    await act(async () => {
      await ctx.controller.generateTemplate({
        name: 'e.json',
        bytes: utf8(readFileSync(EXAMPLE_PATH, 'utf8').replace('"requests.disclosed.total": 6', '"requests.disclosed.total": 7')),
      });
    });
    await click('生成Word报告');
    expect(await screen.findByText('报告还有 2 个错误')).toBeTruthy();
    expect(ctx.delivered).toHaveLength(0);
    return ctx;
  };

  test('errors: the user must confirm; 返回修改 delivers nothing', async () => {
    const { controller, delivered } = await withErrors();
    await click('返回修改');
    await waitFor(() => expect(controller.getState().confirmWord).toBeNull());
    expect(delivered).toHaveLength(0);
  });

  test('errors: 仍然生成 delivers', async () => {
    const { controller, delivered } = await withErrors();
    await click('仍然生成');
    await waitFor(() => expect(controller.getState().busy).toBeNull());
    expect(controller.getState().failure).toBeNull();
    expect(delivered).toHaveLength(1);
  });
});

describe('对比上年报告', () => {
  test('a published report picked as last year: checks add the cross-year rules; forgetting it removes them', async () => {
    const { state, controller } = setup();
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', bytes: utf8(readFileSync(EXAMPLE_PATH, 'utf8')) });
    });
    const dump = readFileSync(join(__dirname, '../../examples/chengdong-2023-report.txt'));
    const input = screen.getByLabelText('选择上年报告文件') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([dump], 'chengdong-2023-report.txt', { type: 'text/plain' })] } });
    });
    await waitFor(() => expect(controller.getState().previous?.year).toBe(2023));
    expect(screen.getByText(/上年报告：chengdong-2023-report.txt/u)).toBeTruthy();
    await click('检查报告');
    const ids = controller.getState().result!.findings.map((f) => f.messageId);
    expect(ids).toEqual(expect.arrayContaining(['year.previous', 'copied.text', 'copied.table']));
    await click('不再对比');
    await click('检查报告');
    expect(controller.getState().result!.findings.some((f) => f.rule === 'copied-text')).toBe(false);
    expect(state.sheets.length).toBeGreaterThan(1);
  });
});

describe('本地规则', () => {
  const pickRules = async (name: string, content: string) => {
    const input = screen.getByLabelText('选择本地规则文件') as HTMLInputElement;
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([content], name, { type: 'application/json' })] } });
    });
  };

  test('rules stored in the workbook are used by every check (one read more), shown, and removed only after confirmation', async () => {
    const { state, controller, syncs } = setup();
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', bytes: utf8(readFileSync(EXAMPLE_PATH, 'utf8')) });
    });
    await click('检查报告');
    const national = controller.getState().result!.findings;
    expect(national.some((f) => f.rule === 'blank-cell')).toBe(true);
    expect(controller.getState().localRules).toBeNull();

    await pickRules('县规则.json', JSON.stringify({ off: ['blank-cell'], lengthLimits: { overview: 800 } }));
    await waitFor(() => expect(controller.getState().localRules).not.toBeNull());
    expect(screen.getByText(/已把“县规则.json”中的规则存入本工作簿/u)).toBeTruthy();
    const sheet = state.sheet('本地规则')!;
    expect(sheet.visibility).toBe('Hidden');
    expect(sheet.protection.protected).toBe(true);
    // The report's values and the other sheets are untouched.
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', '报告数据', '报告正文', '核对', '本地规则']);

    const before = syncs();
    await click('检查报告');
    expect(syncs() - before).toBe(3); // read, the rules' cell, write marks
    const local = controller.getState().result!.findings;
    expect(local.some((f) => f.rule === 'blank-cell')).toBe(false);
    expect(local.map((f) => f.rule)).toContain('section-length');
    const note = screen.getByRole('note', { name: '本地规则' });
    expect(within(note).getByText('已关闭的规则：空白单元格（blank-cell）')).toBeTruthy();
    expect(within(note).getByText('字数上限：总体情况 800字')).toBeTruthy();
    expect(screen.getByText(/按工作簿携带的本地规则检查/u)).toBeTruthy();

    // 改用全国规则 asks first; 保留 (the primary button) keeps them.
    await click('改用全国规则');
    const dialog = (await screen.findByText('删除本地规则？')).closest('[role="dialog"]') as HTMLElement;
    // The safe answer is the primary button, placed first.
    expect(
      within(dialog)
        .getAllByRole('button', { hidden: true })
        .map((b) => b.textContent),
    ).toEqual(['保留', '删除，改用全国规则']);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '保留', hidden: true }));
    });
    expect(state.sheet('本地规则')).toBeDefined();
    await waitFor(() => expect(screen.queryByText('删除本地规则？')).toBeNull());
    expect(controller.getState().confirmRemoveRules).toBe(false);
    await click('改用全国规则');
    const again = (await screen.findByText('删除本地规则？')).closest('[role="dialog"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(again).getByRole('button', { name: '删除，改用全国规则', hidden: true }));
    });
    await waitFor(() => expect(state.sheet('本地规则')).toBeUndefined());
    expect(screen.getByText(/已删除本工作簿携带的本地规则/u)).toBeTruthy();
    await click('检查报告');
    expect(controller.getState().result!.findings.map((f) => f.rule)).toEqual(national.map((f) => f.rule));
  });

  test('a second rules file replaces the first; a bad one is refused with its problems and changes nothing', async () => {
    const { state, controller } = setup();
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', bytes: utf8(readFileSync(EXAMPLE_PATH, 'utf8')) });
    });
    await pickRules('a.json', JSON.stringify({ off: ['blank-cell'] }));
    await waitFor(() => expect(controller.getState().localRules).not.toBeNull());
    await pickRules('b.json', JSON.stringify({ copiedShare: 0.3 }));
    await waitFor(() => expect(screen.getByText(/替换了原有的规则/u)).toBeTruthy());
    expect(state.sheets.filter((s) => s.name.startsWith('本地规则'))).toHaveLength(1);
    const snapshot = state.contentSnapshot();
    await pickRules('bad.json', '{"copiedShare": 7, "colour": 1}');
    await waitFor(() => expect(controller.getState().failure).not.toBeNull());
    expect(controller.getState().failure).toEqual({
      title: '未能存入本地规则',
      message: expect.stringMatching(/未知字段“colour”.*copiedShare 应为 0 到 1 之间的比例/u),
    });
    expect(state.contentSnapshot()).toBe(snapshot);
    await click('检查报告');
    expect(controller.getState().localRules).toContainEqual(expect.stringContaining('与上年相同内容超过30%'));
  });

  test('rules in the workbook that cannot be read: the check is refused, never silently national', async () => {
    const { state, controller } = setup();
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', bytes: utf8(readFileSync(EXAMPLE_PATH, 'utf8')) });
    });
    await pickRules('a.json', JSON.stringify({ off: ['blank-cell'] }));
    await waitFor(() => expect(controller.getState().localRules).not.toBeNull());
    state.sheet('本地规则')!.cell(2, 1).value = '{"off": ["no-such-rule"]}';
    await click('检查报告');
    expect(controller.getState().failure?.message).toMatch(/“本地规则”工作表中的规则配置有误：off：未知的规则“no-such-rule”/u);
    expect(controller.getState().result).toBeNull();
  });
});

describe('working through findings', () => {
  const withReport = async (json = readFileSync(EXAMPLE_PATH, 'utf8')) => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { controller, delivered } = withDelivery(state);
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', bytes: utf8(json) });
    });
    await click('检查报告');
    return { state, controller, delivered };
  };
  const withError = () => withReport(readFileSync(EXAMPLE_PATH, 'utf8').replace('"requests.disclosed.total": 6', '"requests.disclosed.total": 7'));
  const entries = (pattern: RegExp) => screen.queryAllByRole('button', { name: pattern, hidden: true });

  test('the filter shows only errors, only warnings, or only what was reviewed', async () => {
    await withError();
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: '错误（2）' }));
    });
    expect(entries(/^警告：/u)).toHaveLength(0);
    expect(entries(/^错误：/u)).toHaveLength(2);
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: /^警告/u }));
    });
    expect(entries(/^错误：/u)).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: '已核实（0）' }));
    });
    expect(screen.getByText('没有已核实的问题。')).toBeTruthy();
  });

  test('空白填0: confirmed, writes 0 into exactly the blank cells, checks again; 撤销 empties only the cells still 0', async () => {
    const { state, controller } = await withReport();
    const blanks = controller.getState().result!.findings.filter((f) => f.messageId === 'blank.cell');
    const addresses = blanks.map((f) => controller.getState().result!.addresses[f.cells[0]!]!);
    const before = state.contentSnapshot();
    await click('空白填0（21个单元格）');
    // Nothing is written before the user confirms.
    expect(state.contentSnapshot()).toBe(before);
    const dialog = (await screen.findByText('在 21 个空白单元格中填入0？')).closest('[role="dialog"]') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '填入0', hidden: true }));
    });
    await waitFor(() => expect(controller.getState().busy).toBeNull());
    for (const a of addresses) expect(state.valueAt(a.sheet, a.address)).toBe(0);
    expect(controller.getState().result!.findings.some((f) => f.rule === 'blank-cell')).toBe(false);
    expect(screen.getByText(/已在 21 个空白单元格中填入0/u)).toBeTruthy();

    // The user types into one of them; 撤销 keeps that value and empties the others.
    state.type(addresses[0]!.sheet, addresses[0]!.address, 3);
    await click('撤销空白填0（21个单元格）');
    await waitFor(() => expect(controller.getState().busy).toBeNull());
    expect(state.valueAt(addresses[0]!.sheet, addresses[0]!.address)).toBe(3);
    for (const a of addresses.slice(1)) expect(state.valueAt(a.sheet, a.address)).toBe('');
    expect(screen.getByText(/20 个单元格恢复为空白；1 个单元格此后已被改动/u)).toBeTruthy();
    expect(controller.getState().undoFill).toBeNull();
  });

  test('已核实 with a reason: stored in the workbook, no longer an error, back when its numbers change; 重置已核实 removes all', async () => {
    const { state, controller } = await withError();
    const first = screen.getAllByRole('button', { name: /^错误：（一）予以公开（总计列）为7/u })[0]!.closest('li') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(first).getByRole('button', { name: '标为已核实…', hidden: true }));
    });
    const form = within(first).getByRole('form', { name: '核实理由', hidden: true });
    expect(within(form).getByRole('button', { name: '确认已核实', hidden: true })).toHaveProperty('disabled', true);
    await act(async () => {
      fireEvent.change(within(form).getByRole('textbox', { hidden: true }), { target: { value: '已与司法局备案数据核对' } });
    });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: '确认已核实', hidden: true }));
    });
    await waitFor(() => expect(controller.getState().busy).toBeNull());
    expect(controller.getState().failure).toBeNull();
    expect(state.sheet('核实记录')).toBeDefined();
    const s = controller.getState().result!.summary;
    expect(s).toEqual({ errors: 1, warnings: 23, reviewed: 1 });
    expect(screen.getByText('已核实：已与司法局备案数据核对（2024-01-20）')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '已核实（1）' })).toBeTruthy();

    // The numbers change: the finding is back as an error.
    const cell = controller.getState().result!.addresses['requests.disclosed.total']!;
    state.type(cell.sheet, cell.address, 8);
    await click('检查报告');
    expect(controller.getState().result!.summary.reviewed).toBe(0);
    expect(screen.getByText(/1 条核实记录已失效/u)).toBeTruthy();

    // Back to 7: the review holds again; 重置已核实 asks, then removes every review.
    state.type(cell.sheet, cell.address, 7);
    await click('检查报告');
    expect(controller.getState().result!.summary.reviewed).toBe(1);
    await click('重置已核实');
    const dialog = (await screen.findByText('删除全部核实记录？')).closest('[role="dialog"]') as HTMLElement;
    expect(within(dialog).getAllByRole('button', { hidden: true })[0]!.textContent).toBe('保留');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '删除核实记录', hidden: true }));
    });
    await waitFor(() => expect(state.sheet('核实记录')).toBeUndefined());
    expect(controller.getState().result!.summary.reviewed).toBe(0);
  });

  test('导出问题清单: a workbook with one row per finding, delivered', async () => {
    const { delivered } = await withError();
    await click('导出问题清单');
    await waitFor(() => expect(delivered).toHaveLength(1));
    expect(delivered[0]!.filename).toBe('城东区人民政府2023年度报告问题清单.xlsx');
    const wb = parseXlsx(delivered[0]!.bytes);
    const grid = wb.sheets[0]!.grid;
    expect(wb.sheets[0]!.name).toBe('问题清单');
    expect(String(grid[0]![0])).toContain('2024-01-20检查：2 个错误，23 个警告');
    expect(grid[1]).toEqual(['级别', '规则编号', '规则', '表格', '单元格', '单元格地址', '问题', '核实理由', '核实日期']);
    expect(grid.length).toBe(2 + 25);
    expect(grid[2]!.slice(0, 5)).toEqual(['错误', 'row-total', '总计列等于各申请人列之和', '三、收到和处理政府信息公开申请情况', '（一）予以公开（总计列）']);
    expect(String(grid[2]![5])).toMatch(/^报告数据![A-Z]+\d+$/u);
  });

  test('an edit of a checked cell says the result is out of date; another sheet does not', async () => {
    const { controller } = await withError();
    const cell = controller.getState().result!.addresses['requests.disclosed.total']!;
    act(() => controller.cellsChanged('Sheet1', cell.address));
    expect(screen.queryByText(/结果可能已过时/u)).toBeNull();
    act(() => controller.cellsChanged(cell.sheet, `A1:${cell.address}`));
    expect(screen.getByText(/结果可能已过时/u)).toBeTruthy();
    await click('检查报告');
    expect(screen.queryByText(/结果可能已过时/u)).toBeNull();
  });

  test('the first step is suggested in an empty workbook, and filling in once the template is there', async () => {
    const { controller } = setup();
    await act(async () => {
      await controller.probe();
    });
    expect(screen.getByText('第一步：生成模板')).toBeTruthy();
    await click('生成模板');
    expect(screen.queryByText('第一步：生成模板')).toBeNull();
    expect(screen.getByText(/黄色单元格中填写/u)).toBeTruthy();
  });
});

describe('申请台账', () => {
  test('the template with the register: tables 三 and 四 as formulas; a register row is checked and its cell selected', async () => {
    const { state } = setup();
    await act(async () => {
      fireEvent.click(screen.getByRole('checkbox', { name: /生成模板时加入申请台账/u }));
    });
    await click('生成模板');
    await screen.findByText(/模板已生成/u);
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', '报告数据', '报告正文', '核对', '申请台账', '复议诉讼', '台账选项']);
    const total = state.names.get('GIR.requests.newReceived.natural')!;
    expect(total.sheet.peek(total.r, total.c)!.formula).toMatch(/^=COUNTIFS\('申请台账'!\$C\$4:\$C\$503,"自然人"/u);
    expect(total.sheet.peek(total.r, total.c)!.locked).toBe(true);
    // What Excel computes: every formula 0, one request typed with an applicant type the format does not have.
    for (const [name, place] of state.names) if (/^GIR\.(requests|appeals)\./u.test(name)) place.sheet.cell(place.r, place.c).value = 0;
    state.type('报告正文', 'B4', '测试县交通运输局');
    state.type('报告正文', 'B5', 2023);
    state.type('申请台账', 'A4', '1');
    state.type('申请台账', 'B4', '2023-03-15');
    state.type('申请台账', 'C4', '个人');
    state.type('申请台账', 'D4', '（一）予以公开');
    await click('检查报告');
    await screen.findByText('检查结果');
    await click(/申请台账!C4的申请人类型“个人”不是2021年格式的类别/u);
    expect(state.selection).toEqual({ sheet: '申请台账', address: 'C4' });
  });
});
