/** The Chinese user guide: up to date with the rule declarations, covering what the pane does, linked from the pane and the ribbon. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, RULE_IDS } from '../../src/core';
import { helpHtml } from '../../scripts/help-page';

const ROOT = join(__dirname, '../..');
const page = readFileSync(join(ROOT, 'static/help.html'), 'utf8');

test('static/help.html is what the generator writes (run npx tsx scripts/make-help.ts after changing a rule)', () => {
  expect(page).toBe(helpHtml());
});

test('it covers installing, the template, filling, checking, reviewing, the Word report and the command line', () => {
  for (const heading of [
    '安装',
    '试用（旁加载）',
    '正式部署（集中部署）',
    '生成模板',
    '填写',
    '检查报告',
    '处理问题与核实',
    '生成 Word 报告',
    '命令行',
    '核对规则一览',
  ]) {
    expect(page).toContain(heading);
  }
  for (const words of ['空白填0', '标为已核实', '重置已核实', '导出问题清单', '返回修改', '核实记录']) expect(page).toContain(words);
});

test('every rule is in the table with its title and source', () => {
  for (const id of RULE_IDS) {
    expect(page).toContain(`<code>${id}</code>`);
    expect(page).toContain(RULES[id].title.replace(/&/gu, '&amp;'));
  }
  expect(page).toContain(`核对规则一览（${RULE_IDS.length}条）`);
});

test('the pane links to it and the ribbon has a 帮助 button for it', () => {
  expect(readFileSync(join(ROOT, 'src/taskpane/App.tsx'), 'utf8')).toMatch(/href="help\.html"/u);
  const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  expect(manifest).toContain('<FunctionName>openHelp</FunctionName>');
  expect(manifest).toContain('<FunctionName>generateTemplate</FunctionName>');
});
