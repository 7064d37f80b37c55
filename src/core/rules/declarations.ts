/**
 * Every rule, declared once (ESLint's model): its id, family, severity, Chinese title, what it checks
 * in one sentence, the official source it comes from, and its messages — each a message id with
 * the data it needs and its Chinese text. A family reports a finding by rule and message id; a
 * wrong id or a missing data key does not compile. The wording lives only here.
 */
import type { FindingData, Severity } from './types';

/**
 * A message: the text built from the finding's data, a severity when it differs from the rule's,
 * and what several findings of it say together (“14个单元格为空白，应填写0”) when they are grouped.
 */
export type MessageDecl<D extends FindingData> = { text: (d: D) => string; severity?: Severity; group?: (count: number) => string };

export type Family = 'linear' | 'value' | 'blank' | 'section' | 'template' | 'year' | 'figure' | 'copied' | 'meta' | 'deadline' | 'content' | 'register';

export type RuleDecl = {
  family: Family;
  severity: Severity;
  title: string;
  description: string;
  /** Where the rule comes from: an article of the 条例, the format notice, the note printed on table 三, or 本工具补充. */
  source: string;
  /** Needs last year's report. */
  needsPrevious: boolean;
  messages: Readonly<Record<string, MessageDecl<never>>>;
};

/** A difference as a magnitude (its sign is in the wording). */
const abs = (v: number): string => (typeof v === 'number' ? String(Math.abs(v)) : String(v));

const msg = <D extends FindingData>(text: (d: D) => string, severity?: Severity, group?: (count: number) => string): MessageDecl<D> => ({
  text,
  ...(severity ? { severity } : {}),
  ...(group ? { group } : {}),
});

/** What a linear relation reports: the terms with their values, both sides' totals, the difference. */
export type LinearData = {
  scope: string;
  cell: string;
  actualText: string;
  partsLabel: string;
  leftText: string;
  rightText: string;
  left: string;
  right: string;
  expected: string;
  diff: number;
};

const SUM_MISMATCH = msg<LinearData>((d) => `${d.cell}为${d.actualText}，但${d.partsLabel}之和为${d.expected}（相差${abs(d.diff)}）`);

type Cell = { cell: string };
type CellText = Cell & { text: string };
type CellValue = Cell & { value: string };
type Title = { title: string };

const EXCEL_ERROR = msg<Cell & { code: string }>((d) => `${d.cell}是错误值${d.code}，请检查该单元格的公式`);
const FORMULA_TEXT = msg<CellText>((d) => `${d.cell}是公式文本“${d.text}”而不是数值，请检查单元格格式`);

const FORMAT = '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》';
const TOOL = '本工具补充';
const ART49 = '《中华人民共和国政府信息公开条例》第四十九条';
const ART50 = '《中华人民共和国政府信息公开条例》第五十条';

type Field = { field: string };
const META_MISSING = msg<Field>((d) => `报告没有填写${d.field}`);

export const RULES = {
  'meta-unfilled': {
    family: 'meta',
    severity: 'error',
    title: '报告尚未填写',
    description: '表格中的数值都还是空白：报告尚未填写，先填写表格再检查。',
    source: FORMAT,
    needsPrevious: false,
    messages: { 'meta.unfilled': msg<{ cells: number }>((d) => `报告尚未填写：表格的${d.cells}个单元格都是空白，请先填写（没有的填0）`) },
  },
  'meta-agency': {
    family: 'meta',
    severity: 'error',
    title: '缺少机关名称',
    description: '报告标题以机关名称开头（“××2023年政府信息公开工作年度报告”），必须填写。',
    source: `${FORMAT}（标题）`,
    needsPrevious: false,
    messages: { 'meta.missing': META_MISSING },
  },
  'meta-year': {
    family: 'meta',
    severity: 'error',
    title: '缺少报告年度',
    description: '报告的统计年度必须填写，标题和统计期限都以它为准。',
    source: `${FORMAT}（标题与统计期限）`,
    needsPrevious: false,
    messages: { 'meta.missing': META_MISSING },
  },
  'meta-office': {
    family: 'meta',
    severity: 'warning',
    title: '缺少发布机关',
    description: '报告末尾应署发布机关的名称。',
    source: TOOL,
    needsPrevious: false,
    messages: { 'meta.missing': META_MISSING },
  },
  'meta-date': {
    family: 'meta',
    severity: 'warning',
    title: '发布日期缺失或无法识别',
    description: '报告末尾应写明发布日期（如 2024年1月31日），发布期限据此核对。',
    source: ART49,
    needsPrevious: false,
    messages: {
      'meta.missing': META_MISSING,
      'meta.date-unreadable': msg<{ text: string }>((d) => `发布日期“${d.text}”无法识别，请写成“2024年1月31日”或“2024-01-31”`),
    },
  },
  'meta-contact': {
    family: 'meta',
    severity: 'warning',
    title: '缺少联系方式',
    description: '开头段落应写明对报告有疑问时的联系单位、地址和电话。',
    source: FORMAT,
    needsPrevious: false,
    messages: { 'meta.missing': META_MISSING },
  },
  deadline: {
    family: 'deadline',
    severity: 'warning',
    title: '发布日期与法定期限',
    description: '县级以上人民政府的年度报告在次年3月31日前公布，其他行政机关在次年1月31日前公布（可按本地规定设置）；发布日期不能在报告年度之内。',
    source: ART49,
    needsPrevious: false,
    messages: {
      'deadline.late': msg<{ date: string; deadline: string; days: number; body: string; by: string }>(
        (d) => `发布日期${d.date}晚于${d.body}的发布期限${d.deadline}（迟${d.days}天；机关类型${d.by}）`,
      ),
      'deadline.in-year': msg<{ date: string; year: number }>(
        (d) => `发布日期${d.date}在报告年度${d.year}年之内：年度报告应在次年公布，请核对日期或年度`,
        'error',
      ),
      'deadline.before-year': msg<{ date: string; year: number }>((d) => `发布日期${d.date}早于报告年度${d.year}年，请核对日期或年度`, 'error'),
    },
  },
  'content-topics': {
    family: 'content',
    severity: 'warning',
    title: '总体情况应涵盖的方面',
    description: '“一、总体情况”应说明主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面；人民政府还应报告工作考核、社会评议和责任追究结果情况。',
    source: `${ART50}；${FORMAT}`,
    needsPrevious: false,
    messages: {
      'content.topic-missing': msg<{ section: string; topic: string }>((d) => `“${d.section}”没有写到“${d.topic}”方面的情况`),
      'content.assessment-missing': msg<{ parts: string; body: string }>(
        (d) => `${d.body}的年度报告应包括工作考核、社会评议和责任追究结果情况，正文中没有写到：${d.parts}`,
      ),
    },
  },
  'content-improvement': {
    family: 'content',
    severity: 'warning',
    title: '存在的问题应有改进措施',
    description: '“五、存在的主要问题及改进情况”既要写问题，也要写改进的措施或计划。',
    source: ART50,
    needsPrevious: false,
    messages: { 'content.no-improvement': msg<{ section: string }>((d) => `“${d.section}”写了问题，但没有写改进措施（如“下一步”“将进一步”“整改”）`) },
  },
  'content-fee-statement': {
    family: 'content',
    severity: 'warning',
    title: '信息处理费收取情况',
    description: '“六、其他需要报告的事项”应说明本年度收取信息处理费的情况（没有收取也应写明）。',
    source: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    needsPrevious: false,
    messages: { 'content.no-fee-statement': msg<{ section: string }>((d) => `“${d.section}”没有说明信息处理费的收取情况（未收取也应写明）`) },
  },
  'section-length': {
    family: 'content',
    severity: 'warning',
    title: '篇幅超过本地规定',
    description: '本地规则规定了某部分的字数上限时，超过上限的部分。',
    source: '本地规则',
    needsPrevious: false,
    messages: {
      'section.too-long': msg<{ section: string; length: number; limit: number }>((d) => `“${d.section}”共${d.length}字，超过本地规定的${d.limit}字`),
    },
  },
  'section-missing': {
    family: 'section',
    severity: 'error',
    title: '缺少必备部分',
    description: '报告应包含格式规定的六个部分（一至六），表格部分应有对应的表格。',
    source: `《中华人民共和国政府信息公开条例》第五十条；${FORMAT}`,
    needsPrevious: false,
    messages: {
      'section.missing-narrative': msg<Title>((d) => `缺少“${d.title}”部分`),
      'section.missing-table': msg<Title>((d) => `缺少“${d.title}”部分的表格`),
    },
  },
  'section-title': {
    family: 'section',
    severity: 'warning',
    title: '部分标题与格式不一致',
    description: '各部分标题应使用格式规定的写法。',
    source: FORMAT,
    needsPrevious: false,
    messages: {
      'section.title-variant': msg<Title & { actual: string }>((d) => `标题“${d.actual}”是旧的或变体写法，2021年格式为“${d.title}”`),
      'section.title-deviates': msg<Title & { actual: string }>((d) => `标题“${d.actual}”与2021年格式“${d.title}”不一致`),
    },
  },
  'section-empty': {
    family: 'section',
    severity: 'warning',
    title: '部分内容为空或仅写“无”',
    description: '文字部分应如实说明情况，不能空着或只写“无”。',
    source: `《中华人民共和国政府信息公开条例》第五十条；${TOOL}`,
    needsPrevious: false,
    messages: {
      'section.empty': msg<Title>((d) => `“${d.title}”部分没有内容`),
      'section.none': msg<Title & { text: string }>((d) => `“${d.title}”部分只写了“${d.text}”，应如实说明情况`),
      'section.one-liner': msg<Title & { text: string }>((d) => `“${d.title}”部分只有一句“${d.text}”，应写明存在的主要问题和改进情况`),
    },
  },
  'old-template': {
    family: 'template',
    severity: 'warning',
    title: '旧模板或缺少2021年格式的行',
    description: '表格应使用2021年格式：有2019年试行格式的标签或缺少2021年格式的行，说明用了旧模板。',
    source: `${FORMAT}（替代国办公开办函〔2019〕60号）`,
    needsPrevious: false,
    messages: {
      'template.missing-cells': msg<{ rowCount: number; rows: string; cellCount: number }>(
        (d) => `报告缺少2021年格式中的${d.rowCount}行：${d.rows}（共${d.cellCount}个单元格），可能使用了旧模板；相关核对只按现有单元格进行`,
      ),
      'template.old-labels': msg<{ labels: string }>((d) => `表格中有2019年试行格式的标签（${d.labels}），请改用2021年格式（国办公开办函〔2021〕30号）`),
    },
  },
  'year-mismatch': {
    family: 'year',
    severity: 'warning',
    title: '年度不一致',
    description: '标题中的年度、开头段落的统计期限和报告年度应一致；上年报告应是上一年度的。',
    source: `${FORMAT}（标题与统计期限）`,
    needsPrevious: false,
    messages: {
      'year.title': msg<{ titleYear: number; year: number }>((d) => `标题中的年度${d.titleYear}与报告年度${d.year}不一致`),
      'year.period': msg<{ periodYear: number; year: number }>((d) => `开头段落的统计期限年度${d.periodYear}与报告年度${d.year}不一致`),
      'year.title-period': msg<{ titleYear: number; periodYear: number }>((d) => `标题中的年度${d.titleYear}与开头段落的统计期限年度${d.periodYear}不一致`),
      'year.previous': msg<{ previousYear: number; year: number; expectedYear: number }>(
        (d) => `用作上年报告的是${d.previousYear}年度报告，本报告为${d.year}年度，应为${d.expectedYear}年度`,
      ),
    },
  },
  'whole-number': {
    family: 'value',
    severity: 'error',
    title: '数量应为非负整数',
    description: '表格中的件数都是非负整数：不能是文字、单位、中文数字、负数、小数或错误值。',
    source: FORMAT,
    needsPrevious: false,
    messages: {
      'value.text': msg<CellText>((d) => `${d.cell}填写了文字“${d.text}”，应填写非负整数`),
      'value.unit': msg<CellText & { unit: string; number: string }>((d) => `${d.cell}填写了“${d.text}”，带有单位“${d.unit}”：请只填写数字${d.number}`),
      'value.chinese-numeral': msg<CellText & { number: number }>((d) => `${d.cell}填写了中文数字“${d.text}”，请填写阿拉伯数字${d.number}`),
      'value.excel-error': EXCEL_ERROR,
      'value.formula': FORMULA_TEXT,
      'value.negative': msg<CellValue>((d) => `${d.cell}为${d.value}，数量不能为负数`),
      'value.fraction': msg<CellValue>((d) => `${d.cell}为${d.value}，数量应为整数`),
      'value.too-large': msg<CellValue>((d) => `${d.cell}为${d.value}，数值过大，请核对`),
    },
  },
  'fee-amount': {
    family: 'value',
    severity: 'error',
    title: '收费金额（万元）',
    description: '行政事业性收费以万元为单位填写非负数，最多4位小数，不带单位。',
    source: `${FORMAT}（第二十条第（八）项“本年收费金额（单位：万元）”）`,
    needsPrevious: false,
    messages: {
      'value.excel-error': EXCEL_ERROR,
      'value.formula': FORMULA_TEXT,
      'fee.not-number': msg<CellText>((d) => `${d.cell}填写了“${d.text}”，应填写以万元为单位的金额（没有收费填0）`),
      'fee.negative': msg<CellValue>((d) => `${d.cell}为${d.value}万元，金额不能为负数`),
      'fee.decimals': msg<CellValue>((d) => `${d.cell}为${d.value}，超过4位小数（万元保留4位小数即精确到元）`, 'warning'),
      'fee.unit': msg<CellText & { unit: string; wanYuan: string }>(
        (d) => `${d.cell}填写了“${d.text}”，带有单位“${d.unit}”：本栏单位为万元，应只填数字${d.wanYuan}`,
        'warning',
      ),
      'fee.magnitude': msg<CellValue & { yi: string }>((d) => `${d.cell}为${d.value}万元（${d.yi}亿元），请确认是否把“元”误填为“万元”`, 'warning'),
    },
  },
  'blank-cell': {
    family: 'blank',
    severity: 'warning',
    title: '空白单元格',
    description: '没有的数量应填0，不要留空或填写“/”“无”；核对时按0计。',
    source: TOOL,
    needsPrevious: false,
    messages: {
      'blank.cell': msg<Cell>(
        (d) => `${d.cell}为空白，应填写0（核对时按0计）`,
        undefined,
        (n) => `${n}个单元格为空白，应填写0`,
      ),
      'blank.placeholder': msg<CellText>(
        (d) => `${d.cell}填写了“${d.text}”，应填写数字，没有则填0（核对时按0计）`,
        undefined,
        (n) => `${n}个单元格填写了“/”“无”等符号，应填写数字，没有则填0`,
      ),
    },
  },
  'row-total': {
    family: 'linear',
    severity: 'error',
    title: '总计列等于各申请人列之和',
    description: '表三每一行的总计列等于自然人列与法人或其他组织五列之和。',
    source: `${FORMAT}（表三表头：申请人情况）`,
    needsPrevious: false,
    messages: { 'sum.mismatch': SUM_MISMATCH },
  },
  'handled-total': {
    family: 'linear',
    severity: 'error',
    title: '办理结果总计等于各项结果之和',
    description: '表三“（七）总计”的每一列等于（一）至（六）各项办理结果之和。',
    source: `${FORMAT}（表三“三、本年度办理结果”）`,
    needsPrevious: false,
    messages: { 'sum.mismatch': SUM_MISMATCH },
  },
  balance: {
    family: 'linear',
    severity: 'error',
    title: '表三各列：一＋二＝三＋四',
    description: '表三每一列：本年新收加上年结转，等于办理结果总计加结转下年度继续办理。',
    source: '表三注释：本列数据的勾稽关系为第一项加第二项之和，等于第三项加第四项之和',
    needsPrevious: false,
    messages: {
      'balance.mismatch': msg<LinearData>(
        (d) =>
          `${d.scope}：${d.leftText}＝${d.left}，但${d.rightText}＝${d.right}（相差${abs(d.diff)}）；按格式要求，第一项加第二项之和应等于第三项加第四项之和`,
      ),
    },
  },
  'appeal-total': {
    family: 'linear',
    severity: 'error',
    title: '复议诉讼总计等于各项结果之和',
    description: '表四每组的“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。',
    source: `${FORMAT}（表四）`,
    needsPrevious: false,
    messages: { 'sum.mismatch': SUM_MISMATCH },
  },
  'in-force-bound': {
    family: 'linear',
    severity: 'warning',
    title: '现行有效件数不少于本年制发减废止',
    description: '本年制发且未废止的文件都在现行有效之列，现行有效件数不应少于本年制发减本年废止。',
    source: TOOL,
    needsPrevious: false,
    messages: {
      'bound.in-force': msg<LinearData>((d) => `${d.scope}现行有效件数为${d.actualText}，少于本年制发减本年废止（${d.rightText}＝${d.expected}），请核对`),
    },
  },
  'carry-over': {
    family: 'linear',
    severity: 'warning',
    title: '上年结转与上年报告一致',
    description: '本年“二、上年结转”应等于上年报告的“四、结转下年度继续办理”。',
    source: `${FORMAT}（表三第二项与第四项）；${TOOL}`,
    needsPrevious: true,
    messages: {
      'carry-over.mismatch': msg<LinearData>(
        (d) => `${d.scope}：本年“二、上年结转”为${d.actualText}，但上年报告“四、结转下年度继续办理”为${d.expected}（相差${abs(d.diff)}）`,
      ),
    },
  },
  'in-force-continuity': {
    family: 'linear',
    severity: 'warning',
    title: '现行有效件数与上年衔接',
    description: '现行有效件数应等于上年现行有效加本年制发减本年废止。',
    source: TOOL,
    needsPrevious: true,
    messages: {
      'in-force-continuity.mismatch': msg<LinearData>((d) => `${d.scope}现行有效件数为${d.actualText}，但${d.rightText}＝${d.expected}（相差${abs(d.diff)}）`),
    },
  },
  'narrative-figure': {
    family: 'figure',
    severity: 'warning',
    title: '正文中的数字与表格一致',
    description: '正文中写明的数量（如收到申请、行政复议、行政许可件数）应与表格中对应的单元格一致。',
    source: TOOL,
    needsPrevious: false,
    messages: {
      'narrative.figure': msg<{ section: string; clause: string; stated: string; unit: string; cell: string; actual: string; diff: number }>(
        (d) => `“${d.section}”中写“${d.clause}”，文中为${d.stated}${d.unit}，但${d.cell}为${d.actual}${d.unit}（相差${abs(d.diff)}）`,
      ),
      'narrative.no-fees': msg<{ clause: string; cell: string; fees: string }>(
        (d) => `“六、其他需要报告的事项”中写“${d.clause}”，但${d.cell}为${d.fees}万元，请核对`,
      ),
    },
  },
  'copied-text': {
    family: 'copied',
    severity: 'warning',
    title: '内容与上年雷同',
    description: '各部分文字和表格数据应按本年情况编写：与上年报告相同的内容超过一半（可按本地规则设置），或与一同检查的其他机关的报告几乎相同，都会被扣分。',
    source: `${FORMAT}（要求避免内容雷同）`,
    needsPrevious: true,
    messages: {
      'copied.text': msg<{ section: string; percent: number }>(
        (d) => `“${d.section}”与上年报告的相同内容占${d.percent}%，请按本年情况撰写（格式要求避免内容雷同）`,
      ),
      'copied.table': msg<{ table: string }>((d) => `${d.table}的数据与上年报告完全相同，请核实是否沿用了上年数据`),
      'copied.other-body': msg<{ section: string; other: string; percent: number }>(
        (d) => `“${d.section}”与${d.other}的报告相同内容占${d.percent}%，请按本机关情况撰写`,
      ),
    },
  },
  'leftover-text': {
    family: 'copied',
    severity: 'warning',
    title: '正文中残留其他年度或其他机关',
    description: '正文把其他年度写成本年度（如2023年报告中以“2022年，我局……”开头的句子），或写有其他机关的名称，多是沿用旧报告或他人报告时未改。',
    source: `${FORMAT}（要求避免内容雷同）；${TOOL}`,
    needsPrevious: false,
    messages: {
      'leftover.year': msg<{ section: string; sentence: string; stated: number; year: number }>(
        (d) => `“${d.section}”中“${d.sentence}”写的是${d.stated}年，本报告为${d.year}年度，请核对是否沿用了旧报告`,
      ),
      'leftover.other-body': msg<{ section: string; sentence: string; name: string }>(
        (d) => `“${d.section}”中“${d.sentence}”写有“${d.name}”，请核对是否沿用了其他机关的报告`,
      ),
    },
  },
  'register-entry': {
    family: 'register',
    severity: 'error',
    title: '登记台账的记录',
    description:
      '表三、表四由“申请台账”“复议诉讼”工作表计算时，每行的类别必须是2021年格式的类别（否则不计入表格），办完的申请要有办理结果，收到日期要在报告年度内（上年结转的申请在上年或更早）。',
    source: `${FORMAT}；${TOOL}`,
    needsPrevious: false,
    messages: {
      'register.unknown': msg<{ cell: string; column: string; value: string }>(
        (d) => `${d.cell}的${d.column}“${d.value}”不是2021年格式的类别，这一行不会计入表格，请从下拉列表中选择`,
      ),
      'register.missing': msg<{ cell: string; column: string; number: string }>(
        (d) => `${d.cell}（编号${d.number || '空'}）没有填写${d.column}，这一行不会计入表格`,
      ),
      'register.date-outside': msg<{ cell: string; date: string; year: number }>(
        (d) => `${d.cell}的收到日期${d.date}不在${d.year}年内，但没有标为上年结转，请核对日期或“是否上年结转”`,
        'warning',
      ),
      'register.carried-date': msg<{ cell: string; date: string; year: number }>(
        (d) => `${d.cell}标为上年结转，但收到日期${d.date}在${d.year}年内，请核对`,
        'warning',
      ),
      'register.carried-no-date': msg<{ cell: string }>((d) => `${d.cell}：上年结转的申请没有填写收到日期，请填写上年的收到日期`, 'warning'),
      'register.bad-date': msg<{ cell: string; text: string }>((d) => `${d.cell}的收到日期“${d.text}”无法识别，请写成 2023-03-15`, 'warning'),
    },
  },
} as const satisfies Record<string, RuleDecl>;

export type Rules = typeof RULES;
export type RuleId = keyof Rules;
export type MessageId<R extends RuleId> = keyof Rules[R]['messages'] & string;
export type MessageData<R extends RuleId, M extends MessageId<R>> = Rules[R]['messages'][M] extends MessageDecl<infer D> ? D : never;

/** The public rule ids in reporting order (structure first, then cells, then sums: a row total before the balance). */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

/** A rule declaration with its id, as listed by `rules` and shown next to a finding. */
export type RuleInfo = {
  id: RuleId;
  family: Family;
  severity: Severity;
  severities: Severity[];
  title: string;
  description: string;
  source: string;
  needsPrevious: boolean;
};

export function ruleInfo(id: RuleId): RuleInfo {
  const r: RuleDecl = RULES[id];
  const severities = new Set<Severity>([r.severity, ...Object.values(r.messages).map((m) => m.severity ?? r.severity)]);
  return {
    id,
    family: r.family,
    severity: r.severity,
    severities: (['error', 'warning'] as const).filter((x) => severities.has(x)),
    title: r.title,
    description: r.description,
    source: r.source,
    needsPrevious: r.needsPrevious,
  };
}

/** Renders a message of a rule (the data was checked by the compiler at the call). */
export function messageOf(rule: RuleId, messageId: string): MessageDecl<FindingData> {
  const m = (RULES[rule].messages as Readonly<Record<string, MessageDecl<never>>>)[messageId];
  if (!m) throw new Error(`rule ${rule} has no message ${messageId}`);
  return m as unknown as MessageDecl<FindingData>;
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告' };
