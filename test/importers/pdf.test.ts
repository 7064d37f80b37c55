/**
 * PDF reports: made here from our own Word report by LibreOffice and from the HTML rendering by
 * Chromium's print to PDF, then read back. Every value is exact (blanks stay blank), the check gives
 * the same findings as on the JSON, and scans, encrypted and broken files are refused with a message.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSource, documentPlan, type Report } from '../../src/core';
import { importPublished } from '../../src/importers';
import { blocksFromPdfPages, foldRadicals, type PdfPage } from '../../src/importers/pdf-layout';
import { buildDocx } from '../../src/word/docx';
import { toHtml } from '../helpers/render';
import { loadExample } from '../helpers/reports';
import { CHROMIUM_FLAGS, chromiumPath } from '../helpers/chromium';

const dir = mkdtempSync(join(tmpdir(), 'pdf-import-'));

/** The example as the Word report shows it: the 2021 format's （六）3.其他 row is printed, blank. */
function asPrinted(report: Report): Report {
  const values = { ...report.values };
  for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legalService', 'other', 'total']) values[`requests.otherHandling.other.${c}`] ??= null;
  return { ...report, values };
}

async function fromLibreOffice(report: Report, name: string): Promise<Uint8Array> {
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, await buildDocx(documentPlan(report)));
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'ignore',
    timeout: 120000,
  });
  return new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));
}

function fromChromium(report: Report, name: string): Uint8Array {
  const html = join(dir, `${name}.html`);
  writeFileSync(html, toHtml(report));
  const pdf = join(dir, `${name}-html.pdf`);
  execFileSync(
    chromiumPath(),
    [...CHROMIUM_FLAGS, '--no-pdf-header-footer', `--user-data-dir=${dir}/chromium-profile`, `--print-to-pdf=${pdf}`, `file://${html}`],
    { stdio: 'ignore', timeout: 120000 },
  );
  return new Uint8Array(readFileSync(pdf));
}

const rulesAndMessages = (r: Report) =>
  checkSource({ report: r, narrative: true, oldLabels: [], problems: [], notes: [] })
    .map((f) => `${f.rule} ${f.cells.join(',')} ${f.message}`)
    .sort();

describe.each([
  ['LibreOffice, from our Word report', (r: Report) => fromLibreOffice(r, 'lo')],
  ['Chromium print to PDF, from the HTML rendering', async (r: Report) => fromChromium(r, 'chromium')],
])('%s', (_name, make) => {
  let imported: Awaited<ReturnType<typeof importPublished>>;
  const expected = asPrinted(loadExample());
  beforeAll(async () => {
    imported = await importPublished('report.pdf', await make(loadExample()));
  }, 180000);

  test('every value is exact, blanks included (a table cut over pages, repeated headers and page numbers handled)', () => {
    expect(imported.report.values).toEqual(expected.values);
    expect(Object.values(imported.report.values).filter((v) => v === null)).toHaveLength(21);
  });

  test('basic data and the sections are read', () => {
    expect(imported.report.meta).toEqual(expected.meta);
    for (const field of ['preamble', 'problems', 'other'] as const) expect(imported.report.narrative[field]).toBe(expected.narrative[field]);
    // Only spaces next to Chinese text may differ (a PDF does not keep them).
    expect(imported.report.narrative.overview!.replace(/\s/gu, '')).toBe(expected.narrative.overview!.replace(/\s/gu, ''));
  });

  test('the check gives the same findings as on the JSON', () => {
    expect(rulesAndMessages(imported.report)).toEqual(rulesAndMessages(expected));
  });
});

test('a report with other numbers and a blank in table 四 comes back exactly (LibreOffice)', async () => {
  const base = loadExample();
  const report: Report = {
    ...base,
    values: {
      ...base.values,
      'active.licensing': 7,
      'requests.newReceived.natural': 3,
      'requests.newReceived.total': 3,
      'appeals.review.upheld': null,
      'appeals.review.total': 4,
    },
  };
  const imported = await importPublished('r.pdf', await fromLibreOffice(report, 'variant'));
  expect(imported.report.values).toEqual(asPrinted(report).values);
}, 180000);

describe('refused with a message', () => {
  test.each<[string, Uint8Array, RegExp]>([
    ['not a PDF at all', new TextEncoder().encode('%PDF-1.7\nthis is not a pdf\n%%EOF'), /PDF 文件已损坏或不是 PDF/u],
    ['truncated', new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<'), /PDF 文件已损坏或不是 PDF/u],
  ])('%s', async (_name, bytes, message) => {
    await expect(importPublished('x.pdf', bytes)).rejects.toThrow(message);
  });

  test('a scan (pages with no text layer) is refused: no OCR', async () => {
    const html = join(dir, 'scan.html');
    // A page of drawn shapes only, as a scanner's image would be: no text to read.
    writeFileSync(html, '<!doctype html><body><svg width="500" height="700"><rect x="10" y="10" width="400" height="600" fill="#ccc"/></svg></body>');
    execFileSync(
      chromiumPath(),
      [...CHROMIUM_FLAGS, '--no-pdf-header-footer', `--user-data-dir=${dir}/chromium-profile`, `--print-to-pdf=${dir}/scan.pdf`, `file://${html}`],
      {
        stdio: 'ignore',
        timeout: 120000,
      },
    );
    await expect(importPublished('scan.pdf', new Uint8Array(readFileSync(join(dir, 'scan.pdf'))))).rejects.toThrow(/没有文字层（可能是扫描件）/u);
  }, 120000);

  test('an encrypted PDF says it is encrypted', async () => {
    const docx = join(dir, 'secret.docx');
    writeFileSync(docx, await buildDocx(documentPlan(loadExample())));
    const filter = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x1"}}';
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', filter, '--outdir', join(dir, 'secret'), docx],
      {
        stdio: 'ignore',
        timeout: 120000,
      },
    );
    await expect(importPublished('secret.pdf', new Uint8Array(readFileSync(join(dir, 'secret', 'secret.pdf'))))).rejects.toThrow(/已加密/u);
  }, 180000);
});

describe('the layout, on made-up pages', () => {
  const item = (text: string, x: number, y: number, size = 12) => ({ text, x, y, width: text.length * size, size });
  const page = (items: PdfPage['items'], segments: PdfPage['segments'] = []): PdfPage => ({ width: 595, height: 842, items, segments });

  test('running heads and page numbers are dropped, a paragraph continues over the page break', () => {
    const full = '这是一个很长的段落需要换到下一页继续写的内容'.repeat(1);
    const blocks = blocksFromPdfPages([
      page([item('某县人民政府信息公开年报', 100, 810), item(full, 80, 500), item('- 1 -', 280, 40)]),
      page([item('某县人民政府信息公开年报', 100, 810), item('接着写完。', 80, 700), item('第 2 页', 280, 40)]),
    ]);
    expect(blocks).toEqual([{ type: 'paragraph', text: `${full}接着写完。` }]);
  });

  test('the radicals some writers map CJK glyphs to are folded back', () => {
    expect(foldRadicals('⼈⺠政府⻄宁')).toBe('人民政府西宁');
    expect(foldRadicals('（一）')).toBe('（一）');
  });

  test('a frame around the page is not a table', () => {
    const frame = [
      { x1: 30, y1: 30, x2: 565, y2: 30 },
      { x1: 565, y1: 30, x2: 565, y2: 812 },
      { x1: 565, y1: 812, x2: 30, y2: 812 },
      { x1: 30, y1: 812, x2: 30, y2: 30 },
    ];
    expect(blocksFromPdfPages([page([item('一、总体情况', 80, 700)], frame)])).toEqual([{ type: 'paragraph', text: '一、总体情况' }]);
  });
});
