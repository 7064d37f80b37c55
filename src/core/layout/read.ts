/**
 * From raw values at the report's places (as read from a workbook) to a Report, and back: the values
 * a template is prefilled with. Both workbook adapters use these, so they read and write alike.
 */
import { CELLS, REPORT_FORMAT_ID, metaPlace, narrativePlace } from '../format';
import type { Report, ReportMeta } from '../report/types';
import { normalizeTyped, parseChineseNumeral, readTypedValue, type ReportValue } from '../values/read';
import { META_ROWS, NARRATIVE_ROWS } from './workbook';

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

function isValidCivil(y: number, m: number, d: number): boolean {
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
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

function readText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const s = (typeof raw === 'string' ? raw : String(raw)).replace(/\r\n?/gu, '\n').trim();
  return s === '' ? undefined : s;
}

/**
 * Builds a report from what was read at each place. A cell key that was not found stays absent;
 * narrative places that were found but are blank are empty sections.
 */
export function reportFromPlaces(raw: ReadonlyMap<string, unknown>): Report {
  const values: Record<string, ReportValue> = {};
  for (const c of CELLS) if (raw.has(c.key)) values[c.key] = readTypedValue(raw.get(c.key));
  const meta: ReportMeta = {};
  const text = (field: 'agency' | 'office' | 'contact') => readText(raw.get(metaPlace(field)));
  const agency = text('agency');
  if (agency !== undefined) meta.agency = agency;
  const year = readYear(raw.get(metaPlace('year')));
  if (year !== undefined) meta.year = year;
  const office = text('office');
  if (office !== undefined) meta.office = office;
  const date = readDate(raw.get(metaPlace('date')));
  if (date !== undefined) meta.date = date;
  const contact = text('contact');
  if (contact !== undefined) meta.contact = contact;
  const narrative: Report['narrative'] = {};
  for (const n of NARRATIVE_ROWS) {
    const place = narrativePlace(n.field);
    if (raw.has(place)) narrative[n.field] = readText(raw.get(place)) ?? '';
  }
  return { format: REPORT_FORMAT_ID, meta, values, narrative };
}

/** The value to write at each input place to prefill a template from a report. */
export function placesFromReport(report: Report): Map<string, string | number | null> {
  const out = new Map<string, string | number | null>();
  for (const c of CELLS) {
    const v = report.values[c.key];
    if (v !== undefined) out.set(c.key, v);
  }
  for (const m of META_ROWS) {
    const v = report.meta[m.field];
    if (v !== undefined) out.set(metaPlace(m.field), v);
  }
  for (const n of NARRATIVE_ROWS) {
    const v = report.narrative[n.field];
    if (v !== undefined) out.set(narrativePlace(n.field), v);
  }
  return out;
}
