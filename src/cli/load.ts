/** Loading report files for the CLI. Every failure is a one-line Chinese message, never a stack trace. */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseReportJson, type Report } from '../core';

/** Report JSON files larger than this are refused (a real report is a few tens of KB). */
export const MAX_JSON_BYTES = 20 * 1024 * 1024;

export type Loaded = { ok: true; report: Report } | { ok: false; message: string };

function ioMessage(e: unknown): string {
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

export async function loadReport(path: string): Promise<Loaded> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json') {
    return { ok: false, message: `暂不支持“${ext || '无扩展名'}”文件，请提供报告 JSON（.json）` };
  }
  let text: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, message: '这是一个文件夹，不是文件' };
    if (info.size > MAX_JSON_BYTES) return { ok: false, message: `文件过大（${Math.round(info.size / 1048576)} MB，上限 20 MB）` };
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, message: ioMessage(e) };
  }
  if (text.trim() === '') return { ok: false, message: '文件是空的' };
  const parsed = parseReportJson(text);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 3).map((p) => (p.path === '$' ? p.message : `${p.path}：${p.message}`));
    const more = parsed.problems.length > 3 ? `；另有${parsed.problems.length - 3}处问题` : '';
    return { ok: false, message: `${shown.join('；')}${more}` };
  }
  return { ok: true, report: parsed.report };
}
