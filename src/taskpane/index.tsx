import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost, type HostStatus } from './host';
import { getController, watchChanges } from './runtime';
import { createWordController } from './word-controller';

function render(status: HostStatus): void {
  const container = document.getElementById('root');
  if (!container) return;
  const extra =
    status.kind === 'ready'
      ? { controller: getController() }
      : status.kind === 'word'
        ? { wordController: createWordController((batch) => Word.run(batch), { documentInsert: Office.context.requirements.isSetSupported('WordApi', '1.5') }) }
        : {};
  createRoot(container).render(<App status={status} {...extra} />);
  if (status.kind === 'ready') {
    void getController().probe();
    void watchChanges(getController());
  }
}

// office.js comes from the CDN; if it did not load (offline, blocked), say so instead of a blank pane.
if (typeof Office === 'undefined') render({ kind: 'no-office' });
else void Office.onReady((info) => render(detectHost(Office, String(info.host ?? ''))));
