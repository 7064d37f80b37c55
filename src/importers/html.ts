/**
 * A published report as a web page: paragraphs from block elements, tables from <table> (rowspan and
 * colspan need no expansion: tables are read row by row). A single linear pass over the tags, keeping
 * a stack of open tables only, so deeply nested markup costs no more than flat markup.
 */
import { decodeHTML } from 'entities';
import { ImportError, MAX_BLOCKS, type Block } from './blocks';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'header', 'footer', 'blockquote', 'center', 'title', 'tr']);
// Skipped whole: scripts, styles, and the head (its <title> repeats the report title with the site's name).
const RAW_TEXT = new Set(['head', 'script', 'style', 'noscript', 'template', 'textarea']);
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!(?:[^>]*)>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>|[^<]+|</gu;

export function blocksFromHtml(html: string): Block[] {
  const blocks: Block[] = [];
  let paragraph = '';
  const tables: { rows: string[][]; row: string[] | null; cell: string | null }[] = [];
  const flushParagraph = () => {
    const text = paragraph.replace(/[ \t\r\n]+/gu, ' ').trim();
    if (text) blocks.push({ type: 'paragraph', text });
    paragraph = '';
    if (blocks.length > MAX_BLOCKS) throw new ImportError('网页过长，超出可导入的范围');
  };
  const addText = (text: string) => {
    const t = tables[tables.length - 1];
    if (t && t.cell !== null) t.cell += text;
    else if (!t) paragraph += text;
  };
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(html)) !== null) {
    const [token, closing, rawName, selfClosing] = m;
    if (rawName === undefined) {
      if (!token.startsWith('<!') && !token.startsWith('<?')) addText(decodeHTML(token));
      continue;
    }
    const name = rawName.toLowerCase();
    const t = tables[tables.length - 1];
    if (!closing && RAW_TEXT.has(name)) {
      // Skip to the end of the raw-text element.
      const end = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
      TOKEN.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    if (!closing) {
      if (name === 'table') {
        if (t && t.cell !== null) t.cell += ' ';
        else flushParagraph();
        tables.push({ rows: [], row: null, cell: null });
      } else if (t && name === 'tr') t.row = [];
      else if (t && (name === 'td' || name === 'th')) {
        if (t.cell !== null) (t.row ??= []).push(t.cell.replace(/[ \t\r\n]+/gu, ' ').trim()); // an unclosed cell
        t.cell = '';
      } else if (name === 'br') addText('\n');
      else if (BLOCK.has(name) && !t) flushParagraph();
      if (selfClosing) continue;
    } else {
      if (t && (name === 'td' || name === 'th') && t.cell !== null) {
        (t.row ??= []).push(t.cell.replace(/[ \t\r\n]+/gu, ' ').trim());
        t.cell = null;
      } else if (t && name === 'tr') {
        if (t.cell !== null) {
          (t.row ??= []).push(t.cell.replace(/[ \t\r\n]+/gu, ' ').trim());
          t.cell = null;
        }
        if (t.row) t.rows.push(t.row);
        t.row = null;
      } else if (name === 'table' && t) {
        tables.pop();
        if (t.rows.length > 0) blocks.push({ type: 'table', rows: t.rows });
      } else if (BLOCK.has(name) && !t) flushParagraph();
    }
  }
  while (tables.length > 0) {
    const t = tables.pop()!;
    if (t.rows.length > 0) blocks.push({ type: 'table', rows: t.rows });
  }
  flushParagraph();
  return blocks;
}
