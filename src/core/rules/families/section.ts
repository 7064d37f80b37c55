/** Family: the report's sections 一–六: present, officially titled, and not empty. */
import { narrativePlace, tablePlace } from '../../format/build';
import type { SectionFormat } from '../../format/types';
import { displayText } from '../../values/read';
import { normalizeTitle } from '../../layout/labels';
import { makeFinding } from '../finding';
import type { Finding, RuleContext, SectionCheck } from '../types';

/** Text that says nothing at all (a bare “无”, “暂无问题”). */
const NOTHING = /^(?:无|暂无|没有|无问题|暂无问题|没有问题|无明显问题|暂无明显问题|\/|-|—)[。.]?$/u;
/** 五 must say what the problems are and what is done about them: one short sentence does not. */
const ONE_LINER_CHARS = 30;

function place(section: SectionFormat): string {
  return section.content.type === 'narrative' ? narrativePlace(section.content.field) : tablePlace(section.content.table);
}

export function checkSection(check: SectionCheck, ctx: RuleContext): Finding[] {
  const section = ctx.revision.section(check.section);
  const where = [place(section)];
  const { report } = ctx;
  const text = section.content.type === 'narrative' ? report.narrative[section.content.field] : undefined;
  const present =
    section.content.type === 'narrative'
      ? text !== undefined
      : ctx.revision.cellsOfTable(section.content.table).some((c) => report.values[c.key] !== undefined);

  switch (check.rule) {
    case 'section-missing': {
      if (present) return [];
      const id = section.content.type === 'narrative' ? 'section.missing-narrative' : 'section.missing-table';
      return [makeFinding('section-missing', id, where, { title: section.title })];
    }
    case 'section-title': {
      const actual = report.meta.sectionTitles?.[section.id];
      if (actual === undefined || !present) return [];
      const norm = normalizeTitle(actual);
      if (norm === normalizeTitle(section.title)) return [];
      const variant = section.variants.some((v) => normalizeTitle(v) === norm);
      return [
        makeFinding('section-title', variant ? 'section.title-variant' : 'section.title-deviates', where, {
          title: section.title,
          actual: displayText(actual),
        }),
      ];
    }
    case 'section-empty': {
      if (text === undefined) return [];
      const trimmed = text.replace(/[\s\u200B\uFEFF]/gu, '');
      if (trimmed === '') return [makeFinding('section-empty', 'section.empty', where, { title: section.title })];
      if (NOTHING.test(trimmed)) return [makeFinding('section-empty', 'section.none', where, { title: section.title, text: trimmed })];
      const sentences = trimmed.split(/[。！？；!?;]/u).filter((s) => s !== '');
      if (section.content.type === 'narrative' && section.content.field === 'problems' && sentences.length <= 1 && trimmed.length < ONE_LINER_CHARS) {
        return [makeFinding('section-empty', 'section.one-liner', where, { title: section.title, text: trimmed })];
      }
      return [];
    }
  }
}
