/**
 * An in-memory Excel host double that behaves like Excel where it matters for the add-in:
 * - reading a property that was not loaded (or before sync) throws PropertyNotLoaded;
 * - writes and loads apply at `context.sync()`, in order; a failing command stops the batch with an
 *   Office-style error code (earlier commands of the batch stay applied, as in Excel);
 * - every sync is counted; methods on a null object fail; protected sheets refuse value writes to
 *   locked cells and format writes unless formatting is allowed;
 * - defined names follow their cells when rows are inserted or the sheet is renamed;
 * - a sheet has an id that survives a rename (Worksheet.id, ExcelApi 1.1), and `getItem` takes a name or an id;
 * - a copied sheet gets sheet-scoped copies of the workbook names that point at it, as Excel does
 *   when a sheet is copied within a workbook (Worksheet.copy, ExcelApi 1.7; Worksheet.names, 1.4);
 * - `unprotect()` on a sheet that is not protected fails, and `protection.protected` is loadable
 *   (WorksheetProtection, ExcelApi 1.2);
 * - `host.fillPatternNull`: RangeFill.pattern reads null for every cell and the colour of "no fill"
 *   is #FFFFFF, as reported in office-js issue #4900; `tintAndShade` (ExcelApi 1.9) is null for no
 *   fill and a number for any fill, as Microsoft answered there;
 * - one sync may not carry more than 5 MB of values either way (Excel on the web's payload limit,
 *   RequestPayloadSizeLimitExceeded), and values of a range over 5 million cells load as null;
 * - text typed with a leading `=`, `+` or `-` (not a number) becomes a formula; a leading apostrophe
 *   makes text and is not counted in the 32,767-character limit.
 * It implements only the part of the Excel API the add-in uses.
 */

/** Excel on the web's limit on a request's or a response's payload (office-js-docs-pr, resource limits). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Above this many cells, a range's values load as null (the limit the issue tracker reports). */
export const VALUES_CELL_LIMIT = 5_000_000;

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

type Fill = { color: string; pattern: 'None' | 'Solid' };
type Font = { name: string; size: number; bold: boolean; color: string };
export type CellState = {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  fill: Fill;
  font: Font;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  validation: unknown;
};

const defaultCell = (): CellState => ({
  value: '',
  formula: null,
  numberFormat: 'General',
  fill: { color: '#FFFFFF', pattern: 'None' },
  font: { name: 'Calibri', size: 11, bold: false, color: '#000000' },
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  locked: true,
  validation: null,
});

type Box = { r0: number; c0: number; r1: number; c1: number };

let nextSheetId = 1;

export class SheetState {
  cells = new Map<string, CellState>();
  merges: Box[] = [];
  borders: { box: Box; edge: string; style: string; color: string }[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  showGridlines = true;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protection: { protected: boolean; options: Record<string, unknown> } = { protected: false, options: {} };
  /** Names scoped to this sheet (Worksheet.names): a copied sheet's copies of the workbook names. */
  names = new Map<string, { r: number; c: number }>();
  /** Worksheet.id: stable across renames. */
  readonly id = `{${(nextSheetId++).toString(16).toUpperCase().padStart(8, '0')}-0000-4000-8000-000000000000}`;
  pageLayout: Record<string, unknown> = {};
  /** 0-based rows a printed page starts at (horizontal page breaks). */
  pageBreaks: number[] = [];
  /** Conditional formats of type Custom: the cells, the rule's formula and the look it switches on. */
  conditionalFormats: { box: Box; formula: string; fontColor: string | null; bold: boolean | null; fill: string | null }[] = [];
  constructor(public name: string) {}

  cell(r: number, c: number): CellState {
    const k = `${r},${c}`;
    let cell = this.cells.get(k);
    if (!cell) {
      cell = defaultCell();
      this.cells.set(k, cell);
    }
    return cell;
  }
  peek(r: number, c: number): CellState | undefined {
    return this.cells.get(`${r},${c}`);
  }
}

type NameState = { sheet: SheetState; r: number; c: number };

export class WorkbookState {
  sheets: SheetState[] = [];
  names = new Map<string, NameState>();
  settings = new Map<string, unknown>();
  active: SheetState | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Host quirks, as documented for some Excel hosts. */
  host: { fillPatternNull?: boolean } = {};

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  /** Worksheets.getItem takes a name or an id. */
  sheetByKey(key: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === key || s.id === key);
  }
  /** Renames a sheet as a user does: names, ids and cells stay with it. */
  renameSheet(from: string, to: string): void {
    if (this.sheet(to)) throw new OfficeError('ItemAlreadyExists', `sheet ${to}`);
    this.sheet(from)!.name = to;
  }
  /**
   * Copies a sheet as a user does (Move or Copy → Create a copy): the copy is `名称 (2)`, placed after
   * it, activated, and every workbook name pointing at the source gets a sheet-scoped twin on the copy.
   */
  copySheet(name: string): SheetState {
    const source = this.sheet(name)!;
    let n = 2;
    while (this.sheet(`${name} (${n})`)) n++;
    const copy = new SheetState(`${name} (${n})`);
    for (const [k, v] of source.cells) copy.cells.set(k, JSON.parse(JSON.stringify(v)) as CellState);
    copy.merges = source.merges.map((m) => ({ ...m }));
    copy.protection = { ...source.protection, options: { ...source.protection.options } };
    for (const [key, named] of this.names) if (named.sheet === source) copy.names.set(key, { r: named.r, c: named.c });
    this.sheets.splice(this.sheets.indexOf(source) + 1, 0, copy);
    this.active = copy;
    return copy;
  }
  addSheet(name: string): SheetState {
    if (this.sheet(name)) throw new OfficeError('ItemAlreadyExists', `sheet ${name}`);
    const s = new SheetState(name);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  // --- helpers for tests: what a user does between actions --------------------------------

  /** Types a value (or a formula with its computed value) into a cell. */
  type(sheet: string, address: string, value: string | number, formula: string | null = null): void {
    const { r, c } = parseA1(address);
    const cell = this.sheet(sheet)!.cell(r, c);
    cell.value = value;
    cell.formula = formula;
  }
  valueAt(sheet: string, address: string): string | number | boolean {
    const { r, c } = parseA1(address);
    return this.sheet(sheet)!.peek(r, c)?.value ?? '';
  }
  /** Inserts rows above a row: cells, merges and defined names move down, as in Excel. */
  insertRows(sheetName: string, at: number, count: number): void {
    const s = this.sheet(sheetName)!;
    const moved = new Map<string, CellState>();
    for (const [k, v] of s.cells) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      moved.set(`${r >= at ? r + count : r},${c}`, v);
    }
    s.cells = moved;
    s.merges = s.merges.map((m) => (m.r0 >= at ? { ...m, r0: m.r0 + count, r1: m.r1 + count } : m));
    for (const n of this.names.values()) if (n.sheet === s && n.r >= at) n.r += count;
    for (const n of s.names.values()) if (n.r >= at) n.r += count;
  }
  /** A snapshot of every value and formula, to prove an action changed none. */
  contentSnapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => [
        s.name,
        [...s.cells]
          .filter(([, v]) => v.value !== '' || v.formula)
          .map(([k, v]) => [k, v.value, v.formula])
          .sort(),
      ]),
    );
  }
  /** A snapshot of every cell's formatting. */
  formatSnapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => [s.name, [...s.cells].map(([k, v]) => [k, v.fill, v.font, v.numberFormat, v.locked, v.horizontalAlignment, v.wrapText]).sort()]),
    );
  }
}

// --- addresses ---------------------------------------------------------------------------------

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function colLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export function parseA1(address: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/iu.exec(address);
  if (!m) throw new OfficeError('InvalidArgument', `address ${address}`);
  return { r: Number(m[2]) - 1, c: colIndex(m[1]!) };
}
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
function parseArea(address: string): Box {
  const [a, b] = address.split(':');
  if (b === undefined) {
    const p = parseA1(a!);
    return { r0: p.r, c0: p.c, r1: p.r, c1: p.c };
  }
  if (/^[A-Z]+$/iu.test(a!) && /^[A-Z]+$/iu.test(b)) return { r0: 0, c0: colIndex(a!), r1: MAX_ROWS - 1, c1: colIndex(b) };
  if (/^\d+$/u.test(a!) && /^\d+$/u.test(b)) return { r0: Number(a) - 1, c0: 0, r1: Number(b) - 1, c1: MAX_COLS - 1 };
  const p = parseA1(a!);
  const q = parseA1(b);
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}
function quoteSheet(name: string): string {
  return /[^\p{L}\p{N}_.]/u.test(name) ? `'${name.replace(/'/gu, "''")}'` : name;
}
function boxAddress(box: Box): string {
  const tl = `${colLetters(box.c0)}${box.r0 + 1}`;
  return box.r0 === box.r1 && box.c0 === box.c1 ? tl : `${tl}:${colLetters(box.c1)}${box.r1 + 1}`;
}

// --- the request context -----------------------------------------------------------------------

type Command = () => void;

export class FakeContext {
  queue: Command[] = [];
  syncCount = 0;
  /** Commands sent per sync, to measure payload. */
  commandsPerSync: number[] = [];
  workbook: FakeWorkbook;
  constructor(public state: WorkbookState) {
    this.workbook = new FakeWorkbook(this);
  }
  /** Fault injection: the given sync (1-based) fails at the given command, as a lost connection would. */
  failAt: { sync: number; command: number } | undefined;
  /** Bytes of values queued for the next sync (the request) and loaded by the running one (the response). */
  requestBytes = 0;
  responseBytes = 0;

  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.queue;
    this.queue = [];
    this.commandsPerSync.push(batch.length);
    const request = this.requestBytes;
    this.requestBytes = 0;
    this.responseBytes = 0;
    // A request over the limit is refused whole, before anything is applied.
    if (request > PAYLOAD_LIMIT) throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    // An error stops the batch; the commands before it stay applied, as in Excel.
    batch.forEach((command, i) => {
      if (this.failAt && this.failAt.sync === this.syncCount && this.failAt.command === i) throw new OfficeError('GeneralException', 'injected failure');
      command();
    });
  }
}

/** Base of every proxy: loaded properties, null objects. */
class Proxy {
  protected loaded = new Set<string>();
  protected synced = false;
  protected resolvedNull: boolean | undefined;
  constructor(protected ctx: FakeContext) {}
  protected enqueue(command: Command): void {
    this.ctx.queue.push(command);
  }
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new OfficeError('PropertyNotLoaded', `${this.constructor.name}.${prop} was read before load and sync`);
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new OfficeError('PropertyNotLoaded', 'isNullObject was read before sync');
    return this.resolvedNull;
  }
}

export class FakeWorkbook {
  worksheets: FakeWorksheetCollection;
  names: FakeNamedItemCollection;
  settings: FakeSettingCollection;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }
}

export class FakeWorksheetCollection extends Proxy {
  private _items: FakeWorksheet[] = [];
  get items(): FakeWorksheet[] {
    this.need('items');
    return this._items;
  }
  load(_props?: string): this {
    this.enqueue(() => {
      this._items = this.ctx.state.sheets.map((s) => FakeWorksheet.of(this.ctx, () => s, { name: true }));
      this.loaded.add('items');
    });
    return this;
  }
  /** By name or by id, as Excel's WorksheetCollection.getItem. */
  getItem(key: string): FakeWorksheet {
    return FakeWorksheet.of(this.ctx, () => {
      const s = this.ctx.state.sheetByKey(key);
      if (!s) throw new OfficeError('ItemNotFound', `worksheet ${key}`);
      return s;
    });
  }
  getActiveWorksheet(): FakeWorksheet {
    return FakeWorksheet.of(this.ctx, () => {
      const s = this.ctx.state.active;
      if (!s) throw new OfficeError('ItemNotFound', 'no active worksheet');
      return s;
    });
  }
  /** As Excel: a proxy whose isNullObject is known at the next sync; methods on it fail when there is no such sheet. */
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = FakeWorksheet.of(this.ctx, () => {
      const s = this.ctx.state.sheetByKey(name);
      if (!s) throw new OfficeError('InvalidOperation', `method or property of a null object (worksheet ${name})`);
      return s;
    });
    ws.resolveNullAtSync(() => !this.ctx.state.sheetByKey(name));
    return ws;
  }
  add(name: string): FakeWorksheet {
    let created: SheetState | undefined;
    this.enqueue(() => {
      created = this.ctx.state.addSheet(name);
    });
    return FakeWorksheet.of(this.ctx, () => created ?? this.ctx.state.sheet(name)!);
  }
}

export class FakeWorksheet extends Proxy {
  private _name = '';
  private _id = '';
  protection: FakeProtection;
  /** Worksheet.names (ExcelApi 1.4): the names scoped to this sheet. */
  names: FakeNamedItemCollection;
  pageLayout: Record<string, unknown>;
  /** PageBreakCollection.add: “Adds a page break before the top-left cell of the range specified” (ExcelApi 1.9). */
  horizontalPageBreaks: { add: (range: string) => void };
  private constructor(
    ctx: FakeContext,
    readonly resolve: () => SheetState,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, resolve);
    this.names = new FakeNamedItemCollection(ctx, resolve);
    this.horizontalPageBreaks = {
      add: (range: string) => {
        const { r } = parseA1(range.split(':')[0]!);
        this.enqueue(() => {
          this.resolve().pageBreaks.push(r);
        });
      },
    };
    const page: Record<string, unknown> = {};
    this.pageLayout = new globalThis.Proxy(page, {
      set: (_t, prop, value) => {
        this.enqueue(() => {
          this.resolve().pageLayout[String(prop)] = value;
        });
        return true;
      },
    });
  }
  static of(ctx: FakeContext, resolve: () => SheetState, preload: { name?: boolean } = {}): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, resolve);
    if (preload.name) {
      ws._name = resolve().name;
      ws._id = resolve().id;
      ws.loaded.add('name');
      ws.loaded.add('id');
    }
    return ws;
  }
  resolveNullAtSync(isNull: () => boolean): void {
    this.enqueue(() => {
      this.resolvedNull = isNull();
    });
  }
  get name(): string {
    this.need('name');
    return this._name;
  }
  get id(): string {
    this.need('id');
    return this._id;
  }
  load(_props?: string): this {
    this.enqueue(() => {
      const s = this.resolve();
      this._name = s.name;
      this._id = s.id;
      this.loaded.add('name');
      this.loaded.add('id');
    });
    return this;
  }
  set showGridlines(v: boolean) {
    this.enqueue(() => {
      this.resolve().showGridlines = v;
    });
  }
  /** Worksheet.visibility (ExcelApi 1.1); a workbook keeps at least one visible sheet, as in Excel. */
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.enqueue(() => {
      const s = this.resolve();
      if (v !== 'Visible' && this.ctx.state.sheets.every((x) => x === s || x.visibility !== 'Visible'))
        throw new OfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
      s.visibility = v;
      if (this.ctx.state.active === s) this.ctx.state.active = this.ctx.state.sheets.find((x) => x.visibility === 'Visible');
    });
  }
  /**
   * Worksheet.delete (ExcelApi 1.1): the last visible sheet cannot go, nor a very hidden one ("first
   * change its visibility": office-js-docs-pr, docs/excel/excel-add-ins-worksheets.md). Names on it then refer to #REF!.
   */
  delete(): void {
    this.enqueue(() => {
      const s = this.resolve();
      if (s.visibility === 'VeryHidden') throw new OfficeError('InvalidOperation', 'a very hidden sheet cannot be deleted');
      if (s.visibility === 'Visible' && this.ctx.state.sheets.every((x) => x === s || x.visibility !== 'Visible'))
        throw new OfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
      this.ctx.state.sheets = this.ctx.state.sheets.filter((x) => x !== s);
      if (this.ctx.state.active === s) this.ctx.state.active = this.ctx.state.sheets.find((x) => x.visibility === 'Visible');
    });
  }
  activate(): void {
    this.enqueue(() => {
      this.ctx.state.active = this.resolve();
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), box: parseArea(address) }));
  }
  /** Worksheet.getRangeByIndexes (ExcelApi 1.7): zero-based start, sizes in rows and columns. */
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.resolve(), box: { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 } }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const range = new FakeRange(this.ctx, () => {
      const s = this.resolve();
      let box: Box | undefined;
      for (const [k, v] of s.cells) {
        if (valuesOnly && v.value === '' && !v.formula) continue;
        const [r, c] = k.split(',').map(Number) as [number, number];
        box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
      }
      if (!box) return null;
      return { sheet: s, box };
    });
    range.nullable = true;
    return range;
  }
}

class FakeProtection extends Proxy {
  constructor(
    ctx: FakeContext,
    private resolve: () => SheetState,
  ) {
    super(ctx);
  }
  private _protected: boolean | undefined;
  get protected(): boolean {
    this.need('protected');
    return this._protected!;
  }
  load(_props?: string): this {
    this.enqueue(() => {
      this._protected = this.resolve().protection.protected;
      this.loaded.add('protected');
    });
    return this;
  }
  protect(options: Record<string, unknown> = {}): void {
    this.enqueue(() => {
      const s = this.resolve();
      if (s.protection.protected) throw new OfficeError('InvalidOperation', 'sheet is already protected');
      s.protection = { protected: true, options };
    });
  }
  /** Fails on a sheet that is not protected (the error a host gives; callers check `protected` first). */
  unprotect(): void {
    this.enqueue(() => {
      const s = this.resolve();
      if (!s.protection.protected) throw new OfficeError('InvalidOperation', 'the sheet is not protected');
      s.protection = { protected: false, options: {} };
    });
  }
}

type Target = { sheet: SheetState; box: Box } | null;

export class FakeRange extends Proxy {
  nullable = false;
  private data: { address?: string; values?: unknown[][]; rowIndex?: number; columnIndex?: number; rowCount?: number; columnCount?: number } = {};
  format: FakeRangeFormat;
  dataValidation: FakeDataValidation;
  conditionalFormats: FakeConditionalFormats;
  constructor(
    ctx: FakeContext,
    readonly resolveTarget: () => Target,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
    this.conditionalFormats = new FakeConditionalFormats(ctx, this);
  }
  /** The target, failing on a null object (methods on null objects are not allowed). */
  target(): { sheet: SheetState; box: Box } {
    const t = this.resolveTarget();
    if (!t) throw new OfficeError('InvalidOperation', 'method or property set on a null object');
    return t;
  }
  eachCell(fn: (cell: CellState, r: number, c: number) => void): void {
    const { sheet, box } = this.target();
    if ((box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1) > 100000) throw new OfficeError('InvalidArgument', 'range too large for the double');
    for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) fn(sheet.cell(r, c), r, c);
  }
  checkFormatAllowed(): void {
    const { sheet } = this.target();
    if (sheet.protection.protected && !sheet.protection.options.allowFormatCells)
      throw new OfficeError('AccessDenied', 'formatting is not allowed on this protected sheet');
  }
  load(props: string): this {
    const wanted = props.split(',').map((p) => p.trim());
    this.enqueue(() => {
      const t = this.resolveTarget();
      this.resolvedNull = t === null;
      if (!t) {
        if (!this.nullable) throw new OfficeError('ItemNotFound', 'range');
        return;
      }
      for (const p of wanted) {
        if (p === 'address') this.data.address = `${quoteSheet(t.sheet.name)}!${boxAddress(t.box)}`;
        else if (p === 'values') {
          const cells = (t.box.r1 - t.box.r0 + 1) * (t.box.c1 - t.box.c0 + 1);
          if (cells > VALUES_CELL_LIMIT) {
            this.data.values = null as unknown as unknown[][];
          } else {
            const rows: unknown[][] = [];
            for (let r = t.box.r0; r <= t.box.r1; r++) {
              const row: unknown[] = [];
              for (let c = t.box.c0; c <= t.box.c1; c++) row.push(t.sheet.peek(r, c)?.value ?? '');
              rows.push(row);
            }
            this.data.values = rows;
            this.ctx.responseBytes += JSON.stringify(rows).length;
            if (this.ctx.responseBytes > PAYLOAD_LIMIT) throw new OfficeError('RequestPayloadSizeLimitExceeded', `response over ${PAYLOAD_LIMIT} bytes`);
          }
        } else if (p === 'rowIndex') this.data.rowIndex = t.box.r0;
        else if (p === 'rowCount') this.data.rowCount = t.box.r1 - t.box.r0 + 1;
        else if (p === 'columnCount') this.data.columnCount = t.box.c1 - t.box.c0 + 1;
        else if (p === 'columnIndex') this.data.columnIndex = t.box.c0;
        else if (p === 'format/fill/color' || p === 'format/fill/pattern' || p === 'format/fill/tintAndShade') {
          this.format.fill.take(p.slice('format/fill/'.length), t.sheet.peek(t.box.r0, t.box.c0)?.fill ?? defaultCell().fill);
          continue;
        } else throw new Error(`the double does not load Range.${p}`);
        this.loaded.add(p);
      }
    });
    return this;
  }
  get address(): string {
    this.need('address');
    return this.data.address!;
  }
  get values(): unknown[][] {
    this.need('values');
    return this.data.values!;
  }
  set values(v: unknown[][]) {
    this.ctx.requestBytes += JSON.stringify(v).length;
    this.enqueue(() => {
      const { sheet, box } = this.target();
      v.forEach((row, i) =>
        row.forEach((value, j) => {
          if (value === null) return;
          const cell = sheet.cell(box.r0 + i, box.c0 + j);
          if (sheet.protection.protected && cell.locked) throw new OfficeError('AccessDenied', 'cell is locked on a protected sheet');
          // The text prefix is not part of the text, so not of its length either.
          const text = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
          if (typeof text === 'string' && text.length > 32767) throw new OfficeError('InvalidArgument', 'text longer than 32767 characters');
          // As typed: a leading apostrophe makes text; a leading =, or + or - before what is not a number, makes a formula (not evaluated here).
          if (typeof value === 'string' && value.startsWith("'")) {
            cell.value = value.slice(1);
            cell.formula = null;
          } else if (typeof value === 'string' && (value.startsWith('=') || (/^[+-]/u.test(value) && !Number.isFinite(Number(value))))) {
            cell.formula = value;
            cell.value = '#NAME?';
          } else {
            cell.value = value as string | number | boolean;
            cell.formula = null;
          }
        }),
      );
    });
  }
  get rowIndex(): number {
    this.need('rowIndex');
    return this.data.rowIndex!;
  }
  get columnIndex(): number {
    this.need('columnIndex');
    return this.data.columnIndex!;
  }
  get rowCount(): number {
    this.need('rowCount');
    return this.data.rowCount!;
  }
  get columnCount(): number {
    this.need('columnCount');
    return this.data.columnCount!;
  }
  /** Range.formulas: each a formula (`=…`, not evaluated here: the cell shows #NAME? as an unknown name would) or a constant. */
  set formulas(v: unknown[][]) {
    this.ctx.requestBytes += JSON.stringify(v).length;
    this.enqueue(() => {
      const { sheet, box } = this.target();
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          const cell = sheet.cell(box.r0 + i, box.c0 + j);
          if (sheet.protection.protected && cell.locked) throw new OfficeError('AccessDenied', 'cell is locked on a protected sheet');
          if (typeof f === 'string' && f.startsWith('=')) {
            cell.formula = f;
            cell.value = '#NAME?';
          } else {
            cell.value = f as string | number;
            cell.formula = null;
          }
        }),
      );
    });
  }
  set numberFormat(v: unknown[][]) {
    this.enqueue(() => {
      const { sheet, box } = this.target();
      v.forEach((row, i) => row.forEach((f, j) => (sheet.cell(box.r0 + i, box.c0 + j).numberFormat = String(f))));
    });
  }
  merge(_across = false): void {
    this.enqueue(() => {
      const { sheet, box } = this.target();
      if (sheet.merges.some((m) => m.r0 <= box.r1 && box.r0 <= m.r1 && m.c0 <= box.c1 && box.c0 <= m.c1))
        throw new OfficeError('InvalidOperation', 'overlapping merge');
      sheet.merges.push(box);
    });
  }
  select(): void {
    this.enqueue(() => {
      const { sheet, box } = this.target();
      this.ctx.state.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }
}

/** Range.conditionalFormats (ExcelApi 1.6): only `add('Custom')`, whose rule and look are read at sync. */
class FakeConditionalFormats {
  constructor(
    private ctx: FakeContext,
    private range: FakeRange,
  ) {}
  add(type: string) {
    if (type !== 'Custom') throw new Error(`the double adds only Custom conditional formats, not ${type}`);
    const added = {
      custom: {
        rule: { formula: '' },
        format: { font: { color: null as string | null, bold: null as boolean | null }, fill: { color: null as string | null } },
      },
    };
    this.ctx.queue.push(() => {
      this.range.checkFormatAllowed();
      const { sheet, box } = this.range.target();
      if (!added.custom.rule.formula.startsWith('=')) throw new OfficeError('InvalidArgument', 'a conditional format formula starts with =');
      const { font, fill } = added.custom.format;
      sheet.conditionalFormats.push({ box, formula: added.custom.rule.formula, fontColor: font.color, bold: font.bold, fill: fill.color });
    });
    return added;
  }
}

class FakeRangeFormat {
  fill: FakeFill;
  font: FakeFont;
  protection: { locked: boolean };
  borders: { getItem(edge: string): { style: string; color: string } };
  constructor(
    private ctx: FakeContext,
    private range: FakeRange,
  ) {
    this.fill = new FakeFill(ctx, range);
    this.font = new FakeFont(ctx, range);
    this.protection = {
      set locked(v: boolean) {
        ctx.queue.push(() => range.eachCell((c) => (c.locked = v)));
      },
      get locked(): boolean {
        throw new OfficeError('PropertyNotLoaded', 'protection.locked');
      },
    };
    this.borders = {
      getItem: (edge: string) => {
        const border = { style: '', color: '' };
        return {
          set style(v: string) {
            border.style = v;
            ctx.queue.push(() => {
              const { sheet, box } = range.target();
              range.checkFormatAllowed();
              sheet.borders.push({ box, edge, style: v, color: border.color });
            });
          },
          set color(v: string) {
            border.color = v;
            ctx.queue.push(() => {
              const { sheet, box } = range.target();
              const b = [...sheet.borders].reverse().find((x) => x.edge === edge && x.box.r0 === box.r0 && x.box.c0 === box.c0);
              if (b) b.color = v;
            });
          },
          get style(): string {
            throw new OfficeError('PropertyNotLoaded', 'border.style');
          },
          get color(): string {
            throw new OfficeError('PropertyNotLoaded', 'border.color');
          },
        };
      },
    };
  }
  private setEach(fn: (c: CellState) => void): void {
    this.ctx.queue.push(() => {
      this.range.checkFormatAllowed();
      this.range.eachCell(fn);
    });
  }
  set horizontalAlignment(v: string) {
    this.setEach((c) => (c.horizontalAlignment = v));
  }
  set verticalAlignment(v: string) {
    this.setEach((c) => (c.verticalAlignment = v));
  }
  set wrapText(v: boolean) {
    this.setEach((c) => (c.wrapText = v));
  }
  set columnWidth(v: number) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.target();
      for (let c = box.c0; c <= Math.min(box.c1, box.c0 + 100); c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.ctx.queue.push(() => {
      const { sheet, box } = this.range.target();
      for (let r = box.r0; r <= Math.min(box.r1, box.r0 + 100); r++) sheet.rowHeights.set(r, v);
    });
  }
}

class FakeFill extends Proxy {
  private data: { color?: string; pattern?: string | null; tintAndShade?: number | null } = {};
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
  }
  load(props: string): this {
    const wanted = props.split(',').map((p) => p.trim());
    this.enqueue(() => {
      const { sheet, box } = this.range.target();
      const cell = sheet.peek(box.r0, box.c0) ?? defaultCell();
      for (const p of wanted) {
        if (p === 'color' || p === 'pattern' || p === 'tintAndShade') this.take(p, cell.fill);
        else throw new Error(`the double does not load RangeFill.${p}`);
      }
    });
    return this;
  }
  /** Loaded through the range's navigation path (`format/fill/color`). */
  take(prop: string, fill: Fill): void {
    const quirk = this.ctx.state.host.fillPatternNull === true;
    if (prop === 'color') this.data.color = fill.color;
    else if (prop === 'pattern') this.data.pattern = quirk ? null : fill.pattern;
    else if (prop === 'tintAndShade') this.data.tintAndShade = fill.pattern === 'None' ? null : 0;
    else throw new Error(`the double does not load RangeFill.${prop}`);
    this.loaded.add(prop);
  }
  get tintAndShade(): number | null {
    this.need('tintAndShade');
    return this.data.tintAndShade ?? null;
  }
  get color(): string {
    this.need('color');
    return this.data.color!;
  }
  set color(v: string) {
    this.enqueue(() => {
      this.range.checkFormatAllowed();
      this.range.eachCell((c) => (c.fill = { color: v.toUpperCase(), pattern: 'Solid' }));
    });
  }
  get pattern(): string | null {
    this.need('pattern');
    return this.data.pattern ?? null;
  }
  clear(): void {
    this.enqueue(() => {
      this.range.checkFormatAllowed();
      this.range.eachCell((c) => (c.fill = { color: '#FFFFFF', pattern: 'None' }));
    });
  }
}

class FakeFont {
  constructor(
    private ctx: FakeContext,
    private range: FakeRange,
  ) {}
  private setEach(fn: (f: Font) => void): void {
    this.ctx.queue.push(() => {
      this.range.checkFormatAllowed();
      this.range.eachCell((c) => fn(c.font));
    });
  }
  set name(v: string) {
    this.setEach((f) => (f.name = v));
  }
  set size(v: number) {
    this.setEach((f) => (f.size = v));
  }
  set bold(v: boolean) {
    this.setEach((f) => (f.bold = v));
  }
  set color(v: string) {
    this.setEach((f) => (f.color = v));
  }
}

class FakeDataValidation {
  constructor(
    private ctx: FakeContext,
    private range: FakeRange,
  ) {}
  private merge(part: string, value: unknown): void {
    this.ctx.queue.push(() =>
      this.range.eachCell((c) => {
        c.validation = { ...((c.validation as object | null) ?? {}), [part]: value };
      }),
    );
  }
  set rule(v: unknown) {
    this.merge('rule', v);
  }
  set errorAlert(v: unknown) {
    this.merge('errorAlert', v);
  }
  set prompt(v: unknown) {
    this.merge('prompt', v);
  }
}

/** The workbook's names, or a sheet's (`scope`): a sheet-scoped name lives on its sheet. */
export class FakeNamedItemCollection extends Proxy {
  private _items: FakeNamedItem[] = [];
  constructor(
    ctx: FakeContext,
    private readonly scope?: () => SheetState,
  ) {
    super(ctx);
  }
  get items(): FakeNamedItem[] {
    this.need('items');
    return this._items;
  }
  load(_props?: string): this {
    this.enqueue(() => {
      const keys = this.scope ? [...this.scope().names.keys()] : [...this.ctx.state.names.keys()];
      this._items = keys.map((n) => FakeNamedItem.loadedFrom(this.ctx, n, this.scope));
      this.loaded.add('items');
    });
    return this;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name, this.scope);
  }
  add(name: string, reference: FakeRange): void {
    this.enqueue(() => {
      const { sheet, box } = reference.target();
      if (this.scope) {
        const own = this.scope();
        if (own.names.has(name)) throw new OfficeError('ItemAlreadyExists', `name ${name}`);
        if (sheet !== own) throw new OfficeError('InvalidArgument', 'the double keeps sheet-scoped names on their own sheet');
        own.names.set(name, { r: box.r0, c: box.c0 });
        return;
      }
      if (this.ctx.state.names.has(name)) throw new OfficeError('ItemAlreadyExists', `name ${name}`);
      this.ctx.state.names.set(name, { sheet, r: box.r0, c: box.c0 });
    });
  }
}

export class FakeNamedItem extends Proxy {
  private data: { name?: string; type?: string; value?: string } = {};
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    private readonly scope?: () => SheetState,
  ) {
    super(ctx);
  }
  static loadedFrom(ctx: FakeContext, name: string, scope?: () => SheetState): FakeNamedItem {
    const item = new FakeNamedItem(ctx, name, scope);
    const n = item.lookup()!;
    const alive = ctx.state.sheets.includes(n.sheet);
    item.data = { name, type: alive ? 'Range' : 'Error', value: alive ? `${quoteSheet(n.sheet.name)}!$${colLetters(n.c)}$${n.r + 1}` : '#REF!' };
    for (const p of ['name', 'type', 'value']) item.loaded.add(p);
    return item;
  }
  get name(): string {
    this.need('name');
    return this.data.name!;
  }
  get type(): string {
    this.need('type');
    return this.data.type!;
  }
  get value(): string {
    this.need('value');
    return this.data.value!;
  }
  private lookup(): NameState | undefined {
    if (!this.scope) return this.ctx.state.names.get(this.key);
    const sheet = this.scope();
    const own = sheet.names.get(this.key);
    return own ? { sheet, ...own } : undefined;
  }
  private resolve(): NameState {
    const n = this.lookup();
    if (!n) throw new OfficeError('ItemNotFound', `name ${this.key}`);
    if (!this.ctx.state.sheets.includes(n.sheet)) throw new OfficeError('InvalidReference', `name ${this.key} refers to a deleted sheet`);
    return n;
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const n = this.resolve();
      return { sheet: n.sheet, box: { r0: n.r, c0: n.c, r1: n.r, c1: n.c } };
    });
  }
  delete(): void {
    this.enqueue(() => {
      const gone = this.scope ? this.scope().names.delete(this.key) : this.ctx.state.names.delete(this.key);
      if (!gone) throw new OfficeError('ItemNotFound', `name ${this.key}`);
    });
  }
}

export class FakeSettingCollection {
  constructor(private ctx: FakeContext) {}
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, false);
  }
  add(key: string, value: unknown): void {
    this.ctx.queue.push(() => {
      this.ctx.state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
  }
}

export class FakeSetting extends Proxy {
  private _value: unknown;
  constructor(
    ctx: FakeContext,
    private key: string,
    private nullable: boolean,
  ) {
    super(ctx);
    // isNullObject resolves at the next sync, as for any *OrNullObject proxy.
    ctx.queue.push(() => {
      this.resolvedNull = !ctx.state.settings.has(key);
    });
  }
  load(_props?: string): this {
    this.enqueue(() => {
      const has = this.ctx.state.settings.has(this.key);
      if (!has && !this.nullable) throw new OfficeError('ItemNotFound', `setting ${this.key}`);
      this._value = this.ctx.state.settings.get(this.key);
      this.loaded.add('value');
    });
    return this;
  }
  get value(): unknown {
    this.need('value');
    if (this.resolvedNull) throw new OfficeError('InvalidOperation', 'value of a null object');
    return this._value;
  }
  delete(): void {
    this.enqueue(() => {
      if (!this.ctx.state.settings.delete(this.key) && !this.nullable) throw new OfficeError('ItemNotFound', `setting ${this.key}`);
    });
  }
}

/** A context for the adapter under test, typed as Excel's. */
export function excelContext(state: WorkbookState): { context: Excel.RequestContext; fake: FakeContext } {
  const fake = new FakeContext(state);
  return { context: fake as unknown as Excel.RequestContext, fake };
}

/**
 * Office.context.requirements as documented: isSetSupported(name, version) is true when the host
 * supports that set at that version or later; versions compare as numbers per part ("1.10" > "1.9"),
 * and a missing version means "1.1".
 */
export function requirementsOf(sets: Record<string, string>): { isSetSupported(name: string, version?: string): boolean } {
  const parts = (v: string) => v.split('.').map(Number);
  const atLeast = (have: string, want: string) => {
    const [h, w] = [parts(have), parts(want)];
    for (let i = 0; i < Math.max(h.length, w.length); i++) {
      const d = (h[i] ?? 0) - (w[i] ?? 0);
      if (d !== 0) return d > 0;
    }
    return true;
  };
  return { isSetSupported: (name, version = '1.1') => sets[name] !== undefined && atLeast(sets[name]!, version) };
}
