/**
 * Paints the workbook plan into an .xlsx file (the CLI's `template`, `word --blank-as-zero`'s source,
 * and the 汇总 workbook), writing SpreadsheetML directly: styles as one cell format per style token,
 * shared strings, merges, validation, defined names, print setup and sheet protection. Each sheet is
 * built as one string from its rows in order, so a 汇总 with tens of thousands of rows costs the
 * size of its XML, not an object per cell. Text XML cannot carry is dropped. Pinned dates: the same
 * plan and values give the same bytes.
 */
import { strToU8, zipSync } from 'fflate';
import {
  FAILED_LOOK,
  MARK_COLORS,
  a1,
  columnLetters,
  computedValue,
  definedName,
  sheetReference,
  type Computed,
  type Mark,
  type PlanCell,
  type PlanFormula,
  type SheetPlan,
  type StyleSpec,
  type StyleToken,
  type Validation,
  type WorkbookPlan,
} from '../core';
import { xmlEscape, xmlSafe } from '../files/xml';

const PINNED_DATE = new Date(Date.UTC(2021, 0, 1));
const CREATOR = '政府信息公开年报助手';
const FONT = '等线';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32767;

const esc = (s: string) => xmlEscape(xmlSafe(s));
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Number formats Excel has built in, by their ids; any other format gets an id from 164 on. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

type Styles = { xml: string; index: Map<StyleToken, number>; marked: Map<string, number> };

/** styles.xml: fonts, fills, borders and number formats deduplicated, one cell format per style token. */
function stylesPart(styles: Record<StyleToken, StyleSpec>): Styles {
  const fonts = [`<font><sz val="11"/><name val="${FONT}"/><family val="2"/><charset val="134"/></font>`];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  const formats: string[] = [];
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const index = new Map<StyleToken, number>();
  const marked = new Map<string, number>();
  const idOf = (list: string[], xml: string) => {
    const i = list.indexOf(xml);
    return i >= 0 ? i : list.push(xml) - 1;
  };
  const variants: [StyleToken, StyleSpec, Mark | null][] = (Object.entries(styles) as [StyleToken, StyleSpec][]).flatMap(([token, spec]) => [
    [token, spec, null] as [StyleToken, StyleSpec, Mark | null],
    // Each style once more per mark, with the mark's fill (a marked workbook's cells with findings).
    ...(['error', 'warning'] as const).map((m): [StyleToken, StyleSpec, Mark] => [token, { ...spec, fill: MARK_COLORS[m] }, m]),
  ]);
  for (const [token, spec, mark] of variants) {
    const font = idOf(
      fonts,
      `<font>${spec.bold ? '<b/>' : ''}<sz val="${spec.fontSize}"/><color rgb="${argb(spec.fontColor)}"/><name val="${FONT}"/><family val="2"/><charset val="134"/></font>`,
    );
    const fill = spec.fill
      ? idOf(fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(spec.fill)}"/><bgColor indexed="64"/></patternFill></fill>`)
      : 0;
    const thin = (side: string) => `<${side} style="thin"><color rgb="FF808080"/></${side}>`;
    const border = spec.border ? idOf(borders, `<border>${thin('left')}${thin('right')}${thin('top')}${thin('bottom')}<diagonal/></border>`) : 0;
    let format = 0;
    if (spec.numberFormat) {
      const builtin = BUILTIN_FORMATS[spec.numberFormat];
      format = builtin ?? 164 + idOf(formats, spec.numberFormat);
    }
    const alignment = `<alignment horizontal="${spec.horizontal}" vertical="${spec.vertical === 'middle' ? 'center' : spec.vertical}"${spec.wrap ? ' wrapText="1"' : ''}/>`;
    const protection = spec.locked ? '' : '<protection locked="0"/>';
    xfs.push(
      `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="${format ? 1 : 0}" applyFont="1" applyFill="${fill ? 1 : 0}" applyBorder="${border ? 1 : 0}" applyAlignment="1" applyProtection="1">${alignment}${protection}</xf>`,
    );
    if (mark) marked.set(`${token}|${mark}`, xfs.length - 1);
    else index.set(token, xfs.length - 1);
  }
  const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  const numFmts =
    formats.length > 0
      ? list(
          'numFmts',
          formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`),
        )
      : '';
  const xml =
    `${XML}<styleSheet xmlns="${MAIN_NS}">${numFmts}${list('fonts', fonts)}${list('fills', fills)}${list('borders', borders)}` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${list('cellXfs', xfs)}` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    // The one differential format: a total whose check fails, in bold dark red on light red.
    `<dxfs count="1"><dxf><font>${FAILED_LOOK.bold ? '<b/>' : ''}<color rgb="${argb(FAILED_LOOK.fontColor)}"/></font>` +
    `<fill><patternFill><bgColor rgb="${argb(FAILED_LOOK.fill)}"/></patternFill></fill></dxf></dxfs></styleSheet>`;
  return { xml, index, marked };
}

/** Shared strings: each distinct text once. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  private count = 0;

  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(text, id);
      const space = /^\s|\s$/u.test(text) ? ' xml:space="preserve"' : '';
      this.items.push(`<si><t${space}>${esc(text)}</t></si>`);
    }
    return id;
  }

  xml(): string {
    return `${XML}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

type Content = { style: number; value: string | number | null; formula?: PlanFormula };

/** A formula cell with the value it computes saved beside it (programs that do not recalculate on load show that). */
function formulaXml(ref: string, style: number, formula: string, value: Computed): string {
  const f = `<f>${esc(formula)}</f>`;
  if (typeof value === 'object') return `<c r="${ref}" s="${style}" t="e">${f}<v>${esc(value.error)}</v></c>`;
  if (typeof value === 'number') return `<c r="${ref}" s="${style}">${f}<v>${value}</v></c>`;
  return `<c r="${ref}" s="${style}" t="str">${f}<v>${esc(value)}</v></c>`;
}

function cellXml(ref: string, content: Content, strings: SharedStrings, values: ReadonlyMap<string, unknown>): string {
  const { style, value } = content;
  if (content.formula) return formulaXml(ref, style, content.formula.text, computedValue(content.formula, values));
  if (value === null || value === '') return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? `<c r="${ref}" s="${style}"><v>${value}</v></c>`
      : `<c r="${ref}" s="${style}" t="s"><v>${strings.id(String(value))}</v></c>`;
  return `<c r="${ref}" s="${style}" t="s"><v>${strings.id(value.slice(0, MAX_CELL_TEXT))}</v></c>`;
}

function validationXml(v: Validation, refs: string[]): string {
  const title = esc(v.title);
  const message = esc(v.message);
  const common = `allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop" promptTitle="${title}" prompt="${message}" errorTitle="${title}" error="${message}" sqref="${refs.join(' ')}"`;
  if (v.type === 'list') return `<dataValidation type="list" ${common}><formula1>${esc(v.source ?? '')}</formula1></dataValidation>`;
  return `<dataValidation type="${v.type}" operator="greaterThanOrEqual" ${common}><formula1>${v.min}</formula1></dataValidation>`;
}

function sheetPart(
  sheet: SheetPlan,
  styles: Styles,
  values: ReadonlyMap<string, string | number | null>,
  strings: SharedStrings,
  marks: ReadonlyMap<string, Mark>,
): string {
  // The cells by row and column: a merge's covered cells carry its style, so borders and fills show on the whole area.
  const grid = new Map<number, Map<number, Content>>();
  const put = (row: number, col: number, content: Content) => (grid.get(row) ?? grid.set(row, new Map()).get(row)!).set(col, content);
  const merges: string[] = [];
  const validations = new Map<Validation, string[]>();
  for (const c of sheet.cells as PlanCell[]) {
    const mark = c.key ? marks.get(c.key) : undefined;
    const style = (mark ? styles.marked.get(`${c.style}|${mark}`) : styles.index.get(c.style)) ?? 0;
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) put(r, k, { style, value: null });
    put(c.row, c.col, { style, value: c.key ? (values.get(c.key) ?? null) : c.text, ...(c.formula ? { formula: c.formula } : {}) });
    if (c.rowSpan > 1 || c.colSpan > 1) merges.push(`<mergeCell ref="${a1(c.row, c.col)}:${a1(c.row + c.rowSpan - 1, c.col + c.colSpan - 1)}"/>`);
    if (c.validation) (validations.get(c.validation) ?? validations.set(c.validation, []).get(c.validation)!).push(a1(c.row, c.col));
  }
  const heights = new Map(Object.entries(sheet.rowHeights).map(([r, h]) => [Number(r), h]));
  const rows = [...new Set([...grid.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const lastRow = sheet.cells.reduce((m, c) => Math.max(m, c.row + c.rowSpan), 1) - 1;
  const lastCol = Math.max(sheet.columnWidths.length, 1) - 1;
  const out: string[] = [
    `${XML}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${a1(lastRow, lastCol)}"/>`,
    `<sheetViews><sheetView workbookViewId="0" showGridLines="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`,
  ];
  if (sheet.columnWidths.length > 0)
    out.push(`<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  for (const r of rows) {
    const height = heights.get(r);
    const cells = grid.get(r);
    const xml = cells
      ? [...cells.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([k, content]) => cellXml(a1(r, k), content, strings, values))
          .join('')
      : '';
    out.push(`<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>${xml}</row>`);
  }
  out.push('</sheetData>');
  // Protected so the labels and totals are not typed over; formatting, and inserting or deleting rows, stay allowed.
  out.push('<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0" insertRows="0" deleteRows="0"/>');
  if (merges.length > 0) out.push(`<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`);
  (sheet.conditionalFormats ?? []).forEach((cf, i) =>
    out.push(
      `<conditionalFormatting sqref="${a1(cf.row, cf.col)}"><cfRule type="expression" dxfId="0" priority="${i + 1}" stopIfTrue="1"><formula>${esc(cf.formula)}</formula></cfRule></conditionalFormatting>`,
    ),
  );
  if (validations.size > 0)
    out.push(`<dataValidations count="${validations.size}">${[...validations].map(([v, refs]) => validationXml(v, refs)).join('')}</dataValidations>`);
  // Narrow side margins: the 15 columns of 表四 print at a legible size across landscape A4.
  out.push('<printOptions horizontalCentered="1"/><pageMargins left="0.25" right="0.25" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  out.push(`<pageSetup paperSize="9" orientation="${sheet.print.orientation}" fitToWidth="${sheet.print.fitToWidth}" fitToHeight="0"/>`);
  // A break after the 1-based row r is a new page from the 0-based row r.
  const breaks = (sheet.print.pageBreaks ?? []).filter((r) => r > 0);
  if (breaks.length > 0)
    out.push(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`,
    );
  out.push('</worksheet>');
  return out.join('');
}

export type BuildOptions = {
  /** Places filled with a mark's colour: the cells of findings, in a workbook handed back marked. */
  marks?: ReadonlyMap<string, Mark>;
};

/** Builds the workbook of the plan, prefilled with the given values at their places, as a Node Buffer. */
export async function buildWorkbook(
  plan: WorkbookPlan,
  values: ReadonlyMap<string, string | number | null> = new Map(),
  options: BuildOptions = {},
): Promise<Buffer> {
  return Buffer.from(workbookBytes(plan, values, options));
}

/** The workbook's bytes, in any JavaScript engine (the checker page writes workbooks in the browser). */
export function workbookBytes(plan: WorkbookPlan, values: ReadonlyMap<string, string | number | null> = new Map(), options: BuildOptions = {}): Uint8Array {
  const marks = options.marks ?? new Map<string, Mark>();
  const styles = stylesPart(plan.styles);
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  const names: string[] = [];
  plan.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetPart(sheet, styles, values, strings, marks));
    for (const c of sheet.cells)
      if (c.key) names.push(`<definedName name="${esc(definedName(c.key))}">${esc(sheetReference(sheet.name, c.row, c.col))}</definedName>`);
  });
  plan.sheets.forEach((sheet, i) => {
    const last = sheet.cells.reduce((m, c) => Math.max(m, c.row + c.rowSpan), 1);
    const ref = `'${sheet.name.replace(/'/gu, "''")}'!$A$1:$${columnLetters(Math.max(sheet.columnWidths.length, 1) - 1)}$${last}`;
    names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(ref)}</definedName>`);
  });
  const sheets = plan.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 3}"/>`).join('');
  // A hidden first sheet cannot be the active one: the first visible sheet is.
  const active = Math.max(
    0,
    plan.sheets.findIndex((s) => !s.hidden),
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="${active}" firstSheet="${active}"/></bookViews>` +
      `<sheets>${sheets}</sheets>${names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
      plan.sheets.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  );
  files['xl/styles.xml'] = strToU8(styles.xml);
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  const stamp = PINNED_DATE.toISOString().replace(/\.\d+Z$/u, 'Z');
  files['docProps/core.xml'] = strToU8(
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${CREATOR}</dc:creator><cp:lastModifiedBy>${CREATOR}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  files['docProps/app.xml'] = strToU8(
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${CREATOR}</Application></Properties>`,
  );
  files['_rels/.rels'] = strToU8(
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  files['[Content_Types].xml'] = strToU8(
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      plan.sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  // The package's parts in the usual order (content types first), with a pinned time: same input, same bytes.
  const order = [
    '[Content_Types].xml',
    '_rels/.rels',
    'docProps/app.xml',
    'docProps/core.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    'xl/sharedStrings.xml',
  ];
  const ordered: Record<string, Uint8Array> = {};
  for (const name of [...order, ...Object.keys(files).filter((n) => !order.includes(n))]) ordered[name] = files[name]!;
  return zipSync(ordered, { level: 6, mtime: PINNED_DATE });
}
