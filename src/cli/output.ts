/** Text output of `check` and `rules` for people: grouped by table, coloured on a terminal, with a summary line. */
import { SEVERITY_LABELS, type Finding, type FormatRevision, type RuleInfo, type Summary } from '../core';

export type Style = { color: boolean };

const SEVERITY_COLOR = { error: 31, warning: 33 } as const;

function paint(style: Style, code: number, text: string): string {
  return style.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function summaryText(s: Summary): string {
  return `${s.errors} 个错误，${s.warnings} 个警告`;
}

export function formatFileText(file: string, findings: readonly Finding[], summary: Summary, revision: FormatRevision, style: Style): string {
  const lines: string[] = [paint(style, 1, file)];
  if (findings.length === 0) lines.push('  未发现问题。');
  for (const g of revision.findingGroups) {
    const inGroup = findings.filter((f) => revision.placeGroup(f.cells[0] ?? '') === g.id);
    if (inGroup.length === 0) continue;
    lines.push(`  ${g.title}`);
    for (const f of inGroup) {
      const label = paint(style, SEVERITY_COLOR[f.severity], SEVERITY_LABELS[f.severity]);
      lines.push(`    ${label} ${paint(style, 2, `[${f.rule}]`)} ${f.message}`);
    }
  }
  const verdict = summary.errors > 0 ? paint(style, 31, '未通过') : paint(style, 32, '通过');
  lines.push(`  ${verdict}：${summaryText(summary)}`);
  return lines.join('\n');
}

export function formatRulesText(rules: readonly (RuleInfo & { enabled?: boolean })[], revision: FormatRevision, style: Style): string {
  const lines = [paint(style, 1, `核对规则（${rules.length}条，${revision.name}，${revision.source}）`)];
  for (const r of rules) {
    const severity = r.severities.map((s) => paint(style, SEVERITY_COLOR[s], SEVERITY_LABELS[s])).join('/');
    lines.push(
      '',
      `${paint(style, 1, r.title)}  ${paint(style, 2, `[${r.id}]`)} ${severity}${r.needsPrevious ? '（需要上年报告）' : ''}${r.enabled === false ? '（已按本地规则关闭）' : ''}`,
    );
    lines.push(`  ${r.description}`, `  依据：${r.source}`);
  }
  return lines.join('\n');
}
