/**
 * Review decisions (已核实): a person has checked a finding and accepts it, with a reason. A review
 * is stored with the report (the report JSON's `reviews`, the workbook's 核实记录 sheet) and holds
 * while the finding is the one that was reviewed: same rule, same cell, the same values in its
 * cells and the same message. When the numbers change, the finding comes back as a new one.
 */
import type { Report } from '../report/types';
import type { ReportValue } from '../values/read';
import type { Finding, RuleId } from './types';

export type Review = {
  rule: RuleId;
  /** The finding's cells (its first cell, the one it points at, is enough in a hand-written review). */
  cells: string[];
  reason: string;
  /** YYYY-MM-DD, as the reviewer's device gave it. */
  date: string;
  /** The finding's message when it was reviewed: the review lapses when the message changes. */
  message?: string;
  /** The values of the finding's cells when it was reviewed: the review lapses when one changes. */
  values?: Record<string, ReportValue>;
};

export type Reviewed = { reason: string; date: string };

/** The longest reason kept (a reason is a sentence, not a document). */
export const MAX_REVIEW_REASON = 500;

/** The review of a finding, recording what it saw: its message and the values of its cells. */
export function reviewOf(finding: Finding, report: Report, reason: string, date: string): Review {
  const values: Record<string, ReportValue> = {};
  for (const key of finding.cells) {
    if (Object.prototype.hasOwnProperty.call(report.values, key)) values[key] = report.values[key] ?? null;
  }
  return { rule: finding.rule, cells: [...finding.cells], reason, date, message: finding.message, values };
}

/** The review is about this finding: same rule, it names the finding's cell, and all its cells are the finding's. */
function isAbout(review: Review, finding: Finding): boolean {
  if (review.rule !== finding.rule || review.cells.length === 0) return false;
  const first = finding.cells[0];
  return first !== undefined && review.cells.includes(first) && review.cells.every((c) => finding.cells.includes(c));
}

/** The finding is still what was reviewed: the message and every recorded value are unchanged. */
function stillHolds(review: Review, finding: Finding, report: Report): boolean {
  if (review.message !== undefined && review.message !== finding.message) return false;
  for (const [key, value] of Object.entries(review.values ?? {})) {
    if ((report.values[key] ?? null) !== value) return false;
  }
  return true;
}

export type AppliedReviews = {
  findings: Finding[];
  /** Reviews of findings that are back because their numbers or message changed. */
  lapsed: Review[];
};

/** Marks the findings a review still holds for as reviewed; the order is kept. */
export function applyReviews(findings: readonly Finding[], report: Report): AppliedReviews {
  const reviews = report.reviews ?? [];
  if (reviews.length === 0) return { findings: [...findings], lapsed: [] };
  const lapsed = new Set<Review>();
  const out = findings.map((f) => {
    const about = reviews.filter((r) => isAbout(r, f));
    const holding = about.find((r) => stillHolds(r, f, report));
    if (holding) return { ...f, reviewed: { reason: holding.reason, date: holding.date } };
    for (const r of about) lapsed.add(r);
    return f;
  });
  return { findings: out, lapsed: [...lapsed] };
}

/** Adds a review, replacing an earlier one of the same finding (same rule and cells). */
export function withReview(reviews: readonly Review[], review: Review): Review[] {
  const same = (r: Review) => r.rule === review.rule && r.cells.length === review.cells.length && r.cells.every((c, i) => c === review.cells[i]);
  return [...reviews.filter((r) => !same(r)), review];
}

/** What to tell the user about reviews that lapsed (nothing when none did). */
export function lapsedNotes(lapsed: readonly Review[]): string[] {
  return lapsed.length > 0 ? [`${lapsed.length} 条核实记录已失效：涉及的数值或问题已改变，相应问题重新列出，请再次核实`] : [];
}
