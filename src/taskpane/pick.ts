/** Reading a file the user picked, with FileReader (older Office webviews lack Blob.arrayBuffer()). */
import type { PickedFile } from './report-file';

/** Files larger than this are refused before reading (a real report is well under 1 MB). */
export const MAX_PICKED_BYTES = 30 * 1024 * 1024;

export function readPickedFile(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    if (file.size > MAX_PICKED_BYTES) {
      reject(new Error(`文件过大（上限 ${MAX_PICKED_BYTES / 1048576} MB）`));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, bytes: new Uint8Array(reader.result as ArrayBuffer) });
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsArrayBuffer(file);
  });
}
