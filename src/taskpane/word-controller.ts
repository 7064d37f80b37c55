/**
 * The task pane in Word: the user picks a report workbook (.xlsx) or report JSON; the report is
 * checked, confirmed when it has errors, generated and inserted into the open document with
 * insertFileFromBase64. Word is reached only through `runWord`.
 */
import { checkSource, documentPlan, incompleteTitle, summarize } from '../core';
import { UserError } from '../errors';
import { readReportBytes } from '../files/read';
import { actionRunner, paneSetters } from './action';
import { createStore, type Failure, type Notice } from './store';

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
  const action = actionRunner(store, 'Word', { confirm: null });
  return {
    getState: store.get,
    subscribe: store.subscribe,
    insertReport(file, confirmed = false) {
      return action('正在生成并插入报告…', `无法插入“${file.name}”`, async () => {
        const source = await readReportBytes(file.name, file.bytes);
        const incomplete = incompleteTitle(source.report);
        if (incomplete) throw new UserError(`${incomplete}。`);
        const errors = summarize(checkSource(source)).errors;
        if (errors > 0 && !confirmed) return { confirm: { errors, name: file.name } };
        const { buildDocxBase64 } = await import(/* webpackChunkName: "word" */ '../word/docx');
        const base64 = await buildDocxBase64(documentPlan(source.report, { blankAsZero: store.get().blankAsZero }));
        await runWord(async (context) => {
          context.document.body.insertFileFromBase64(base64, 'End');
          await context.sync();
        });
        return { notice: { intent: 'success', text: `已把“${file.name}”生成的年度报告插入到文档末尾。` } };
      });
    },
    cancel() {
      set({ confirm: null });
    },
    ...paneSetters(store),
  };
}
