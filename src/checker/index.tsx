import { createRoot } from 'react-dom/client';
import { downloadInBrowser } from '../taskpane/delivery';
import { localToday } from '../taskpane/filter';
import { CheckerApp } from './CheckerApp';
import { cellId } from './Tables';
import { createChecker } from './session';

const checker = createChecker({
  download: (bytes, filename) => downloadInBrowser(bytes, filename),
  today: () => localToday(),
  reveal: (key) => {
    // After React has drawn the selection: bring the cell into view and give it focus.
    requestAnimationFrame(() => {
      const el = document.getElementById(cellId(key));
      el?.scrollIntoView({ block: 'center', inline: 'center' });
      el?.focus({ preventScroll: true });
    });
  },
});
const container = document.getElementById('root');
if (container) createRoot(container).render(<CheckerApp checker={checker} />);
