/**
 * Numbers are compared in one place: counts exactly, the fee in 万元 to 4 decimals
 * (the format asks for 万元; four decimals are 1 元).
 */
import type { ValueKind } from '../format/types';

export const FEE_DECIMALS = 4;

/** Rounds to the precision a kind is compared at. */
export function roundFor(kind: ValueKind, n: number): number {
  if (kind === 'count') return n;
  const f = 10 ** FEE_DECIMALS;
  return Math.round(n * f) / f;
}

export function sameAmount(kind: ValueKind, a: number, b: number): boolean {
  return roundFor(kind, a) === roundFor(kind, b);
}

/** Difference a − b at the kind's precision. */
export function difference(kind: ValueKind, a: number, b: number): number {
  return roundFor(kind, a - b);
}

/** Number of decimals written in a number (0 for integers). */
export function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const exp = /e-(\d+)$/u.exec(s);
  if (exp) return Number(exp[1]) + (s.split('e')[0]!.split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/** Formats a number for a Chinese message: no exponent, no float noise. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}
