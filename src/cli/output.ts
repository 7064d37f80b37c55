/** Text output of `check` for people: grouped by table, coloured on a terminal, with a summary line. */
import { FINDING_GROUPS, placeGroup, type Finding, type Summary } from '../core';

export type Style = { color: boolean };

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
const SEVERITY_COLOR = { error: 31, warning: 33, info: 36 } as const;

function paint(style: Style, code: number, text: string): string {
  return style.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function summaryText(s: Summary): string {
  return `${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示`;
}

export function formatFileText(file: string, findings: readonly Finding[], summary: Summary, style: Style): string {
  const lines: string[] = [paint(style, 1, file)];
  if (findings.length === 0) lines.push('  未发现问题。');
  for (const g of FINDING_GROUPS) {
    const inGroup = findings.filter((f) => placeGroup(f.cells[0] ?? '') === g.id);
    if (inGroup.length === 0) continue;
    lines.push(`  ${g.title}`);
    for (const f of inGroup) {
      const label = paint(style, SEVERITY_COLOR[f.severity], SEVERITY_LABEL[f.severity]);
      lines.push(`    ${label} ${paint(style, 2, `[${f.rule}]`)} ${f.message}`);
    }
  }
  const verdict = summary.errors > 0 ? paint(style, 31, '未通过') : paint(style, 32, '通过');
  lines.push(`  ${verdict}：${summaryText(summary)}`);
  return lines.join('\n');
}
