/** Loading report files for the CLI: the bytes from disk, then the one reader. Every failure is a one-line Chinese message. */
import { readFile, stat } from 'node:fs/promises';
import type { ReportSource } from '../core';
import { errorCode, errorText } from '../errors';
import { MAX_REPORT_FILE_BYTES, ReportFileError, readReportBytes } from '../files/read';

export type Loaded = ({ ok: true } & ReportSource) | { ok: false; message: string };

export function ioMessage(e: unknown): string {
  const code = errorCode(e);
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    default:
      return `无法读取（${code ?? errorText(e)}）`;
  }
}

async function readBytes(path: string): Promise<Buffer | string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return '这是一个文件夹，不是文件';
    if (info.size > MAX_REPORT_FILE_BYTES) return `文件过大（${Math.round(info.size / 1048576)} MB，上限 ${MAX_REPORT_FILE_BYTES / 1048576} MB）`;
    return await readFile(path);
  } catch (e) {
    return ioMessage(e);
  }
}

export async function loadReport(path: string): Promise<Loaded> {
  return parseLoaded(path, await readBytes(path));
}

/** Files read ahead of the one being parsed, so the disk and the parser work at the same time. */
const READ_AHEAD = 8;

/** Many files in this process, in order: reading runs ahead of parsing. */
export async function loadReportsInOrder(
  files: readonly string[],
  each: (index: number, loaded: Loaded) => void,
  skip: (index: number) => boolean = () => false,
): Promise<void> {
  const todo = files.map((_, i) => i).filter((i) => !skip(i));
  const reads: Promise<Buffer | string>[] = [];
  for (let k = 0; k < todo.length; k++) {
    for (let j = reads.length; j < Math.min(todo.length, k + READ_AHEAD); j++) reads.push(readBytes(files[todo[j]!]!));
    const index = todo[k]!;
    each(index, await parseLoaded(files[index]!, await reads[k]!));
    delete reads[k];
  }
}

async function parseLoaded(path: string, bytes: Buffer | string): Promise<Loaded> {
  if (typeof bytes === 'string') return { ok: false, message: bytes };
  try {
    return { ok: true, ...(await readReportBytes(path, bytes)) };
  } catch (e) {
    if (e instanceof ReportFileError) return { ok: false, message: e.message.replace(/。$/u, '') };
    throw e;
  }
}
