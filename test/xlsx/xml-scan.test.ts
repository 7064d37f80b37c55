/** The forward XML scanner under the .xlsx and .docx readers, and workbook shapes other generators write. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { placesFromReport, workbookPlan } from '../../src/core';
import { buildWorkbook } from '../../src/xlsx/write';
import { readReport } from '../../src/xlsx/read';
import { REV } from '../helpers/format';
import { loadExample } from '../helpers/reports';
import { Token, XmlCursor, XmlScanError, decodeXmlText } from '../../src/files/xml-scan';
import { MAX_CELLS, WorkbookError, parseXlsx } from '../../src/xlsx/parse';

/** Every token as a short string: `<name a=…>`, `</name>`, `"text"`. */
function tokens(xml: string, attrs: string[] = []): string[] {
  const x = new XmlCursor(xml);
  const out: string[] = [];
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t === Token.Open) out.push(`<${x.name}${attrs.map((a) => (x.attr(a) !== undefined ? ` ${a}=${x.attr(a)}` : '')).join('')}>`);
    else if (t === Token.Close) out.push(`</${x.name}>`);
    else out.push(JSON.stringify(x.text()));
  }
  return out;
}

describe('XmlCursor', () => {
  test.each([
    ['elements, text and self-closing elements', '<a><b>x</b><c/></a>', ['<a>', '<b>', '"x"', '</b>', '<c>', '</c>', '</a>']],
    ['the declaration, comments and processing instructions are skipped', '<?xml version="1.0"?><!-- c --><a><?pi x?>t<!--<b>--></a>', ['<a>', '"t"', '</a>']],
    ['CDATA is text as written', '<a><![CDATA[<b>&amp;]]></a>', ['<a>', '"<b>&amp;"', '</a>']],
    [
      'entities and character references are decoded',
      '<a>&lt;&gt;&amp;&quot;&apos;&#x4E00;&#20108;&nbsp;</a>',
      ['<a>', JSON.stringify(`<>&"'一二&nbsp;`), '</a>'],
    ],
    ['a DOCTYPE with an internal subset is skipped and its entities never expanded', '<!DOCTYPE a [<!ENTITY x "yyyy">]><a>&x;</a>', ['<a>', '"&x;"', '</a>']],
    ['whitespace around the root is not text', '\n <a> </a>\n', ['<a>', '" "', '</a>']],
  ])('%s', (_name, xml, expected) => {
    expect(tokens(xml)).toEqual(expected);
  });

  test('attributes: either quote, spaces around =, a ">" inside a value, entities, prefixed names', () => {
    const x = new XmlCursor(`<a  one = "1" two='2>3' three="&lt;&amp;" r:id="rId7"/>`);
    expect(x.next()).toBe(Token.Open);
    expect(x.selfClosing).toBe(true);
    expect([x.attr('one'), x.attr('two'), x.attr('three'), x.attr('four'), x.attr('r:id'), x.attrLocal('id')]).toEqual([
      '1',
      '2>3',
      '<&',
      undefined,
      'rId7',
      'rId7',
    ]);
    expect(x.next()).toBe(Token.Close);
    expect(x.next()).toBe(Token.End);
  });

  test('local names drop the namespace prefix; depth counts from the root', () => {
    const x = new XmlCursor('<x:worksheet><x:sheetData/></x:worksheet>');
    x.next();
    expect([x.name, x.local, x.depth]).toEqual(['x:worksheet', 'worksheet', 1]);
    x.next();
    expect([x.name, x.local, x.depth]).toEqual(['x:sheetData', 'sheetData', 2]);
  });

  test('skipElement passes over content and leaves the element end', () => {
    const x = new XmlCursor('<a><b><c>1</c><c>2</c></b><d/></a>');
    x.next();
    x.next();
    x.skipElement();
    expect([x.next(), x.name]).toEqual([Token.Close, 'b']);
    expect([x.next(), x.name]).toEqual([Token.Open, 'd']);
  });

  test.each([
    ['an element never closed', '<a><b>x</b>'],
    ['an end tag that closes another element', '<a><b></a></b>'],
    ['an end tag with nothing open', '<a/></b>'],
    ['a tag cut off', '<a><b x="1"'],
    ['an attribute value never closed', '<a x="1>'],
    ['an unterminated comment', '<a><!-- x</a>'],
    ['an unterminated CDATA', '<a><![CDATA[x</a>'],
  ])('%s is an error, not a partial read', (_name, xml) => {
    expect(() => tokens(xml)).toThrow(XmlScanError);
  });

  test('stays linear where a naive scanner is quadratic: many "&" before one ";", many tags with no quote after them', () => {
    const amps = '&'.repeat(400_000) + ';';
    expect(decodeXmlText(amps)).toBe(amps);
    const many = `<a>${'<b/>'.repeat(200_000)}</a>`;
    let n = 0;
    const x = new XmlCursor(many);
    for (let t = x.next(); t !== Token.End; t = x.next()) if (t === Token.Open) n++;
    expect(n).toBe(200_001);
  });
});

/** A workbook zipped from the given parts; the sheets as given, no shared strings unless passed. */
function workbook(sheets: string[], opts: { entries?: string; shared?: string; names?: string } = {}): Uint8Array {
  const entries = opts.entries ?? sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${entries}</sheets>${opts.names ?? ''}</workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s)));
  if (opts.shared) files['xl/sharedStrings.xml'] = strToU8(opts.shared);
  return zipSync(files);
}

const sheet = (data: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;

describe('workbooks as other generators write them', () => {
  test('cells and rows without r attributes follow the one before (allowed by the standard)', () => {
    const wb = parseXlsx(
      workbook([
        sheet(
          '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c t="inlineStr"><is><t>四</t></is></c><c r="D4"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>',
        ),
      ]),
    );
    expect(wb.sheets[0]!.grid).toEqual([[1, 2], [], [], ['四', undefined, undefined, 5, 6], [7]]);
  });

  test('a namespace prefix on every element (x:c, x:v) reads the same', () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1"><x:f>A1</x:f><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = parseXlsx(workbook([xml], { shared: '<sst><si><t>零</t></si><si><r><t>一</t></r><r><t>二</t></r><rPh><t>イチ</t></rPh></si></sst>' }));
    expect(wb.sheets[0]!.grid).toEqual([[undefined, '一二', 3]]);
  });

  test('a formula without a cached value reads as its formula; booleans, errors and text results as such', () => {
    const wb = parseXlsx(
      workbook([
        sheet(
          '<row r="1"><c r="A1"><f>SUM(B1:C1)</f></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="str"><f>"x"</f><v>x</v></c></row>',
        ),
      ]),
    );
    expect(wb.sheets[0]!.grid).toEqual([['=SUM(B1:C1)', true, '#DIV/0!', 'x']]);
  });

  test('many sheet entries naming one part: the part is read once, for the first entry', () => {
    const entries = Array.from({ length: 900 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
    const wb = parseXlsx(workbook([sheet('<row r="1"><c r="A1"><v>1</v></c></row>')], { entries }));
    expect(wb.sheets.map((s) => s.name)).toEqual(['S0']);
  });

  test('more sheet entries than a workbook can sensibly have are refused', () => {
    const entries = Array.from({ length: 1001 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
    expect(() => parseXlsx(workbook([sheet('')], { entries }))).toThrow(/工作表过多/u);
  });

  test('the cell count is capped while reading, across sheets', () => {
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 500 }, () => '<c><v>1</v></c>').join('')}</row>`;
    const rows = Array.from({ length: 1000 }, (_, r) => row(r + 1)).join('');
    const sheets = Array.from({ length: Math.ceil(MAX_CELLS / 500_000) + 1 }, () => sheet(rows));
    const bytes = workbook(sheets);
    let error: unknown;
    try {
      parseXlsx(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(/单元格过多/u);
  });

  test('defined names: workbook-scoped kept, sheet-scoped copies left out, entities decoded', () => {
    const names = `<definedNames><definedName name="a">'S&amp;1'!$A$1</definedName><definedName name="a" localSheetId="0">S1!$B$1</definedName></definedNames>`;
    expect(parseXlsx(workbook([sheet('')], { names })).names).toEqual([{ name: 'a', ref: "'S&1'!$A$1" }]);
  });

  test('a garbled sheet part is a clear error naming the part', () => {
    expect(() => parseXlsx(workbook([sheet('<row r="1"><c r="A1"><v>1</c></row>')]))).toThrow(/已损坏（xl\/worksheets\/sheet1\.xml 无法解析/u);
  });

  test('a stored part whose bytes were changed (its CRC no longer matches) is refused, not read as other numbers', () => {
    const files = {
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet('<row r="1"><c r="A1"><v>12</v></c></row>')),
    };
    const good = zipSync(files, { level: 0 });
    expect(parseXlsx(good).sheets[0]!.grid).toEqual([[12]]);
    const bad = good.slice();
    const at = Buffer.from(bad).indexOf('<v>12</v>');
    bad[at + 3] = '7'.charCodeAt(0);
    expect(() => parseXlsx(bad)).toThrow(/已损坏/u);
  });

  test('characters XML cannot carry (U+FFFE, U+FFFF, control characters) are dropped from written text, and every part stays well-formed', async () => {
    const report = loadExample();
    const bad = {
      ...report,
      meta: { ...report.meta, agency: '城东区\uFFFE人民\u0001政府\uFFFF' },
      narrative: { ...report.narrative, problems: '问题\u0008一\uD800' },
    };
    const bytes = await buildWorkbook(workbookPlan(REV), placesFromReport(bad, REV));
    for (const [name, part] of Object.entries(unzipSync(new Uint8Array(bytes)))) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) expect([name, XMLValidator.validate(strFromU8(part))]).toEqual([name, true]);
    }
    const read = readReport(parseXlsx(bytes)).report;
    expect(read.meta.agency).toBe('城东区人民政府');
    expect(read.narrative.problems).toBe('问题一');
  });
});
