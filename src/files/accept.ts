/** What the file pickers accept, and how large a file may be (kept apart from the readers, so a page can offer a picker before it loads them). */

/** Report files: JSON, workbooks, and published reports (Word, web page, text, PDF). */
export const REPORT_FILE_ACCEPT = '.json,.xlsx,.docx,.html,.htm,.txt,.pdf';

/** Local rules: a rules JSON, or a workbook carrying them. */
export const CONFIG_FILE_ACCEPT = '.json,.xlsx';

/** The largest file any reader takes (a real report is a few hundred KB; a workbook with images a few MB). */
export const MAX_REPORT_FILE_BYTES = 50 * 1024 * 1024;
