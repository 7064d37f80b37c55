/** What the task pane and the add-in server agree on for the one-time document relay. */
export const RELAY_PATH = '/api/relay';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
