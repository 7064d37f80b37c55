/**
 * The one way to read a report file, from its name and bytes, in Node (CLI) and in the browser
 * (task panes): report JSON, a report workbook (.xlsx), or a published report (.docx, .html, .txt
 * text dump). Every reader gives a `ReportSource`; every failure is a `ReportFileError` whose
 * message says what to do. The readers other than JSON load on first use.
 */
import { parseReportJson, type FormatRevision, type ReportSource } from '../core';
import { UserError, sentence } from '../errors';
import { MAX_REPORT_FILE_BYTES } from './accept';
import { decodeText } from './text';

export class ReportFileError extends UserError {}

export { MAX_REPORT_FILE_BYTES, REPORT_FILE_ACCEPT } from './accept';

const KINDS = '报告 JSON（.json）、报告工作簿（.xlsx）或已发布的报告（.docx、.html、.txt、.pdf）';

function extension(name: string): string {
  const m = /\.([^./\\]+)$/u.exec(name.toLowerCase());
  return m ? m[1]! : '';
}

function readJson(bytes: Uint8Array, revisions?: readonly FormatRevision[]): ReportSource {
  const text = decodeText(bytes);
  if (text.trim() === '') throw new ReportFileError('文件是空的。');
  const parsed = parseReportJson(text, revisions);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 3).map((p) => (p.path === '$' ? p.message : `${p.path}：${p.message}`));
    const more = parsed.problems.length > 3 ? `；另有${parsed.problems.length - 3}处问题` : '';
    throw new ReportFileError(`${shown.join('；')}${more}。`);
  }
  return { report: parsed.report, narrative: true, oldLabels: [], problems: [], notes: [] };
}

async function readWorkbook(bytes: Uint8Array, revision?: FormatRevision): Promise<ReportSource> {
  const { readWorkbookSource } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/read');
  return readWorkbookSource(bytes, revision);
}

async function readPublished(name: string, bytes: Uint8Array, revision?: FormatRevision): Promise<ReportSource> {
  const { importPublished } = await import(/* webpackChunkName: "import" */ '../importers');
  const imported = await importPublished(name, bytes, revision);
  const notes = imported.problems.length > 0 ? [`导入时未能读取：${imported.problems.join('；')}`] : [];
  return { report: imported.report, narrative: true, oldLabels: imported.oldLabels, problems: imported.problems, notes };
}

export type ReadOptions = {
  /** The revisions a report JSON may be in, and the one documents are read in (tests, previews). */
  revisions?: readonly FormatRevision[];
};

/** Reads a report file. Throws `ReportFileError` (a message for the user) for anything it cannot read. */
export async function readReportBytes(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReportSource> {
  const ext = extension(name);
  if (bytes.length === 0) throw new ReportFileError('文件是空的。');
  if (bytes.length > MAX_REPORT_FILE_BYTES) {
    throw new ReportFileError(`文件过大（${Math.round(bytes.length / 1048576)} MB，上限 ${MAX_REPORT_FILE_BYTES / 1048576} MB）。`);
  }
  const revision = options.revisions?.[0];
  try {
    switch (ext) {
      case 'json':
        return readJson(bytes, options.revisions);
      case 'xlsx':
        return await readWorkbook(bytes, revision);
      case 'docx':
      case 'html':
      case 'htm':
      case 'txt':
      case 'pdf':
        return await readPublished(name, bytes, revision);
      case 'xls':
      case 'et':
      case 'xlsm':
        throw new ReportFileError(`不支持“.${ext}”格式，请在 Excel 或 WPS 中另存为 .xlsx 后再试。`);
      default:
        throw new ReportFileError(`不支持“${ext ? `.${ext}` : '无扩展名'}”文件，请提供${KINDS}。`);
    }
  } catch (e) {
    if (e instanceof ReportFileError || !(e instanceof UserError)) throw e;
    throw new ReportFileError(sentence(e.message), { cause: e });
  }
}
