/**
 * Families: the report's basic data (机关名称, 年度, 发布机关, 发布日期, 联系方式; a report whose
 * tables are all blank) and its publication deadline (条例 第四十九条, with local dates).
 */
import { metaPlace, tablePlace, type FormatTables, type MetaField } from '../../format/build';
import { BODY_TYPES, bodyTypeOf } from '../../report/body';
import type { Report } from '../../report/types';
import { chineseDate, dayNumber, isoParts } from '../../values/dates';
import { classifyText, displayText } from '../../values/read';
import { makeFinding } from '../finding';
import type { DeadlineCheck, Finding, MetaCheck, RuleContext } from '../types';

const FIELD_OF = {
  'meta-agency': { field: 'agency', label: '机关名称' },
  'meta-year': { field: 'year', label: '年度' },
  'meta-office': { field: 'office', label: '发布机关' },
  'meta-date': { field: 'date', label: '发布日期' },
  'meta-contact': { field: 'contact', label: '联系方式' },
} as const satisfies Record<Exclude<MetaCheck['rule'], 'meta-unfilled'>, { field: MetaField; label: string }>;

/** A report whose tables are there but hold nothing yet: every present cell blank (or a placeholder). */
export function isUnfilled(report: Report, t: FormatTables): boolean {
  const present = t.cells.filter((c) => report.values[c.key] !== undefined);
  return (
    present.length > 0 &&
    present.every((c) => {
      const v = report.values[c.key];
      return v === null || (typeof v === 'string' && classifyText(v).type === 'placeholder');
    })
  );
}

export function checkMeta(check: MetaCheck, ctx: RuleContext): Finding[] {
  const { report, revision } = ctx;
  if (check.rule === 'meta-unfilled') {
    if (!isUnfilled(report, revision)) return [];
    const tables = revision.tables.filter((x) => revision.cellsOfTable(x.id).some((c) => report.values[c.key] !== undefined));
    const cells = revision.cells.filter((c) => report.values[c.key] !== undefined).length;
    return [
      makeFinding(
        'meta-unfilled',
        'meta.unfilled',
        tables.map((x) => tablePlace(x.id)),
        { cells },
      ),
    ];
  }
  const { field, label } = FIELD_OF[check.rule];
  const value = report.meta[field];
  const where = [metaPlace(field)];
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return [makeFinding(check.rule, 'meta.missing', where, { field: label })];
  if (check.rule === 'meta-date' && typeof value === 'string' && !isoParts(value)) {
    return [makeFinding('meta-date', 'meta.date-unreadable', where, { text: displayText(value) })];
  }
  return [];
}

export function checkDeadline(_check: DeadlineCheck, ctx: RuleContext): Finding[] {
  const { meta } = ctx.report;
  const date = meta.date !== undefined ? isoParts(meta.date) : undefined;
  if (!date || meta.year === undefined) return []; // missing or unreadable: meta-date and meta-year say so
  const year = meta.year;
  const where = [metaPlace('date'), metaPlace('year')];
  const shown = chineseDate(meta.date!);
  if (date.y === year) return [makeFinding('deadline', 'deadline.in-year', where, { date: shown, year })];
  if (date.y < year) return [makeFinding('deadline', 'deadline.before-year', where, { date: shown, year })];
  const body = bodyTypeOf(meta);
  if (!body) return []; // the name does not say what kind of body this is: no deadline is assumed
  const md = ctx.config.deadlines[body.type];
  const [dm, dd] = [Number(md.slice(0, 2)), Number(md.slice(3))];
  const days = dayNumber(date.y, date.m, date.d) - dayNumber(year + 1, dm, dd);
  if (days <= 0) return [];
  return [
    makeFinding('deadline', 'deadline.late', [metaPlace('date')], {
      date: shown,
      deadline: `${year + 1}年${dm}月${dd}日`,
      days,
      body: BODY_TYPES[body.type].label,
      by: body.by === '报告中注明' ? '为报告中注明的类型' : `按${body.by}推断`,
    }),
  ];
}
