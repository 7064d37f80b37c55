/**
 * Local rules as data: a rule configuration (JSON) that a supervising office hands out — deadline
 * dates per body type, the copied-text threshold, length limits, topics to add or drop from
 * section 一's required content, and rules switched off. The defaults are the national rules.
 * Read with every problem named in Chinese; the core never throws on a bad file.
 */
import { BODY_TYPES, BODY_TYPE_IDS, type BodyType } from '../report/body';
import { RULES, RULE_IDS, type RuleId } from '../rules/declarations';

/** A month and day, `MM-DD`, of the year after the report year. */
export type MonthDay = string;

export type TopicConfig = { label: string; words: string[] };

export type RuleConfig = {
  /** Publication deadline per body type (条例 第四十九条: governments 3月31日, every other body 1月31日). */
  deadlines: Record<BodyType, MonthDay>;
  /** A narrative section is copied when at least this share of it is last year's (evaluators deduct above half). */
  copiedShare: number;
  /** A section is nearly the same as another body's at this share. */
  peerShare: number;
  /** Longest narrative sections allowed, in characters (none by default). */
  lengthLimits: Partial<Record<'overview' | 'problems' | 'other', number>>;
  /** Topics of section 一 to require besides the format's, and the format's to drop (by label). */
  topics: { add: TopicConfig[]; drop: string[] };
  /** Rules switched off. */
  off: RuleId[];
};

export const DEFAULT_CONFIG: RuleConfig = {
  deadlines: { government: '03-31', township: '01-31', subdistrict: '01-31', department: '01-31' },
  copiedShare: 0.5,
  peerShare: 0.8,
  lengthLimits: {},
  topics: { add: [], drop: [] },
  off: [],
};

export type ConfigResult = { ok: true; config: RuleConfig } | { ok: false; problems: string[] };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function monthDay(v: unknown): MonthDay | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{1,2})-(\d{1,2})$/u.exec(v.trim());
  if (!m) return undefined;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= MONTH_DAYS[mo - 1]! ? `${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined;
}

const share = (v: unknown) => (typeof v === 'number' && v > 0 && v <= 1 ? v : undefined);

const KEYS = ['deadlines', 'copiedShare', 'peerShare', 'lengthLimits', 'topics', 'off'];
const LENGTH_KEYS = ['overview', 'problems', 'other'] as const;
const LENGTH_LABELS: Record<(typeof LENGTH_KEYS)[number], string> = { overview: '总体情况', problems: '存在的主要问题及改进情况', other: '其他需要报告的事项' };

/** Reads a rule configuration; what it does not set keeps the national default. */
export function parseRuleConfig(text: string): ConfigResult {
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, problems: ['不是有效的 JSON'] };
  }
  if (!isObject(root)) return { ok: false, problems: ['顶层应为对象'] };
  const problems: string[] = [];
  const config: RuleConfig = { ...DEFAULT_CONFIG, deadlines: { ...DEFAULT_CONFIG.deadlines }, lengthLimits: {}, topics: { add: [], drop: [] }, off: [] };
  const unknown = Object.keys(root).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) problems.push(`未知字段${unknown.map((k) => `“${k}”`).join('')}（允许的字段：${KEYS.join('、')}）`);

  if (root.deadlines !== undefined) {
    if (!isObject(root.deadlines)) problems.push('deadlines 应为对象，如 {"department": "01-31"}');
    else
      for (const [k, v] of Object.entries(root.deadlines)) {
        const md = monthDay(v);
        if (!(BODY_TYPE_IDS as string[]).includes(k))
          problems.push(`deadlines：未知的机关类型“${k}”；允许：${BODY_TYPE_IDS.map((id) => `${id}（${BODY_TYPES[id].label}）`).join('、')}`);
        else if (!md) problems.push(`deadlines.${k} 应为“月-日”，如 "01-31"，实际为 ${JSON.stringify(v)}`);
        else config.deadlines[k as BodyType] = md;
      }
  }
  for (const key of ['copiedShare', 'peerShare'] as const) {
    if (root[key] === undefined) continue;
    const v = share(root[key]);
    if (v === undefined) problems.push(`${key} 应为 0 到 1 之间的比例，如 0.5，实际为 ${JSON.stringify(root[key])}`);
    else config[key] = v;
  }
  if (root.lengthLimits !== undefined) {
    if (!isObject(root.lengthLimits)) problems.push('lengthLimits 应为对象，如 {"overview": 1000}');
    else
      for (const [k, v] of Object.entries(root.lengthLimits)) {
        if (!(LENGTH_KEYS as readonly string[]).includes(k)) problems.push(`lengthLimits：未知的部分“${k}”；允许：${LENGTH_KEYS.join('、')}`);
        else if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) problems.push(`lengthLimits.${k} 应为正整数（字数），实际为 ${JSON.stringify(v)}`);
        else config.lengthLimits[k as (typeof LENGTH_KEYS)[number]] = v;
      }
  }
  if (root.topics !== undefined) {
    const t = root.topics;
    if (!isObject(t)) problems.push('topics 应为对象，如 {"add": [...], "drop": [...]}');
    else {
      for (const k of Object.keys(t)) if (k !== 'add' && k !== 'drop') problems.push(`topics：未知字段“${k}”；允许：add、drop`);
      if (t.add !== undefined) {
        if (!Array.isArray(t.add)) problems.push('topics.add 应为数组');
        else
          t.add.forEach((item, i) => {
            const words = isObject(item) && Array.isArray(item.words) ? item.words.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [];
            if (!isObject(item) || typeof item.label !== 'string' || item.label.trim() === '' || words.length === 0) {
              problems.push(`topics.add[${i}] 应为 {"label": "名称", "words": ["关键词", …]}`);
            } else config.topics.add.push({ label: item.label.trim(), words: words.map((w) => w.trim()) });
          });
      }
      if (t.drop !== undefined) {
        if (!Array.isArray(t.drop) || t.drop.some((x) => typeof x !== 'string')) problems.push('topics.drop 应为文本数组，如 ["监督保障"]');
        else config.topics.drop = t.drop as string[];
      }
    }
  }
  if (root.off !== undefined) {
    if (!Array.isArray(root.off)) problems.push('off 应为规则编号的数组，如 ["blank-cell"]');
    else
      for (const id of root.off) {
        if (typeof id !== 'string' || !(RULE_IDS as string[]).includes(id))
          problems.push(`off：未知的规则“${String(id)}”（npm run cli -- rules 列出全部规则）`);
        else config.off.push(id as RuleId);
      }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

/** The configuration in force, as lines for people (`rules` shows it). */
export function describeConfig(config: RuleConfig): string[] {
  const lines = [
    `发布期限：${BODY_TYPE_IDS.map((id) => `${BODY_TYPES[id].label}次年${Number(config.deadlines[id].slice(0, 2))}月${Number(config.deadlines[id].slice(3))}日前`).join('；')}`,
    `内容雷同：与上年相同内容超过${Math.round(config.copiedShare * 100)}%，与其他机关相同超过${Math.round(config.peerShare * 100)}%`,
  ];
  const limits = Object.entries(config.lengthLimits);
  lines.push(
    limits.length > 0 ? `字数上限：${limits.map(([k, v]) => `${LENGTH_LABELS[k as (typeof LENGTH_KEYS)[number]]} ${v}字`).join('；')}` : '字数上限：无',
  );
  if (config.topics.add.length > 0) lines.push(`另须包含：${config.topics.add.map((t) => t.label).join('、')}`);
  if (config.topics.drop.length > 0) lines.push(`不要求：${config.topics.drop.join('、')}`);
  lines.push(config.off.length > 0 ? `已关闭的规则：${config.off.map((id) => `${RULES[id].title}（${id}）`).join('、')}` : '已关闭的规则：无');
  return lines;
}
