/** Timing helper shared by the bench and its fresh-process measurements. */

/** Milliseconds of each of `n` calls, after `warm` calls not counted. */
export function samples(n: number, warm: number, f: () => unknown): number[] {
  for (let i = 0; i < warm; i++) f();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times;
}
