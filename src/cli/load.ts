/** Loading report files for the CLI: the bytes from disk, then the one reader. Every failure is a one-line Chinese message. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
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

/**
 * The file's bytes, read synchronously: a report is small, and a batch reads one after another (or
 * on every core, in the pool), where each asynchronous step would cost a trip through the thread
 * pool (stat, open, fstat, read, close) for no work done meanwhile.
 */
function readBytes(path: string): Buffer | string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) return '这是一个文件夹，不是文件';
    if (info.size > MAX_REPORT_FILE_BYTES) return `文件过大（${Math.round(info.size / 1048576)} MB，上限 ${MAX_REPORT_FILE_BYTES / 1048576} MB）`;
    return readFileSync(fd);
  } catch (e) {
    return ioMessage(e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function loadReport(path: string): Promise<Loaded> {
  return parseLoaded(path, readBytes(path));
}

/** Many files in this process, in order (those `skip` names left out). */
export async function loadReportsInOrder(
  files: readonly string[],
  each: (index: number, loaded: Loaded) => void,
  skip: (index: number) => boolean = () => false,
): Promise<void> {
  for (let i = 0; i < files.length; i++) if (!skip(i)) each(i, await loadReport(files[i]!));
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
