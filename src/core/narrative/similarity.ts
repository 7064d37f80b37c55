/**
 * How much of one text is another's: the share of its character n-grams (without spaces, digits and
 * punctuation, so changed numbers and years do not hide a copy) that occur in the other. Long texts
 * are compared by 4-grams; short ones (a sentence or two) by 2-grams, so that a short section that
 * repeats last year's is seen too.
 */

/** Below this many comparable characters a text is compared by 2-grams. */
const SHORT = 20;

/** What is left out of the comparison: spaces, digits, punctuation and symbols. */
const LEFT_OUT = /^[\s\d\p{P}\p{S}]$/u;

/** Per UTF-16 unit: 0 not yet known, 1 compared, 2 left out (the regular expression is asked once per character). */
const kinds = new Uint8Array(0x10000);

function leftOut(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0x4e00 && code <= 0x9fff) return false; // CJK ideographs: nearly all of a report
  if (code >= 0xd800 && code <= 0xdfff) return LEFT_OUT.test(String.fromCodePoint(text.codePointAt(i) ?? code)); // astral: rare
  let kind = kinds[code]!;
  if (kind === 0) {
    kind = LEFT_OUT.test(String.fromCharCode(code)) ? 2 : 1;
    kinds[code] = kind;
  }
  return kind === 2;
}

/** The character codes that are compared (a low surrogate of a left-out astral character is left out with it). */
export function comparable(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const astral = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    if (!leftOut(text, i)) {
      out.push(code);
      if (astral) out.push(text.charCodeAt(i + 1));
    }
    if (astral) i++;
  }
  return out;
}

/**
 * A set of n-grams as numbers (a polynomial of the character codes) in an open-addressing table:
 * much faster to build and probe than strings in a Set. Distinct grams may rarely share a number;
 * for a share of text that is noise. The two tables a comparison needs are reused from call to call
 * (a slot belongs to the current set when it carries the set's stamp), so nothing is allocated or cleared.
 */
class GramSet {
  private keys = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private mask = 0;
  size = 0;

  /** Empties the set, with room for this many grams. */
  reset(capacity: number): this {
    let n = 16;
    while (n < capacity * 2) n <<= 1;
    if (n > this.keys.length) {
      this.keys = new Int32Array(n);
      this.stamps = new Uint32Array(n);
      this.stamp = 0;
    }
    this.mask = Math.min(n, this.keys.length) - 1;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.size = 0;
    return this;
  }

  /** Adds the gram; true when it was not there yet. */
  add(h: number): boolean {
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
    while (this.stamps[i] === this.stamp) {
      if (this.keys[i] === h) return false;
      i = (i + 1) & this.mask;
    }
    this.stamps[i] = this.stamp;
    this.keys[i] = h;
    this.size++;
    return true;
  }

  has(h: number): boolean {
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
    while (this.stamps[i] === this.stamp) {
      if (this.keys[i] === h) return true;
      i = (i + 1) & this.mask;
    }
    return false;
  }
}

const MINE = new GramSet();
const THEIRS = new GramSet();

const gramAt = (codes: readonly number[], i: number, n: number) => {
  let h = 0;
  for (let j = 0; j < n; j++) h = (Math.imul(h, 65599) + codes[i + j]!) | 0;
  return h;
};

export function copiedShare(current: string, previous: string): number {
  const a = comparable(current);
  const n = a.length >= SHORT ? 4 : 2;
  if (a.length < n) return 0;
  const b = comparable(previous);
  const theirs = THEIRS.reset(b.length);
  for (let i = 0; i + n <= b.length; i++) theirs.add(gramAt(b, i, n));
  const mine = MINE.reset(a.length);
  let shared = 0;
  for (let i = 0; i + n <= a.length; i++) {
    const h = gramAt(a, i, n);
    if (mine.add(h) && theirs.has(h)) shared++;
  }
  return shared / mine.size;
}

/** Texts shorter than this (without spaces and punctuation) say too little to be compared (section-empty's). */
export const MIN_COMPARED_CHARS = 4;

export function comparableLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!leftOut(text, i)) length++;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
  }
  return length;
}
