/**
 * The official 2021 format as data: sections, the three tables with their exact labels and merges,
 * and the cell keys of the spec. Everything else (rules, workbook, Word, importers) derives from here.
 * Source: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》.
 */
import type { GridRow, SectionFormat, TableFormat } from './types';

export const REPORT_FORMAT_ID = 'gov-info-annual-report/2021';

export const SECTIONS: readonly SectionFormat[] = [
  { id: 'overview', title: '一、总体情况', variants: [], content: { type: 'narrative', field: 'overview' } },
  { id: 'active', title: '二、主动公开政府信息情况', variants: [], content: { type: 'table', table: 'active' } },
  {
    id: 'requests',
    title: '三、收到和处理政府信息公开申请情况',
    variants: [],
    content: { type: 'table', table: 'requests' },
  },
  {
    id: 'appeals',
    title: '四、政府信息公开行政复议、行政诉讼情况',
    variants: ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
    content: { type: 'table', table: 'appeals' },
  },
  {
    id: 'problems',
    title: '五、存在的主要问题及改进情况',
    variants: ['五、政府信息公开工作存在的主要问题及改进情况'],
    content: { type: 'narrative', field: 'problems' },
  },
  { id: 'other', title: '六、其他需要报告的事项', variants: [], content: { type: 'narrative', field: 'other' } },
];

// ---------------------------------------------------------------------------------------------
// T2 — 二、主动公开政府信息情况

export const ACTIVE_DOC_COLUMNS = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
] as const;

export const ACTIVE_DOC_ROWS = [
  { key: 'active.regulations', label: '规章' },
  { key: 'active.normativeDocuments', label: '行政规范性文件' },
] as const;

/** Blocks of T2 after the first: one caption, one header, single-value rows. */
export const ACTIVE_SINGLE_BLOCKS = [
  {
    caption: '第二十条第（五）项',
    header: '本年处理决定数量',
    rows: [{ key: 'active.licensing', label: '行政许可', kind: 'count' }],
  },
  {
    caption: '第二十条第（六）项',
    header: '本年处理决定数量',
    rows: [
      { key: 'active.penalty', label: '行政处罚', kind: 'count' },
      { key: 'active.coercion', label: '行政强制', kind: 'count' },
    ],
  },
  {
    caption: '第二十条第（八）项',
    header: '本年收费金额（单位：万元）',
    rows: [{ key: 'active.fees', label: '行政事业性收费', kind: 'fee' }],
  },
] as const;

const INFO_CONTENT = '信息内容';

function buildActiveTable(): TableFormat {
  const rows: GridRow[] = [
    { cells: [{ type: 'label', text: '第二十条第（一）项', colSpan: 4, role: 'caption' }], header: true },
    {
      header: true,
      cells: [
        { type: 'label', text: INFO_CONTENT, role: 'header' },
        ...ACTIVE_DOC_COLUMNS.map((c) => ({ type: 'label' as const, text: c.label, role: 'header' as const })),
      ],
    },
    ...ACTIVE_DOC_ROWS.map((r) => ({
      cells: [
        { type: 'label' as const, text: r.label, role: 'rowLabel' as const },
        ...ACTIVE_DOC_COLUMNS.map((c) => ({ type: 'value' as const, key: `${r.key}.${c.key}` })),
      ],
    })),
  ];
  for (const block of ACTIVE_SINGLE_BLOCKS) {
    rows.push({ header: true, cells: [{ type: 'label', text: block.caption, colSpan: 4, role: 'caption' }] });
    rows.push({
      header: true,
      cells: [
        { type: 'label', text: INFO_CONTENT, role: 'header' },
        { type: 'label', text: block.header, colSpan: 3, role: 'header' },
      ],
    });
    for (const r of block.rows) {
      rows.push({
        cells: [
          { type: 'label', text: r.label, role: 'rowLabel' },
          { type: 'value', key: r.key, colSpan: 3 },
        ],
      });
    }
  }
  return { id: 'active', section: 'active', name: '表二（主动公开）', columns: 4, rows };
}

// ---------------------------------------------------------------------------------------------
// T3 — 三、收到和处理政府信息公开申请情况

export const REQUEST_COLUMNS = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'nonprofit', label: '社会公益组织' },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'other', label: '其他' },
  { key: 'total', label: '总计' },
] as const;

export type RequestColumnKey = (typeof REQUEST_COLUMNS)[number]['key'];

/** The six applicant columns whose sum is the 总计 column. */
export const REQUEST_PART_COLUMNS = REQUEST_COLUMNS.filter((c) => c.key !== 'total');

export const REQUESTS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';
export const LEGAL_PERSON_HEADER = '法人或其他组织';

type RequestRow = { key: string; label: string; short: string };
type RequestGroup = { label: string; rows: RequestRow[] };

export const REQUEST_FIRST_ROWS: readonly RequestRow[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', short: '一、本年新收申请' },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', short: '二、上年结转申请' },
];

export const RESULTS_LABEL = '三、本年度办理结果';

/** The result rows under 三、本年度办理结果: single rows and groups with numbered sub-rows. */
export const REQUEST_RESULT_ITEMS: readonly (RequestRow | RequestGroup)[] = [
  { key: 'disclosed', label: '（一）予以公开', short: '（一）予以公开' },
  {
    key: 'partlyDisclosed',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    short: '（二）部分公开',
  },
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
      {
        key: 'notProcessed.confirmation',
        label: '5.要求行政机关确认或重新出具已获取信息',
        short: '（五）5.要求行政机关确认或重新出具已获取信息',
      },
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
];

export const REQUEST_TOTAL_HANDLED: RequestRow = { key: 'totalHandled', label: '（七）总计', short: '（七）总计' };
export const REQUEST_CARRIED_FORWARD: RequestRow = {
  key: 'carriedForward',
  label: '四、结转下年度继续办理',
  short: '四、结转下年度继续办理',
};

function isGroup(item: RequestRow | RequestGroup): item is RequestGroup {
  return 'rows' in item;
}

/** The 21 result rows (disclosed … otherHandling.other), in table order. */
export const REQUEST_RESULT_ROWS: readonly RequestRow[] = REQUEST_RESULT_ITEMS.flatMap((item) =>
  isGroup(item) ? item.rows : [item],
);

/** All 25 T3 rows in table order. */
export const REQUEST_ROWS: readonly RequestRow[] = [
  ...REQUEST_FIRST_ROWS,
  ...REQUEST_RESULT_ROWS,
  REQUEST_TOTAL_HANDLED,
  REQUEST_CARRIED_FORWARD,
];

export function requestKey(row: string, column: RequestColumnKey): string {
  return `requests.${row}.${column}`;
}

function requestValues(rowKey: string) {
  return REQUEST_COLUMNS.map((c) => ({ type: 'value' as const, key: requestKey(rowKey, c.key) }));
}

function buildRequestsTable(): TableFormat {
  const rows: GridRow[] = [
    {
      header: true,
      cells: [
        { type: 'label', text: REQUESTS_NOTE, rowSpan: 3, colSpan: 3, role: 'note' },
        { type: 'label', text: APPLICANT_HEADER, colSpan: 7, role: 'header' },
      ],
    },
    {
      header: true,
      cells: [
        { type: 'label', text: REQUEST_COLUMNS[0].label, rowSpan: 2, role: 'header' },
        { type: 'label', text: LEGAL_PERSON_HEADER, colSpan: 5, role: 'header' },
        { type: 'label', text: REQUEST_COLUMNS[6].label, rowSpan: 2, role: 'header' },
      ],
    },
    {
      header: true,
      cells: REQUEST_COLUMNS.slice(1, 6).map((c) => ({ type: 'label' as const, text: c.label, role: 'header' as const })),
    },
  ];
  for (const r of REQUEST_FIRST_ROWS) {
    rows.push({ cells: [{ type: 'label', text: r.label, colSpan: 3, role: 'rowLabel' }, ...requestValues(r.key)] });
  }
  const resultRowCount = REQUEST_RESULT_ROWS.length + 1; // the 21 result rows and （七）总计
  let first = true;
  for (const item of REQUEST_RESULT_ITEMS) {
    const lead = first
      ? [{ type: 'label' as const, text: RESULTS_LABEL, rowSpan: resultRowCount, role: 'rowLabel' as const }]
      : [];
    first = false;
    if (isGroup(item)) {
      item.rows.forEach((r, i) => {
        const groupCell =
          i === 0 ? [{ type: 'label' as const, text: item.label, rowSpan: item.rows.length, role: 'rowLabel' as const }] : [];
        rows.push({
          cells: [
            ...(i === 0 ? lead : []),
            ...groupCell,
            { type: 'label', text: r.label, role: 'rowLabel' },
            ...requestValues(r.key),
          ],
        });
      });
    } else {
      rows.push({
        cells: [...lead, { type: 'label', text: item.label, colSpan: 2, role: 'rowLabel' }, ...requestValues(item.key)],
      });
    }
  }
  rows.push({
    cells: [
      { type: 'label', text: REQUEST_TOTAL_HANDLED.label, colSpan: 2, role: 'rowLabel' },
      ...requestValues(REQUEST_TOTAL_HANDLED.key),
    ],
  });
  rows.push({
    cells: [
      { type: 'label', text: REQUEST_CARRIED_FORWARD.label, colSpan: 3, role: 'rowLabel' },
      ...requestValues(REQUEST_CARRIED_FORWARD.key),
    ],
  });
  return { id: 'requests', section: 'requests', name: '表三（依申请公开）', columns: 10, rows };
}

// ---------------------------------------------------------------------------------------------
// T4 — 四、政府信息公开行政复议、行政诉讼情况

export const APPEAL_GROUPS = [
  { key: 'review', label: '行政复议', name: '行政复议' },
  { key: 'litigationDirect', label: '未经复议直接起诉', name: '行政诉讼（未经复议直接起诉）' },
  { key: 'litigationAfterReview', label: '复议后起诉', name: '行政诉讼（复议后起诉）' },
] as const;

export const APPEAL_LITIGATION_HEADER = '行政诉讼';

export const APPEAL_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

export function appealKey(group: string, column: string): string {
  return `appeals.${group}.${column}`;
}

function buildAppealsTable(): TableFormat {
  const headers = (rowSpan?: number) =>
    APPEAL_COLUMNS.map((c) => ({ type: 'label' as const, text: c.label, role: 'header' as const, ...(rowSpan ? { rowSpan } : {}) }));
  const rows: GridRow[] = [
    {
      header: true,
      cells: [
        { type: 'label', text: APPEAL_GROUPS[0].label, colSpan: 5, role: 'header' },
        { type: 'label', text: APPEAL_LITIGATION_HEADER, colSpan: 10, role: 'header' },
      ],
    },
    {
      header: true,
      cells: [
        ...headers(2),
        { type: 'label', text: APPEAL_GROUPS[1].label, colSpan: 5, role: 'header' },
        { type: 'label', text: APPEAL_GROUPS[2].label, colSpan: 5, role: 'header' },
      ],
    },
    { header: true, cells: [...headers(), ...headers()] },
    { cells: APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => ({ type: 'value' as const, key: appealKey(g.key, c.key) }))) },
  ];
  return { id: 'appeals', section: 'appeals', name: '表四（复议诉讼）', columns: 15, rows };
}

export const TABLES: readonly TableFormat[] = [buildActiveTable(), buildRequestsTable(), buildAppealsTable()];
