/** Renders a report the ways published reports reach us: a Word text dump and a web page. */
import { documentPlan, type DocTable, type FormatRevision, type Report } from '../../src/core';

/** Rows of a plan table as Word writes them: a cell continued from the row above is an empty cell. */
function wordRows(t: DocTable): string[][] {
  const covered = t.rows.map(() => new Set<number>());
  return t.rows.map((row, r) => {
    const out: string[] = [];
    let col = 0;
    const take = () => {
      while (covered[r]!.has(col)) {
        out.push('');
        col++;
      }
    };
    for (const c of row.cells) {
      take();
      for (let dr = 1; dr < c.rowSpan; dr++) covered[r + dr]!.add(col);
      out.push(c.text);
      col += c.colSpan;
    }
    take();
    return out;
  });
}

export function toTextDump(report: Report, pad = (s: string) => s, revision?: FormatRevision): string {
  const lines: string[] = [];
  for (const b of documentPlan(report, revision ? { revision } : {}).blocks) {
    if (b.type === 'paragraph') lines.push(b.runs.map((r) => r.text).join(''));
    else {
      for (const row of wordRows(b)) {
        for (const cell of row) lines.push(`\t${pad(cell)}`);
        lines.push('');
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export function toHtml(report: Report, revision?: FormatRevision): string {
  const parts: string[] = [
    '<!doctype html><html><head><meta charset="utf-8"><title>报告</title><style>td{border:1px solid}</style></head><body><div class="article">',
  ];
  for (const b of documentPlan(report, revision ? { revision } : {}).blocks) {
    if (b.type === 'paragraph') parts.push(`<p style="text-indent:2em">${esc(b.runs.map((r) => r.text).join(''))}</p>`);
    else {
      parts.push('<table cellspacing="0"><tbody>');
      for (const row of b.rows) {
        parts.push('<tr>');
        for (const c of row.cells) {
          const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
          parts.push(`<td${span}><p>${c.text === '' ? '&nbsp;' : `&nbsp;${esc(c.text)}`}</p></td>`);
        }
        parts.push('</tr>');
      }
      parts.push('</tbody></table>');
    }
  }
  parts.push('</div></body></html>');
  return parts.join('');
}

export type WebTextLayout = 'pipe-rows' | 'pipe-cells' | 'bare-pipes' | 'blank-lines' | 'spaced';

/**
 * The report as text copied from a web page, in the layouts real pages give (see
 * test/fixtures/web-text): a spanned cell appears once, in the first row it spans.
 * - pipe-rows: one row per line, `a | b | c |`;
 * - pipe-cells: one cell per line ending in ` |`, an empty cell a bare `|`, a row ended by `||`;
 * - bare-pipes: each cell's text, then a line `|` (an empty cell is an empty line);
 * - blank-lines: each cell on its own line, a blank line between (an empty cell leaves nothing);
 * - spaced: a row's cells on one line with spaces between (an empty cell leaves nothing).
 * `pad` wraps every cell's text (NBSP padding, say); `breakLabel` may break a label over lines.
 */
export function toWebText(report: Report, layout: WebTextLayout, options: { pad?: (s: string) => string; breakLabel?: (s: string) => string } = {}): string {
  const pad = options.pad ?? ((s: string) => s);
  const brk = options.breakLabel ?? ((s: string) => s);
  const lines: string[] = [];
  for (const b of documentPlan(report).blocks) {
    if (b.type === 'paragraph') {
      lines.push(b.runs.map((r) => r.text).join(''));
      if (layout !== 'pipe-rows' && layout !== 'pipe-cells') lines.push('');
      continue;
    }
    for (const row of b.rows) {
      const cells = row.cells.map((c) => (/^\d|^$/u.test(c.text) ? pad(c.text) : pad(brk(c.text))));
      if (layout === 'pipe-rows') lines.push(`${cells.join(' | ')} |`);
      else if (layout === 'pipe-cells') {
        for (const c of cells) lines.push(c === '' ? '|' : `${c} |`);
        lines.push('||');
      } else if (layout === 'bare-pipes') for (const c of cells) lines.push(c, '|');
      else if (layout === 'spaced') lines.push(cells.filter((c) => c !== '').join(' '));
      else for (const c of cells) if (c !== '') lines.push(c, '');
    }
  }
  return `${lines.join('\n')}\n`;
}
