/**
 * The task pane in Word: the user picks a report workbook (.xlsx) or report JSON; the report is
 * checked, confirmed when it has errors, generated and inserted into the open document. Word is
 * reached only through `runWord`.
 *
 * `Body.insertFileFromBase64` leaves out the inserted file's headers and footers by design (Word
 * add-ins troubleshooting, office-js-docs-pr), so the page numbers and page setup would be lost.
 * Where the host has `Document.insertFileFromBase64` (WordApi 1.5) it is used: an empty document is
 * replaced by the report whole (page setup, footer, styles); otherwise the report goes to the end.
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

export type WordFeatures = {
  /** Document.insertFileFromBase64 (WordApi 1.5): the file's sections come with their footers. */
  documentInsert: boolean;
};

/** What the user is told about the insertion. */
function insertedText(name: string, how: 'replaced' | 'appended' | 'body'): string {
  if (how === 'replaced') return `已用“${name}”生成的年度报告填入这份空白文档（含页面设置和页码）。`;
  if (how === 'appended') return `已把“${name}”生成的年度报告插入到文档末尾（含页面设置和页码）。`;
  return `已把“${name}”生成的年度报告插入到文档末尾。此版本的 Word 只能插入正文：页码（页脚）和页面设置未带入，需要时请在 Excel 中用“生成Word报告”下载完整的文件。`;
}

export function createWordController(runWord: RunWord, features: WordFeatures = { documentInsert: false }): WordController {
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
        const how = await runWord(async (context): Promise<'replaced' | 'appended' | 'body'> => {
          if (!features.documentInsert) {
            context.document.body.insertFileFromBase64(base64, 'End');
            await context.sync();
            return 'body';
          }
          const body = context.document.body;
          body.load('text');
          await context.sync();
          const empty = body.text.trim() === '';
          // Into an empty document the report's styles come along; into a document with content its own stay.
          context.document.insertFileFromBase64(base64, empty ? 'Replace' : 'End', { importStyles: empty, importParagraphSpacing: empty, importTheme: false });
          await context.sync();
          return empty ? 'replaced' : 'appended';
        });
        return { notice: { intent: how === 'body' ? 'warning' : 'success', text: insertedText(file.name, how) } };
      });
    },
    cancel() {
      set({ confirm: null });
    },
    ...paneSetters(store),
  };
}
