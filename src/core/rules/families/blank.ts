/** Family: blank cells (and placeholders such as “/”), which the format does not allow: 0 is written as 0. */
import { classifyText, displayText } from '../../values/read';
import { makeFinding } from '../finding';
import type { BlankCheck, Finding, RuleContext } from '../types';

export function checkBlank(check: BlankCheck, ctx: RuleContext): Finding[] {
  const raw = ctx.report.values[check.cell];
  const cell = ctx.revision.placeName(check.cell);
  if (raw === null) return [makeFinding('blank-cell', 'blank.cell', [check.cell], { cell }, { expected: 0, actual: null })];
  if (typeof raw === 'string' && classifyText(raw).type === 'placeholder') {
    return [makeFinding('blank-cell', 'blank.placeholder', [check.cell], { cell, text: displayText(raw) }, { expected: 0, actual: raw })];
  }
  return [];
}
