/** Loading report files for the CLI. Every failure is a one-line Chinese message, never a stack trace. */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { CELLS, parseReportJson, type Report } from '../core';
import { ImportError, MAX_IMPORT_BYTES, importReport } from '../importers';
import { WorkbookError, loadWorkbook, readReport, MAX_XLSX_BYTES } from '../xlsx/read';

/** Report JSON files larger than this are refused (a real report is a few tens of KB). */
export const MAX_JSON_BYTES = 20 * 1024 * 1024;

export type Loaded =
  | { ok: true; report: Report; narrative: boolean; oldLabels: string[]; note?: string; problems?: string[] }
  | { ok: false; message: string };

export function ioMessage(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    default:
      return `无法读取（${code || (e instanceof Error ? e.message : String(e))}）`;
  }
}

async function readBytes(path: string, limit: number): Promise<Buffer | string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return '这是一个文件夹，不是文件';
    if (info.size > limit) return `文件过大（${Math.round(info.size / 1048576)} MB，上限 ${Math.round(limit / 1048576)} MB）`;
    return await readFile(path);
  } catch (e) {
    return ioMessage(e);
  }
}

async function loadJson(path: string): Promise<Loaded> {
  const bytes = await readBytes(path, MAX_JSON_BYTES);
  if (typeof bytes === 'string') return { ok: false, message: bytes };
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: false, message: '文件是空的' };
  const parsed = parseReportJson(text);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 3).map((p) => (p.path === '$' ? p.message : `${p.path}：${p.message}`));
    const more = parsed.problems.length > 3 ? `；另有${parsed.problems.length - 3}处问题` : '';
    return { ok: false, message: `${shown.join('；')}${more}` };
  }
  return { ok: true, report: parsed.report, narrative: true, oldLabels: [] };
}

async function loadXlsx(path: string): Promise<Loaded> {
  const bytes = await readBytes(path, MAX_XLSX_BYTES);
  if (typeof bytes === 'string') return { ok: false, message: bytes };
  if (bytes.length === 0) return { ok: false, message: '文件是空的' };
  try {
    const read = readReport(await loadWorkbook(bytes));
    if (!CELLS.some((c) => read.report.values[c.key] !== undefined)) {
      return { ok: false, message: '工作簿中没有找到报告表格：既没有本工具生成的名称，也没有找到“自然人”“本年制发件数”“行政复议”等表头' };
    }
    const note = read.narrativeFound ? undefined : '未找到“报告正文”工作表（基本信息与正文），只检查了表格';
    return { ok: true, report: read.report, narrative: read.narrativeFound, oldLabels: read.oldLabels, ...(note ? { note } : {}) };
  } catch (e) {
    if (e instanceof WorkbookError) return { ok: false, message: e.message };
    throw e;
  }
}

/** A published report (.txt text dump, .docx, .html), imported. */
async function loadPublished(path: string): Promise<Loaded> {
  const bytes = await readBytes(path, MAX_IMPORT_BYTES);
  if (typeof bytes === 'string') return { ok: false, message: bytes };
  try {
    const imported = importReport(path, bytes);
    const note = imported.problems.length > 0 ? `导入时未能读取：${imported.problems.join('；')}` : undefined;
    return { ok: true, report: imported.report, narrative: true, oldLabels: imported.oldLabels, problems: imported.problems, ...(note ? { note } : {}) };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, message: e.message };
    throw e;
  }
}

export async function loadReport(path: string): Promise<Loaded> {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return loadJson(path);
  if (ext === '.xlsx') return loadXlsx(path);
  if (ext === '.txt' || ext === '.docx' || ext === '.html' || ext === '.htm') return loadPublished(path);
  if (ext === '.xls' || ext === '.et' || ext === '.xlsm') return { ok: false, message: `不支持“${ext}”格式，请在 Excel 或 WPS 中另存为 .xlsx 后再试` };
  return { ok: false, message: `不支持“${ext || '无扩展名'}”文件，请提供报告 JSON（.json）、工作簿（.xlsx）或发布的报告（.docx、.html、.txt）` };
}
