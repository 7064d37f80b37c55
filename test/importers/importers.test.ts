/** Importing published reports: the example, each format, label variants, 2019 tables, hostile files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { asSource, checkSource, documentPlan, stringifyReport, type Report } from '../../src/core';
import { CELLS } from '../helpers/format';
import { ImportError, importReport } from '../../src/importers';
import { cleanArtefacts } from '../../src/importers/blocks';
import { blocksFromHtml } from '../../src/importers/html';
import { buildDocx } from '../../src/word/docx';
import { EXAMPLE_PATH, consistentReport, withValues, type Seed } from '../helpers/reports';
import { toHtml, toTextDump } from '../helpers/render';

const DUMP = join(__dirname, '../../examples/chengdong-2023-report.txt');
const enc = (s: string) => new TextEncoder().encode(s);

/** What an import can give back of a report: values, narrative, and the metadata a document shows. */
function comparable(r: Report) {
  const values = Object.fromEntries(CELLS.map((c) => [c.key, r.values[c.key] ?? null]));
  return { values, narrative: r.narrative, agency: r.meta.agency, year: r.meta.year, office: r.meta.office, date: r.meta.date };
}

const sample = (): Report => {
  const r = withValues(consistentReport(), { 'requests.disclosed.commercial': null, 'appeals.review.pending': '/', 'active.fees': 12.5 });
  return {
    ...r,
    meta: { agency: '测试县人民政府', year: 2023, office: '测试县人民政府办公室', date: '2024-01-31', title: '测试县人民政府2023年政府信息公开工作年度报告' },
    narrative: {
      preamble: '本报告所列数据的统计期限为2023年1月1日至12月31日。如有疑问请与测试县政府办公室联系（电话：0000-1234567）。',
      overview: '2023年，本县认真贯彻落实条例。\n\n（一）主动公开。共发布信息100条。',
      problems: '一是公开内容不够全面。下一步将加强培训。',
      other: '本年度未收取信息处理费。',
    },
  };
};

describe('the example text dump', () => {
  test('imports to exactly examples/chengdong-2023.json', () => {
    const imported = importReport('chengdong-2023-report.txt', readFileSync(DUMP));
    expect(stringifyReport(imported.report)).toBe(readFileSync(EXAMPLE_PATH, 'utf8'));
    expect(imported.problems).toEqual([]);
    // Its T2 uses the 2019 label 规范性文件 for 行政规范性文件.
    expect(imported.oldLabels).toEqual(['规范性文件']);
    expect(checkSource({ ...asSource(imported.report), oldLabels: imported.oldLabels }).filter((f) => f.rule === 'old-template')).toHaveLength(2);
  });
});

describe('each format gives the report back', () => {
  test.each<[string, (r: Report) => Promise<Uint8Array>]>([
    ['.txt text dump', async (r) => enc(toTextDump(r, (s) => (s ? `\u00a0${s}` : s)))],
    ['.html with rowspan, colspan and &nbsp;', async (r) => enc(toHtml(r))],
    ['.docx written by our Word generator', async (r) => buildDocx(documentPlan(r))],
  ])('%s', async (name, render) => {
    const report = sample();
    const ext = name.split(' ')[0]!;
    const imported = importReport(`r${ext}`, await render(report));
    expect(imported.problems).toEqual([]);
    expect(comparable(imported.report)).toEqual(comparable(report));
    expect(imported.report.meta.contact).toBe('测试县政府办公室（电话：0000-1234567）');
  });

  test('property: generated reports survive text dump, HTML and .docx', async () => {
    const count = fc.nat({ max: 300 });
    const seedArb: fc.Arbitrary<Seed> = fc.record({
      columns: fc.array(fc.record({ results: fc.array(fc.nat({ max: 30 }), { minLength: 21, maxLength: 21 }), carriedOver: count, carriedForward: count }), {
        minLength: 6,
        maxLength: 6,
      }),
      appeals: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
      docs: fc.tuple(fc.tuple(count, count, count), fc.tuple(count, count, count)),
      singles: fc.record({ licensing: count, penalty: count, coercion: count, fees: fc.integer({ min: 0, max: 9999999 }).map((n) => n / 100) }),
    });
    await fc.assert(
      fc.asyncProperty(seedArb, fc.constantFrom('txt', 'html', 'docx'), async (seed, kind) => {
        const report = { ...sample(), values: consistentReport(seed).values };
        const bytes = kind === 'txt' ? enc(toTextDump(report)) : kind === 'html' ? enc(toHtml(report)) : await buildDocx(documentPlan(report));
        expect(comparable(importReport(`r.${kind}`, bytes).report).values).toEqual(comparable(report).values);
      }),
      { numRuns: 30, seed: 2024 },
    );
  });
});

describe('label variants and old templates', () => {
  const dump = () => toTextDump(sample());
  test.each<[string, (s: string) => string]>([
    ['1．and 1、 numbering', (s) => s.replace('\t1.属于国家秘密', '\t1．属于国家秘密').replace('\t2.重复申请', '\t2、重复申请')],
    ['half-width brackets', (s) => s.replace('\t（一）予以公开', '\t(一)予以公开')],
    ['straight quotes', (s) => s.replace('“三安全一稳定”', '"三安全一稳定"')],
    ['a label broken over lines', (s) => s.replace('\t一、本年新收政府信息公开申请数量', '\t一、本年新收政府信息\n公开申请数量'.replace('\n', ''))],
    ['， for 、 in （六）', (s) => s.replace('1.申请人无正当理由逾期不补正、行政机关', '1.申请人无正当理由逾期不补正，行政机关')],
    [
      'a filling note in a label',
      (s) => s.replace('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）（注）'),
    ],
    ['variant section title of 四', (s) => s.replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')],
  ])('%s', (_name, change) => {
    const imported = importReport('r.txt', enc(change(dump())));
    expect(imported.problems).toEqual([]);
    expect(comparable(imported.report).values).toEqual(comparable(sample()).values);
  });

  test('a variant title is kept as written, for section-title', () => {
    const imported = importReport('r.txt', enc(dump().replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况')));
    expect(imported.report.meta.sectionTitles).toEqual({ problems: '五、政府信息公开工作存在的主要问题及改进情况' });
    expect(checkSource(asSource(imported.report)).map((f) => f.messageId)).toContain('section.title-variant');
  });

  test('blank stays blank, 0 stays 0, “/” stays text', () => {
    const r = importReport('r.txt', enc(dump())).report;
    expect(r.values['requests.disclosed.commercial']).toBeNull();
    expect(r.values['requests.disclosed.research']).toBe(0);
    expect(r.values['appeals.review.pending']).toBe('/');
  });

  test('a 2019 report: old labels reported, what maps imported, the rest absent', () => {
    let s = dump();
    s = s
      .replace('\t本年制发件数\n\t本年废止件数\n\t现行有效件数', '\t本年新制作数量\n\t本年新公开数量\n\t对外公开总数量')
      .replace('\t行政规范性文件', '\t规范性文件');
    // One （六）其他处理 row with seven values instead of three numbered rows.
    const start = s.indexOf('\t（六）其他处理');
    const end = s.indexOf('\t（七）总计');
    s = `${s.slice(0, start)}\t\t（六）其他处理\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n${s.slice(end - 1)}`;
    const imported = importReport('r.txt', enc(s));
    expect(imported.oldLabels).toEqual(expect.arrayContaining(['2019年格式的主动公开表（本年新制作数量等）', '规范性文件', '（六）其他处理（单行）']));
    expect(imported.report.values['active.regulations.issued']).toBeUndefined();
    expect(imported.report.values['active.licensing']).toBe(0);
    expect(imported.report.values['requests.otherHandling.noCorrection.natural']).toBeUndefined();
    expect(imported.report.values['requests.totalHandled.natural']).toBeDefined();
    const findings = checkSource({ ...asSource(imported.report), oldLabels: imported.oldLabels });
    expect(findings.filter((f) => f.rule === 'old-template').length).toBe(2);
  });

  test('what cannot be placed is reported, never guessed', () => {
    const s = dump().replace('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '\t（二）某种其他处理');
    const imported = importReport('r.txt', enc(s));
    expect(imported.problems.join('')).toContain('（二）部分公开');
    expect(imported.report.values['requests.partlyDisclosed.natural']).toBeUndefined();
  });
});

describe('a .docx built differently', () => {
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  const tc = (t: string, extra = '') => `<w:tc><w:tcPr>${extra}</w:tcPr>${p(t)}</w:tc>`;
  test('content controls, vMerge continuation cells, split runs, tabs and breaks', () => {
    const report = sample();
    // The three tables as Word would write them from the text dump's rows.
    const dump = toTextDump(report);
    const rows = dump.split('\n');
    const body: string[] = [];
    let table: string[][] = [];
    let row: string[] = [];
    const flushTable = () => {
      if (row.length) table.push(row);
      if (table.length)
        body.push(`<w:tbl>${table.map((r) => `<w:tr>${r.map((c) => (c === '' ? tc('', '<w:vMerge/>') : tc(c))).join('')}</w:tr>`).join('')}</w:tbl>`);
      table = [];
      row = [];
    };
    for (const line of rows) {
      if (line.startsWith('\t')) row.push(line.slice(1));
      else if (line === '') {
        if (row.length) table.push(row);
        row = [];
      } else {
        flushTable();
        // Runs split mid-word, as Word does after editing; a paragraph wrapped in a content control.
        const half = Math.floor(line.length / 2);
        body.push(
          `<w:sdt><w:sdtContent><w:p><w:r><w:t>${line.slice(0, half)}</w:t></w:r><w:r><w:t>${line.slice(half)}</w:t></w:r></w:p></w:sdtContent></w:sdt>`,
        );
      }
    }
    flushTable();
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`;
    const docx = zipSync({ 'word/document.xml': strToU8(xml), '[Content_Types].xml': strToU8('<Types/>') });
    const imported = importReport('r.docx', docx);
    expect(imported.problems).toEqual([]);
    expect(comparable(imported.report)).toEqual(comparable(report));
  });
});

describe('broken and hostile files', () => {
  test.each<[string, string, Uint8Array, RegExp]>([
    ['not a docx', 'r.docx', enc('just text'), /不是 Word 文档/u],
    ['a truncated docx', 'r.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /损坏/u],
    ['a zip without a document', 'r.docx', zipSync({ 'a.txt': strToU8('x') }), /不是 Word 文档/u],
    ['a docx named .txt', 'r.txt', zipSync({ 'a.txt': strToU8('x') }), /压缩文件/u],
    ['an empty file', 'r.html', new Uint8Array(0), /空的/u],
    ['a page without a report', 'r.html', enc('<html><body><p>通知公告</p></body></html>'), /没有找到年度报告/u],
    ['another type', 'r.pdf', enc('%PDF-1.4'), /\.txt/u],
  ])('%s: a clear error', (_name, file, bytes, message) => {
    expect(() => importReport(file, bytes)).toThrow(ImportError);
    expect(() => importReport(file, bytes)).toThrow(message);
  });

  test('a zip bomb is refused before it is inflated in full', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(80 * 1024 * 1024).fill(32) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => importReport('bomb.docx', bomb)).toThrow(/压缩炸弹/u);
  });

  test('Word artefact marks: closed ones go, unclosed ones stay as text, and many unclosed ones are read', () => {
    expect(cleanArtefacts('一[bookmark: _Toc1]二[comment: 注]三')).toBe('一二三');
    expect(cleanArtefacts('[bookmark: a[bookmark: b]c')).toBe('[bookmark: ac');
    const unclosed = '[bookmark: x'.repeat(50000);
    expect(cleanArtefacts(`${unclosed}[comment: y]`)).toBe(unclosed);
  });

  test('deeply nested HTML is read without recursion', () => {
    const html = `${'<div><span>'.repeat(100000)}<p>某某局2023年政府信息公开工作年度报告</p>${'</span></div>'.repeat(100000)}`;
    const blocks = blocksFromHtml(html);
    expect(blocks.some((b) => b.type === 'paragraph' && b.text.includes('年度报告'))).toBe(true);
  });

  test('hostile pages are read in one pass: unclosed comments and tags, a megabyte inline image, many scripts', () => {
    const title = '<p>某某局2023年政府信息公开工作年度报告</p>';
    const paragraphs = (html: string) => blocksFromHtml(html).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    // An inline image of 9 MB: one attribute, no backtracking.
    expect(paragraphs(`${title}<img src="data:image/png;base64,${'A'.repeat(9 * 1024 * 1024)}"><p>正文</p>`)).toEqual([
      '某某局2023年政府信息公开工作年度报告',
      '正文',
    ]);
    // A '>' inside a quoted attribute does not end the tag.
    expect(paragraphs(`<p title="a>b">甲</p><p data-x='c>d'>乙</p>`)).toEqual(['甲', '乙']);
    // Scripts of any case, with '</' inside them, are skipped; text around them is kept.
    const scripts = Array.from({ length: 1000 }, (_, i) => `<SCRIPT>var s${i} = "</div>" + '</scr' + 'ipt>';</Script>`).join('');
    expect(paragraphs(`${title}${scripts}<p>结尾</p>`)).toEqual(['某某局2023年政府信息公开工作年度报告', '结尾']);
    // Text that lowercases to a different length (İ) before a script does not shift where the script ends.
    expect(paragraphs(`<p>İİİ</p><script>x</script><p>后</p>`)).toEqual(['İİİ', '后']);
    // A comment or tag left open ends the page, as in a browser; what came before is kept.
    expect(paragraphs(`${title}${'<!--'.repeat(100000)}`)).toEqual(['某某局2023年政府信息公开工作年度报告']);
    expect(paragraphs(`${title}<p>甲${'<a '.repeat(100000)}`)).toEqual(['某某局2023年政府信息公开工作年度报告', '甲']);
    expect(paragraphs(`${title}<p>1 < 2 <<b>粗</b></p>`)).toEqual(['某某局2023年政府信息公开工作年度报告', '1 < 2 <粗']);
  });

  test('GBK pages are decoded', () => {
    const gbk = readFileSync(join(__dirname, '../fixtures/gbk-report.html'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const imported = importReport('r.html', gbk);
    expect(imported.report.meta.agency).toBe('城东区人民政府');
    expect(imported.report.values['appeals.review.total']).toBe(1);
  });
});
