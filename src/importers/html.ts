/** A published report as a web page: paragraphs from block elements, tables from <table>. Streaming, so deep nesting costs nothing. */
import { Parser } from 'htmlparser2';
import { ImportError, MAX_BLOCKS, type Block } from './blocks';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'header', 'footer', 'blockquote', 'center', 'title']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head']);

export function blocksFromHtml(html: string): Block[] {
  const blocks: Block[] = [];
  let paragraph = '';
  let skip = 0;
  // Tables nest: rows and cells belong to the innermost open table.
  const tables: { rows: string[][]; row: string[] | null; cell: string | null }[] = [];
  const flushParagraph = () => {
    const text = paragraph.replace(/[ \t\r\n]+/gu, ' ').trim();
    if (text) blocks.push({ type: 'paragraph', text });
    paragraph = '';
    if (blocks.length > MAX_BLOCKS) throw new ImportError('网页过长，超出可导入的范围');
  };
  const current = () => tables[tables.length - 1];
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skip++;
        if (skip) return;
        const t = current();
        if (name === 'table') {
          if (t?.cell !== null && t?.cell !== undefined) t.cell += ' ';
          else flushParagraph();
          tables.push({ rows: [], row: null, cell: null });
        } else if (t && name === 'tr') t.row = [];
        else if (t && (name === 'td' || name === 'th')) t.cell = '';
        else if (name === 'br') {
          if (t?.cell !== null && t?.cell !== undefined) t.cell += '\n';
          else flushParagraph();
        } else if (BLOCK.has(name) && !t) flushParagraph();
      },
      ontext(text) {
        if (skip) return;
        const t = current();
        if (t && t.cell !== null) t.cell += text;
        else if (!t) paragraph += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        const t = current();
        if (t && (name === 'td' || name === 'th') && t.cell !== null) {
          (t.row ??= []).push(t.cell.replace(/[ \t\r\n]+/gu, ' ').trim());
          t.cell = null;
        } else if (t && name === 'tr' && t.row) {
          t.rows.push(t.row);
          t.row = null;
        } else if (name === 'table' && t) {
          tables.pop();
          if (t.rows.length > 0) blocks.push({ type: 'table', rows: t.rows });
        } else if (BLOCK.has(name) && !t) flushParagraph();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flushParagraph();
  return blocks;
}
