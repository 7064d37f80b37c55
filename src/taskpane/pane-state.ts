/**
 * The task pane's state and the actions that only change it (cancel, filter, the options, a cell
 * edited): what the pane needs to draw itself and answer at once. The actions that read or write the
 * workbook are the controller's (controller.ts), loaded when first used, so the pane's first load
 * carries no rules, layouts or Excel code.
 */
import type { Finding, Report, ReportSource, Summary } from '../core';
import type { CellRef } from '../excel/marks';
import { templatePresent } from '../excel/probe';
import { paneSetters } from './action';
import { fillsWithZero, type Filter } from './filter';
import type { PickedFile } from './pick';
import { overlaps } from './ranges';
import { createStore, type Failure, type Notice, type Store } from './store';

export type RunExcel = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type { Failure, Notice };
export type CheckView = {
  findings: Finding[];
  summary: Summary;
  addresses: Record<string, CellRef>;
  /** The report as checked: reviews record its values, and it holds the reviews stored so far. */
  report: Report;
  /** The sheet whose tables were checked. */
  sheet?: string;
};

/** What the pane found in the workbook when it opened: whether the report's template is there (for the first step). */
export type WorkbookState = 'template' | 'empty' | null;

export type PaneState = {
  busy: string | null;
  failure: Failure | null;
  notice: Notice | null;
  result: CheckView | null;
  /** Set when the report has errors and the user must confirm before the Word report is generated. */
  confirmWord: { errors: number } | null;
  /** Show blank cells as 0 in the Word report. */
  blankAsZero: boolean;
  /** 生成模板 adds the register (申请台账, 复议诉讼) and computes tables 三 and 四 from it. */
  withRegister: boolean;
  /** Last year's report, when the user picked one: checks then include the cross-year rules. */
  previous: { name: string; year: number | null; source: ReportSource } | null;
  /** The local rules the workbook carries, as lines for people, when the last read found them. */
  localRules: string[] | null;
  /** Set while the user must confirm removing the workbook's local rules. */
  confirmRemoveRules: boolean;
  filter: Filter;
  /** 空白填0 waiting for confirmation: the blank cells it would fill. */
  confirmFill: { cells: CellRef[] } | null;
  /** The cells the last 空白填0 wrote, for 撤销. */
  undoFill: { cells: CellRef[] } | null;
  /** Set while the user must confirm 重置已核实. */
  confirmResetReviews: boolean;
  /** A checked cell was edited after the check (where the host reports changes). */
  stale: boolean;
  workbook: WorkbookState;
  /** The last 汇总多个报告…: where it was written and what it found, per unit. */
  collected: CollectView | null;
};

export type CollectView = {
  sheets: string[];
  year: number | null;
  units: { name: string; status: string; statusText: string; errors: number; warnings: number }[];
  findings: { severity: 'error' | 'warning'; message: string }[];
};

export type Controller = {
  getState(): PaneState;
  subscribe(listener: () => void): () => void;
  /** 生成模板, optionally prefilled from a report file (JSON, workbook, or a published report). */
  generateTemplate(file?: PickedFile): Promise<void>;
  /** 对比上年: last year's report (any report file); null forgets it. */
  setPrevious(file: PickedFile | null): Promise<void>;
  check(): Promise<void>;
  clearMarks(): Promise<void>;
  select(finding: Finding): Promise<void>;
  /** 生成Word报告: reads the workbook (never writes to it), asks to confirm when there are errors, delivers the .docx. */
  generateWord(confirmed?: boolean): Promise<void>;
  cancelWord(): void;
  /** 载入本地规则…: a rules JSON (or a workbook carrying rules) is stored in the workbook; later checks use it. */
  setLocalRules(file: PickedFile): Promise<void>;
  /** 改用全国规则: removes the workbook's local rules after confirmation. */
  removeLocalRules(confirmed?: boolean): Promise<void>;
  cancelRemoveRules(): void;
  /** 已核实: stores the review with the report (the 核实记录 sheet) and checks again. */
  review(finding: Finding, reason: string): Promise<void>;
  /** 重置已核实: removes every review after confirmation, and checks again. */
  resetReviews(confirmed?: boolean): Promise<void>;
  cancelResetReviews(): void;
  /** 空白填0 for a group of blank cells: asks first (confirmFill). */
  fillBlanks(findings: readonly Finding[]): void;
  /** The confirmed 空白填0: writes 0 only into those cells that are still blank, then checks again. */
  confirmFillBlanks(): Promise<void>;
  cancelFill(): void;
  /** 撤销 of the last 空白填0: empties the cells that still hold its 0; checks again. */
  undoFillBlanks(): Promise<void>;
  /**
   * 汇总多个报告…: the picked reports (and a unit list, a .csv among them) read one by one, checked,
   * summed; the 汇总 sheets written into the open workbook (never over data).
   */
  collect(files: readonly PickedFile[]): Promise<void>;
  /** 导出问题清单: the findings as a workbook, delivered like the Word report. */
  exportProblems(): Promise<void>;
  setFilter(filter: Filter): void;
  setWithRegister(value: boolean): void;
  /** Looks once at the workbook when the pane opens (is the template there?); never fails loudly. */
  probe(): Promise<void>;
  /** The host reported an edit of these cells (sheet and address of the changed range). */
  cellsChanged(sheet: string, address: string): void;
  setBlankAsZero(value: boolean): void;
  dismiss(): void;
  /** Shows a failure found outside an action (e.g. a file that cannot be read). */
  fail(failure: Failure): void;
};

/** The cells of a group that 空白填0 may fill: blank (not “/” or “无”, which a person typed) count cells with an address. */
export function blankCellsOf(findings: readonly Finding[], addresses: Record<string, CellRef>): CellRef[] {
  return findings
    .filter((f) => fillsWithZero(f) && !f.reviewed)
    .flatMap((f) => {
      const a = f.cells[0] ? addresses[f.cells[0]] : undefined;
      return a ? [a] : [];
    });
}

export type PaneStore = Store<PaneState>;

export function createPaneStore(): PaneStore {
  return createStore<PaneState>({
    busy: null,
    failure: null,
    notice: null,
    result: null,
    confirmWord: null,
    blankAsZero: false,
    withRegister: false,
    previous: null,
    localRules: null,
    confirmRemoveRules: false,
    filter: 'all',
    confirmFill: null,
    undoFill: null,
    confirmResetReviews: false,
    stale: false,
    workbook: null,
    collected: null,
  });
}

/** The controller's actions that read or write the workbook (or files): the rest only change the state. */
export const WORKBOOK_ACTIONS = [
  'generateTemplate',
  'setPrevious',
  'check',
  'clearMarks',
  'select',
  'generateWord',
  'setLocalRules',
  'removeLocalRules',
  'review',
  'resetReviews',
  'confirmFillBlanks',
  'undoFillBlanks',
  'collect',
  'exportProblems',
] as const satisfies readonly (keyof Controller)[];

export type WorkbookActions = Pick<Controller, (typeof WORKBOOK_ACTIONS)[number]>;
export type StateActions = Omit<Controller, 'getState' | 'subscribe' | keyof WorkbookActions>;

/** The actions that only change the pane's state (and the first look at the workbook, one read). */
export function stateActions(store: PaneStore, runExcel: RunExcel): StateActions {
  const set = store.set;
  return {
    cancelWord() {
      set({ confirmWord: null });
    },
    cancelRemoveRules() {
      set({ confirmRemoveRules: false });
    },
    cancelResetReviews() {
      set({ confirmResetReviews: false });
    },
    fillBlanks(findings) {
      const view = store.get().result;
      const cells = view ? blankCellsOf(findings, view.addresses) : [];
      if (cells.length === 0) set({ notice: { intent: 'info', text: '这些问题中没有可以填0的空白单元格。' } });
      else set({ confirmFill: { cells } });
    },
    cancelFill() {
      set({ confirmFill: null });
    },
    setFilter(filter) {
      set({ filter });
    },
    setWithRegister(value) {
      set({ withRegister: value });
    },
    async probe() {
      try {
        const present = await runExcel((context) => templatePresent(context));
        set({ workbook: present ? 'template' : 'empty' });
      } catch {
        // Only a hint for the first step: without it the pane shows its usual actions.
      }
    },
    cellsChanged(sheet, address) {
      const view = store.get().result;
      if (!view || store.get().busy || store.get().stale) return;
      if (Object.values(view.addresses).some((a) => a.sheet === sheet && overlaps(a.address, address))) set({ stale: true });
    },
    ...paneSetters(store),
  };
}
