/**
 * Message catalogue: message id → Chinese text built from the finding's data. Tests assert ids and
 * data; the wording lives only here.
 */
import type { FindingData } from './types';

type Template = (d: FindingData) => string;

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const abs = (v: string | number | null | undefined): string => (typeof v === 'number' ? String(Math.abs(v)) : s(v));

export const MESSAGES: Record<string, Template> = {
  'sum.mismatch': (d) => `${s(d.cell)}为${s(d.actualText)}，但${s(d.partsLabel)}之和为${s(d.expected)}（相差${abs(d.diff)}）`,
  'balance.mismatch': (d) =>
    `${s(d.scope)}：${s(d.leftText)}＝${s(d.left)}，但${s(d.rightText)}＝${s(d.right)}（相差${abs(d.diff)}）；按格式要求，第一项加第二项之和应等于第三项加第四项之和`,
  'bound.in-force': (d) =>
    `${s(d.scope)}现行有效件数为${s(d.actualText)}，少于本年制发减本年废止（${s(d.rightText)}＝${s(d.expected)}），请核对`,
  'carry-over.mismatch': (d) =>
    `${s(d.scope)}：本年“二、上年结转”为${s(d.actualText)}，但上年报告“四、结转下年度继续办理”为${s(d.expected)}（相差${abs(d.diff)}）`,
  'in-force-continuity.mismatch': (d) =>
    `${s(d.scope)}现行有效件数为${s(d.actualText)}，但${s(d.rightText)}＝${s(d.expected)}（相差${abs(d.diff)}）`,

  'value.text': (d) => `${s(d.cell)}填写了文字“${s(d.text)}”，应填写非负整数`,
  'value.unit': (d) => `${s(d.cell)}填写了“${s(d.text)}”，带有单位“${s(d.unit)}”：请只填写数字${s(d.number)}`,
  'value.chinese-numeral': (d) => `${s(d.cell)}填写了中文数字“${s(d.text)}”，请填写阿拉伯数字${s(d.number)}`,
  'value.excel-error': (d) => `${s(d.cell)}是错误值${s(d.code)}，请检查该单元格的公式`,
  'value.formula': (d) => `${s(d.cell)}是公式文本“${s(d.text)}”而不是数值，请检查单元格格式`,
  'value.negative': (d) => `${s(d.cell)}为${s(d.value)}，数量不能为负数`,
  'value.fraction': (d) => `${s(d.cell)}为${s(d.value)}，数量应为整数`,
  'value.too-large': (d) => `${s(d.cell)}为${s(d.value)}，数值过大，请核对`,

  'fee.not-number': (d) => `${s(d.cell)}填写了“${s(d.text)}”，应填写以万元为单位的金额（没有收费填0）`,
  'fee.negative': (d) => `${s(d.cell)}为${s(d.value)}万元，金额不能为负数`,
  'fee.decimals': (d) => `${s(d.cell)}为${s(d.value)}，超过4位小数（万元保留4位小数即精确到元）`,
  'fee.unit': (d) =>
    `${s(d.cell)}填写了“${s(d.text)}”，带有单位“${s(d.unit)}”：本栏单位为万元，应只填数字${s(d.wanYuan)}`,
  'fee.magnitude': (d) => `${s(d.cell)}为${s(d.value)}万元（${s(d.yi)}亿元），请确认是否把“元”误填为“万元”`,

  'blank.cell': (d) => `${s(d.cell)}为空白，应填写0（核对时按0计）`,
  'blank.placeholder': (d) => `${s(d.cell)}填写了“${s(d.text)}”，应填写数字，没有则填0（核对时按0计）`,

  'section.missing-narrative': (d) => `缺少“${s(d.title)}”部分`,
  'section.missing-table': (d) => `缺少“${s(d.title)}”部分的表格`,
  'section.title-variant': (d) => `标题“${s(d.actual)}”是旧的或变体写法，2021年格式为“${s(d.title)}”`,
  'section.title-deviates': (d) => `标题“${s(d.actual)}”与2021年格式“${s(d.title)}”不一致`,
  'section.empty': (d) => `“${s(d.title)}”部分没有内容`,
  'section.none': (d) => `“${s(d.title)}”部分只写了“${s(d.text)}”，应如实说明情况`,

  'template.missing-cells': (d) =>
    `报告缺少2021年格式中的${s(d.rowCount)}行：${s(d.rows)}（共${s(d.cellCount)}个单元格），可能使用了旧模板；相关核对只按现有单元格进行`,

  'template.old-labels': (d) => `表格中有2019年试行格式的标签（${s(d.labels)}），请改用2021年格式（国办公开办函〔2021〕30号）`,

  'narrative.figure': (d) =>
    `“${s(d.section)}”中写“${s(d.clause)}”，文中为${s(d.stated)}${s(d.unit)}，但${s(d.cell)}为${s(d.actual)}${s(d.unit)}（相差${abs(d.diff)}）`,
  'narrative.no-fees': (d) => `“六、其他需要报告的事项”中写“${s(d.clause)}”，但${s(d.cell)}为${s(d.fees)}万元，请核对`,
  'copied.text': (d) => `“${s(d.section)}”与上年报告的相同内容占${s(d.percent)}%，请按本年情况撰写（格式要求避免内容雷同）`,
  'copied.table': (d) => `${s(d.table)}的数据与上年报告完全相同，请核实是否沿用了上年数据`,

  'year.title': (d) => `标题中的年度${s(d.titleYear)}与报告年度${s(d.year)}不一致`,
  'year.period': (d) => `开头段落的统计期限年度${s(d.periodYear)}与报告年度${s(d.year)}不一致`,
  'year.title-period': (d) => `标题中的年度${s(d.titleYear)}与开头段落的统计期限年度${s(d.periodYear)}不一致`,
  'year.previous': (d) => `用作上年报告的是${s(d.previousYear)}年度报告，本报告为${s(d.year)}年度，应为${s(d.expectedYear)}年度`,
};

export function renderMessage(messageId: string, data: FindingData): string {
  const t = MESSAGES[messageId];
  if (!t) throw new Error(`no message for ${messageId}`);
  return t(data);
}
