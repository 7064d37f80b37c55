import { arithmeticValue, classifyText, decimalsOf, parseChineseNumeral, readTypedValue, sameAmount } from '../../src/core';

describe('readTypedValue', () => {
  test.each<[unknown, number | null | string]>([
    [12, 12],
    [0, 0],
    [-3, -3],
    [1.5, 1.5],
    ['12', 12],
    ['\u00a012', 12],
    ['0\u00a0', 0],
    ['\u30000', 0],
    ['  3  ', 3],
    ['１２', 12],
    ['１２．５', 12.5],
    ['1,234', 1234],
    ['１，２３４', 1234],
    ['12件', 12],
    ['12 件', 12],
    ['-0', 0],
    ['+7', 7],
    ['', null],
    ['\u00a0', null],
    ['\u3000\u3000', null],
    [null, null],
    [undefined, null],
    ['-', '-'],
    ['—', '—'],
    ['/', '/'],
    ['无', '无'],
    ['N/A', 'N/A'],
    ['251000元', '251000元'],
    ['#REF!', '#REF!'],
    ['1,23', '1,23'],
    ['12个', '12个'],
    ['十二', '十二'],
    ['1e20', '1e20'],
    [true, 'TRUE'],
    [Number.NaN, 'NaN'],
  ])('%p → %p', (raw, expected) => {
    expect(readTypedValue(raw)).toEqual(expected);
  });
});

describe('classifyText', () => {
  test.each([
    ['-', 'placeholder'],
    ['——', 'placeholder'],
    ['／', 'placeholder'],
    ['\u00a0/\u00a0', 'placeholder'],
    ['无', 'placeholder'],
    ['N/A', 'placeholder'],
    ['#REF!', 'excel-error'],
    ['#value!', 'excel-error'],
    ['#DIV/0!', 'excel-error'],
    ['=SUM(B3:B9)', 'formula'],
    ['251000元', 'number-with-unit'],
    ['341.5979万元', 'number-with-unit'],
    ['12个', 'number-with-unit'],
    ['十二', 'chinese-numeral'],
    ['十二件', 'chinese-numeral'],
    ['约10', 'text'],
    ['不详', 'text'],
  ])('%p is %s', (text, type) => {
    expect(classifyText(text).type).toBe(type);
  });

  test('a unit keeps its number', () => {
    expect(classifyText('251,000元')).toEqual({ type: 'number-with-unit', value: 251000, unit: '元' });
  });
});

describe('parseChineseNumeral', () => {
  test.each([
    ['十二', 12],
    ['十', 10],
    ['二十', 20],
    ['一百零五', 105],
    ['两千', 2000],
    ['三万二千', 32000],
    ['二〇二三', 2023],
    ['零', 0],
  ])('%s = %d', (s, n) => expect(parseChineseNumeral(s)).toBe(n));
  test.each(['百', '二三十', '十二个', '', 'abc'])('%p is not a numeral', (s) => expect(parseChineseNumeral(s)).toBeUndefined());
});

describe('arithmetic and comparison', () => {
  test('blanks and placeholders count as 0, other text has no number, absent is absent', () => {
    expect(arithmeticValue(null)).toBe(0);
    expect(arithmeticValue('/')).toBe(0);
    expect(arithmeticValue('12个')).toBeUndefined();
    expect(arithmeticValue(undefined)).toBeUndefined();
    expect(arithmeticValue(7)).toBe(7);
  });
  test('fees compare to 4 decimals, counts exactly', () => {
    expect(sameAmount('fee', 0.1 + 0.2, 0.3)).toBe(true);
    expect(sameAmount('fee', 1.00004, 1)).toBe(true);
    expect(sameAmount('fee', 1.0001, 1)).toBe(false);
    expect(sameAmount('count', 1, 1)).toBe(true);
  });
  test.each([
    [1, 0],
    [1.5, 1],
    [341.5979, 4],
    [0.12345, 5],
    [1e-7, 7],
  ])('%p has %d decimals', (n, d) => expect(decimalsOf(n)).toBe(d));
});
