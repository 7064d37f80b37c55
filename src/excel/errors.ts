/** Errors the Excel adapter turns into Chinese messages for the task pane. */
import { UserError, errorCode, errorText } from '../errors';

export class ExcelActionError extends UserError {}

/**
 * Errors that no other way of reading gets past: the user is editing a cell, the host is busy or
 * refused the request's size. Any other failure of the fast read (a missing or broken name, whatever
 * code a host gives for it) is a reason to read the slow way.
 */
export function mustStop(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'InvalidOperationInCellEditMode' || code === 'ActivityLimitReached' || code === 'RequestAborted' || code === 'Unauthenticated';
}

export function describeOfficeError(e: unknown): string {
  const code = errorCode(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，然后重试。';
    case 'AccessDenied':
      return 'Excel 拒绝了修改：工作表或工作簿受保护（或以只读方式打开）。请在“审阅”中撤销工作表保护或保存一份可编辑的副本，然后重试。';
    case 'ItemNotFound':
    case 'InvalidReference':
      return '报告的某些单元格或工作表已不存在，请重新检查。';
    case 'RequestPayloadSizeLimitExceeded':
      return '一次要写入的内容超出了 Excel 的限制，请分几次操作。';
    case 'ActivityLimitReached':
    case 'RequestAborted':
      return 'Excel 暂时繁忙，请稍后重试。';
    default:
      return `Excel 操作失败（${code ?? errorText(e)}），请重试。`;
  }
}
