/**
 * 雷同 among many units without comparing every pair: each section's 4-grams (as the copied-text
 * rule counts them) are summarised by a MinHash signature; sections whose signatures agree on a
 * whole band become candidates (locality-sensitive hashing), and only candidates are compared
 * exactly, with the share the copied-text rule uses. For 0.8 and more of the same text, a pair is
 * a candidate with a probability above 0.999. A section shared by many units is paired with the first
 * of them only.
 */
import { comparable, copiedShare } from '../narrative/similarity';

const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;
const SEEDS = Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) | 0);

function signature(text: string): Int32Array | undefined {
  const codes = comparable(text);
  if (codes.length < 30) return undefined; // a standard sentence bodies rightly share
  const sig = new Int32Array(HASHES).fill(0x7fffffff);
  for (let i = 0; i + 4 <= codes.length; i++) {
    let h = 0;
    for (let j = 0; j < 4; j++) h = (Math.imul(h, 65599) + codes[i + j]!) | 0;
    for (let k = 0; k < HASHES; k++) {
      let x = h ^ SEEDS[k]!;
      x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
      x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
      x ^= x >>> 16;
      if (x < sig[k]!) sig[k] = x;
    }
  }
  return sig;
}

export type SectionText = { unit: number; text: string };

/** Pairs (i < j by unit index) of sections at least `share` the same, with the share. */
export function similarPairs(sections: readonly SectionText[], share: number): { a: number; b: number; share: number }[] {
  const signed = sections.map((s) => ({ ...s, sig: signature(s.text) })).filter((s) => s.sig !== undefined);
  const candidates = new Set<string>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signed.forEach((s, idx) => {
      const key = Array.from(s.sig!.subarray(band * ROWS, (band + 1) * ROWS)).join(',');
      const list = buckets.get(key);
      if (list) list.push(idx);
      else buckets.set(key, [idx]);
    });
    // Each section of a bucket is compared with the bucket's first: a text many units share (a
    // template) gives one pair per unit, not one per pair of units.
    for (const list of buckets.values()) for (let y = 1; y < list.length; y++) candidates.add(`${list[0]},${list[y]}`);
  }
  const out: { a: number; b: number; share: number }[] = [];
  for (const pair of candidates) {
    const [x, y] = pair.split(',').map(Number) as [number, number];
    const s = signed[x]!;
    const t = signed[y]!;
    if (s.unit === t.unit) continue;
    const value = Math.max(copiedShare(s.text, t.text), copiedShare(t.text, s.text));
    if (value >= share) out.push({ a: Math.min(s.unit, t.unit), b: Math.max(s.unit, t.unit), share: value });
  }
  return out;
}
