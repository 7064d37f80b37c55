/** Report files as people save them: UTF-8 with or without BOM, UTF-16 with BOM (Notepad's "Unicode"), GB18030/GBK; anything else refused with what to do. */
import { readFileSync } from 'node:fs';
import { readReportBytes } from '../../src/files/read';
import { decodeText } from '../../src/files/text';
import { EXAMPLE_PATH } from '../helpers/reports';

const text = readFileSync(EXAMPLE_PATH, 'utf8');
const utf16 = (le: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return new Uint8Array([...(le ? [0xff, 0xfe] : [0xfe, 0xff]), ...body]);
};

test.each<[string, Uint8Array]>([
  ['UTF-8', new TextEncoder().encode(text)],
  ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
  ['UTF-16 LE with BOM', utf16(true)],
  ['UTF-16 BE with BOM', utf16(false)],
])('a report JSON in %s reads as the same report', async (_name, bytes) => {
  const read = await readReportBytes('r.json', bytes);
  expect(read.report.meta.agency).toBe('城东区人民政府');
  expect(decodeText(bytes).replace(/^\uFEFF/u, '')).toBe(text);
});

test('UTF-16 cut in the middle of a character is refused with what to do', () => {
  const bytes = utf16(true).slice(0, 101);
  expect(() => decodeText(bytes)).toThrow(/UTF-16.*另存为”UTF-8/u);
});
