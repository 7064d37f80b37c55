/** The official revisions this tool knows, and the one a report is in. */
import type { FormatRevision } from '../revision';
import { FIGURES_2021, REVISION_2021 } from './2021';

export { FIGURES_2021, REVISION_2021 };

/** The revision new templates and reports are made in. */
export const CURRENT_REVISION: FormatRevision = REVISION_2021;

export const REVISIONS: readonly FormatRevision[] = [REVISION_2021];

/** The revision of a report's `format`, among the known ones (and any given for a test or a preview). */
export function revisionOf(format: string, known: readonly FormatRevision[] = REVISIONS): FormatRevision | undefined {
  return known.find((r) => r.id === format);
}

/** The revision a report is in; a report of an unknown format is a program error (its reader checks `format`). */
export function revisionFor(report: { format: string }, known: readonly FormatRevision[] = REVISIONS): FormatRevision {
  const r = revisionOf(report.format, known);
  if (!r) throw new Error(`unknown report format ${report.format}`);
  return r;
}
