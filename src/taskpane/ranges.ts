/** A1 ranges as Excel reports them in change events (`C12`, `B3:D7`, `A:A`, `3:3`), and whether two overlap. */

type Box = { r0: number; c0: number; r1: number; c1: number };

const ALL = 1 << 30;

function corner(ref: string): { row: number | null; col: number | null } | undefined {
  const m = /^\$?([A-Z]{0,3})\$?(\d*)$/iu.exec(ref.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let col: number | null = null;
  if (m[1]) {
    col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    col -= 1;
  }
  return { row: m[2] ? Number(m[2]) - 1 : null, col };
}

function box(address: string): Box | undefined {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.split(':');
  const p = corner(a!);
  const q = corner(b!);
  if (!p || !q) return undefined;
  return { r0: p.row ?? 0, c0: p.col ?? 0, r1: q.row ?? ALL, c1: q.col ?? ALL };
}

/** Whether two addresses on the same sheet share a cell; an address that cannot be read counts as overlapping (safer to say “out of date”). */
export function overlaps(a: string, b: string): boolean {
  const x = box(a);
  const y = box(b);
  if (!x || !y) return true;
  return x.r0 <= y.r1 && y.r0 <= x.r1 && x.c0 <= y.c1 && y.c0 <= x.c1;
}
