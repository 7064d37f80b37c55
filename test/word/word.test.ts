/** The Word report: structure of word/document.xml, a golden file, typography, special text, LibreOffice. */
import { execFileSync } from 'node:child_process';
import { pdfLines, pdfWords } from '../helpers/pdf';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { documentPlan, documentValues, type Report } from '../../src/core';
import { SECTIONS } from '../helpers/format';
import { buildDocx } from '../../src/word/docx';
import { consistentReport, loadExample, withValues } from '../helpers/reports';

const GOLDEN = join(__dirname, '../golden/chengdong-2023.document.xml');
const dir = mkdtempSync(join(tmpdir(), 'word-test-'));

const example = (): Report => {
  const r = loadExample();
  return { ...r, meta: { ...r.meta, date: '2024-01-31' } };
};

async function parts(report: Report, options = {}) {
  const zip = await JSZip.loadAsync(await buildDocx(documentPlan(report, options)));
  const file = async (p: string) => zip.file(p)!.async('string');
  return { zip, document: await file('word/document.xml'), core: await file('docProps/core.xml') };
}

/** The text of every table cell, table by table, in document order. */
function tableCells(xml: string): string[][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/gu)].map((t) =>
    [...t[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/gu)].map((c) => [...c[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('')),
  );
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

describe('document.xml of the example', () => {
  let xml = '';
  beforeAll(async () => {
    xml = (await parts(example())).document;
  });

  test('matches the golden file (regenerate on purpose: UPDATE_GOLDEN=1 npx jest test/word)', () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, xml);
    expect(existsSync(GOLDEN)).toBe(true);
    // A boolean, not a diff of 100 KB of XML: look at the file with git diff after regenerating.
    expect(xml === readFileSync(GOLDEN, 'utf8')).toBe(true);
  });

  test('title, then the six section titles in order', () => {
    const text = unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('\n'));
    let at = text.indexOf('城东区人民政府2023年政府信息公开工作年度报告');
    expect(at).toBeGreaterThanOrEqual(0);
    for (const s of SECTIONS) {
      const next = text.indexOf(s.title, at);
      expect([s.title, next > at]).toEqual([s.title, true]);
      at = next;
    }
    expect(text.indexOf('城东区人民政府办公室', at)).toBeGreaterThan(at);
    expect(text).toContain('2024年1月31日');
  });

  test('three tables; T3 has 3 header rows and 25 data rows, headers repeat and rows never split', () => {
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/gu)].map((m) => m[1]!);
    expect(tables).toHaveLength(3);
    const t3 = tables[1]!;
    const rows = [...t3.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/gu)].map((m) => m[1]!);
    expect(rows).toHaveLength(28);
    expect(rows.filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(3);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    for (const t of tables) expect([...t.matchAll(/<w:tr>/gu)].length).toBe([...t.matchAll(/<w:cantSplit\/>/gu)].length);
  });

  test('T3 has the official merges', () => {
    const t3 = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/gu)][1]![1]!;
    // The note: 3 columns by 3 rows; 申请人情况 spans 7; 法人或其他组织 spans 5; row labels span 3 or 2.
    expect(t3).toMatch(/<w:gridSpan w:val="3"\/>[\s\S]*?本列数据的勾稽关系/u);
    expect(t3).toMatch(/<w:gridSpan w:val="7"\/>[\s\S]*?申请人情况/u);
    expect(t3).toMatch(/<w:gridSpan w:val="5"\/>[\s\S]*?法人或其他组织/u);
    const restarts = [...t3.matchAll(/<w:vMerge w:val="restart"\/>/gu)].length;
    // note, 自然人, 总计, 三、本年度办理结果, （三）, （四）, （五）, （六）
    expect(restarts).toBe(8);
  });

  test('every value sits in its cell, in table order', () => {
    const shown = documentValues(documentPlan(example()));
    const cells = tableCells(xml).flat().map(unescape);
    let at = 0;
    for (const { key, text } of shown) {
      if (text === '') continue;
      const i = cells.indexOf(text, at);
      expect([key, i >= at]).toEqual([key, true]);
      at = i + 1;
    }
    expect(shown.find((v) => v.key === 'active.fees')!.text).toBe('341.5979');
    expect(shown.find((v) => v.key === 'requests.carriedOver.natural')!.text).toBe('');
  });

  test('公文 typography: A4, margins, fonts in every slot, exact 29 pt lines, indent, page numbers', () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(xml).toMatch(/<w:spacing w:line="580" w:lineRule="exact"\/>/u);
    expect(xml).toContain('<w:ind w:firstLine="640"/>');
    expect(xml).toMatch(/<w:sz w:val="44"\/>/u);
  });
});

describe('the .docx package', () => {
  test('same report, same document.xml; properties set and timestamps pinned', async () => {
    const a = await parts(example());
    const b = await parts(example());
    expect(a.document === b.document).toBe(true);
    expect(a.core).toContain('<dc:title>城东区人民政府2023年政府信息公开工作年度报告</dc:title>');
    expect(a.core).toContain('<dc:creator>城东区人民政府办公室</dc:creator>');
    expect(a.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-31T00:00:00Z</dcterms:created>');
    const footer = await a.zip.file('word/footer1.xml')!.async('string');
    expect(footer).toContain('— ');
    expect(footer).toContain('PAGE');
  });

  test('blank cells as 0 only when chosen', async () => {
    const withZero = documentValues(documentPlan(example(), { blankAsZero: true }));
    expect(withZero.find((v) => v.key === 'requests.carriedOver.natural')!.text).toBe('0');
  });

  test.each<[string, Report['narrative']]>([
    ['XML specials and quotes', { overview: 'a < b && c > d, "引号" \'单引号\' <w:t>注入</w:t>' }],
    ['emoji and rare characters', { overview: '表情😀、生僻字𠀀、全角１２３' }],
    ['a very long paragraph', { overview: '很长的段落。'.repeat(20000) }],
    ['empty sections', { overview: '', problems: '', other: '' }],
    ['control characters and unpaired surrogates', { overview: 'a\u0001b\u0007c\uD800d\uDFFFe\u000Bf' }],
    ['sub-headings', { overview: '（一）加强领导。各部门高度重视。\n\n（二）完善制度\n\n一是推进公开。' }],
  ])('%s: a valid document', async (_name, narrative) => {
    const report = { ...consistentReport(), narrative };
    const { document, core } = await parts(report);
    expect(XMLValidator.validate(document)).toBe(true);
    expect(XMLValidator.validate(core)).toBe(true);
    if (narrative.overview?.includes('注入')) expect(document).toContain('&lt;w:t&gt;注入');
  });
});

describe('LibreOffice opens the report', () => {
  test('the PDF text holds every section title and every number in table order', async () => {
    const file = join(dir, 'report.docx');
    const report = withValues(example(), {});
    writeFileSync(file, await buildDocx(documentPlan(report)));
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'ignore',
      timeout: 120000,
    });
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s/gu, '');
    for (const s of SECTIONS) expect(flat).toContain(s.title);
    expect(flat).toContain('城东区人民政府2023年政府信息公开工作年度报告'.replace(/\s/gu, ''));
    // Numbers of each table, in order, as tokens of the text.
    const tokens = text.split(/\s+/u);
    let at = 0;
    for (const { text: value } of documentValues(documentPlan(report))) {
      if (value === '') continue;
      const i = tokens.indexOf(value, at);
      expect([value, i >= at]).toEqual([value, true]);
      at = i + 1;
    }
    expect(flat).toContain('—1—');

    // Layout as rendered: the title breaks after the body's name, 二号 title and 三号 body, table
    // headers broken between words, and no table label line that is a single character.
    const words = pdfWords(join(dir, 'report.pdf'));
    const first = pdfLines(words, 1);
    expect(first.slice(0, 2)).toEqual(['城东区人民政府', '2023年政府信息公开工作年度报告']);
    const height = (text: string) => words.find((w) => w.text === text)!;
    const title = height('城东区人民政府');
    expect(title.y1 - title.y0).toBeGreaterThan(26); // 22 pt glyphs, about 28.6 pt boxes
    const bodyWord = words.find((w) => w.page === 1 && w.y0 > title.y1 + 60)!;
    expect(bodyWord.y1 - bodyWord.y0).toBeGreaterThan(19); // 16 pt
    const tableLines = words.filter((w) => w.page > 1).map((w) => w.text);
    expect(tableLines).toEqual(expect.arrayContaining(['社会', '公益', '组织', '法律', '服务', '机构']));
    expect(tableLines).not.toContain('社会公益组');
    const allLines = Array.from({ length: Math.max(...words.map((w) => w.page)) }, (_, i) => pdfLines(words, i + 1)).flat();
    const stranded = allLines.filter((l) => /^[\u4e00-\u9fff]$/u.test(l));
    expect(stranded).toEqual([]);
  }, 150000);
});
