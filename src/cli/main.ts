/**
 * The command-line tool: `check` report files, `demo` on the bundled example.
 * Exit codes: 0 no error findings; 1 some file has an error finding; 2 usage or unreadable input.
 */
import { existsSync } from 'node:fs';
import '../files/node-crc';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import {
  CURRENT_REVISION,
  DEFAULT_CONFIG,
  describeConfig,
  type RuleConfig,
  RULE_IDS,
  checkSource,
  openErrors,
  type Review,
  documentPlan,
  incompleteTitle,
  placesFromReport,
  registerFormulas,
  revisionFor,
  ruleInfo,
  stringifyReport,
  tooLongForExcel,
  workbookPlan,
  type ReportSource,
} from '../core';
import { UserError, errorText } from '../errors';
import { readFile } from 'node:fs/promises';
import { readRuleConfigBytes } from '../files/config';
import { UsageError, parseArgs } from './args';
import { ioMessage, loadReport, type Loaded } from './load';
import { CSV_HEADER, csvLine, formatRulesText, summaryText, type Style } from './output';
import { OUTPUT_KINDS, OutputError, writeOutput } from './output-file';
import { collectCommand, terminalProgress } from './collect';
import { checkReports, loadReports } from './read-pool';
import { checkOne, type CheckSetup, type Checked } from './check-one';

/** A progress bar when stderr is a terminal (never in a pipe, a file or a test). */
function withProgress(): { progress?: (done: number, total: number) => void } {
  const progress = terminalProgress(process.stderr);
  return progress ? { progress } : {};
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const USAGE = `政府信息公开年报助手 — 命令行

用法：
  npm run cli -- check <报告文件>... [--previous <上年报告>] [--config <规则.json>] [--format text|json|csv]
      检查报告的勾稽关系、基本信息、发布期限和内容；--format json 每个文件输出一行 JSON，
      --format csv 输出问题清单（每个问题一行，可用 Excel 打开）。已核实的问题不算错误。
      同时检查多个机关的报告时，还比较它们之间的雷同；--config 使用本地规则（见 rules）。
  npm run cli -- template [--data <报告.json|报告.xlsx>] [--config <规则.json>] [--register] -o <报告.xlsx> [--overwrite]
      生成标准工作簿（报告数据、报告正文两张表，及用公式自动核对合计的“核对”表），可用已有报告预先填好；--config 让工作簿携带本地规则
      （隐藏的“本地规则”工作表），此后在 Excel 和命令行中检查它都按这些规则；
      --register 加上“申请台账”“复议诉讼”工作表，表三、表四由台账用公式计算。
  npm run cli -- export <报告.xlsx> -o <报告.json> [--overwrite]
      把工作簿中的报告导出为报告 JSON。
  npm run cli -- import <报告.txt|报告.docx|报告.html|报告.pdf> -o <报告.json> [--overwrite]
  npm run cli -- import <文件或文件夹>... -o <文件夹> [--overwrite]
      一次导入多个报告：每个文件写成文件夹中的一个 .json；某个文件无法读取时列出原因，其余照常导入。
      把已发布的报告导入为报告 JSON，并列出未能读取的内容。
  npm run cli -- word <报告.xlsx|报告.json> -o <报告.docx> [--config <规则.json>] [--force] [--blank-as-zero] [--overwrite]
      生成 Word 报告；报告有错误时只列出错误，加 --force 才生成。
  npm run cli -- collect <报告文件或文件夹>... [--units <单位名单.csv|.xlsx>] [--parent <本级报告>] [--previous <上年报告文件夹>] [--year <年度>] -o <汇总.xlsx> [--format text|json]
      主管部门汇总：逐份检查各单位报告，按单位名单核对缺报、重复、年度，逐格求和写成标准汇总表，
      并附“报送情况”“问题清单”“雷同”工作表；给出上级报告时核对其各数值是否等于下级合计。
  npm run cli -- rules [--config <规则.json>] [--format text|json]
      列出全部核对规则（编号、级别、名称、说明和依据）和本次使用的规则配置。
  --config 也可以是携带本地规则的工作簿（.xlsx），即使用它携带的规则。
  npm run cli -- demo
      检查随附的示例报告（城东区人民政府2023年度）。
  npm run cli -- help

退出码：0 没有错误；1 有错误类问题；2 用法错误或文件无法读取。`;

/** The one input file and the `-o` output of a converting command (export, import, word). */
function inputAndOutput(
  positional: readonly string[],
  options: Map<string, string | true>,
  what: { input: string; output: string },
): { input: string; out: string } {
  const [input, ...extra] = positional;
  if (input === undefined) throw new UsageError(`请指定${what.input}`);
  if (extra.length > 0) throw new UsageError(`多余的参数“${extra[0]}”`);
  const out = options.get('out');
  if (typeof out !== 'string') throw new UsageError(`请用 -o 指定要写入的 ${what.output} 文件`);
  return { input, out };
}

/** Loads a report file, or says in one line why not (the caller then exits 2). */
async function loadOrExplain(path: string, io: Io, what = '读取'): Promise<Extract<Loaded, { ok: true }> | undefined> {
  const loaded = await loadReport(path);
  if (loaded.ok) return loaded;
  io.err(`错误：无法${what} ${path}：${loaded.message}`);
  return undefined;
}

type Io = { out: (s: string) => void; err: (s: string) => void; style: Style };

function defaultStyle(): Style {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return { color: force !== '0' };
  return { color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined };
}

/** Reports checked together are compared with each other up to this many (pairs grow with the square). */
const MAX_PEERS = 100;

/** The rule configuration of `--config` (a rules JSON, or a workbook carrying local rules); a bad file is a usage error naming its problems. */
async function loadConfig(options: Map<string, string | true>, io: Io): Promise<RuleConfig | undefined | 'bad'> {
  const path = options.get('config');
  if (typeof path !== 'string') return undefined;
  try {
    return await readRuleConfigBytes(path, await readFile(path));
  } catch (e) {
    io.err(`错误：无法使用规则配置 ${path}：${e instanceof UserError ? e.message : ioMessage(e)}`);
    return 'bad';
  }
}

async function check(argv: readonly string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(argv, { previous: { takesValue: true }, format: { takesValue: true }, config: { takesValue: true } });
  const format = options.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv') throw new UsageError(`--format 只能是 text、json 或 csv，而不是“${String(format)}”`);
  if (positional.length === 0) throw new UsageError('请指定至少一个要检查的报告文件');
  const config = await loadConfig(options, io);
  if (config === 'bad') return EXIT_USAGE;

  let previous: ReportSource | undefined;
  const previousPath = options.get('previous');
  if (typeof previousPath === 'string') {
    const loaded = await loadReport(previousPath);
    if (!loaded.ok) {
      io.err(`错误：无法读取上年报告 ${previousPath}：${loaded.message}`);
      return EXIT_USAGE;
    }
    previous = loaded;
  }

  let worst = EXIT_OK;
  const total = { errors: 0, warnings: 0, reviewed: 0 };
  let withErrors = 0;
  const setup: CheckSetup = { format, style: io.style, ...(previous ? { previous } : {}), ...(config ? { config } : {}) };
  const show = (file: string, result: Loaded | Checked) => {
    if ('ok' in result) {
      if (!result.ok) {
        io.err(`错误：无法读取 ${file}：${result.message}`);
        worst = Math.max(worst, EXIT_USAGE);
      }
      return;
    }
    for (const line of result.lines) io.out(line);
    const { summary } = result;
    if (summary.errors > 0) {
      worst = Math.max(worst, EXIT_FINDINGS);
      withErrors++;
    }
    total.errors += summary.errors;
    total.warnings += summary.warnings;
    total.reviewed += summary.reviewed;
  };
  // The byte order mark lets Excel open the UTF-8 file with its Chinese intact.
  if (format === 'csv') io.out(`\uFEFF${csvLine(CSV_HEADER)}`);
  if (positional.length > MAX_PEERS) {
    // Too many to compare with each other: each report is read and checked on its own, on every core, and shown in order.
    if (format === 'text') io.err(`注：超过 ${MAX_PEERS} 个文件时不比较各机关报告之间的雷同。`);
    await checkReports(positional, setup, (index, result) => show(positional[index]!, result));
  } else {
    // Reports of several bodies checked together are compared with each other (copied text, other bodies' names).
    const all = await loadReports(positional);
    const loaded = positional.flatMap((file, i) => {
      const l = all[i]!;
      if (!l.ok) show(file, l);
      return l.ok ? [{ file, source: l as ReportSource }] : [];
    });
    const peers = loaded.length > 1 ? loaded.map((l) => l.source) : undefined;
    for (const { file, source } of loaded)
      show(
        file,
        checkOne(
          file,
          source,
          setup,
          peers?.filter((p) => p !== source),
        ),
      );
  }
  if (format === 'text' && positional.length > 1) {
    io.out(`共 ${positional.length} 个文件，其中 ${withErrors} 个有错误；合计 ${summaryText(total)}。`);
  }
  return worst;
}

async function template(argv: readonly string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    data: { takesValue: true },
    out: { takesValue: true, alias: 'o' },
    overwrite: { takesValue: false },
    config: { takesValue: true },
    register: { takesValue: false },
  });
  if (positional.length > 0) throw new UsageError(`多余的参数“${positional[0]}”`);
  const out = options.get('out');
  if (typeof out !== 'string') throw new UsageError('请用 -o 指定要写入的 .xlsx 文件');
  const register = options.has('register');
  if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('输出文件应以 .xlsx 结尾');
  let config = await loadConfig(options, io);
  if (config === 'bad') return EXIT_USAGE;
  let values = new Map<string, string | number | null>();
  let revision = CURRENT_REVISION;
  let reviews: Review[] | undefined;
  const data = options.get('data');
  if (typeof data === 'string') {
    const loaded = await loadOrExplain(data, io);
    if (!loaded) return EXIT_USAGE;
    revision = revisionFor(loaded.report);
    values = placesFromReport(loaded.report, revision);
    // A workbook's own local rules go on into the new one, unless other rules are given; so do its reviews.
    config ??= loaded.config;
    reviews = loaded.report.reviews;
  }
  const tooLong = tooLongForExcel(values, revision);
  if (tooLong) {
    io.err(`错误：${tooLong}，未生成工作簿`);
    return EXIT_USAGE;
  }
  if (register) {
    // The register's tables are formulas: numbers of the data there would be lost, so they are refused.
    const computed = [...registerFormulas(revision).keys()].filter((k) => {
      const v = values.get(k);
      return v !== undefined && v !== null && v !== 0 && v !== '';
    });
    if (computed.length > 0) {
      io.err(
        `错误：${String(data)} 的表三、表四已有数字（如“${revision.placeName(computed[0]!)}”），而 --register 的表三、表四由台账计算，这些数字会丢失。请不加 --register，或只用 --data 填入其他内容后在台账中登记`,
      );
      return EXIT_USAGE;
    }
  }
  // The workbook writer loads only for the commands that write a workbook.
  const { buildWorkbook } = await import('../xlsx/write');
  await writeOutput(out, await buildWorkbook(workbookPlan(revision, config, reviews, { register }), values), options.has('overwrite'), OUTPUT_KINDS.xlsx, [
    ...(typeof data === 'string' ? [data] : []),
    ...(typeof options.get('config') === 'string' ? [options.get('config') as string] : []),
  ]);
  const filled = typeof data === 'string' ? `已填入 ${data} 的内容` : '';
  const carries = config ? '携带本地规则（隐藏的“本地规则”工作表），用它检查时按这些规则' : '';
  const reviewed = reviews && reviews.length > 0 ? `带有 ${reviews.length} 条核实记录（“核实记录”工作表）` : '';
  const registered = register ? '表三、表四由“申请台账”“复议诉讼”工作表自动计算' : '';
  const said = [filled, carries, reviewed, registered].filter(Boolean);
  io.out(`已生成 ${out}${said.length > 0 ? `（${said.join('；')}）` : ''}`);
  return EXIT_OK;
}

async function exportJson(argv: readonly string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(argv, { out: { takesValue: true, alias: 'o' }, overwrite: { takesValue: false } });
  const { input, out } = inputAndOutput(positional, options, { input: '要导出的工作簿', output: '.json' });
  const loaded = await loadOrExplain(input, io);
  if (!loaded) return EXIT_USAGE;
  await writeOutput(out, stringifyReport(loaded.report), options.has('overwrite'), OUTPUT_KINDS.json, [input]);
  io.out(`已导出 ${out}${loaded.notes.length > 0 ? `（注：${loaded.notes.join('；')}）` : ''}`);
  return EXIT_OK;
}

const IMPORTABLE = /\.(txt|docx|html?|pdf)$/iu;

/** The files to import: each path given, a folder's importable files (in name order, not its subfolders). */
async function importInputs(paths: readonly string[]): Promise<{ files: string[]; folder: boolean }> {
  const files: string[] = [];
  let folder = false;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      folder = true;
      const names = (await readdir(path)).filter((n) => IMPORTABLE.test(n)).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      if (names.length === 0) throw new UsageError(`文件夹 ${path} 中没有可导入的 .txt、.docx、.html 或 .pdf 文件`);
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return { files, folder };
}

/** One report JSON per input in the folder `out`: `名称.json`, or `名称.扩展名.json` where two inputs share a name. */
function batchOutputs(files: readonly string[], out: string): string[] {
  const stem = (f: string) => basename(f, extname(f));
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f), (count.get(stem(f)) ?? 0) + 1);
  return files.map((f) => join(out, (count.get(stem(f)) ?? 0) > 1 ? `${basename(f)}.json` : `${stem(f)}.json`));
}

/** Imports one file and writes its JSON; says what it read and what it could not. False when it could not be imported. */
async function importOne(input: string, out: string, overwrite: boolean, io: Io, batch: boolean): Promise<boolean> {
  if (!IMPORTABLE.test(input)) {
    if (!batch) throw new UsageError('只能导入 .txt（Word 文本导出或网页文字）、.docx、.html 或 .pdf 文件');
    io.err(`错误：未导入 ${input}：只能导入 .txt（Word 文本导出或网页文字）、.docx、.html 或 .pdf 文件`);
    return false;
  }
  const loaded = await loadOrExplain(input, io, '导入');
  if (!loaded) return false;
  for (const p of loaded.problems) io.err(`  ${batch ? `${basename(input)}：` : ''}未能读取：${p}`);
  for (const l of loaded.oldLabels) io.err(`  ${batch ? `${basename(input)}：` : ''}旧格式：${l}`);
  try {
    await writeOutput(out, stringifyReport(loaded.report), overwrite, OUTPUT_KINDS.json, [input]);
  } catch (e) {
    if (!batch || !(e instanceof OutputError)) throw e;
    io.err(`错误：未能写入 ${input} 的结果：${e.message}`);
    return false;
  }
  const cells = Object.values(loaded.report.values).filter((v) => v !== undefined).length;
  const unread = loaded.problems.length > 0 ? `；有 ${loaded.problems.length} 处未能读取，见上` : '';
  io.out(
    batch
      ? `已导入 ${input} → ${out}（读取 ${cells} 个单元格${unread}）`
      : `已导入 ${out}${loaded.problems.length > 0 ? `（有 ${loaded.problems.length} 处未能读取，见上）` : ''}`,
  );
  return true;
}

async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(argv, { out: { takesValue: true, alias: 'o' }, overwrite: { takesValue: false } });
  if (positional.length === 0) throw new UsageError('请指定要导入的报告（.txt、.docx、.html 或 .pdf），或一个文件夹');
  const out = options.get('out');
  if (typeof out !== 'string') throw new UsageError('请用 -o 指定要写入的 .json 文件（导入多个文件时为文件夹）');
  const overwrite = options.has('overwrite');
  const { files, folder } = await importInputs(positional);
  if (files.length === 1 && !folder) return (await importOne(files[0]!, out, overwrite, io, false)) ? EXIT_OK : EXIT_USAGE;
  // Many at once: -o is a folder; one bad file is reported and the batch goes on.
  const target = await stat(out).catch(() => undefined);
  if (target && !target.isDirectory()) throw new UsageError(`导入多个文件时 -o 应是一个文件夹，${out} 是文件`);
  if (!target) await mkdir(out, { recursive: true });
  const outputs = batchOutputs(files, out);
  let failed = 0;
  for (const [i, file] of files.entries()) if (!(await importOne(file, outputs[i]!, overwrite, io, true))) failed++;
  io.out(`共 ${files.length} 个文件：导入 ${files.length - failed} 个${failed > 0 ? `，${failed} 个未能导入（见上）` : ''}。`);
  return failed > 0 ? EXIT_USAGE : EXIT_OK;
}

async function word(argv: readonly string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(argv, {
    out: { takesValue: true, alias: 'o' },
    force: { takesValue: false },
    'blank-as-zero': { takesValue: false },
    overwrite: { takesValue: false },
    config: { takesValue: true },
  });
  const { input, out } = inputAndOutput(positional, options, { input: '报告文件（.json 或 .xlsx）', output: '.docx' });
  if (!out.toLowerCase().endsWith('.docx')) throw new UsageError('输出文件应以 .docx 结尾');
  const loaded = await loadOrExplain(input, io);
  if (!loaded) return EXIT_USAGE;
  const incomplete = incompleteTitle(loaded.report);
  if (incomplete) {
    io.err(`错误：${incomplete}（--force 也不会生成）`);
    return EXIT_FINDINGS;
  }
  const config = await loadConfig(options, io);
  if (config === 'bad') return EXIT_USAGE;
  // Errors a person reviewed (已核实) do not stop the report.
  const errors = openErrors(checkSource(loaded, config ? { config } : {}));
  if (errors.length > 0) {
    for (const f of errors) io.err(`  错误 [${f.rule}] ${f.message}`);
    if (!options.has('force')) {
      io.err(`报告有 ${errors.length} 个错误，未生成 Word 报告。请先改正，或加 --force 仍然生成。`);
      return EXIT_FINDINGS;
    }
    io.err(`报告有 ${errors.length} 个错误，按 --force 仍然生成。`);
  }
  const { buildDocx } = await import('../word/docx');
  const bytes = await buildDocx(documentPlan(loaded.report, { blankAsZero: options.has('blank-as-zero') }));
  await writeOutput(out, Buffer.from(bytes), options.has('overwrite'), OUTPUT_KINDS.docx, [input]);
  io.out(`已生成 ${out}`);
  return EXIT_OK;
}

/** Every rule with its id, severity, title, description and source (the declarations), and the configuration in force. */
async function rules(argv: readonly string[], io: Io): Promise<number> {
  const { positional, options } = parseArgs(argv, { format: { takesValue: true }, config: { takesValue: true } });
  if (positional.length > 0) throw new UsageError(`多余的参数“${positional[0]}”`);
  const format = options.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json，而不是“${String(format)}”`);
  const loadedConfig = await loadConfig(options, io);
  if (loadedConfig === 'bad') return EXIT_USAGE;
  const config = loadedConfig ?? DEFAULT_CONFIG;
  const infos = RULE_IDS.map((id) => ({ ...ruleInfo(id), enabled: !config.off.includes(id) }));
  if (format === 'json') io.out(JSON.stringify({ format: CURRENT_REVISION.id, config, rules: infos }));
  else
    io.out(
      `${formatRulesText(infos, CURRENT_REVISION, io.style)}\n\n本次使用的规则配置${loadedConfig ? '（本地规则）' : '（全国通用规则）'}：\n${describeConfig(
        config,
      )
        .map((l) => `  ${l}`)
        .join('\n')}`,
    );
  return EXIT_OK;
}

/** The whole job on the bundled example, without Excel: workbook, check, Word report, into out/. */
async function demo(argv: readonly string[], io: Io): Promise<number> {
  parseArgs(argv, {});
  const root = projectRoot();
  const example = relative(process.cwd(), resolve(root, 'examples/chengdong-2023.json')) || 'examples/chengdong-2023.json';
  const outDir = resolve(process.cwd(), 'out');
  await mkdir(outDir, { recursive: true });
  const xlsx = relative(process.cwd(), resolve(outDir, 'chengdong-2023.xlsx'));
  const docx = relative(process.cwd(), resolve(outDir, 'chengdong-2023.docx'));
  io.out('示例：城东区人民政府2023年政府信息公开工作年度报告（examples/chengdong-2023.json）\n');
  io.out('1. 生成标准工作簿并填入示例数据');
  const templated = await template(['--data', example, '-o', xlsx, '--overwrite'], io);
  if (templated !== EXIT_OK) return templated;
  io.out('\n2. 检查工作簿');
  const checked = await check([xlsx], io);
  io.out('3. 生成 Word 报告');
  const written = await word([xlsx, '-o', docx, '--overwrite', '--force'], io);
  return written === EXIT_OK ? checked : written;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'demo':
        return await demo(rest, io);
      case 'template':
        return await template(rest, io);
      case 'export':
        return await exportJson(rest, io);
      case 'word':
        return await word(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'collect':
        return await collectCommand(rest, { ...io, config: (options) => loadConfig(options, io), ...withProgress() });
      case 'rules':
        return await rules(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT_OK;
      case undefined:
        io.err(USAGE);
        return EXIT_USAGE;
      default:
        io.err(`错误：未知命令“${command}”。运行 npm run cli -- help 查看用法。`);
        return EXIT_USAGE;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`错误：${e.message}。运行 npm run cli -- help 查看用法。`);
      return EXIT_USAGE;
    }
    if (e instanceof OutputError) {
      io.err(`错误：${e.message}`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

/** The folder with the bundled example: two levels up from the sources (src/cli), one from the built CLI (dist-cli). */
function projectRoot(): string {
  for (const up of ['../..', '..']) {
    const dir = resolve(__dirname, up);
    if (existsSync(join(dir, 'examples/chengdong-2023.json'))) return dir;
  }
  return resolve(__dirname, '../..');
}

/** Runs the command line in this process: its exit code, output and one-line message for a bug. */
export function run(argv: string[]): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  // Standard output is written in blocks (a write to a pipe or a file is a system call; a thousand
  // reports are a thousand lines), at the latest when the event loop turns; a message on standard
  // error first writes what came before it.
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return;
    process.stdout.write(pending.join(''));
    pending = [];
    size = 0;
  };
  const io: Io = {
    out: (s) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push(`${s}\n`);
      size += s.length;
      if (size > 64 * 1024) flush();
    },
    err: (s) => {
      flush();
      process.stderr.write(`${s}\n`);
    },
    style: defaultStyle(),
  };
  main(argv, io).then(
    (code) => {
      flush();
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not bad input: say so in one line, keep the detail for a debugging run.
      flush();
      process.stderr.write(`内部错误：${errorText(e)}\n`);
      if (process.env.DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

if (require.main === module) run(process.argv.slice(2));
