/**
 * Renders the task pane in its main states to static HTML (server rendering with Fluent's styles)
 * and screenshots them with Debian's Chromium at the task pane's width, into test-artifacts/.
 * A look at the pane as a user sees it, without Excel. Run: npx tsx scripts/preview-taskpane.tsx
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RendererProvider, createDOMRenderer, renderToStyleElements } from '@fluentui/react-components';
import { renderToStaticMarkup } from 'react-dom/server';
import { App } from '../src/taskpane/App';
import { createController, type Controller, type RunExcel } from '../src/taskpane/controller';
import type { HostStatus } from '../src/taskpane/host';
import { WorkbookState, excelContext } from '../test/doubles/excel-host';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/helpers/chromium';

const utf8 = (s: string) => new TextEncoder().encode(s);

const OUT = join(__dirname, '..', 'test-artifacts');
const EXAMPLE = readFileSync(join(__dirname, '..', 'examples', 'chengdong-2023.json'), 'utf8');

function controllerOn(state: WorkbookState, fail = false): Controller {
  const run: RunExcel = async (batch) => {
    if (fail) throw Object.assign(new Error('x'), { code: 'InvalidOperationInCellEditMode' });
    return batch(excelContext(state).context);
  };
  return createController(run, { api19: true });
}

function page(status: HostStatus, controller?: Controller): string {
  const renderer = createDOMRenderer();
  const body = renderToStaticMarkup(
    <RendererProvider renderer={renderer}>
      <App status={status} {...(controller ? { controller } : {})} />
    </RendererProvider>,
  );
  const styles = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><base href="file://${join(__dirname, '..')}/"><style>body{margin:0}</style>${styles}</head><body>${body}</body></html>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const states: [string, HostStatus, Controller | undefined][] = [];

  const fresh = new WorkbookState();
  fresh.addSheet('Sheet1');
  states.push(['taskpane-empty', { kind: 'ready', theme: 'light' }, controllerOn(fresh)]);

  const withErrors = new WorkbookState();
  withErrors.addSheet('Sheet1');
  const c1 = controllerOn(withErrors);
  await c1.generateTemplate({ name: 'chengdong-2023.json', bytes: utf8(EXAMPLE.replace('"requests.disclosed.total": 6', '"requests.disclosed.total": 7')) });
  await c1.check();
  states.push(['taskpane-findings', { kind: 'ready', theme: 'light' }, c1]);
  states.push(['taskpane-findings-dark', { kind: 'ready', theme: 'dark' }, c1]);

  const clean = new WorkbookState();
  clean.addSheet('Sheet1');
  const c2 = controllerOn(clean);
  await c2.generateTemplate();
  await c2.generateTemplate();
  states.push(['taskpane-renamed', { kind: 'ready', theme: 'light' }, c2]);

  const carrying = new WorkbookState();
  carrying.addSheet('Sheet1');
  const c4 = controllerOn(carrying);
  await c4.generateTemplate({ name: 'chengdong-2023.json', bytes: utf8(EXAMPLE) });
  await c4.setLocalRules({
    name: '县规则.json',
    bytes: utf8(JSON.stringify({ deadlines: { department: '01-15' }, lengthLimits: { overview: 800 }, off: ['blank-cell'] })),
  });
  await c4.check();
  states.push(['taskpane-local-rules', { kind: 'ready', theme: 'light' }, c4]);

  const c3 = controllerOn(new WorkbookState(), true);
  await c3.check();
  states.push(['taskpane-failure', { kind: 'ready', theme: 'light' }, c3]);
  states.push(['taskpane-unsupported', { kind: 'unsupported', theme: 'light' }, undefined]);

  for (const [name, status, controller] of states) {
    const html = join(OUT, `${name}.html`);
    writeFileSync(html, page(status, controller));
    execFileSync(
      chromiumPath(),
      [
        ...CHROMIUM_FLAGS,
        '--hide-scrollbars',
        `--user-data-dir=${join(OUT, '.chromium')}`,
        '--window-size=320,900',
        `--screenshot=${join(OUT, `${name}.png`)}`,
        `file://${html}`,
      ],
      { stdio: 'ignore' },
    );
  }
  process.stdout.write(`${states.map(([n]) => `test-artifacts/${n}.png`).join('\n')}\n`);
}

void main();
