/**
 * The shared corpus of bad inputs (at least 100), run through every entry point: the report JSON,
 * .xlsx through the CLI loader, the Excel host double, and the importers.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

export type BadCell = { kind: 'cell'; name: string; value: string | number };
export type BadJson = { kind: 'json'; name: string; text: string };
export type BadFile = { kind: 'file'; name: string; file: string; bytes: () => Uint8Array };
export type BadWorkbook = { kind: 'workbook'; name: string; edit: (wb: ExcelJS.Workbook) => void };
export type BadText = { kind: 'narrative'; name: string; text: string };
export type BadInput = BadCell | BadJson | BadFile | BadWorkbook | BadText;

const cell = (name: string, value: string | number): BadCell => ({ kind: 'cell', name, value });

export const BAD_CELLS: BadCell[] = [
  cell('Chinese text', '不详'),
  cell('placeholder -', '-'),
  cell('placeholder —', '—'),
  cell('placeholder /', '/'),
  cell('placeholder 无', '无'),
  cell('placeholder N/A', 'N/A'),
  cell('full-width digits', '１２'),
  cell('full-width with full-width comma', '１，２３４'),
  cell('Chinese numeral', '十二'),
  cell('Chinese numeral with 件', '三百零五件'),
  cell('negative', -3),
  cell('negative as text', '－5'),
  cell('fraction', 2.5),
  cell('fraction as text', '2.50'),
  cell('huge', 1e20),
  cell('huge as text', '1e20'),
  cell('NaN as text', 'NaN'),
  cell('Infinity as text', 'Infinity'),
  cell('minus zero', '-0'),
  cell('#REF!', '#REF!'),
  cell('#VALUE!', '#VALUE!'),
  cell('#DIV/0!', '#DIV/0!'),
  cell('#N/A', '#N/A'),
  cell('formula as text', '=SUM(D5:I5)'),
  cell('unit 元', '251000元'),
  cell('unit 个', '12个'),
  cell('unit 万元', '3.5万元'),
  cell('NBSP padded', '\u00a012\u00a0'),
  cell('U+3000 padded', '\u30000'),
  cell('zero-width space', '1\u200b2'),
  cell('control characters', '1\u0001\u0007'),
  cell('unpaired high surrogate', '\ud800'),
  cell('unpaired low surrogate', 'a\udfffb'),
  cell('emoji', '😀'),
  cell('right-to-left mark', '\u200f12'),
  cell('very long text', '字'.repeat(20000)),
  cell('HTML', '<b>12</b>'),
  cell('SQL-like', "1'; DROP TABLE x;--"),
  cell('thousands separators', '1,234,567'),
  cell('bad thousands separators', '1,23'),
  cell('spaces inside', '1 2'),
  cell('plus sign', '+7'),
  cell('date text', '2024-01-31'),
  cell('boolean text', 'TRUE'),
  cell('line break', '1\n2'),
];

const json = (name: string, text: string): BadJson => ({ kind: 'json', name, text });

export const BAD_JSON: BadJson[] = [
  json('empty', ''),
  json('whitespace', '   \n '),
  json('BOM only', '\ufeff'),
  json('not JSON', 'hello'),
  json('truncated', '{"format": "gov-info-annual-report/2021", "values": {'),
  json('array', '[]'),
  json('null', 'null'),
  json('number', '42'),
  json('string', '"report"'),
  json('wrong format', '{"format": "x", "values": {}}'),
  json('values as array', '{"format": "gov-info-annual-report/2021", "values": []}'),
  json('value as object', '{"format": "gov-info-annual-report/2021", "values": {"active.fees": {"x": 1}}}'),
  json('value as array', '{"format": "gov-info-annual-report/2021", "values": {"active.fees": [1]}}'),
  json('value as boolean', '{"format": "gov-info-annual-report/2021", "values": {"active.fees": true}}'),
  json('number overflow', '{"format": "gov-info-annual-report/2021", "values": {"active.fees": 1e999}}'),
  json('unknown keys', '{"format": "gov-info-annual-report/2021", "values": {"x.y": 1, "__proto__": 2}}'),
  json(
    'prototype pollution',
    '{"format": "gov-info-annual-report/2021", "values": {}, "__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
  ),
  json('meta of wrong types', '{"format": "gov-info-annual-report/2021", "values": {}, "meta": {"year": "2023", "agency": 5, "date": 20240131}}'),
  json('narrative of wrong types', '{"format": "gov-info-annual-report/2021", "values": {}, "narrative": {"overview": ["a"], "other": 3}}'),
  json('deeply nested', `${'['.repeat(100000)}${']'.repeat(100000)}`),
  json(
    '20,000 unknown keys',
    JSON.stringify({ format: 'gov-info-annual-report/2021', values: Object.fromEntries(Array.from({ length: 20000 }, (_, i) => [`k${i}`, i])) }),
  ),
  json('1 MB narrative', JSON.stringify({ format: 'gov-info-annual-report/2021', values: {}, narrative: { overview: '很长的正文。'.repeat(170000) } })),
  json(
    'control characters in text',
    JSON.stringify({ format: 'gov-info-annual-report/2021', values: {}, narrative: { overview: 'a\u0000b\u0001c' }, meta: { agency: '\ud800' } }),
  ),
];

const file = (name: string, fileName: string, bytes: () => Uint8Array): BadFile => ({ kind: 'file', name, file: fileName, bytes });
const text = (s: string) => new TextEncoder().encode(s);

export const BAD_FILES: BadFile[] = [
  file('empty .xlsx', 'x.xlsx', () => new Uint8Array(0)),
  file('text named .xlsx', 'x.xlsx', () => text('not a workbook')),
  file('PNG named .json', 'x.json', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  file('truncated zip .xlsx', 'x.xlsx', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00])),
  file('zip without workbook', 'x.xlsx', () => zipSync({ 'a.txt': strToU8('x') })),
  file('docx named .xlsx', 'x.xlsx', () => zipSync({ 'word/document.xml': strToU8('<w:document/>') })),
  file('xlsx named .docx', 'x.docx', () => zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })),
  file('broken workbook.xml', 'x.xlsx', () => zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" r:id="rId1"') })),
  file('zip bomb .xlsx', 'x.xlsx', () =>
    zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(70 * 1024 * 1024).fill(32) }, { level: 9 }),
  ),
  file('random bytes .docx', 'x.docx', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
  file('random bytes .html', 'x.html', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
  file('binary .txt', 'x.txt', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)),
  file('tag soup .html', 'x.html', () => text('<table><tr><td>自然人<td><tr></table></td></tr><p><<<>>>&#xFFFFFF;&bogus;')),
  file('unclosed tables .html', 'x.html', () => text(`${'<table><tr><td>'.repeat(5000)}城东区2023年政府信息公开工作年度报告`)),
  file('empty .docx body', 'x.docx', () => zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="w"><w:body/></w:document>') })),
];

const wb = (name: string, edit: (w: ExcelJS.Workbook) => void): BadWorkbook => ({ kind: 'workbook', name, edit });
const data = (w: ExcelJS.Workbook) => w.getWorksheet('报告数据')!;

export const BAD_WORKBOOKS: BadWorkbook[] = [
  wb('merged cells broken', (w) => {
    for (const range of Object.keys((data(w) as unknown as { _merges: Record<string, unknown> })._merges)) data(w).unMergeCells(range);
  }),
  wb('rows inserted above', (w) => data(w).spliceRows(1, 0, ['插入'], ['插入'])),
  wb('rows deleted in T3', (w) => data(w).spliceRows(30, 3)),
  wb('columns inserted', (w) => data(w).spliceColumns(1, 0, ['x'])),
  wb('columns deleted', (w) => data(w).spliceColumns(5, 2)),
  wb('data sheet renamed', (w) => (data(w).name = '数据')),
  wb('data sheet removed', (w) => w.removeWorksheet(data(w).id)),
  wb('text sheet removed', (w) => w.removeWorksheet(w.getWorksheet('报告正文')!.id)),
  wb('all names removed', (w) => (w.definedNames.model = [])),
  wb(
    'dangling names',
    (w) => (w.definedNames.model = (w.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({ ...n, ranges: ["'不存在'!$A$1"] }))),
  ),
  wb(
    'duplicate names to one cell',
    (w) => (w.definedNames.model = (w.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({ ...n, ranges: ["'报告数据'!$D$5"] }))),
  ),
  wb('10,000 used rows', (w) => {
    const s = w.addWorksheet('明细');
    for (let r = 1; r <= 10000; r++) s.getRow(r).values = [r, `第${r}行`, r * 2];
  }),
  wb('1 MB narrative', (w) => (w.getWorksheet('报告正文')!.getCell('B11').value = '很长的正文。'.repeat(170000))),
  wb('formulas where numbers belong', (w) => {
    data(w).getCell('D10').value = { formula: 'D9+1', result: 1 };
    data(w).getCell('E10').value = { formula: 'XYZ()' } as ExcelJS.CellFormulaValue;
  }),
  wb('every value cell a string', (w) => {
    data(w).eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' ? (c.value = `${c.value}件`) : undefined)));
  }),
];

export const BAD_TEXTS: BadText[] = [
  { kind: 'narrative', name: '1 MB of text', text: '很长的正文，没有句号'.repeat(100000) },
  { kind: 'narrative', name: 'control characters', text: '正文\u0000\u0001\u0008\u000b' },
  { kind: 'narrative', name: 'unpaired surrogates', text: '正文\ud800\udc00\ud800' },
  { kind: 'narrative', name: 'numbers everywhere', text: Array.from({ length: 2000 }, (_, i) => `收到申请${i}件`).join('，') },
  { kind: 'narrative', name: 'markup', text: '<script>alert(1)</script>&amp;<w:t>x</w:t>' },
];

export const CORPUS: BadInput[] = [...BAD_CELLS, ...BAD_JSON, ...BAD_FILES, ...BAD_WORKBOOKS, ...BAD_TEXTS];
