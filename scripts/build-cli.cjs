// Builds the command line into one file (dist-cli/cli.js, with its reading process dist-cli/read-worker.js)
// with esbuild, so that a run starts without compiling TypeScript. docx, pdf.js and Chart.js stay in
// node_modules and are loaded only by the commands that use them. `node scripts/build-cli.cjs` builds it;
// scripts/cli.cjs builds it on demand.
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'dist-cli');

function buildCli() {
  // Loaded here, not at the top: a run whose build is current never loads esbuild.
  const esbuild = require('esbuild');
  esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli/main.ts', 'read-worker': 'src/cli/read-worker.ts' },
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['docx', 'pdfjs-dist', 'pdfjs-dist/*', 'chart.js', 'esbuild'],
    legalComments: 'none',
    minify: true,
    keepNames: true,
    logLevel: 'error',
  });
}

module.exports = { buildCli, OUT };

if (require.main === module) buildCli();
