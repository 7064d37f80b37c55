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
