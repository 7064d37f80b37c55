import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost, type HostStatus } from './host';
import { getController, watchChanges } from './runtime';
import type { WordController } from './word-controller';

function render(status: HostStatus, wordController?: WordController): void {
  const container = document.getElementById('root');
  if (!container) return;
  const extra = status.kind === 'ready' ? { controller: getController() } : wordController ? { wordController } : {};
  createRoot(container).render(<App status={status} {...extra} />);
  if (status.kind === 'ready') {
    void getController().probe();
    void watchChanges(getController());
  }
}

/** In Word, the pane's controller (with the report reader) loads first; a failed load still draws the pane, which says so. */
async function renderWord(status: HostStatus): Promise<void> {
  try {
    const { createWordController } = await import(/* webpackChunkName: "word-pane" */ './word-controller');
    render(
      status,
      createWordController((batch) => Word.run(batch), { documentInsert: Office.context.requirements.isSetSupported('WordApi', '1.5') }),
    );
  } catch {
    render({ kind: 'load-failed', theme: status.kind === 'no-office' ? 'light' : status.theme });
  }
}

// office.js comes from the CDN; if it did not load (offline, blocked), say so instead of a blank pane.
if (typeof Office === 'undefined') render({ kind: 'no-office' });
else
  void Office.onReady((info) => {
    const status = detectHost(Office, String(info.host ?? ''));
    if (status.kind === 'word') void renderWord(status);
    else render(status);
  });
