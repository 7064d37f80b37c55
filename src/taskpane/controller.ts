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
  registerFormulas,
  revisionFor,
  reportTitle,
  summarize,
  workbookPlan,
  MAX_REVIEW_REASON,
  PROBLEM_LIST_HEADER,
  PROBLEM_LIST_WIDTHS,
  REVIEWS_SHEET,
  problemListRows,
  summaryText,
  reviewOf,
  withReview,
  type ReportSource,
} from '../core';
import { UserError } from '../errors';
import { checkInExcel, clearMarksInExcel, requireReport, selectInExcel, sourceOf, type ExcelCheckResult } from '../excel/check';
import { fillZerosInExcel, storeReviewsInExcel, undoZerosInExcel } from '../excel/reviews';
import { removeConfigInExcel, storeConfigInExcel } from '../excel/config';
import { paintTemplateInExcel } from '../excel/template';
import { readRuleConfigBytes } from '../files/config';
import { readWorkbookReport, type ExcelFeatures } from '../excel/read';
import { ReportFileError, readReportBytes } from '../files/read';
import { localToday } from './filter';
import { actionRunner, failureOf } from './action';
import type { Deliver } from './delivery';
import { createPaneStore, stateActions, type CollectView, type Controller, type PaneState, type PaneStore, type RunExcel } from './pane-state';

export type { CheckView, CollectView, Controller, Failure, Notice, PaneState, RunExcel, WorkbookState } from './pane-state';
export { blankCellsOf } from './pane-state';
export { fillsWithZero, localToday, type Filter } from './filter';

/** Word delivery is given by the host (browser download or relay); without one the command says so. */
const noDelivery: Deliver = async () => {
  throw new UserError('此环境不支持下载 Word 报告。');
};

export type ControllerOptions = {
  today?: () => string;
  /** The pane's state when the pane made it before loading the controller (runtime.ts). */
  store?: PaneStore;
};

export function createController(runExcel: RunExcel, features: ExcelFeatures, deliver: Deliver = noDelivery, options: ControllerOptions = {}): Controller {
  const today = options.today ?? (() => localToday());
  const store = options.store ?? createPaneStore();
  const set = store.set;
  const action = actionRunner(store, 'Excel', { confirmWord: null, confirmRemoveRules: false, confirmFill: null, confirmResetReviews: false });
  // The workbook is painted and read in the revision new reports are made in.
  const revision = CURRENT_REVISION;

  /** A check inside an Excel.run (after a write of the same action). */
  const checkNow = (context: Excel.RequestContext) => checkInExcel(context, features, revision, store.get().previous?.source);
  /** The state after a check. */
  const checked = (r: ExcelCheckResult): Partial<PaneState> => ({
    result: { findings: r.findings, summary: r.summary, addresses: r.addresses, report: r.report, ...(r.checkedSheet ? { sheet: r.checkedSheet.name } : {}) },
    localRules: r.config ? describeConfig(r.config) : null,
    stale: false,
    workbook: 'template',
  });

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
        const register = store.get().withRegister;
        if (register) {
          // Numbers of tables 三 and 四 would be overwritten by the register's formulas: refused, nothing lost.
          const typed = [...registerFormulas(revision).keys()].find((k) => {
            const v = values.get(k);
            return v !== undefined && v !== null && v !== 0 && v !== '';
          });
          if (typed)
            throw new UserError(
              `“${file?.name ?? ''}”的表三、表四已有数字（如“${revision.placeName(typed)}”），而带申请台账的模板由台账计算表三、表四，这些数字会丢失。请取消“加入申请台账”，或在台账中逐件登记。`,
            );
        }
        const plan = workbookPlan(revision, undefined, undefined, { register });
        const result = await runExcel((context) => paintTemplateInExcel(context, plan, values, features, revision));
        const where = `“${result.sheets.join('”“')}”`;
        const text = result.renamed
          ? `工作簿中已有同名且含有数据的工作表，原有内容未做任何改动；新模板放在${where}${result.namesMoved ? '，检查报告将针对新模板' : ''}。`
          : `模板已生成：${where}${file ? `，已填入“${file.name}”的内容` : ''}。`;
        const unread = problems.length > 0 ? `导入时未能读取：${problems.join('；')}。` : '';
        const limits = result.notes.map((n) => `${n}。`).join('');
        return {
          notice: { intent: result.renamed || unread || limits ? 'warning' : 'success', text: `${text}${unread}${limits}` },
          result: null,
          undoFill: null,
          workbook: 'template',
        };
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
        const r = await runExcel((context) => checkNow(context));
        return { ...checked(r), notice: r.notes.length > 0 ? { intent: 'info', text: `${r.notes.join('；')}。` } : null };
      });
    },

    review(finding, reason) {
      const text = reason.trim();
      if (text === '') {
        set({ failure: { title: '未能核实', message: '请写明核实的理由，例如“已与司法局备案数据核对”。' } });
        return Promise.resolve();
      }
      if (text.length > MAX_REVIEW_REASON) {
        set({ failure: { title: '未能核实', message: `理由最多${MAX_REVIEW_REASON}字，请简要写明。` } });
        return Promise.resolve();
      }
      return action('正在记录核实…', '未能核实', async () => {
        const view = store.get().result;
        if (!view) throw new UserError('请先检查报告。');
        const reviews = withReview(view.report.reviews ?? [], reviewOf(finding, view.report, text, today()));
        const r = await runExcel(async (context) => {
          await storeReviewsInExcel(context, reviews, features, revision);
          return checkNow(context);
        });
        return { ...checked(r), notice: { intent: 'success', text: `已记为已核实（理由：${text}），记录在“${REVIEWS_SHEET}”工作表中，随工作簿保存。` } };
      });
    },

    resetReviews(confirmed = false) {
      if (!confirmed) {
        set({ confirmResetReviews: true });
        return Promise.resolve();
      }
      return action('正在重置已核实…', '未能重置已核实', async () => {
        const r = await runExcel(async (context) => {
          await storeReviewsInExcel(context, [], features, revision);
          return checkNow(context);
        });
        return { ...checked(r), notice: { intent: 'success', text: `已删除全部核实记录（“${REVIEWS_SHEET}”工作表），问题重新按错误和警告列出。` } };
      });
    },

    confirmFillBlanks() {
      const cells = store.get().confirmFill?.cells ?? [];
      if (cells.length === 0) return Promise.resolve();
      return action('正在填写0…', '未能填写0', async () => {
        const { written, r } = await runExcel(async (context) => {
          const written = await fillZerosInExcel(context, cells);
          return { written, r: await checkNow(context) };
        });
        const skipped = cells.length - written.length;
        return {
          ...checked(r),
          undoFill: written.length > 0 ? { cells: written } : null,
          notice: {
            intent: 'success',
            text: `已在 ${written.length} 个空白单元格中填入0${skipped > 0 ? `（${skipped} 个单元格已有内容，未改动）` : ''}，并重新检查。可以撤销。`,
          },
        };
      });
    },

    undoFillBlanks() {
      const undo = store.get().undoFill;
      if (!undo) return Promise.resolve();
      return action('正在撤销…', '未能撤销', async () => {
        const { done, r } = await runExcel(async (context) => {
          const done = await undoZerosInExcel(context, undo.cells);
          return { done, r: await checkNow(context) };
        });
        return {
          ...checked(r),
          undoFill: null,
          notice: {
            intent: 'success',
            text: `已撤销：${done.restored} 个单元格恢复为空白${done.changed > 0 ? `；${done.changed} 个单元格此后已被改动，保留现有内容` : ''}。`,
          },
        };
      });
    },

    collect(files) {
      return action('正在汇总…', '未能汇总', async () => {
        // 汇总 is loaded on first use: most panes never do it.
        const { STATUS_LABELS, collectRegion, gridFromCsv, unitsFromGrid } = await import(/* webpackChunkName: "collect" */ '../core/collect');
        const { paintCollectInExcel } = await import(/* webpackChunkName: "collect" */ '../excel/collect');
        const { decodeText } = await import('../files/text');
        const listFile = files.find((f) => /\.csv$/iu.test(f.name));
        const list = listFile ? unitsFromGrid(gridFromCsv(decodeText(listFile.bytes))) : undefined;
        if (list && list.units.length === 0) throw new UserError(`单位名单“${listFile!.name}”无法使用：${list.problems.join('；')}`);
        const reports: { file: string; source: ReportSource }[] = [];
        const unreadable: { file: string; message: string }[] = [];
        const inputs = files.filter((f) => f !== listFile);
        if (inputs.length === 0) throw new UserError('请选择要汇总的各单位报告（可同时选一份单位名单 .csv）');
        for (const [i, f] of inputs.entries()) {
          set({ busy: `正在读取报告 ${i + 1}/${inputs.length}…` });
          try {
            reports.push({ file: f.name, source: await readReportBytes(f.name, f.bytes) });
          } catch (e) {
            if (!(e instanceof UserError)) throw e;
            unreadable.push({ file: f.name, message: e.message.replace(/。$/u, '') });
          }
        }
        set({ busy: '正在汇总并写入工作簿…' });
        const region = collectRegion({ reports, unreadable, ...(list ? { units: list.units } : {}) });
        const { sheets } = await runExcel((context) => paintCollectInExcel(context, region, features));
        const view: CollectView = {
          sheets,
          year: region.year ?? null,
          units: region.units.map((u) => ({
            name: u.name,
            status: u.status,
            statusText: STATUS_LABELS[u.status],
            errors: u.summary?.errors ?? 0,
            warnings: u.summary?.warnings ?? 0,
          })),
          findings: region.findings.map((f) => ({ severity: f.severity, message: f.message })),
        };
        const included = region.units.filter((u) => u.status === 'included').length;
        return {
          collected: view,
          notice: {
            intent: region.findings.some((f) => f.severity === 'error') ? 'warning' : 'success',
            text: `已汇总 ${included} 个单位的报告，写入“${sheets.join('”“')}”工作表${region.findings.length > 0 ? `；发现 ${region.findings.length} 个汇总问题，列在“汇总结果”中` : ''}。`,
          },
        };
      });
    },

    exportProblems() {
      return action('正在导出问题清单…', '未能导出问题清单', async () => {
        const view = store.get().result;
        if (!view) throw new UserError('请先检查报告，再导出问题清单。');
        const addresses = Object.fromEntries(Object.entries(view.addresses).map(([k, a]) => [k, `${a.sheet}!${a.address}`]));
        const name = view.report.meta.agency ? `${view.report.meta.agency}${view.report.meta.year ? `${view.report.meta.year}年度报告` : ''}` : '报告';
        // The list writer (and its zip library) loads when a list is first exported.
        const { listWorkbook } = await import(/* webpackChunkName: "list" */ '../xlsx/list');
        const bytes = listWorkbook({
          name: '问题清单',
          title: `${name}问题清单（${today()}检查：${summaryText(view.summary)}）`,
          header: PROBLEM_LIST_HEADER,
          rows: problemListRows(view.findings, revision, addresses),
          widths: PROBLEM_LIST_WIDTHS,
        });
        return { notice: { intent: 'success', text: await deliver(bytes, `${name}问题清单.xlsx`) } };
      });
    },

    clearMarks() {
      return action('正在清除标记…', '未能清除标记', async () => {
        const { cleared, lost } = await runExcel((context) => clearMarksInExcel(context, features, revision));
        // The list goes with the marks: what is on screen is always what the workbook shows.
        const text = lost
          ? `没有找到标记记录（此版本的 Excel 可能未保存加载项的设置），已清除报告中 ${cleared} 个带本工具标记颜色的单元格；这些单元格原来的填充色无法恢复。`
          : cleared > 0
            ? `已清除 ${cleared} 处标记，单元格恢复原来的格式。`
            : '没有需要清除的标记。';
        return { result: null, stale: false, undoFill: null, notice: { intent: lost ? 'warning' : 'success', text } };
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
        const result = { findings, summary, addresses: Object.fromEntries(read.addresses), report: read.report };
        const localRules = source.config ? describeConfig(source.config) : null;
        if (summary.errors > 0 && !confirmed) return { confirmWord: { errors: summary.errors }, result, localRules, stale: false };
        // The Word generator is loaded only when first used, to keep the pane's first load small.
        const { buildDocx } = await import(/* webpackChunkName: "word" */ '../word/docx');
        const bytes = await buildDocx(documentPlan(read.report, { blankAsZero: store.get().blankAsZero, revision }));
        const text = await deliver(bytes, `${reportTitle(read.report)}.docx`);
        return { notice: { intent: 'success', text }, result, localRules, stale: false };
      });
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

    ...stateActions(store, runExcel),
  };
}
