/**
 * The checker page's state and actions: open a report file, check it (against last year's when one
 * is given), review findings, fill blanks with 0, and download the Word report, the workbook with
 * the findings' cells filled, and the 问题清单. No Office: the report lives in the page, and every
 * change is a new report checked again. Every failure ends as a Chinese message in the state.
 */
import {
  CURRENT_REVISION,
  MAX_REVIEW_REASON,
  PROBLEM_LIST_HEADER,
  PROBLEM_LIST_WIDTHS,
  checkSource,
  documentPlan,
  incompleteTitle,
  placesFromReport,
  problemListRows,
  reportTitle,
  reviewOf,
  revisionFor,
  summarize,
  summaryText,
  withReview,
  workbookPlan,
  type Finding,
  type FormatRevision,
  type Mark,
  type Report,
  type ReportSource,
  type Summary,
} from '../core';
import { UserError } from '../errors';
import { ReportFileError, readReportBytes } from '../files/read';
import { actionRunner, paneSetters } from '../taskpane/action';
import { fillsWithZero, type Filter } from '../taskpane/filter';
import type { PickedFile } from '../taskpane/pick';
import { createStore, type Failure, type Notice } from '../taskpane/store';

/** What the page opens: everything the readers take except PDF (its reader needs a worker, which file:// pages cannot start). */
export const CHECKER_ACCEPT = '.json,.xlsx,.docx,.html,.htm,.txt';

export type Opened = { name: string; source: ReportSource };

export type CheckerState = {
  busy: string | null;
  failure: Failure | null;
  notice: Notice | null;
  /** The report as opened, with the changes made here (reviews, blanks filled). */
  current: Opened | null;
  previous: (Opened & { year: number | null }) | null;
  findings: Finding[];
  summary: Summary | null;
  filter: Filter;
  /** The place the user last went to from a finding. */
  selected: string | null;
  blankAsZero: boolean;
};

export type Download = (bytes: Uint8Array, filename: string) => void;

export type CheckerDeps = {
  download: Download;
  /** Today as YYYY-MM-DD, for reviews and the list's title. */
  today: () => string;
  /** Goes to a place of the drawn tables. */
  reveal?: (key: string) => void;
};

function rejectPdf(name: string): void {
  if (/\.pdf$/iu.test(name))
    throw new ReportFileError('网页版检查不读取 PDF 文件：请改用报告的 Word（.docx）或网页文本，或用命令行检查 PDF（npm run cli -- check 报告.pdf）。');
}

/** A name for downloads: the body and year, or the file's own name. */
function baseName(opened: Opened): string {
  const { agency, year } = opened.source.report.meta;
  if (agency) return `${agency}${year !== undefined ? `${year}年度报告` : ''}`;
  return opened.name.replace(/\.[^.]+$/u, '') || '报告';
}

export function createChecker(deps: CheckerDeps) {
  const store = createStore<CheckerState>({
    busy: null,
    failure: null,
    notice: null,
    current: null,
    previous: null,
    findings: [],
    summary: null,
    filter: 'all',
    selected: null,
    blankAsZero: false,
  });
  const action = actionRunner(store, 'Excel', {});
  const revisionOf = (report: Report): FormatRevision => {
    try {
      return revisionFor(report);
    } catch {
      return CURRENT_REVISION;
    }
  };

  function check(current: Opened, previous: CheckerState['previous']): { findings: Finding[]; summary: Summary } {
    const revision = revisionOf(current.source.report);
    const findings = checkSource(current.source, previous ? { revision, previous: previous.source } : { revision });
    return { findings, summary: summarize(findings) };
  }

  /** The same report with a change, checked again. */
  function update(report: Report, notice: Notice): Partial<CheckerState> {
    const current = store.get().current!;
    const next: Opened = { name: current.name, source: { ...current.source, report } };
    return { current: next, ...check(next, store.get().previous), notice };
  }

  function requireCurrent(): Opened {
    const current = store.get().current;
    if (!current) throw new UserError('请先打开一份报告文件。');
    return current;
  }

  return {
    ...paneSetters(store),
    subscribe: store.subscribe,
    getState: store.get,

    open(file: PickedFile) {
      return action('正在读取并检查报告…', '未能检查报告', async () => {
        rejectPdf(file.name);
        const source = await readReportBytes(file.name, file.bytes);
        const current = { name: file.name, source };
        const result = check(current, store.get().previous);
        const notes = source.notes.length > 0 ? `（${source.notes.join('；')}）` : '';
        return {
          current,
          ...result,
          filter: 'all',
          selected: null,
          notice: { intent: result.summary.errors > 0 ? 'warning' : 'success', text: `已检查“${file.name}”：${summaryText(result.summary)}${notes}。` },
        };
      });
    },

    openPrevious(file: PickedFile) {
      return action('正在读取上年报告…', '未能读取上年报告', async () => {
        rejectPdf(file.name);
        const source = await readReportBytes(file.name, file.bytes);
        const year = source.report.meta.year ?? null;
        const previous = { name: file.name, source, year };
        const current = store.get().current;
        const thisYear = current?.source.report.meta.year;
        if (year !== null && thisYear !== undefined && year !== thisYear - 1) {
          throw new UserError(`“${file.name}”是${year}年度的报告，而本报告是${thisYear}年度：请选择${thisYear - 1}年度的报告。`);
        }
        const text = `已载入上年报告“${file.name}”${year !== null ? `（${year}年度）` : ''}，检查时核对结转和现行有效件数。`;
        return { previous, ...(current ? check(current, previous) : {}), notice: { intent: 'success', text } };
      });
    },

    clearPrevious() {
      const current = store.get().current;
      store.set({ previous: null, ...(current ? check(current, null) : {}), notice: { intent: 'info', text: '已不再对比上年报告。' } });
    },

    select(finding: Finding) {
      const key = finding.cells[0];
      if (!key) return;
      store.set({ selected: key });
      deps.reveal?.(key);
    },

    review(finding: Finding, reason: string) {
      return action('正在记录核实…', '未能标为已核实', async () => {
        const current = requireCurrent();
        const text = reason.trim().slice(0, MAX_REVIEW_REASON);
        if (!text) throw new UserError('请填写核实理由。');
        const report = current.source.report;
        const reviews = withReview(report.reviews ?? [], reviewOf(finding, report, text, deps.today()));
        return update({ ...report, reviews }, { intent: 'success', text: '已标为已核实。下载的工作簿带着“核实记录”工作表，下次检查仍然有效。' });
      });
    },

    fillBlanks(findings: readonly Finding[]) {
      return action('正在填0…', '未能填0', async () => {
        const current = requireCurrent();
        const keys = findings.filter((f) => fillsWithZero(f) && !f.reviewed).flatMap((f) => f.cells);
        const values = { ...current.source.report.values };
        for (const k of keys) values[k] = 0;
        return update({ ...current.source.report, values }, { intent: 'success', text: `已把${keys.length}个空白单元格填为0（下载工作簿即得到填好的表格）。` });
      });
    },

    setFilter(filter: Filter) {
      store.set({ filter });
    },

    downloadWord() {
      return action('正在生成Word报告…', '未能生成Word报告', async () => {
        const current = requireCurrent();
        const report = current.source.report;
        const incomplete = incompleteTitle(report);
        if (incomplete) throw new UserError(`${incomplete}。`);
        const { buildDocx } = await import(/* webpackChunkName: "word" */ '../word/docx');
        const bytes = await buildDocx(documentPlan(report, { blankAsZero: store.get().blankAsZero, revision: revisionOf(report) }));
        const name = `${reportTitle(report)}.docx`;
        deps.download(bytes, name);
        const errors = store.get().summary?.errors ?? 0;
        return {
          notice: {
            intent: errors > 0 ? 'warning' : 'success',
            text: `已下载“${name}”${errors > 0 ? `。注意：报告仍有 ${errors} 个错误，发布前请改正` : ''}。`,
          },
        };
      });
    },

    downloadWorkbook() {
      return action('正在生成工作簿…', '未能生成工作簿', async () => {
        const current = requireCurrent();
        const { report } = current.source;
        const revision = revisionOf(report);
        const marks = new Map<string, Mark>();
        for (const f of store.get().findings) {
          if (f.reviewed) continue;
          for (const key of f.cells) if (marks.get(key) !== 'error') marks.set(key, f.severity);
        }
        const { workbookBytes } = await import(/* webpackChunkName: "xlsx-write" */ '../xlsx/write');
        const bytes = workbookBytes(workbookPlan(revision, current.source.config, report.reviews), placesFromReport(report, revision), { marks });
        const name = `${baseName(current)}（已标出问题）.xlsx`;
        deps.download(bytes, name);
        return { notice: { intent: 'success', text: `已下载“${name}”：有问题的单元格填了红色（错误）或黄色（警告）。` } };
      });
    },

    downloadList() {
      return action('正在导出问题清单…', '未能导出问题清单', async () => {
        const current = requireCurrent();
        const { findings, summary } = store.get();
        const revision = revisionOf(current.source.report);
        const { listWorkbook } = await import(/* webpackChunkName: "list" */ '../xlsx/list');
        const name = baseName(current);
        const bytes = listWorkbook({
          name: '问题清单',
          title: `${name}问题清单（${deps.today()}检查：${summaryText(summary ?? { errors: 0, warnings: 0, reviewed: 0 })}）`,
          header: PROBLEM_LIST_HEADER,
          rows: problemListRows(findings, revision, current.source.addresses ?? {}),
          widths: PROBLEM_LIST_WIDTHS,
        });
        deps.download(bytes, `${name}问题清单.xlsx`);
        return { notice: { intent: 'success', text: `已下载“${name}问题清单.xlsx”。` } };
      });
    },
  };
}

export type Checker = ReturnType<typeof createChecker>;
