/** Family: what kind of value a cell holds (whole-number counts, the fee in 万元). */
import { classifyText, displayText, type ReportValue } from '../../values/read';
import { FEE_DECIMALS, decimalsOf, formatNumber } from '../../values/compare';
import { makeFinding } from '../finding';
import type { Finding, RuleContext, ValueCheck } from '../types';

/** A fee at or above this many 万元 (10亿元) is most likely typed in 元. */
const FEE_MAGNITUDE_WARNING = 100000;

const UNIT_TO_WAN_YUAN: Record<string, number> = { 元: 1e-4, 千元: 0.1, 万元: 1, 亿元: 1e4 };

function checkFee(raw: number | string, cell: string, cells: string[]): Finding[] {
  const at = { actual: raw };
  if (typeof raw === 'number') {
    const value = formatNumber(raw);
    if (raw < 0) return [makeFinding('fee-amount', 'fee.negative', cells, { cell, value }, at)];
    if (decimalsOf(raw) > FEE_DECIMALS) return [makeFinding('fee-amount', 'fee.decimals', cells, { cell, value }, at)];
    if (raw >= FEE_MAGNITUDE_WARNING) {
      const yi = formatNumber(Number((raw / 1e4).toPrecision(12)));
      return [makeFinding('fee-amount', 'fee.magnitude', cells, { cell, value, yi }, at)];
    }
    return [];
  }
  const text = displayText(raw);
  const cls = classifyText(raw);
  switch (cls.type) {
    case 'placeholder':
      return []; // reported by blank-cell: a placeholder is a blank for the data
    case 'excel-error':
      return [makeFinding('fee-amount', 'value.excel-error', cells, { cell, code: cls.code }, at)];
    case 'formula':
      return [makeFinding('fee-amount', 'value.formula', cells, { cell, text }, at)];
    case 'number-with-unit': {
      const factor = UNIT_TO_WAN_YUAN[cls.unit];
      if (factor === undefined) break;
      const wanYuan = formatNumber(Number((cls.value * factor).toPrecision(15)));
      return [makeFinding('fee-amount', 'fee.unit', cells, { cell, text, unit: cls.unit, wanYuan }, at)];
    }
    default:
      break;
  }
  return [makeFinding('fee-amount', 'fee.not-number', cells, { cell, text }, at)];
}

function checkCount(raw: number | string, cell: string, cells: string[]): Finding[] {
  const at = { actual: raw };
  if (typeof raw === 'number') {
    const value = formatNumber(raw);
    if (raw < 0) return [makeFinding('whole-number', 'value.negative', cells, { cell, value }, at)];
    if (!Number.isInteger(raw)) return [makeFinding('whole-number', 'value.fraction', cells, { cell, value }, at)];
    if (!Number.isSafeInteger(raw)) return [makeFinding('whole-number', 'value.too-large', cells, { cell, value }, at)];
    return [];
  }
  const text = displayText(raw);
  const cls = classifyText(raw);
  switch (cls.type) {
    case 'placeholder':
      return []; // reported by blank-cell
    case 'excel-error':
      return [makeFinding('whole-number', 'value.excel-error', cells, { cell, code: cls.code }, at)];
    case 'formula':
      return [makeFinding('whole-number', 'value.formula', cells, { cell, text }, at)];
    case 'number-with-unit':
      return [makeFinding('whole-number', 'value.unit', cells, { cell, text, unit: cls.unit, number: formatNumber(cls.value) }, at)];
    case 'chinese-numeral':
      return [makeFinding('whole-number', 'value.chinese-numeral', cells, { cell, text, number: cls.value }, at)];
    case 'text':
      return [makeFinding('whole-number', 'value.text', cells, { cell, text }, at)];
  }
}

export function checkValue(check: ValueCheck, ctx: RuleContext): Finding[] {
  const raw: ReportValue | undefined = ctx.report.values[check.cell];
  if (raw === undefined || raw === null) return [];
  const cell = ctx.revision.placeName(check.cell);
  return check.rule === 'fee-amount' ? checkFee(raw, cell, [check.cell]) : checkCount(raw, cell, [check.cell]);
}
