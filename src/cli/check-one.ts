/**
 * `check` on one loaded report: its findings as output lines and its counts. The same function runs
 * in the main process (reports compared with each other) and in the readers of the pool (many
 * reports, each on its own), so both give the same lines.
 */
import { carriedConfigNotes, checkSourceReviewed, lapsedNotes, revisionFor, summarize, type ReportSource, type RuleConfig, type Summary } from '../core';
import { formatFileCsv, formatFileText, type Style } from './output';

export type CheckFormat = 'text' | 'json' | 'csv';

/** What every report of one run is checked with (sent once to each reader of the pool). */
export type CheckSetup = { format: CheckFormat; style: Style; previous?: ReportSource; config?: RuleConfig };

export type Checked = { lines: string[]; summary: Summary };

export function checkOne(file: string, source: ReportSource, setup: CheckSetup, peers?: readonly ReportSource[]): Checked {
  const { previous, config, format, style } = setup;
  const { findings, lapsed } = checkSourceReviewed(source, {
    ...(previous ? { previous } : {}),
    ...(config ? { config } : {}),
    ...(peers ? { peers } : {}),
  });
  const summary = summarize(findings);
  const notes = [...source.notes, ...carriedConfigNotes(source.config, config), ...lapsedNotes(lapsed)];
  const revision = revisionFor(source.report);
  let lines: string[];
  if (format === 'json') lines = [JSON.stringify({ file, findings, summary, ...(notes.length > 0 ? { notes } : {}) })];
  else if (format === 'csv') lines = formatFileCsv(file, findings, revision, source.addresses);
  else lines = [`${formatFileText(file, findings, summary, revision, style)}${notes.map((n) => `\n  注：${n}`).join('')}\n`];
  return { lines, summary };
}
