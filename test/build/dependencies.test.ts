/** Dependencies are the ones the code really uses: every runtime dependency is imported by src/. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/u.test(f) ? [p] : [];
  });
}

test('every runtime dependency is imported by the source', () => {
  const source = files(join(ROOT, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  // A static import, a dynamic one (a chunk loaded on first use, maybe with a chunk-name comment), or a
  // file of the package read as it is (Chart.js's browser build, inlined into the dashboard).
  const imported = (dep: string) =>
    source.includes(`require.resolve('${dep}')`) ||
    source.includes(`from '${dep}'`) ||
    source.includes(`from '${dep}/`) ||
    new RegExp(`import\\((?:/\\*[^*]*\\*/\\s*)?'${dep}[/']`, 'u').test(source);
  const unused = Object.keys(pkg.dependencies).filter((dep) => !imported(dep));
  expect(unused).toEqual([]);
});

test('the pages carry a Content Security Policy of their own: the one the server sends', () => {
  const html = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  expect(html).toContain('http-equiv="Content-Security-Policy" content="<%= csp %>"');
  const config = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
  expect(config).toContain("require('./src/server/csp.ts')");
});
