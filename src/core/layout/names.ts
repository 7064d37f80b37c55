/** The names the workbook is known by: its two main sheets, and the defined names that carry the report's places through inserted rows and moved cells. */

export const DATA_SHEET = '报告数据';
export const TEXT_SHEET = '报告正文';

/** Defined names are the cell key with this prefix: `GIR.requests.newReceived.natural`, `GIR.meta.year`. */
export const NAME_PREFIX = 'GIR.';

export function definedName(placeKey: string): string {
  return `${NAME_PREFIX}${placeKey}`;
}

export function keyOfDefinedName(name: string): string | undefined {
  return name.length > NAME_PREFIX.length && name.slice(0, NAME_PREFIX.length).toUpperCase() === NAME_PREFIX ? name.slice(NAME_PREFIX.length) : undefined;
}
