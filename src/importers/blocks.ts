/**
 * The common shape every published report is read into: paragraphs and tables in document order.
 * A table is its rows as they appear, each a list of cell texts (a cell continued from the row
 * above may appear as an empty cell, as Word writes it, or not at all, as HTML does).
 */
import { UserError } from '../errors';

export type Block = { type: 'paragraph'; text: string } | { type: 'table'; rows: string[][] };

/** Limits on what an importer accepts. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
export const MAX_BLOCKS = 20000;

export class ImportError extends UserError {}

/** Word artefacts seen in text dumps: bookmarks, comment marks. */
export function cleanArtefacts(text: string): string {
  return text.replace(/\[bookmark: [^\]]*\]/gu, '').replace(/\[comment: [^\]]*\]/gu, '');
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
