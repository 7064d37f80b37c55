/** What the findings list shows and offers, and the date reviews carry: shared by the task pane and the checker page (no Office here). */
import type { Finding, Standing } from '../core';

/** Which findings the list shows. */
export type Filter = 'all' | Standing;

/** Findings 空白填0 can fix: a blank count cell (a typed “/” or “无” is left to the person). */
export function fillsWithZero(f: Pick<Finding, 'rule' | 'messageId'>): boolean {
  return f.rule === 'blank-cell' && f.messageId === 'blank.cell';
}

/** Today on the user's device, as YYYY-MM-DD (the date of a review). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
