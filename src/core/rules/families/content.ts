/**
 * Family: what the narrative must contain (条例 第五十条): the aspects of 一、总体情况 (and, for
 * people's governments, 考核·评议·责任追究), improvement measures in 五, the 信息处理费 statement
 * in 六, and local length limits.
 */
import { narrativePlace, type FormatTables } from '../../format/build';
import type { NarrativeField } from '../../format/types';
import { BODY_TYPES, bodyTypeOf } from '../../report/body';
import { makeFinding } from '../finding';
import type { ContentCheck, Finding, RuleContext } from '../types';

const title = (t: FormatTables, field: NarrativeField) => t.narrativeFields.find((f) => f.field === field)?.label ?? field;
/** Characters of a text as evaluators count them: without spaces. */
const length = (text: string) => text.replace(/[\s\u00A0\u3000]/gu, '').length;

/** A word list from a local rule: any of the words. */
function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'u');
}

export function checkContent(check: ContentCheck, ctx: RuleContext): Finding[] {
  const { report, revision, config } = ctx;
  const content = revision.spec.content;
  switch (check.rule) {
    case 'content-topics': {
      const text = report.narrative.overview;
      if (!text || length(text) === 0) return []; // an empty section is section-empty's
      const where = [narrativePlace('overview')];
      const topics = [
        ...content.overviewTopics.filter((x) => !config.topics.drop.includes(x.label)),
        ...config.topics.add.map((x) => ({ label: x.label, words: anyOf(x.words) })),
      ];
      const all = Object.values(report.narrative).join('\n');
      const findings = topics
        .filter((x) => !x.words.test(text))
        .map((x) => makeFinding('content-topics', 'content.topic-missing', where, { section: title(revision, 'overview'), topic: x.label }));
      const body = bodyTypeOf(report.meta);
      if (body && BODY_TYPES[body.type].isGovernment) {
        const missing = content.governmentTopics.filter((x) => !x.words.test(all)).map((x) => x.label);
        if (missing.length > 0)
          findings.push(makeFinding('content-topics', 'content.assessment-missing', where, { parts: missing.join('、'), body: BODY_TYPES[body.type].label }));
      }
      return findings;
    }
    case 'content-improvement': {
      const text = report.narrative.problems;
      if (!text || length(text) < 30) return []; // empty or a one-liner: section-empty's
      return content.improvementWords.test(text)
        ? []
        : [makeFinding('content-improvement', 'content.no-improvement', [narrativePlace('problems')], { section: title(revision, 'problems') })];
    }
    case 'content-fee-statement': {
      const text = report.narrative.other;
      if (text === undefined) return []; // a missing section is section-missing's
      return content.feeStatement.test(text)
        ? []
        : [makeFinding('content-fee-statement', 'content.no-fee-statement', [narrativePlace('other')], { section: title(revision, 'other') })];
    }
    case 'section-length': {
      const findings: Finding[] = [];
      for (const [field, limit] of Object.entries(config.lengthLimits) as [NarrativeField, number][]) {
        const text = report.narrative[field];
        if (!text || length(text) <= limit) continue;
        findings.push(
          makeFinding('section-length', 'section.too-long', [narrativePlace(field)], { section: title(revision, field), length: length(text), limit }),
        );
      }
      return findings;
    }
  }
}
