/** The .xlsx adapter: template written by ExcelJS, read back by names and by labels, opened by LibreOffice. */
import { execFileSync } from 'node:child_process';
import { pdfWords } from '../helpers/pdf';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { a1, asSource, checkSource, placesFromReport, planAddresses, runRules, workbookPlan, type Report } from '../../src/core';
import { CELLS, TABLES, REV } from '../helpers/format';
import { buildWorkbook } from '../../src/xlsx/write';
import { WorkbookError, parseXlsx, readReport } from '../../src/xlsx/read';
import { consistentReport, loadExample, withValues } from '../helpers/reports';

const plan = workbookPlan(REV);
const addresses = planAddresses(plan);
/** A1 address of a place in the template. */
const at = (key: string) => a1(addresses.get(key)!.row, addresses.get(key)!.col);
const dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'));

/** Opens our bytes in ExcelJS, as another program (or a user) would, to change them. */
async function inExcelJS(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

async function roundTrip(report: Report, edit?: (wb: ExcelJS.Workbook) => void) {
  const buffer = await buildWorkbook(plan, placesFromReport(report, REV));
  if (!edit) return readReport(parseXlsx(buffer));
  const wb = await inExcelJS(buffer);
  edit(wb);
  return readReport(parseXlsx(Buffer.from(await wb.xlsx.writeBuffer())));
}

const complete = (): Report => {
  const r = consistentReport();
  const { title: _title, ...meta } = r.meta;
  return { ...r, meta };
};

describe('template round trip', () => {
  test('a complete report reads back identical, by names, with the same findings', async () => {
    const report = withValues(complete(), { 'requests.disclosed.natural': 3, 'active.fees': '251000元', 'appeals.review.pending': null });
    const read = await roundTrip(report);
    expect(read.via).toBe('names');
    expect(read.narrative).toBe(true);
    expect(read.report).toEqual(report);
    expect(runRules(read.report)).toEqual(runRules(report));
  });

  test('the Chengdong example: values, metadata and narrative come back; its absent row becomes blank cells', async () => {
    const example = loadExample();
    const read = await roundTrip(example);
    for (const c of CELLS) expect([c.key, read.report.values[c.key]]).toEqual([c.key, example.values[c.key] ?? null]);
    const { title: _title, ...meta } = example.meta;
    expect(read.report.meta).toEqual(meta);
    expect(read.report.narrative).toEqual(example.narrative);
    // The same findings, except that the template has the 2021 row the example lacks (now 7 blanks).
    const fromJson = runRules(example).filter((f) => f.rule !== 'old-template');
    const fromXlsx = runRules(read.report).filter((f) => !f.cells[0]!.startsWith('requests.otherHandling.other.'));
    expect(fromXlsx).toEqual(fromJson);
  });

  test('the workbook has one defined name per place, validation, protection and A4 setup', async () => {
    const wb = await inExcelJS(await buildWorkbook(plan));
    const names = (wb.definedNames.model as { name: string }[]).map((n) => n.name);
    expect(names).toHaveLength(CELLS.length + 10);
    expect(names).toContain('GIR.requests.newReceived.natural');
    const ws = wb.getWorksheet('报告数据')!;
    const address = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((n) => n.name === 'GIR.active.fees')!.ranges[0]!;
    const cell = ws.getCell(address.split('!')[1]!.replace(/\$/gu, ''));
    expect(cell.dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(cell.numFmt).toBe('0.0000');
    expect(cell.protection).toMatchObject({ locked: false });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection).toMatchObject({ sheet: true });
  });

  test('the same input gives the same workbook bytes', async () => {
    const a = await buildWorkbook(plan, placesFromReport(loadExample(), REV));
    const b = await buildWorkbook(plan, placesFromReport(loadExample(), REV));
    expect(a.equals(b)).toBe(true);
  });
});

describe('workbooks changed by users', () => {
  test('text and full-width digits typed into cells', async () => {
    const read = await roundTrip(complete(), (wb) => {
      const ws = wb.getWorksheet('报告数据')!;
      ws.getCell(at('requests.carriedForward.natural')).value = '１２';
      ws.getCell(at('requests.carriedForward.commercial')).value = '\u00a03 件';
      ws.getCell(at('requests.carriedForward.research')).value = '不详';
    });
    const row = (c: string) => read.report.values[`requests.${'carriedForward'}.${c}`];
    expect([row('natural'), row('commercial'), row('research')]).toEqual([12, 3, '不详']);
    const findings = checkSource(asSource(read.report));
    expect(findings.find((f) => f.rule === 'whole-number')).toMatchObject({ cells: ['requests.carriedForward.research'] });
  });

  test('deleted names and rows inserted above the tables: found by labels', async () => {
    const report = withValues(complete(), { 'requests.disclosed.natural': 9 });
    const read = await roundTrip(report, (wb) => {
      wb.definedNames.model = [];
      wb.getWorksheet('报告数据')!.spliceRows(1, 0, ['本表由某某科室填写'], []);
    });
    expect(read.via).toBe('labels');
    for (const c of CELLS) expect([c.key, read.report.values[c.key]]).toEqual([c.key, report.values[c.key]]);
    expect(read.report.narrative).toEqual(report.narrative);
    expect(checkSource(asSource(read.report)).map((f) => f.rule)).toEqual(['row-total', 'handled-total']);
  });

  test('a renamed sheet leaves dangling names: found by labels', async () => {
    const read = await roundTrip(complete(), (wb) => {
      wb.getWorksheet('报告数据')!.name = '2023年数据';
    });
    expect(read.via).toBe('labels');
    expect(read.addresses.get('requests.totalHandled.total')?.sheet).toBe('2023年数据');
    expect(checkSource(asSource(read.report))).toEqual([]);
  });

  test('a workbook of tables only: the text rules are skipped and the user is told', async () => {
    const read = await roundTrip(complete(), (wb) => {
      wb.removeWorksheet(wb.getWorksheet('报告正文')!.id);
    });
    expect(read.narrative).toBe(false);
    expect(checkSource({ ...asSource(read.report), narrative: false })).toEqual([]);
    expect(checkSource(asSource(read.report)).map((f) => f.rule)).toContain('section-missing');
  });

  test('formulas count by their results; a formula error is reported', async () => {
    const read = await roundTrip(complete(), (wb) => {
      const ws = wb.getWorksheet('报告数据')!;
      ws.getCell(at('requests.carriedForward.total')).value = { formula: 'SUM(D26:I26)', result: 4 };
      ws.getCell(at('requests.carriedForward.natural')).value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    expect(read.report.values['requests.carriedForward.total']).toBe(4);
    expect(checkSource(asSource(read.report)).map((f) => f.messageId)).toContain('value.excel-error');
  });
});

describe('broken files', () => {
  test.each<[string, Buffer, RegExp]>([
    ['not a zip', Buffer.from('hello, this is text'), /不是 Excel 工作簿/u],
    ['empty', Buffer.alloc(0), /不是 Excel 工作簿/u],
    ['a truncated workbook', Buffer.alloc(0), /损坏/u],
  ])('%s gives a clear error', async (name, bytes, message) => {
    let input = bytes;
    if (name === 'a truncated workbook') {
      const full = await buildWorkbook(plan);
      input = full.subarray(0, Math.floor(full.length / 2));
    }
    expect(() => parseXlsx(input)).toThrow(WorkbookError);
    expect(() => parseXlsx(input)).toThrow(message);
  });
});

describe('LibreOffice opens the generated workbook', () => {
  test('the PDF it prints holds every label and the example values', async () => {
    const file = join(dir, 'report.xlsx');
    writeFileSync(file, await buildWorkbook(plan, placesFromReport(loadExample(), REV)));
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'ignore',
      timeout: 120000,
    });
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s/gu, '');
    for (const t of TABLES) for (const r of t.rows) for (const c of r.cells) if (c.type === 'label') expect(text).toContain(c.text.replace(/\s/gu, ''));
    for (const s of ['32999', '341.5979', '城东区人民政府办公室', '一、总体情况', '六、其他需要报告的事项']) expect(text).toContain(s);
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 4).toString()).toBe('%PDF');

    // Printed: each table on its own page, at the left margin, text of at least 9 pt, headers broken between words.
    const words = pdfWords(join(dir, 'report.pdf'));
    const pageOf = (text: string) => words.find((w) => w.text.startsWith(text))!;
    expect(pageOf('二、主动公开').page).toBe(1);
    expect(pageOf('三、收到和处理').page).toBe(2);
    expect(pageOf('四、政府信息公开行政复议').page).toBe(3);
    const t2 = pageOf('二、主动公开');
    expect(Math.abs(pageOf('四、政府信息公开行政复议').x0 - t2.x0)).toBeLessThan(2);
    const natural = words.find((w) => w.page === 2 && w.text === '自然人')!;
    expect((natural.x1 - natural.x0) / 3).toBeGreaterThanOrEqual(9);
    const t3 = words.filter((w) => w.page === 2).map((w) => w.text);
    expect(t3).toEqual(expect.arrayContaining(['社会公益', '组织', '法律服务', '机构']));
    expect(t3).not.toContain('社会公益组');
  }, 150000);
});
