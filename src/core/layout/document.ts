/**
 * The Word report as a pure plan: title, opening paragraph, sections 一–六 with their paragraphs
 * and the three tables in the official merged layout, signature and date. The docx adapter renders
 * exactly this; typography lives in the adapter (公文 style, GB/T 9704-2012).
 */
import { walkGrid } from '../format/build';
import type { FormatRevision } from '../format/revision';
import { revisionFor } from '../format/revisions';
import type { TableFormat, TableId } from '../format/types';
import type { Report } from '../report/types';
import { chineseDate, isIsoDate } from '../values/dates';
import { displayText, trimSpaces, type ReportValue } from '../values/read';
import { formatNumber } from '../values/compare';
import { breakLines, textWidth } from './lines';

export type RunFont = 'fangsong' | 'kaiti' | 'heiti' | 'title';
/** A run of text; `breakBefore` starts it on a new line (the title's second line). */
export type DocRun = { text: string; font: RunFont; breakBefore?: boolean };

/** The page (GB/T 9704-2012): A4, margins 37/35/28/26 mm; the text is 156 mm wide. */
export const PAGE_GEOMETRY = { widthMm: 210, heightMm: 297, margin: { top: 37, bottom: 35, left: 28, right: 26 } } as const;
const TEXT_WIDTH_PT = ((PAGE_GEOMETRY.widthMm - PAGE_GEOMETRY.margin.left - PAGE_GEOMETRY.margin.right) / 25.4) * 72;
/** The title's size (二号) in points. */
export const TITLE_PT = 22;
/** A table cell's inner margins, left plus right, in points. */
export const CELL_MARGIN_PT = 4;

/**
 * The title's lines: one when it fits; otherwise the body's name on the first line and
 * “YYYY年政府信息公开工作年度报告” on the second, so no word is cut by the line end.
 */
export function titleRuns(title: string): DocRun[] {
  const perLine = Math.floor(TEXT_WIDTH_PT / TITLE_PT);
  const year = /\d{4}年/u.exec(title);
  if (textWidth(title) / 2 <= perLine || !year || year.index === 0) return [{ text: title, font: 'title' }];
  return [
    { text: title.slice(0, year.index), font: 'title' },
    { text: title.slice(year.index), font: 'title', breakBefore: true },
  ];
}

/**
 * A cell's printed lines (see `breakLines`): headers and sub-group labels (“（三）不予公开”) break
 * between words; longer labels where Word would wrap, but without a lone last character.
 */
export function cellLines(text: string, kind: DocCell['kind'], widthPt: number, fontPt: number): string[] {
  const perLine = Math.max(1, Math.floor((widthPt - CELL_MARGIN_PT) / fontPt));
  const byUnits = kind === 'header' || kind === 'caption' || /^（[一二三四五六七八九十]）[^（]{2,6}$/u.test(text);
  return breakLines(text, 2 * perLine, byUnits);
}

export type DocParagraph = {
  type: 'paragraph';
  role: 'title' | 'body' | 'heading' | 'subheading' | 'signature';
  runs: DocRun[];
  align: 'center' | 'right' | 'justify';
  indent: boolean;
};

export type DocCell = {
  /** The cell's text as in the format (what importers and other renderings read). */
  text: string;
  /** The lines a printed cell breaks into (Word): between words, never one character alone. */
  lines: string[];
  /** The grid column the cell starts in (row spans above it cover the columns before). */
  col: number;
  colSpan: number;
  rowSpan: number;
  kind: 'caption' | 'header' | 'note' | 'label' | 'value';
  align: 'left' | 'center';
  /** The cell key of a value cell. */
  key?: string;
};

export type DocTable = {
  type: 'table';
  table: TableId;
  /** Relative column widths (sum 1). */
  widths: readonly number[];
  /** Font size in points. */
  fontSize: number;
  rows: { header: boolean; cells: DocCell[] }[];
};

export type DocBlock = DocParagraph | DocTable;

export type DocumentPlan = {
  title: string;
  author: string;
  /** ISO date the document properties are pinned to (the report's date, else the 1st of January after its year). */
  date: string;
  blocks: DocBlock[];
};

export type DocumentOptions = {
  /** Show blank cells as 0 (the user's choice); otherwise as typed, i.e. empty. */
  blankAsZero?: boolean;
  /** The report's revision, when it is not one of the built-in ones. */
  revision?: FormatRevision;
};

const body = (text: string): DocParagraph => ({ type: 'paragraph', role: 'body', runs: [{ text, font: 'fangsong' }], align: 'justify', indent: true });

const SUBHEADING = /^（[一二三四五六七八九十]{1,3}）/u;

/**
 * A narrative paragraph: a leading `（一）…。` is a sub-heading in 楷体 — the whole paragraph when it
 * is short, else the phrase up to the first 。, with the rest in 仿宋 (the usual 公文 run-in heading).
 */
export function narrativeParagraph(line: string): DocParagraph {
  if (!SUBHEADING.test(line)) return body(line);
  const stop = line.indexOf('。');
  if (line.length <= 40 && (stop === -1 || stop === line.length - 1)) {
    return { type: 'paragraph', role: 'subheading', runs: [{ text: line, font: 'kaiti' }], align: 'justify', indent: true };
  }
  if (stop > 0 && stop <= 40) {
    return {
      type: 'paragraph',
      role: 'body',
      runs: [
        { text: line.slice(0, stop + 1), font: 'kaiti' },
        { text: line.slice(stop + 1), font: 'fangsong' },
      ],
      align: 'justify',
      indent: true,
    };
  }
  return body(line);
}

/** Paragraphs of a narrative text: every non-empty line is a paragraph (blank lines separate them). */
export function narrativeParagraphs(text: string | undefined): DocParagraph[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map(trimSpaces)
    .filter((l) => l !== '')
    .map(narrativeParagraph);
}

function cellText(value: ReportValue | undefined, options: DocumentOptions): string {
  if (value === undefined) return '';
  if (value === null) return options.blankAsZero ? '0' : '';
  if (typeof value === 'number') return formatNumber(value);
  return displayText(value);
}

function tableBlock(table: TableFormat, report: Report, options: DocumentOptions): DocTable {
  const rows: DocTable['rows'] = table.rows.map((row) => ({ header: Boolean(row.header), cells: [] }));
  for (const { cell, row, col, rowSpan, colSpan } of walkGrid(table)) {
    let c: DocCell;
    if (cell.type === 'value') {
      const text = cellText(report.values[cell.key], options);
      c = { text, lines: [text], col, colSpan, rowSpan: 1, kind: 'value', align: 'center', key: cell.key };
    } else {
      const kind = cell.role === 'rowLabel' ? 'label' : cell.role;
      // Item labels read left to right; captions, headers, notes and the tall group labels are centred.
      const align = kind === 'label' && rowSpan === 1 && table.id !== 'active' ? 'left' : 'center';
      const widthPt = table.geometry.document.widths.slice(col, col + colSpan).reduce((a, b) => a + b, 0) * TEXT_WIDTH_PT;
      c = { text: cell.text, lines: cellLines(cell.text, kind, widthPt, table.geometry.document.fontSize), col, colSpan, rowSpan, kind, align };
    }
    rows[row]!.cells.push(c);
  }
  return { type: 'table', table: table.id, widths: table.geometry.document.widths, fontSize: table.geometry.document.fontSize, rows };
}

/**
 * Why a report cannot be made into a Word document: its title would be incomplete without 机关名称
 * and 年度. No option overrides this; undefined when the title is complete.
 */
export function incompleteTitle(report: Report): string | undefined {
  const missing = [report.meta.agency?.trim() ? '' : '机关名称', report.meta.year !== undefined ? '' : '年度'].filter(Boolean);
  return missing.length > 0 ? `报告没有填写${missing.join('和')}，生成的 Word 报告标题会不完整，请先填写后再生成` : undefined;
}

export function reportTitle(report: Report): string {
  if (report.meta.title) return report.meta.title;
  const year = report.meta.year !== undefined ? `${report.meta.year}年` : '';
  return `${report.meta.agency ?? ''}${year}政府信息公开工作年度报告`;
}

/** The opening paragraph when the report has none: only what the format fixes and what the report states. */
function standardPreamble(report: Report): string {
  const y = report.meta.year;
  const parts = ['本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制。'];
  if (y !== undefined) parts.push(`本报告所列数据的统计期限为${y}年1月1日至${y}年12月31日。`);
  if (report.meta.contact) parts.push(`如对本报告有疑问，请与${report.meta.contact}联系。`);
  return parts.join('');
}

export function documentPlan(report: Report, options: DocumentOptions = {}): DocumentPlan {
  const revision = options.revision ?? revisionFor(report);
  const title = reportTitle(report);
  const blocks: DocBlock[] = [{ type: 'paragraph', role: 'title', runs: titleRuns(title), align: 'center', indent: false }];
  const preamble = narrativeParagraphs(report.narrative.preamble);
  blocks.push(...(preamble.length > 0 ? preamble : [body(standardPreamble(report))]));
  for (const section of revision.sections) {
    blocks.push({ type: 'paragraph', role: 'heading', runs: [{ text: section.title, font: 'heiti' }], align: 'justify', indent: true });
    if (section.content.type === 'narrative') blocks.push(...narrativeParagraphs(report.narrative[section.content.field]));
    else {
      const tableId = section.content.table;
      blocks.push(tableBlock(revision.table(tableId), report, options));
    }
  }
  if (report.meta.office)
    blocks.push({ type: 'paragraph', role: 'signature', runs: [{ text: report.meta.office, font: 'fangsong' }], align: 'right', indent: false });
  // A date that could not be read is not printed (meta-date reports it).
  const iso = report.meta.date !== undefined && isIsoDate(report.meta.date) ? report.meta.date : undefined;
  if (iso) blocks.push({ type: 'paragraph', role: 'signature', runs: [{ text: chineseDate(iso), font: 'fangsong' }], align: 'right', indent: false });
  const date = iso ?? (report.meta.year !== undefined ? `${report.meta.year + 1}-01-01` : '2021-01-01');
  return { title, author: report.meta.office ?? report.meta.agency ?? '', date, blocks };
}

/** Every value cell shown in the document, in table order (for tests and for the text check). */
export function documentValues(plan: DocumentPlan): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  for (const b of plan.blocks) if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) if (c.key) out.push({ key: c.key, text: c.text });
  return out;
}
