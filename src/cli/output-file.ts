/** Writing the CLI's output files: never over an existing file unless asked, never half-written. */
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../errors';

export class OutputError extends UserError {}

export async function writeOutput(path: string, data: Buffer | string, overwrite: boolean): Promise<void> {
  let exists = false;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new OutputError(`${path} 是一个文件夹`);
    exists = true;
  } catch (e) {
    if (e instanceof OutputError) throw e;
  }
  if (exists && !overwrite) throw new OutputError(`${path} 已存在；为避免覆盖数据，请换一个文件名，或加 --overwrite`);
  try {
    await stat(dirname(path));
  } catch {
    throw new OutputError(`文件夹 ${dirname(path)} 不存在`);
  }
  // Write beside the target and rename: a crash never leaves a half-written file under the real name.
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw new OutputError(`无法写入 ${path}（${e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : String(e)}）`);
  }
}
