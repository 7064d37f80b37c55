/**
 * Stands in for office.js in the browser tests: an Office and Excel (and Word) with the in-memory
 * host double of the unit tests. The test sets `window.__officeConfig` before the page loads.
 */
import { FakeContext, WorkbookState, requirementsOf } from '../doubles/excel-host';

/** A set given as true is supported at any version; a version string, up to that version. */
type Config = { host: 'Excel' | 'Word' | null; platform: 'PC' | 'OfficeOnline'; sets: Record<string, boolean | string>; failRun?: boolean; dark?: boolean };
type Win = Window & Record<string, unknown>;
const w = window as unknown as Win;
const config: Config = (w.__officeConfig as Config | undefined) ?? { host: 'Excel', platform: 'PC', sets: { ExcelApi: true } };

const state = new WorkbookState();
state.addSheet('Sheet1');
const excel = { state, syncs: 0, runs: 0, format: () => state.formatSnapshot(), content: () => state.contentSnapshot() };
w.__excel = excel;
w.__opened = [] as string[];
w.__associated = {} as Record<string, unknown>;
w.__shown = 0;
w.__word = [] as { base64: string; location: string }[];

w.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
  onReady: (callback?: (info: { host: string | null; platform: string }) => void) => {
    const info = { host: config.host, platform: config.platform };
    return Promise.resolve().then(() => {
      callback?.(info);
      return info;
    });
  },
  context: {
    platform: config.platform,
    requirements: requirementsOf(
      Object.fromEntries(
        Object.entries(config.sets)
          .filter(([, v]) => v !== false)
          .map(([k, v]) => [k, v === true ? '99.0' : String(v)]),
      ),
    ),
    officeTheme: { bodyBackgroundColor: config.dark ? '#262626' : '#FFFFFF' },
    ui: { openBrowserWindow: (url: string) => (w.__opened as string[]).push(url) },
  },
  addin: { showAsTaskpane: async () => void (w.__shown = (w.__shown as number) + 1) },
  actions: { associate: (name: string, fn: unknown) => void ((w.__associated as Record<string, unknown>)[name] = fn) },
};

w.Excel = {
  run: async (batch: (context: unknown) => Promise<unknown>) => {
    excel.runs++;
    if (config.failRun) throw Object.assign(new Error('Excel is busy'), { code: 'InvalidOperationInCellEditMode' });
    const context = new FakeContext(state);
    try {
      return await batch(context);
    } finally {
      excel.syncs += context.syncCount;
    }
  },
};

/** Word: a document whose body holds `__wordText` (empty unless the test says); both insertions recorded. */
w.Word = {
  run: async (batch: (context: unknown) => Promise<unknown>) =>
    batch({
      document: {
        body: {
          load: () => undefined,
          get text() {
            return String(w.__wordText ?? '');
          },
          insertFileFromBase64: (base64: string, location: string) => (w.__word as unknown[]).push({ base64, location, level: 'body' }),
        },
        insertFileFromBase64: (base64: string, location: string) => (w.__word as unknown[]).push({ base64, location, level: 'document' }),
      },
      sync: async () => undefined,
    }),
};
