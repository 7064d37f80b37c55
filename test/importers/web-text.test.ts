/**
 * Text copied from government web pages (test/fixtures/web-text, real openings; README there).
 * Every layout real pages give (rows as `|` cells, one cell per line, cells between bare `|` lines,
 * cells between blank lines) is read; every value read is exactly what the text says, and what
 * cannot be placed is reported, never guessed. The example report rendered in each layout, with
 * variants, makes the corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/importers';
import { toWebText, type WebTextLayout } from '../helpers/render';
import { loadExample } from '../helpers/reports';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/web-text', name), 'utf8');
const imported = (text: string) => importReport('report.txt', new TextEncoder().encode(text));

const COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legalService', 'other', 'total'];
const row = (key: string, values: (number | null)[]) => Object.fromEntries(COLUMNS.map((c, i) => [`requests.${key}.${c}`, values[i]]));

test('001 (rows as | cells): every complete row is read exactly, the cut table is reported', () => {
  const { report, problems } = imported(fixture('001.txt'));
  expect(report.values).toEqual({
    'active.regulations.issued': 0,
    'active.regulations.repealed': 0,
    'active.regulations.inForce': 0,
    'active.normativeDocuments.issued': 0,
    'active.normativeDocuments.repealed': 0,
    'active.normativeDocuments.inForce': 0,
    'active.licensing': 0,
    'active.penalty': 0,
    'active.coercion': 0,
    'active.fees': 0,
    ...row('newReceived', [0, 0, 0, 0, 0, 0, 0]),
    ...row('carriedOver', [0, 0, 0, 0, 0, 0, 0]),
    ...row('disclosed', [0, 0, 0, 0, 0, 0, 0]),
  });
  expect(problems.join()).toMatch(/表三中找不到这些行：（二）部分公开/u);
  expect(problems.join()).toContain('没有找到表四');
});

test('variants of the | layout: NBSP padding, numbers that differ per cell, a blank cell, a row with a cell missing', () => {
  const text = fixture('001.txt')
    .replace('一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '一、本年新收政府信息公开申请数量 |\u00a012\u00a0| 1 | 0 | 0 | 2 | 0 | 15 |')
    .replace('二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '二、上年结转政府信息公开申请数量 | 3 |  | 0 | 0 | 0 | 0 | 3 |')
    .replace('三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '三、本年度办理结果 | (一)予以公开 | 9 | 0 | 0 | 0 | 0 | 9 |')
    .replace('行政许可 | 0 |', '行政许可 | 27 |');
  const { report, problems } = imported(text);
  expect(report.values).toMatchObject({
    ...row('newReceived', [12, 1, 0, 0, 2, 0, 15]),
    ...row('carriedOver', [3, null, 0, 0, 0, 0, 3]),
    'active.licensing': 27,
  });
  // Six numbers for seven columns: not placed, reported.
  for (const c of COLUMNS) expect(report.values[`requests.disclosed.${c}`]).toBeUndefined();
  expect(problems.join()).toMatch(/（一）予以公开/u);
});

test('a row with one cell too many is not read shifted: reported instead', () => {
  const text = fixture('001.txt').replace(
    '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 | 9 |',
  );
  const { report, problems } = imported(text);
  for (const c of COLUMNS) expect(report.values[`requests.newReceived.${c}`]).toBeUndefined();
  expect(problems.join()).toMatch(/本年新收.*对不上/u);
});

const zeros = (n: number) => Array.from({ length: n }, () => 0);
const blanks = (n: number) => Array.from({ length: n }, () => null);
const active = (regulations: number[], normative: number[], licensing: number, penalty: number, coercion: number, fees: number) => ({
  'active.regulations.issued': regulations[0],
  'active.regulations.repealed': regulations[1],
  'active.regulations.inForce': regulations[2],
  'active.normativeDocuments.issued': normative[0],
  'active.normativeDocuments.repealed': normative[1],
  'active.normativeDocuments.inForce': normative[2],
  'active.licensing': licensing,
  'active.penalty': penalty,
  'active.coercion': coercion,
  'active.fees': fees,
});

test('004 (one cell per line ending in |, a bare | an empty cell): blanks stay blank, 予以公开 has 18 and a blank 总计, rows with label typos are reported', () => {
  const { report, problems } = imported(fixture('004.txt'));
  expect(report.values).toEqual({
    ...active([0, 0, 0], [0, 0, 0], 0, 0, 0, 0),
    ...row('newReceived', [56, ...blanks(5), 56]),
    ...row('carriedOver', [0, ...blanks(5), 0]),
    ...row('disclosed', [18, ...blanks(6)]),
    ...Object.assign(
      {},
      ...['stateSecret', 'lawProhibited', 'security', 'thirdParty', 'process', 'enforcementFile'].map((k) => row(`withheld.${k}`, blanks(7))),
    ),
  });
  // “只计这一情况” and “三类内容事务” are typos of the official labels: not guessed, reported.
  expect(problems.join()).toMatch(/表三中找不到这些行：（二）部分公开.*5\.属于三类内部事务信息/u);
});

test('008 (cells alternating with bare | lines, a cell over two lines): every value as written, 规章 现行有效 6', () => {
  const { report } = imported(fixture('008.txt'));
  expect(report.values).toEqual({
    ...active([0, 0, 6], [0, 0, 0], 0, 0, 0, 0),
    ...Object.assign(
      {},
      ...[
        'newReceived',
        'carriedOver',
        'disclosed',
        'partlyDisclosed',
        'withheld.stateSecret',
        'withheld.lawProhibited',
        'withheld.security',
        'withheld.thirdParty',
        'withheld.internal',
      ].map((k) => row(k, zeros(7))),
    ),
  });
});

test('009 (cells separated by blank lines, space-padded): every value as written, 行政处罚 30', () => {
  const { report } = imported(fixture('009.txt'));
  expect(report.values).toEqual({ ...active([0, 0, 0], [0, 0, 0], 0, 30, 0, 0), ...row('newReceived', zeros(7)), ...row('carriedOver', zeros(7)) });
});

describe('the example report in every layout a web page gives', () => {
  const example = loadExample();
  // The page prints the 2021 format's （六）3.其他 row, blank.
  const printed: Record<string, unknown> = { ...example.values, ...row('otherHandling.other', blanks(7)) };
  const layouts: WebTextLayout[] = ['pipe-rows', 'pipe-cells', 'bare-pipes', 'blank-lines', 'spaced'];
  const variants: [string, Parameters<typeof toWebText>[2]][] = [
    ['as copied', {}],
    ['NBSP padding', { pad: (c) => (c === '' ? c : `\u00a0${c}\u00a0`) }],
    ['full-width spaces around numbers', { pad: (c) => (/^\d/u.test(c) ? `\u3000${c}` : c) }],
  ];

  test.each(layouts.flatMap((l) => variants.map(([name, options]) => [l, name, options] as const)))(
    '%s, %s: no value wrong; every row without an empty cell read',
    (layout, _name, options) => {
      const { report, problems } = imported(toWebText(example, layout, options));
      const wrong = Object.entries(report.values).filter(([k, v]) => printed[k] !== v);
      expect(wrong).toEqual([]);
      const missing = Object.keys(printed).filter((k) => !(k in report.values));
      if (layout === 'blank-lines' || layout === 'spaced') {
        // Empty cells leave no trace there: the four rows holding one are reported, not guessed.
        expect(missing).toHaveLength(28);
        expect(problems.join()).toMatch(/表三中找不到这些行：二、上年结转政府信息公开申请数量、（一）予以公开/u);
      } else expect(missing).toEqual([]);
      expect(report.meta.agency).toBe('城东区人民政府');
      expect(report.meta.year).toBe(2023);
    },
  );

  test('a label broken over two lines inside its cell (bare | layout) is one label', () => {
    const broken = toWebText(example, 'bare-pipes', { breakLabel: (c) => (c.length > 12 ? `${c.slice(0, 8)}\n${c.slice(8)}` : c) });
    const { report } = imported(broken);
    expect(Object.entries(report.values).filter(([k, v]) => printed[k] !== v)).toEqual([]);
    expect(Object.keys(report.values)).toHaveLength(Object.keys(printed).length);
  });

  test('rows flattened two to a line (spaces between the cells) are each read', () => {
    const text = toWebText(example, 'spaced').replace('\n行政规范性文件', ' 行政规范性文件').replace('\n行政强制', ' 行政强制');
    const { report } = imported(text);
    expect(Object.entries(report.values).filter(([k, v]) => printed[k] !== v)).toEqual([]);
    expect(report.values['active.normativeDocuments.inForce']).toBe(5);
    expect(report.values['active.coercion']).toBe(0);
  });

  test('a row label on its own line above its numbers (| rows) is one row', () => {
    const text = toWebText(example, 'pipe-rows').replace('一、本年新收政府信息公开申请数量 | 12 |', '一、本年新收政府信息公开申请数量 |\n| 12 |');
    const { report } = imported(text);
    expect(report.values).toMatchObject(row('newReceived', [12, 0, 0, 0, 0, 0, 12]));
    expect(Object.entries(report.values).filter(([k, v]) => printed[k] !== v)).toEqual([]);
  });

  test('a table cut into several small tables with generic headers is read by the section it is in', () => {
    // Each 表三 row its own table under a header that names nothing (项目 | 数量…).
    const pieces = toWebText(example, 'pipe-rows')
      .split('\n')
      .map((l) => (/^(（|[0-9]\.|四、结转)/u.test(l) ? `项目 | 数量 | 数量 |\n${l}\n文字说明。` : l))
      .join('\n');
    const { report } = imported(pieces);
    expect(Object.entries(report.values).filter(([k, v]) => printed[k] !== v)).toEqual([]);
    expect(report.values['requests.withheld.stateSecret.natural']).toBe(0);
    expect(report.values['requests.carriedForward.total']).toBe(printed['requests.carriedForward.total']);
  });

  test('a cell missing from a row: that row is reported, the others read, nothing shifted', () => {
    const text = toWebText(example, 'pipe-cells').replace('1.属于国家秘密 |\n0 |\n', '1.属于国家秘密 |\n');
    const { report, problems } = imported(text);
    expect(Object.entries(report.values).filter(([k, v]) => printed[k] !== v)).toEqual([]);
    expect(report.values['requests.withheld.stateSecret.natural']).toBeUndefined();
    expect(report.values['requests.withheld.lawProhibited.natural']).toBe(0);
    expect(problems.join()).toContain('1.属于国家秘密');
  });
});

test('a 表二 in the 2019 format (other quantities) is recognised and none of its numbers read as 2021 columns', () => {
  const old2019 = [
    '二、主动公开政府信息情况',
    '第二十条第(一)项 |',
    '信息内容 |',
    '本年新制作数量 |',
    '本年新公开数量 |',
    '对外公开总数量 |',
    '规章 |',
    '1 |',
    '1 |',
    '5 |',
    '规范性文件 |',
    '2 |',
    '2 |',
    '9 |',
    '||',
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量 |',
    ...['3 |', '0 |', '0 |', '0 |', '0 |', '0 |', '3 |'],
    '||',
  ].join('\n');
  const { report, oldLabels } = imported(`某县2019年政府信息公开工作年度报告\n一、总体情况\n正文。\n${old2019}\n`);
  expect(Object.keys(report.values).filter((k) => k.startsWith('active.regulations') || k.startsWith('active.normativeDocuments'))).toEqual([]);
  expect(oldLabels.join()).toMatch(/主动公开表/u);
  expect(report.values).toMatchObject(row('newReceived', [3, 0, 0, 0, 0, 0, 3]));
});
