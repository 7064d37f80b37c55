/** A published report as a Word file (.docx): the body's paragraphs and tables, in order. */
import { isZip, unzipParts } from '../files/zip';
import { XMLParser } from 'fast-xml-parser';
import { ImportError, MAX_BLOCKS, type Block } from './blocks';

const MAX_DOCUMENT_XML = 64 * 1024 * 1024;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
});

const children = (n: Node, tag: string): Node[] => (n[tag] as Node[] | undefined) ?? [];
const tagOf = (n: Node): string | undefined => Object.keys(n).find((k) => k !== ':@');
const attrs = (n: Node): Record<string, string> => (n[':@'] as Record<string, string> | undefined) ?? {};

/** The text of a run container, depth-first, with an explicit stack (no recursion limit on hostile nesting). */
function textOf(nodes: Node[]): string {
  let out = '';
  const stack: Node[] = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    const tag = tagOf(n);
    if (!tag) continue;
    if (tag === '#text') out += String(n['#text']);
    else if (tag === 'w:t')
      out += children(n, tag)
        .map((c) => String(c['#text'] ?? ''))
        .join('');
    else if (tag === 'w:tab') out += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') out += '\n';
    else if (tag === 'w:delText' || tag === 'w:instrText')
      continue; // deleted text and field codes are not shown
    else for (const c of [...children(n, tag)].reverse()) stack.push(c);
  }
  return out;
}

function cellText(tc: Node[]): string {
  // Paragraphs of a cell joined by line breaks; nested tables flattened to their text.
  return tc
    .filter((n) => tagOf(n) === 'w:p' || tagOf(n) === 'w:tbl' || tagOf(n) === 'w:sdt')
    .map((n) => textOf([n]))
    .join('\n');
}

function isVMergeContinue(tc: Node[]): boolean {
  const pr = tc.find((n) => tagOf(n) === 'w:tcPr');
  if (!pr) return false;
  const vm = children(pr, 'w:tcPr').find((n) => tagOf(n) === 'w:vMerge');
  return vm !== undefined && attrs(vm)['w:val'] !== 'restart';
}

function tableRows(tbl: Node[]): string[][] {
  const rows: string[][] = [];
  for (const tr of tbl.filter((n) => tagOf(n) === 'w:tr')) {
    const cells: string[] = [];
    for (const tc of children(tr, 'w:tr').filter((n) => tagOf(n) === 'w:tc')) {
      const content = children(tc, 'w:tc');
      // A cell continued from the row above is written empty, as Word's own text export does.
      cells.push(isVMergeContinue(content) ? '' : cellText(content));
    }
    rows.push(cells);
  }
  return rows;
}

export function blocksFromDocx(bytes: Uint8Array): Block[] {
  if (!isZip(bytes)) throw new ImportError('不是 Word 文档（.docx）文件');
  const unzipped = unzipParts(bytes, (name) => name === 'word/document.xml', MAX_DOCUMENT_XML, MAX_DOCUMENT_XML);
  if (!unzipped.ok) {
    throw new ImportError(unzipped.reason === 'too-big' ? 'Word 文档解压后过大（可能是压缩炸弹），已拒绝' : 'Word 文档已损坏或不是 .docx 格式，无法打开');
  }
  const files = unzipped.files;
  const xml = files['word/document.xml'];
  if (!xml) throw new ImportError('这个文件不是 Word 文档（缺少 word/document.xml）');
  let root: Node[];
  try {
    root = parser.parse(new TextDecoder('utf-8').decode(xml)) as Node[];
  } catch {
    throw new ImportError('Word 文档已损坏（正文无法解析）');
  }
  const documentNode = root.find((n) => tagOf(n) === 'w:document');
  const body = documentNode ? children(documentNode, 'w:document').find((n) => tagOf(n) === 'w:body') : undefined;
  if (!body) throw new ImportError('Word 文档中没有正文');
  const blocks: Block[] = [];
  // Content controls (w:sdt) wrap paragraphs and tables: unwrap them, in order.
  const queue: Node[] = [...children(body, 'w:body')];
  while (queue.length > 0) {
    if (blocks.length > MAX_BLOCKS) throw new ImportError('文档过长，超出可导入的范围');
    const n = queue.shift()!;
    const tag = tagOf(n);
    if (tag === 'w:p') blocks.push({ type: 'paragraph', text: textOf([n]) });
    else if (tag === 'w:tbl') blocks.push({ type: 'table', rows: tableRows(children(n, 'w:tbl')) });
    else if (tag === 'w:sdt') {
      const content = children(n, 'w:sdt').find((c) => tagOf(c) === 'w:sdtContent');
      if (content) queue.unshift(...children(content, 'w:sdtContent'));
    }
  }
  return blocks;
}
