import { walkGrid } from '../../src/core';
import { CELLS, SECTIONS, TABLES, cellDef, cellsOfTable, isCellKey, placeName, tableById } from '../helpers/format';

describe('format model', () => {
  test('has every cell of the spec: 10 in T2, 25×7 in T3, 15 in T4', () => {
    expect(cellsOfTable('active')).toHaveLength(10);
    expect(cellsOfTable('requests')).toHaveLength(175);
    expect(cellsOfTable('appeals')).toHaveLength(15);
    expect(new Set(CELLS.map((c) => c.key)).size).toBe(CELLS.length);
  });

  test.each([
    ['active.regulations.issued', 'count', '规章·本年制发件数'],
    ['active.normativeDocuments.inForce', 'count', '行政规范性文件·现行有效件数'],
    ['active.licensing', 'count', '行政许可·本年处理决定数量'],
    ['active.fees', 'fee', '行政事业性收费·本年收费金额（单位：万元）'],
    ['requests.newReceived.natural', 'count', '一、本年新收申请·自然人'],
    ['requests.withheld.security.natural', 'count', '（三）3.危及“三安全一稳定”·自然人'],
    ['requests.totalHandled.natural', 'count', '（七）总计·自然人'],
    ['requests.otherHandling.other.legalService', 'count', '（六）3.其他·法律服务机构'],
    ['appeals.review.total', 'count', '行政复议·总计'],
    ['appeals.litigationAfterReview.pending', 'count', '行政诉讼（复议后起诉）·尚未审结'],
  ])('%s is a %s cell named %s', (key, kind, name) => {
    expect(isCellKey(key)).toBe(true);
    expect(cellDef(key)?.kind).toBe(kind);
    expect(placeName(key)).toBe(name);
  });

  test('the six sections carry the official titles in order', () => {
    expect(SECTIONS.map((s) => s.title)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  test('T3 has 3 header rows, 25 data rows and the official merges', () => {
    const t3 = tableById('requests');
    expect(t3.rows.filter((r) => r.header)).toHaveLength(3);
    expect(t3.rows.filter((r) => !r.header)).toHaveLength(25);
    const labels = t3.rows.flatMap((r) => r.cells.filter((c) => c.type === 'label'));
    const find = (text: string) => labels.find((c) => c.type === 'label' && c.text === text);
    expect(find('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(find('申请人情况')).toMatchObject({ colSpan: 7 });
    expect(find('自然人')).toMatchObject({ rowSpan: 2 });
    expect(find('法人或其他组织')).toMatchObject({ colSpan: 5 });
    expect(find('三、本年度办理结果')).toMatchObject({ rowSpan: 22 });
    expect(find('（三）不予公开')).toMatchObject({ rowSpan: 8 });
    expect(find('（四）无法提供')).toMatchObject({ rowSpan: 3 });
    expect(find('（五）不予处理')).toMatchObject({ rowSpan: 5 });
    expect(find('（六）其他处理')).toMatchObject({ rowSpan: 3 });
    expect(find('（七）总计')).toMatchObject({ colSpan: 2 });
    expect(find('四、结转下年度继续办理')).toMatchObject({ colSpan: 3 });
    // Value columns are the last seven of ten.
    for (const p of walkGrid(t3).filter((x) => x.cell.type === 'value')) expect(p.col).toBeGreaterThanOrEqual(3);
  });

  test('T4 is 15 value columns under 行政复议 (5) and 行政诉讼 (10)', () => {
    const t4 = tableById('appeals');
    expect(t4.columns).toBe(15);
    expect(t4.rows[0]!.cells).toEqual([expect.objectContaining({ text: '行政复议', colSpan: 5 }), expect.objectContaining({ text: '行政诉讼', colSpan: 10 })]);
    expect(
      walkGrid(t4)
        .filter((p) => p.cell.type === 'value')
        .map((p) => p.col),
    ).toEqual([...Array(15).keys()]);
  });

  test('T2 blocks: captions span four columns, single values span three', () => {
    const t2 = tableById('active');
    const captions = t2.rows.flatMap((r) => r.cells).filter((c) => c.type === 'label' && c.role === 'caption');
    expect(captions.map((c) => c.type === 'label' && c.text)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(walkGrid(t2).find((p) => p.cell.type === 'value' && p.cell.key === 'active.fees')).toMatchObject({ col: 1, colSpan: 3 });
  });

  test('every grid row is exactly filled (the model checks itself)', () => {
    for (const t of TABLES) expect(() => walkGrid(t)).not.toThrow();
  });
});
