/**
 * What the task pane is running in: Excel with the API it needs, an Excel too old for it,
 * another Office application, or a plain browser (no Office at all).
 */

/**
 * The oldest ExcelApi set the add-in runs on: 1.7 is Excel 2019 (volume-licensed perpetual; 1.8 is
 * Excel 2021, Microsoft 365 from version 1808, and the web). What needs more (data validation and
 * gridlines 1.8; fill pattern, page layout and change events 1.9) is feature-detected where used.
 */
export const MIN_EXCEL_API = '1.7';

export type HostStatus =
  | { kind: 'ready'; theme: 'light' | 'dark' }
  /** Word: the pane inserts a generated report into the open document (WordApi 1.1). */
  | { kind: 'word'; theme: 'light' | 'dark'; canInsert: boolean }
  | { kind: 'unsupported'; theme: 'light' | 'dark' }
  | { kind: 'other-host'; host: string; theme: 'light' | 'dark' }
  /** A part of the add-in's own program could not be loaded (network, or an update meanwhile). */
  | { kind: 'load-failed'; theme: 'light' | 'dark' }
  | { kind: 'no-office' };

type OfficeLike = {
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    officeTheme?: { bodyBackgroundColor?: string };
  };
};

/** Relative luminance of a #rrggbb colour (0 black … 1 white). */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function themeOf(office: OfficeLike | undefined): 'light' | 'dark' {
  const bg = office?.context?.officeTheme?.bodyBackgroundColor;
  const l = bg ? luminance(bg) : undefined;
  return l !== undefined && l < 0.2 ? 'dark' : 'light';
}

export function detectHost(office: OfficeLike | undefined, host: string | null | undefined): HostStatus {
  if (!office || !host) return { kind: 'no-office' };
  const theme = themeOf(office);
  if (host === 'Word') return { kind: 'word', theme, canInsert: office.context?.requirements?.isSetSupported('WordApi', '1.1') ?? false };
  if (host !== 'Excel') return { kind: 'other-host', host, theme };
  const supported = office.context?.requirements?.isSetSupported('ExcelApi', MIN_EXCEL_API) ?? false;
  return supported ? { kind: 'ready', theme } : { kind: 'unsupported', theme };
}
