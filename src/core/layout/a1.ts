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

/** Parses `'Sheet'!$D$5`, `Sheet!D5` or `=Sheet!$D$5:$F$5` into sheet and top-left cell. */
export function parseReference(ref: string): { sheet: string; row: number; col: number } | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!(\$?[A-Z]{1,3}\$?\d+)(?::\$?[A-Z]{1,3}\$?\d+)?$/u.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/gu, "'") : m[2]!;
  if (m[1] === undefined && sheet === '#REF') return undefined; // a name whose sheet was deleted
  const cell = parseA1(m[3]!);
  return cell ? { sheet, ...cell } : undefined;
}
