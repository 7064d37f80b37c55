/**
 * PDF reports through pdf.js (pdfjs-dist, its legacy build: Node and older browsers; no worker from
 * a CDN, no eval). The text items with their positions and the page's ruling lines go to the pure
 * layout in pdf-layout.ts. A PDF without a text layer (a scan) is refused: there is no OCR.
 */
import type { Block } from './blocks';
import { ImportError } from './blocks';
import { blocksFromPdfPages, type PdfItem, type PdfPage, type PdfSegment } from './pdf-layout';

/** The most pages read (a report is a few pages; a 300-page PDF is not one). */
export const MAX_PDF_PAGES = 200;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The straight segments a page draws (rules of tables), in page space. */
function segmentsOf(pdfjs: PdfJs, fnArray: readonly number[], argsArray: readonly unknown[]): PdfSegment[] {
  const { OPS } = pdfjs;
  const out: PdfSegment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && args) {
      // pdf.js 5: [paint op, [path data], bounds]; path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6), 3 quadratic (4), 4 close.
      // A path only set as a clip (ended without painting) draws nothing.
      if (args[0] === OPS.endPath) return;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) return;
      let start: [number, number] | undefined;
      let at: [number, number] | undefined;
      for (let k = 0; k < data.length;) {
        const op = data[k]!;
        if (op === 0 || op === 1) {
          const p = apply(ctm, data[k + 1]!, data[k + 2]!);
          if (op === 1 && at) out.push({ x1: at[0], y1: at[1], x2: p[0], y2: p[1] });
          if (op === 0) start = p;
          at = p;
          k += 3;
        } else if (op === 2) {
          at = apply(ctm, data[k + 5]!, data[k + 6]!);
          k += 7;
        } else if (op === 3) {
          at = apply(ctm, data[k + 3]!, data[k + 4]!);
          k += 5;
        } else if (op === 4) {
          if (at && start) out.push({ x1: at[0], y1: at[1], x2: start[0], y2: start[1] });
          at = start;
          k += 1;
        } else break;
      }
    }
  });
  return out;
}

function explain(e: unknown): never {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') throw new ImportError('PDF 文件已加密（需要密码才能打开），请提供未加密的 PDF，或改用 Word、网页版的报告');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') throw new ImportError('PDF 文件已损坏或不是 PDF，无法读取');
  throw e;
}

/** Every page's text items and rules. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs: PdfJs = await import(/* webpackChunkName: "pdf" */ 'pdfjs-dist/legacy/build/pdf.mjs');
  // The worker's code runs in this thread ("fake worker"): no worker file to fetch, from a CDN or anywhere.
  const holder = globalThis as { pdfjsWorker?: unknown };
  holder.pdfjsWorker ??= await import(/* webpackChunkName: "pdf" */ 'pdfjs-dist/legacy/build/pdf.worker.mjs');
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    // A copy: pdf.js takes ownership of the buffer it is given.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (e) {
    explain(e);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ImportError(`PDF 有 ${doc.numPages} 页，超出可导入的范围（${MAX_PDF_PAGES} 页）`);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [a, b, , , e, f] = it.transform as Matrix;
        items.push({ text: it.str, x: e - x0, y: f - y0, width: it.width, size: Math.hypot(a, b) || it.height || 10 });
      }
      const ops = await page.getOperatorList();
      const segments = segmentsOf(pdfjs, ops.fnArray, ops.argsArray).map((s) => ({ x1: s.x1 - x0, y1: s.y1 - y0, x2: s.x2 - x0, y2: s.y2 - y0 }));
      pages.push({ width: x1 - x0, height: y1 - y0, items, segments });
      page.cleanup();
    }
    return pages;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    explain(e);
  } finally {
    await doc.destroy();
  }
}

export async function blocksFromPdf(bytes: Uint8Array): Promise<Block[]> {
  const pages = await readPdfPages(bytes);
  const chars = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.text.trim().length, 0), 0);
  if (chars < 20)
    throw new ImportError('这个 PDF 没有文字层（可能是扫描件），无法读取其中的文字（本工具不做文字识别）；请提供可复制文字的 PDF，或 Word、网页版的报告');
  return blocksFromPdfPages(pages);
}
