import { renderMessage } from './messages';
import type { Finding, FindingData, RuleId, Severity } from './types';

export function makeFinding(
  rule: RuleId,
  severity: Severity,
  messageId: string,
  cells: string[],
  data: FindingData,
  extra: Pick<Finding, 'expected' | 'actual'> = {},
): Finding {
  return { rule, severity, cells, message: renderMessage(messageId, data), messageId, data, ...extra };
}
