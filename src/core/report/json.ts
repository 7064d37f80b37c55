/**
 * The report JSON (interchange format of the spec): read with errors that name the place, and
 * written with a stable key order so that the same report always gives the same bytes.
 */
import { META_FIELDS } from '../format/build';
import type { FormatRevision } from '../format/revision';
import { REVISIONS, revisionFor, revisionOf } from '../format/revisions';
import type { NarrativeField, SectionId } from '../format/types';
import { BODY_TYPES, BODY_TYPE_IDS, type BodyType } from './body';
import type { ReportValue } from '../values/read';
import { isIsoDate } from '../values/dates';
import type { Narrative, Report, ReportMeta } from './types';
import { RULE_IDS, isRuleId, type RuleId } from '../rules/declarations';
import { MAX_REVIEW_REASON, type Review } from '../rules/reviews';

export type JsonProblem = { path: string; message: string };
export type ParseResult = { ok: true; report: Report } | { ok: false; problems: JsonProblem[] };

const MAX_PROBLEMS = 20;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: Json | undefined): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  switch (typeof v) {
    case 'string':
      return '文本';
    case 'number':
      return '数字';
    case 'boolean':
      return '布尔值';
    case 'object':
      return '对象';
    default:
      return '缺失';
  }
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function syntaxProblem(text: string, error: unknown): JsonProblem {
  const msg = error instanceof Error ? error.message : String(error);
  const lc = /line (\d+) column (\d+)/u.exec(msg);
  const pos = /position (\d+)/u.exec(msg);
  let where = '';
  if (lc) where = `第${lc[1]}行第${lc[2]}列`;
  else if (pos) {
    const p = lineColumn(text, Number(pos[1]));
    where = `第${p.line}行第${p.column}列`;
  } else if (/end of (JSON|data) input|Unexpected end/iu.test(msg)) where = '文件末尾（内容不完整）';
  return { path: '$', message: `不是有效的 JSON${where ? `：${where}附近有语法错误` : ''}` };
}

/** Edit distance, to suggest the key the user meant. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function suggestion(key: string, candidates: readonly string[]): string {
  if (key.length > 200) return '';
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(key.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(key.length / 5)) ? `（是否应为 ${best}？）` : '';
}

const TOP_KEYS = ['format', 'meta', 'values', 'narrative', 'reviews'];
const META_KEYS: readonly string[] = [...META_FIELDS.map((f) => f.field), 'sectionTitles'];
const NARRATIVE_KEYS: readonly NarrativeField[] = ['preamble', 'overview', 'problems', 'other'];
/**
 * Reads a report JSON text in one of the known revisions (its `format`). Never throws: a malformed
 * file gives problems naming their place.
 */
export function parseReportJson(text: string, known: readonly FormatRevision[] = REVISIONS): ParseResult {
  const problems: JsonProblem[] = [];
  // Messages are built lazily: a hostile file with thousands of bad keys costs no more than 20.
  const problem = (path: string, message: string | (() => string)) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message: typeof message === 'string' ? message : message() });
  };
  let root: Json;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Json;
  } catch (e) {
    return { ok: false, problems: [syntaxProblem(text, e)] };
  }
  if (!isObject(root)) return { ok: false, problems: [{ path: '$', message: `顶层应为对象，实际为${typeName(root)}` }] };

  for (const k of Object.keys(root)) {
    if (!TOP_KEYS.includes(k)) problem(k, () => `未知字段${suggestion(k, TOP_KEYS)}；允许的字段：${TOP_KEYS.join('、')}`);
  }
  const revision = typeof root.format === 'string' ? revisionOf(root.format, known) : undefined;
  if (!revision) {
    const ids = known.map((r) => `"${r.id}"`).join(' 或 ');
    return {
      ok: false,
      problems: [...problems, { path: 'format', message: `应为 ${ids}，实际为 ${root.format === undefined ? '缺失' : JSON.stringify(root.format)}` }],
    };
  }
  const SECTION_KEYS: readonly string[] = revision.sections.map((s) => s.id);
  const CELL_KEYS: readonly string[] = revision.cells.map((c) => c.key);

  const meta: ReportMeta = {};
  if (root.meta !== undefined) {
    if (!isObject(root.meta)) problem('meta', `应为对象，实际为${typeName(root.meta)}`);
    else {
      for (const [k, v] of Object.entries(root.meta)) {
        const path = `meta.${k}`;
        if (!META_KEYS.includes(k)) {
          problem(path, () => `未知字段${suggestion(k, META_KEYS)}；允许的字段：${META_KEYS.join('、')}`);
        } else if (v === null) {
          // null means "not given", as an absent field.
        } else if (k === 'year') {
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 1900 || v > 2999) problem(path, `应为四位年份数字，实际为 ${JSON.stringify(v)}`);
          else meta.year = v;
        } else if (k === 'sectionTitles') {
          if (!isObject(v)) problem(path, `应为对象，实际为${typeName(v)}`);
          else {
            const titles: Partial<Record<SectionId, string>> = {};
            for (const [sk, sv] of Object.entries(v)) {
              if (!SECTION_KEYS.includes(sk)) problem(`${path}.${sk}`, () => `未知的部分${suggestion(sk, SECTION_KEYS)}；允许：${SECTION_KEYS.join('、')}`);
              else if (typeof sv !== 'string') problem(`${path}.${sk}`, `应为文本，实际为${typeName(sv)}`);
              else titles[sk as SectionId] = sv;
            }
            meta.sectionTitles = titles;
          }
        } else if (typeof v !== 'string') {
          problem(path, `应为文本，实际为${typeName(v)}`);
        } else if (k === 'bodyType') {
          // Kept only when it is one of the types; anything else is a problem naming them.
          if ((BODY_TYPE_IDS as string[]).includes(v)) meta.bodyType = v as BodyType;
          else problem(path, `应为 ${BODY_TYPE_IDS.map((id) => `"${id}"（${BODY_TYPES[id].label}）`).join('、')} 之一，实际为 ${JSON.stringify(v)}`);
        } else {
          // A date that is not YYYY-MM-DD is kept as written; the meta-date rule reports it.
          meta[k as Exclude<keyof ReportMeta, 'year' | 'sectionTitles' | 'bodyType'>] = v;
        }
      }
    }
  }

  const values: Record<string, ReportValue> = {};
  if (root.values === undefined) problem('values', '缺少 values（各单元格的数值）');
  else if (!isObject(root.values)) problem('values', `应为对象，实际为${typeName(root.values)}`);
  else {
    for (const [k, v] of Object.entries(root.values)) {
      const path = `values["${k}"]`;
      if (!revision.isCellKey(k)) problem(path, () => `未知的单元格键${suggestion(k, CELL_KEYS)}`);
      else if (v === null || typeof v === 'string') values[k] = v;
      else if (typeof v === 'number') {
        if (Number.isFinite(v)) values[k] = v;
        else problem(path, '数值超出范围');
      } else problem(path, `应为数字、文本或 null（空白），实际为${typeName(v)}`);
    }
  }

  const narrative: Narrative = {};
  if (root.narrative !== undefined) {
    if (!isObject(root.narrative)) problem('narrative', `应为对象，实际为${typeName(root.narrative)}`);
    else {
      for (const [k, v] of Object.entries(root.narrative)) {
        const path = `narrative.${k}`;
        if (!(NARRATIVE_KEYS as readonly string[]).includes(k))
          problem(path, () => `未知字段${suggestion(k, NARRATIVE_KEYS)}；允许的字段：${NARRATIVE_KEYS.join('、')}`);
        else if (v === null) continue;
        else if (typeof v !== 'string') problem(path, `应为文本，实际为${typeName(v)}`);
        else narrative[k as keyof Narrative] = v;
      }
    }
  }

  const reviews = root.reviews === undefined || root.reviews === null ? undefined : parseReviews(root.reviews, revision, problem);

  if (problems.length > 0) return { ok: false, problems };
  const report: Report = { format: revision.id, meta, values, narrative };
  if (reviews && reviews.length > 0) report.reviews = reviews;
  return { ok: true, report };
}

const REVIEW_KEYS = ['rule', 'cells', 'reason', 'date', 'message', 'values'];

/** `reviews`: findings a person checked and accepted; each names a rule, its cells, a reason and a date. */
function parseReviews(v: Json, revision: FormatRevision, problem: (path: string, message: string | (() => string)) => void): Review[] {
  if (!Array.isArray(v)) {
    problem('reviews', `应为数组，实际为${typeName(v)}`);
    return [];
  }
  const reviews: Review[] = [];
  v.forEach((item, i) => {
    const path = `reviews[${i}]`;
    if (!isObject(item)) return problem(path, `应为对象，实际为${typeName(item)}`);
    let ok = true;
    const bad = (field: string, message: string | (() => string)) => {
      ok = false;
      problem(`${path}.${field}`, message);
    };
    for (const k of Object.keys(item))
      if (!REVIEW_KEYS.includes(k)) bad(k, () => `未知字段${suggestion(k, REVIEW_KEYS)}；允许的字段：${REVIEW_KEYS.join('、')}`);
    const { rule, cells, reason, date, message, values } = item;
    if (typeof rule !== 'string' || !isRuleId(rule))
      bad('rule', () => `应为规则编号${typeof rule === 'string' ? suggestion(rule, RULE_IDS) : ''}，实际为 ${JSON.stringify(rule ?? null)}`);
    if (!Array.isArray(cells) || cells.length === 0 || cells.some((c) => typeof c !== 'string')) bad('cells', '应为非空的单元格键数组');
    else
      for (const c of cells)
        if (!revision.isPlace(c as string))
          bad(
            'cells',
            () =>
              `未知的单元格键“${String(c)}”${suggestion(
                String(c),
                revision.cells.map((x) => x.key),
              )}`,
          );
    if (typeof reason !== 'string' || reason.trim() === '') bad('reason', '应填写核实的理由（文本）');
    else if (reason.length > MAX_REVIEW_REASON) bad('reason', `理由过长（${reason.length}字），最多${MAX_REVIEW_REASON}字`);
    if (typeof date !== 'string' || !isIsoDate(date)) bad('date', `应为日期“YYYY-MM-DD”，实际为 ${JSON.stringify(date ?? null)}`);
    if (message !== undefined && typeof message !== 'string') bad('message', `应为文本，实际为${typeName(message)}`);
    const recorded: Record<string, ReportValue> = {};
    if (values !== undefined) {
      if (!isObject(values)) bad('values', `应为对象，实际为${typeName(values)}`);
      else
        for (const [k, x] of Object.entries(values)) {
          if (!revision.isCellKey(k))
            bad(
              `values["${k}"]`,
              () =>
                `未知的单元格键${suggestion(
                  k,
                  revision.cells.map((c) => c.key),
                )}`,
            );
          else if (x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) recorded[k] = x;
          else bad(`values["${k}"]`, `应为数字、文本或 null，实际为${typeName(x)}`);
        }
    }
    if (!ok) return;
    const review: Review = { rule: rule as RuleId, cells: cells as string[], reason: (reason as string).trim(), date: date as string };
    if (typeof message === 'string') review.message = message;
    if (values !== undefined) review.values = recorded;
    reviews.push(review);
  });
  return reviews;
}

/** Writes a report JSON: keys in format order, cell keys in document order, two-space indent, final newline. */
export function stringifyReport(report: Report, revision: FormatRevision = revisionFor(report)): string {
  const SECTION_KEYS = revision.sections.map((s) => s.id);
  const meta: Record<string, unknown> = {};
  for (const k of META_KEYS) {
    const v = report.meta[k as keyof ReportMeta];
    if (v === undefined) continue;
    if (k === 'sectionTitles' && typeof v === 'object') {
      const titles: Record<string, string> = {};
      for (const s of SECTION_KEYS) {
        const t = (v as Record<string, string | undefined>)[s];
        if (t !== undefined) titles[s] = t;
      }
      meta[k] = titles;
    } else meta[k] = v;
  }
  const values: Record<string, ReportValue> = {};
  for (const c of revision.cells) {
    const v = report.values[c.key];
    if (v !== undefined) values[c.key] = v;
  }
  const narrative: Record<string, string> = {};
  for (const k of NARRATIVE_KEYS) {
    const v = report.narrative[k];
    if (v !== undefined) narrative[k] = v;
  }
  const out: Record<string, unknown> = { format: revision.id, meta, values, narrative };
  if (report.reviews && report.reviews.length > 0) {
    out.reviews = report.reviews.map((r) => ({
      rule: r.rule,
      cells: r.cells,
      reason: r.reason,
      date: r.date,
      ...(r.message !== undefined ? { message: r.message } : {}),
      ...(r.values !== undefined ? { values: r.values } : {}),
    }));
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A report with every cell of a revision present and blank, for templates. */
export function emptyReport(revision: FormatRevision): Report {
  const values: Record<string, ReportValue> = {};
  for (const c of revision.cells) values[c.key] = null;
  return { format: revision.id, meta: {}, values, narrative: {} };
}
