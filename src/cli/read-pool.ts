/**
 * Reading many report files on every core: child processes (read-worker) each read and parse files
 * (the work that dominates a large 汇总) and send back the report sources, structured-cloned; the
 * order of the files is kept. Each reader has several files in hand, so it never waits for the next.
 * Processes rather than worker threads: they inherit how this process was started (tsx from source,
 * or the built CLI), loaders included. With one core, or few files, the files are read in this
 * process.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loaded } from './load';
import { loadReportsInOrder } from './load';

/** Below this many files a pool costs more than it saves. */
const POOL_MIN_FILES = 40;
/** Files sent to a reader before it answers: it never waits for the next one, and the order of answers does not matter. */
const IN_FLIGHT = 6;

export async function loadReports(files: readonly string[], progress?: (done: number, total: number) => void): Promise<Loaded[]> {
  const threads = Math.min(availableParallelism(), 4);
  const out: Loaded[] = new Array(files.length);
  let done = 0;
  const inOrder = (index: number, loaded: Loaded) => {
    out[index] = loaded;
    progress?.(++done, files.length);
  };
  // Report JSON costs less to parse than to send between processes: it is read here, the rest in the pool.
  const pooled = files.flatMap((f, i) => (/\.json$/iu.test(f) ? [] : [i]));
  if (threads < 2 || pooled.length < POOL_MIN_FILES) {
    await loadReportsInOrder(files, inOrder);
    return out;
  }
  const inPool = new Set(pooled);
  const here = loadReportsInOrder(files, inOrder, (i) => inPool.has(i));
  let next = 0;
  // Run from source, the readers need tsx's loader in the children too (a test runner's process has none).
  const source = __filename.endsWith('.ts');
  const execArgv =
    source && !process.execArgv.some((a) => a.includes('tsx'))
      ? [...process.execArgv, '--import', pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href]
      : process.execArgv;
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = fork(join(__dirname, `read-worker${source ? '.ts' : '.js'}`), [], {
        execArgv,
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      return new Promise<void>((resolve) => {
        let inFlight = 0;
        const feed = () => {
          while (inFlight < IN_FLIGHT && next < pooled.length) {
            const index = pooled[next++]!;
            inFlight++;
            worker.send({ index, file: files[index] });
          }
          if (inFlight === 0) worker.send('done');
        };
        worker.on('message', (m: { index: number; loaded: Loaded }) => {
          out[m.index] = m.loaded;
          inFlight--;
          progress?.(++done, files.length);
          feed();
        });
        // A child that fails or dies leaves its files unanswered: they are read here below.
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
        feed();
      });
    }),
  );
  await here;
  await loadReportsInOrder(files, inOrder, (i) => out[i] !== undefined);
  return out;
}
