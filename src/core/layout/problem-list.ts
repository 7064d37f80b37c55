/**
 * The 问题清单: the findings as rows for sign-off or for sending back to a unit — standing, rule
 * title and id, table, cell label and address, message, review. The CLI's CSV and the pane's
 * 导出问题清单 workbook both write these rows.
 */
import type { FormatRevision } from '../format/revision';
import { RULES } from '../rules/declarations';
import { STANDING_LABELS, standingOf } from '../rules/groups';
import type { Finding } from '../rules/types';

export const PROBLEM_LIST_HEADER = ['级别', '规则编号', '规则', '表格', '单元格', '单元格地址', '问题', '核实理由', '核实日期'] as const;

/** Column widths (characters) for a workbook of the list. */
export const PROBLEM_LIST_WIDTHS = [8, 16, 26, 26, 30, 14, 60, 30, 12] as const;

export function problemListRows(findings: readonly Finding[], revision: FormatRevision, addresses: Readonly<Record<string, string>> = {}): string[][] {
  return findings.map((f) => {
    const first = f.cells[0] ?? '';
    const table = revision.findingGroups.find((g) => g.id === revision.placeGroup(first))?.title ?? '';
    return [
      STANDING_LABELS[standingOf(f)],
      f.rule,
      RULES[f.rule].title,
      table,
      revision.placeName(first),
      addresses[first] ?? '',
      f.message,
      f.reviewed?.reason ?? '',
      f.reviewed?.date ?? '',
    ];
  });
}
