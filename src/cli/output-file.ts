/**
 * Writing the CLI's output files: never over an existing file unless asked, never over an input,
 * never half-written, and only under the extension of what is written. The data goes to a new
 * temporary file beside the target (random name, created exclusively, so neither a link planted
 * under that name nor another writer is followed), which then takes the target's name: by a hard
 * link that fails if a file appeared there meanwhile, or by a rename over it with --overwrite,
 * keeping the replaced file's permissions.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { errorCode } from '../errors';
import { UserError } from '../errors';

export class OutputError extends UserError {}

export type OutputKind = { ext: readonly string[]; what: string };

export const OUTPUT_KINDS = {
  xlsx: { ext: ['.xlsx'], what: 'Excel 工作簿' },
  docx: { ext: ['.docx'], what: 'Word 文档' },
  json: { ext: ['.json'], what: '报告 JSON' },
  html: { ext: ['.html', '.htm'], what: '网页' },
} satisfies Record<string, OutputKind>;

/** A path as the file system resolves it (links followed), or as written when it does not exist. */
async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

export async function writeOutput(path: string, data: Buffer | string, overwrite: boolean, kind: OutputKind, inputs: readonly string[] = []): Promise<void> {
  const ext = extname(path).toLowerCase();
  if (!kind.ext.includes(ext)) {
    throw new OutputError(
      `输出文件 ${path} 的扩展名应为 ${kind.ext[0]}（写入的是${kind.what}），而不是“${ext || '无扩展名'}”；请改用 ${kind.ext[0]} 结尾的文件名`,
    );
  }
  const target = await canonical(path);
  for (const input of inputs) {
    if ((await canonical(input)) === target) throw new OutputError(`输出文件 ${path} 就是输入文件；为避免覆盖原文件，请另选一个文件名`);
  }
  let existing: { mode: number } | undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new OutputError(`${path} 是一个文件夹`);
    existing = { mode: info.mode & 0o7777 };
  } catch (e) {
    if (e instanceof OutputError) throw e;
  }
  const exists = () => new OutputError(`${path} 已存在；为避免覆盖数据，请换一个文件名，或加 --overwrite`);
  if (existing && !overwrite) throw exists();
  try {
    await stat(dirname(path));
  } catch {
    throw new OutputError(`文件夹 ${dirname(path)} 不存在`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const failed = (e: unknown) => new OutputError(`无法写入 ${path}（${errorCode(e) ?? (e instanceof Error ? e.message : String(e))}）`);
  try {
    const handle = await open(temp, 'wx', existing?.mode ?? 0o666);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw failed(e);
  }
  try {
    if (overwrite) {
      if (existing) await chmod(temp, existing.mode);
      await rename(temp, path);
      return;
    }
    try {
      await link(temp, path);
    } catch (e) {
      if (errorCode(e) === 'EEXIST') throw exists();
      // A file system without hard links (some network shares): the name is checked once more, then taken.
      if (
        (await stat(path)
          .then(() => true)
          .catch(() => false)) === true
      )
        throw exists();
      await rename(temp, path);
      return;
    }
    await unlink(temp);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e instanceof OutputError ? e : failed(e);
  }
}
