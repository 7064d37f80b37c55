/**
 * The task pane's Content Security Policy, one definition for the page's meta tag (the build) and
 * the header our server sends. Scripts run from our own origin and office.js's; no eval.
 *
 * Microsoft publishes no canonical list for office.js (office-js issue #1005, office-js-docs-pr
 * issue #721, both open). What office.js itself loads, from its own code:
 * - its host- and locale-specific files, from the same CDN folder as office.js;
 * - MicrosoftAjax.js from https://ajax.aspnetcdn.com, on hosts that still need it;
 * - its telemetry, sent to https://browser.pipe.aria.microsoft.com.
 * Everything else stays on our own origin. The README says how to verify this in a real client.
 */
export const OFFICE_AJAX_ORIGIN = 'https://ajax.aspnetcdn.com';
export const OFFICE_TELEMETRY_ORIGIN = 'https://browser.pipe.aria.microsoft.com';
export const DEFAULT_OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

export function contentSecurityPolicy(officeJsOrigin: string = DEFAULT_OFFICE_JS_ORIGIN): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${officeJsOrigin} ${OFFICE_AJAX_ORIGIN}`,
    // Fluent UI (Griffel) inserts its style rules at run time, and office.js styles its own elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${officeJsOrigin} ${OFFICE_TELEMETRY_ORIGIN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The checker page's policy: it needs nothing from anywhere but its own files (it also works opened
 * from disk), sends nothing anywhere, and is framed by no one.
 */
export function checkerPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Who may frame the task pane: Office on the web hosts it in a frame from its own origins (frame-
 * ancestors works only as a header, not in the page's meta tag). The desktop clients' webviews do
 * not frame it from a web origin and are not affected.
 */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
  'https://*.officeppe.com',
  'https://*.partner.officewebapps.cn',
];

/** The policy our server sends with a page: the page's own, and who may frame it. */
export function pageHeaderPolicy(officeJsOrigin: string = DEFAULT_OFFICE_JS_ORIGIN): string {
  return `${contentSecurityPolicy(officeJsOrigin)}; frame-ancestors ${OFFICE_FRAME_ANCESTORS.join(' ')}`;
}
