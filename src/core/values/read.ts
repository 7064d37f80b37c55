/**
 * Reading numbers as people type them (spec: "Reading numbers as people type them").
 * A typed-in value becomes a number, a blank (`null`) or text kept verbatim so rules can report it.
 */

/** A value of the report: a number, a blank cell (`null`), or text that is not a clean number. */
export type ReportValue = number | null | string;

// Unicode white space (NBSP, U+3000 and friends) plus zero-width characters Word and web pages leave behind.
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]/gu;
const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/gu;
const NEEDS_NORMALIZING = /[\s\u200B-\u200D\u2060\uFEFF\uFF10-\uFF19．，－−＋]/u;

/** Normalises typed text: removes every space, maps full-width digits and signs to ASCII. */
export function normalizeTyped(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text; // most text has nothing to change: one scan instead of six
  return text
    .replace(SPACES, '')
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．]/gu, '.')
    .replace(/[，]/gu, ',')
    .replace(/[－−]/gu, '-')
    .replace(/[＋]/gu, '+');
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/u;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/u;

/** Parses a normalised numeric string (with optional thousands separators), or returns undefined. */
function parseNumeric(s: string): number | undefined {
  if (PLAIN_NUMBER.test(s)) return Number(s);
  if (GROUPED_NUMBER.test(s)) return Number(s.replace(/,/gu, ''));
  return undefined;
}

/**
 * Reads one typed-in value. Numbers pass through; empty or space-only text is a blank; text that is a
 * clean number after normalisation (spaces, full-width digits, thousands separators, a trailing 件)
 * becomes that number; anything else is kept verbatim as text.
 */
export function readTypedValue(raw: unknown): ReportValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : String(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw !== 'string') return String(raw);
  const s = normalizeTyped(raw);
  if (s === '') return null;
  const n = parseNumeric(s.endsWith('件') ? s.slice(0, -1) : s);
  if (n !== undefined && Number.isFinite(n)) return Object.is(n, -0) ? 0 : n;
  // Text as typed, without the padding around it (NBSP, U+3000 from Word tables and web pages).
  return trimSpaces(raw);
}

// ---------------------------------------------------------------------------------------------
// What a text value is, so rules can say what is wrong with it.

const PLACEHOLDERS = new Set(['-', '--', '—', '——', '–', '/', '／', '\\', '无', '暂无', 'N/A', 'NA', 'n/a', '／', '×', '*', '空']);
const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|GETTING_DATA)$/iu;
const NUMBER_WITH_UNIT = /^([+-]?[\d,]*\.?\d+)(万元|千元|亿元|元|个|条|次|项|人|家|份|宗|起|笔|张|篇)$/u;

export type TextClass =
  | { type: 'placeholder' }
  | { type: 'excel-error'; code: string }
  | { type: 'formula' }
  | { type: 'number-with-unit'; value: number; unit: string }
  | { type: 'chinese-numeral'; value: number }
  | { type: 'text' };

/** Classifies a text value (one that `readTypedValue` kept as text). */
export function classifyText(text: string): TextClass {
  const s = normalizeTyped(text);
  if (PLACEHOLDERS.has(s)) return { type: 'placeholder' };
  if (EXCEL_ERROR.test(s)) return { type: 'excel-error', code: s.toUpperCase() };
  if (s.startsWith('=')) return { type: 'formula' };
  const unit = NUMBER_WITH_UNIT.exec(s);
  if (unit) {
    const n = parseNumeric(unit[1]!);
    if (n !== undefined) return { type: 'number-with-unit', value: n, unit: unit[2]! };
  }
  const numeral = parseChineseNumeral(s.endsWith('件') ? s.slice(0, -1) : s);
  if (numeral !== undefined) return { type: 'chinese-numeral', value: numeral };
  return { type: 'text' };
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses a Chinese numeral such as 十二, 一百零五, 两千, 二〇二三 (digit by digit); undefined if it is not one. */
export function parseChineseNumeral(s: string): number | undefined {
  if (s === '' || s.length > 12 || ![...s].every((ch) => ch in CN_DIGITS || ch in CN_UNITS)) return undefined;
  if (![...s].some((ch) => ch in CN_UNITS)) {
    // Digit by digit, as years are written (二〇二三).
    return Number([...s].map((ch) => CN_DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined && digit !== 0 && CN_DIGITS[ch] !== 0) return undefined; // 二三: not a numeral
      digit = CN_DIGITS[ch]!;
      continue;
    }
    const unit = CN_UNITS[ch]!;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
    }
    digit = undefined;
  }
  const value = total + section + (digit ?? 0);
  return Number.isFinite(value) ? value : undefined;
}

/** What a value means for arithmetic: blanks and placeholders count as 0; other text has no number. */
export function arithmeticValue(value: ReportValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  return classifyText(value).type === 'placeholder' ? 0 : undefined;
}

/** Text without the spaces (NBSP, U+3000, zero-width) that pad it at either end. */
export function trimSpaces(text: string): string {
  return text.replace(/^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu, '');
}

/** Trimmed text for messages (the verbatim value may carry NBSP padding). */
export function displayText(text: string): string {
  const t = text.replace(SPACES, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
