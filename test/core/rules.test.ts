import { runRules, type Finding, type Report, type ReportValue } from '../../src/core';
import { consistentReport, withValues, zeroSeed } from '../helpers/reports';

/** A compact, wording-free view of a finding: rule, message id, cells. */
const brief = (f: Finding) => `${f.rule} ${f.messageId} ${f.cells.join(',')}`;
const briefs = (report: Report, previous?: Report) => runRules(report, { previous: previous }).map(brief);

function seeded(): Report {
  const seed = zeroSeed();
  seed.columns[0] = { results: [6, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0], carriedOver: 2, carriedForward: 1 };
  seed.appeals[0] = [0, 1, 0, 0];
  seed.docs = [
    [1, 0, 4],
    [3, 2, 4],
  ];
  seed.singles = { licensing: 32999, penalty: 115, coercion: 0, fees: 341.5979 };
  return consistentReport(seed);
}
const base = seeded();
const edit = (changes: Record<string, ReportValue | undefined>) => withValues(base, changes);

test('the consistent base report has no finding', () => {
  expect(briefs(base)).toEqual([]);
});

describe('family linear: sums, balance, bounds', () => {
  // Base natural column: newReceived 12, carriedOver 2, results 12, carriedForward 1 (12+2 = 12+... see seed).
  test.each<[string, Record<string, ReportValue>, string[]]>([
    [
      'row total off by one',
      { 'requests.disclosed.total': 7 },
      [
        'row-total sum.mismatch requests.disclosed.total,requests.disclosed.natural,requests.disclosed.commercial,requests.disclosed.research,requests.disclosed.nonprofit,requests.disclosed.legalService,requests.disclosed.other',
        'handled-total sum.mismatch requests.totalHandled.total,' +
          [
            'disclosed',
            'partlyDisclosed',
            'withheld.stateSecret',
            'withheld.lawProhibited',
            'withheld.security',
            'withheld.thirdParty',
            'withheld.internal',
            'withheld.process',
            'withheld.enforcementFile',
            'withheld.query',
            'unavailable.notHeld',
            'unavailable.needsCreation',
            'unavailable.unclear',
            'notProcessed.petition',
            'notProcessed.repeated',
            'notProcessed.publication',
            'notProcessed.excessive',
            'notProcessed.confirmation',
            'otherHandling.noCorrection',
            'otherHandling.feeUnpaid',
            'otherHandling.other',
          ]
            .map((r) => `requests.${r}.total`)
            .join(','),
      ],
    ],
  ])('%s', (_name, changes, expected) => {
    expect(briefs(edit(changes))).toEqual(expected);
  });

  test.each<[string, Record<string, ReportValue | undefined>, string[]]>([
    ['a part changed: its row total and its column total fail', { 'requests.disclosed.natural': 7 }, ['row-total', 'handled-total']],
    ['total handled changed: row total, handled total and balance fail', { 'requests.totalHandled.natural': 13 }, ['row-total', 'handled-total', 'balance']],
    ['carried forward changed: row total and balance fail', { 'requests.carriedForward.natural': 0 }, ['row-total', 'balance']],
    ['new received changed: row total and balance fail', { 'requests.newReceived.commercial': 1 }, ['row-total', 'balance']],
    ['appeal total wrong', { 'appeals.review.total': 2 }, ['appeal-total']],
    ['appeal part changed', { 'appeals.litigationDirect.pending': 1 }, ['appeal-total']],
    ['in force below issued − repealed', { 'active.regulations.inForce': 0 }, ['in-force-bound']],
    ['in force equal to issued − repealed is fine', { 'active.normativeDocuments.inForce': 1 }, []],
    ['a blank part counts as 0: one warning, no cascade', { 'requests.disclosed.commercial': null }, ['blank-cell']],
    ['a placeholder counts as 0: one warning, no cascade', { 'requests.withheld.query.total': '/' }, ['blank-cell']],
    ['a blank that breaks the numbers is still an error', { 'requests.disclosed.natural': null }, ['row-total', 'handled-total', 'blank-cell']],
    ['text in a part: the type error only, sums over it are skipped', { 'requests.disclosed.natural': '六' }, ['whole-number']],
    ['an absent part: sums use the cells that exist', { 'requests.otherHandling.other.natural': undefined }, ['old-template']],
  ])('%s', (_name, changes, expectedRules) => {
    const findings = runRules(edit(changes));
    expect([...new Set(findings.map((f) => f.rule))].sort()).toEqual([...expectedRules].sort());
  });

  test('the message states both numbers and the difference', () => {
    const [f] = runRules(
      edit({
        'requests.totalHandled.natural': 11,
        'requests.totalHandled.total': 11,
        'requests.carriedForward.natural': 2,
        'requests.carriedForward.total': 2,
      }),
    );
    expect(f).toMatchObject({ rule: 'handled-total', messageId: 'sum.mismatch', expected: 12, actual: 11 });
    expect(f!.message).toBe('（七）总计·自然人为11，但各项办理结果之和为12（相差1）');
  });

  test('balance message lists both sides', () => {
    const f = runRules(edit({ 'requests.carriedOver.natural': 3, 'requests.carriedOver.total': 3 })).find((x) => x.rule === 'balance');
    expect(f).toMatchObject({
      cells: ['requests.newReceived.natural', 'requests.carriedOver.natural', 'requests.totalHandled.natural', 'requests.carriedForward.natural'],
    });
    expect(f!.message).toContain('本年新收11＋上年结转3＝14');
    expect(f!.message).toContain('办理结果总计12＋结转下年度1＝13');
  });

  test('row-total is reported before balance and handled-total on the total column', () => {
    const rules = runRules(edit({ 'requests.totalHandled.total': 99 })).map((f) => f.rule);
    expect(rules).toEqual(['row-total', 'handled-total', 'balance']);
  });
});

describe('family linear across years', () => {
  const previous = withValues(consistentReport(), {});
  previous.meta = { ...previous.meta, year: 2022 };
  // Last year's text was its own: these cases are about the numbers.
  previous.narrative = { overview: '上一年度的总体情况另有写法。', problems: '上一年度的问题另有写法。', other: '上年依法收取信息处理费二百元。' };
  const prev = (changes: Record<string, ReportValue>) => ({ ...withValues(previous, changes), meta: previous.meta });

  test('matching carry-over and continuity: no finding', () => {
    const p = prev({
      'requests.carriedForward.natural': 2,
      'requests.carriedForward.total': 2,
      'active.regulations.inForce': 4,
      'active.normativeDocuments.inForce': 4,
    });
    expect(briefs(base, p)).toEqual([]);
  });

  test.each<[string, Record<string, ReportValue>, string[]]>([
    [
      'carry-over differs in two columns',
      { 'active.regulations.inForce': 4, 'active.normativeDocuments.inForce': 4 },
      ['carry-over carry-over.mismatch requests.carriedOver.natural', 'carry-over carry-over.mismatch requests.carriedOver.total'],
    ],
    [
      'in force does not continue',
      { 'requests.carriedForward.natural': 2, 'requests.carriedForward.total': 2, 'active.regulations.inForce': 3, 'active.normativeDocuments.inForce': 4 },
      ['in-force-continuity in-force-continuity.mismatch active.regulations.inForce,active.regulations.issued,active.regulations.repealed'],
    ],
  ])('%s', (_name, changes, expected) => {
    expect(briefs(base, prev(changes))).toEqual(expected);
  });

  test('without last year: no cross-year finding', () => {
    expect(runRules(base).some((f) => f.rule === 'carry-over' || f.rule === 'in-force-continuity')).toBe(false);
  });

  test('last year must be the year before', () => {
    const p = { ...previous, meta: { ...previous.meta, year: 2021 } };
    expect(runRules(base, { previous: p }).map((f) => f.messageId)).toContain('year.previous');
  });
});

describe('family value: whole numbers and the fee', () => {
  test.each<[string, ReportValue, string, string]>([
    ['negative count', -1, 'whole-number', 'value.negative'],
    ['fractional count', 1.5, 'whole-number', 'value.fraction'],
    ['huge count', 1e20, 'whole-number', 'value.too-large'],
    ['text', '不详', 'whole-number', 'value.text'],
    ['unit typed in', '0个', 'whole-number', 'value.unit'],
    ['Chinese numeral', '零', 'whole-number', 'value.chinese-numeral'],
    ['Excel error', '#REF!', 'whole-number', 'value.excel-error'],
    ['formula as text', '=B3+B4', 'whole-number', 'value.formula'],
  ])('%s in a count cell', (_name, value, rule, messageId) => {
    const findings = runRules(edit({ 'active.coercion': value }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule, messageId, severity: 'error', cells: ['active.coercion'] });
  });

  test.each<[string, ReportValue, string, string, string | undefined]>([
    ['fee with 5 decimals', 1.23456, 'warning', 'fee.decimals', undefined],
    ['fee in 元 typed with unit', '251000元', 'warning', 'fee.unit', '25.1'],
    ['fee with 万元 typed', '341.5979万元', 'warning', 'fee.unit', '341.5979'],
    ['fee that looks like 元', 3415979, 'warning', 'fee.magnitude', undefined],
    ['negative fee', -1, 'error', 'fee.negative', undefined],
    ['fee as text', '详见附件', 'error', 'fee.not-number', undefined],
    ['fee as Excel error', '#VALUE!', 'error', 'value.excel-error', undefined],
  ])('%s', (_name, value, severity, messageId, wanYuan) => {
    const findings = runRules(edit({ 'active.fees': value }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'fee-amount', severity, messageId, cells: ['active.fees'] });
    if (wanYuan) expect(findings[0]!.data.wanYuan).toBe(wanYuan);
  });

  test.each<[string, ReportValue]>([
    ['zero fee', 0],
    ['fee with 4 decimals', 341.5979],
    ['whole fee', 12],
  ])('%s is fine', (_name, value) => {
    expect(runRules(edit({ 'active.fees': value }))).toEqual([]);
  });

  test('a blank fee is a blank-cell warning only', () => {
    expect(briefs(edit({ 'active.fees': null }))).toEqual(['blank-cell blank.cell active.fees']);
  });
});

describe('family section and template', () => {
  const withNarrative = (narrative: Report['narrative'], meta: Report['meta'] = base.meta): Report => ({ ...base, narrative, meta });

  test.each<[string, Report, string[]]>([
    ['section 五 missing', withNarrative({ ...base.narrative, problems: undefined }), ['section-missing section.missing-narrative narrative.problems']],
    [
      'section 六 empty',
      withNarrative({ ...base.narrative, other: ' \n ' }),
      ['content-fee-statement content.no-fee-statement narrative.other', 'section-empty section.empty narrative.other'],
    ],
    ['section 五 just 无', withNarrative({ ...base.narrative, problems: '无。' }), ['section-empty section.none narrative.problems']],
    ['section 六 stating no other matters and the fee', withNarrative({ ...base.narrative, other: '本年度未收取信息处理费，无其他需要报告的事项。' }), []],
    [
      'section 六 without the 信息处理费 statement',
      withNarrative({ ...base.narrative, other: '无其他需要报告的事项。' }),
      ['content-fee-statement content.no-fee-statement narrative.other'],
    ],
    [
      'variant title of 四',
      withNarrative(base.narrative, { ...base.meta, sectionTitles: { appeals: '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况' } }),
      ['section-title section.title-variant table.appeals'],
    ],
    [
      'deviating title of 一',
      withNarrative(base.narrative, { ...base.meta, sectionTitles: { overview: '一、基本情况' } }),
      ['section-title section.title-deviates narrative.overview'],
    ],
    [
      'official title with spaces and half-width punctuation',
      withNarrative(base.narrative, { ...base.meta, sectionTitles: { overview: '一. 总体情况 ' } }),
      [],
    ],
  ])('%s', (_name, report, expected) => {
    expect(briefs(report)).toEqual(expected);
  });

  test('a table with no cell is a missing section, reported once', () => {
    const noT4 = edit(
      Object.fromEntries(
        Object.keys(base.values)
          .filter((k) => k.startsWith('appeals.'))
          .map((k) => [k, undefined]),
      ),
    );
    expect(briefs(noT4)).toEqual(['section-missing section.missing-table table.appeals']);
  });

  test('absent rows are one old-template finding with every absent cell', () => {
    const keys = Object.keys(base.values).filter((k) => k.startsWith('requests.otherHandling.other.'));
    const findings = runRules(edit(Object.fromEntries(keys.map((k) => [k, undefined]))));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'old-template', severity: 'warning', cells: keys, data: { rowCount: 1, rows: '（六）3.其他', cellCount: 7 } });
  });

  test('a single absent cell is named as a cell', () => {
    const findings = runRules(edit({ 'appeals.review.pending': undefined }));
    expect(findings.map((f) => f.data.rows)).toEqual(['行政复议·尚未审结']);
  });
});

describe('family year', () => {
  const withMeta = (meta: Report['meta'], preamble = base.narrative.preamble): Report => ({ ...base, meta, narrative: { ...base.narrative, preamble } });
  test.each<[string, Report, string[]]>([
    ['title year differs', withMeta({ ...base.meta, title: '测试县人民政府2022年政府信息公开工作年度报告' }), ['year.title']],
    ['title year in Chinese digits agrees', withMeta({ ...base.meta, title: '测试县人民政府二〇二三年政府信息公开工作年度报告' }), []],
    ['statistical period differs', withMeta(base.meta, '本年报所列数据的统计期限从2022年1月1日起至2022年12月31日止。'), ['year.period']],
    [
      'no year: title and period compared',
      withMeta({ title: '某局2023年政府信息公开工作年度报告' }, '统计期限为2022年1月1日至12月31日。'),
      ['year.title-period'],
    ],
    ['all agree', withMeta(base.meta, '统计期限为2023年1月1日至2023年12月31日。'), []],
  ])('%s', (_name, report, expected) => {
    expect(
      runRules(report)
        .filter((f) => f.rule === 'year-mismatch')
        .map((f) => f.messageId),
    ).toEqual(expected);
  });
});
