/**
 * The runtime's controller: the pane answers its own state at once, and the workbook actions (rules,
 * layouts, Excel code) load on the first of them, once. A failed load is said in Chinese, changes
 * nothing, and is tried again on the next action.
 */
import { stringifyReport } from '../../src/core';
import { LOAD_FAILURE } from '../../src/taskpane/action';
import { createController } from '../../src/taskpane/controller';
import { WORKBOOK_ACTIONS, createPaneStore, type PaneStore, type RunExcel, type WorkbookActions } from '../../src/taskpane/pane-state';
import { deferredController } from '../../src/taskpane/runtime';
import { WorkbookState, excelContext } from '../doubles/excel-host';
import { consistentReport, withValues } from '../helpers/reports';

const utf8 = (s: string) => new TextEncoder().encode(s);
const faulty = { name: 'f.json', bytes: utf8(stringifyReport(withValues(consistentReport(), { 'requests.disclosed.total': 99 }))) };

function host() {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const run: RunExcel = async (batch) => batch(excelContext(state).context);
  return { state, run };
}

test('state actions answer before anything loads; the first workbook action loads the actions once, with the same state', async () => {
  const { run, state } = host();
  let loads = 0;
  const load = async (store: PaneStore): Promise<WorkbookActions> => {
    loads++;
    return createController(run, { api19: true }, undefined, { store });
  };
  const c = deferredController(createPaneStore(), run, load);
  c.setBlankAsZero(true);
  c.setWithRegister(true);
  c.setFilter('warning');
  expect(c.getState()).toMatchObject({ blankAsZero: true, withRegister: true, filter: 'warning' });
  await c.probe();
  expect(c.getState().workbook).toBe('empty');
  expect(loads).toBe(0);

  await Promise.all([c.generateTemplate(), c.check()]);
  expect(loads).toBe(1);
  expect(c.getState().failure).toBeNull();
  // The second click came while the first was working: one action at a time, as before.
  expect(c.getState().result).toBeNull();
  // The options set before the load are the loaded actions' options: the register went into the template.
  expect(state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['报告数据', '申请台账']));
  await c.check();
  expect(loads).toBe(1);
  expect(c.getState().result?.summary.warnings).toBeGreaterThan(0);
  await c.probe();
  expect(c.getState().workbook).toBe('template');
});

test('every workbook action of the controller goes through the deferred load', () => {
  const full = createController(host().run, { api19: true });
  const deferred = deferredController(createPaneStore(), host().run, () => Promise.reject(new Error('never')));
  expect(Object.keys(deferred).sort()).toEqual(Object.keys(full).sort());
  for (const name of WORKBOOK_ACTIONS) expect(typeof full[name]).toBe('function');
});

test('a failed load says so in Chinese, changes nothing, and the next action tries again', async () => {
  const { run, state } = host();
  let attempt = 0;
  const load = async (store: PaneStore): Promise<WorkbookActions> => {
    attempt++;
    if (attempt === 1) throw new Error('Loading chunk engine failed.');
    return createController(run, { api19: true }, undefined, { store });
  };
  const c = deferredController(createPaneStore(), run, load);
  await c.generateTemplate(faulty);
  expect(c.getState().failure).toEqual(LOAD_FAILURE);
  expect(c.getState().busy).toBeNull();
  expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1']);

  await c.generateTemplate(faulty);
  expect(attempt).toBe(2);
  expect(c.getState().failure).toBeNull();
  expect(state.sheets.map((s) => s.name)).toContain('报告数据');
});
