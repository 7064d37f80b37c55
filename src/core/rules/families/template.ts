/**
 * Family: the structure of the tables. An absent cell key means the document has no such cell
 * (an old template, a deleted row); it is reported once, not by every rule that would use it.
 */
import { tablePlace, type FormatTables } from '../../format/build';
import type { TableId } from '../../format/types';
import { makeFinding } from '../finding';
import type { Finding, RuleContext, TemplateCheck } from '../types';

export function checkTemplate(_check: TemplateCheck, ctx: RuleContext): Finding[] {
  const { values } = ctx.report;
  const t = ctx.revision;
  // A table with no cell at all is a missing section, reported by section-missing.
  const presentTables = new Set(t.tables.filter((x) => t.cellsOfTable(x.id).some((c) => values[c.key] !== undefined)).map((x) => x.id));
  const absent = t.cells.filter((c) => presentTables.has(c.table) && values[c.key] === undefined);
  if (absent.length === 0) return [];
  // Whole rows are named by their row; a row that lost only some cells, by those cells.
  const byRow = new Map<string, (typeof absent)[number][]>();
  for (const c of absent) (byRow.get(c.rowId) ?? byRow.set(c.rowId, []).get(c.rowId)!).push(c);
  const labels: string[] = [];
  let rowCount = 0;
  for (const [rowId, cells] of byRow) {
    if (cells.length === t.cellsOfRow(rowId).length) {
      rowCount++;
      labels.push(cells[0]!.rowName);
    } else labels.push(...cells.map((c) => c.name));
  }
  return [
    makeFinding(
      'old-template',
      'template.missing-cells',
      absent.map((c) => c.key),
      { rowCount: rowCount > 0 ? rowCount : labels.length, rows: labels.join('、'), cellCount: absent.length },
    ),
  ];
}

/** The table an old label was seen in: the labels of the older revision name theirs. */
function tableOfOldLabel(t: FormatTables, label: string): TableId | undefined {
  const legacy = t.spec.legacy;
  return legacy.labels.find((l) => l.text === label)?.table ?? legacy.collapsedRows.find((r) => label.startsWith(r.text))?.table;
}

/** Labels of the older revision seen in a workbook or document (found by the label locator). */
export function oldLabelFindings(t: FormatTables, labels: readonly string[]): Finding[] {
  if (labels.length === 0) return [];
  const tables = new Set(labels.map((l) => tableOfOldLabel(t, l)));
  const cells = t.tables.filter((x) => tables.has(x.id)).map((x) => tablePlace(x.id));
  return [makeFinding('old-template', 'template.old-labels', cells, { labels: labels.join('、') })];
}
