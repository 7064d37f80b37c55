/**
 * Hostile files, generated: each is checked by the built command line in a process of its own, which
 * must end with findings or a clear Chinese message (exit 0, 1 or 2, never an internal error or a
 * stack trace), within a bound far above its normal time (a hang guard, not a benchmark) and below
 * 500 MB of memory. Each shape once made the reader hang for minutes or use gigabytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
const MB = 1024 * 1024;

/** A workbook from its parts; the sheets named by the entries given (all may name one part). */
function workbook(parts: { entries: string; sheets: string[]; shared?: string; names?: string }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${parts.entries}</sheets>${parts.names ?? ''}</workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ),
  };
  parts.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s)));
  if (parts.shared !== undefined) files['xl/sharedStrings.xml'] = strToU8(parts.shared);
  return zipSync(files, { level: 9 });
}

const sheetXml = (data: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
const entries = (n: number) => Array.from({ length: n }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('');
/** A sheet of `rows` × `cols` cells: numbers, or shared strings that look like the report's labels. */
const bigSheet = (rows: number, cols: number, text: boolean) =>
  sheetXml(
    Array.from(
      { length: rows },
      (_, r) =>
        `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => (text ? `<c t="s"><v>${(r * cols + c) % 50}</v></c>` : `<c><v>${c}</v></c>`)).join('')}</row>`,
    ).join(''),
  );
const labels = `<sst>${Array.from({ length: 50 }, (_, i) => `<si><t>${['自然人', '商业企业', '本年制发件数', '行政复议', '总计'][i % 5]}${i}</t></si>`).join('')}</sst>`;

function docx(body: string): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    },
    { level: 9 },
  );
}

type Case = { name: string; file: string; bytes: () => Uint8Array | string };

const CASES: Case[] = [
  { name: '5,000 sheet entries naming one part', file: 'entries.xlsx', bytes: () => workbook({ entries: entries(5000), sheets: [bigSheet(200, 50, false)] }) },
  {
    name: '900 sheet entries naming one large part',
    file: 'entries900.xlsx',
    bytes: () => workbook({ entries: entries(900), sheets: [bigSheet(2000, 50, false)] }),
  },
  {
    name: 'shared strings that inflate to 50 MB',
    file: 'shared.xlsx',
    bytes: () => workbook({ entries: entries(1), sheets: [sheetXml('')], shared: `<sst>${'<si><t>a</t></si>'.repeat(3_000_000)}</sst>` }),
  },
  {
    name: '1.2 million numeric cells (≈ 20 MB of sheet XML)',
    file: 'cells.xlsx',
    bytes: () => workbook({ entries: entries(1), sheets: [bigSheet(1200, 1000, false)] }),
  },
  {
    name: 'no defined names, 500,000 label-like cells (the label fallback)',
    file: 'labels.xlsx',
    bytes: () => workbook({ entries: entries(1), sheets: [bigSheet(1000, 500, true)], shared: labels }),
  },
  { name: 'a .docx body of 300,000 paragraphs', file: 'long.docx', bytes: () => docx('<w:p><w:r><w:t>总体情况</w:t></w:r></w:p>'.repeat(300_000)) },
  { name: 'a .docx whose body never closes', file: 'open.docx', bytes: () => docx('<w:p><w:r><w:t>x</w:t>'.repeat(200_000)) },
  { name: 'a web page of 100,000 unterminated comments', file: 'comments.html', bytes: () => '<html><body>' + '<!-- x '.repeat(100_000) },
  { name: 'a web page of 300,000 unclosed tags', file: 'tags.html', bytes: () => '<html><body>' + '<a href="x" '.repeat(300_000) },
  { name: 'a web page of unterminated CDATA and declarations', file: 'cdata.html', bytes: () => '<html><body>' + '<![CDATA[ <! '.repeat(150_000) },
  {
    name: 'a web page with 5,000 scripts',
    file: 'scripts.html',
    bytes: () => '<html><body>' + '<script>var a = "</div>";</script><style>p{}</style>'.repeat(5000) + '<p>一、总体情况</p>',
  },
  {
    name: 'a web page with a 9 MB inline image',
    file: 'image.html',
    bytes: () => `<html><body><img src="data:image/png;base64,${'A'.repeat(9 * MB)}"><p>一、总体情况</p>`,
  },
  { name: 'a text dump of 1 MB of unclosed bookmarks on one line', file: 'bookmarks.txt', bytes: () => '一、总体情况\n' + '[bookmark: x'.repeat(90_000) },
  { name: 'report JSON nested a million deep', file: 'nested.json', bytes: () => '['.repeat(1_000_000) + ']'.repeat(1_000_000) },
  {
    name: 'report JSON with 200,000 unknown value keys',
    file: 'keys.json',
    bytes: () => JSON.stringify({ format: 'gov-info-annual-report/2021', values: Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i])) }),
  },
];

beforeAll(() => {
  for (const c of CASES) {
    const b = c.bytes();
    writeFileSync(join(dir, c.file), typeof b === 'string' ? b : Buffer.from(b));
  }
  // The built command line, current with the sources (built here if it is not).
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/cli.cjs'), 'help'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
}, 120_000);

/** Checks one file in a process of its own: exit code, output, wall time and the process's peak memory. */
function checkInProcess(file: string) {
  const script = `require(${JSON.stringify(join(ROOT, 'dist-cli/cli.js'))}).main(['check', ${JSON.stringify(file)}, '--format', 'json'], { out: (s) => process.stdout.write(s + '\\n'), err: (s) => process.stderr.write(s + '\\n'), style: { color: false } }).then((code) => { process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; }, (e) => { process.stderr.write('内部错误：' + e + '\\n'); process.exitCode = 3; });`;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * MB });
  const seconds = (Date.now() - t0) / 1000;
  const rss = Number(/maxRSS=(\d+)/u.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr.replace(/maxRSS=\d+\n/u, ''), seconds, rss };
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('ends quickly, within bounded memory, with findings or a clear message', () => {
    const r = checkInProcess(join(dir, c.file));
    expect(r.signal).toBeNull();
    expect([0, 1, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(/内部错误|\n\s+at .+:\d+/u);
    if (r.status === 2) expect(r.stderr).toMatch(/[\u4e00-\u9fff]/u);
    else expect(JSON.parse(r.stdout.trim().split('\n')[0]!)).toHaveProperty('findings');
    expect(r.seconds).toBeLessThan(10);
    expect(r.rss).toBeLessThan(500);
  }, 70_000);
});
