/**
 * The unit list (单位名单) a supervising office keeps: who must report, of what type, under which
 * parent, and the other names a unit goes by. Read from a grid (a .csv or a workbook sheet) by its
 * headers, which users write in several ways; matched to reports by normalised names.
 */
import type { Grid } from '../layout';

export type Unit = { name: string; type?: string; parent?: string; aliases: string[] };
export type UnitList = { units: Unit[]; problems: string[] };

const HEADERS = {
  name: ['单位名称', '单位', '名称', '机关名称', '报送单位'],
  type: ['单位类型', '类型', '机关类型'],
  parent: ['上级单位', '上级', '所属单位', '上级机关'],
  aliases: ['别名', '简称', '其他名称'],
} as const;

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const bare = (s: string) => s.replace(/[\s\u00a0\u3000]/gu, '');

/** The units of a grid whose first row with 单位名称 (or a variant) is the header. */
export function unitsFromGrid(grid: Grid): UnitList {
  const headerRow = grid.findIndex((row) => row?.some((v) => (HEADERS.name as readonly string[]).includes(bare(text(v)))));
  if (headerRow < 0) return { units: [], problems: ['单位名单中没有“单位名称”表头'] };
  const header = grid[headerRow]!.map((v) => bare(text(v)));
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { name: col(HEADERS.name), type: col(HEADERS.type), parent: col(HEADERS.parent), aliases: col(HEADERS.aliases) };
  const units: Unit[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const name = text(row[at.name]);
    if (!name) continue;
    const key = normalizeName(name);
    if (seen.has(key)) {
      problems.push(`单位名单第 ${r + 1} 行的“${name}”与第 ${seen.get(key)! + 1} 行重复，只保留第一行`);
      continue;
    }
    seen.set(key, r);
    const unit: Unit = {
      name,
      aliases:
        at.aliases >= 0
          ? text(row[at.aliases])
              .split(/[、，,；;/／|]/u)
              .map((a) => a.trim())
              .filter(Boolean)
          : [],
    };
    if (at.type >= 0 && text(row[at.type])) unit.type = text(row[at.type]);
    if (at.parent >= 0 && text(row[at.parent])) unit.parent = text(row[at.parent]);
    units.push(unit);
  }
  if (units.length === 0) problems.push('单位名单中没有单位');
  return { units, problems };
}

/** A unit list in CSV (UTF-8, commas, quotes as spreadsheets write them). */
export function gridFromCsv(csv: string): Grid {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let cell = '';
  let quoted = false;
  const s = csv.replace(/^\uFEFF/u, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A name for comparison: no spaces or punctuation, brackets unified, 人民政府 as 政府. */
export function normalizeName(name: string): string {
  return name
    .replace(/[\s\u00a0\u3000·•]/gu, '')
    .replace(/[（(]/gu, '（')
    .replace(/[）)]/gu, '）')
    .replace(/人民政府/gu, '政府')
    .replace(/[“”"'‘’，,。、]/gu, '');
}

/**
 * The unit a report's 机关名称 names: the same name or an alias after normalisation; failing that,
 * the one unit whose name the report's name ends with, or which ends with it (a region prefix
 * added or left out), when exactly one does.
 */
export function matchUnit(units: readonly Unit[], agency: string | undefined): Unit | undefined {
  if (!agency) return undefined;
  const n = normalizeName(agency);
  const exact = units.find((u) => normalizeName(u.name) === n || u.aliases.some((a) => normalizeName(a) === n));
  if (exact) return exact;
  const partial = units.filter((u) => {
    const m = normalizeName(u.name);
    return Math.min(m.length, n.length) >= 4 && (n.endsWith(m) || m.endsWith(n));
  });
  return partial.length === 1 ? partial[0] : undefined;
}
