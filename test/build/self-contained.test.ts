/**
 * A user's clone has nothing beside it: no file of the project may reach outside the repository for
 * an example, a fixture or a document (the tests, the demo, the bench and the README use only what
 * is inside).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'coverage', 'test-artifacts']);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|html|xml|txt|yml|yaml)$|^run$/u;
// Spelled in two parts so that this file does not match itself.
const OUTSIDE = ['..', '/shared'].join('');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    if (SKIP.has(f)) return [];
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : TEXT.test(f) ? [p] : [];
  });
}

test('no file of the project refers to a folder beside the repository', () => {
  const offenders = files(ROOT)
    .filter((f) => !f.endsWith('package-lock.json'))
    .filter((f) => readFileSync(f, 'utf8').includes(OUTSIDE))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

test('the bundled example report is inside the repository', () => {
  const dump = readFileSync(join(ROOT, 'examples/chengdong-2023-report.txt'), 'utf8');
  expect(dump).toContain('政府信息公开工作年度报告');
});
