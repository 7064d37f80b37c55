/** Import a published report (.txt text dump or web text, .docx, .html, .pdf) into the report JSON. Node and browser. */
import { blocksFromPipeRows, blocksFromTextDump, hasPipeRows, ImportError, MAX_IMPORT_BYTES, type Block } from './blocks';
import { blocksFromDocx } from './docx';
import { blocksFromHtml } from './html';
import { reportFromBlocks, type Imported } from './report';
import { blocksFromWebText, webLayout } from './web-text';
import type { FormatRevision } from '../core';
import { decodeText } from '../files/text';
import { isZip } from '../files/zip';

export { ImportError, MAX_IMPORT_BYTES, reportFromBlocks, type Imported };

export function importReport(name: string, bytes: Uint8Array, revision?: FormatRevision): Imported {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`文件过大（上限 ${MAX_IMPORT_BYTES / 1048576} MB）`);
  if (bytes.length === 0) throw new ImportError('文件是空的');
  const lower = name.toLowerCase();
  let blocks: Block[];
  if (lower.endsWith('.docx')) blocks = blocksFromDocx(bytes);
  else if (lower.endsWith('.html') || lower.endsWith('.htm')) blocks = blocksFromHtml(decodeText(bytes));
  else if (lower.endsWith('.txt')) {
    if (isZip(bytes)) throw new ImportError('这是一个压缩文件（可能是 .docx），不是文本');
    const text = decodeText(bytes);
    // A Word text dump has its cells on tab-indented lines; text copied from a web page may have `|` rows.
    blocks = blocksOfText(text, revision);
  } else throw new ImportError('请提供 .txt（Word 文本导出或网页文字）、.docx、.html 或 .pdf 文件');
  return fromBlocks(blocks, revision);
}

/**
 * A .txt: a Word text dump (cells on tab-indented lines), or text copied from a web page with its
 * tables as `|` rows, or one cell at a time (see web-text.ts).
 */
function blocksOfText(text: string, revision?: FormatRevision): Block[] {
  if (/^\t/mu.test(text)) return blocksFromTextDump(text);
  if (hasPipeRows(text)) return blocksFromPipeRows(text);
  const layout = webLayout(text);
  return layout ? blocksFromWebText(text, layout, revision) : blocksFromTextDump(text);
}

function fromBlocks(blocks: Block[], revision?: FormatRevision): Imported {
  const imported = reportFromBlocks(blocks, revision);
  if (Object.keys(imported.report.values).length === 0 && !imported.report.meta.title) {
    throw new ImportError('文件中没有找到年度报告（既没有“……年度报告”标题，也没有报告的表格）');
  }
  return imported;
}

/** Any published report, PDF included (its reader is asynchronous and loads pdf.js on first use). */
export async function importPublished(name: string, bytes: Uint8Array, revision?: FormatRevision): Promise<Imported> {
  if (!name.toLowerCase().endsWith('.pdf')) return importReport(name, bytes, revision);
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`文件过大（上限 ${MAX_IMPORT_BYTES / 1048576} MB）`);
  if (bytes.length === 0) throw new ImportError('文件是空的');
  const { blocksFromPdf } = await import('./pdf');
  return fromBlocks(await blocksFromPdf(bytes), revision);
}
