/**
 * A report file the user picks in the task pane: report JSON, a report workbook (.xlsx), or a
 * published report (.docx, .html, .txt text dump). Readers other than JSON load on first use.
 */
import { parseReportJson, type Report } from '../core';

export type PickedFile = { name: string; bytes: Uint8Array };
export type ReportFile = { report: Report; narrative: boolean; oldLabels: string[]; problems: string[] };

export class ReportFileError extends Error {}

export const REPORT_FILE_ACCEPT = '.json,.xlsx,.docx,.html,.htm,.txt';

export async function readReportFile(file: PickedFile): Promise<ReportFile> {
  const name = file.name.toLowerCase();
  if (file.bytes.length === 0) throw new ReportFileError('文件是空的。');
  if (name.endsWith('.json')) {
    const parsed = parseReportJson(new TextDecoder('utf-8').decode(file.bytes));
    if (!parsed.ok) throw new ReportFileError(parsed.problems.slice(0, 3).map((p) => (p.path === '$' ? p.message : `${p.path}：${p.message}`)).join('；'));
    return { report: parsed.report, narrative: true, oldLabels: [], problems: [] };
  }
  if (name.endsWith('.xlsx')) {
    const { loadWorkbook, readReport, WorkbookError } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/read');
    try {
      const read = readReport(await loadWorkbook(file.bytes));
      return { report: read.report, narrative: read.narrativeFound, oldLabels: read.oldLabels, problems: [] };
    } catch (e) {
      if (e instanceof WorkbookError) throw new ReportFileError(e.message);
      throw e;
    }
  }
  if (/\.(docx|html?|txt)$/u.test(name)) {
    const { importReport, ImportError } = await import(/* webpackChunkName: "import" */ '../importers');
    try {
      const imported = importReport(name, file.bytes);
      return { report: imported.report, narrative: true, oldLabels: imported.oldLabels, problems: imported.problems };
    } catch (e) {
      if (e instanceof ImportError) throw new ReportFileError(e.message);
      throw e;
    }
  }
  throw new ReportFileError('请选择报告 JSON（.json）、报告工作簿（.xlsx）或已发布的报告（.docx、.html、.txt）。');
}
