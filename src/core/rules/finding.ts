import { RULES, messageOf, type MessageData, type MessageId } from './declarations';
import type { Finding, FindingData, RuleId } from './types';

/**
 * A finding of a rule: its severity comes from the declaration (the message's, else the rule's), its
 * text from the declared message. The compiler checks the message id and its data.
 */
export function makeFinding<R extends RuleId, M extends MessageId<R>>(
  rule: R,
  messageId: M,
  cells: string[],
  data: MessageData<R, M>,
  extra: Pick<Finding, 'expected' | 'actual'> = {},
): Finding {
  const message = messageOf(rule, messageId);
  const d = data as unknown as FindingData;
  return { rule, severity: message.severity ?? RULES[rule].severity, cells, message: message.text(d), messageId, data: d, ...extra };
}
