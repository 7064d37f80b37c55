/**
 * Reading (and checking) many report files on every core: child processes (read-worker) each read and
 * parse files (the work that dominates a large 汇总 or check) and send back the report sources,
 * structured-cloned, or, for `check`, the lines to print; the order of the files is kept. Each reader
 * has several files in hand, so it never waits for the next; this process reads from the same queue
 * (one process per core in all). Processes rather than worker threads:
 * they inherit how this process was started (tsx from source, or the built CLI), loaders included.
 * With one core, or few files, the files are read in this process.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loaded } from './load';
import { loadReport, loadReportsInOrder } from './load';
import { checkOne, type CheckSetup, type Checked } from './check-one';

/** Below this many files a pool costs more than it saves. */
const POOL_MIN_FILES = 40;
/** Files sent to a reader before it answers: it never waits for the next one, and the order of answers does not matter. */
const IN_FLIGHT = 6;

export type PoolJob = { index: number; file: string };
export type PoolAnswer = { index: number; loaded: Loaded } | { index: number; checked: Checked };

function poolSize(files: number): number {
  const threads = Math.min(availableParallelism(), 4);
  return threads < 2 || files < POOL_MIN_FILES ? 0 : threads;
}

/**
 * Sends the files at `indices` to `size` readers (after `setup`, when given) and passes each answer on
 * as it comes. A reader that fails or dies leaves its files unanswered; the caller reads those itself.
 */
async function runPool(
  files: readonly string[],
  indices: readonly number[],
  size: number,
  setup: CheckSetup | undefined,
  answer: (a: PoolAnswer) => void,
  here: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  // This process takes files from the same queue, one at a time, between the readers' answers: it
  // would otherwise wait, first while the readers start and then for their answers.
  const local = async () => {
    while (next < indices.length) {
      await here(indices[next++]!);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Run from source, the readers need tsx's loader in the children too (a test runner's process has none).
  const source = __filename.endsWith('.ts');
  const execArgv =
    source && !process.execArgv.some((a) => a.includes('tsx'))
      ? [...process.execArgv, '--import', pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/loader.mjs')).href]
      : process.execArgv;
  await Promise.all([
    local(),
    ...Array.from({ length: size - 1 }, () => {
      const worker = fork(join(__dirname, `read-worker${source ? '.ts' : '.js'}`), [], {
        execArgv,
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      if (setup) worker.send({ setup });
      return new Promise<void>((resolve) => {
        let inFlight = 0;
        const feed = () => {
          while (inFlight < IN_FLIGHT && next < indices.length) {
            const index = indices[next++]!;
            inFlight++;
            worker.send({ index, file: files[index]! } satisfies PoolJob);
          }
          if (inFlight === 0) worker.send('done');
        };
        worker.on('message', (m: PoolAnswer) => {
          inFlight--;
          answer(m);
          feed();
        });
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
        feed();
      });
    }),
  ]);
}

export async function loadReports(files: readonly string[], progress?: (done: number, total: number) => void): Promise<Loaded[]> {
  const out: Loaded[] = new Array(files.length);
  let done = 0;
  const inOrder = (index: number, loaded: Loaded) => {
    out[index] = loaded;
    progress?.(++done, files.length);
  };
  // Report JSON costs less to parse than to send between processes: it is read here, the rest in the pool.
  const pooled = files.flatMap((f, i) => (/\.json$/iu.test(f) ? [] : [i]));
  const size = poolSize(pooled.length);
  if (size === 0) {
    await loadReportsInOrder(files, inOrder);
    return out;
  }
  const inPool = new Set(pooled);
  await loadReportsInOrder(files, inOrder, (i) => inPool.has(i));
  await runPool(
    files,
    pooled,
    size,
    undefined,
    (a) => 'loaded' in a && inOrder(a.index, a.loaded),
    async (i) => inOrder(i, await loadReport(files[i]!)),
  );
  await loadReportsInOrder(files, inOrder, (i) => out[i] !== undefined);
  return out;
}

/**
 * `check` of many reports, each on its own: read and checked in the pool, and passed to `each` in the
 * order of the files (a file that could not be read as its failure).
 */
export async function checkReports(files: readonly string[], setup: CheckSetup, each: (index: number, result: Checked | Loaded) => void): Promise<void> {
  const results = new Map<number, Checked | Loaded>();
  let shown = 0;
  const arrive = (index: number, result: Checked | Loaded) => {
    results.set(index, result);
    for (; results.has(shown); shown++) {
      each(shown, results.get(shown)!);
      results.delete(shown);
    }
  };
  const here = (index: number, loaded: Loaded) => arrive(index, loaded.ok ? checkOne(files[index]!, loaded, setup) : loaded);
  const size = poolSize(files.length);
  const answered = new Set<number>();
  if (size > 0) {
    await runPool(
      files,
      files.map((_, i) => i),
      size,
      setup,
      (a) => {
        answered.add(a.index);
        arrive(a.index, 'checked' in a ? a.checked : a.loaded);
      },
      async (i) => {
        answered.add(i);
        here(i, await loadReport(files[i]!));
      },
    );
  }
  await loadReportsInOrder(files, here, (i) => answered.has(i));
}
