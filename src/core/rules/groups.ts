/**
 * Findings as people work through them: open errors first, then warnings, then the reviewed ones;
 * identical findings (same rule, same message, same standing) together as one group that says
 * what they have in common (“14个单元格为空白，应填写0”), each finding still its own cell.
 */
import { RULES, SEVERITY_LABELS, messageOf } from './declarations';
import type { Summary } from './engine';
import type { Finding, RuleId, Severity } from './types';

/** What a finding counts as where it is listed: an open error or warning, or reviewed. */
export type Standing = Severity | 'reviewed';

export const STANDING_LABELS: Record<Standing, string> = { ...SEVERITY_LABELS, reviewed: '已核实' };

export function standingOf(f: Finding): Standing {
  return f.reviewed ? 'reviewed' : f.severity;
}

export type FindingGroup = {
  /** Stable within one result: standing, rule and message id. */
  id: string;
  standing: Standing;
  rule: RuleId;
  messageId: string;
  /** One finding: its message; several: what they have in common. */
  title: string;
  findings: Finding[];
};

/** Identical findings are shown as one group from this many on (two lines are not yet a list). */
export const GROUP_MIN = 3;

const STANDING_ORDER: Record<Standing, number> = { error: 0, warning: 1, reviewed: 2 };

/** The text of a group of `count` findings of one message. */
export function groupTitle(rule: RuleId, messageId: string, count: number): string {
  const decl = messageOf(rule, messageId);
  return decl.group ? decl.group(count) : `${RULES[rule].title}：${count}处`;
}

/**
 * Groups identical findings, in the order of their first finding within each standing (the
 * findings come sorted: severity, rule, place). Groups of one keep the finding's own message.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const standing = standingOf(f);
    const id = `${standing}|${f.rule}|${f.messageId}`;
    let g = groups.get(id);
    if (!g) {
      g = { id, standing, rule: f.rule, messageId: f.messageId, title: '', findings: [] };
      groups.set(id, g);
    }
    g.findings.push(f);
  }
  const out = [...groups.values()].sort((a, b) => STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing]);
  for (const g of out) g.title = g.findings.length === 1 ? g.findings[0]!.message : groupTitle(g.rule, g.messageId, g.findings.length);
  return out;
}

/** Groups to show: identical findings from GROUP_MIN on as one group, the others one by one (order kept). */
export function displayGroups(findings: readonly Finding[]): FindingGroup[] {
  return groupFindings(findings).flatMap((g) =>
    g.findings.length >= GROUP_MIN ? [g] : g.findings.map((f, i) => ({ ...g, id: `${g.id}|${i}`, title: f.message, findings: [f] })),
  );
}

/** “1 个错误，17 个警告，1 个已核实”. */
export function summaryText(s: Summary): string {
  return `${s.errors} 个错误，${s.warnings} 个警告${s.reviewed > 0 ? `，${s.reviewed} 个已核实` : ''}`;
}
