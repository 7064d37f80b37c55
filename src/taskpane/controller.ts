/**
 * The task pane's state and actions (生成模板, 检查报告, 清除标记, select a finding), shared with the
 * ribbon commands. Office is reached only through `runExcel`, so tests drive it with the host double.
 * Every failure ends as a Chinese message in the state, never only in the console.
 */
import {
  CURRENT_REVISION,
  checkSource,
  describeConfig,
  documentPlan,
  incompleteTitle,
  placesFromReport,
  revisionFor,
  reportTitle,
  summarize,
  workbookPlan,
  type Finding,
  type ReportSource,
  type Summary,
} from '../core';
import { UserError } from '../errors';
import { checkInExcel, clearMarksInExcel, requireReport, selectInExcel, sourceOf } from '../excel/check';
import { removeConfigInExcel, storeConfigInExcel } from '../excel/config';
import { readRuleConfigBytes } from '../files/config';
import type { CellRef } from '../excel/marks';
import { readWorkbookReport, type ExcelFeatures } from '../excel/read';
import { paintTemplateInExcel } from '../excel/template';
import { ReportFileError, readReportBytes } from '../files/read';
import { actionRunner, failureOf, paneSetters } from './action';
import type { Deliver } from './delivery';
import type { PickedFile } from './pick';
import { createStore, type Failure, type Notice } from './store';

export type RunExcel = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export type { Failure, Notice };
export type CheckView = { findings: Finding[]; summary: Summary; addresses: Record<string, CellRef> };

export type PaneState = {
  busy: string | null;
  failure: Failure | null;
  notice: Notice | null;
  result: CheckView | null;
  /** Set when the report has errors and the user must confirm before the Word report is generated. */
  confirmWord: { errors: number } | null;
  /** Show blank cells as 0 in the Word report. */
  blankAsZero: boolean;
  /** Last year's report, when the user picked one: checks then include the cross-year rules. */
  previous: { name: string; year: number | null; source: ReportSource } | null;
  /** The local rules the workbook carries, as lines for people, when the last read found them. */
  localRules: string[] | null;
  /** Set while the user must confirm removing the workbook's local rules. */
  confirmRemoveRules: boolean;
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
  setBlankAsZero(value: boolean): void;
  dismiss(): void;
  /** Shows a failure found outside an action (e.g. a file that cannot be read). */
  fail(failure: Failure): void;
};

/** Word delivery is given by the host (browser download or relay); without one the command says so. */
const noDelivery: Deliver = async () => {
  throw new UserError('此环境不支持下载 Word 报告。');
};

export function createController(runExcel: RunExcel, features: ExcelFeatures, deliver: Deliver = noDelivery): Controller {
  const store = createStore<PaneState>({
    busy: null,
    failure: null,
    notice: null,
    result: null,
    confirmWord: null,
    blankAsZero: false,
    previous: null,
    localRules: null,
    confirmRemoveRules: false,
  });
  const set = store.set;
  const action = actionRunner(store, 'Excel', { confirmWord: null, confirmRemoveRules: false });
  // The workbook is painted and read in the revision new reports are made in.
  const revision = CURRENT_REVISION;

  return {
    getState: store.get,
    subscribe: store.subscribe,

    generateTemplate(file) {
      return action('正在生成模板…', '未能生成模板', async () => {
        let values = new Map<string, string | number | null>();
        let problems: string[] = [];
        if (file) {
          try {
            const read = await readReportBytes(file.name, file.bytes);
            values = placesFromReport(read.report, revisionFor(read.report));
            problems = read.problems;
          } catch (e) {
            if (e instanceof ReportFileError) return { failure: failureOf(`无法读取“${file.name}”`, e, 'Excel') };
            throw e;
          }
        }
        const result = await runExcel((context) => paintTemplateInExcel(context, workbookPlan(revision), values, features, revision));
        const where = `“${result.sheets.join('”“')}”`;
        const text = result.renamed
          ? `工作簿中已有同名且含有数据的工作表，原有内容未做任何改动；新模板放在${where}${result.namesMoved ? '，检查报告将针对新模板' : ''}。`
          : `模板已生成：${where}${file ? `，已填入“${file.name}”的内容` : ''}。`;
        const unread = problems.length > 0 ? `导入时未能读取：${problems.join('；')}。` : '';
        return { notice: { intent: result.renamed || unread ? 'warning' : 'success', text: `${text}${unread}` }, result: null };
      });
    },

    setPrevious(file) {
      if (!file) {
        set({ previous: null, notice: { intent: 'info', text: '已不再与上年报告对比。' } });
        return Promise.resolve();
      }
      return action('正在读取上年报告…', '未能读取上年报告', async () => {
        const source = await readReportBytes(file.name, file.bytes);
        const year = source.report.meta.year ?? null;
        return {
          previous: { name: file.name, year, source },
          notice: {
            intent: 'success',
            text: `已载入上年报告“${file.name}”${year ? `（${year}年度）` : ''}；再次检查时将核对上年结转、现行有效件数的衔接和内容雷同。`,
          },
        };
      });
    },

    check() {
      return action('正在检查报告…', '未能检查报告', async () => {
        const previous = store.get().previous?.source;
        const r = await runExcel((context) => checkInExcel(context, features, revision, previous));
        return {
          result: { findings: r.findings, summary: r.summary, addresses: r.addresses },
          notice: r.notes.length > 0 ? { intent: 'info', text: `${r.notes.join('；')}。` } : null,
          localRules: r.config ? describeConfig(r.config) : null,
        };
      });
    },

    clearMarks() {
      return action('正在清除标记…', '未能清除标记', async () => {
        const { cleared } = await runExcel((context) => clearMarksInExcel(context));
        return { notice: { intent: 'success', text: cleared > 0 ? `已清除 ${cleared} 处标记，单元格恢复原来的格式。` : '没有需要清除的标记。' } };
      });
    },

    async select(finding) {
      const addresses = store.get().result?.addresses ?? {};
      const key = finding.cells.find((c) => addresses[c]);
      if (!key) {
        set({ notice: { intent: 'info', text: '这个问题涉及整个部分或缺少的单元格，工作簿中没有对应的单元格可以选中。' } });
        return;
      }
      try {
        await runExcel((context) => selectInExcel(context, addresses[key]!));
      } catch (e) {
        set({ failure: failureOf('无法选中单元格', e, 'Excel') });
      }
    },

    generateWord(confirmed = false) {
      return action('正在生成Word报告…', '未能生成Word报告', async () => {
        const read = await runExcel((context) => readWorkbookReport(context, features, revision));
        requireReport(read, revision, '生成Word报告');
        const incomplete = incompleteTitle(read.report);
        if (incomplete) throw new UserError(`${incomplete}（在“报告正文”工作表中填写）。`);
        const previous = store.get().previous?.source;
        const source = sourceOf(read);
        const findings = checkSource(source, previous ? { revision, previous } : { revision });
        const summary = summarize(findings);
        const result = { findings, summary, addresses: Object.fromEntries(read.addresses) };
        const localRules = source.config ? describeConfig(source.config) : null;
        if (summary.errors > 0 && !confirmed) return { confirmWord: { errors: summary.errors }, result, localRules };
        // The Word generator is loaded only when first used, to keep the pane's first load small.
        const { buildDocx } = await import(/* webpackChunkName: "word" */ '../word/docx');
        const bytes = await buildDocx(documentPlan(read.report, { blankAsZero: store.get().blankAsZero, revision }));
        const text = await deliver(bytes, `${reportTitle(read.report)}.docx`);
        return { notice: { intent: 'success', text }, result, localRules };
      });
    },

    cancelWord() {
      set({ confirmWord: null });
    },

    setLocalRules(file) {
      return action('正在存入本地规则…', '未能存入本地规则', async () => {
        const config = await readRuleConfigBytes(file.name, file.bytes);
        const { replaced } = await runExcel((context) => storeConfigInExcel(context, config, features, revision));
        return {
          localRules: describeConfig(config),
          result: null,
          notice: {
            intent: 'success',
            text: `已把“${file.name}”中的规则存入本工作簿（隐藏的“本地规则”工作表${replaced ? '，替换了原有的规则' : ''}）。此后检查按这些规则；保存后下发的工作簿也带着这些规则。请重新检查报告。`,
          },
        };
      });
    },

    removeLocalRules(confirmed = false) {
      if (!confirmed) {
        set({ confirmRemoveRules: true });
        return Promise.resolve();
      }
      return action('正在删除本地规则…', '未能删除本地规则', async () => {
        const { removed } = await runExcel((context) => removeConfigInExcel(context));
        return {
          localRules: null,
          result: null,
          notice: {
            intent: 'success',
            text: removed ? '已删除本工作簿携带的本地规则，此后按全国规则检查。请重新检查报告。' : '本工作簿没有携带本地规则，检查一直按全国规则。',
          },
        };
      });
    },

    cancelRemoveRules() {
      set({ confirmRemoveRules: false });
    },

    ...paneSetters(store),
  };
}
