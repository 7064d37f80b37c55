/** A1 references, in one place: column letters, cell addresses, sheet-qualified references. */

/** A1 column letters of a 0-based column index. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The 0-based column index of A1 column letters (`A` → 0, `AA` → 26). */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** `D5` → 0-based row and column, or undefined. */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : undefined;
}

/** An absolute reference to a cell on a sheet, with the sheet name quoted as Excel requires. */
export function sheetReference(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/gu, "''")}'!$${columnLetters(col)}$${row + 1}`;
}

/** `$D$5` / `D5` at the end of a reference, read by hand (the common case of every defined name); undefined for anything else. */
function cellAtEnd(ref: string, from: number): { row: number; col: number } | undefined {
  let i = from;
  if (ref.charCodeAt(i) === 0x24) i++;
  let col = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) col = col * 26 + (c - 0x40);
    else break;
  }
  if (i === start || i - start > 3) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) row = row * 10 + (c - 0x30);
    else return undefined;
  }
  return i === digits || row < 1 ? undefined : { row: row - 1, col: col - 1 };
}

/** Parses `'Sheet'!$D$5`, `Sheet!D5` or `=Sheet!$D$5:$F$5` into sheet and top-left cell. */
export function parseReference(ref: string): { sheet: string; row: number; col: number } | undefined {
  // Fast path: a quoted sheet name without doubled quotes and one cell, as every name we write.
  if (ref.charCodeAt(0) === 0x27) {
    const close = ref.indexOf("'!", 1);
    if (close > 1 && ref.indexOf("'", 1) === close) {
      const cell = cellAtEnd(ref, close + 2);
      if (cell) return { sheet: ref.slice(1, close), ...cell };
    }
  }
  return parseReferenceSlow(ref);
}

function parseReferenceSlow(ref: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!(\$?[A-Z]{1,3}\$?\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/u.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/gu, "'") : m[2]!;
  if (m[1] === undefined && sheet === '#REF') return undefined; // a name whose sheet was deleted
  const cell = parseA1(m[3]!);
  return cell ? { sheet, ...cell } : undefined;
}
