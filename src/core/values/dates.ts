/** Years and dates as people write them: one home for the year pattern, the calendar and date reading. */
import { normalizeTyped, parseChineseNumeral } from './read';

/** A year followed by 年, in digits or Chinese numerals (二〇二三年). */
export const YEAR_IN_TEXT = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年/u;

/** The value of a year token matched by YEAR_IN_TEXT. */
export function yearOfToken(token: string): number | undefined {
  return /^\d{4}$/u.test(token) ? Number(token) : parseChineseNumeral(token);
}

/** The first year written in a text (`城东区人民政府2023年政府信息公开工作年度报告` → 2023). */
export function firstYearIn(text: string): number | undefined {
  const m = YEAR_IN_TEXT.exec(normalizeTyped(text));
  return m ? yearOfToken(m[1]!) : undefined;
}

export function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** A real calendar date (years 1900–2999). */
export function isValidCivil(y: number, m: number, d: number): boolean {
  const days = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return Number.isInteger(y) && y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** A well-formed ISO date `YYYY-MM-DD` that exists. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isValidCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days from 1899-12-30 (Excel's serial epoch) to a civil date, without the clock. */
function civilFromSerial(serial: number): { y: number; m: number; d: number } {
  // Days since 1970-01-01, then Howard Hinnant's days→civil algorithm.
  const z = Math.floor(serial) - 25569 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1970-01-01 of a civil date (Howard Hinnant's civil→days), to count days between dates. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The parts of an ISO date, or undefined. */
export function isoParts(s: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(y, mo, d) ? { y, m: mo, d } : undefined;
}

/** 2024-01-31 → 2024年1月31日. */
export function chineseDate(iso: string): string {
  const p = isoParts(iso);
  return p ? `${p.y}年${p.m}月${p.d}日` : iso;
}

/** A date as typed or stored (Excel serial, `2024-01-31`, `2024/1/31`, `2024年1月31日`) → ISO, or undefined. */
export function readDate(raw: unknown): string | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0 && raw < 2958466) {
    const { y, m, d } = civilFromSerial(raw);
    return `${y}-${pad(m)}-${pad(d)}`;
  }
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(normalizeTyped(raw));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
}

/** A year as typed (`2023`, `2023年`, `2023年度`, `二〇二三`) → number, or undefined. */
export function readYear(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1900 && raw <= 2999 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = normalizeTyped(raw).replace(/年度?$/u, '');
  const n = /^\d{4}$/u.test(s) ? Number(s) : parseChineseNumeral(s);
  return n !== undefined && n >= 1900 && n <= 2999 ? n : undefined;
}
