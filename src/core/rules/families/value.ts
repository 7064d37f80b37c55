/** Family: what kind of value a cell holds (whole-number counts, the fee in 万元). */
import { placeName } from '../../format';
import { classifyText, displayText } from '../../values/read';
import { FEE_DECIMALS, decimalsOf, formatNumber } from '../../values/compare';
import { makeFinding } from '../finding';
import type { Finding, RuleContext, ValueCheck } from '../types';

/** A fee at or above this many 万元 (10亿元) is most likely typed in 元. */
const FEE_MAGNITUDE_WARNING = 100000;

const UNIT_TO_WAN_YUAN: Record<string, number> = { 元: 1e-4, 千元: 0.1, 万元: 1, 亿元: 1e4 };

export function checkValue(check: ValueCheck, ctx: RuleContext): Finding[] {
  const raw = ctx.report.values[check.cell];
  if (raw === undefined || raw === null) return [];
  const cell = placeName(check.cell);
  const cells = [check.cell];
  const isFee = check.rule === 'fee-amount';
  if (typeof raw === 'number') {
    const value = formatNumber(raw);
    if (raw < 0) return [makeFinding(check.rule, 'error', isFee ? 'fee.negative' : 'value.negative', cells, { cell, value }, { actual: raw })];
    if (isFee) {
      if (decimalsOf(raw) > FEE_DECIMALS) return [makeFinding('fee-amount', 'warning', 'fee.decimals', cells, { cell, value }, { actual: raw })];
      if (raw >= FEE_MAGNITUDE_WARNING) {
        const yi = formatNumber(Number((raw / 1e4).toPrecision(12)));
        return [makeFinding('fee-amount', 'warning', 'fee.magnitude', cells, { cell, value, yi }, { actual: raw })];
      }
      return [];
    }
    if (!Number.isInteger(raw)) return [makeFinding('whole-number', 'error', 'value.fraction', cells, { cell, value }, { actual: raw })];
    if (!Number.isSafeInteger(raw)) return [makeFinding('whole-number', 'error', 'value.too-large', cells, { cell, value }, { actual: raw })];
    return [];
  }
  const text = displayText(raw);
  const cls = classifyText(raw);
  switch (cls.type) {
    case 'placeholder':
      return []; // reported by blank-cell: a placeholder is a blank for the data
    case 'excel-error':
      return [makeFinding(check.rule, 'error', 'value.excel-error', cells, { cell, code: cls.code }, { actual: raw })];
    case 'formula':
      return [makeFinding(check.rule, 'error', 'value.formula', cells, { cell, text }, { actual: raw })];
    case 'number-with-unit': {
      const factor = UNIT_TO_WAN_YUAN[cls.unit];
      if (isFee && factor !== undefined) {
        const wanYuan = formatNumber(Number((cls.value * factor).toPrecision(15)));
        return [makeFinding('fee-amount', 'warning', 'fee.unit', cells, { cell, text, unit: cls.unit, wanYuan }, { actual: raw })];
      }
      if (isFee) return [makeFinding('fee-amount', 'error', 'fee.not-number', cells, { cell, text }, { actual: raw })];
      return [makeFinding('whole-number', 'error', 'value.unit', cells, { cell, text, unit: cls.unit, number: formatNumber(cls.value) }, { actual: raw })];
    }
    case 'chinese-numeral':
      if (isFee) return [makeFinding('fee-amount', 'error', 'fee.not-number', cells, { cell, text }, { actual: raw })];
      return [makeFinding('whole-number', 'error', 'value.chinese-numeral', cells, { cell, text, number: cls.value }, { actual: raw })];
    case 'text':
      return [makeFinding(check.rule, 'error', isFee ? 'fee.not-number' : 'value.text', cells, { cell, text }, { actual: raw })];
  }
}
