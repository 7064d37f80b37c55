/**
 * Label normalisation shared by every reader that locates the tables by their labels (workbooks not
 * made by us, published reports). Tolerates the variants of the spec: `1．`/`1、` for `1.`,
 * half-width brackets, straight quotes, labels broken over lines, `，` for `、`.
 */

/** Canonical form of a label for comparison. */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[\s\u00A0\u3000\u200B\uFEFF]/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/["“”„‟″]/gu, '"')
    .replace(/['‘’]/gu, "'")
    .replace(/[，,]/gu, '、')
    .replace(/^(\d+)[.．、,，]/u, '$1.')
    .replace(/[：:]/gu, '：');
}

/** The label without its leading numbering (`1.`, `（三）`, `一、`), for rows whose numbering was dropped. */
export function stripNumbering(label: string): string {
  return label.replace(/^(\d+\.|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/u, '');
}

/**
 * Does a cell's text stand for an official label? Exact after normalisation, or the official label
 * followed by a filling note (`（二）部分公开（区分处理的…）`), or the same without numbering.
 */
export function labelMatches(cellText: string, official: string): boolean {
  const cell = normalizeLabel(cellText);
  if (cell === '') return false;
  const target = normalizeLabel(official);
  if (cell === target || cell.startsWith(target)) return true;
  const bare = stripNumbering(target);
  const cellBare = stripNumbering(cell);
  return bare.length >= 2 && (cellBare === bare || (bare.length >= 6 && cellBare.startsWith(bare)));
}

/** Section titles compare without spaces and with full-width punctuation, as people type them. */
export function normalizeTitle(t: string): string {
  return t
    .replace(/[\s\u200B\uFEFF]/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/[,，]/gu, '、')
    .replace(/^([一二三四五六])[.．,，]/u, '$1、');
}
