/** Text for XML we write ourselves (the .docx core properties and font table, the 问题清单 workbook). */

/** Characters XML 1.0 cannot carry (control characters, unpaired surrogates) are dropped. */
export function xmlSafe(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '')
  );
}

/** Escapes text for an element or a double-quoted attribute. */
export function xmlEscape(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}
