/**
 * From raw values at the report's places (as read from a workbook) to a Report, and back: the values
 * a template is prefilled with. Both workbook adapters use these, so they read and write alike.
 */
import { metaPlace, narrativePlace } from '../format/build';
import type { FormatRevision } from '../format/revision';
import { BODY_TYPES, readBodyType } from '../report/body';
import type { Report, ReportMeta } from '../report/types';
import { readDate, readYear } from '../values/dates';
import { readTypedValue, trimSpaces, type ReportValue } from '../values/read';
import { META_ROWS, narrativeRows } from './workbook';

function readText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const s = trimSpaces((typeof raw === 'string' ? raw : String(raw)).replace(/\r\n?/gu, '\n'));
  return s === '' ? undefined : s;
}

/**
 * Builds a report from what was read at each place. A cell key that was not found stays absent;
 * narrative places that were found but are blank are empty sections.
 */
export function reportFromPlaces(raw: ReadonlyMap<string, unknown>, revision: FormatRevision): Report {
  const values: Record<string, ReportValue> = {};
  for (const c of revision.cells) if (raw.has(c.key)) values[c.key] = readTypedValue(raw.get(c.key));
  const meta: ReportMeta = {};
  const text = (field: 'agency' | 'office' | 'contact') => readText(raw.get(metaPlace(field)));
  const agency = text('agency');
  if (agency !== undefined) meta.agency = agency;
  const year = readYear(raw.get(metaPlace('year')));
  if (year !== undefined) meta.year = year;
  const office = text('office');
  if (office !== undefined) meta.office = office;
  // A date that cannot be read is kept as typed: meta-date reports it, and nothing the user wrote is lost.
  const date = readDate(raw.get(metaPlace('date'))) ?? readText(raw.get(metaPlace('date')));
  if (date !== undefined) meta.date = date;
  const bodyType = readBodyType(raw.get(metaPlace('bodyType')));
  if (bodyType !== undefined) meta.bodyType = bodyType;
  const contact = text('contact');
  if (contact !== undefined) meta.contact = contact;
  const narrative: Report['narrative'] = {};
  for (const n of narrativeRows(revision)) {
    const place = narrativePlace(n.field);
    if (raw.has(place)) narrative[n.field] = readText(raw.get(place)) ?? '';
  }
  return { format: revision.id, meta, values, narrative };
}

/** The value to write at each input place to prefill a template from a report. */
export function placesFromReport(report: Report, revision: FormatRevision): Map<string, string | number | null> {
  const out = new Map<string, string | number | null>();
  for (const c of revision.cells) {
    const v = report.values[c.key];
    if (v !== undefined) out.set(c.key, v);
  }
  for (const m of META_ROWS) {
    const v = report.meta[m.field];
    // The body type is written as people read it (县级以上人民政府…), and read back from those words.
    if (v !== undefined) out.set(metaPlace(m.field), m.field === 'bodyType' ? BODY_TYPES[v as keyof typeof BODY_TYPES].label : (v as string | number));
  }
  for (const n of narrativeRows(revision)) {
    const v = report.narrative[n.field];
    if (v !== undefined) out.set(narrativePlace(n.field), v);
  }
  return out;
}
