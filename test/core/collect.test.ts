/** The unit list and name matching of 汇总, and the region's sums, pure. */
import type { ReportSource } from '../../src/core';
import { collectRegion, gridFromCsv, matchUnit, normalizeName, unitsFromGrid } from '../../src/core/collect';
import { consistentReport, withValues } from '../helpers/reports';

const source = (agency: string, year = 2023, values: Record<string, number | string | null> = {}): ReportSource => {
  const r = withValues(consistentReport(), values);
  return { report: { ...r, meta: { ...r.meta, agency, year } }, narrative: true, oldLabels: [], problems: [], notes: [] };
};

describe('the unit list', () => {
  test('headers as users write them, in any order; aliases split on 、 , ；; duplicates and blank rows reported or skipped', () => {
    const grid = gridFromCsv(
      '\uFEFF说明：2023年度名单\n简称,上级,单位名称,类型\n"区发改局、发改局",某区人民政府,某区发展和改革局,部门\n,,,\n,某区人民政府,某区教育局,部门\n,,某区教育局,部门\n',
    );
    const { units, problems } = unitsFromGrid(grid);
    expect(units).toEqual([
      { name: '某区发展和改革局', type: '部门', parent: '某区人民政府', aliases: ['区发改局', '发改局'] },
      { name: '某区教育局', type: '部门', parent: '某区人民政府', aliases: [] },
    ]);
    expect(problems.join()).toMatch(/第 6 行的“某区教育局”与第 5 行重复/u);
    expect(unitsFromGrid(gridFromCsv('名字\n甲\n')).problems.join()).toContain('单位名称');
  });

  test('CSV: quoted commas and quotes, CRLF, tabs', () => {
    expect(gridFromCsv('a,"b,c","d""e"\r\nf\tg\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['f', 'g'],
    ]);
  });

  test('names match after normalisation, by alias, and by a region prefix when that names one unit', () => {
    const { units } = unitsFromGrid(gridFromCsv('单位名称,别名\n某市某区人民政府办公室,区府办\n某区教育局,\n某区卫生健康局,区卫健局\n'));
    expect(matchUnit(units, '某市某区政府办公室')?.name).toBe('某市某区人民政府办公室');
    expect(matchUnit(units, ' 某区 教育局 ')?.name).toBe('某区教育局');
    expect(matchUnit(units, '区卫健局')?.name).toBe('某区卫生健康局');
    expect(matchUnit(units, '某市某区教育局')?.name).toBe('某区教育局'); // the city's name added
    expect(matchUnit(units, '教育局')).toBeUndefined(); // too short to say
    expect(matchUnit(units, '某区财政局')).toBeUndefined();
    expect(normalizeName('某区（县）人民政府')).toBe(normalizeName('某区(县)政府'));
  });
});

describe('collectRegion', () => {
  test('the sums, text left out with a finding, another year left out, last year’s totals beside', () => {
    const a = { file: 'a.json', source: source('甲局', 2023, { 'active.licensing': 5 }) };
    const b = { file: 'b.json', source: source('乙局', 2023, { 'active.licensing': 7, 'active.penalty': '若干' }) };
    const old = { file: 'c.json', source: source('丙局', 2022, { 'active.licensing': 100 }) };
    const last = [{ file: 'a0.json', source: source('甲局', 2022, { 'active.licensing': 2 }) }];
    const region = collectRegion({ reports: [a, b, old], previous: last });
    expect(region.year).toBe(2023);
    expect(region.totals.values['active.licensing']).toBe(12);
    expect(region.totals.values['active.penalty']).toBe(a.source.report.values['active.penalty']);
    expect(region.findings.map((f) => f.messageId).sort()).toEqual(['not-number', 'other-year']);
    expect(region.previousTotals!['active.licensing']).toBe(2);
  });
});

describe('雷同 beyond the units compared pairwise', () => {
  test('among 150 units the near-same sections are found by the index, and only those', () => {
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
    const pool = '政务公开工作推进落实制度建设平台信息发布监督保障依申请办理规范完善及时回应群众关切深化数据开放'.split('');
    const text = (n: number) => Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]).join('');
    const reports = Array.from({ length: 150 }, (_, i) => {
      const s = source(`测试县第${i + 1}单位`);
      s.report.narrative = { ...s.report.narrative, overview: `${text(160)}。`, problems: `${text(80)}。`, other: '无。' };
      return { file: `${i}.json`, source: s };
    });
    // Unit 10 copied unit 3's overview, with one sentence of its own; unit 140 copied unit 77's problems exactly.
    reports[9]!.source.report.narrative.overview = `${reports[2]!.source.report.narrative.overview}本单位另有说明。`;
    reports[139]!.source.report.narrative.problems = reports[76]!.source.report.narrative.problems;
    const region = collectRegion({ reports });
    const pairs = region.similar.map((p) => `${[p.a, p.b].sort().join('|')} ${p.section}`).sort();
    expect(pairs).toEqual(['测试县第10单位|测试县第3单位 一、总体情况', '测试县第140单位|测试县第77单位 五、存在的主要问题及改进情况'].sort());
    const unit10 = region.units.find((u) => u.name === '测试县第10单位')!;
    expect(unit10.findings.some((f) => f.messageId === 'copied.other-body' && f.data.other === '测试县第3单位')).toBe(true);
  });
});
