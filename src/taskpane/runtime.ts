/**
 * The one controller of the add-in's runtime. With the shared runtime (manifest <Runtimes>), the
 * ribbon commands and the task pane run in the same page and share it, so a check started from the
 * ribbon shows its result in the pane.
 */
import { createController, type Controller } from './controller';
import { officeDelivery } from './delivery';

let controller: Controller | undefined;

export function featuresOfHost(): { api19: boolean } {
  return { api19: Office.context.requirements.isSetSupported('ExcelApi', '1.9') };
}

export function getController(): Controller {
  controller ??= createController((batch) => Excel.run(batch), featuresOfHost(), officeDelivery());
  return controller;
}
