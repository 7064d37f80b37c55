/**
 * Every bad input of the corpus through every entry point it applies to. Each gets findings or a
 * clear Chinese error; none throws unexpectedly or takes long.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  a1,
  asSource,
  checkSource,
  documentPlan,
  parseReportJson,
  placesFromReport,
  planAddresses,
  stringifyReport,
  workbookPlan,
  type Finding,
  type Report,
} from '../../src/core';
import { REV } from '../helpers/format';
import { loadReport } from '../../src/cli/load';
import { ReportNotFoundError, checkInExcel } from '../../src/excel/check';
import { paintTemplateInExcel } from '../../src/excel/template';
import { UserError } from '../../src/errors';
import { importReport } from '../../src/importers';
import { buildDocx } from '../../src/word/docx';
import { buildWorkbook } from '../../src/xlsx/write';
import { WorkbookState, excelContext } from '../doubles/excel-host';
import { consistentReport, withValues } from '../helpers/reports';
import { toTextDump } from '../helpers/render';
import { BAD_CELLS, BAD_FILES, BAD_JSON, BAD_TEXTS, BAD_WORKBOOKS, CORPUS } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'bad-inputs-'));
const plan = workbookPlan(REV);
const addresses = planAddresses(plan);
const at = (key: string) => a1(addresses.get(key)!.row, addresses.get(key)!.col);
const CHINESE = /[\u4e00-\u9fff]/u;
let n = 0;
const tempFile = (name: string, bytes: Uint8Array) => {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, bytes);
  return p;
};

/** Findings are well formed: they point at places and explain themselves. */
function wellFormed(findings: Finding[]): void {
  for (const f of findings) {
    expect(f.cells.length).toBeGreaterThan(0);
    expect(f.message).toMatch(CHINESE);
  }
}

const base = (): Report => {
  const r = consistentReport();
  const { title: _t, ...meta } = r.meta;
  return { ...r, meta };
};

async function viaXlsxLoader(report: Report, edit?: (wb: ExcelJS.Workbook) => void) {
  let bytes = await buildWorkbook(plan, placesFromReport(report, REV));
  if (edit) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    edit(wb);
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  }
  return loadReport(tempFile('w.xlsx', bytes));
}

test('the corpus holds at least 100 bad inputs', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(100);
});

describe.each(BAD_CELLS.map((c) => [c.name, c] as const))('bad cell value: %s', (_name, bad) => {
  const report = () => withValues(base(), { 'requests.disclosed.natural': bad.value, 'active.fees': bad.value });

  test('report JSON', () => {
    const parsed = parseReportJson(stringifyReport(report()));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) wellFormed(checkSource(asSource(parsed.report)));
  });

  test('.xlsx through the CLI loader', async () => {
    const loaded = await viaXlsxLoader(report());
    expect(loaded.ok).toBe(true);
    if (loaded.ok) wellFormed(checkSource({ ...asSource(loaded.report), narrative: loaded.narrative }));
  });

  test('Excel host double', async () => {
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    await paintTemplateInExcel(excelContext(state).context, plan, placesFromReport(base(), REV), { api19: true }, REV);
    state.type('报告数据', at('requests.disclosed.natural'), bad.value);
    state.type('报告数据', at('active.fees'), bad.value);
    const before = state.contentSnapshot();
    const result = await checkInExcel(excelContext(state).context, { api19: true }, REV);
    wellFormed(result.findings);
    expect(state.contentSnapshot()).toBe(before);
  });

  test('importer (text dump)', () => {
    const imported = importReport('r.txt', new TextEncoder().encode(toTextDump(report())));
    wellFormed(checkSource({ ...asSource(imported.report), oldLabels: imported.oldLabels }));
  });
});

describe.each(BAD_JSON.map((j) => [j.name, j] as const))('bad report JSON: %s', (_name, bad) => {
  test('a clear error or a checked report, quickly', async () => {
    const t0 = Date.now();
    const parsed = parseReportJson(bad.text);
    if (parsed.ok) wellFormed(checkSource(asSource(parsed.report)));
    else for (const p of parsed.problems) expect(p.message).toMatch(CHINESE);
    const loaded = await loadReport(tempFile('r.json', new TextEncoder().encode(bad.text)));
    if (!loaded.ok) expect(loaded.message).toMatch(CHINESE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(10000);
  });
});

describe.each(BAD_FILES.map((f) => [f.name, f] as const))('bad file: %s', (_name, bad) => {
  test('the CLI loader and the importers give a clear error or findings', async () => {
    const t0 = Date.now();
    const bytes = bad.bytes();
    const loaded = await loadReport(tempFile(bad.file, bytes));
    if (!loaded.ok) expect(loaded.message).toMatch(CHINESE);
    else wellFormed(checkSource(asSource(loaded.report)));
    if (/\.(docx|html|txt)$/u.test(bad.file)) {
      try {
        wellFormed(checkSource(asSource(importReport(bad.file, bytes).report)));
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect((e as Error).message).toMatch(CHINESE);
      }
    }
    expect(Date.now() - t0).toBeLessThan(15000);
  }, 30000);
});

describe.each(BAD_WORKBOOKS.map((w) => [w.name, w] as const))('workbook changed: %s', (_name, bad) => {
  test('through the CLI loader: findings or a clear error', async () => {
    const loaded = await viaXlsxLoader(withValues(base(), { 'requests.disclosed.natural': 9 }), bad.edit);
    if (!loaded.ok) expect(loaded.message).toMatch(CHINESE);
    else wellFormed(checkSource({ ...asSource(loaded.report), narrative: loaded.narrative, oldLabels: loaded.oldLabels }));
  }, 30000);
});

describe.each(BAD_TEXTS.map((t) => [t.name, t] as const))('bad narrative: %s', (_name, bad) => {
  const report = () => ({ ...base(), narrative: { ...base().narrative, overview: bad.text, other: bad.text } });

  test('checked, written to Word, through the workbook and the Excel double', async () => {
    wellFormed(checkSource(asSource(report())));
    const docx = await buildDocx(documentPlan(report()));
    expect(docx.length).toBeGreaterThan(1000);
    // A cell holds at most 32,767 characters: longer text is refused with a message before anything is written.
    const fits = bad.text.length <= 32767;
    const state = new WorkbookState();
    state.addSheet('Sheet1');
    const painted = paintTemplateInExcel(excelContext(state).context, plan, placesFromReport(report(), REV), { api19: true }, REV);
    if (!fits) {
      await expect(painted).rejects.toThrow(/32767/u);
      return;
    }
    await painted;
    wellFormed((await checkInExcel(excelContext(state).context, { api19: true }, REV)).findings);
    const loaded = await viaXlsxLoader(report());
    expect(loaded.ok).toBe(true);
  }, 30000);
});

test('the Excel double: a workbook that is not a report is a clear message, not a crash', async () => {
  const state = new WorkbookState();
  const sheet = state.addSheet('Sheet1');
  for (let r = 0; r < 10000; r++) sheet.cell(r, 0).value = `第${r}行`;
  await expect(checkInExcel(excelContext(state).context, { api19: true }, REV)).rejects.toThrow(ReportNotFoundError);
});
