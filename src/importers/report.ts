/**
 * From a published report's paragraphs and tables to the report JSON, with a list of what could not
 * be read. Sections are found by their titles (official or variant wording), tables by their labels.
 * Blank stays blank, text stays text; a number is never guessed: what cannot be placed is reported.
 */
import {
  CURRENT_REVISION,
  YEAR_IN_TEXT,
  labelMatches,
  normalizeLabel,
  normalizeTitle,
  normalizeTyped,
  readDate,
  readTypedValue,
  trimSpaces as trim,
  yearOfToken,
  type FormatRevision,
  type Report,
  type ReportValue,
  type SectionId,
} from '../core';
import type { Block } from './blocks';

export type Imported = { report: Report; problems: string[]; oldLabels: string[] };

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function sectionOf(rev: FormatRevision, text: string): SectionId | undefined {
  const t = normalizeTitle(text);
  if (t.length > 40) return undefined;
  for (const [i, s] of rev.sections.entries()) {
    if (t === normalizeTitle(s.title) || s.variants.some((v) => normalizeTitle(v) === t)) return s.id;
    if (t.startsWith(`${NUMERALS[i]}、`) && s.words.test(t)) return s.id;
  }
  return undefined;
}
const AGENCY_END = /(政府|办公室|办公厅|局|委员会|委|厅|中心|室|部|处|院|所|会|办|站|队|署|馆|街道|乡|镇)$/u;

/** `如有疑问请与X联系（地址…电话…）` → `X（地址…电话…）`. */
export function contactFrom(preamble: string): string | undefined {
  const m = /与([^，。；]{2,40}?)联系[（(]([^）)]{4,120})[）)]/u.exec(preamble);
  if (m) return `${m[1]}（${m[2]}）`;
  const phone = /(?:联系)?电话[:：]?\s*([0-9０-９][0-9０-９\-－ ]{5,20})/u.exec(preamble);
  return phone ? `联系电话${normalizeTyped(phone[1]!)}` : undefined;
}

type Tables = { active: string[][]; requests: string[][]; appeals: string[][] };

function classify(rows: string[][]): keyof Tables | undefined {
  const text = normalizeLabel(rows.flat().join('|'));
  if (text.includes('自然人') && (text.includes('法人或其他组织') || text.includes('商业企业'))) return 'requests';
  if (text.includes('行政复议') && text.includes('结果维持')) return 'appeals';
  if (text.includes('第二十条') || text.includes('行政许可') || text.includes('规章')) return 'active';
  return undefined;
}

function readActive(rev: FormatRevision, rows: string[][], values: Record<string, ReportValue>, problems: string[], oldLabels: string[]): void {
  const { documents, blocks } = rev.spec.active;
  const legacy = rev.spec.legacy;
  // A table with the old revision's columns holds other quantities: its rows are recognised, not read.
  const oldColumns = legacy.labels.filter((l) => l.table === 'active' && l.otherQuantity).map((l) => l.text);
  const old = rows.flat().some((c) => oldColumns.some((l) => normalizeLabel(c).includes(normalizeLabel(l))));
  if (old) oldLabels.push(`${legacy.shortName}的主动公开表（${oldColumns[0]}等）`);
  const firstLabel = (row: string[]) => row.findIndex((c) => trim(c) !== '');
  const found = new Set<string>();
  for (const row of rows) {
    const i = firstLabel(row);
    if (i < 0) continue;
    const label = row[i]!;
    for (const doc of documents.rows) {
      const alias = (legacy.rowAliases[doc.key] ?? []).find((a) => normalizeLabel(label) === normalizeLabel(a));
      if (found.has(doc.key) || !(labelMatches(label, doc.label) || alias)) continue;
      if (alias) oldLabels.push(alias);
      found.add(doc.key);
      if (old) continue;
      const cells = row.slice(i + 1);
      if (cells.length < documents.columns.length) {
        problems.push(`表二“${doc.label}”一行的单元格不足${documents.columns.length}个，未读取`);
        continue;
      }
      documents.columns.forEach((c, k) => (values[rev.keys.document(doc.key, c.key)] = readTypedValue(cells[k])));
    }
    for (const block of blocks) {
      for (const r of block.rows) {
        if (found.has(r.key) || !labelMatches(label, r.label) || normalizeLabel(label).length > normalizeLabel(r.label).length + 2) continue;
        found.add(r.key);
        if (old && r.kind === 'fee') continue; // the old revision had no amount in 万元
        if (row.length - i < 2) {
          problems.push(`表二“${r.label}”一行没有数值单元格`);
          continue;
        }
        values[rev.keys.single(r.key)] = readTypedValue(row[row.length - 1]);
      }
    }
  }
}

const valueLike = (c: string) => {
  const v = readTypedValue(c);
  return v === null || typeof v === 'number' || trim(c).length <= 4;
};

function readRequests(rev: FormatRevision, rows: string[][], values: Record<string, ReportValue>, problems: string[], oldLabels: string[]): void {
  const columns = rev.spec.requests.columns;
  const n = columns.length;
  const collapsed = rev.spec.legacy.collapsedRows.map((r) => r.text);
  const assigned = new Set<string>();
  for (const row of rows) {
    if (row.length < n + 1) continue;
    const labels = row
      .slice(0, row.length - n)
      .map(trim)
      .filter((c) => c !== '');
    let matched: (typeof rev.requestRows)[number] | undefined;
    let matchedLast = false;
    for (const [i, label] of [...labels].reverse().entries()) {
      matched = rev.requestRows.find((r) => !assigned.has(r.key) && labelMatches(label, r.label));
      if (matched) {
        matchedLast = i === 0;
        break;
      }
      const old = collapsed.find((text) => normalizeLabel(label) === normalizeLabel(text));
      if (old && labels.length === 1) {
        oldLabels.push(`${old}（单行）`);
        break;
      }
    }
    if (!matched) continue;
    assigned.add(matched.key);
    const cells = row.slice(row.length - n);
    // The label must stand right before its cells, and they must be values: otherwise the cells are shifted.
    if (!matchedLast || !cells.every(valueLike)) {
      problems.push(`表三“${matched.label}”一行的单元格与${n}列对不上，未读取`);
      continue;
    }
    columns.forEach((c, k) => (values[rev.keys.request(matched!.key, c.key)] = readTypedValue(cells[k])));
  }
  const missing = rev.requestRows.filter((r) => !assigned.has(r.key) && !rev.spec.legacy.addedRows.includes(r.key));
  if (missing.length > 0) problems.push(`表三中找不到这些行：${missing.map((r) => r.label).join('、')}`);
}

function readAppeals(rev: FormatRevision, rows: string[][], values: Record<string, ReportValue>, problems: string[]): void {
  const { groups, columns } = rev.spec.appeals;
  const total = groups.length * columns.length;
  const data = [...rows].reverse().find((r) => {
    const cells = r.slice(r.length - total);
    return r.length >= total && cells.every(valueLike) && !cells.some((c) => columns.some((col) => normalizeLabel(c) === col.label));
  });
  if (!data) {
    problems.push(`表四中找不到${total}个数值的数据行`);
    return;
  }
  const cells = data.slice(data.length - total);
  groups.forEach((g, gi) => columns.forEach((c, ci) => (values[rev.keys.appeal(g.key, c.key)] = readTypedValue(cells[gi * columns.length + ci]))));
}

/**
 * A title line: names the report (…年度报告, or …政府信息公开…报告), is short, and is not a sentence
 * ("根据《条例》要求，特编制××2023年……年度报告。" is the preamble, not the title).
 */
function isTitleLine(text: string): boolean {
  const t = trim(text);
  if (t.length > 60 || /[。；]/u.test(t) || /^(根据|按照|依据|依照|为|现|本报告)/u.test(t)) return false;
  return /年度报告/u.test(t) || (/政府信息公开/u.test(t) && /报告$/u.test(t));
}

/** The body's name: the title's part before the year, when it reads as a name ("关于" and spaces dropped). */
function agencyOf(part: string): string | undefined {
  const name = trim(part)
    .replace(/^关于/u, '')
    .replace(/[\s\u3000]+/gu, '');
  const core = name.replace(/[（(][^）)]*[）)]$/u, '');
  return name.length >= 2 && name.length <= 40 && AGENCY_END.test(core) && !/[，,。《》]/u.test(name) ? name : undefined;
}

/** Trailing lines that are the signature: the issuing office and the date. */
function signature(paragraphs: string[]): { office?: string; date?: string; count: number } {
  let count = 0;
  let office: string | undefined;
  let date: string | undefined;
  for (let i = paragraphs.length - 1; i >= 0 && count < 3; i--) {
    const t = trim(paragraphs[i]!);
    const d = readDate(t.replace(/\s/gu, ''));
    if (d && date === undefined) {
      date = d;
      count++;
    } else if (office === undefined && t.length <= 30 && !/[。，；]/u.test(t) && AGENCY_END.test(t)) {
      office = t;
      count++;
    } else break;
  }
  return { ...(office ? { office } : {}), ...(date ? { date } : {}), count };
}

export function reportFromBlocks(blocks: readonly Block[], rev: FormatRevision = CURRENT_REVISION): Imported {
  const problems: string[] = [];
  const oldLabels: string[] = [];
  const values: Record<string, ReportValue> = {};
  const tables: Tables = { active: [], requests: [], appeals: [] };
  // Paragraphs per section, in order; index -1 collects what comes before the first title.
  const paragraphs = new Map<SectionId | 'before', string[]>([['before', []]]);
  const titles: Partial<Record<SectionId, string>> = {};
  let current: SectionId | 'before' = 'before';
  for (const b of blocks) {
    if (b.type === 'table') {
      // A table cut into pieces (each with a generic header or none) belongs to the section it is in.
      const here = current as SectionId | 'before'; // set by handleParagraph
      const kind = b.kind ?? classify(b.rows) ?? (here === 'active' || here === 'requests' || here === 'appeals' ? here : undefined);
      if (kind) tables[kind].push(...b.rows);
      else {
        // A one-cell layout table holding a title or text: read it as paragraphs.
        for (const row of b.rows) for (const cell of row) if (trim(cell)) handleParagraph(trim(cell));
      }
      continue;
    }
    const text = trim(b.text);
    if (text) handleParagraph(text);
  }
  function handleParagraph(text: string): void {
    const section = sectionOf(rev, text);
    if (section && titles[section] === undefined) {
      titles[section] = text;
      current = section;
      paragraphs.set(section, []);
      return;
    }
    paragraphs.get(current)!.push(text);
  }

  // Title: the first lines up to the one that ends the title (…年度报告); the rest before 一 is the preamble.
  const before = paragraphs.get('before')!;
  let titleLines = 0;
  for (let i = 0; i < Math.min(3, before.length); i++) {
    if (!isTitleLine(before[i]!)) continue;
    titleLines = i + 1;
    break;
  }
  const meta: Report['meta'] = {};
  const title = before.slice(0, titleLines).join('');
  if (title) {
    meta.title = title;
    const m = YEAR_IN_TEXT.exec(title);
    if (m) {
      const agency = agencyOf(title.slice(0, m.index));
      if (agency) meta.agency = agency;
      const year = yearOfToken(m[1]!);
      if (year !== undefined) meta.year = year;
    }
  } else problems.push('没有找到报告标题（“……年度报告”）');
  const preamble = before.slice(titleLines).join('\n\n');

  const narrative: Report['narrative'] = {};
  if (preamble) {
    narrative.preamble = preamble;
    const contact = contactFrom(preamble);
    if (contact) meta.contact = contact;
  }
  const other = paragraphs.get('other');
  if (other) {
    const sig = signature(other);
    if (sig.office) meta.office = sig.office;
    if (sig.date) meta.date = sig.date;
    other.splice(other.length - sig.count, sig.count);
  }
  // Without a name in the title, the body that signs the report is the body reporting.
  if (meta.agency === undefined && meta.office !== undefined) meta.agency = meta.office;
  for (const s of rev.sections) {
    if (titles[s.id] === undefined) {
      problems.push(`没有找到“${s.title}”部分`);
      continue;
    }
    if (s.content.type === 'narrative') narrative[s.content.field] = (paragraphs.get(s.id) ?? []).join('\n\n');
  }
  const deviating = Object.fromEntries(Object.entries(titles).filter(([id, t]) => normalizeTitle(t) !== normalizeTitle(rev.section(id as SectionId).title)));
  if (Object.keys(deviating).length > 0) meta.sectionTitles = deviating;

  if (tables.active.length > 0) readActive(rev, tables.active, values, problems, oldLabels);
  else problems.push('没有找到表二（主动公开政府信息情况）');
  if (tables.requests.length > 0) readRequests(rev, tables.requests, values, problems, oldLabels);
  else problems.push('没有找到表三（收到和处理政府信息公开申请情况）');
  if (tables.appeals.length > 0) readAppeals(rev, tables.appeals, values, problems);
  else problems.push('没有找到表四（行政复议、行政诉讼情况）');

  return { report: { format: rev.id, meta, values, narrative }, problems, oldLabels: [...new Set(oldLabels)] };
}
