/**
 * Text copied from government web pages (test/fixtures/web-text, real openings; README there).
 * Rows as `|`-separated cells are read; every value read is exactly what the text says, and what
 * cannot be placed is reported, never guessed. The other layouts (one cell per line, bare `|`
 * lines, blank-line cells) are not read yet: they must give no value at all rather than a wrong one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/importers';

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

test.each(['004.txt', '008.txt', '009.txt'])('%s (a layout not read yet): no value is read, so none is wrong', (file) => {
  let values: Record<string, unknown> = {};
  try {
    values = imported(fixture(file)).report.values;
  } catch (e) {
    expect((e as Error).message).toMatch(/没有找到年度报告/u);
  }
  expect(values).toEqual({});
});
