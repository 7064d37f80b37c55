/**
 * A small .xlsx reader for what the report needs: sheet names, cell values (cached results of
 * formulas, shared and inline strings, errors) and defined names. Pure JavaScript (fflate and a
 * forward XML scanner, no eval), so the same code reads workbooks in Node and in the task pane, under
 * a strict Content Security Policy. Bounded while reading: only the parts it needs are inflated,
 * with size caps; each sheet part is read once however many entries name it; rows, columns, cells,
 * shared strings and sheets are counted as they are met.
 */
import { columnIndex } from '../core/layout/a1';
import { compoundFileKind, isZip, unzipParts } from '../files/zip';
import { Token, XmlCursor, XmlScanError } from '../files/xml-scan';
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
/** Cells with a value in the whole workbook; a report needs about 300. */
export const MAX_CELLS = 2_000_000;
export const MAX_SHEETS = 1000;
const MAX_SHARED_STRINGS = 2_000_000;
const MAX_NAMES = 100_000;

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Walks the content of the element the cursor has just opened, up to its end: each child element start, each text run. */
function within(x: XmlCursor, onOpen: () => void, onText?: () => void): void {
  if (x.selfClosing) {
    x.next();
    return;
  }
  const depth = x.depth;
  for (;;) {
    const t = x.next();
    if (t === Token.End || (t === Token.Close && x.depth === depth)) return;
    if (t === Token.Open) onOpen();
    else if (t === Token.Text) onText?.();
  }
}

/** The text of the element just opened (its text runs, any depth). */
function elementText(x: XmlCursor): string {
  let out = '';
  within(
    x,
    () => undefined,
    () => (out += x.text()),
  );
  return out;
}

/** A shared or inline string (`<si>`/`<is>` just opened): plain `<t>` or rich runs `<r><t>`; phonetic runs (`rPh`) left out. */
function stringItem(x: XmlCursor): string {
  let out = '';
  within(x, () => {
    if (x.local === 't') out += elementText(x);
    else if (x.local === 'rPh') x.skipElement();
  });
  return out;
}

function readSharedStrings(xml: string): string[] {
  const x = new XmlCursor(xml);
  const out: string[] = [];
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t === Token.Open && x.local === 'si') {
      if (out.length >= MAX_SHARED_STRINGS) throw new WorkbookError('工作簿中的文字条目过多，无法读取');
      out.push(stringItem(x));
    }
  }
  return out;
}

function typedValue(type: string | undefined, v: string, shared: readonly string[]): unknown {
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'str':
    case 'e':
    case 'inlineStr':
      return v;
    case 'b':
      return v === '1';
    default: {
      const n = Number(v);
      return v.trim() !== '' && Number.isFinite(n) ? n : v;
    }
  }
}

/** Position of an `r="D5"` reference, or undefined when absent or not a cell reference. */
function cellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 122) i++;
  if (i === 0 || i > 3 || i === ref.length) return undefined;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return undefined;
  return { row: row - 1, col: columnIndex(ref.slice(0, i)) };
}

type Budget = { cells: number };

/**
 * A worksheet's cells into a grid. Rows and cells without an `r` attribute (allowed by the standard)
 * follow the one before; cells outside the grid's bounds are left out.
 */
function readSheet(xml: string, shared: readonly string[], budget: Budget): unknown[][] {
  const x = new XmlCursor(xml);
  const grid: unknown[][] = [];
  let row = -1;
  let col = -1;
  let inData = false;
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t === Token.Close) {
      if (x.local === 'sheetData') inData = false;
      continue;
    }
    if (t !== Token.Open) continue;
    const name = x.local;
    if (!inData) {
      if (name === 'sheetData') inData = true;
      else if (x.depth === 2 && name !== 'sheetData') x.skipElement();
      continue;
    }
    if (name === 'row') {
      const r = Number(x.attr('r'));
      row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
      col = -1;
      continue;
    }
    if (name !== 'c') continue;
    const at = cellRef(x.attr('r') ?? '');
    if (at) {
      row = at.row;
      col = at.col;
    } else {
      if (row < 0) row = 0;
      col++;
    }
    if (x.selfClosing) {
      // A cell with no content (a styled blank): only its position counts.
      x.next();
      continue;
    }
    const type = x.attr('t');
    let v: string | undefined;
    let f: string | undefined;
    let inline: string | undefined;
    within(x, () => {
      if (x.local === 'v') v = elementText(x);
      else if (x.local === 'f') f = elementText(x);
      else if (x.local === 'is') inline = stringItem(x);
      else x.skipElement();
    });
    let value: unknown;
    if (type === 'inlineStr') value = inline ?? (v !== undefined ? v : null);
    else if (v === undefined) value = f !== undefined ? `=${f}` : null;
    else value = typedValue(type, v, shared);
    if (value === null || row >= MAX_ROWS || col >= MAX_COLS) continue;
    if (++budget.cells > MAX_CELLS) throw new WorkbookError(`工作簿中的单元格过多（超过 ${MAX_CELLS / 10000} 万个），无法读取`);
    (grid[row] ??= [])[col] = value;
  }
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

type WorkbookPart = { sheets: { name: string; rid: string }[]; names: { name: string; ref: string; local: boolean }[] };

function readWorkbookPart(xml: string): WorkbookPart {
  const x = new XmlCursor(xml);
  const out: WorkbookPart = { sheets: [], names: [] };
  let root = false;
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t !== Token.Open) continue;
    if (x.depth === 1) {
      root = x.local === 'workbook';
      continue;
    }
    if (x.local === 'sheet') {
      if (out.sheets.length >= MAX_SHEETS) throw new WorkbookError(`工作簿中的工作表过多（超过 ${MAX_SHEETS} 张），无法读取`);
      out.sheets.push({ name: x.attr('name') ?? '', rid: x.attrLocal('id') ?? '' });
    } else if (x.local === 'definedName') {
      if (out.names.length >= MAX_NAMES) throw new WorkbookError('工作簿中的名称过多，无法读取');
      const name = x.attr('name') ?? '';
      const local = x.attr('localSheetId') !== undefined;
      out.names.push({ name, local, ref: elementText(x) });
    }
  }
  if (!root) throw new WorkbookError('工作簿已损坏或不是 .xlsx 格式，无法打开');
  return out;
}

function readRelationships(xml: string): Map<string, string> {
  const x = new XmlCursor(xml);
  const out = new Map<string, string>();
  for (let t = x.next(); t !== Token.End; t = x.next()) {
    if (t === Token.Open && x.local === 'Relationship') {
      const id = x.attr('Id');
      const target = x.attr('Target');
      if (id !== undefined && target !== undefined) out.set(id, resolvePath('xl/workbook.xml', target));
    }
  }
  return out;
}

export type ParseOptions = {
  /** Sheets whose cells are not read (listed with an empty grid): sheets a reader ignores, such as the formula sheet 核对. */
  skipSheets?: ReadonlySet<string>;
};

export function parseXlsx(bytes: Uint8Array, options: ParseOptions = {}): WorkbookData {
  if (bytes.length > MAX_XLSX_BYTES) throw new WorkbookError(`文件过大（上限 ${MAX_XLSX_BYTES / 1048576} MB）`);
  const compound = compoundFileKind(bytes);
  if (compound === 'encrypted') throw new WorkbookError('工作簿已加密（设置了打开密码），无法读取：请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 再试');
  if (compound === 'legacy') throw new WorkbookError('这是旧版 Excel 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再试');
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
  const read = <T>(path: string, reader: (xml: string) => T): T | undefined => {
    const f = files[path];
    if (!f) return undefined;
    try {
      return reader(decoder.decode(f));
    } catch (e) {
      if (e instanceof XmlScanError) throw new WorkbookError(`工作簿已损坏（${path} 无法解析：${e.message}）`);
      throw e;
    }
  };
  const workbook = read('xl/workbook.xml', readWorkbookPart);
  if (!workbook) throw new WorkbookError('工作簿已损坏或不是 .xlsx 格式，无法打开');
  const target = read('xl/_rels/workbook.xml.rels', readRelationships) ?? new Map<string, string>();
  const shared = read('xl/sharedStrings.xml', readSharedStrings) ?? [];

  const budget: Budget = { cells: 0 };
  const seen = new Set<string>();
  const sheets: SheetData[] = [];
  for (const s of workbook.sheets) {
    const path = target.get(s.rid) ?? '';
    // Two entries naming one part happen only in broken or hostile files: the part is read once, for the first.
    if (files[path] && seen.has(path)) continue;
    seen.add(path);
    const grid = options.skipSheets?.has(s.name) ? [] : (read(path, (xml) => readSheet(xml, shared, budget)) ?? []);
    sheets.push({ name: s.name, grid });
  }
  const names = workbook.names.filter((d) => !d.local).map((d) => ({ name: d.name, ref: d.ref }));
  return { sheets, names };
}
