/**
 * @jest-environment jsdom
 */
/** The task pane with its controller on the Excel host double: empty, running, findings, failure. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { App } from '../../src/taskpane/App';
import { createController, type RunExcel } from '../../src/taskpane/controller';
import { WorkbookState, excelContext } from '../doubles/excel-host';
import { EXAMPLE_PATH } from '../helpers/reports';

// jsdom lacks TextEncoder/TextDecoder (every browser has them); the docx packer needs them.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
globalThis.TextEncoder ??= NodeTextEncoder as unknown as typeof TextEncoder;
globalThis.TextDecoder ??= NodeTextDecoder as unknown as typeof TextDecoder;

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to reflow its actions.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

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

const click = async (name: RegExp | string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
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
  expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', '报告数据', '报告正文']);

  // Prefill from the example JSON through the file picker.
  const input = screen.getByLabelText('选择报告 JSON 文件') as HTMLInputElement;
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
  const findings = screen.getAllByRole('button', { name: /^警告：/u });
  expect(findings).toHaveLength(21);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /警告：二、上年结转申请·自然人为空白/u }));
  });
  expect(state.selection?.sheet).toBe('报告数据 (2)');

  await click('清除标记');
  expect(screen.getByText(/已清除 21 处标记/u)).toBeTruthy();
});

test('a report with errors: summary and groups, errors open first', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const { controller } = setup(state);
  await act(async () => {
    await controller.generateTemplate({ name: 'r.json', text: readFileSync(EXAMPLE_PATH, 'utf8').replace('"requests.disclosed.total": 6', '"requests.disclosed.total": 7') });
  });
  await click('检查报告');
  const section = screen.getByRole('region', { name: '检查结果' });
  expect(within(section).getByText(/三、收到和处理政府信息公开申请情况（2个错误，21个警告）/u)).toBeTruthy();
  expect(within(section).getAllByRole('button', { name: /^错误：/u })[0]!.getAttribute('aria-label')).toContain('（一）予以公开·总计为7');
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
    await controller.generateTemplate({ name: 'bad.json', text: '{"format": "gov-info-annual-report/2021", "values": {"x": 1}}' });
  });
  expect(screen.getByText('无法读取“bad.json”')).toBeTruthy();
  expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});

describe('生成Word报告', () => {
  const withDelivery = (state: WorkbookState) => {
    const delivered: { bytes: Uint8Array; filename: string }[] = [];
    const controller = createController(
      async (batch) => batch(excelContext(state).context),
      { api19: true },
      async (bytes, filename) => {
        delivered.push({ bytes, filename });
        return `已下载“${filename}”。`;
      },
    );
    render(<App status={{ kind: 'ready', theme: 'light' }} controller={controller} />);
    return { controller, delivered };
  };

  test('a clean report: the .docx is delivered and the workbook is not written', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { controller, delivered } = withDelivery(state);
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', text: readFileSync(EXAMPLE_PATH, 'utf8') });
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

  test('errors: the user must confirm; cancelling delivers nothing, confirming delivers', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const { controller, delivered } = withDelivery(state);
    await act(async () => {
      await controller.generateTemplate({ name: 'e.json', text: readFileSync(EXAMPLE_PATH, 'utf8').replace('"requests.disclosed.total": 6', '"requests.disclosed.total": 7') });
    });
    await click('生成Word报告');
    expect(screen.getByText('报告还有 2 个错误')).toBeTruthy();
    expect(delivered).toHaveLength(0);
    await click('先去改正');
    expect(screen.queryByText('报告还有 2 个错误')).toBeNull();
    expect(delivered).toHaveLength(0);
    await click('生成Word报告');
    await click('仍然生成');
    await waitFor(() => expect(controller.getState().busy).toBeNull());
    expect(controller.getState().failure).toBeNull();
    expect(delivered).toHaveLength(1);
  });
});
