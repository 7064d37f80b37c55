/**
 * @jest-environment jsdom
 */
import '../helpers/jsdom-polyfills';
/** 汇总多个报告… in the pane: several reports and a unit list picked, the 汇总 sheets written into the open workbook. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { stringifyReport } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { createController, type RunExcel } from '../../src/taskpane/controller';
import { WorkbookState, excelContext } from '../doubles/excel-host';
import { consistentReport, withValues } from '../helpers/reports';

const utf8 = (s: string) => new TextEncoder().encode(s);

function setup(state = new WorkbookState()) {
  if (state.sheets.length === 0) state.addSheet('Sheet1');
  let syncs = 0;
  const run: RunExcel = async (batch) => {
    const { context, fake } = excelContext(state);
    const out = await batch(context);
    syncs += fake.syncCount;
    return out;
  };
  return { state, controller: createController(run, { api19: true }), syncs: () => syncs };
}

const unit = (name: string, licensing: number) => {
  const r = withValues(consistentReport(), { 'active.licensing': licensing });
  return { name: `${name}.json`, bytes: utf8(stringifyReport({ ...r, meta: { ...r.meta, agency: name, title: `${name}2023年政府信息公开工作年度报告` } })) };
};

test('three reports and a unit list: sums, lists and the missing unit, in two syncs, never over the user’s sheets', async () => {
  const { state, controller, syncs } = setup();
  state.addSheet('汇总表').cell(0, 0).value = '用户自己的数据';
  const list = { name: '名单.csv', bytes: utf8('单位名称,单位类型\n甲局,部门\n乙局,部门\n丙局,部门\n丁局,部门\n') };
  await controller.collect([unit('甲局', 1), unit('乙局', 2), unit('丙局', 4), list]);
  const s = controller.getState();
  expect(s.failure).toBeNull();
  expect(s.collected!.sheets).toEqual(['汇总表 (2)', '报送情况', '问题清单', '雷同']);
  expect(state.sheet('汇总表')!.peek(0, 0)!.value).toBe('用户自己的数据');
  expect(syncs()).toBe(2);
  expect(s.collected!.findings.map((f) => f.message)).toEqual(['名单中的“丁局”没有报送2023年度报告']);
  expect(s.collected!.units.find((u) => u.name === '丁局')!.status).toBe('missing');
  // The sum of 行政许可 in the sum sheet: 1 + 2 + 4.
  const sheet = state.sheet('汇总表 (2)')!;
  const values = [...sheet.cells.values()].map((c) => c.value);
  expect(values).toContain(7);
  expect(state.sheet('报送情况')!.peek(2, 0)!.value).toBe('甲局');
  expect(s.notice!.text).toContain('已汇总 3 个单位的报告');
});

test('in the pane: the link picks several files and the result is listed per unit', async () => {
  const { controller } = setup();
  render(<App status={{ kind: 'ready', theme: 'light' }} controller={controller} />);
  const input = screen.getByLabelText('选择要汇总的各单位报告') as HTMLInputElement;
  expect(input.multiple).toBe(true);
  const files = [unit('甲局', 1), unit('乙局', 2)].map((f) => new File([f.bytes], f.name, { type: 'application/json' }));
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
  await waitFor(() => expect(screen.getByRole('region', { name: '汇总结果' })).toBeTruthy());
  expect(screen.getByText(/甲局：已计入汇总，0 个错误/u)).toBeTruthy();
});

test('an unreadable file is listed, the others summed; no report at all is refused with a message', async () => {
  const { controller } = setup();
  await controller.collect([unit('甲局', 1), { name: '坏.json', bytes: utf8('{') }]);
  expect(
    controller
      .getState()
      .collected!.units.map((u) => u.status)
      .sort(),
  ).toEqual(['included', 'unreadable']);
  await controller.collect([{ name: '名单.csv', bytes: utf8('单位名称\n甲局\n') }]);
  expect(controller.getState().failure!.message).toMatch(/请选择要汇总的各单位报告/u);
});
