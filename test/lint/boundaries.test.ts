/** The architecture's boundaries are enforced by lint: prove the rules fire on real violations. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

function lint(filename: string, code: string) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', filename, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.map((m) => m.ruleId);
}

describe('import boundaries and Office rules', () => {
  test.each<[string, string, string]>([
    ['src/core/x.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    ['src/core/x.ts', "import { join } from 'node:path';\nexport const x = join;\n", 'no-restricted-imports'],
    ['src/core/x.ts', "import React from 'react';\nexport const x = React;\n", 'no-restricted-imports'],
    ['src/core/x.ts', "import { Button } from '@fluentui/react-components';\nexport const x = Button;\n", 'no-restricted-imports'],
    ['src/core/x.ts', "import ExcelJS from 'exceljs';\nexport const x = ExcelJS;\n", 'no-restricted-imports'],
    ['src/core/x.ts', "import { Document } from 'docx';\nexport const x = Document;\n", 'no-restricted-imports'],
    ['src/core/x.ts', 'export const x = () => Excel.run(async () => undefined);\n', 'no-restricted-globals'],
    ['src/core/x.ts', 'export const x = () => document.title;\n', 'no-restricted-globals'],
    ['src/core/x.ts', 'export const x = () => Date.now();\n', 'no-restricted-syntax'],
    ['src/core/x.ts', 'export const x = () => Math.random();\n', 'no-restricted-syntax'],
    ['src/taskpane/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    [
      'src/excel/x.ts',
      'export async function f(context: Excel.RequestContext, names: string[]) {\n  for (const n of names) {\n    const r = context.workbook.names.getItem(n).getRange();\n    r.load("values");\n    await context.sync();\n  }\n}\n',
      'office-addins/no-context-sync-in-loop',
    ],
  ])('%s: %j is refused by %s', (file, code, rule) => {
    expect(lint(file, code)).toContain(rule);
  });

  test('clean core code passes', () => {
    expect(lint('src/core/x.ts', 'export const add = (a: number, b: number): number => a + b;\n')).toEqual([]);
  });
});
