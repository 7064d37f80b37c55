import type { NarrativeField, SectionId } from '../format/types';
import type { BodyType } from './body';
import type { ReportValue } from '../values/read';
import type { RuleConfig } from '../config';
import type { Review } from '../rules/reviews';

export type ReportMeta = {
  /** 机关名称, e.g. 城东区人民政府. */
  agency?: string;
  /** 年度 of the statistics, e.g. 2023. */
  year?: number;
  /** 发布机关 (signature), e.g. 城东区人民政府办公室. */
  office?: string;
  /** 发布日期: ISO `YYYY-MM-DD` when it could be read; otherwise the text as typed (reported by meta-date). */
  date?: string;
  /** 机关类型, when stated (else inferred from the name). */
  bodyType?: BodyType;
  /** 联系方式 (address / phone), as written. */
  contact?: string;
  /** The document title as published, when it came from a published report. */
  title?: string;
  /** Section titles as they appear in the document; absent means the official titles. */
  sectionTitles?: Partial<Record<SectionId, string>>;
};

export type Narrative = Partial<Record<NarrativeField, string>>;

/**
 * The report: one value per cell key present in the document (absent key = no such cell). Values
 * are keyed by the cell keys of the report's `format` revision; look them up with a `CellKey`.
 */
export type Report = {
  format: string;
  meta: ReportMeta;
  values: Partial<Record<string, ReportValue>>;
  narrative: Narrative;
  /** Findings a person has checked and accepted (已核实), stored with the report. */
  reviews?: Review[];
  /** The register its tables are computed from (a register workbook's 申请台账 and 复议诉讼 sheets). */
  register?: Register;
};

/** One request of the register, as read: where its row is, and its cells as text (the date as an ISO date when readable). */
export type RegisterEntry = {
  sheet: string;
  /** The 0-based row on the sheet. */
  row: number;
  number: string;
  date: string | null;
  dateReadable: boolean;
  applicant: string | null;
  result: string | null;
  carriedOver: string | null;
  carriedForward: string | null;
};

/** One 复议 or 诉讼 case of the register. */
export type CaseEntry = { sheet: string; row: number; number: string; type: string | null; result: string | null };

export type Register = { requests: RegisterEntry[]; cases: CaseEntry[] };

/**
 * A report as a reader found it, whatever the file (report JSON, workbook, published document):
 * what could be placed, whether the text part was there, old labels seen, what could not be read,
 * and notes for the user.
 */
export type ReportSource = {
  report: Report;
  /** False when the source holds only the tables (a workbook without its text sheet): text rules are skipped. */
  narrative: boolean;
  /** Labels of an older revision the reader saw (label-located workbooks, published documents). */
  oldLabels: string[];
  /** What could not be read (a published document's unplaced rows, …). */
  problems: string[];
  /** Things to tell the user about how it was read (e.g. that only the tables were found). */
  notes: string[];
  /** Local rules the source carries (a workbook handed out by a supervising office); checks use them unless told otherwise. */
  config?: RuleConfig;
  /** Where each place sits in the file it was read from (`报告数据!C12`), when it is a workbook. */
  addresses?: Record<string, string>;
};

/** A report read whole (a report JSON, or one made in code): nothing missing, nothing to note. */
export function asSource(report: Report): ReportSource {
  return { report, narrative: true, oldLabels: [], problems: [], notes: [] };
}
