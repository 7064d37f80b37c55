/**
 * Text output of `check` and `rules` for people: open errors first, then warnings, then what was
 * reviewed, each by table; identical findings on one line; coloured on a terminal; a summary line.
 * And `check --format csv`: one row per finding, for spreadsheets and sign-off.
 */
import {
  PROBLEM_LIST_HEADER,
  SEVERITY_LABELS,
  problemListRows,
  summaryText,
  STANDING_LABELS,
  displayGroups,
  standingOf,
  type Finding,
  type FormatRevision,
  type RuleInfo,
  type Standing,
  type Summary,
} from '../core';

export type Style = { color: boolean };

const SEVERITY_COLOR = { error: 31, warning: 33 } as const;
const STANDING_COLOR: Record<Standing, number> = { ...SEVERITY_COLOR, reviewed: 32 };

function paint(style: Style, code: number, text: string): string {
  return style.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export { summaryText };

const reviewedText = (f: Finding) => (f.reviewed ? `（已核实：${f.reviewed.reason}；${f.reviewed.date}）` : '');

export function formatFileText(file: string, findings: readonly Finding[], summary: Summary, revision: FormatRevision, style: Style): string {
  const lines: string[] = [paint(style, 1, file)];
  if (findings.length === 0) lines.push('  未发现问题。');
  for (const standing of ['error', 'warning', 'reviewed'] as const) {
    const ofStanding = findings.filter((f) => standingOf(f) === standing);
    if (ofStanding.length === 0) continue;
    lines.push(`  ${paint(style, 1, `${STANDING_LABELS[standing]}（${ofStanding.length}）`)}`);
    for (const table of revision.findingGroups) {
      const inTable = ofStanding.filter((f) => revision.placeGroup(f.cells[0] ?? '') === table.id);
      if (inTable.length === 0) continue;
      lines.push(`    ${table.title}`);
      for (const g of displayGroups(inTable)) {
        const label = paint(style, STANDING_COLOR[standing], STANDING_LABELS[standing]);
        const f = g.findings[0]!;
        const text =
          g.findings.length === 1 ? `${f.message}${reviewedText(f)}` : `${g.title}：${g.findings.map((x) => revision.placeName(x.cells[0] ?? '')).join('、')}`;
        lines.push(`      ${label} ${paint(style, 2, `[${g.rule}]`)} ${text}`);
      }
    }
  }
  const verdict = summary.errors > 0 ? paint(style, 31, '未通过') : paint(style, 32, '通过');
  lines.push(`  ${verdict}：${summaryText(summary)}`);
  return lines.join('\n');
}

export const CSV_HEADER = ['文件', ...PROBLEM_LIST_HEADER] as const;

/** A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is kept as text for spreadsheets. */
function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/u.test(v) ? `'${v}` : v;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** One CSV row per finding (the header is written once, by the caller). */
export function formatFileCsv(file: string, findings: readonly Finding[], revision: FormatRevision, addresses: Record<string, string> | undefined): string[] {
  return problemListRows(findings, revision, addresses).map((row) => csvLine([file, ...row]));
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
