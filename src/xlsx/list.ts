/**
 * A one-sheet workbook of rows (the 问题清单), written with fflate alone: the task pane cannot run
 * ExcelJS (its browser bundle needs eval), and a list needs no more than strings, a bold header,
 * column widths, a frozen header row and a filter. Same rows, same bytes (no timestamps).
 */
import { strToU8, zipSync } from 'fflate';
import { xmlEscape, xmlSafe } from '../files/xml';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text for a cell or an attribute: what XML cannot carry dropped, the rest escaped. */
const escapeXml = (s: string) => xmlEscape(xmlSafe(s));

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export type ListSheet = { name: string; title?: string; header: readonly string[]; rows: readonly (readonly string[])[]; widths: readonly number[] };

export function listWorkbook(sheet: ListSheet): Uint8Array {
  const lines: (readonly string[])[] = [...(sheet.title ? [[sheet.title]] : []), sheet.header, ...sheet.rows];
  const headerRow = sheet.title ? 2 : 1;
  const rowsXml = lines
    .map((cells, r) => {
      const style = r + 1 === headerRow ? 1 : r + 1 < headerRow ? 3 : 2;
      const cellsXml = cells
        .map((v, c) => `<c r="${column(c)}${r + 1}" t="inlineStr" s="${style}"><is><t xml:space="preserve">${escapeXml(v.slice(0, 32767))}</t></is></c>`)
        .join('');
      return `<row r="${r + 1}">${cellsXml}</row>`;
    })
    .join('');
  const last = `${column(sheet.header.length - 1)}${lines.length}`;
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const worksheet =
    `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData>${rowsXml}</sheetData>` +
    `<autoFilter ref="A${headerRow}:${last}"/>` +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`;
  const styles =
    `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<fonts count="3"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font><font><b/><sz val="14"/><name val="等线"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill></fills>` +
    `<borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders>` +
    `<cellStyleXfs count="1"><xf/></cellStyleXfs>` +
    `<cellXfs count="4"><xf/>` +
    `<xf fontId="1" fillId="2" borderId="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
    `<xf borderId="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
    `<xf fontId="2" applyFont="1"/></cellXfs></styleSheet>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<sheets><sheet name="${escapeXml(sheet.name.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${escapeXml(sheet.name.slice(0, 31))}'!$A$${headerRow}:$${column(sheet.header.length - 1)}$${lines.length}</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${escapeXml(sheet.name.slice(0, 31))}'!$${headerRow}:$${headerRow}</definedName></definedNames></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(worksheet),
    'xl/styles.xml': strToU8(styles),
  };
  // A fixed modification time: the same list gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
