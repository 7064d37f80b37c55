/**
 * The one controller of the add-in's runtime. With the shared runtime (manifest <Runtimes>), the
 * ribbon commands and the task pane run in the same page and share it, so a check started from the
 * ribbon shows its result in the pane.
 *
 * The pane draws itself from its state alone; the controller's workbook actions (with the rules,
 * the layouts and the Excel code) load on the first of them, and the browser fetches them while
 * idle after the pane is drawn.
 */
import { LOAD_FAILURE } from './action';
import { officeDelivery } from './delivery';
import { WORKBOOK_ACTIONS, createPaneStore, stateActions, type Controller, type PaneStore, type RunExcel, type WorkbookActions } from './pane-state';

let controller: Controller | undefined;

export function featuresOfHost(): { api18: boolean; api19: boolean } {
  const has = (version: string) => Office.context.requirements.isSetSupported('ExcelApi', version);
  return { api18: has('1.8'), api19: has('1.9') };
}

type LoadWorkbookActions = (store: PaneStore) => Promise<WorkbookActions>;

/**
 * A controller whose state actions run at once and whose workbook actions wait for `load` (once;
 * a failed load is tried again on the next action, and says so in the pane meanwhile).
 */
export function deferredController(store: PaneStore, runExcel: RunExcel, load: LoadWorkbookActions): Controller {
  let loading: Promise<WorkbookActions> | undefined;
  const actions = (): Promise<WorkbookActions> => {
    loading ??= load(store).catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
  const deferred = Object.fromEntries(
    WORKBOOK_ACTIONS.map((name) => [
      name,
      async (...args: unknown[]) => {
        let loaded: WorkbookActions;
        try {
          loaded = await actions();
        } catch {
          store.set({ failure: LOAD_FAILURE, notice: null });
          return;
        }
        await (loaded[name] as (...a: unknown[]) => Promise<void>)(...args);
      },
    ]),
  ) as unknown as WorkbookActions;
  return { getState: store.get, subscribe: store.subscribe, ...stateActions(store, runExcel), ...deferred };
}

const runExcel: RunExcel = (batch) => Excel.run(batch);

async function loadOfficeActions(store: PaneStore): Promise<WorkbookActions> {
  const { createController } = await import(/* webpackChunkName: "engine", webpackPrefetch: true */ './controller');
  return createController(runExcel, featuresOfHost(), officeDelivery(), { store });
}

export function getController(): Controller {
  controller ??= deferredController(createPaneStore(), runExcel, loadOfficeActions);
  return controller;
}

async function sheetName(context: Excel.RequestContext, id: string): Promise<string> {
  const ws = context.workbook.worksheets.getItem(id);
  ws.load('name');
  await context.sync();
  return ws.name;
}

/**
 * Tells the controller when the user edits cells, so the pane can say its result is out of date.
 * The collection-level change event needs ExcelApi 1.9; without it the pane simply does not know.
 * Events carry the sheet's id; its name is looked up each time (a sheet can be renamed).
 */
export async function watchChanges(c: Controller): Promise<void> {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) return;
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (event) => {
        c.cellsChanged(await Excel.run((ctx) => sheetName(ctx, event.worksheetId)), event.address);
      });
      await context.sync();
    });
  } catch {
    // Only a convenience: without it, the pane does not say when its result is out of date.
  }
}
