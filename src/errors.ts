/**
 * Errors at the edges. A `UserError` is an expected failure (a file that cannot be read, a workbook
 * without the report, a server that refused the upload): its message is a complete Chinese sentence
 * for the user, shown as it is. Anything else that is thrown is a bug or a host failure, and the
 * shells say so in their own words.
 */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The error code of something thrown (Office's OfficeExtension.Error, Node's system errors), if any. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e)) return undefined;
  const code = (e as { code: unknown }).code;
  return code === undefined || code === null || code === '' ? undefined : String(code);
}

/** The text of something thrown, without a trailing full stop (so that a sentence can end it once). */
export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/[。.\s]+$/u, '');
}

/** Ends a sentence with one 。 whatever the text ended with. */
export function sentence(text: string): string {
  return /[。！？」”）]$/u.test(text) ? text : `${text.replace(/[.\s]+$/u, '')}。`;
}
