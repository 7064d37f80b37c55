/**
 * Renders the document plan as a .docx with the `docx` package, in 公文 typography (GB/T 9704-2012):
 * A4, margins 37/35/28/26 mm, 方正小标宋简体 title, 仿宋_GB2312 body with East-Asian font slots,
 * 黑体 headings, 楷体_GB2312 sub-headings, exact 29 pt lines, two-character first-line indent,
 * bordered tables whose header rows repeat and whose rows never split, page numbers `— 1 —`.
 * Runs in Node (CLI) and in the browser (task pane). Deterministic: document properties are pinned.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { xmlEscape, xmlSafe } from '../files/xml';
import { PAGE_GEOMETRY, type DocParagraph, type DocTable, type DocumentPlan, type RunFont } from '../core';

const mm = (v: number) => Math.round((v / 25.4) * 1440);
const PAGE = { width: 11906, height: 16838 };
const M = PAGE_GEOMETRY.margin;
const MARGIN = { top: mm(M.top), bottom: mm(M.bottom), left: mm(M.left), right: mm(M.right) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const FONTS: Record<RunFont, string> = {
  title: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
};
const PAGE_NUMBER_FONT = '宋体';

/** Every font slot named, so Word and WPS pick the Chinese font for Chinese and Latin alike. */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

const SIZE = { title: 44, body: 32 }; // half-points: 二号 22 pt, 三号 16 pt
const LINE = 580; // exact 29 pt
const INDENT = 640; // two characters of 16 pt

function runs(p: DocParagraph, size: number): TextRun[] {
  return p.runs.map((r) => new TextRun({ text: r.text, font: font(FONTS[r.font]), size, ...(r.breakBefore ? { break: 1 } : {}) } satisfies IRunOptions));
}

/** A cell's lines (the plan puts breaks where a word would otherwise be cut). */
function cellRuns(lines: readonly string[], options: Omit<IRunOptions, 'text' | 'break'>): TextRun[] {
  return lines.map((line, i) => new TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function paragraph(p: DocParagraph, afterBody: boolean, afterTable: boolean): Paragraph {
  const isTitle = p.role === 'title';
  const align = p.align === 'center' ? AlignmentType.CENTER : p.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    children: runs(p, isTitle ? SIZE.title : SIZE.body),
    alignment: align,
    // The signature stands two lines below the text (GB/T 9704-2012 7.3.5).
    spacing: isTitle
      ? { line: 700, lineRule: LineRuleType.EXACT, after: 580 }
      : {
          line: LINE,
          lineRule: LineRuleType.EXACT,
          // The signature stands two lines below the text; whatever follows a table, half a line below it.
          ...(p.role === 'signature' && afterBody ? { before: 2 * LINE } : afterTable ? { before: LINE / 2 } : {}),
        },
    ...(p.indent ? { indent: { firstLine: INDENT } } : {}),
    ...(p.role === 'signature' ? { indent: { right: INDENT } } : {}),
    ...(p.role === 'heading' ? { keepNext: true } : {}),
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function table(t: DocTable): Table {
  const widths = t.widths.map((w) => Math.round(w * TEXT_WIDTH));
  const size = Math.round(t.fontSize * 2);
  const columnWidthFrom = (start: number, span: number) => widths.slice(start, start + span).reduce((a, b) => a + b, 0);
  const rows = t.rows.map((row) => {
    const cells = row.cells.map((c) => {
      const width = columnWidthFrom(c.col, c.colSpan);
      return new TableCell({
        children: [
          new Paragraph({
            children: cellRuns(c.lines, { font: font(FONTS.fangsong), size, bold: c.kind === 'header' || c.kind === 'caption' }),
            alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
            spacing: { line: Math.round(t.fontSize * 20 * 1.25), lineRule: LineRuleType.EXACT },
          }),
        ],
        columnSpan: c.colSpan,
        rowSpan: c.rowSpan,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { left: 40, right: 40, top: 20, bottom: 20 },
      });
    });
    return new TableRow({ children: cells, tableHeader: row.header, cantSplit: true });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
  });
}

function footer(): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) => new TextRun({ children, font: font(PAGE_NUMBER_FONT), size: 28 });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(['— ', PageNumber.CURRENT, ' —'])] })] });
}

/** docProps/core.xml with the dates pinned to the report's date, so the same report gives the same file. */
function coreProperties(plan: DocumentPlan): string {
  const when = `${plan.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(plan.title)}</dc:title>` +
    `<dc:creator>${xmlEscape(plan.author)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlEscape(plan.author)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function sanitize(plan: DocumentPlan): DocumentPlan {
  return {
    ...plan,
    title: xmlSafe(plan.title),
    author: xmlSafe(plan.author),
    blocks: plan.blocks.map((b) =>
      b.type === 'paragraph'
        ? { ...b, runs: b.runs.map((r) => ({ ...r, text: xmlSafe(r.text) })) }
        : { ...b, rows: b.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, text: xmlSafe(c.text), lines: c.lines.map(xmlSafe) })) })) },
    ),
  };
}

export function createDocument(input: DocumentPlan): Document {
  const plan = sanitize(input);
  return new Document({
    title: plan.title,
    creator: plan.author,
    lastModifiedBy: plan.author,
    styles: { default: { document: { run: { font: font(FONTS.fangsong), size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, header: mm(15), footer: mm(25) } } },
        footers: { default: footer() },
        children: plan.blocks.map((b, i) => {
          const prev = plan.blocks[i - 1];
          return b.type === 'paragraph' ? paragraph(b, !(prev?.type === 'paragraph' && prev.role === 'signature'), prev?.type === 'table') : table(b);
        }),
      },
    ],
  });
}

/**
 * The font table names each 公文 font with the family to fall back to (w:altName) and its Chinese
 * character set, so a PC without 方正小标宋简体 or the _GB2312 fonts shows 宋体, 仿宋 and 楷体
 * rather than whatever the default font is.
 */
export const FONT_FALLBACKS: Record<string, { alt: string; family: 'roman' | 'modern' | 'script' | 'swiss' }> = {
  [FONTS.title]: { alt: '宋体', family: 'roman' },
  [FONTS.fangsong]: { alt: '仿宋', family: 'modern' },
  [FONTS.kaiti]: { alt: '楷体', family: 'script' },
  [FONTS.heiti]: { alt: 'SimHei', family: 'modern' },
  [PAGE_NUMBER_FONT]: { alt: 'SimSun', family: 'roman' },
};

function fontTable(): string {
  const fonts = Object.entries(FONT_FALLBACKS)
    .map(
      ([name, f]) =>
        `<w:font w:name="${name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

const overrides = (plan: DocumentPlan) => [
  { path: 'docProps/core.xml', data: coreProperties(sanitize(plan)) },
  { path: 'word/fontTable.xml', data: fontTable() },
];

/** The .docx bytes (Node and browsers). */
export async function buildDocx(plan: DocumentPlan): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(createDocument(plan), false, overrides(plan)));
}

/** The .docx as base64 (for Word's insertFileFromBase64). */
export async function buildDocxBase64(plan: DocumentPlan): Promise<string> {
  return Packer.toBase64String(createDocument(plan), false, overrides(plan));
}
