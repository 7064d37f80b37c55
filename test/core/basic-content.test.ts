/** Basic data, deadlines, required content and local rules: table-driven, valid and invalid cases. */
import {
  DEFAULT_CONFIG,
  describeConfig,
  emptyReport,
  incompleteTitle,
  inferBodyType,
  parseRuleConfig,
  readBodyType,
  runRules,
  type Report,
  type RuleConfig,
} from '../../src/core';
import { REV } from '../helpers/format';
import { consistentReport } from '../helpers/reports';

const base = consistentReport();
const brief = (r: Report, config?: RuleConfig) =>
  runRules(r, config ? { config } : {})
    .filter((f) => !['linear', 'value', 'blank'].includes(f.rule))
    .map((f) => `${f.rule} ${f.messageId}`);
const withMeta = (meta: Report['meta']): Report => ({ ...base, meta });
const withNarrative = (n: Partial<Report['narrative']>): Report => ({ ...base, narrative: { ...base.narrative, ...n } });
const config = (text: object): RuleConfig => {
  const r = parseRuleConfig(JSON.stringify(text));
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.config;
};

test('the complete base report passes every new rule', () => {
  expect(brief(base)).toEqual([]);
});

describe('basic data (meta-*)', () => {
  const { agency: _a, year: _y, office: _o, date: _d, contact: _c, ...rest } = base.meta;
  test.each<[string, Report['meta'], string[]]>([
    ['no 机关名称', { ...base.meta, agency: undefined } as Report['meta'], ['meta-agency meta.missing']],
    ['a blank 机关名称', { ...base.meta, agency: '  ' }, ['meta-agency meta.missing']],
    ['no 年度', { ...base.meta, year: undefined } as Report['meta'], ['meta-year meta.missing']],
    ['no 发布机关', { ...base.meta, office: undefined } as Report['meta'], ['meta-office meta.missing']],
    ['no 发布日期', { ...base.meta, date: undefined } as Report['meta'], ['meta-date meta.missing']],
    ['an unreadable 发布日期', { ...base.meta, date: '下周一' }, ['meta-date meta.date-unreadable']],
    ['an impossible 发布日期', { ...base.meta, date: '2024-13-45' }, ['meta-date meta.date-unreadable']],
    ['no 联系方式', { ...base.meta, contact: undefined } as Report['meta'], ['meta-contact meta.missing']],
    [
      'no meta at all',
      rest,
      ['meta-agency meta.missing', 'meta-year meta.missing', 'meta-office meta.missing', 'meta-date meta.missing', 'meta-contact meta.missing'],
    ],
  ])('%s', (_name, meta, expected) => {
    const r = withMeta(JSON.parse(JSON.stringify(meta)) as Report['meta']);
    expect(brief(r).filter((x) => x.startsWith('meta-'))).toEqual(expected);
  });

  test('errors for 机关名称 and 年度, warnings for the rest', () => {
    const findings = runRules(withMeta({}));
    const sev = Object.fromEntries(findings.filter((f) => f.rule.startsWith('meta-')).map((f) => [f.rule, f.severity]));
    expect(sev).toEqual({ 'meta-agency': 'error', 'meta-year': 'error', 'meta-office': 'warning', 'meta-date': 'warning', 'meta-contact': 'warning' });
  });

  test('an empty template: one error 报告尚未填写, no blank-cell warnings', () => {
    const empty = { ...emptyReport(REV), meta: base.meta, narrative: base.narrative };
    const findings = runRules(empty);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.messageId)).toEqual(['meta.unfilled']);
    expect(findings.some((f) => f.rule === 'blank-cell')).toBe(false);
    expect(findings[0]!.cells).toEqual(['table.active', 'table.requests', 'table.appeals']);
    expect(findings[0]!.message).toContain('报告尚未填写');
  });

  test('one filled cell: no longer unfilled, its blanks are warnings again', () => {
    const r = emptyReport(REV);
    r.values['active.licensing'] = 3;
    const findings = runRules({ ...r, meta: base.meta, narrative: base.narrative });
    expect(findings.some((f) => f.rule === 'meta-unfilled')).toBe(false);
    expect(findings.filter((f) => f.rule === 'blank-cell').length).toBe(REV.cells.length - 1);
  });

  test('the Word title is never incomplete', () => {
    expect(incompleteTitle(base)).toBeUndefined();
    expect(incompleteTitle(withMeta({ year: 2023 }))).toMatch(/机关名称/u);
    expect(incompleteTitle(withMeta({ agency: '某局' }))).toMatch(/年度/u);
    expect(incompleteTitle(withMeta({}))).toMatch(/机关名称和年度/u);
  });
});

describe('body type', () => {
  test.each<[string, string | undefined]>([
    ['城东区人民政府', 'government'],
    ['某省人民政府', 'government'],
    ['七家子镇人民政府', 'township'],
    ['某某乡人民政府', 'township'],
    ['城东区东风街道办事处', 'subdistrict'],
    ['城东区人民政府办公室', 'department'],
    ['湛江市人民政府地方志办公室', 'department'],
    ['长春市二道区房屋征收工作管理办公室', 'department'],
    ['城东区教育局', 'department'],
    ['城东区卫生健康委员会', 'department'],
    ['城东区政务服务中心', 'department'],
    ['城东区', undefined],
    ['我镇', undefined],
  ])('%s → %s', (name, type) => {
    expect(inferBodyType(name)?.type).toBe(type);
  });

  test.each<[string, string | undefined]>([
    ['县级以上人民政府', 'government'],
    ['人民政府', 'government'],
    ['乡镇人民政府', 'township'],
    ['乡镇', 'township'],
    ['街道', 'subdistrict'],
    ['街道办事处', 'subdistrict'],
    ['政府部门', 'department'],
    ['部门', 'department'],
    ['department', 'department'],
    ['其他', undefined],
  ])('typed %s → %s', (text, type) => {
    expect(readBodyType(text)).toBe(type);
  });
});

describe('deadline (条例 第四十九条)', () => {
  const at = (agency: string, date: string, extra: Partial<Report['meta']> = {}) => withMeta({ ...base.meta, agency, date, ...extra });
  const dl = (r: Report, c?: RuleConfig) => runRules(r, c ? { config: c } : {}).filter((f) => f.rule === 'deadline');
  test.each<[string, Report, string[], number | undefined]>([
    ['a department on 1月31日', at('城东区教育局', '2024-01-31'), [], undefined],
    ['a department on 2月1日: 1 day late', at('城东区教育局', '2024-02-01'), ['deadline.late'], 1],
    ['a government on 3月31日', at('城东区人民政府', '2024-03-31'), [], undefined],
    ['a government on 4月2日: 2 days late', at('城东区人民政府', '2024-04-02'), ['deadline.late'], 2],
    ['a government on 2月10日 (its deadline is 3月31日)', at('城东区人民政府', '2024-02-10'), [], undefined],
    ['a township on 2月1日 (it reports as any other body, by 1月31日)', at('七家子镇人民政府', '2024-02-01'), ['deadline.late'], 1],
    ['a subdistrict in March', at('东风街道办事处', '2024-03-01'), ['deadline.late'], 30],
    ['inside the report year', at('城东区教育局', '2023-12-30'), ['deadline.in-year'], undefined],
    ['before the report year', at('城东区教育局', '2022-06-01'), ['deadline.before-year'], undefined],
    ['a name that says nothing: no deadline assumed', at('城东区', '2024-06-01'), [], undefined],
    ['stated type wins over the name', at('城东区', '2024-02-15', { bodyType: 'department' }), ['deadline.late'], 15],
    ['leap year counted', at('城东区人民政府', '2024-05-01'), ['deadline.late'], 31],
  ])('%s', (_name, report, ids, days) => {
    const f = dl(report);
    expect(f.map((x) => x.messageId)).toEqual(ids);
    if (days !== undefined) expect(f[0]!.data.days).toBe(days);
  });

  test('late is a warning naming how the type was inferred; in-year is an error', () => {
    const [late] = dl(at('城东区教育局', '2024-02-05'));
    expect(late!.severity).toBe('warning');
    expect(late!.message).toBe('发布日期2024年2月5日晚于政府部门的发布期限2024年1月31日（迟5天；机关类型按名称以“局”结尾推断）');
    expect(dl(at('城东区教育局', '2023-05-01'))[0]!.severity).toBe('error');
  });

  test('a local deadline (earlier than the national one)', () => {
    const local = config({ deadlines: { department: '01-20' } });
    expect(dl(at('城东区教育局', '2024-01-25'), local).map((f) => f.data.days)).toEqual([5]);
    expect(dl(at('城东区教育局', '2024-01-25'))).toEqual([]);
  });
});

describe('required content (条例 第五十条)', () => {
  test.each<[string, Partial<Report['narrative']>, string[]]>([
    [
      'an overview on one aspect only',
      { overview: '本年度主动公开政府信息150条，开展了政策解读。' },
      [
        'content-topics content.assessment-missing',
        'content-topics content.topic-missing',
        'content-topics content.topic-missing',
        'content-topics content.topic-missing',
      ],
    ],
    [
      'the usual sub-headings in other words',
      {
        overview:
          '（一）主动公开情况。（二）依申请公开办理情况，全年收到公开申请。（三）政府信息管理。（四）平台建设：门户网站和政务新媒体。（五）监督保障：组织领导、业务培训，纳入考核；开展社会评议，无责任追究。',
      },
      [],
    ],
    [
      '问题 without measures',
      { problems: '一是主动公开的内容不够全面，部分栏目更新不及时。二是工作人员业务能力有待提高。' },
      ['content-improvement content.no-improvement'],
    ],
    ['问题 with 下一步', { problems: '一是主动公开的内容不够全面，部分栏目更新不及时。下一步，我们将加强培训。' }, []],
    ['问题 with 将进一步', { problems: '存在的问题是政策解读形式较为单一，我单位将进一步丰富解读形式，提高质量。' }, []],
    ['a one-liner', { problems: '工作还存在一些不足。' }, ['section-empty section.one-liner']],
    ['暂无问题', { problems: '暂无问题。' }, ['section-empty section.none']],
    ['六 without the fee statement', { other: '无其他需要报告的事项。' }, ['content-fee-statement content.no-fee-statement']],
    ['六 with the fee statement', { other: '本年度未收取政府信息公开信息处理费。' }, []],
    ['六 stating fees charged', { other: '本年度共收取信息处理费200元。' }, []],
  ])('%s', (_name, narrative, expected) => {
    expect(brief(withNarrative(narrative)).filter((x) => x.startsWith('content') || x.startsWith('section'))).toEqual(expected);
  });

  test('a department is not asked for 考核·评议·追究; a township government is', () => {
    const overview = '（一）主动公开。（二）依申请公开。（三）政府信息管理。（四）平台建设。（五）监督保障：组织培训，纳入年度考核。';
    const dept = { ...withNarrative({ overview }), meta: { ...base.meta, agency: '城东区教育局' } };
    const town = { ...withNarrative({ overview }), meta: { ...base.meta, agency: '七家子镇人民政府' } };
    expect(brief(dept).filter((x) => x.includes('assessment'))).toEqual([]);
    const [f] = runRules(town).filter((x) => x.messageId === 'content.assessment-missing');
    expect(f!.data).toEqual({ parts: '社会评议、责任追究', body: '乡镇人民政府' });
  });

  test('local topics: one dropped, one added', () => {
    const overview = '（一）主动公开。（二）依申请公开。（三）政府信息管理。（四）平台建设：门户网站。';
    const r = { ...withNarrative({ overview }), meta: { ...base.meta, agency: '城东区教育局' } };
    const topics = (c?: RuleConfig) =>
      runRules(r, c ? { config: c } : {})
        .filter((f) => f.rule === 'content-topics')
        .map((f) => f.data.topic);
    expect(topics()).toEqual(['监督保障']);
    expect(topics(config({ topics: { drop: ['监督保障'], add: [{ label: '政务公开专区', words: ['政务公开专区', '公开专区'] }] } }))).toEqual(['政务公开专区']);
  });

  test('length limits apply only when a local rule sets them', () => {
    const long = withNarrative({ overview: `${base.narrative.overview}${'开展工作。'.repeat(300)}` });
    expect(runRules(long).some((f) => f.rule === 'section-length')).toBe(false);
    const [f] = runRules(long, { config: config({ lengthLimits: { overview: 1000 } }) }).filter((x) => x.rule === 'section-length');
    expect(f!.data.limit).toBe(1000);
    expect(Number(f!.data.length)).toBeGreaterThan(1000);
  });
});

describe('rule configuration', () => {
  test('defaults are the national rules', () => {
    expect(DEFAULT_CONFIG.deadlines).toEqual({ government: '03-31', township: '01-31', subdistrict: '01-31', department: '01-31' });
    expect(DEFAULT_CONFIG.copiedShare).toBe(0.5);
    expect(describeConfig(DEFAULT_CONFIG)[0]).toContain('县级以上人民政府次年3月31日前');
  });

  test('a full configuration reads', () => {
    const c = config({
      deadlines: { department: '1-20', government: '03-15' },
      copiedShare: 0.4,
      lengthLimits: { overview: 1000 },
      topics: { add: [{ label: '专区', words: ['专区'] }], drop: ['监督保障'] },
      off: ['blank-cell'],
    });
    expect(c.deadlines).toEqual({ government: '03-15', township: '01-31', subdistrict: '01-31', department: '01-20' });
    expect(c.off).toEqual(['blank-cell']);
    expect(describeConfig(c).join('\n')).toContain('已关闭的规则：空白单元格（blank-cell）');
  });

  test.each<[string, string, RegExp]>([
    ['not JSON', '{', /JSON/u],
    ['an array', '[]', /对象/u],
    ['unknown field', '{"deadline": {}}', /未知字段“deadline”/u],
    ['unknown body type', '{"deadlines": {"county": "01-31"}}', /未知的机关类型/u],
    ['bad date', '{"deadlines": {"department": "02-30"}}', /月-日/u],
    ['share out of range', '{"copiedShare": 50}', /0 到 1/u],
    ['bad length', '{"lengthLimits": {"overview": -1}}', /正整数/u],
    ['bad topic', '{"topics": {"add": [{"label": "x"}]}}', /words/u],
    ['unknown rule', '{"off": ["no-such-rule"]}', /未知的规则/u],
  ])('%s: a Chinese problem', (_name, text, message) => {
    const r = parseRuleConfig(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.join('\n')).toMatch(message);
  });

  test('a rule switched off reports nothing', () => {
    const r = withMeta({ ...base.meta, contact: undefined } as Report['meta']);
    expect(runRules(JSON.parse(JSON.stringify(r))).some((f) => f.rule === 'meta-contact')).toBe(true);
    expect(runRules(JSON.parse(JSON.stringify(r)), { config: config({ off: ['meta-contact'] }) }).some((f) => f.rule === 'meta-contact')).toBe(false);
  });
});

describe('leftovers of an old or another body’s report (leftover-text)', () => {
  const left = (overview: string, options: Parameters<typeof runRules>[1] = {}) =>
    runRules(withNarrative({ overview }), options)
      .filter((f) => f.rule === 'leftover-text')
      .map((f) => f.messageId);
  test.each<[string, string[]]>([
    ['2022年，我县认真贯彻落实条例。', ['leftover.year']],
    ['2022年度，本县主动公开信息。', ['leftover.year']],
    ['2023年，我县认真贯彻落实条例。', []],
    ['2024年，我县将继续推进政务公开。', []],
    ['自2019年以来，我县持续推进政务公开。', []],
    ['较2022年增加了3件。', []],
    ['依据2019年修订的条例开展工作。', []],
  ])('%s', (overview, expected) => {
    expect(left(overview)).toEqual(expected);
  });

  test("last year's body name, when last year's report was another body's", () => {
    const previous = { ...base, meta: { ...base.meta, agency: '邻县人民政府', year: 2022 } };
    expect(left('邻县人民政府高度重视政务公开。', { previous })).toEqual(['leftover.other-body']);
    expect(left('本县人民政府高度重视政务公开。', { previous })).toEqual([]);
  });

  test('names of bodies of the same kind checked together; a department naming its government is fine', () => {
    const mine = { ...withNarrative({ overview: '测试县民政局完善了公开目录。测试县人民政府统一部署。' }), meta: { ...base.meta, agency: '测试县教育局' } };
    const peers = [
      { ...base, meta: { ...base.meta, agency: '测试县民政局' } },
      { ...base, meta: { ...base.meta, agency: '测试县人民政府' } },
    ];
    const found = runRules(mine, { peers }).filter((f) => f.rule === 'leftover-text');
    expect(found.map((f) => f.data.name)).toEqual(['测试县民政局']);
  });
});
