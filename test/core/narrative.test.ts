import fc from 'fast-check';
import { copiedShare, runRules, saysNoFees, statedFigures, type Report } from '../../src/core';
import { consistentReport, withValues, zeroSeed } from '../helpers/reports';
import { REV } from '../helpers/format';

describe('figures stated in the narrative', () => {
  test.each<[string, [string, number][]]>([
    ['全年共办理依申请公开12件', [['requests.handled', 12]]],
    ['共收到政府信息公开申请15件', [['requests.received', 15]]],
    ['本年度新收政府信息公开申请十二件', [['requests.received', 12]]],
    ['受理依申请公开申请1,024件，均按时答复', [['requests.received', 1024]]],
    [
      '其中予以公开6件、部分公开1件',
      [
        ['requests.disclosed', 6],
        ['requests.partly', 1],
      ],
    ],
    [
      '不予公开2件，无法提供3件，不予处理4件',
      [
        ['requests.withheld', 2],
        ['requests.unavailable', 3],
        ['requests.notProcessed', 4],
      ],
    ],
    [
      '上年结转2件，结转下年度继续办理1件',
      [
        ['requests.carriedOver', 2],
        ['requests.carriedForward', 1],
      ],
    ],
    [
      '被申请行政复议1件，提起行政诉讼2起',
      [
        ['appeals.review', 1],
        ['appeals.litigation', 2],
      ],
    ],
    [
      '全年作出行政许可决定32999件、行政处罚115件',
      [
        ['active.licensing', 32999],
        ['active.penalty', 115],
      ],
    ],
    [
      '本年制发规范性文件3件，废止规范性文件2件',
      [
        ['active.normativeDocuments.issued', 3],
        ['active.normativeDocuments.repealed', 2],
      ],
    ],
    ['收取行政事业性收费341.5979万元', [['active.fees', 341.5979]]],
    // Sentences that must yield nothing.
    ['其中自然人申请10件', []],
    ['收到申请数量同比增长20件', []],
    ['较上年减少3件', []],
    ['本年度收取信息处理费120元', []],
    ['共转载发布各类新闻信息2248条', []],
    ['共回复群众关切事项18件，回复率100%', []],
    [
      '收到申请12件（含上年结转2件）',
      [
        ['requests.receivedWithCarried', 12],
        ['requests.carriedOver', 2],
      ],
    ],
    ['现行有效规范性文件5件', []],
  ])('%s', (sentence, expected) => {
    expect(statedFigures(sentence, 'overview', REV.figures).map((f) => [f.pattern.id, f.value])).toEqual(expected);
  });

  test('section 六 saying no fees were charged, not about 信息处理费', () => {
    expect(saysNoFees('本年度未收取任何费用。')).toBe('本年度未收取任何费用');
    expect(saysNoFees('本年度未收取依申请公开信息处理费；无其他需要报告的事项。')).toBeUndefined();
  });
});

describe('rule narrative-figure', () => {
  const seed = zeroSeed();
  seed.columns[0] = { results: [6, 1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0], carriedOver: 0, carriedForward: 0 };
  seed.singles = { licensing: 32999, penalty: 115, coercion: 0, fees: 341.5979 };
  const base = consistentReport(seed);
  const withText = (overview: string, other = '本年度未收取信息处理费，无其他需要报告的事项。'): Report => ({
    ...base,
    narrative: { ...base.narrative, overview, other },
  });
  /** The figures' findings (and the empty-section one), leaving aside what the short test texts omit. */
  const figureRules = (r: Report) => runRules(r).filter((f) => f.rule === 'narrative-figure' || f.rule === 'section-empty');

  test('agreeing figures: silent', () => {
    expect(figureRules(withText('全年共办理依申请公开12件，其中予以公开6件。作出行政许可决定32999件。'))).toEqual([]);
  });

  test('a figure that disagrees: a warning naming the sentence and the cell, with the numbers', () => {
    const [f] = figureRules(withText('2023年共收到政府信息公开申请15件，均已办结。'));
    expect(f).toMatchObject({
      rule: 'narrative-figure',
      severity: 'warning',
      cells: ['requests.newReceived.total', 'narrative.overview'],
      expected: 12,
      actual: 15,
    });
    expect(f!.message).toBe('“一、总体情况”中写“2023年共收到政府信息公开申请15件”，文中为15，但一、本年新收申请（总计列）为12（相差3）');
  });

  test('a sum of rows: 不予公开 against the eight rows', () => {
    const [f] = figureRules(withText('不予公开2件。'));
    expect(f!.cells[0]).toBe('requests.withheld.stateSecret.total');
    expect(f!.data.cell).toBe('不予公开各行之和');
  });

  test('section 六 says no fees while fees are reported', () => {
    const findings = figureRules(withText('', '本年度未收取任何费用。'));
    expect(findings.map((f) => f.messageId).sort()).toEqual(['narrative.no-fees', 'section.empty']);
  });

  test('the example: no narrative-figure finding (its figures agree; 信息处理费 is not 行政事业性收费)', () => {
    const ex = { ...base, values: withValues(base, { 'active.fees': 341.5979 }).values };
    expect(
      runRules({ ...ex, narrative: { ...ex.narrative, other: '依据相关规定，本年度未收取依申请公开信息处理费；无其他需要报告的事项。' } }).filter(
        (f) => f.rule === 'narrative-figure',
      ),
    ).toEqual([]);
  });
});

describe('copied text and tables', () => {
  const text = '一是主动公开需进一步强化，一些部门主动公开、依申请公开的制度规范尚不健全，主动公开力度不够，政务新媒体内容更新不及时。';
  test('share of shared 4-grams, numbers ignored', () => {
    expect(copiedShare(text.replace('一是', '2023年一是'), text.replace('一是', '2022年一是'))).toBe(1);
    expect(copiedShare('今年重点推进数字政府建设和政务服务标准化工作。', text)).toBeLessThan(0.3);
  });

  test('the share is exactly the plain definition: distinct n-grams of the text (no spaces, digits, punctuation) found in the other', () => {
    // The reference: grams as strings in a Set. The fast table must agree on any text (short and long, astral characters, punctuation).
    const plain = (a: string, b: string) => {
      const strip = (s: string) => s.replace(/[\s\d\p{P}\p{S}]/gu, '');
      const x = strip(a);
      const n = x.length >= 20 ? 4 : 2;
      const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - n + 1) }, (_, i) => s.slice(i, i + n)));
      const mine = grams(x);
      const theirs = grams(strip(b));
      return mine.size === 0 ? 0 : [...mine].filter((g) => theirs.has(g)).length / mine.size;
    };
    const chars = fc.constantFrom(...'政府信息公开申请件我局共，。、１２3 a\u3000\n（）《》〇—…%￥Ab😀𠀋'.split(/(?:)/u));
    const texts = fc.array(chars, { maxLength: 80 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        expect(copiedShare(a, b)).toBeCloseTo(plain(a, b), 12);
        expect(copiedShare(a + b, b + a)).toBeCloseTo(plain(a + b, b + a), 12);
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });

  test('a section nearly the same as last year: warning with the share; a new one: silent', () => {
    const now = { ...consistentReport(), narrative: { ...consistentReport().narrative, problems: text } };
    const last = { ...now, meta: { ...now.meta, year: 2022 }, narrative: { ...now.narrative, overview: '上一年度的总体情况另有写法，与今年不同。' } };
    const f = runRules(now, { previous: last }).filter((x) => x.rule === 'copied-text');
    expect(f.map((x) => [x.messageId, x.cells, x.data.percent])).toEqual([
      ['copied.text', ['narrative.problems'], 100],
      ['copied.text', ['narrative.other'], 100],
    ]);
    const fresh = {
      ...last,
      narrative: { ...last.narrative, problems: '今年重点推进数字政府建设和政务服务标准化工作，完善了公开目录。', other: '上年依法收取信息处理费二百元。' },
    };
    expect(runRules(now, { previous: fresh }).filter((x) => x.rule === 'copied-text')).toEqual([]);
  });

  test('a table identical to last year (and not all zero) is reported', () => {
    const seed = zeroSeed();
    seed.appeals[0] = [1, 0, 0, 0];
    const now = consistentReport(seed);
    const last = { ...now, meta: { ...now.meta, year: 2022 }, narrative: {} };
    const f = runRules(now, { previous: last }).filter((x) => x.rule === 'copied-text');
    expect(f.map((x) => x.cells[0])).toEqual(['table.appeals']);
  });
});
