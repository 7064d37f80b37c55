/**
 * Ribbon commands. The manifest's FunctionFile is the task pane page (shared runtime), which loads
 * this entry beside the task pane's; each ExecuteFunction button is associated here by the name the
 * manifest uses, and always completes its event, also on failure.
 */
import { detectHost } from '../taskpane/host';
import { getController } from '../taskpane/runtime';

/** Function names used by manifest.xml's ExecuteFunction actions. */
export const COMMANDS = {
  generateTemplate: 'generateTemplate',
  checkReport: 'checkReport',
  generateWord: 'generateWord',
  openHelp: 'openHelp',
} as const;

/** The user guide, served beside the task pane. */
export const HELP_PAGE = 'help.html';

async function showTaskpane(): Promise<void> {
  if (Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) await Office.addin.showAsTaskpane();
}

/** 检查报告 from the ribbon: runs the check (marks appear in the sheet) and shows the result in the pane. */
export async function checkReportCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const status = detectHost(Office, 'Excel');
    // On an Excel too old for the add-in, the pane explains what is missing.
    if (status.kind === 'ready') await getController().check();
    await showTaskpane();
  } catch {
    // The controller keeps its own failures for the pane; a failure to show the pane leaves the marks.
  } finally {
    event.completed();
  }
}

/** 生成Word报告 from the ribbon: shows the pane first (it may ask to confirm errors), then generates. */
export async function generateWordCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await showTaskpane();
    if (detectHost(Office, 'Excel').kind === 'ready') await getController().generateWord();
  } catch {
    // Failures are kept by the controller and shown in the pane.
  } finally {
    event.completed();
  }
}

/** 生成模板 from the ribbon: the first step; the pane shows where the template went. */
export async function generateTemplateCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    if (detectHost(Office, 'Excel').kind === 'ready') await getController().generateTemplate();
    await showTaskpane();
  } catch {
    // Failures are kept by the controller and shown in the pane.
  } finally {
    event.completed();
  }
}

/** 帮助 from the ribbon: the user guide in an Office dialog (any Office that runs the add-in has dialogs). */
export function openHelpCommand(event: Office.AddinCommands.Event): void {
  try {
    const url = new URL(HELP_PAGE, window.location.href).toString();
    Office.context.ui.displayDialogAsync(url, { height: 80, width: 50 }, () => event.completed());
  } catch {
    event.completed();
  }
}

export function registerCommands(): void {
  Office.actions.associate(COMMANDS.generateTemplate, generateTemplateCommand);
  Office.actions.associate(COMMANDS.openHelp, openHelpCommand);
  Office.actions.associate(COMMANDS.checkReport, checkReportCommand);
  Office.actions.associate(COMMANDS.generateWord, generateWordCommand);
}

if (typeof Office !== 'undefined') void Office.onReady(() => registerCommands());
