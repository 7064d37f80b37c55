import {
  DATA_SHEET,
  VERIFY_SHEET,
  definedName,
  keyOfDefinedName,
  locateByLabels,
  locateTextPlaces,
  parseReference,
  planAddresses,
  readDate,
  readYear,
  sheetReference,
  TEXT_SHEET,
  workbookPlan,
  wrapLabel,
  textWidth,
  type Grid,
} from '../../src/core';
import { CELLS, TABLES, REV, key } from '../helpers/format';
import { planGrid } from '../helpers/grid';

const plan = workbookPlan(REV);
const [data, text] = plan.sheets;

describe('workbook plan', () => {
  test('three sheets: 报告数据, 报告正文 and the 核对 sheet', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([DATA_SHEET, TEXT_SHEET, VERIFY_SHEET]);
  });

  test('every cell key is an input exactly once, plus the metadata and narrative places', () => {
    const keys = plan.sheets.flatMap((s) => s.cells.filter((c) => c.key).map((c) => c.key!));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of CELLS) expect(keys).toContain(c.key);
    expect(keys.filter((k) => k.startsWith('meta.')).sort()).toEqual(['meta.agency', 'meta.bodyType', 'meta.contact', 'meta.date', 'meta.office', 'meta.year']);
    expect(keys.filter((k) => k.startsWith('narrative.')).sort()).toEqual([
      'narrative.other',
      'narrative.overview',
      'narrative.preamble',
      'narrative.problems',
    ]);
  });

  test('every label of the format is on the data sheet', () => {
    // Header labels may carry line breaks at word boundaries; the words are the format's.
    const texts = new Set(data!.cells.map((c) => c.text?.replace(/\n/gu, '') ?? null));
    for (const t of TABLES) for (const row of t.rows) for (const cell of row.cells) if (cell.type === 'label') expect(texts).toContain(cell.text);
  });

  test.each([
    ['社会公益组织', 9, '社会公益\n组织'],
    ['法律服务机构', 9, '法律服务\n机构'],
    ['本年制发件数', 9, '本年制发\n件数'],
    ['商业企业', 9, '商业企业'],
    ['结果维持', 9, '结果维持'],
    ['行政诉讼（未经复议直接起诉）', 14, '行政诉讼\n（未经复议\n直接起诉）'],
    ['本年收费金额（单位：万元）', 27, '本年收费金额（单位：万元）'],
  ])('header %s in a %d-wide cell breaks at a word boundary: %j', (text, width, expected) => {
    expect(wrapLabel(text, width)).toBe(expected);
  });

  test('every header line fits its cell, and no line is a single stranded character', () => {
    for (const c of data!.cells.filter((x) => x.style === 'header' && x.text)) {
      const width = data!.columnWidths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
      const lines = c.text!.split('\n');
      if (lines.length > 1) for (const line of lines) expect([...line].length).toBeGreaterThan(1);
      for (const line of lines) if (!/（/u.test(line)) expect(textWidth(line)).toBeLessThanOrEqual(width - 1);
    }
  });

  test('printing: every table at the left margin, each after the first on its own page, text at ≥ 9 pt on A4 landscape', () => {
    const sections = data!.cells.filter((c) => c.style === 'section');
    expect(data!.print.pageBreaks).toEqual(sections.slice(1).map((c) => c.row));
    for (const t of TABLES) expect(t.geometry.sheet.offset).toBe(0);
    // A4 landscape with 0.5" margins holds about 137 character widths at 100 %; fit-to-width scales the widest table.
    const width = data!.columnWidths.reduce((a, b) => a + b, 0);
    expect(11 * Math.min(1, 137 / width)).toBeGreaterThanOrEqual(9);
  });

  test('merged areas never overlap and stay inside the columns', () => {
    for (const sheet of plan.sheets) {
      const seen = new Set<string>();
      for (const c of sheet.cells) {
        expect(c.col + c.colSpan).toBeLessThanOrEqual(sheet.columnWidths.length);
        for (let r = c.row; r < c.row + c.rowSpan; r++) {
          for (let k = c.col; k < c.col + c.colSpan; k++) {
            expect(seen.has(`${r}:${k}`)).toBe(false);
            seen.add(`${r}:${k}`);
          }
        }
      }
    }
  });

  test('the T3 note fills the top-left block (3 rows, the 5 label columns) and input cells are unlocked with validation', () => {
    const note = data!.cells.find((c) => c.style === 'note')!;
    expect(note).toMatchObject({ rowSpan: 3, colSpan: 5, col: 0 });
    for (const c of data!.cells.filter((x) => x.key)) {
      expect(plan.styles[c.style].locked).toBe(false);
      expect(c.validation?.type).toBe(c.key === 'active.fees' ? 'decimal' : 'whole');
    }
    expect(plan.styles.count.numberFormat).toBe('0');
    expect(plan.styles.fee.numberFormat).toBe('0.0000');
    for (const c of data!.cells.filter((x) => !x.key)) expect(plan.styles[c.style].locked).toBe(true);
  });

  test('defined names are valid Excel names and map back to their keys', () => {
    for (const key of planAddresses(plan).keys()) {
      const name = definedName(key);
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/u);
      expect(name.length).toBeLessThanOrEqual(255);
      expect(keyOfDefinedName(name)).toBe(key);
    }
  });

  test('A4 print setup, fit to one page wide', () => {
    for (const s of plan.sheets) expect(s.print).toMatchObject({ paper: 'A4', fitToWidth: 1 });
  });

  test('labels get rows tall enough for their wrapped text', () => {
    const longLabel = data!.cells.find((c) => c.text?.startsWith('2.申请人逾期未按收费通知'))!;
    expect(data!.rowHeights[longLabel.row]).toBeGreaterThanOrEqual(30);
  });
});

describe('references', () => {
  test.each([
    ["'报告数据'!$D$5", { sheet: '报告数据', row: 4, col: 3 }],
    ['报告数据!D5', { sheet: '报告数据', row: 4, col: 3 }],
    ["='Gabe''s'!$AA$10", { sheet: "Gabe's", row: 9, col: 26 }],
    ['=Sheet1!$B$2:$D$2', { sheet: 'Sheet1', row: 1, col: 1 }],
    ["'报告数据'!$D$5:$F$9", { sheet: '报告数据', row: 4, col: 3 }],
    ["'报告数据'!D5", { sheet: '报告数据', row: 4, col: 3 }],
    ["'S'!$XFD$1048576", { sheet: 'S', row: 1048575, col: 16383 }],
  ])('%s', (ref, expected) => expect(parseReference(ref)).toEqual(expected));
  test.each(["'S'!$AAAA$1", "'S'!$d$5", "'S'!$D$", "'S'!$D$5x", "'S!$D$5"])('%p is not read as a cell', (ref) => expect(parseReference(ref)).toBeUndefined());
  test('round trip with quoting', () => {
    expect(parseReference(sheetReference("报告数据 (2)'x", 9, 30))).toEqual({ sheet: "报告数据 (2)'x", row: 9, col: 30 });
  });
  test.each(['', 'D5', '#REF!', '=#REF!$D$5'])('%p is not a reference', (ref) => expect(parseReference(ref)).toBeUndefined());
});

describe('dates and years as typed', () => {
  test.each<[unknown, string | undefined]>([
    [45322, '2024-01-31'],
    [44927, '2023-01-01'],
    ['2024-01-31', '2024-01-31'],
    ['2024/1/31', '2024-01-31'],
    ['2024年1月31日', '2024-01-31'],
    ['２０２４年１月３１日', '2024-01-31'],
    ['2023-02-29', undefined],
    ['明年', undefined],
    [null, undefined],
  ])('date %p → %p', (raw, iso) => expect(readDate(raw)).toBe(iso));
  test.each<[unknown, number | undefined]>([
    [2023, 2023],
    ['2023', 2023],
    ['2023年', 2023],
    ['2023年度', 2023],
    ['二〇二三', 2023],
    [2023.5, undefined],
    ['去年', undefined],
  ])('year %p → %p', (raw, year) => expect(readYear(raw)).toBe(year));
});

describe('locating by labels', () => {
  const addresses = planAddresses(plan);

  test('finds every cell of our own data sheet where the plan put it', () => {
    const located = locateByLabels(planGrid(data!), REV);
    expect(located.tables).toEqual(new Set(['active', 'requests', 'appeals']));
    for (const c of CELLS) {
      const a = addresses.get(c.key)!;
      expect([c.key, located.cells.get(c.key)]).toEqual([c.key, { row: a.row, col: a.col }]);
    }
    expect(located.oldLabels).toEqual([]);
  });

  test('finds the metadata and narrative of the text sheet', () => {
    const located = locateTextPlaces(planGrid(text!), REV);
    for (const [key, a] of addresses) if (a.sheet === 1) expect(located.get(key)).toEqual({ row: a.row, col: a.col });
  });

  const edit = (grid: unknown[][], from: string, to: string | null) => {
    for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === from) row[c] = to;
    return grid;
  };

  test.each<[string, (g: unknown[][]) => unknown[][]]>([
    ['1．for 1.', (g) => edit(g, '1.属于国家秘密', '1．属于国家秘密')],
    ['1、for 1.', (g) => edit(g, '2.重复申请', '2、重复申请')],
    ['half-width brackets', (g) => edit(g, '（一）予以公开', '(一)予以公开')],
    ['straight quotes', (g) => edit(g, '3.危及“三安全一稳定”', '3.危及"三安全一稳定"')],
    ['labels broken over lines', (g) => edit(edit(g, '商业企业', '商业\n企业'), '一、本年新收政府信息公开申请数量', '一、本年新收政府信息\n公开申请数量')],
    [
      '， for 、 and no numbering in （六）',
      (g) => edit(g, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请'),
    ],
    [
      'a filling note inside the label',
      (g) =>
        edit(g, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）（注：本行不含全部公开）'),
    ],
  ])('tolerates %s', (_name, change) => {
    const located = locateByLabels(change(planGrid(data!)), REV);
    expect(located.cells.size).toBe(CELLS.length);
  });

  test('rows inserted above and columns shifted: found where they moved', () => {
    const grid = planGrid(data!).map((row) => [null, null, ...row]);
    grid.unshift([null], ['用户自己的备注'], []);
    const located = locateByLabels(grid, REV);
    const a = addresses.get('requests.totalHandled.natural')!;
    expect(located.cells.get(key('requests.totalHandled.natural'))).toEqual({ row: a.row + 3, col: a.col + 2 });
    expect(located.cells.size).toBe(CELLS.length);
  });

  test('a 2019 template: old labels reported, the missing rows left absent', () => {
    let grid = planGrid(data!);
    grid = edit(grid, '行政规范性文件', '规范性文件');
    grid = edit(grid, '（六）其他处理', null);
    for (const label of [
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
    ])
      grid = edit(grid, label, null);
    grid = edit(grid, null as unknown as string, null);
    const row = (grid as unknown[][]).findIndex((r) => r.includes('（七）总计'));
    grid[row - 3]![1] = '（六）其他处理';
    const located = locateByLabels(grid as Grid, REV);
    expect(located.oldLabels).toEqual(expect.arrayContaining(['规范性文件', '（六）其他处理（单行）']));
    expect(located.cells.has(key('active.normativeDocuments.issued'))).toBe(true);
    expect(located.cells.has(key('requests.otherHandling.other.natural'))).toBe(false);
  });

  test('a sheet without the report finds nothing', () => {
    const located = locateByLabels(
      [
        ['姓名', '年龄'],
        ['张三', 30],
      ],
      REV,
    );
    expect(located.cells.size).toBe(0);
    expect(locateTextPlaces([['年度', 2023]], REV).size).toBe(0);
  });
});
