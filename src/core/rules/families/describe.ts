import { displayText, type ReportValue } from '../../values/read';
import { formatNumber } from '../../values/compare';

/** How a value reads inside a message: numbers as numbers, blanks and placeholders with their arithmetic 0. */
export function describeValue(v: ReportValue): string {
  if (v === null) return '空白（按0计）';
  if (typeof v === 'number') return formatNumber(v);
  return `“${displayText(v)}”（按0计）`;
}
