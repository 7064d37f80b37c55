/**
 * How much of this year's text is last year's: the share of this year's character 4-grams (without
 * spaces, digits and punctuation, so changed numbers and years do not hide a copy) that occur in last
 * year's text.
 */

const N = 4;

function grams(text: string): Set<string> {
  const s = text.replace(/[\s\d\p{P}\p{S}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + N <= s.length; i++) out.add(s.slice(i, i + N));
  return out;
}

export function copiedShare(current: string, previous: string): number {
  const a = grams(current);
  if (a.size === 0) return 0;
  const b = grams(previous);
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / a.size;
}

/** Texts shorter than this (without spaces and punctuation) are not compared. */
export const MIN_COMPARED_CHARS = 40;
export const COPIED_SHARE = 0.8;

export function comparableLength(text: string): number {
  return text.replace(/[\s\d\p{P}\p{S}]/gu, '').length;
}
