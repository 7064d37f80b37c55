import type { CellKey, NarrativeField, SectionId } from '../format/types';
import type { ReportValue } from '../values/read';

export type ReportMeta = {
  /** 机关名称, e.g. 城东区人民政府. */
  agency?: string;
  /** 年度 of the statistics, e.g. 2023. */
  year?: number;
  /** 发布机关 (signature), e.g. 城东区人民政府办公室. */
  office?: string;
  /** 发布日期, ISO `YYYY-MM-DD`. */
  date?: string;
  /** 联系方式 (address / phone), as written. */
  contact?: string;
  /** The document title as published, when it came from a published report. */
  title?: string;
  /** Section titles as they appear in the document; absent means the official titles. */
  sectionTitles?: Partial<Record<SectionId, string>>;
};

export type Narrative = Partial<Record<NarrativeField, string>>;

/** The report: one value per cell key present in the document (absent key = no such cell). */
export type Report = {
  format: string;
  meta: ReportMeta;
  values: Partial<Record<CellKey, ReportValue>>;
  narrative: Narrative;
};
