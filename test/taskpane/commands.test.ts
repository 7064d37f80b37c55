/** Ribbon commands, called as Office calls them: the event is always completed, also on failure. */
import { WorkbookState, excelContext } from '../doubles/excel-host';

const utf8 = (s: string) => new TextEncoder().encode(s);

type Handler = (event: { completed: () => void }) => Promise<void>;

function installOffice(state: WorkbookState, opts: { excelApi18?: boolean; sharedRuntime?: boolean; runFails?: boolean }) {
  const associated = new Map<string, Handler>();
  const shown: string[] = [];
  const dialogs: { url: string; options: unknown }[] = [];
  (globalThis as Record<string, unknown>).Office = {
    onReady: async (fn?: () => void) => fn?.(),
    actions: { associate: (name: string, fn: Handler) => associated.set(name, fn) },
    addin: { showAsTaskpane: async () => void shown.push('pane') },
    context: {
      requirements: { isSetSupported: (set: string) => (set === 'SharedRuntime' ? (opts.sharedRuntime ?? true) : (opts.excelApi18 ?? true)) },
      ui: {
        displayDialogAsync: (url: string, options: unknown, callback: () => void) => {
          dialogs.push({ url, options });
          callback();
        },
      },
    },
  };
  (globalThis as Record<string, unknown>).window ??= { location: { href: 'https://localhost:3000/taskpane.html' } };
  (globalThis as Record<string, unknown>).Excel = {
    run: async (batch: (c: Excel.RequestContext) => Promise<unknown>) => {
      if (opts.runFails) throw Object.assign(new Error('x'), { code: 'GeneralException' });
      return batch(excelContext(state).context);
    },
  };
  return { associated, shown, dialogs };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).window;
  delete (globalThis as Record<string, unknown>).Excel;
  jest.resetModules();
});

async function loadCommands() {
  return import('../../src/commands/commands');
}

test('checkReport is associated, runs the check (marks appear), shows the pane, completes the event', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const { associated, shown } = installOffice(state, {});
  const { getController } = await import('../../src/taskpane/runtime');
  await getController().generateTemplate({
    name: 'e.json',
    bytes: utf8(
      JSON.stringify({ format: 'gov-info-annual-report/2021', meta: { agency: '测试县人民政府', year: 2023 }, values: { 'appeals.review.total': 3 } }),
    ),
  });
  await loadCommands();
  await new Promise((r) => setTimeout(r, 0));
  const handler = associated.get('checkReport')!;
  const completed = jest.fn();
  await handler({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown).toEqual(['pane']);
  expect(getController().getState().result?.summary.errors).toBe(1);
  expect(state.settings.has('GIR.marks')).toBe(true);
});

test('a failing Excel still completes the event; the failure waits in the pane', async () => {
  const { associated } = installOffice(new WorkbookState(), { runFails: true });
  const { getController } = await import('../../src/taskpane/runtime');
  await loadCommands();
  await new Promise((r) => setTimeout(r, 0));
  const completed = jest.fn();
  await associated.get('checkReport')!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(getController().getState().failure?.title).toBe('未能检查报告');
});

test('without the shared runtime or on an old Excel: no pane call, still completed', async () => {
  const { associated, shown } = installOffice(new WorkbookState(), { sharedRuntime: false, excelApi18: false });
  await loadCommands();
  await new Promise((r) => setTimeout(r, 0));
  const completed = jest.fn();
  await associated.get('checkReport')!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown).toEqual([]);
});

test('generateWord is associated, shows the pane first, completes the event also when it fails', async () => {
  const { associated, shown } = installOffice(new WorkbookState(), { runFails: true });
  const { getController } = await import('../../src/taskpane/runtime');
  await loadCommands();
  await new Promise((r) => setTimeout(r, 0));
  const completed = jest.fn();
  await associated.get('generateWord')!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown).toEqual(['pane']);
  expect(getController().getState().failure?.title).toBe('未能生成Word报告');
});

test('generateTemplate from the ribbon paints the template, shows the pane, completes the event', async () => {
  const state = new WorkbookState();
  state.addSheet('Sheet1');
  const { associated, shown } = installOffice(state, {});
  await loadCommands();
  await new Promise((r) => setTimeout(r, 0));
  const completed = jest.fn();
  await associated.get('generateTemplate')!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(shown).toEqual(['pane']);
  expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', '报告数据', '报告正文', '核对']);
});

test('openHelp opens the user guide beside the pane in a dialog and completes the event', async () => {
  const { associated, dialogs } = installOffice(new WorkbookState(), {});
  await loadCommands();
  await new Promise((r) => setTimeout(r, 0));
  const completed = jest.fn();
  await associated.get('openHelp')!({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(dialogs.map((d) => d.url)).toEqual(['https://localhost:3000/help.html']);
});
