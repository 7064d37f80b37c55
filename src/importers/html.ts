/**
 * A published report as a web page: paragraphs from block elements, tables from <table> (rowspan and
 * colspan need no expansion: tables are read row by row). A single linear pass over the tags, keeping
 * a stack of open tables only, so deeply nested markup costs no more than flat markup,
 * and no page (unclosed comments, megabyte attributes, thousands of scripts) makes it rescan.
 */
import { decodeHTML } from 'entities';
import { ImportError, MAX_BLOCKS, type Block } from './blocks';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'header', 'footer', 'blockquote', 'center', 'title', 'tr']);
// Skipped whole: scripts, styles, and the head (its <title> repeats the report title with the site's name).
const RAW_TEXT = new Set(['head', 'script', 'style', 'noscript', 'template', 'textarea']);
const GT = 0x3e;

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

function isNameChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d;
}

/** Where a start or end tag whose name ends at `from` closes (the index of its '>'), or -1 when the page ends first. Quoted attribute values may hold '>'. */
function tagEnd(html: string, from: number): number {
  let k = from;
  while (k < html.length) {
    const c = html.charCodeAt(k);
    if (c === GT) return k;
    if (c === 0x3d) {
      // After '=', an attribute value: a quoted one runs to its closing quote.
      k++;
      while (k < html.length && isSpace(html.charCodeAt(k))) k++;
      const q = html[k];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, k + 1);
        if (close < 0) return -1;
        k = close + 1;
      }
      continue;
    }
    k++;
  }
  return -1;
}

/** Where the end tag `</name` of a raw-text element starts (ASCII case ignored), or the page's length. One forward scan. */
function rawTextEnd(html: string, name: string, from: number): number {
  let k = html.indexOf('</', from);
  while (k >= 0) {
    const after = k + 2 + name.length;
    if (html.slice(k + 2, after).toLowerCase() === name && !isNameChar(html.charCodeAt(after))) return k;
    k = html.indexOf('</', k + 2);
  }
  return html.length;
}

type Tag = { closing: boolean; name: string; selfClosing: boolean };

/**
 * The page as text runs and tags, in one forward pass with no regular expression over the markup: an
 * unterminated comment or tag ends the page (as in a browser), so no input makes it rescan, and an
 * attribute of megabytes (an inline image) is one indexOf.
 */
function scan(html: string, onText: (text: string) => void, onTag: (tag: Tag, next: number) => number): void {
  const n = html.length;
  let i = 0;
  let text = '';
  const flushText = () => {
    if (text) onText(decodeHTML(text));
    text = '';
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const c = html.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */ || c === 0x3f /* ? */) {
      // Comments, CDATA, doctype, processing instructions: dropped.
      let end: number;
      if (html.startsWith('<!--', lt)) end = html.indexOf('-->', lt + 4) + 3;
      else if (html.startsWith('<![CDATA[', lt)) end = html.indexOf(']]>', lt + 9) + 3;
      else end = html.indexOf('>', lt + 2) + 1;
      i = end <= 2 ? n : end;
      continue;
    }
    const closing = c === 0x2f; /* / */
    const start = lt + (closing ? 2 : 1);
    if (!isAsciiLetter(html.charCodeAt(start))) {
      text += '<';
      i = lt + 1;
      continue;
    }
    let j = start + 1;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    const gt = tagEnd(html, j);
    if (gt < 0) break; // a tag cut off by the end of the page
    flushText();
    const selfClosing = gt > j && html.charCodeAt(gt - 1) === 0x2f;
    i = onTag({ closing, name: html.slice(start, j).toLowerCase(), selfClosing }, gt + 1);
  }
  flushText();
}

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
  scan(html, addText, ({ closing, name, selfClosing }, next) => {
    const t = tables[tables.length - 1];
    // A raw-text element is skipped to its end tag.
    if (!closing && RAW_TEXT.has(name)) return rawTextEnd(html, name, next);
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
      if (selfClosing) return next;
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
    return next;
  });
  while (tables.length > 0) {
    const t = tables.pop()!;
    if (t.rows.length > 0) blocks.push({ type: 'table', rows: t.rows });
  }
  flushParagraph();
  return blocks;
}
