#!/usr/bin/env node
// A repeatable dependency audit without the registry's audit service: lists the production
// dependency tree from package-lock.json (dev packages left out) and compares every installed
// version with the advisories recorded in security/advisories.json. Exit 0 when no production
// package is in an advisory's range (or the advisory is accepted with a reason), 1 otherwise,
// 2 when the files cannot be read. `--advisories FILE` and `--lock FILE` read other files (tests).
const fs = require('fs');
const path = require('path');
const semver = require('semver');

const ROOT = path.join(__dirname, '..');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
}

function main() {
  let lock;
  let advisories;
  try {
    lock = JSON.parse(fs.readFileSync(option('--lock', path.join(ROOT, 'package-lock.json')), 'utf8'));
    advisories = JSON.parse(fs.readFileSync(option('--advisories', path.join(ROOT, 'security/advisories.json')), 'utf8')).advisories;
  } catch (e) {
    process.stderr.write(`无法读取依赖清单或安全公告清单：${e.message}\n`);
    return 2;
  }
  // Every installed copy of a production package: name → versions (a package may be installed in several places).
  const production = new Map();
  for (const [where, info] of Object.entries(lock.packages ?? {})) {
    if (where === '' || info.dev || info.link) continue;
    const name = info.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!production.has(name)) production.set(name, new Set());
    production.get(name).add(info.version);
  }
  process.stdout.write(
    `生产依赖：${production.size} 个包（${[...production.values()].reduce((n, v) => n + v.size, 0)} 个安装版本）；已登记的安全公告：${advisories.length} 条\n`,
  );
  let open = 0;
  for (const a of advisories) {
    const hit = [...(production.get(a.package) ?? [])].filter((v) => semver.satisfies(v, a.range));
    if (hit.length === 0) {
      process.stdout.write(
        `  不受影响  ${a.advisory}  ${a.package} ${a.range}：生产依赖中${production.has(a.package) ? `为 ${[...production.get(a.package)].join('、')}` : '没有此包'}\n`,
      );
    } else if (a.accepted) {
      process.stdout.write(`  已评估    ${a.advisory}  ${a.package}@${hit.join('、')}：${a.why}\n`);
    } else {
      open++;
      process.stdout.write(`  需要处理  ${a.advisory}  ${a.package}@${hit.join('、')} 在范围 ${a.range} 内：${a.title}\n`);
    }
  }
  process.stdout.write(
    open === 0
      ? '结论：没有未处理的安全公告。\n'
      : `结论：${open} 条安全公告需要处理（升级，或在 security/advisories.json 中写明为何不受影响并标为 accepted）。\n`,
  );
  return open === 0 ? 0 : 1;
}

process.exitCode = main();
