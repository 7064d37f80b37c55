/**
 * The one controller of the add-in's runtime. With the shared runtime (manifest <Runtimes>), the
 * ribbon commands and the task pane run in the same page and share it, so a check started from the
 * ribbon shows its result in the pane.
 */
import { createController, type Controller } from './controller';
import { officeDelivery } from './delivery';

let controller: Controller | undefined;

export function featuresOfHost(): { api18: boolean; api19: boolean } {
  const has = (version: string) => Office.context.requirements.isSetSupported('ExcelApi', version);
  return { api18: has('1.8'), api19: has('1.9') };
}

export function getController(): Controller {
  controller ??= createController((batch) => Excel.run(batch), featuresOfHost(), officeDelivery());
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
