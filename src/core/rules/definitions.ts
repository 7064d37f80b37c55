import type { RuleDefinition, RuleId } from './types';

/** One line per public rule id: its Chinese title and severity (spec: "Cross-check rules"). */
export const RULE_DEFINITIONS: Record<RuleId, RuleDefinition> = {
  'section-missing': { id: 'section-missing', title: '缺少必备部分', severity: 'error', needsPrevious: false },
  'section-title': { id: 'section-title', title: '部分标题与格式不一致', severity: 'warning', needsPrevious: false },
  'section-empty': { id: 'section-empty', title: '部分内容为空或仅写“无”', severity: 'warning', needsPrevious: false },
  'old-template': { id: 'old-template', title: '旧模板或缺少2021年格式的行', severity: 'warning', needsPrevious: false },
  'year-mismatch': { id: 'year-mismatch', title: '年度不一致', severity: 'warning', needsPrevious: false },
  'whole-number': { id: 'whole-number', title: '数量应为非负整数', severity: 'error', needsPrevious: false },
  'fee-amount': { id: 'fee-amount', title: '收费金额（万元）', severity: 'error/warning', needsPrevious: false },
  'blank-cell': { id: 'blank-cell', title: '空白单元格', severity: 'warning', needsPrevious: false },
  'row-total': { id: 'row-total', title: '行合计（总计列）', severity: 'error', needsPrevious: false },
  'handled-total': { id: 'handled-total', title: '办理结果总计', severity: 'error', needsPrevious: false },
  balance: { id: 'balance', title: '收支平衡（第一项＋第二项＝第三项＋第四项）', severity: 'error', needsPrevious: false },
  'appeal-total': { id: 'appeal-total', title: '复议诉讼总计', severity: 'error', needsPrevious: false },
  'in-force-bound': { id: 'in-force-bound', title: '现行有效件数下限', severity: 'warning', needsPrevious: false },
  'carry-over': { id: 'carry-over', title: '上年结转与上年报告一致', severity: 'warning', needsPrevious: true },
  'in-force-continuity': { id: 'in-force-continuity', title: '现行有效件数与上年衔接', severity: 'warning', needsPrevious: true },
  'narrative-figure': { id: 'narrative-figure', title: '正文中的数字与表格一致', severity: 'warning', needsPrevious: false },
  'copied-text': { id: 'copied-text', title: '内容与上年雷同', severity: 'warning', needsPrevious: true },
};
