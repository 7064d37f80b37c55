/**
 * The task pane in Word: the user picks a report workbook (.xlsx) or report JSON; the report is
 * checked, confirmed when it has errors, generated and inserted into the open document with
 * insertFileFromBase64. Word is reached only through `runWord`.
 */
import { checkReport, documentPlan, summarize } from '../core';
import { ReportFileError, readReportFile } from './report-file';
import { createStore, officeCode, type Failure, type Notice } from './store';

export type RunWord = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

export type WordPaneState = {
  busy: string | null;
  failure: Failure | null;
  notice: Notice | null;
  /** Errors found in the picked report, waiting for the user's confirmation. */
  confirm: { errors: number; name: string } | null;
  blankAsZero: boolean;
};

export type WordController = {
  getState(): WordPaneState;
  subscribe(listener: () => void): () => void;
  insertReport(file: { name: string; bytes: Uint8Array }, confirmed?: boolean): Promise<void>;
  cancel(): void;
  setBlankAsZero(value: boolean): void;
  dismiss(): void;
  fail(failure: Failure): void;
};

export function createWordController(runWord: RunWord): WordController {
  const store = createStore<WordPaneState>({ busy: null, failure: null, notice: null, confirm: null, blankAsZero: false });
  const set = store.set;
  return {
    getState: store.get,
    subscribe: store.subscribe,
    async insertReport(file, confirmed = false) {
      if (store.get().busy) return;
      set({ busy: '正在生成并插入报告…', failure: null, notice: null, confirm: null });
      try {
        const { report, narrative, oldLabels } = await readReportFile(file);
        const errors = summarize(checkReport(report, { narrative, oldLabels })).errors;
        if (errors > 0 && !confirmed) {
          set({ busy: null, confirm: { errors, name: file.name } });
          return;
        }
        const { buildDocxBase64 } = await import(/* webpackChunkName: "word" */ '../word/docx');
        const base64 = await buildDocxBase64(documentPlan(report, { blankAsZero: store.get().blankAsZero }));
        await runWord(async (context) => {
          context.document.body.insertFileFromBase64(base64, 'End');
          await context.sync();
        });
        set({ busy: null, notice: { intent: 'success', text: `已把“${file.name}”生成的年度报告插入到文档末尾。` } });
      } catch (e) {
        const message =
          e instanceof ReportFileError
            ? e.message
            : officeCode(e) !== undefined
              ? `Word 操作失败（${officeCode(e)}），请重试。`
              : `发生意外错误：${e instanceof Error ? e.message : String(e)}`;
        set({ busy: null, failure: { title: `无法插入“${file.name}”`, message } });
      }
    },
    cancel() {
      set({ confirm: null });
    },
    setBlankAsZero(value) {
      set({ blankAsZero: value });
    },
    dismiss() {
      set({ failure: null, notice: null });
    },
    fail(failure) {
      set({ failure, notice: null });
    },
  };
}
