/** A reading process of the pool (read-pool.ts): reads the files it is sent and answers with what it read, or, after a check setup, with the lines `check` prints. */
import { loadReport } from './load';
import '../files/node-crc';
import { checkOne, type CheckSetup } from './check-one';
import type { PoolAnswer, PoolJob } from './read-pool';

let setup: CheckSetup | undefined;

async function answer(job: PoolJob): Promise<PoolAnswer> {
  const loaded = await loadReport(job.file);
  return setup && loaded.ok ? { index: job.index, checked: checkOne(job.file, loaded, setup) } : { index: job.index, loaded };
}

process.on('message', (m: PoolJob | { setup: CheckSetup } | 'done') => {
  if (m === 'done') {
    process.disconnect();
    return;
  }
  if ('setup' in m) {
    setup = m.setup;
    return;
  }
  void answer(m).then((a) => process.send?.(a));
});
