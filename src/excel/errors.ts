/** Errors the Excel adapter turns into Chinese messages for the task pane. */
import { UserError, errorCode, errorText } from '../errors';

export class ExcelActionError extends UserError {}

/** Office JS error codes that mean "the object is not there" (a deleted name, sheet or setting). */
export function isNotFound(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'ItemNotFound' || code === 'InvalidReference' || code === 'InvalidArgument';
}

export function describeOfficeError(e: unknown): string {
  const code = errorCode(e);
  switch (code) {
    case 'AccessDenied':
    case 'InvalidOperationInCellEditMode':
      return 'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，然后重试。';
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
