/** A reading process of the pool (read-pool.ts): reads the files it is sent, answers with what it read. */
import { loadReport } from './load';

process.on('message', (job: { index: number; file: string } | 'done') => {
  if (job === 'done') {
    process.disconnect();
    return;
  }
  void loadReport(job.file).then((loaded) => process.send?.({ index: job.index, loaded }));
});
