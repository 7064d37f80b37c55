/** Output files: the extension of what is written, never over an input, never through a planted link, permissions kept. */
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUT_KINDS, OutputError, writeOutput } from '../../src/cli/output-file';
import { main } from '../../src/cli/main';
import { compoundFileKind } from '../../src/files/zip';
import { ReportFileError, readReportBytes } from '../../src/files/read';

const dir = () => mkdtempSync(join(tmpdir(), 'output-file-'));
const quiet = () => {
  const err: string[] = [];
  return { io: { out: () => undefined, err: (s: string) => void err.push(s), style: { color: false } }, err };
};

test('an output whose extension does not match what is written is refused, and nothing is written', async () => {
  const d = dir();
  await expect(writeOutput(join(d, 'r.xlsx'), '{}', false, OUTPUT_KINDS.json)).rejects.toThrow(/扩展名应为 \.json/u);
  await expect(writeOutput(join(d, 'r'), 'x', false, OUTPUT_KINDS.docx)).rejects.toThrow(/无扩展名/u);
  expect(readdirSync(d)).toEqual([]);
});

test('the input file itself is never the output, also through another spelling of its path or a link', async () => {
  const d = dir();
  const input = join(d, 'report.json');
  writeFileSync(input, 'original');
  symlinkSync(input, join(d, 'alias.json'));
  for (const out of [input, join(d, '.', 'report.json'), join(d, 'alias.json')]) {
    await expect(writeOutput(out, 'new', true, OUTPUT_KINDS.json, [input])).rejects.toThrow(/就是输入文件/u);
  }
  expect(readFileSync(input, 'utf8')).toBe('original');
});

test('without --overwrite: an existing file, or a link planted at the name (even a dangling one), is not written through', async () => {
  const d = dir();
  const victim = join(d, 'victim.txt');
  symlinkSync(victim, join(d, 'out.json'));
  await expect(writeOutput(join(d, 'out.json'), 'data', false, OUTPUT_KINDS.json)).rejects.toThrow(OutputError);
  expect(existsSync(victim)).toBe(false);
  expect(lstatSync(join(d, 'out.json')).isSymbolicLink()).toBe(true);
  writeFileSync(join(d, 'old.json'), 'old');
  await expect(writeOutput(join(d, 'old.json'), 'new', false, OUTPUT_KINDS.json)).rejects.toThrow(/已存在/u);
  expect(readFileSync(join(d, 'old.json'), 'utf8')).toBe('old');
  // No temporary file is left behind.
  expect(readdirSync(d).sort()).toEqual(['old.json', 'out.json']);
});

test('a new file is written whole under its name; --overwrite replaces a file and keeps its permissions', async () => {
  const d = dir();
  const out = join(d, 'r.json');
  await writeOutput(out, 'first', false, OUTPUT_KINDS.json);
  expect(readFileSync(out, 'utf8')).toBe('first');
  chmodSync(out, 0o600);
  await writeOutput(out, 'second', true, OUTPUT_KINDS.json);
  expect(readFileSync(out, 'utf8')).toBe('second');
  expect(statSync(out).mode & 0o777).toBe(0o600);
  expect(readdirSync(d)).toEqual(['r.json']);
});

test('the CLI: export to a workbook name, and a template over its own --data workbook, are refused with exit 2', async () => {
  const d = dir();
  const wb = join(d, 'r.xlsx');
  const { io, err } = quiet();
  expect(await main(['template', '-o', wb], io)).toBe(0);
  const before = readFileSync(wb);
  expect(await main(['export', wb, '-o', wb, '--overwrite'], io)).toBe(2);
  expect(await main(['template', '--data', wb, '-o', wb, '--overwrite'], io)).toBe(2);
  expect(readFileSync(wb).equals(before)).toBe(true);
  expect(err.join('\n')).toMatch(/扩展名应为 \.json/u);
  expect(err.join('\n')).toMatch(/就是输入文件/u);
});

describe('password-protected and old-format Office files say what they are', () => {
  /** An OLE compound file: its signature, a header, and a directory naming the given stream (UTF-16LE). */
  const compound = (stream: string) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(
      [...stream].flatMap((ch) => [ch.charCodeAt(0), 0]),
      1024,
    );
    return bytes;
  };

  test.each([
    ['r.xlsx', 'EncryptedPackage', /加密/u],
    ['r.docx', 'EncryptedPackage', /加密/u],
    ['r.xlsx', 'Workbook', /旧版 Excel 工作簿（\.xls）/u],
    ['r.docx', 'WordDocument', /旧版 Word 文档（\.doc）/u],
  ])('%s holding %s', async (name, stream, message) => {
    expect(compoundFileKind(compound(stream))).toBe(stream === 'EncryptedPackage' ? 'encrypted' : 'legacy');
    await expect(readReportBytes(name, compound(stream))).rejects.toThrow(ReportFileError);
    await expect(readReportBytes(name, compound(stream))).rejects.toThrow(message);
  });
});
