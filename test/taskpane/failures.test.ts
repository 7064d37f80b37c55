/**
 * Every failure path of every pane action ends as one Chinese message: expected failures say what
 * to do (never "意外"), host errors are explained, only bugs are called unexpected, and no message
 * doubles its full stop.
 */
import { stringifyReport } from '../../src/core';
import { UserError } from '../../src/errors';
import { createController, type RunExcel } from '../../src/taskpane/controller';
import { DeliveryError } from '../../src/taskpane/delivery';
import { createWordController, type RunWord } from '../../src/taskpane/word-controller';
import { OfficeError, WorkbookState, excelContext } from '../doubles/excel-host';
import { consistentReport, withValues } from '../helpers/reports';

const utf8 = (s: string) => new TextEncoder().encode(s);
const goodJson = { name: 'good.json', bytes: utf8(stringifyReport(consistentReport())) };
const badJson = { name: 'bad.json', bytes: utf8('{"format": "gov-info-annual-report/2021", "values": {') };
const errorJson = { name: 'err.json', bytes: utf8(stringifyReport(withValues(consistentReport(), { 'requests.disclosed.total': 99 }))) };
const features = { api19: true };

/** Excel on the host double, with a workbook that holds a filled template. */
async function templated(): Promise<RunExcel> {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const run: RunExcel = async (batch) => batch(excelContext(state).context);
  const c = createController(run, features);
  await c.generateTemplate(goodJson);
  expect(c.getState().failure).toBeNull();
  return run;
}

const onEmptyWorkbook: RunExcel = async (batch) => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  return batch(excelContext(state).context);
};
const hostFails =
  (code: string): RunExcel =>
  async () => {
    throw new OfficeError(code, 'host failure');
  };
const bug: RunExcel = async () => {
  throw new TypeError("Cannot read properties of undefined (reading 'x')");
};

function expectMessage(failure: { title: string; message: string } | null, title: RegExp, message: RegExp, unexpected = false) {
  expect(failure).not.toBeNull();
  expect(failure!.title).toMatch(title);
  expect(failure!.message).toMatch(message);
  expect(failure!.message).not.toMatch(/。。|。\./u);
  expect(/意外/u.test(failure!.message)).toBe(unexpected);
}

describe('Excel pane', () => {
  test.each<
    [
      string,
      (run: RunExcel) => ReturnType<typeof createController>,
      RunExcel | 'templated',
      (c: ReturnType<typeof createController>) => Promise<void>,
      RegExp,
      RegExp,
      boolean,
    ]
  >([
    [
      '生成模板: the picked file cannot be read',
      (r) => createController(r, features),
      onEmptyWorkbook,
      (c) => c.generateTemplate(badJson),
      /无法读取“bad.json”/u,
      /JSON/u,
      false,
    ],
    [
      '生成模板: Excel is editing a cell',
      (r) => createController(r, features),
      hostFails('InvalidOperationInCellEditMode'),
      (c) => c.generateTemplate(),
      /未能生成模板/u,
      /正在编辑单元格/u,
      false,
    ],
    ['生成模板: a bug', (r) => createController(r, features), bug, (c) => c.generateTemplate(), /未能生成模板/u, /发生意外错误（Cannot read/u, true],
    [
      '对比上年: the file cannot be read',
      (r) => createController(r, features),
      onEmptyWorkbook,
      (c) => c.setPrevious(badJson),
      /未能读取上年报告/u,
      /JSON/u,
      false,
    ],
    [
      '对比上年: a file of another kind',
      (r) => createController(r, features),
      onEmptyWorkbook,
      (c) => c.setPrevious({ name: 'x.pptx', bytes: utf8('PK') }),
      /未能读取上年报告/u,
      /不支持/u,
      false,
    ],
    [
      '检查报告: no report in the workbook',
      (r) => createController(r, features),
      onEmptyWorkbook,
      (c) => c.check(),
      /未能检查报告/u,
      /没有找到报告表格，无法检查/u,
      false,
    ],
    ['检查报告: Excel is busy', (r) => createController(r, features), hostFails('ActivityLimitReached'), (c) => c.check(), /未能检查报告/u, /繁忙/u, false],
    ['检查报告: a bug', (r) => createController(r, features), bug, (c) => c.check(), /未能检查报告/u, /意外/u, true],
    [
      '清除标记: a sheet was removed meanwhile',
      (r) => createController(r, features),
      hostFails('ItemNotFound'),
      (c) => c.clearMarks(),
      /未能清除标记/u,
      /已不存在/u,
      false,
    ],
    [
      '生成Word报告: no report in the workbook',
      (r) => createController(r, features),
      onEmptyWorkbook,
      (c) => c.generateWord(),
      /未能生成Word报告/u,
      /无法生成Word报告/u,
      false,
    ],
    [
      '生成Word报告: Excel fails',
      (r) => createController(r, features),
      hostFails('RequestAborted'),
      (c) => c.generateWord(),
      /未能生成Word报告/u,
      /繁忙/u,
      false,
    ],
    [
      '生成Word报告: the relay refuses',
      (r) =>
        createController(r, features, async () => {
          throw new DeliveryError('无法连接加载项服务器，Word 报告未能送出。请检查网络后重试。');
        }),
      'templated',
      (c) => c.generateWord(),
      /未能生成Word报告/u,
      /^无法连接加载项服务器，Word 报告未能送出。请检查网络后重试。$/u,
      false,
    ],
    [
      '生成Word报告: no delivery in this host',
      (r) => createController(r, features),
      'templated',
      (c) => c.generateWord(),
      /未能生成Word报告/u,
      /不支持下载/u,
      false,
    ],
  ])('%s', async (_name, make, run, act, title, message, unexpected) => {
    const c = make(run === 'templated' ? await templated() : run);
    await act(c);
    const s = c.getState();
    expect(s.busy).toBeNull();
    expectMessage(s.failure, title, message, unexpected);
  });

  test('selecting a cell that Excel cannot select: explained, not thrown', async () => {
    const run = await templated();
    let fail = false;
    const c = createController(async (batch) => {
      if (fail) throw new OfficeError('InvalidReference', 'gone');
      return run(batch);
    }, features);
    await c.generateTemplate(errorJson);
    await c.check();
    const finding = c.getState().result!.findings[0]!;
    fail = true;
    await c.select(finding);
    expectMessage(c.getState().failure, /无法选中单元格/u, /已不存在/u);
  });

  test('a second action while one runs does nothing, then the pane is usable again', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = createController(async (batch) => {
      await gate;
      return onEmptyWorkbook(batch);
    }, features);
    const first = c.check();
    await c.clearMarks();
    expect(c.getState().busy).toBe('正在检查报告…');
    release();
    await first;
    expect(c.getState().busy).toBeNull();
  });
});

describe('Word pane', () => {
  const ok: RunWord = async (batch) =>
    batch({ document: { body: { insertFileFromBase64: () => undefined } }, sync: async () => undefined } as unknown as Word.RequestContext);
  test.each<[string, RunWord, { name: string; bytes: Uint8Array }, RegExp, boolean]>([
    ['the file cannot be read', ok, badJson, /JSON/u, false],
    ['an empty file', ok, { name: 'e.xlsx', bytes: new Uint8Array() }, /文件是空的/u, false],
    [
      'Word refuses the insertion',
      async () => {
        throw new OfficeError('GeneralException', 'no');
      },
      goodJson,
      /Word 操作失败（GeneralException）/u,
      false,
    ],
    [
      'a bug',
      async () => {
        throw new RangeError('boom');
      },
      goodJson,
      /发生意外错误（boom）/u,
      true,
    ],
  ])('%s', async (_name, run, file, message, unexpected) => {
    const c = createWordController(run);
    await c.insertReport(file);
    expect(c.getState().busy).toBeNull();
    expectMessage(c.getState().failure, new RegExp(`无法插入“${file.name.replace('.', '\\.')}”`, 'u'), message, unexpected);
  });

  test('a report with errors asks first; confirmed, it is inserted', async () => {
    const c = createWordController(ok);
    await c.insertReport(errorJson);
    expect(c.getState().confirm).toEqual({ errors: expect.any(Number), name: 'err.json' });
    await c.insertReport(errorJson, true);
    expect(c.getState().failure).toBeNull();
    expect(c.getState().notice?.text).toMatch(/已把“err.json”/u);
  });
});

test('UserError is the base of every expected failure', () => {
  expect(new DeliveryError('x')).toBeInstanceOf(UserError);
  expect(new DeliveryError('x').name).toBe('DeliveryError');
});
