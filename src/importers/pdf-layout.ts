/**
 * From a PDF's positioned text and ruling lines to the block model every importer uses (pure: the
 * pdf.js adapter in pdf.ts supplies the pages). Coordinates are PDF points, origin bottom left.
 *
 * - Lines: items on one baseline, in x order; CJK text is joined without the spaces PDF writers put
 *   between scripts.
 * - Running heads, running feet and page numbers (text near the top or bottom edge that repeats on
 *   other pages, or a bare page number) are dropped.
 * - Tables: where horizontal and vertical rules enclose text, the table is rebuilt cell by cell.
 *   Its leaf rows are the bands between the rules that cross the rightmost column; in each band the
 *   columns are the gaps between the vertical rules crossing it, and a cell's text is what lies
 *   inside its rules, so a label wrapped over several lines stays one cell and a cell with nothing
 *   in it is an empty cell, never a shifted one. Without rules, a line's items are cut into cells at
 *   wide gaps (a row whose cells cannot be told apart is then simply not placed by the readers).
 * - A table that continues on the next page is one table; repeated header rows are rows the readers
 *   do not match.
 * - Other lines are paragraphs: a line continues the one before unless it is indented, the one before
 *   ended short of the right margin, or the font size changes.
 */
import type { Block } from './blocks';

export type PdfItem = { text: string; x: number; y: number; width: number; size: number };
export type PdfSegment = { x1: number; y1: number; x2: number; y2: number };
export type PdfPage = { width: number; height: number; items: PdfItem[]; segments: PdfSegment[] };

type Line = { y: number; size: number; left: number; right: number; items: PdfItem[] };
type HRule = { y: number; x1: number; x2: number };
type VRule = { x: number; y1: number; y2: number };

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const PAGE_NUMBER = /^[\s\-—–－_·•]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－_·•]*$/u;
/** How close (in points) two rules must be to count as one, and a rule must reach past a cell. */
const EPS = 1.5;

/**
 * Some PDF writers (Chromium among them) map CJK glyphs to the Kangxi radicals (U+2F00–U+2FDF) or the
 * CJK radicals supplement (U+2E80–U+2EFF) in their text layer: "⼈⺠" for 人民. NFKC folds the Kangxi
 * radicals; the supplement's forms used as simplified characters are folded by this table.
 */
const RADICALS: Record<string, string> = {
  '⺠': '民',
  '⻄': '西',
  '⻅': '见',
  '⻓': '长',
  '⻔': '门',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻋': '车',
  '⻉': '贝',
  '⻆': '角',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻰': '龙',
  '⻳': '龟',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻘': '青',
  '⻢': '马',
  '⻤': '鬼',
  '⻣': '骨',
  '⻑': '長',
  '⺟': '母',
  '⺫': '罒',
  '⺮': '竹',
  '⻁': '虎',
  '⻊': '足',
  '⻈': '讠',
  '⻍': '辶',
  '⻖': '阝',
  '⻗': '雨',
  '⻙': '韦',
  '⻟': '饣',
  '⻠': '麦',
  '⺶': '羊',
  '⺸': '羊',
  '⺹': '耂',
  '⺺': '肀',
  '⺻': '聿',
  '⺾': '艹',
  '⺼': '月',
  '⺽': '臼',
  '⺿': '艹',
  '⻀': '艹',
  '⻂': '衤',
  '⻃': '覀',
  '⻇': '角',
};
export function foldRadicals(text: string): string {
  return text.replace(/[\u2f00-\u2fdf]/gu, (c) => c.normalize('NFKC')).replace(/[\u2e80-\u2eff]/gu, (c) => RADICALS[c] ?? c);
}

/** The text of items on one line, CJK joined tight and other words spaced where the gap is wide. */
function joinItems(items: readonly PdfItem[]): string {
  let out = '';
  let prev: PdfItem | undefined;
  for (const it of items) {
    const text = foldRadicals(it.text)
      .replace(/[\s\u00a0]+/gu, ' ')
      .trim();
    if (!text) continue;
    if (prev && out) {
      const gap = it.x - (prev.x + prev.width);
      const last = out[out.length - 1]!;
      if (gap > it.size * 0.25 && !CJK.test(last) && !CJK.test(text[0]!)) out += ' ';
    }
    out += text;
    prev = it;
  }
  return out;
}

function linesOf(items: readonly PdfItem[]): Line[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(1, Math.min(l.size, it.size) * 0.35));
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, it.size);
      line.left = Math.min(line.left, it.x);
      line.right = Math.max(line.right, it.x + it.width);
    } else lines.push({ y: it.y, size: it.size, left: it.x, right: it.x + it.width, items: [it] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

/** Horizontal and vertical rules (thin rectangles count); the page's own edges (a background or clip) are not rules. */
function rulesOf(page: PdfPage): { h: HRule[]; v: VRule[] } {
  const h: HRule[] = [];
  const v: VRule[] = [];
  const onEdge = (a: number, b: number, size: number) => (a < 3 && b < 3) || (a > size - 3 && b > size - 3);
  for (const s of page.segments) {
    if (onEdge(s.y1, s.y2, page.height) || onEdge(s.x1, s.x2, page.width)) continue;
    if (Math.abs(s.y1 - s.y2) <= EPS && Math.abs(s.x1 - s.x2) > 4) h.push({ y: (s.y1 + s.y2) / 2, x1: Math.min(s.x1, s.x2), x2: Math.max(s.x1, s.x2) });
    else if (Math.abs(s.x1 - s.x2) <= EPS && Math.abs(s.y1 - s.y2) > 4) v.push({ x: (s.x1 + s.x2) / 2, y1: Math.min(s.y1, s.y2), y2: Math.max(s.y1, s.y2) });
  }
  return { h, v };
}

/**
 * The rules that form tables: rules are grouped where they touch, and a group is a table when it has
 * at least three horizontal and two vertical rules (a lone frame around the page or a box is not).
 */
type Zone = { left: number; right: number; top: number; bottom: number };

function tableRules(h: readonly HRule[], v: readonly VRule[]): { h: HRule[]; v: VRule[]; zones: Zone[] } {
  const all: (HRule | VRule)[] = [...h, ...v];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => void (parent[find(a)] = find(b));
  const isH = (r: HRule | VRule): r is HRule => 'y' in r;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      const touch =
        isH(a) && isH(b)
          ? Math.abs(a.y - b.y) <= EPS && a.x1 <= b.x2 + EPS && b.x1 <= a.x2 + EPS
          : !isH(a) && !isH(b)
            ? Math.abs(a.x - b.x) <= EPS && a.y1 <= b.y2 + EPS && b.y1 <= a.y2 + EPS
            : isH(a)
              ? crossesX(a, (b as VRule).x) && crossesY(b as VRule, a.y)
              : crossesX(b as HRule, a.x) && crossesY(a, (b as HRule).y);
      if (touch) join(i, j);
    }
  }
  const groups = new Map<number, (HRule | VRule)[]>();
  all.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  const out = { h: [] as HRule[], v: [] as VRule[], zones: [] as Zone[] };
  for (const g of groups.values()) {
    const gh = g.filter(isH);
    const gv = g.filter((r): r is VRule => !isH(r));
    const rows = distinct(gh.map((r) => r.y)).length;
    const cols = distinct(gv.map((r) => r.x)).length;
    // Two rows of one cell, or one row of two cells, at least: a lone box is a frame, not a table.
    if ((rows >= 3 && cols >= 2) || (rows >= 2 && cols >= 3)) {
      out.h.push(...gh);
      out.v.push(...gv);
      out.zones.push({
        left: Math.min(...gv.map((r) => r.x)),
        right: Math.max(...gv.map((r) => r.x)),
        top: Math.max(...gh.map((r) => r.y)),
        bottom: Math.min(...gh.map((r) => r.y)),
      });
    }
  }
  return out;
}

const crossesX = (r: HRule, x: number) => r.x1 - EPS <= x && x <= r.x2 + EPS;
const crossesY = (r: VRule, y: number) => r.y1 - EPS <= y && y <= r.y2 + EPS;

/** The rules enclosing a point: nearest above, below, left and right that reach it. */
function boxAt(x: number, y: number, h: readonly HRule[], v: readonly VRule[]): { top: number; bottom: number; left: number; right: number } | undefined {
  let top = Infinity;
  let bottom = -Infinity;
  let left = -Infinity;
  let right = Infinity;
  for (const r of h) {
    if (!crossesX(r, x)) continue;
    if (r.y > y && r.y < top) top = r.y;
    if (r.y < y && r.y > bottom) bottom = r.y;
  }
  for (const r of v) {
    if (!crossesY(r, y)) continue;
    if (r.x < x && r.x > left) left = r.x;
    if (r.x > x && r.x < right) right = r.x;
  }
  return Number.isFinite(top) && Number.isFinite(bottom) && Number.isFinite(left) && Number.isFinite(right) ? { top, bottom, left, right } : undefined;
}

/** The middle of an item's glyphs (its baseline is near the bottom). */
const midY = (it: PdfItem) => it.y + it.size * 0.35;
const midX = (it: PdfItem) => it.x + it.width / 2;

/** A cell's text: its lines top to bottom, joined (a wrapped label is one label). */
function cellText(items: readonly PdfItem[]): string {
  return linesOf([...items])
    .map((l) => joinItems(l.items))
    .join('');
}

/** Positions closer than 3 pt are one rule (a cell border drawn twice, by each of two adjacent cells). */
function distinct(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1]! >= 3) out.push(v);
  return out;
}

/** A ruled table rebuilt from its rules: one row per leaf band, one cell per column gap in it. */
function ruledRows(items: readonly PdfItem[], h: readonly HRule[], v: readonly VRule[]): string[][] {
  const right = Math.max(...v.map((r) => r.x));
  const left = Math.min(...v.map((r) => r.x));
  // The leaf rows: the bands between rules that cross the table's last column.
  const lastColumnX = Math.max(...v.filter((r) => r.x < right - EPS).map((r) => r.x), left) + EPS * 2;
  const ys = distinct(h.filter((r) => crossesX(r, lastColumnX)).map((r) => r.y)).sort((a, b) => b - a);
  const rows: string[][] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const top = ys[i]!;
    const bottom = ys[i + 1]!;
    if (top - bottom < 3) continue;
    const mid = (top + bottom) / 2;
    const xs = distinct(v.filter((r) => crossesY(r, mid)).map((r) => r.x)).sort((a, b) => a - b);
    const row: string[] = [];
    for (let k = 0; k + 1 < xs.length; k++) {
      const box = boxAt((xs[k]! + xs[k + 1]!) / 2, mid, h, v);
      if (!box) {
        row.push('');
        continue;
      }
      const inside = items.filter((it) => midX(it) > box.left && midX(it) < box.right && midY(it) > box.bottom && midY(it) < box.top);
      row.push(cellText(inside));
    }
    if (row.some((c) => c !== '')) rows.push(row);
  }
  return rows;
}

/** An unruled line cut into cells at gaps wider than about one character. */
function cellsOfLine(line: Line): string[] {
  const cells: PdfItem[][] = [];
  let prev: PdfItem | undefined;
  for (const it of line.items) {
    if (!it.text.trim()) continue;
    if (!prev || it.x - (prev.x + prev.width) > Math.max(it.size, prev.size) * 1.2) cells.push([it]);
    else cells[cells.length - 1]!.push(it);
    prev = it;
  }
  return cells.map(joinItems);
}

/** Text at the page's top or bottom edge that is a page number or repeats on other pages. */
function runningLines(pages: readonly { page: PdfPage; lines: Line[] }[]): Set<Line> {
  const edge = (p: PdfPage, l: Line) => l.y > p.height * 0.9 || l.y < p.height * 0.1;
  const count = new Map<string, number>();
  for (const { page, lines } of pages) {
    for (const t of new Set(lines.filter((l) => edge(page, l)).map((l) => joinItems(l.items).replace(/\d+/gu, '#')))) count.set(t, (count.get(t) ?? 0) + 1);
  }
  const out = new Set<Line>();
  for (const { page, lines } of pages) {
    for (const l of lines) {
      if (!edge(page, l)) continue;
      const text = joinItems(l.items);
      if (PAGE_NUMBER.test(text) || (pages.length > 1 && (count.get(text.replace(/\d+/gu, '#')) ?? 0) > 1)) out.add(l);
    }
  }
  return out;
}

type Piece = { kind: 'line'; line: Line; page: PdfPage } | { kind: 'table'; rows: string[][] };

/** A page's lines and tables in reading order; a table is the text enclosed by its rules. */
function piecesOf(page: PdfPage, lines: readonly Line[], dropped: ReadonlySet<Line>): Piece[] {
  const ruled = rulesOf(page);
  // Pairwise grouping is quadratic: a page with thousands of drawn segments is read without rules.
  const { h, v, zones } = ruled.h.length + ruled.v.length <= 3000 ? tableRules(ruled.h, ruled.v) : { h: [], v: [], zones: [] };
  // Text inside a table's outer rules belongs to it, also where a cell's own rules are incomplete (a
  // spanning cell cut by a page break): the cells that can be enclosed are rebuilt, the rest is left out.
  const inTable = (it: PdfItem) => zones.some((z) => midX(it) > z.left && midX(it) < z.right && midY(it) > z.bottom && midY(it) < z.top);
  const pieces: Piece[] = [];
  let tableItems: PdfItem[] = [];
  const flush = () => {
    if (tableItems.length === 0) return;
    const top = Math.max(...tableItems.map((i) => i.y + i.size));
    const bottom = Math.min(...tableItems.map((i) => i.y));
    // The rules of this table only: those between its text's extent, with a little room for the outer rules.
    const th = h.filter((r) => r.y <= top + 40 && r.y >= bottom - 40);
    const tv = v.filter((r) => r.y2 >= bottom - 2 && r.y1 <= top + 2);
    pieces.push({ kind: 'table', rows: tv.length >= 2 && th.length >= 2 ? ruledRows(tableItems, th, tv) : [] });
    tableItems = [];
  };
  for (const line of lines) {
    if (dropped.has(line)) continue;
    const ruled = line.items.filter(inTable);
    if (ruled.length === line.items.length) {
      tableItems.push(...ruled);
      continue;
    }
    flush();
    if (ruled.length > 0) tableItems.push(...ruled);
    const free = line.items.filter((i) => !inTable(i));
    if (free.length === 0) continue;
    // An unruled table's row: cells apart on one line (three or more, or a label and a number).
    const cells = cellsOfLine({ ...line, items: free });
    if (cells.length >= 3 || (cells.length === 2 && /^[\d０-９.．,，]+$/u.test(cells[1]!))) pieces.push({ kind: 'table', rows: [cells] });
    else pieces.push({ kind: 'line', line: { ...line, items: free }, page });
  }
  flush();
  return pieces;
}

/** Paragraphs from free lines: a line continues the one before it unless a new paragraph clearly starts. */
function paragraphs(lines: readonly { line: Line; page: PdfPage }[]): string[] {
  const out: string[] = [];
  let current = '';
  let prev: { line: Line; page: PdfPage } | undefined;
  // The text block's margins: the leftmost start and rightmost end of the lines of each page, the right
  // one taken over the whole document (a page with only short lines has no full line to measure).
  const margins = new Map<PdfPage, { left: number; right: number }>();
  const right = Math.max(...lines.map((l) => l.line.right));
  for (const { line, page } of lines) {
    const m = margins.get(page) ?? { left: Infinity, right };
    margins.set(page, { left: Math.min(m.left, line.left), right });
  }
  for (const entry of lines) {
    const text = joinItems(entry.line.items);
    if (!text) continue;
    if (prev && current) {
      const pm = margins.get(prev.page)!;
      const m = margins.get(entry.page)!;
      // Full: it reaches the margin, or the next line's first word (a long number, a Latin word) would not have fit.
      const word = /^[^\u3000-\u9fff\uff00-\uffef\s]+/u.exec(text)?.[0].length ?? 0;
      const full = prev.line.right >= pm.right - prev.line.size * 1.5 - word * entry.line.size * 0.6;
      const indented = entry.line.left > m.left + entry.line.size * 0.8;
      const sameSize = Math.abs(prev.line.size - entry.line.size) < 0.5;
      if (full && !indented && sameSize) {
        const last = current[current.length - 1]!;
        current += !CJK.test(last) && !CJK.test(text[0]!) ? ` ${text}` : text;
        prev = entry;
        continue;
      }
      out.push(current);
    }
    current = text;
    prev = entry;
  }
  if (current) out.push(current);
  return out;
}

/** The PDF's blocks: paragraphs and tables in reading order, a table continued over pages kept whole. */
export function blocksFromPdfPages(pages: readonly PdfPage[]): Block[] {
  const withLines = pages.map((page) => ({ page, lines: linesOf(page.items) }));
  const dropped = runningLines(withLines);
  const pieces = withLines.flatMap(({ page, lines }) => piecesOf(page, lines, dropped));
  const blocks: Block[] = [];
  let pending: { line: Line; page: PdfPage }[] = [];
  const flushText = () => {
    for (const text of paragraphs(pending)) blocks.push({ type: 'paragraph', text });
    pending = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'line') {
      pending.push(piece);
      continue;
    }
    flushText();
    const rows = piece.rows;
    if (rows.length === 0) continue;
    const last = blocks[blocks.length - 1];
    // Nothing between this table and the one before (a page break): the same table continues.
    if (last?.type === 'table' && pending.length === 0) last.rows.push(...rows);
    else blocks.push({ type: 'table', rows });
  }
  flushText();
  return blocks;
}
