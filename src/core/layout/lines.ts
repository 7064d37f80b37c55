/**
 * Breaking a label into lines for a cell of a given width, the one way both the workbook and the
 * Word report do it: no word cut where it can be helped, no line starting with a comma or a closing
 * bracket, no last line of a single character.
 */

/** Display width of text in half-em units (Excel's character units): CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F\u201C\u201D]/u.test(ch) ? 2 : 1;
  return w;
}

/** Units a short label keeps on one line: a bracketed part, a number, or two characters (most Chinese words are two or four). */
function labelUnits(text: string): string[] {
  return [...text.matchAll(/[（(][^）)]*[）)]|[A-Za-z0-9.]+|[\s\S]{1,2}/gu)].map((m) => m[0]);
}

/** A unit too wide for a line, cut into two-character pieces, its brackets kept with the first and last piece. */
function cutUnit(unit: string): string[] {
  const pieces = unit.match(/[\s\S]{1,2}/gu) ?? [];
  const m = /^([（(])([\s\S]*?)([）)])$/u.exec(unit);
  if (!m) return pieces;
  const inner = m[2]!.match(/[\s\S]{1,2}/gu) ?? [''];
  inner[0] = m[1]! + inner[0]!;
  inner[inner.length - 1] += m[3]!;
  return inner;
}

/** Punctuation a line must not start with (it hangs at the end of the line before, as Word and WPS do). */
const NO_LINE_START = /^[，。、；：？！）」』”’》〉】,.;:?!)]/u;

const cjkCount = (line: string) => [...line].filter((ch) => /[\u4e00-\u9fff]/u.test(ch)).length;

/**
 * The lines of `text` in a cell `width` half-em units wide. `byUnits` breaks only between label
 * units (headers, “（三）不予公开”); otherwise between characters, where the host would wrap.
 * Text that fits, or already holds a break, keeps its own lines.
 */
export function breakLines(text: string, width: number, byUnits: boolean): string[] {
  if (text.includes('\n') || textWidth(text) <= width) return text.split('\n');
  const pieces = byUnits ? labelUnits(text).flatMap((u) => (textWidth(u) <= width ? [u] : cutUnit(u))) : [...text];
  const lines: string[] = [''];
  for (const piece of pieces) {
    const line = lines[lines.length - 1]!;
    if (line !== '' && textWidth(line + piece) > width && !NO_LINE_START.test(piece)) lines.push(piece);
    else lines[lines.length - 1] = line + piece;
  }
  const last = lines.length - 1;
  if (last > 0 && cjkCount(lines[last]!) <= 1) {
    const prev = byUnits ? labelUnits(lines[last - 1]!) : [...lines[last - 1]!];
    if (prev.length > 1 && (byUnits || prev.length > 2)) {
      let moved = prev.pop()!;
      // Never leave the line before ending in an opening mark, nor start this one with a closing one.
      while (prev.length > 1 && (/[“‘（《]$/u.test(prev.join('')) || NO_LINE_START.test(moved))) moved = prev.pop()! + moved;
      lines[last - 1] = prev.join('');
      lines[last] = moved + lines[last]!;
    }
  }
  return lines;
}

export const LINE_HEIGHT = 15; // points per line at 11 pt

/** Lines a text takes when wrapped in a cell `width` characters wide. */
export function linesFor(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, width - 1) * (11 / fontSize);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}
