/**
 * Narrative figures as real reports phrase them: every sentence with its expected verdict against
 * one report whose numbers are known. Zero false alarms; every planted mismatch found.
 */
import { runRules, type Report } from '../../src/core';
import { consistentReport, zeroSeed } from '../helpers/reports';

// The report the sentences are about: 新收13, 上年结转2, 办理12 (予以公开6, 部分公开2, 不予公开1, 无法提供2,
// 不予处理1), 结转下年度3; 行政复议3 (维持2, 纠正1), 行政诉讼1; 行政许可150, 行政处罚20, 行政强制0;
// 规范性文件制发3、废止1、现行有效12, 规章0; 行政事业性收费0.
function known(): Report {
  const seed = zeroSeed();
  const natural = seed.columns[0]!;
  natural.results[0] = 6; // 予以公开
  natural.results[1] = 2; // 部分公开
  natural.results[5] = 1; // （三）4.保护第三方合法权益
  natural.results[10] = 2; // （四）1.本机关不掌握
  natural.results[14] = 1; // （五）2.重复申请
  natural.carriedOver = 2;
  natural.carriedForward = 3;
  seed.appeals = [
    [2, 1, 0, 0],
    [1, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  seed.docs = [
    [0, 0, 0],
    [3, 1, 10],
  ];
  seed.singles = { licensing: 150, penalty: 20, coercion: 0, fees: 0 };
  return consistentReport(seed);
}

const report = known();
const flagged = (sentence: string, field: 'overview' | 'other' = 'overview') =>
  runRules({ ...report, narrative: { ...report.narrative, [field]: sentence } })
    .filter((f) => f.rule === 'narrative-figure')
    .map((f) => (f.messageId === 'narrative.no-fees' ? 'no-fees' : String(f.data.stated)));

// [sentence, the stated figures that disagree with the tables]
const CORPUS: [string, string[]][] = [
  // Requests received — agreeing, in many phrasings.
  ['2023年共收到政府信息公开申请13件。', []],
  ['全年共新收政府信息公开申请13件。', []],
  ['本年度受理政府信息公开申请13件，均在法定期限内答复。', []],
  ['共接收依申请公开申请十三件。', []],
  ['接到政府信息公开申请13件', []],
  ['共受理15件（含上年结转2件）。', []],
  ['共受理政府信息公开申请15件（含上年度结转2件），已全部办结。', []],
  ['上年结转2件。', []],
  ['上年度结转申请2件。', []],
  ['结转下年度继续办理3件。', []],
  ['结转至下一年度3件。', []],
  ['全年共办理依申请公开12件。', []],
  ['办理政府信息公开申请12件。', []],
  // Requests — planted mismatches.
  ['2023年共收到政府信息公开申请15件，均已办结。', ['15']],
  ['全年共新收政府信息公开申请十二件。', ['12']],
  ['共受理14件（含上年结转2件）。', ['14']],
  ['上年结转3件。', ['3']],
  ['结转下年度继续办理1件。', ['1']],
  ['全年共办理依申请公开10件。', ['10']],
  // Results.
  ['其中予以公开6件，部分公开2件，不予公开1件，无法提供2件，不予处理1件。', []],
  ['予以公开6件。', []],
  ['予以公开8件。', ['8']],
  ['部分公开3件。', ['3']],
  ['不予公开2件。', ['2']],
  ['无法提供两件。', []],
  ['不予处理5件。', ['5']],
  // Other applications: not disclosure requests.
  ['收到行政复议申请3件。', []], // a review, compared with 行政复议, not with the disclosure requests
  ['受理行政许可申请32999件。', []],
  ['共受理信访投诉申请40件。', []],
  ['收到举报申请7件。', []],
  // Appeals.
  ['被申请行政复议3件。', []],
  ['全年发生行政复议3起、行政诉讼1起。', []],
  ['行政复议被依法纠错97件。', []],
  ['行政复议结果维持2件。', []],
  ['行政复议尚未审结0件。', []],
  ['发生行政复议5件。', ['5']],
  ['行政诉讼2起。', ['2']],
  ['复议后起诉的行政诉讼0件。', []],
  // T2 — decisions and documents.
  ['全年作出行政许可决定150件、行政处罚20件。', []],
  ['全年作出行政许可决定160件。', ['160']],
  ['行政处罚21件。', ['21']],
  ['行政强制0件。', []],
  ['办理行政许可事项清单内事项200项。', []],
  ['本年制发规范性文件3件，废止规范性文件1件。', []],
  ['本年印发行政规范性文件3份。', []],
  ['出台了3份规范性文件。', []],
  ['出台了2份规范性文件。', ['2']],
  ['印发了两个规范性文件。', ['2']],
  ['制定规章0件。', []],
  ['发布规章1件。', ['1']],
  ['废止规范性文件2件。', ['2']],
  ['现行有效规范性文件12件。', []],
  ['收取行政事业性收费0万元。', []],
  ['收费金额5万元。', ['5']],
  // Comparisons and breakdowns are not totals.
  ['收到申请数量同比增长20件。', []],
  ['较上年减少3件。', []],
  ['比去年增加2件。', []],
  ['其中自然人申请10件。', []],
  ['另有3件正在办理中。', []],
  ['本年度收取信息处理费120元。', []],
  ['共转载发布各类新闻信息2248条。', []],
  ['共回复群众关切事项18件，回复率100%。', []],
  ['占比为50%。', []],
];

test('the corpus holds at least 60 sentences', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(60);
});

test.each(CORPUS)('%s', (sentence, expected) => {
  expect(flagged(sentence)).toEqual(expected);
});

describe('section 六 and fees', () => {
  const withFees = { ...report, values: { ...report.values, 'active.fees': 2.5 } };
  const six = (text: string) =>
    runRules({ ...withFees, narrative: { ...withFees.narrative, other: text } })
      .filter((f) => f.rule === 'narrative-figure')
      .map((f) => f.messageId);
  test.each<[string, string[]]>([
    ['本年度未收取政府信息公开相关费用。', []],
    ['本年度未收取信息处理费。', []],
    ['依申请公开未收取任何费用。', []],
    ['本年度未收取任何费用。', ['narrative.no-fees']],
    ['本机关没有收取费用。', ['narrative.no-fees']],
  ])('%s', (text, expected) => {
    expect(six(text)).toEqual(expected);
  });
});

describe('the statistical period', () => {
  const period = (preamble: string) =>
    runRules({ ...report, narrative: { ...report.narrative, preamble } })
      .filter((f) => f.rule === 'year-mismatch')
      .map((f) => f.messageId);
  test.each<[string, string[]]>([
    ['本报告所列数据的统计期限为2023年1月1日至2023年12月31日。', []],
    ['统计期限为二〇二三年一月一日至二〇二三年十二月三十一日。', []],
    ['统计期限为二〇二二年一月一日至十二月三十一日。', ['year.period']],
    ['统计期限自2022年1月1日起至2022年12月31日止。', ['year.period']],
  ])('%s', (text, expected) => {
    expect(period(text)).toEqual(expected);
  });
});
