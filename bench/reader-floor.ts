/**
 * The .xlsx and .docx readers against their floors, in a fresh process of their own (the bench's
 * process has a large heap by then, whose collections land on whichever step runs). Prints one JSON
 * object: the samples of each, in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { samples } from './samples';
import '../src/files/node-crc'; // as the command line does
import { unzipSync } from 'fflate';
import { readWorkbookSource } from '../src/xlsx/read';
import { importReport } from '../src/importers';

/** What reading a workbook cannot go below: inflating the parts the reader reads (fflate alone, no checks) and finding each cell's start in them. */
function xlsxFloor(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, {
    filter: (f) =>
      f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name === 'xl/sharedStrings.xml' || f.name.startsWith('xl/worksheets/'),
  });
  const decoder = new TextDecoder();
  let cells = 0;
  for (const part of Object.values(parts)) {
    const xml = decoder.decode(part);
    for (let i = xml.indexOf('<c '); i >= 0; i = xml.indexOf('<c ', i + 3)) cells++;
  }
  return cells;
}

/** The same for a Word body: inflating word/document.xml and finding each element start in it. */
function docxFloor(bytes: Uint8Array): number {
  const parts = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const xml = new TextDecoder().decode(parts['word/document.xml']);
  let tags = 0;
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) tags++;
  return tags;
}

const [xlsxFile, docxFile] = process.argv.slice(2) as [string, string];
const xlsx = new Uint8Array(readFileSync(xlsxFile));
const docx = new Uint8Array(readFileSync(docxFile));
// Interleaved rounds, so that a slow moment of the machine falls on both sides alike.
const out = { xlsxFloor: [] as number[], xlsxRead: [] as number[], docxFloor: [] as number[], docxRead: [] as number[] };
for (let round = 0; round < 6; round++) {
  out.xlsxFloor.push(...samples(50, round === 0 ? 100 : 5, () => xlsxFloor(xlsx)));
  out.xlsxRead.push(...samples(50, round === 0 ? 100 : 5, () => readWorkbookSource(xlsx)));
  out.docxFloor.push(...samples(10, round === 0 ? 20 : 2, () => docxFloor(docx)));
  out.docxRead.push(...samples(10, round === 0 ? 20 : 2, () => importReport('r.docx', docx)));
}
process.stdout.write(JSON.stringify(out));
