/**
 * Family: the register that tables 三 and 四 are computed from (a register workbook). Every row is
 * counted by its categories, so a category outside the format's lists drops the row from the
 * tables; a finished request without a result is counted in 本年新收 but in no result; the dates
 * must fit the year. Each finding points at the row's cell.
 */
import { registerOptions, registerPlace, REGISTER_COLUMNS, CASE_COLUMNS, YES_NO } from '../../layout/register';
import { isoParts } from '../../values/dates';
import { makeFinding } from '../finding';
import type { Finding, RegisterCheck, RuleContext } from '../types';

type RegisterColumn = (typeof REGISTER_COLUMNS)[number] | (typeof CASE_COLUMNS)[number];

export function checkRegister(check: RegisterCheck, ctx: RuleContext): Finding[] {
  const register = ctx.report.register;
  if (!register) return [];
  const o = registerOptions(ctx.revision);
  const year = ctx.report.meta.year;
  const out: Finding[] = [];
  const place = (sheet: string, row: number, column: RegisterColumn) => registerPlace(sheet, row, column);
  const known = (value: string | null, list: readonly string[], sheet: string, row: number, column: RegisterColumn, number: string, required: boolean) => {
    if (value === null) {
      if (required) out.push(makeFinding(check.rule, 'register.missing', [place(sheet, row, column)], { cell: place(sheet, row, column), column, number }));
      return;
    }
    if (!list.includes(value))
      out.push(makeFinding(check.rule, 'register.unknown', [place(sheet, row, column)], { cell: place(sheet, row, column), column, value }));
  };
  const yesNo = [YES_NO.yes, YES_NO.no];
  for (const e of register.requests) {
    const carriedForward = e.carriedForward === YES_NO.yes;
    const carriedOver = e.carriedOver === YES_NO.yes;
    known(
      e.applicant,
      o.applicants.map((a) => a.label),
      e.sheet,
      e.row,
      '申请人类型',
      e.number,
      true,
    );
    // A request still open at the year's end has no result yet; every other one needs one.
    known(
      e.result,
      o.results.map((r) => r.label),
      e.sheet,
      e.row,
      '办理结果',
      e.number,
      !carriedForward,
    );
    known(e.carriedOver, yesNo, e.sheet, e.row, '是否上年结转', e.number, false);
    known(e.carriedForward, yesNo, e.sheet, e.row, '是否结转下年度', e.number, false);
    const cell = place(e.sheet, e.row, '收到日期');
    if (e.date === null) {
      if (carriedOver) out.push(makeFinding(check.rule, 'register.carried-no-date', [cell], { cell }));
      continue;
    }
    if (!e.dateReadable) {
      out.push(makeFinding(check.rule, 'register.bad-date', [cell], { cell, text: e.date }));
      continue;
    }
    const y = isoParts(e.date)?.y;
    if (year === undefined || y === undefined) continue;
    if (carriedOver && y >= year) out.push(makeFinding(check.rule, 'register.carried-date', [cell], { cell, date: e.date, year }));
    if (!carriedOver && y !== year) out.push(makeFinding(check.rule, 'register.date-outside', [cell], { cell, date: e.date, year }));
  }
  for (const c of register.cases) {
    known(
      c.type,
      o.caseTypes.map((g) => g.label),
      c.sheet,
      c.row,
      '类型',
      c.number,
      true,
    );
    known(
      c.result,
      o.caseResults.map((r) => r.label),
      c.sheet,
      c.row,
      '结果',
      c.number,
      true,
    );
  }
  return out;
}
