/**
 * How much of one text is another's: the share of its character n-grams (without spaces, digits and
 * punctuation, so changed numbers and years do not hide a copy) that occur in the other. Long texts
 * are compared by 4-grams; short ones (a sentence or two) by 2-grams, so that a short section that
 * repeats last year's is seen too.
 */

/** Below this many comparable characters a text is compared by 2-grams. */
const SHORT = 20;

const comparable = (text: string) => text.replace(/[\s\d\p{P}\p{S}]/gu, '');

/**
 * The text's n-grams as numbers (a polynomial of the character codes): much faster to build and
 * compare than strings. Distinct grams may rarely share a number; for a share of text that is noise.
 */
function grams(s: string, n: number): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + n <= s.length; i++) {
    let h = 0;
    for (let j = 0; j < n; j++) h = (Math.imul(h, 65599) + s.charCodeAt(i + j)) | 0; // small integers: V8's fast set keys
    out.add(h);
  }
  return out;
}

export function copiedShare(current: string, previous: string): number {
  const a = comparable(current);
  const n = a.length >= SHORT ? 4 : 2;
  const mine = grams(a, n);
  if (mine.size === 0) return 0;
  const theirs = grams(comparable(previous), n);
  let shared = 0;
  for (const g of mine) if (theirs.has(g)) shared++;
  return shared / mine.size;
}

/** Texts shorter than this (without spaces and punctuation) say too little to be compared (section-empty's). */
export const MIN_COMPARED_CHARS = 4;

export function comparableLength(text: string): number {
  return comparable(text).length;
}
