/**
 * Family: the structure of the tables. An absent cell key means the document has no such cell
 * (an old template, a deleted row); it is reported once, not by every rule that would use it.
 */
import { CELLS, TABLES, cellsOfTable, placeName, tablePlace } from '../../format';
import { makeFinding } from '../finding';
import type { Finding, RuleContext, TemplateCheck } from '../types';

/** The row a cell belongs to: its key without the column segment (T2 single-value rows are their own row). */
function rowOf(key: string): string {
  const parts = key.split('.');
  return parts.length > 2 ? parts.slice(0, -1).join('.') : key;
}

function rowName(key: string): string {
  const name = placeName(key);
  const i = name.lastIndexOf('·');
  return i > 0 ? name.slice(0, i) : name;
}

export function checkTemplate(_check: TemplateCheck, ctx: RuleContext): Finding[] {
  const { values } = ctx.report;
  // A table with no cell at all is a missing section, reported by section-missing.
  const presentTables = new Set(TABLES.filter((t) => cellsOfTable(t.id).some((c) => values[c.key] !== undefined)).map((t) => t.id));
  const absent = CELLS.filter((c) => presentTables.has(c.table) && values[c.key] === undefined).map((c) => c.key);
  if (absent.length === 0) return [];
  const absentSet = new Set(absent);
  const rows = new Map<string, string[]>();
  for (const key of absent) rows.set(rowOf(key), [...(rows.get(rowOf(key)) ?? []), key]);
  const labels: string[] = [];
  let rowCount = 0;
  for (const [row, keys] of rows) {
    const all = CELLS.filter((c) => rowOf(c.key) === row).every((c) => absentSet.has(c.key));
    if (all) {
      rowCount++;
      labels.push(rowName(keys[0]!));
    } else labels.push(...keys.map(placeName));
  }
  return [
    makeFinding('old-template', 'warning', 'template.missing-cells', absent, {
      rowCount: rowCount > 0 ? rowCount : labels.length,
      rows: labels.join('、'),
      cellCount: absent.length,
    }),
  ];
}

/** Labels of the 2019 trial format seen in a workbook or document (found by the label locator). */
export function oldLabelFindings(labels: readonly string[]): Finding[] {
  if (labels.length === 0) return [];
  const inRequests = labels.some((l) => l.startsWith('（六）'));
  const inActive = labels.some((l) => !l.startsWith('（六）'));
  const cells = [...(inActive ? [tablePlace('active')] : []), ...(inRequests ? [tablePlace('requests')] : [])];
  return [makeFinding('old-template', 'warning', 'template.old-labels', cells, { labels: labels.join('、') })];
}
