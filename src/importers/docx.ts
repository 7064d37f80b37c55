/** A published report as a Word file (.docx): the body's paragraphs and tables, in order. */
import { compoundFileKind, isZip, unzipParts } from '../files/zip';
import { Token, XmlCursor, XmlScanError } from '../files/xml-scan';
import { ImportError, MAX_BLOCKS, type Block } from './blocks';

const MAX_DOCUMENT_XML = 64 * 1024 * 1024;
/** Characters of text the body may hold; the longest real reports have a few tens of thousands. */
const MAX_TEXT = 4 * 1024 * 1024;

/**
 * Reads the body in one forward pass (no tree): a paragraph or table directly in the body (or in a
 * content control, w:sdt, that wraps body content) is a block. Text is what Word shows: w:t runs,
 * w:tab and w:br/w:cr; deleted text and field codes are other elements and so are not shown, and the
 * fallback copy of a drawing (mc:Fallback, which repeats the text box) is skipped. A table's rows
 * are its own w:tr (nested tables become their cell's text), a cell's paragraphs are joined by line
 * breaks, and a cell continued from the row above (w:vMerge without restart) is written empty, as
 * Word's own text export does. The limits apply while reading.
 */
function readBody(xml: string): Block[] | undefined {
  const x = new XmlCursor(xml);
  const blocks: Block[] = [];
  let text = 0;
  let inBody = false;
  let hadBody = false;
  let bodyDepth = 0;
  // The block being read: its depth, and for a table its rows.
  let paragraph: { depth: number; text: string } | null = null;
  let table: { depth: number; rows: string[][]; row: string[] | null; rowDepth: number } | null = null;
  let cell: { depth: number; pieces: string[]; piece: number; pieceDepth: number; continued: boolean } | null = null;
  let inT = 0;
  const push = (s: string) => {
    text += s.length;
    if (text > MAX_TEXT) throw new ImportError('文档过长，超出可导入的范围');
    if (paragraph) paragraph.text += s;
    else if (cell && cell.piece >= 0) cell.pieces[cell.piece] += s;
  };
  const addBlock = (b: Block) => {
    blocks.push(b);
    if (blocks.length > MAX_BLOCKS) throw new ImportError('文档过长，超出可导入的范围');
  };
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t === Token.Text) {
      if (inT > 0) push(x.text());
      continue;
    }
    const name = x.name;
    const depth = x.depth;
    if (t === Token.Close) {
      if (name === 'w:t') inT--;
      else if (paragraph && depth === paragraph.depth) {
        addBlock({ type: 'paragraph', text: paragraph.text });
        paragraph = null;
      } else if (table) {
        if (cell && depth === cell.depth) {
          table.row?.push(cell.continued ? '' : cell.pieces.join('\n'));
          cell = null;
        } else if (cell && depth === cell.pieceDepth) cell.pieceDepth = -1;
        else if (table.row && depth === table.rowDepth) {
          table.rows.push(table.row);
          table.row = null;
        } else if (depth === table.depth) {
          addBlock({ type: 'table', rows: table.rows });
          table = null;
        }
      } else if (name === 'w:body') inBody = false;
      continue;
    }
    // An element starts.
    if (name === 'mc:Fallback') {
      x.skipElement();
      continue;
    }
    if (!inBody) {
      if (name === 'w:body') {
        inBody = hadBody = true;
        bodyDepth = depth;
      }
      continue;
    }
    if (name === 'w:t') {
      if (!x.selfClosing) inT++;
      else x.next();
      continue;
    }
    if (paragraph || cell) {
      // Paragraph and run properties hold tab stops (w:tabs/w:tab), not text.
      if (name === 'w:pPr' || name === 'w:rPr') x.skipElement();
      else if (name === 'w:tab') push('\t');
      else if (name === 'w:br' || name === 'w:cr') push('\n');
      if (cell && !paragraph) {
        if (cell.pieceDepth < 0 && (name === 'w:p' || name === 'w:tbl' || name === 'w:sdt') && depth === cell.depth + 1) {
          cell.pieces.push('');
          cell.piece = cell.pieces.length - 1;
          cell.pieceDepth = depth;
          if (x.selfClosing) {
            x.next();
            cell.pieceDepth = -1;
          }
        } else if (name === 'w:vMerge' && depth === cell.depth + 2) cell.continued = x.attr('w:val') !== 'restart';
      }
      continue;
    }
    if (table) {
      if (name === 'w:tr' && !table.row) {
        table.row = [];
        table.rowDepth = depth;
        if (x.selfClosing) {
          x.next();
          table.rows.push(table.row);
          table.row = null;
        }
      } else if (name === 'w:tc' && table.row) {
        cell = { depth, pieces: [], piece: -1, pieceDepth: -1, continued: false };
        if (x.selfClosing) {
          x.next();
          table.row.push('');
          cell = null;
        }
      }
      continue;
    }
    // Body level (the body itself, or a content control's content in it).
    if (name === 'w:p') {
      if (x.selfClosing) {
        x.next();
        addBlock({ type: 'paragraph', text: '' });
      } else paragraph = { depth, text: '' };
    } else if (name === 'w:tbl') {
      if (x.selfClosing) {
        x.next();
        addBlock({ type: 'table', rows: [] });
      } else table = { depth, rows: [], row: null, rowDepth: -1 };
    } else if (name !== 'w:sdt' && name !== 'w:sdtContent' && depth > bodyDepth) x.skipElement();
  }
  return hadBody ? blocks : undefined;
}

export function blocksFromDocx(bytes: Uint8Array): Block[] {
  const compound = compoundFileKind(bytes);
  if (compound === 'encrypted') throw new ImportError('Word 文档已加密（设置了打开密码），无法读取：请在 Word 或 WPS 中取消密码后另存为 .docx 再试');
  if (compound === 'legacy') throw new ImportError('这是旧版 Word 文档（.doc），请在 Word 或 WPS 中另存为 .docx 后再试');
  if (!isZip(bytes)) throw new ImportError('不是 Word 文档（.docx）文件');
  const unzipped = unzipParts(bytes, (name) => name === 'word/document.xml', MAX_DOCUMENT_XML, MAX_DOCUMENT_XML);
  if (!unzipped.ok) {
    throw new ImportError(unzipped.reason === 'too-big' ? 'Word 文档解压后过大（可能是压缩炸弹），已拒绝' : 'Word 文档已损坏或不是 .docx 格式，无法打开');
  }
  const xml = unzipped.files['word/document.xml'];
  if (!xml) throw new ImportError('这个文件不是 Word 文档（缺少 word/document.xml）');
  let blocks: Block[] | undefined;
  try {
    blocks = readBody(new TextDecoder('utf-8').decode(xml));
  } catch (e) {
    if (e instanceof XmlScanError) throw new ImportError('Word 文档已损坏（正文无法解析）');
    throw e;
  }
  if (!blocks) throw new ImportError('Word 文档中没有正文');
  return blocks;
}
