/**
 * Text copied from a government web page whose tables came out one cell at a time: one cell per
 * line ending in `|` (a bare `|` an empty cell, `||`… the end of a row), cells alternating with
 * bare `|` lines (a cell's text may run over several lines), or cells separated by blank lines.
 * The rows are gone; they are rebuilt from the format itself: a row label is followed by exactly
 * as many value cells as its table has columns (3 for 第二十条第（一）项, 1 for the other rows of
 * 表二, 7 for 表三, 15 in one run for 表四). A row whose cells do not come out exactly so is left out,
 * and the table reader reports it as missing; a number is never guessed or shifted. Empty cells
 * beyond the row's columns (a web page's padding) are dropped. Rows flattened onto one line with
 * spaces between the cells ("规章 0 0 0 行政规范性文件 3 2 5") are read the same way.
 */

/** A line of cells flattened with spaces: pieces between runs of spaces, none a sentence, with numbers among them. */
function spacedCells(line: string): string[] | undefined {
  const pieces = trimSpaces(line)
    .split(/[\s\u00a0\u3000]+/u)
    .filter((p) => p !== '');
  if (pieces.length < 2 || pieces.some((p) => /[。；;]/u.test(p))) return undefined;
  const numbers = pieces.filter((p) => typeof readTypedValue(p) === 'number').length;
  // Two or more numbers, or a short label and its one number ("行政许可 32999").
  const labelled = pieces.length === 2 && numbers === 1 && typeof readTypedValue(pieces[0]) !== 'number' && pieces[0]!.length <= 40;
  return numbers >= 2 || labelled ? pieces : undefined;
}
import { CURRENT_REVISION, labelMatches, normalizeLabel, readTypedValue, trimSpaces, type FormatRevision, type SectionId } from '../core';
import { cleanArtefacts, ImportError, MAX_BLOCKS, type Block, type TableKind } from './blocks';
import { sectionOf } from './report';

type Token = { text: string; cell: boolean; rowEnd?: boolean };
export type WebLayout = 'pipe-cells' | 'bare-pipes' | 'blank-lines' | 'spaced';

const PIPES = /^\s*\|+\s*$/u;
const lines = (text: string) => text.replace(/^\uFEFF/u, '').split(/\r\n?|\n/u);

/** Which one-cell-at-a-time layout the text has, if any. */
export function webLayout(text: string): WebLayout | undefined {
  const all = lines(text);
  const bare = all.filter((l) => /^\s*\|\s*$/u.test(l)).length;
  const ending = all.filter((l) => /\S\s*\|\s*$/u.test(l) && !/\|.*\S.*\|/u.test(l.replace(/\|\s*$/u, ''))).length;
  if (ending >= 8 && ending >= bare / 2) return 'pipe-cells';
  if (bare >= 8) return 'bare-pipes';
  // Short lines separated by blank lines, many of them bare numbers: cells one per paragraph.
  const numbers = all.filter((l) => /^\s*\d+\s*$/u.test(l)).length;
  const blanks = all.filter((l) => l.trim() === '').length;
  if (numbers >= 8 && blanks >= numbers) return 'blank-lines';
  return all.filter((l) => spacedCells(l) !== undefined).length >= 4 ? 'spaced' : undefined;
}

function tokensOf(text: string, layout: WebLayout, rev: FormatRevision): Token[] {
  const out: Token[] = [];
  const isTitle = (t: string) => sectionOf(rev, t) !== undefined;
  const prose = (t: string) => /[。；]$|[:：]$/u.test(t) || t.length > 80;
  if (layout === 'pipe-cells') {
    for (const raw of lines(text)) {
      const line = cleanArtefacts(raw);
      if (PIPES.test(line)) {
        // One bare `|` is an empty cell; two or more end the row (the page's row and padding marks).
        const n = (line.match(/\|/gu) ?? []).length;
        out.push(n === 1 ? { text: '', cell: true } : { text: '', cell: false, rowEnd: true });
      } else if (/\|\s*$/u.test(line)) out.push({ text: trimSpaces(line.replace(/\|\s*$/u, '')), cell: true });
      else if (line.trim()) out.push({ text: trimSpaces(line), cell: false });
    }
    return out;
  }
  if (layout === 'bare-pipes') {
    let buffer: string[] = [];
    const flushAsParagraphs = () => {
      for (const b of buffer) out.push({ text: b, cell: false });
      buffer = [];
    };
    for (const raw of lines(text)) {
      const line = trimSpaces(cleanArtefacts(raw));
      if (/^\|+$/u.test(line)) {
        // The lines since the last separator are one cell (its text broken over lines).
        out.push({ text: buffer.join(''), cell: true });
        buffer = [];
      } else if (line === '') flushAsParagraphs();
      else if (isTitle(line) || prose(line)) {
        flushAsParagraphs();
        out.push({ text: line, cell: false });
      } else buffer.push(line);
    }
    flushAsParagraphs();
    return out;
  }
  if (layout === 'spaced') {
    for (const raw of lines(text)) {
      const line = cleanArtefacts(raw);
      const cells = isTitle(trimSpaces(line)) ? undefined : spacedCells(line);
      if (cells) {
        for (const c of cells) out.push({ text: c, cell: true });
        out.push({ text: '', cell: false, rowEnd: true });
      } else if (line.trim()) out.push({ text: trimSpaces(line), cell: false });
    }
    return out;
  }
  for (const raw of lines(text)) {
    const line = trimSpaces(cleanArtefacts(raw));
    if (line) out.push({ text: line, cell: !isTitle(line) && !prose(line) });
  }
  return out;
}

/** A value cell: empty, a number, or a placeholder for "none" — never a word (a header is not a value). */
const isValue = (t: Token) => t.cell && (t.text === '' || typeof readTypedValue(t.text) === 'number' || /^[/／\-—－–_无空]{1,3}$/u.test(t.text));

type RowLabel = { label: string; width: number; kind: TableKind };

function rowLabels(rev: FormatRevision): Map<SectionId, RowLabel[]> {
  const active = rev.spec.active;
  return new Map<SectionId, RowLabel[]>([
    [
      'active',
      [
        ...active.documents.rows.flatMap((r) =>
          [r.label, ...(rev.spec.legacy.rowAliases[r.key] ?? [])].map((label) => ({ label, width: active.documents.columns.length, kind: 'active' as const })),
        ),
        ...active.blocks.flatMap((b) => b.rows.map((r) => ({ label: r.label, width: 1, kind: 'active' as const }))),
      ],
    ],
    ['requests', rev.requestRows.map((r) => ({ label: r.label, width: rev.spec.requests.columns.length, kind: 'requests' as const }))],
  ]);
}

/** The value cells right after position `i`, up to the next label or the end of the row. */
function valuesAfter(tokens: readonly Token[], i: number): Token[] {
  const out: Token[] = [];
  for (let j = i + 1; j < tokens.length && isValue(tokens[j]!); j++) out.push(tokens[j]!);
  return out;
}

/** The blocks of such a text: paragraphs, and each rebuilt row as a one-row table of its kind. */
export function blocksFromWebText(text: string, layout: WebLayout, rev: FormatRevision = CURRENT_REVISION): Block[] {
  const tokens = tokensOf(text, layout, rev);
  if (tokens.length > MAX_BLOCKS * 4) throw new ImportError('文档过长，超出可导入的范围');
  const labels = rowLabels(rev);
  const appealsWidth = rev.spec.appeals.groups.length * rev.spec.appeals.columns.length;
  const blocks: Block[] = [];
  // A 表二 in the 2019 format counts other quantities (本年新制作数量…): its rows are not the 2021
  // columns. Its cells go to the reader as one table, which recognises it and reads none of them.
  const oldColumns = rev.spec.legacy.labels.filter((l) => l.table === 'active' && l.otherQuantity).map((l) => normalizeLabel(l.text));
  const oldActive = tokens.some((t) => t.cell && oldColumns.some((c) => normalizeLabel(t.text).includes(c)));
  let section: SectionId | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.rowEnd) continue;
    const title = t.cell ? undefined : sectionOf(rev, t.text);
    if (title) section = title;
    if (oldActive && section === 'active' && !title) {
      const last = blocks[blocks.length - 1];
      if (last?.type === 'table' && last.kind === 'active' && t.text !== '') last.rows[0]!.push(t.text);
      else if (t.text !== '') blocks.push({ type: 'table', kind: 'active', rows: [[t.text]] });
      continue;
    }
    const candidates = section ? (labels.get(section) ?? []) : [];
    const row =
      t.cell || layout === 'blank-lines'
        ? candidates.find((r) => labelMatches(t.text, r.label) && normalizeLabel(t.text).length <= normalizeLabel(r.label).length + 24)
        : undefined;
    if (row) {
      const values = valuesAfter(tokens, i);
      const extra = values.slice(row.width);
      if (values.length >= row.width && extra.every((v) => v.text === '')) {
        blocks.push({ type: 'table', kind: row.kind, rows: [[t.text, ...values.slice(0, row.width).map((v) => v.text)]] });
        i += values.length;
        continue;
      }
    }
    if (section === 'appeals' && isValue(t)) {
      const values = [t, ...valuesAfter(tokens, i)];
      if (values.length === appealsWidth) blocks.push({ type: 'table', kind: 'appeals', rows: [values.map((v) => v.text)] });
      i += values.length - 1;
      continue;
    }
    if (t.text !== '') blocks.push({ type: 'paragraph', text: t.text });
  }
  return blocks;
}
