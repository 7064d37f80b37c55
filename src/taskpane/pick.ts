/** Reading a file the user picked, with FileReader (older Office webviews lack Blob.arrayBuffer()). */
import { UserError } from '../errors';
import { MAX_REPORT_FILE_BYTES } from '../files/accept';

export type PickedFile = { name: string; bytes: Uint8Array };

export function readPickedFile(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    if (file.size > MAX_REPORT_FILE_BYTES) {
      reject(new UserError(`文件过大（上限 ${MAX_REPORT_FILE_BYTES / 1048576} MB）。`));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, bytes: new Uint8Array(reader.result as ArrayBuffer) });
    reader.onerror = () => reject(new UserError(`读取文件失败（${reader.error?.message ?? '未知原因'}）。`));
    reader.readAsArrayBuffer(file);
  });
}
