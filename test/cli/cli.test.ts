/** Spawns the real command line and asserts output and exit codes. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_IDS, stringifyReport } from '../../src/core';
import { EXAMPLE_PATH, consistentReport, withValues } from '../helpers/reports';
import { parseXlsx } from '../../src/xlsx/parse';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const good = file('good.json', stringifyReport(consistentReport()));
const bad = file('bad.json', stringifyReport(withValues(consistentReport(), { 'requests.disclosed.total': 5 })));
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at .+:\d+/mu);

describe('check', () => {
  test('the example: JSON line with findings and summary, exit 0', () => {
    const r = cli(['check', EXAMPLE_PATH, '--format', 'json']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!);
    expect(o.file).toBe(EXAMPLE_PATH);
    expect(o.summary).toEqual({ errors: 0, warnings: 17, reviewed: 0 });
    expect(o.findings[0]).toEqual(expect.objectContaining({ rule: 'meta-date', severity: 'warning', cells: ['meta.date'], message: expect.any(String) }));
    expect(o.findings).toContainEqual(
      expect.objectContaining({ rule: 'old-template', severity: 'warning', cells: expect.any(Array), message: expect.any(String) }),
    );
  });

  test('a report with an error: exit 1, text grouped by table with a summary', () => {
    const r = cli(['check', bad]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('三、收到和处理政府信息公开申请情况');
    expect(r.out).toContain('错误 [row-total] （一）予以公开（总计列）为5');
    expect(r.out).toMatch(/未通过：2 个错误，0 个警告$/mu);
    expect(r.out).not.toContain('\u001b['); // no colour when not a terminal
  });

  test('FORCE_COLOR colours the severity', () => {
    expect(cli(['check', bad], { FORCE_COLOR: '1', NO_COLOR: '' }).out).toContain('\u001b[31m错误');
  });

  test('several files: each readable one is checked, exit is the worst', () => {
    const missing = join(dir, 'missing.json');
    const r = cli(['check', good, missing, bad, '--format', 'json']);
    expect(r.code).toBe(2);
    const files = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).file);
    expect(files).toEqual([good, bad]);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(missing);
    expect(r.err).toContain('文件不存在');
    noStack(r.err);
  });

  test('worst of good and bad is 1', () => {
    expect(cli(['check', good, bad, '--format', 'json']).code).toBe(1);
  });

  test('--previous compares with last year', () => {
    const last = consistentReport();
    last.meta = { ...last.meta, year: 2022 };
    // Last year's own words: this case is about the numbers, not copied text.
    last.narrative = { overview: '上一年度的总体情况另有写法。', problems: '上一年度的问题另有写法。', other: '上年依法收取信息处理费二百元。' };
    const prev = file(
      'prev.json',
      stringifyReport(
        withValues(last, {
          'requests.carriedForward.natural': 3,
          'requests.carriedForward.total': 3,
          'requests.newReceived.natural': 3,
          'requests.newReceived.total': 3,
        }),
      ),
    );
    const r = cli(['check', good, '--previous', prev, '--format', 'json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(o.findings.map((f: { rule: string }) => f.rule)).toEqual(['carry-over', 'carry-over']);
  });

  test.each<[string, string, RegExp]>([
    ['not JSON', '{"format": "gov-info', /不是有效的 JSON/u],
    ['empty file', '', /文件是空的/u],
    ['wrong format', JSON.stringify({ format: 'other', values: {} }), /format：应为/u],
    ['unknown key', JSON.stringify({ format: 'gov-info-annual-report/2021', values: { 'x.y': 1 } }), /未知的单元格键/u],
  ])('malformed input (%s): exit 2, one line naming the file', (_name, content, message) => {
    const p = file(`m-${_name.replace(/\s/gu, '')}.json`, content);
    const r = cli(['check', p]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(p);
    expect(r.err).toMatch(message);
    noStack(r.err);
  });

  test('a file of another type is refused clearly', () => {
    const r = cli(['check', file('report.pptx', 'PK')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不支持“\.pptx”/u);
    const pdf = cli(['check', file('report.pdf', '%PDF')]);
    expect(pdf.code).toBe(2);
    expect(pdf.err).toMatch(/PDF 文件已损坏或不是 PDF/u);
    const docx = cli(['check', file('report.docx', 'PK')]);
    expect(docx.code).toBe(2);
    expect(docx.err).toMatch(/Word 文档/u);
  });

  test('a folder is refused clearly', () => {
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    const r = cli(['check', folder]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件夹/u);
  });
});

describe('usage', () => {
  test.each<[string[], RegExp]>([
    [['frobnicate'], /未知命令/u],
    [[], /用法/u],
    [['check'], /至少一个/u],
    [['check', 'a.json', '--format', 'xml'], /--format/u],
    [['check', 'a.json', '--colour'], /未知选项 --colour/u],
    [['check', 'a.json', '--previous'], /需要一个值/u],
  ])('%j exits 2 with a message', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    noStack(r.err);
  });

  test('help exits 0', () => {
    const r = cli(['help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('npm run cli -- check');
  });

  test('rules lists every rule with its severity, title, description and source', () => {
    const json = cli(['rules', '--format', 'json']);
    expect(json.code).toBe(0);
    const o = JSON.parse(json.out) as {
      format: string;
      rules: { id: string; severity: string; severities: string[]; title: string; description: string; source: string }[];
    };
    expect(o.format).toBe('gov-info-annual-report/2021');
    expect(o.rules.map((r) => r.id)).toEqual(RULE_IDS);
    for (const r of o.rules) {
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.title && r.description && r.source).toBeTruthy();
    }
    expect(o.rules.find((r) => r.id === 'balance')!.source).toContain('表三注释');
    const text = cli(['rules']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('核对规则（');
    expect(text.out).toContain('[balance]');
    expect(text.out).toContain('依据：');
    expect(cli(['rules', '--format', 'xml']).code).toBe(2);
  });

  test('--config: local rules are used, shown by rules, and a bad file is refused clearly', () => {
    const late = file(
      'late.json',
      stringifyReport({ ...consistentReport(), meta: { ...consistentReport().meta, agency: '测试县教育局', date: '2024-01-25' } }),
    );
    const local = file('local.json', JSON.stringify({ deadlines: { department: '01-20' }, off: ['blank-cell'] }));
    const deadlineOf = (args: string[]) =>
      (JSON.parse(cli(['check', late, '--format', 'json', ...args]).out) as { findings: { rule: string; data: { days?: number } }[] }).findings.filter(
        (f) => f.rule === 'deadline',
      );
    expect(deadlineOf([])).toEqual([]);
    expect(deadlineOf(['--config', local]).map((f) => f.data.days)).toEqual([5]);
    const shown = cli(['rules', '--config', local]);
    expect(shown.out).toContain('本次使用的规则配置（本地规则）');
    expect(shown.out).toContain('已关闭的规则：空白单元格（blank-cell）');
    const broken = file('broken.json', '{"deadlines": {"county": "01-31"}}');
    const r = cli(['check', good, '--config', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/规则配置.*有误：deadlines：未知的机关类型“county”/u);
    noStack(r.err);
  });

  test('several bodies checked together: a section copied from another body is named', () => {
    const text =
      '本局认真贯彻落实政府信息公开条例，健全工作机制，主动公开各类政府信息，依法办理政府信息公开申请，加强政府网站和政务新媒体建设，组织业务培训并纳入年度考核。';
    const a = consistentReport();
    const one = file('a.json', stringifyReport({ ...a, meta: { ...a.meta, agency: '测试县教育局' }, narrative: { ...a.narrative, overview: text } }));
    const two = file('b.json', stringifyReport({ ...a, meta: { ...a.meta, agency: '测试县民政局' }, narrative: { ...a.narrative, overview: text } }));
    const lines = cli(['check', one, two, '--format', 'json'])
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { findings: { messageId: string; data: { other?: string } }[] });
    expect(lines.map((o) => o.findings.filter((f) => f.messageId === 'copied.other-body').map((f) => f.data.other))).toEqual([
      ['测试县民政局'],
      ['测试县教育局'],
    ]);
  });

  test('demo: workbook, check and Word report of the bundled example, into out/', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'demo-'));
    const r = spawnSync(TSX, [join(ROOT, 'src/cli/main.ts'), 'demo'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('通过：0 个错误，23 个警告');
    expect(readFileSync(join(cwd, 'out/chengdong-2023.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(cwd, 'out/chengdong-2023.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('template, export and .xlsx', () => {
  const xlsx = join(dir, 'chengdong.xlsx');

  test('template --register: the register sheets; --data with numbers in tables 三/四 is refused, nothing written', () => {
    const out = join(dir, 'register.xlsx');
    const r = cli(['template', '--register', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('表三、表四由“申请台账”“复议诉讼”工作表自动计算');
    expect(parseXlsx(readFileSync(out)).sheets.map((s) => s.name)).toEqual(['报告数据', '报告正文', '核对', '申请台账', '复议诉讼', '台账选项']);
    const refused = join(dir, 'register-refused.xlsx');
    const r2 = cli(['template', '--register', '--data', EXAMPLE_PATH, '-o', refused]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('--register 的表三、表四由台账计算');
    expect(existsSync(refused)).toBe(false);
    noStack(r2.err);
  });

  test('template --data writes a workbook that checks like the JSON, and export reads it back', () => {
    const r = cli(['template', '--data', EXAMPLE_PATH, '-o', xlsx]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成');
    const check = cli(['check', xlsx, '--format', 'json']);
    expect(check.code).toBe(0);
    const o = JSON.parse(check.out);
    expect(o.summary).toEqual({ errors: 0, warnings: 23, reviewed: 0 });
    const json = join(dir, 'exported.json');
    expect(cli(['export', xlsx, '-o', json]).code).toBe(0);
    const exported = JSON.parse(readFileSync(json, 'utf8'));
    const example = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
    expect(exported.values['requests.newReceived.natural']).toBe(12);
    expect(exported.values['active.fees']).toBe(341.5979);
    expect(exported.narrative).toEqual(example.narrative);
  });

  test('never overwrites an existing file unless asked', () => {
    const before = readFileSync(xlsx);
    const r = cli(['template', '-o', xlsx]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在');
    expect(readFileSync(xlsx).equals(before)).toBe(true);
    expect(cli(['template', '-o', xlsx, '--overwrite']).code).toBe(0);
  });

  test('text longer than a cell can hold: refused with a message, no file written', () => {
    const long = file('long.json', stringifyReport({ ...consistentReport(), narrative: { overview: '很长。'.repeat(12000) } }));
    const out = join(dir, 'long.xlsx');
    const r = cli(['template', '--data', long, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('32767');
    expect(() => readFileSync(out)).toThrow();
  });

  test.each<[string, string[], RegExp]>([
    ['no -o', ['template'], /-o/u],
    ['not .xlsx', ['template', '-o', 'x.docx'], /\.xlsx/u],
    ['export without -o', ['export', EXAMPLE_PATH], /-o/u],
  ])('usage: %s', (_name, args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test.each<[string, Buffer, RegExp]>([
    ['text named .xlsx', Buffer.from('not a workbook'), /不是 Excel 工作簿/u],
    ['a zip that is not a workbook', Buffer.from('504b0304140000000000', 'hex'), /损坏|不是/u],
  ])('%s: exit 2 with a clear message', (name, bytes, message) => {
    const p = file(`${name.replace(/\s/gu, '-')}.xlsx`, bytes.toString('latin1'));
    writeFileSync(p, bytes);
    const r = cli(['check', p]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    noStack(r.err);
  });

  test('a workbook without the report: told what is missing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '与报告无关的表格';
    const p = join(dir, 'unrelated.xlsx');
    writeFileSync(p, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = cli(['check', p]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有找到报告表格/u);
  });

  test('template --config: the workbook carries the local rules; check, word, rules and a new template use them; --config wins', async () => {
    const late = file(
      'late-dept.json',
      stringifyReport({ ...consistentReport(), meta: { ...consistentReport().meta, agency: '测试县教育局', date: '2024-01-25' } }),
    );
    const local = file('carried.json', JSON.stringify({ deadlines: { department: '01-20' } }));
    const carrying = join(dir, 'carrying.xlsx');
    const made = cli(['template', '--data', late, '--config', local, '-o', carrying]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('携带本地规则');
    const checked = (args: string[]) =>
      JSON.parse(cli(['check', ...args, '--format', 'json']).out) as { findings: { rule: string; data: { days?: number } }[]; notes?: string[] };
    const own = checked([carrying]);
    expect(own.findings.filter((f) => f.rule === 'deadline').map((f) => f.data.days)).toEqual([5]);
    expect(own.notes).toContainEqual(expect.stringContaining('按工作簿携带的本地规则检查'));
    // Rules given for the check win, and the output says the workbook's were not used.
    const national = checked([carrying, '--config', file('national.json', '{}')]);
    expect(national.findings.filter((f) => f.rule === 'deadline')).toEqual([]);
    expect(national.notes).toContainEqual(expect.stringContaining('未使用工作簿中的规则'));
    // The workbook itself can be the configuration, for checking other reports with a template's rules.
    expect(cli(['rules', '--config', carrying]).out).toContain('政府部门次年1月20日前');
    const lateJson = JSON.parse(cli(['check', late, '--config', carrying, '--format', 'json']).out) as { findings: { rule: string }[] };
    expect(lateJson.findings.map((f) => f.rule)).toContain('deadline');
    // A template made from it keeps them.
    const again = join(dir, 'carrying-again.xlsx');
    expect(cli(['template', '--data', carrying, '-o', again]).code).toBe(0);
    expect(
      checked([again])
        .findings.filter((f) => f.rule === 'deadline')
        .map((f) => f.data.days),
    ).toEqual([5]);
    // The local rules' sheet is hidden and holds nothing the reader takes for the report: the values are the JSON's.
    const exported = join(dir, 'carrying.json');
    expect(cli(['export', carrying, '-o', exported]).code).toBe(0);
    expect(JSON.parse(readFileSync(exported, 'utf8')).values).toEqual(JSON.parse(readFileSync(late, 'utf8')).values);
    expect(parseXlsx(readFileSync(carrying)).sheets.map((x) => x.name)).toEqual(['报告数据', '报告正文', '核对', '本地规则']);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(carrying) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['报告数据', 'visible'],
      ['报告正文', 'visible'],
      ['核对', 'visible'],
      ['本地规则', 'hidden'],
    ]);
    // Someone edited the rules cell into something unreadable: refused, never silently national.
    wb.getWorksheet('本地规则')!.getCell('B3').value = '{"copiedShare": 7}';
    const broken = join(dir, 'broken-rules.xlsx');
    writeFileSync(broken, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = cli(['check', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/“本地规则”工作表中的规则配置有误：copiedShare/u);
    noStack(r.err);
    const plain = join(dir, 'plain.xlsx');
    expect(cli(['template', '-o', plain]).code).toBe(0);
    expect(cli(['rules', '--config', plain]).err).toMatch(/没有携带本地规则/u);
  });

  test('.xls is refused with advice', () => {
    const r = cli(['check', file('old.xls', 'x')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/另存为 \.xlsx/u);
  });
});

describe('word', () => {
  test('a clean report: writes the .docx', () => {
    const out = join(dir, 'good.docx');
    const r = cli(['word', good, '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('a report with errors: lists them, writes nothing without --force', () => {
    const out = join(dir, 'bad.docx');
    const r = cli(['word', bad, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('错误 [row-total]');
    expect(r.err).toContain('--force');
    expect(() => readFileSync(out)).toThrow();
    const forced = cli(['word', bad, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test.each<[string[], RegExp]>([
    [['word'], /报告文件/u],
    [['word', 'x.json'], /-o/u],
    [['word', 'x.json', '-o', 'x.pdf'], /\.docx/u],
  ])('usage %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('reviews (已核实)', () => {
  const review = { rule: 'row-total', cells: ['requests.disclosed.total'], reason: '已与司法局备案数据核对', date: '2024-01-20' };
  // The wrong total breaks its row and the total column's sum: both are reviewed.
  const column = { rule: 'handled-total', cells: ['requests.totalHandled.total'], reason: '同上', date: '2024-01-20' };
  const reviewed = file('reviewed.json', JSON.stringify({ ...JSON.parse(readFileSync(bad, 'utf8')), reviews: [review, column] }));

  test('check honours reviews from .json: listed as 已核实, exit 0, json shows reviewed', () => {
    const r = cli(['check', reviewed]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已核实（2）[\s\S]*已核实 \[row-total\] （一）予以公开（总计列）为5.*（已核实：已与司法局备案数据核对；2024-01-20）/u);
    expect(r.out).toContain('通过：0 个错误');
    const j = JSON.parse(cli(['check', reviewed, '--format', 'json']).out);
    expect(j.summary).toEqual(expect.objectContaining({ errors: 0, reviewed: 2 }));
    expect(j.findings.find((f: { rule: string }) => f.rule === 'row-total').reviewed).toEqual({ reason: review.reason, date: review.date });
  });

  test('a review lapses when its numbers change: the error is back and a note says why', () => {
    const report = JSON.parse(readFileSync(reviewed, 'utf8'));
    report.reviews[0].values = { 'requests.disclosed.total': 4 };
    const r = cli(['check', file('lapsed.json', JSON.stringify(report))]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误 [row-total]');
    expect(r.out).toContain('1 条核实记录已失效');
  });

  test('template --data keeps the reviews in a 核实记录 sheet; check and export read them from the .xlsx', () => {
    const xlsx = join(dir, 'reviewed.xlsx');
    const t = cli(['template', '--data', reviewed, '-o', xlsx]);
    expect(t.code).toBe(0);
    expect(t.out).toContain('2 条核实记录');
    const r = cli(['check', xlsx, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary.reviewed).toBe(2);
    const out = join(dir, 'reviewed-export.json');
    expect(cli(['export', xlsx, '-o', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).reviews).toEqual([review, column]);
  });

  test('word: a reviewed error does not stop the report', () => {
    const out = join(dir, 'reviewed.docx');
    expect(cli(['word', reviewed, '-o', out]).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('--format csv: a header once, one row per finding with the rule title, cell, address and review', () => {
    const xlsx = join(dir, 'csv.xlsx');
    expect(cli(['template', '--data', bad, '-o', xlsx]).code).toBe(0);
    const r = cli(['check', xlsx, reviewed, '--format', 'csv']);
    expect(r.code).toBe(1); // the workbook's errors are not reviewed
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFF文件,级别,规则编号,规则,表格,单元格,单元格地址,问题,核实理由,核实日期');
    const fromXlsx = lines.find((l) => l.startsWith(xlsx) && l.includes(',row-total,'))!;
    expect(fromXlsx).toMatch(/^[^,]+,错误,row-total,总计列等于各申请人列之和,三、收到和处理政府信息公开申请情况,（一）予以公开（总计列）,报告数据![A-Z]+\d+,/u);
    const fromJson = lines.find((l) => l.startsWith(reviewed) && l.includes(',row-total,'))!;
    expect(fromJson.endsWith(',已与司法局备案数据核对,2024-01-20')).toBe(true);
    expect(fromJson.split(',')[1]).toBe('已核实');
    expect(lines.filter((l) => l.startsWith('\uFEFF') || l.startsWith('文件'))).toHaveLength(1);
  });

  test('a bad review in the JSON is refused with its place', () => {
    const r = cli(['check', file('bad-review.json', JSON.stringify({ ...JSON.parse(readFileSync(bad, 'utf8')), reviews: [{ ...review, date: '下周一' }] }))]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('reviews[0].date');
  });
});

describe('import', () => {
  const DUMP = join(ROOT, 'examples/chengdong-2023-report.txt');
  test('the example text dump imports to the example JSON; check reads it directly', () => {
    const out = join(dir, 'imported.json');
    const r = cli(['import', DUMP, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('旧格式：规范性文件');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(EXAMPLE_PATH, 'utf8'));
    const c = cli(['check', DUMP, '--format', 'json']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out).findings.filter((f: { rule: string }) => f.rule === 'old-template')).toHaveLength(2);
  });

  test('a published report works as --previous', () => {
    const r = cli(['check', EXAMPLE_PATH, '--previous', DUMP, '--format', 'json']);
    const rules = JSON.parse(r.out).findings.map((f: { rule: string; messageId: string }) => f.messageId);
    // Last year's is the same report: its year is not the year before, its text and tables are the same.
    expect(rules).toEqual(expect.arrayContaining(['year.previous', 'copied.text', 'copied.table']));
  });

  test('a 200 MB file is refused at once', () => {
    const big = join(dir, 'huge.html');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024);
    const t0 = Date.now();
    const r = cli(['import', big, '-o', join(dir, 'huge.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件过大/u);
    expect(Date.now() - t0).toBeLessThan(20000);
  });

  test('many at once: a folder and files into a folder; a bad file is reported and the batch goes on', () => {
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    copyFileSync(DUMP, join(inbox, '城东区.txt'));
    writeFileSync(join(inbox, '损坏.docx'), 'not a zip');
    writeFileSync(join(inbox, '坏的.pdf'), '%PDF-1.4 broken');
    writeFileSync(join(inbox, '截图.png'), 'png'); // not importable: left out of the folder's files
    copyFileSync(DUMP, join(dir, '城东区.html.txt'));
    const out = join(dir, 'imported-batch');
    const r = cli(['import', inbox, join(dir, '城东区.html.txt'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法导入 .*损坏\.docx/u);
    expect(r.out).toMatch(/已导入 .*城东区\.txt → .*城东区\.json（读取 \d+ 个单元格/u);
    expect(r.err).toMatch(/无法导入 .*坏的\.pdf：PDF 文件已损坏/u);
    expect(r.out).toContain('共 4 个文件：导入 2 个，2 个未能导入');
    expect(readFileSync(join(out, '城东区.json'), 'utf8')).toBe(readFileSync(EXAMPLE_PATH, 'utf8'));
    expect(readFileSync(join(out, '城东区.html.json'), 'utf8')).toBe(readFileSync(EXAMPLE_PATH, 'utf8'));
    // Again without --overwrite: nothing is replaced, each file says why, the run still ends with a summary.
    const again = cli(['import', inbox, '-o', out]);
    expect(again.err).toMatch(/已存在/u);
    expect(again.out).toContain('共 3 个文件：导入 0 个，3 个未能导入');
  });

  test('many at once: -o must be a folder, and an empty folder is a usage error', () => {
    const r = cli(['import', DUMP, DUMP, '-o', EXAMPLE_PATH]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/应是一个文件夹/u);
    const empty = join(dir, 'empty-inbox');
    mkdirSync(empty, { recursive: true });
    expect(cli(['import', empty, '-o', join(dir, 'x')]).err).toMatch(/没有可导入/u);
  });

  test.each<[string[], RegExp]>([
    [['import'], /要导入/u],
    [['import', 'x.txt'], /-o/u],
    [['import', 'x.json', '-o', 'y.json'], /只能导入/u],
  ])('usage %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
