/** The pane's first look at a workbook: is the report's template there? Kept apart from the check so the pane can ask before it loads the rules. */
import { DATA_SHEET, keyOfDefinedName } from '../core/layout/names';

/** Whether the workbook holds the report's template (its data sheet or one of its names): one read. */
export async function templatePresent(context: Excel.RequestContext): Promise<boolean> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(DATA_SHEET);
  const names = context.workbook.names;
  names.load('items/name');
  await context.sync();
  return !sheet.isNullObject || names.items.some((n) => keyOfDefinedName(n.name) !== undefined);
}
