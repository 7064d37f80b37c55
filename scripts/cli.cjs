#!/usr/bin/env node
// The command line as people run it (`npm run cli --`, or the `gov-report` command): the built bundle
// when it is current, rebuilt first when it is missing or older than a source file, so a fresh clone
// and an edited checkout both run what their sources say.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist-cli', 'cli.js');

/** The newest modification time under a folder (the CLI's sources are a few hundred files: about a millisecond). */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs;
    if (t > latest) latest = t;
  }
  return latest;
}

function current() {
  let built;
  try {
    built = Math.min(fs.statSync(BUNDLE).mtimeMs, fs.statSync(path.join(ROOT, 'dist-cli', 'read-worker.js')).mtimeMs);
  } catch {
    return false;
  }
  const src = path.join(ROOT, 'src');
  // An installed copy without its sources runs what it was shipped with.
  if (!fs.existsSync(src)) return true;
  return newest(src) <= built && fs.statSync(path.join(ROOT, 'package.json')).mtimeMs <= built;
}

if (!current()) require('./build-cli.cjs').buildCli();
require(BUNDLE).run(process.argv.slice(2));
