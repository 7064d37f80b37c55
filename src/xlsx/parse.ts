/**
 * A small .xlsx reader for what the report needs: sheet names, cell values (cached results of
 * formulas, shared and inline strings, errors) and defined names. Pure JavaScript (fflate and
 * fast-xml-parser, no eval), so the same code reads workbooks in Node and in the task pane, under
 * a strict Content Security Policy. Bounded: only the parts it needs are inflated, with size caps.
 */
import { parseA1 } from '../core/layout/a1';
import { isZip, unzipParts } from '../files/zip';
import { XMLParser } from 'fast-xml-parser';
import { UserError } from '../errors';

export class WorkbookError extends UserError {}

export type SheetData = { name: string; grid: unknown[][] };
export type WorkbookData = { sheets: SheetData[]; names: { name: string; ref: string }[] };

/** Limits against hostile files. */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
const MAX_ROWS = 100000;
const MAX_COLS = 1000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ['sheet', 'definedName', 'row', 'c', 'si', 'r', 'Relationship'].includes(name),
});

type Xml = Record<string, unknown>;

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (typeof node === 'object' && '#text' in (node as Xml)) return String((node as Xml)['#text']);
  return '';
}

/** Text of a shared or inline string: plain `<t>` or rich runs `<r><t>`. */
function stringItem(si: Xml): string {
  if (si.t !== undefined) return text(si.t);
  if (Array.isArray(si.r)) return (si.r as Xml[]).map((r) => text(r.t)).join('');
  return '';
}

function cellValue(c: Xml, shared: string[]): unknown {
  const type = c.t as string | undefined;
  const v = c.v !== undefined ? text(c.v) : undefined;
  if (type === 'inlineStr') return stringItem((c.is as Xml) ?? {});
  if (v === undefined) return c.f !== undefined ? `=${text(c.f)}` : null;
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'str':
    case 'e':
      return v;
    case 'b':
      return v === '1';
    default: {
      const n = Number(v);
      return v.trim() !== '' && Number.isFinite(n) ? n : v;
    }
  }
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export function parseXlsx(bytes: Uint8Array): WorkbookData {
  if (bytes.length > MAX_XLSX_BYTES) throw new WorkbookError(`文件过大（上限 ${MAX_XLSX_BYTES / 1048576} MB）`);
  if (!isZip(bytes)) throw new WorkbookError('不是 Excel 工作簿（.xlsx）文件');
  const unzipped = unzipParts(
    bytes,
    (name) =>
      name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/u.test(name),
    MAX_PART_BYTES,
    MAX_TOTAL_BYTES,
  );
  if (!unzipped.ok) {
    throw new WorkbookError(unzipped.reason === 'too-big' ? '工作簿解压后过大（可能是压缩炸弹），已拒绝' : '工作簿已损坏或不是 .xlsx 格式，无法打开');
  }
  const files = unzipped.files;
  const decoder = new TextDecoder('utf-8');
  const xml = (path: string): Xml | undefined => {
    const f = files[path];
    if (!f) return undefined;
    try {
      return parser.parse(decoder.decode(f)) as Xml;
    } catch {
      throw new WorkbookError(`工作簿已损坏（${path} 无法解析）`);
    }
  };
  const workbook = xml('xl/workbook.xml')?.workbook as Xml | undefined;
  if (!workbook) throw new WorkbookError('工作簿已损坏或不是 .xlsx 格式，无法打开');
  const rels = ((xml('xl/_rels/workbook.xml.rels')?.Relationships as Xml | undefined)?.Relationship as Xml[] | undefined) ?? [];
  const target = new Map(rels.map((r) => [String(r.Id), resolvePath('xl/workbook.xml', String(r.Target))]));
  const shared = (((xml('xl/sharedStrings.xml')?.sst as Xml | undefined)?.si as Xml[] | undefined) ?? []).map(stringItem);

  const sheetList = ((workbook.sheets as Xml | undefined)?.sheet as Xml[] | undefined) ?? [];
  const sheets: SheetData[] = sheetList.map((s) => {
    const path = target.get(String(s['r:id'])) ?? '';
    const data = (xml(path)?.worksheet as Xml | undefined)?.sheetData as Xml | undefined;
    const grid: unknown[][] = [];
    for (const row of (data?.row as Xml[] | undefined) ?? []) {
      for (const c of (row.c as Xml[] | undefined) ?? []) {
        const at = parseA1(String(c.r ?? ''));
        if (!at || at.row >= MAX_ROWS || at.col >= MAX_COLS) continue;
        const value = cellValue(c, shared);
        if (value === null) continue;
        (grid[at.row] ??= [])[at.col] = value;
      }
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    return { name: String(s.name), grid };
  });
  const names = (((workbook.definedNames as Xml | undefined)?.definedName as Xml[] | undefined) ?? [])
    .filter((d) => d.localSheetId === undefined)
    .map((d) => ({ name: String(d.name), ref: text(d) }));
  return { sheets, names };
}
