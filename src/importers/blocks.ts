/**
 * The common shape every published report is read into: paragraphs and tables in document order.
 * A table is its rows as they appear, each a list of cell texts (a cell continued from the row
 * above may appear as an empty cell, as Word writes it, or not at all, as HTML does).
 */
import { UserError } from '../errors';

/** A table block may say which table it is (a reader that placed its rows knows); otherwise its labels tell. */
export type TableKind = 'active' | 'requests' | 'appeals';
export type Block = { type: 'paragraph'; text: string } | { type: 'table'; rows: string[][]; kind?: TableKind };

/** Limits on what an importer accepts. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
export const MAX_BLOCKS = 20000;

export class ImportError extends UserError {}

/** Word artefacts seen in text dumps: bookmarks, comment marks. */
export function cleanArtefacts(text: string): string {
  // The class stops at the next '[' too, so a dump full of unclosed markers is scanned once, not once per marker.
  return text.replace(/\[bookmark: [^\][]*\]/gu, '').replace(/\[comment: [^\][]*\]/gu, '');
}

/** A text dump of a Word file: paragraphs on plain lines, each table cell on its own tab-indented line, rows separated by blank lines. */
export function blocksFromTextDump(text: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  let row: string[] = [];
  const endRow = () => {
    if (table && row.length > 0) table.push(row);
    row = [];
  };
  const endTable = () => {
    endRow();
    if (table && table.length > 0) blocks.push({ type: 'table', rows: table });
    table = null;
  };
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r\n?|\n/u)) {
    if (blocks.length > MAX_BLOCKS) throw new ImportError('文档过长，超出可导入的范围');
    if (raw.startsWith('\t')) {
      table ??= [];
      row.push(cleanArtefacts(raw.slice(1)));
    } else if (raw.trim() === '') {
      endRow();
    } else {
      endTable();
      blocks.push({ type: 'paragraph', text: cleanArtefacts(raw) });
    }
  }
  endTable();
  return blocks;
}

/** A line of a table copied from a web page as `a | b | c |`: at least one separator between or after cells. */
const PIPE_ROW = /\|/u;
/** A line of separators only (`|`, `||`, `|||`): an empty row or padding, not a row of cells. */
const PIPES_ONLY = /^[\s|]*$/u;

/** Whether copied text has its tables as `|`-separated rows (one row per line). */
export function hasPipeRows(text: string): boolean {
  let rows = 0;
  for (const line of text.split(/\r\n?|\n/u)) if (PIPE_ROW.test(line) && !PIPES_ONLY.test(line) && line.split('|').length >= 3) rows++;
  return rows >= 3;
}

/**
 * Text copied from a web page whose tables came out as one row per line, cells separated by `|`
 * (the last one usually followed by `|` too). Consecutive such lines are one table; other lines are
 * paragraphs. A cell left empty between separators stays an empty cell; lines of separators only
 * are skipped. Rows are kept as they are: the table readers place a row only by its label and
 * exact cell count, so a row cut or broken over lines is reported, never guessed.
 */
export function blocksFromPipeRows(text: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  const endTable = () => {
    if (table && table.length > 0) blocks.push({ type: 'table', rows: table });
    table = null;
  };
  for (const raw of text.replace(/^\uFEFF/u, '').split(/\r\n?|\n/u)) {
    if (blocks.length > MAX_BLOCKS || (table !== null && (table as string[][]).length > MAX_BLOCKS)) throw new ImportError('文档过长，超出可导入的范围');
    const line = cleanArtefacts(raw);
    if (PIPE_ROW.test(line)) {
      if (PIPES_ONLY.test(line)) continue;
      const cells = line.split('|').map((c) => c.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, ''));
      if (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
      const rows: string[][] = (table ??= []);
      const last = rows[rows.length - 1];
      // A row label detached from its numbers (the label on one line, the cells on the next): one row.
      if (
        last &&
        last.filter((c) => c !== '').length === 1 &&
        !/^[\d.]+$/u.test(last.find((c) => c !== '')!) &&
        cells.length >= 2 &&
        cells.every((c) => c === '' || /^[\d.]+$/u.test(c))
      ) {
        rows[rows.length - 1] = [...last.filter((c) => c !== ''), ...(cells[0] === '' ? cells.slice(1) : cells)];
      } else rows.push(cells);
    } else if (line.trim() === '') {
      continue;
    } else {
      endTable();
      blocks.push({ type: 'paragraph', text: line });
    }
  }
  endTable();
  return blocks;
}
