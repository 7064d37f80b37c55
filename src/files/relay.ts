/** What the task pane and the add-in server agree on for the one-time document relay. */
export const RELAY_PATH = '/api/relay';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The documents the relay carries: the Word report and the 问题清单 workbook (both zip packages). */
export const RELAY_MIMES: readonly string[] = [DOCX_MIME, XLSX_MIME];

/** The type of a delivered file, from its name. */
export function mimeOf(filename: string): string {
  return filename.toLowerCase().endsWith('.xlsx') ? XLSX_MIME : DOCX_MIME;
}
