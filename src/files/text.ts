/** Text files as people save them: UTF-8 (with or without a BOM), or GB18030/GBK as older Chinese tools write. */
import { UserError } from '../errors';

export class TextEncodingError extends UserError {}

export function decodeText(bytes: Uint8Array): string {
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
