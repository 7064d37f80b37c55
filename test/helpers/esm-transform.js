// Jest runs on CommonJS; pdf.js ships only ES modules. This transform turns them into CommonJS with
// esbuild (already a dependency of the build), for the tests only: Node itself loads them natively.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'js',
      format: 'cjs',
      target: 'node20',
      sourcefile: filename,
      sourcemap: 'inline',
      supported: { 'dynamic-import': false },
      define: { 'import.meta.url': JSON.stringify(`file://${filename}`) },
    });
    return { code, map };
  },
};
