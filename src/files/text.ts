/**
 * Text files as people save them: UTF-8 (with or without a BOM), UTF-16 with its byte order mark
 * (Windows Notepad's "Unicode"), or GB18030/GBK as older Chinese tools write.
 */
import { UserError } from '../errors';

export class TextEncodingError extends UserError {}

export function decodeText(bytes: Uint8Array): string {
  // UTF-16 is told by its byte order mark (without one it is not guessed).
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    try {
      return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      throw new TextEncodingError('文件以 UTF-16 的字节顺序标记开头，但内容不是有效的 UTF-16 文本，请用记事本“另存为”UTF-8 编码后再试。');
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new TextEncodingError('文件不是可识别的文本编码（UTF-8 或 GBK），请用记事本“另存为”UTF-8 编码后再试。');
    }
  }
}
