/** The recorded dependency audit (npm audit cannot run here): production tree against the advisories the project keeps. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const audit = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/audit-deps.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

function advisories(list: object[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'audit-')), 'advisories.json');
  writeFileSync(file, JSON.stringify({ advisories: list }));
  return file;
}

test('the recorded advisories: none open in the production tree, each reported', () => {
  const r = audit();
  expect(r.status).toBe(0);
  const recorded = JSON.parse(readFileSync(join(ROOT, 'security/advisories.json'), 'utf8')) as { advisories: { advisory: string }[] };
  for (const a of recorded.advisories) expect(r.stdout).toContain(a.advisory);
  expect(r.stdout).toContain('没有未处理的安全公告');
});

test('uuid below 11.1.1 (GHSA-w5hq-g745-h8pq) is nowhere in the installed tree, dev packages included', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const uuids = Object.entries(lock.packages).filter(([where]) => where.endsWith('node_modules/uuid'));
  expect(uuids.length).toBeGreaterThan(0);
  for (const [, info] of uuids) expect(Number(info.version!.split('.')[0])).toBeGreaterThanOrEqual(11);
});

test('an advisory that matches a production package fails the audit and names it; accepted with a reason, it passes', () => {
  const react = JSON.parse(readFileSync(join(ROOT, 'node_modules/react/package.json'), 'utf8')) as { version: string };
  const hit = { package: 'react', range: `<=${react.version}`, advisory: 'TEST-0001', title: 'a test advisory', accepted: false, why: '' };
  const open = audit('--advisories', advisories([hit]));
  expect(open.status).toBe(1);
  expect(open.stdout).toContain(`需要处理  TEST-0001  react@${react.version}`);
  const accepted = audit('--advisories', advisories([{ ...hit, accepted: true, why: '只在测试中' }]));
  expect(accepted.status).toBe(0);
  expect(accepted.stdout).toContain('已评估');
});

test('a package used only by the tests (ExcelJS) is not part of the production tree', () => {
  const r = audit('--advisories', advisories([{ package: 'exceljs', range: '*', advisory: 'TEST-0002', title: 'dev only', accepted: false, why: '' }]));
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('生产依赖中没有此包');
});

test('an unreadable advisories file is exit 2 with a message', () => {
  const r = audit('--advisories', join(tmpdir(), 'no-such-advisories.json'));
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('无法读取');
});
