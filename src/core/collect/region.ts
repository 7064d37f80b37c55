/**
 * 汇总 for a supervising office: the reports of a region's units checked one by one, matched to the
 * unit list, summed cell by cell into the region's tables, and checked as a whole — units missing,
 * reporting twice, of another year or not on the list; the parent's own report against the sum of
 * its children; sections two units share. Pure: the caller reads the files.
 */
import { narrativePlace, revisionFor, type FormatRevision } from '../format';
import { DEFAULT_CONFIG } from '../config';
import { makeFinding } from '../rules/finding';
import { similarPairs } from './similar';
import type { Report, ReportSource } from '../report';
import { checkSourceReviewed, summarize, type Finding, type Summary } from '../rules';
import type { RuleConfig } from '../config';
import { matchUnit, normalizeName, type Unit } from './units';

/** Region findings, declared once like the rules of a report: title, what it checks, its messages. */
export const REGION_RULES = {
  'region-units': {
    severity: 'error',
    title: '报送单位与名单',
    description: '单位名单中的每个单位都应报送一份本年度的报告；不在名单中、重复报送或年度不符的报告不计入汇总。',
    source: '本工具补充（主管部门汇总本行政区域的年度报告）',
  },
  'region-hierarchy': {
    severity: 'error',
    title: '上级报告等于下级合计',
    description: '上级报告中的每个数值应等于其下级单位报告对应数值之和。',
    source: '本工具补充（主管部门汇总本行政区域的年度报告）',
  },
  'region-value': {
    severity: 'warning',
    title: '汇总中的非数值',
    description: '单位报告中不是数值的单元格（文字、占位符）不计入汇总，应改为数值。',
    source: '本工具补充',
  },
} as const;
export type RegionRuleId = keyof typeof REGION_RULES;

export type RegionFinding = {
  rule: RegionRuleId;
  severity: 'error' | 'warning';
  messageId: string;
  message: string;
  /** The units concerned (by name). */
  units: string[];
  /** Cells of the region's tables concerned, when a cell is. */
  cells: string[];
  /** The file concerned, when one is. */
  file?: string;
};

/** Reports compared with each other for 雷同, at most (a county has about 50 units). */
export const MAX_COMPARED = 100;

export type UnitReport = { file: string; source: ReportSource };
export type Unreadable = { file: string; message: string };

export type UnitStatus = 'included' | 'missing' | 'duplicate' | 'other-year' | 'not-listed' | 'unreadable';

/** How every list (报送情况, the dashboard, the pane) names a unit's standing. */
export const STATUS_LABELS: Record<UnitStatus, string> = {
  included: '已计入汇总',
  missing: '未报送',
  duplicate: '重复报送（未计入）',
  'other-year': '年度不符（未计入）',
  'not-listed': '不在名单中（未计入）',
  unreadable: '文件无法读取',
};

/** Sums of counts and 万元 amounts, kept free of binary rounding noise (0.1 + 0.2). */
const add = (a: number, b: number) => Math.round((a + b) * 1e6) / 1e6;

export type UnitResult = {
  /** The unit's name (from the list when matched, else the report's 机关名称 or the file). */
  name: string;
  type?: string;
  parent?: string;
  file?: string;
  year?: number;
  date?: string;
  status: UnitStatus;
  /** Whether it was published in time (the deadline rule found nothing), when the date is known. */
  onTime?: boolean;
  findings: Finding[];
  summary?: Summary;
  /** The largest share of a section copied from last year's report, in percent, when compared. */
  overlapWithLastYear?: number;
  source?: ReportSource;
};

export type SimilarPair = { a: string; b: string; section: string; percent: number };

export type RegionResult = {
  year?: number;
  units: UnitResult[];
  /** The region's tables: every cell the sum of the included units' numbers (null where none has one). */
  totals: Report;
  findings: RegionFinding[];
  similar: SimilarPair[];
  revision: FormatRevision;
  /** Last year's region totals (the sum of last year's reports of the same units), when given. */
  previousTotals?: Record<string, number | null>;
};

export type CollectInput = {
  reports: readonly UnitReport[];
  unreadable?: readonly Unreadable[];
  units?: readonly Unit[];
  /** The parent body's own report, stating the region's totals. */
  parent?: UnitReport;
  /** Last year's reports of the units (matched by name). */
  previous?: readonly UnitReport[];
  config?: RuleConfig;
  /** The report year; by default the year most reports give. */
  year?: number;
};

const finding = (
  rule: RegionRuleId,
  messageId: string,
  message: string,
  units: string[],
  extra: { cells?: string[]; file?: string; severity?: 'error' | 'warning' } = {},
): RegionFinding => ({
  rule,
  severity: extra.severity ?? REGION_RULES[rule].severity,
  messageId,
  message,
  units,
  cells: extra.cells ?? [],
  ...(extra.file ? { file: extra.file } : {}),
});

function modeYear(reports: readonly UnitReport[]): number | undefined {
  const count = new Map<number, number>();
  for (const r of reports) if (r.source.report.meta.year !== undefined) count.set(r.source.report.meta.year, (count.get(r.source.report.meta.year) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

export function collectRegion(input: CollectInput): RegionResult {
  const year = input.year ?? modeYear(input.reports);
  const units = input.units;
  const findings: RegionFinding[] = [];
  const results: UnitResult[] = [];
  const byUnit = new Map<Unit, UnitResult>();
  const previousOf = (name: string) => input.previous?.find((p) => normalizeName(p.source.report.meta.agency ?? '') === normalizeName(name))?.source;
  // Reports are compared with each other (雷同, other bodies' names) up to this many, as `check` does:
  // the comparison grows with the square of their number.
  const peers = input.reports.length <= MAX_COMPARED ? input.reports.map((r) => r.source) : [];

  for (const u of input.unreadable ?? []) {
    results.push({ name: u.file, file: u.file, status: 'unreadable', findings: [] });
    findings.push(finding('region-units', 'unreadable', `文件“${u.file}”无法读取：${u.message}`, [], { file: u.file }));
  }

  for (const r of input.reports) {
    const agency = r.source.report.meta.agency;
    const unit = units ? matchUnit(units, agency) : undefined;
    const name = unit?.name ?? agency ?? r.file;
    const previous = previousOf(name);
    const { findings: own } = checkSourceReviewed(r.source, {
      ...(input.config ? { config: input.config } : {}),
      ...(previous ? { previous } : {}),
      ...(peers.length > 0 ? { peers: peers.filter((p) => p !== r.source) } : {}),
    });
    const result: UnitResult = { name, file: r.file, status: 'included', findings: own, summary: summarize(own), source: r.source };
    if (unit?.type) result.type = unit.type;
    if (unit?.parent) result.parent = unit.parent;
    if (r.source.report.meta.year !== undefined) result.year = r.source.report.meta.year;
    if (r.source.report.meta.date) result.date = r.source.report.meta.date;
    if (r.source.report.meta.date) result.onTime = !own.some((f) => f.rule === 'deadline');
    const copied = own.filter((f) => f.rule === 'copied-text' && typeof f.data.percent === 'number' && f.messageId !== 'copied.other-body');
    if (previous) result.overlapWithLastYear = Math.max(0, ...copied.map((f) => f.data.percent as number));
    if (units && !unit) {
      result.status = 'not-listed';
      findings.push(
        finding('region-units', 'not-listed', `文件“${r.file}”的报告机关“${agency ?? '（无机关名称）'}”不在单位名单中，未计入汇总`, [name], {
          file: r.file,
          severity: 'warning',
        }),
      );
    } else if (year !== undefined && r.source.report.meta.year !== year) {
      result.status = 'other-year';
      const theirs = r.source.report.meta.year === undefined ? '没有年度' : `是${r.source.report.meta.year}年度的`;
      findings.push(finding('region-units', 'other-year', `“${name}”的报告（${r.file}）${theirs}，不是${year}年度的，未计入汇总`, [name], { file: r.file }));
    } else {
      const key = unit ?? [...byUnit.keys()].find((k) => normalizeName(k.name) === normalizeName(name));
      const first = key ? byUnit.get(key) : undefined;
      if (first) {
        result.status = 'duplicate';
        findings.push(
          finding('region-units', 'duplicate', `“${name}”报送了不止一份报告（${first.file}、${r.file}），汇总只计入第一份`, [name], {
            file: r.file,
            severity: 'warning',
          }),
        );
      } else byUnit.set(key ?? { name, aliases: [] }, result);
    }
    results.push(result);
  }

  for (const u of units ?? []) {
    if (byUnit.has(u) || results.some((r) => r.status !== 'unreadable' && r.name === u.name && r.status !== 'not-listed')) continue;
    const result: UnitResult = { name: u.name, status: 'missing', findings: [] };
    if (u.type) result.type = u.type;
    if (u.parent) result.parent = u.parent;
    results.push(result);
    findings.push(finding('region-units', 'missing', `名单中的“${u.name}”没有报送${year !== undefined ? `${year}年度` : ''}报告`, [u.name]));
  }

  const included = results.filter((r) => r.status === 'included');
  const revision = revisionFor(
    included[0]?.source?.report ?? input.parent?.source.report ?? { format: 'gov-info-annual-report/2021', meta: {}, values: {}, narrative: {} },
  );
  const values: Record<string, number | null> = {};
  const sumOf = (sources: readonly ReportSource[]) => {
    const out: Record<string, number | null> = {};
    for (const c of revision.cells) {
      let sum: number | null = null;
      for (const s of sources) if (typeof s.report.values[c.key] === 'number') sum = add(sum ?? 0, s.report.values[c.key] as number);
      out[c.key] = sum;
    }
    return out;
  };
  for (const c of revision.cells) {
    let sum: number | null = null;
    for (const r of included) {
      const v = r.source!.report.values[c.key];
      if (typeof v === 'number') sum = add(sum ?? 0, v);
      else if (typeof v === 'string' && v.trim() !== '')
        findings.push(
          finding('region-value', 'not-number', `“${r.name}”的${revision.placeName(c.key)}是“${v}”，不是数值，未计入汇总`, [r.name], {
            cells: [c.key],
            ...(r.file ? { file: r.file } : {}),
          }),
        );
    }
    if (included.some((r) => r.source!.report.values[c.key] !== undefined)) values[c.key] = sum;
  }
  const totals: Report = {
    format: revision.id,
    meta: {
      ...(input.parent?.source.report.meta.agency ? { agency: input.parent.source.report.meta.agency } : {}),
      ...(year !== undefined ? { year } : {}),
    },
    values,
    narrative: {},
  };

  if (input.parent) findings.push(...hierarchy(input.parent, included, units, revision, year));

  // Beyond MAX_COMPARED units the reports were not compared pairwise: an index finds the near-same
  // sections instead, and each unit of a pair gets the finding the comparison would have given.
  if (input.reports.length > MAX_COMPARED) {
    const share = input.config?.peerShare ?? DEFAULT_CONFIG.peerShare;
    for (const { field, label } of revision.narrativeFields) {
      if (field === 'preamble') continue;
      const sections = included.map((r, unit) => ({ unit, text: r.source!.report.narrative[field] ?? '' }));
      for (const pair of similarPairs(sections, share)) {
        const [a, b] = [included[pair.a]!, included[pair.b]!];
        const percent = Math.round(pair.share * 100);
        for (const [self, other] of [
          [a, b],
          [b, a],
        ] as const) {
          // One such finding per unit and section: a text shared by many names its first partner only.
          if (self.findings.some((f) => f.messageId === 'copied.other-body' && f.cells[0] === narrativePlace(field))) continue;
          const name = other.source!.report.meta.agency ?? other.name;
          self.findings.push(makeFinding('copied-text', 'copied.other-body', [narrativePlace(field)], { section: label, other: name, percent }));
          self.summary = summarize(self.findings);
        }
      }
    }
  }

  // Pairs of units whose sections are nearly the same (each pair once).
  const similar: SimilarPair[] = [];
  const seen = new Set<string>();
  for (const r of included) {
    for (const f of r.findings) {
      if (f.messageId !== 'copied.other-body') continue;
      const other = String(f.data.other);
      const section = String(f.data.section);
      const key = [r.name, other].sort().join('|') + section;
      if (seen.has(key)) continue;
      seen.add(key);
      similar.push({ a: r.name, b: included.find((x) => x.source?.report.meta.agency === other)?.name ?? other, section, percent: Number(f.data.percent) });
    }
  }
  // Last year's totals over the same units: each included unit's report of last year, once.
  const lastYear = input.previous ? included.map((r) => previousOf(r.name)).filter((s): s is ReportSource => s !== undefined) : undefined;
  return {
    ...(year !== undefined ? { year } : {}),
    units: results,
    totals,
    findings,
    similar,
    revision,
    ...(lastYear ? { previousTotals: sumOf(lastYear) } : {}),
  };
}

/** The parent's cells against the sums of its children (the listed units under it, or every unit). */
function hierarchy(
  parent: UnitReport,
  included: readonly UnitResult[],
  units: readonly Unit[] | undefined,
  revision: FormatRevision,
  year: number | undefined,
): RegionFinding[] {
  const out: RegionFinding[] = [];
  const parentName = parent.source.report.meta.agency ?? parent.file;
  const under = (u: { parent?: string }) => u.parent !== undefined && normalizeName(u.parent) === normalizeName(parentName);
  const listed = units?.some(under) ? units.filter(under) : undefined;
  const children = listed
    ? included.filter((r) => listed.some((u) => u.name === r.name))
    : included.filter((r) => normalizeName(r.name) !== normalizeName(parentName));
  for (const u of listed ?? []) {
    if (!children.some((c) => c.name === u.name)) {
      out.push(
        finding(
          'region-hierarchy',
          'child-missing',
          `下级单位“${u.name}”没有${year !== undefined ? `${year}年度` : ''}报告计入合计，“${parentName}”的数值无法与下级合计核对完整`,
          [u.name, parentName],
        ),
      );
    }
  }
  for (const c of revision.cells) {
    const stated = parent.source.report.values[c.key];
    if (typeof stated !== 'number') continue;
    let sum = 0;
    const parts: string[] = [];
    let zeros = 0;
    for (const child of children) {
      const v = child.source!.report.values[c.key];
      if (typeof v !== 'number') continue;
      sum = add(sum, v);
      if (v === 0) zeros++;
      else parts.push(`${child.name} ${v}`);
    }
    if (Math.abs(sum - stated) < 1e-6) continue;
    const listedParts = parts.length > 12 ? `${parts.slice(0, 12).join('、')}等` : parts.join('、');
    const rest = zeros > 0 ? `${parts.length > 0 ? '，' : ''}另有 ${zeros} 个单位为0` : '';
    out.push(
      finding(
        'region-hierarchy',
        'mismatch',
        `“${parentName}”报告的${revision.placeName(c.key)}为${stated}，下级单位合计为${sum}（${listedParts || '均无数值'}${rest}），相差${add(Math.abs(stated - sum), 0)}`,
        [parentName, ...children.map((x) => x.name)],
        { cells: [c.key], file: parent.file },
      ),
    );
  }
  return out;
}
