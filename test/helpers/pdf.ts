/** Words of a PDF page with their boxes (pdftotext -bbox), to check a rendering's layout: lines, sizes, pages. */
import { execFileSync } from 'node:child_process';

export type PdfWord = { text: string; x0: number; y0: number; x1: number; y1: number; page: number };

export function pdfWords(file: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    words.push({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]!, page });
  }
  return words;
}

/** The text of each line of a page: words grouped by their baseline (within 2 pt), left to right. */
export function pdfLines(words: readonly PdfWord[], page: number): string[] {
  const lines: { y: number; words: PdfWord[] }[] = [];
  for (const w of words.filter((x) => x.page === page)) {
    const line = lines.find((l) => Math.abs(l.y - w.y1) < 2);
    if (line) line.words.push(w);
    else lines.push({ y: w.y1, words: [w] });
  }
  return lines
    .sort((a, b) => a.y - b.y)
    .map((l) =>
      l.words
        .sort((a, b) => a.x0 - b.x0)
        .map((w) => w.text)
        .join(''),
    );
}
