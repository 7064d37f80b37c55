/**
 * The 2021 official format: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》.
 * Its sections, the three tables with their exact labels and merges, how they are drawn, the labels
 * of the 2019 trial format it replaced (国办公开办函〔2019〕60号), and the figures a narrative states.
 */
import { FIGURE_GAP as GAP, FIGURE_NUMBER as N, type FigurePattern } from '../../narrative/figures';
import type { FormatTables } from '../build';
import { defineRevision } from '../revision';
import type { FormatSpec } from '../types';

const SPEC: FormatSpec = {
  id: 'gov-info-annual-report/2021',
  name: '2021年格式',
  source: '国办公开办函〔2021〕30号',
  sections: [
    { id: 'overview', title: '一、总体情况', variants: [], words: /总体情况|基本情况|概述/u, content: { type: 'narrative', field: 'overview' } },
    { id: 'active', title: '二、主动公开政府信息情况', variants: [], words: /主动公开/u, content: { type: 'table', table: 'active' } },
    {
      id: 'requests',
      title: '三、收到和处理政府信息公开申请情况',
      variants: [],
      words: /收到和处理|依申请公开|申请情况/u,
      content: { type: 'table', table: 'requests' },
    },
    {
      id: 'appeals',
      title: '四、政府信息公开行政复议、行政诉讼情况',
      variants: ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
      words: /行政复议|行政诉讼/u,
      content: { type: 'table', table: 'appeals' },
    },
    {
      id: 'problems',
      title: '五、存在的主要问题及改进情况',
      variants: ['五、政府信息公开工作存在的主要问题及改进情况'],
      words: /存在的主要问题|问题及改进|主要问题/u,
      content: { type: 'narrative', field: 'problems' },
    },
    { id: 'other', title: '六、其他需要报告的事项', variants: [], words: /其他需要报告|其他事项/u, content: { type: 'narrative', field: 'other' } },
  ],
  active: {
    name: '表二（主动公开）',
    infoHeader: '信息内容',
    documents: {
      caption: '第二十条第（一）项',
      columns: [
        { key: 'issued', label: '本年制发件数' },
        { key: 'repealed', label: '本年废止件数' },
        { key: 'inForce', label: '现行有效件数' },
      ],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normativeDocuments', label: '行政规范性文件' },
      ],
    },
    blocks: [
      { caption: '第二十条第（五）项', header: '本年处理决定数量', rows: [{ key: 'licensing', label: '行政许可', kind: 'count' }] },
      {
        caption: '第二十条第（六）项',
        header: '本年处理决定数量',
        rows: [
          { key: 'penalty', label: '行政处罚', kind: 'count' },
          { key: 'coercion', label: '行政强制', kind: 'count' },
        ],
      },
      { caption: '第二十条第（八）项', header: '本年收费金额（单位：万元）', rows: [{ key: 'fees', label: '行政事业性收费', kind: 'fee' }] },
    ],
  },
  requests: {
    name: '表三（依申请公开）',
    note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    applicantHeader: '申请人情况',
    legalPersonHeader: '法人或其他组织',
    columns: [
      { key: 'natural', label: '自然人' },
      { key: 'commercial', label: '商业企业' },
      { key: 'research', label: '科研机构' },
      { key: 'nonprofit', label: '社会公益组织' },
      { key: 'legalService', label: '法律服务机构' },
      { key: 'other', label: '其他' },
      { key: 'total', label: '总计' },
    ],
    newReceived: { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', short: '一、本年新收申请' },
    carriedOver: { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', short: '二、上年结转申请' },
    resultsLabel: '三、本年度办理结果',
    results: [
      { key: 'disclosed', label: '（一）予以公开', short: '（一）予以公开' },
      { key: 'partlyDisclosed', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', short: '（二）部分公开' },
      {
        label: '（三）不予公开',
        rows: [
          { key: 'withheld.stateSecret', label: '1.属于国家秘密', short: '（三）1.属于国家秘密' },
          { key: 'withheld.lawProhibited', label: '2.其他法律行政法规禁止公开', short: '（三）2.其他法律行政法规禁止公开' },
          { key: 'withheld.security', label: '3.危及“三安全一稳定”', short: '（三）3.危及“三安全一稳定”' },
          { key: 'withheld.thirdParty', label: '4.保护第三方合法权益', short: '（三）4.保护第三方合法权益' },
          { key: 'withheld.internal', label: '5.属于三类内部事务信息', short: '（三）5.属于三类内部事务信息' },
          { key: 'withheld.process', label: '6.属于四类过程性信息', short: '（三）6.属于四类过程性信息' },
          { key: 'withheld.enforcementFile', label: '7.属于行政执法案卷', short: '（三）7.属于行政执法案卷' },
          { key: 'withheld.query', label: '8.属于行政查询事项', short: '（三）8.属于行政查询事项' },
        ],
      },
      {
        label: '（四）无法提供',
        rows: [
          { key: 'unavailable.notHeld', label: '1.本机关不掌握相关政府信息', short: '（四）1.本机关不掌握相关政府信息' },
          { key: 'unavailable.needsCreation', label: '2.没有现成信息需要另行制作', short: '（四）2.没有现成信息需要另行制作' },
          { key: 'unavailable.unclear', label: '3.补正后申请内容仍不明确', short: '（四）3.补正后申请内容仍不明确' },
        ],
      },
      {
        label: '（五）不予处理',
        rows: [
          { key: 'notProcessed.petition', label: '1.信访举报投诉类申请', short: '（五）1.信访举报投诉类申请' },
          { key: 'notProcessed.repeated', label: '2.重复申请', short: '（五）2.重复申请' },
          { key: 'notProcessed.publication', label: '3.要求提供公开出版物', short: '（五）3.要求提供公开出版物' },
          { key: 'notProcessed.excessive', label: '4.无正当理由大量反复申请', short: '（五）4.无正当理由大量反复申请' },
          { key: 'notProcessed.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', short: '（五）5.要求行政机关确认或重新出具已获取信息' },
        ],
      },
      {
        label: '（六）其他处理',
        rows: [
          {
            key: 'otherHandling.noCorrection',
            label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
            short: '（六）1.逾期不补正不再处理',
          },
          {
            key: 'otherHandling.feeUnpaid',
            label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            short: '（六）2.逾期未缴费不再处理',
          },
          { key: 'otherHandling.other', label: '3.其他', short: '（六）3.其他' },
        ],
      },
    ],
    totalHandled: { key: 'totalHandled', label: '（七）总计', short: '（七）总计' },
    carriedForward: { key: 'carriedForward', label: '四、结转下年度继续办理', short: '四、结转下年度继续办理' },
  },
  appeals: {
    name: '表四（复议诉讼）',
    litigationHeader: '行政诉讼',
    groups: [
      { key: 'review', label: '行政复议', name: '行政复议' },
      { key: 'litigationDirect', label: '未经复议直接起诉', name: '行政诉讼（未经复议直接起诉）' },
      { key: 'litigationAfterReview', label: '复议后起诉', name: '行政诉讼（复议后起诉）' },
    ],
    columns: [
      { key: 'upheld', label: '结果维持' },
      { key: 'corrected', label: '结果纠正' },
      { key: 'other', label: '其他结果' },
      { key: 'pending', label: '尚未审结' },
      { key: 'total', label: '总计' },
    ],
  },
  geometry: {
    // Word: relative column widths and the table's font size. Sheet: label columns A–E (表三's row
    // labels span C–E), values from F. 表四 has 15 value columns and no labels: it starts at A, so
    // every table sits at the left margin and the widest (表四) sets a print scale that keeps the
    // text at about 10 pt on A4 landscape.
    active: { document: { widths: [0.34, 0.22, 0.22, 0.22], fontSize: 12 }, sheet: { offset: 0, spans: [5, 1, 1, 1] } },
    requests: {
      // Value columns hold three characters a line (“自然人”, “社会/公益/组织”); the group labels three, the item labels nine.
      document: { widths: [0.085, 0.106, 0.235, ...new Array<number>(7).fill(0.082)], fontSize: 10.5 },
      sheet: { offset: 0, spans: [1, 1, 3, ...new Array<number>(7).fill(1)] },
    },
    appeals: { document: { widths: new Array<number>(15).fill(1 / 15), fontSize: 10.5 }, sheet: { offset: 0, spans: new Array<number>(15).fill(1) } },
  },
  sheet: { labelWidths: [9, 9, 10, 10, 10], valueWidth: 9, valueColumns: 10 },
  legacy: {
    name: '2019年试行格式（国办公开办函〔2019〕60号）',
    shortName: '2019年格式',
    labels: [
      { text: '规范性文件', table: 'active' },
      { text: '本年新制作数量', table: 'active', otherQuantity: true },
      { text: '本年新公开数量', table: 'active', otherQuantity: true },
      { text: '对外公开总数量', table: 'active', otherQuantity: true },
      { text: '上一年项目数量', table: 'active', otherQuantity: true },
      { text: '本年增/减', table: 'active', otherQuantity: true },
      { text: '政府集中采购', table: 'active', otherQuantity: true },
    ],
    addedRows: ['otherHandling.other'],
    rowAliases: { normativeDocuments: ['规范性文件'] },
    collapsedRows: [{ text: '（六）其他处理', table: 'requests' }],
  },
  content: {
    // The aspects named by the format for 一、总体情况, with the sub-headings and phrases reports use for them.
    overviewTopics: [
      { label: '主动公开', words: /主动公开/u },
      { label: '依申请公开', words: /依申请公开|公开申请|申请公开/u },
      {
        label: '政府信息管理',
        words: /信息管理|公开属性|保密|审查|审核|三审|源头认定|公开目录|规范性文件(?:清理|管理|备案|审查)|政策解读|信息发布|制作、获取、保存/u,
      },
      { label: '政府信息公开平台建设', words: /平台建设|政府网站|门户网站|政务新媒体|公开专栏|公开专区|微信公众号|公开平台|信息公开栏/u },
      { label: '监督保障', words: /监督保障|监督检查|组织领导|工作机制|培训|考核|督查|督导|责任追究/u },
    ],
    governmentTopics: [
      { label: '工作考核', words: /考核/u },
      { label: '社会评议', words: /评议/u },
      { label: '责任追究', words: /责任追究|追究责任|问责/u },
    ],
    improvementWords: /改进|整改|下一步|下阶段|今后|将(?:进一步|继续|持续|加强|加大|完善|推进|强化|严格|认真|着力|重点|积极|不断)|措施|计划|努力|力争/u,
    feeStatement: /信息处理费|处理费/u,
  },
};

/** Verbs of issuing documents. */
const ISSUE = '制发|出台|印发|制定|发布';

/** Words of a clause about a part of the appeals (its results), not their number. */
const APPEAL_PART = /纠错|纠正|维持|驳回|撤销|确认违法|终止|审结|未结|结案|败诉|胜诉|正在|尚在/u;

/** The figures a 2021 narrative states, for any revision with the 2021 tables' rows (a later one may reuse them). */
export const FIGURES_2021 = (t: FormatTables): FigurePattern[] => {
  const k = t.keys;
  const resultTotals = (group: string) => t.resultRows.filter((r) => r.key.startsWith(`${group}.`)).map((r) => k.request(r.key, 'total'));
  const clause = (head: string, tail: string) => new RegExp(`${head}${GAP}${N}${tail}`, 'u');
  return [
    {
      id: 'requests.received',
      label: '本年新收申请',
      pattern: new RegExp(`(?:新收|收到|受理|接收|接到)${GAP}申请${GAP}${N}件`, 'u'),
      cells: [k.request('newReceived', 'total')],
      kind: 'count',
      notInBreakdown: true,
      // Other applications (复议, 许可, 信访…) are not disclosure requests; a total with last year's is the next pattern's.
      unless: /结转|复议|诉讼|许可|审批|信访|投诉|举报|依申请(?!公开)/u,
    },
    {
      id: 'requests.receivedWithCarried',
      label: '本年新收与上年结转申请',
      // 共受理41件（含上年结转3件）: this year's and last year's together.
      pattern: new RegExp(`(?:受理|收到|接收|接到|办理)${GAP}${N}件[（(]含(?:上年度?|去年)结转`, 'u'),
      cells: [k.request('newReceived', 'total'), k.request('carriedOver', 'total')],
      kind: 'count',
      notInBreakdown: true,
      unless: /复议|诉讼|许可|审批|信访|投诉|举报/u,
    },
    {
      id: 'requests.handled',
      label: '办理申请',
      pattern: new RegExp(`办理${GAP}(?:依申请公开|申请)${GAP}${N}件`, 'u'),
      cells: [k.request('totalHandled', 'total')],
      kind: 'count',
      notInBreakdown: true,
      unless: /结转|复议|诉讼|许可|审批|信访|投诉|举报/u,
    },
    { id: 'requests.carriedOver', label: '上年结转申请', pattern: clause('上年度?结转', '件'), cells: [k.request('carriedOver', 'total')], kind: 'count' },
    {
      id: 'requests.carriedForward',
      label: '结转下年度',
      pattern: clause('结转(?:至)?下(?:一)?年度?', '件'),
      cells: [k.request('carriedForward', 'total')],
      kind: 'count',
    },
    { id: 'requests.disclosed', label: '予以公开', pattern: clause('予以公开', '件'), cells: [k.request('disclosed', 'total')], kind: 'count' },
    { id: 'requests.partly', label: '部分公开', pattern: clause('部分公开', '件'), cells: [k.request('partlyDisclosed', 'total')], kind: 'count' },
    { id: 'requests.withheld', label: '不予公开', pattern: clause('不予公开', '件'), cells: resultTotals('withheld'), kind: 'count' },
    { id: 'requests.unavailable', label: '无法提供', pattern: clause('无法提供', '件'), cells: resultTotals('unavailable'), kind: 'count' },
    { id: 'requests.notProcessed', label: '不予处理', pattern: clause('不予处理', '件'), cells: resultTotals('notProcessed'), kind: 'count' },
    {
      id: 'appeals.review',
      label: '行政复议',
      pattern: clause('行政复议', '(?:件|起|宗)'),
      cells: [k.appeal('review', 'total')],
      kind: 'count',
      // 被纠错97件, 维持3件: a part of the total, not the total.
      unless: APPEAL_PART,
    },
    {
      id: 'appeals.litigation',
      label: '行政诉讼',
      pattern: clause('行政诉讼', '(?:件|起|宗)'),
      cells: [k.appeal('litigationDirect', 'total'), k.appeal('litigationAfterReview', 'total')],
      kind: 'count',
      unless: new RegExp(`复议后|直接起诉|${APPEAL_PART.source}`, 'u'),
    },
    {
      id: 'active.licensing',
      label: '行政许可',
      pattern: clause('行政许可', '(?:件|项|个)'),
      cells: [k.single('licensing')],
      kind: 'count',
      // Decisions, not the applications received for them (受理行政许可申请…) or the list of items.
      unless: /事项|清单|申请|受理/u,
    },
    { id: 'active.penalty', label: '行政处罚', pattern: clause('行政处罚', '(?:件|起|宗|个)'), cells: [k.single('penalty')], kind: 'count' },
    { id: 'active.coercion', label: '行政强制', pattern: clause('行政强制', '(?:件|起|宗|个)'), cells: [k.single('coercion')], kind: 'count' },
    {
      id: 'active.regulations.issued',
      label: '本年制发规章',
      pattern: new RegExp(`(?:${ISSUE})(?:${GAP}规章${GAP}${N}(?:件|部|个)|了?${N}(?:件|部|个)规章)`, 'u'),
      cells: [k.document('regulations', 'issued')],
      kind: 'count',
    },
    {
      id: 'active.normativeDocuments.issued',
      label: '本年制发行政规范性文件',
      // The number after the noun (制发规范性文件3件) or before it (出台了2份规范性文件).
      pattern: new RegExp(`(?:${ISSUE})(?:${GAP}规范性文件${GAP}${N}(?:件|份|个)|了?${N}(?:件|份|个)(?:行政)?规范性文件)`, 'u'),
      cells: [k.document('normativeDocuments', 'issued')],
      kind: 'count',
    },
    {
      id: 'active.normativeDocuments.repealed',
      label: '本年废止行政规范性文件',
      pattern: new RegExp(`废止(?:${GAP}规范性文件${GAP}${N}(?:件|份|个)|了?${N}(?:件|份|个)(?:行政)?规范性文件)`, 'u'),
      cells: [k.document('normativeDocuments', 'repealed')],
      kind: 'count',
    },
    {
      id: 'active.fees',
      label: '行政事业性收费',
      pattern: clause('(?:行政事业性收费|收费金额)', '万元'),
      cells: [k.single('fees')],
      kind: 'fee',
      unless: /信息处理费/u,
    },
  ];
};

/** The 2021 format, the one in force. */
export const REVISION_2021 = defineRevision(SPEC, FIGURES_2021);
