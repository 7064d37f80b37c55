/**
 * The Chinese user guide (static/help.html, shipped as dist/help.html and opened from the pane and
 * the ribbon). Its rules table comes from the rule declarations, so it never disagrees with the
 * checker; `npx tsx scripts/make-help.ts` rewrites the file and a test keeps it up to date.
 */
import { CURRENT_REVISION, RULE_IDS, SEVERITY_LABELS, ruleInfo } from '../src/core';

const esc = (s: string) => s.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function rulesTable(): string {
  const rows = RULE_IDS.map((id) => {
    const r = ruleInfo(id);
    const severity = r.severities.map((s) => SEVERITY_LABELS[s]).join(' / ');
    return `        <tr><td>${esc(r.title)}<br /><code>${esc(id)}</code></td><td>${esc(severity)}${r.needsPrevious ? '<br />（需上年报告）' : ''}</td><td>${esc(r.description)}</td><td>${esc(r.source)}</td></tr>`;
  });
  return `      <table>
        <thead><tr><th>规则</th><th>级别</th><th>核对内容</th><th>依据</th></tr></thead>
        <tbody>
${rows.join('\n')}
        </tbody>
      </table>`;
}

export function helpHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>政府信息公开年报助手 — 使用指南</title>
    <style>
      body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.75; color: #242424; }
      h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1.05rem; }
      code { background: #f3f3f3; padding: 0 .25rem; font-family: Consolas, monospace; font-size: .9em; }
      table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { border: 1px solid #ccc; padding: .3rem .45rem; vertical-align: top; text-align: left; } th { background: #f2f2f2; }
      nav ol { columns: 2; } .note { background: #fff8e1; border-left: 4px solid #f2c94c; padding: .5rem .8rem; }
      @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #e6e6e6; } code, th { background: #333; } th, td { border-color: #555; } .note { background: #3a3320; } }
    </style>
  </head>
  <body>
    <h1>政府信息公开年报助手 · 使用指南</h1>
    <p>本工具帮助编制《政府信息公开工作年度报告》（${esc(CURRENT_REVISION.name)}，国办公开办函〔2021〕30号）：在 Excel 中生成标准表格，核对全部勾稽关系并标出有问题的单元格，记录已核实的问题，生成符合公文格式的 Word 报告。没有 Excel 加载项的单位，可以用命令行集中核查。</p>
    <nav><ol>
      <li><a href="#install">安装</a></li><li><a href="#no-addin">没有加载项时</a></li><li><a href="#template">生成模板</a></li><li><a href="#fill">填写</a></li><li><a href="#check">检查报告</a></li>
      <li><a href="#review">处理问题与核实</a></li><li><a href="#word">生成 Word 报告</a></li><li><a href="#local">本地规则与上年报告</a></li><li><a href="#cli">命令行</a></li><li><a href="#rules">核对规则一览</a></li>
    </ol></nav>

    <h2 id="install">一、安装</h2>
    <p>需要 Excel 2019 或更新版本（Excel 2019/2021/2024、Microsoft 365）或网页版 Excel；Excel 2019 中生成的模板没有“只能填写非负整数”的输入限制，检查不受影响。Office 2016 和用 Internet Explorer 或旧版 Edge 显示加载项的 Office（任务窗格会提示“Office 版本过旧”）不能运行加载项：请安装 Microsoft Edge WebView2 运行时或改用网页版 Excel，或照常填写工作簿后交主管部门用命令行检查。加载项的文件由本单位的加载项服务器提供，清单文件为 <code>manifest.xml</code>，向信息化部门索取。</p>
    <h3>试用（旁加载）</h3>
    <p>Windows 版 Excel：把 <code>manifest.xml</code> 放入一个共享文件夹；在“文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录”中添加该共享路径，勾选“显示在菜单中”；重启 Excel，从“插入 → 我的加载项 → 共享文件夹”添加“政府信息公开年报助手”。网页版 Excel：在“插入 → 加载项 → 上传我的加载项”中上传清单。</p>
    <h3>正式部署（集中部署）</h3>
    <p>由 Microsoft 365 管理员在“管理中心 → 设置 → 集成应用”中上传 <code>manifest.xml</code>，指定用户或部门，加载项会出现在这些用户的 Excel 中。不使用 Microsoft 365 的单位，可用上面的共享文件夹目录统一配置。</p>
    <p>安装后，Excel 功能区出现“信息公开年报”选项卡：生成模板、检查报告、生成Word报告、年报助手（任务窗格）和帮助。</p>

    <h3 id="no-addin">没有加载项时：WPS、LibreOffice 与网页版检查</h3>
    <p>WPS、LibreOffice 和旧版 Excel 不能运行加载项，但同样可以用本工具的模板和检查：</p>
    <ul>
      <li><b>模板自带核对公式。</b>模板的“核对”工作表用公式逐项核对表三、表四的合计和“第一项加第二项等于第三项加第四项”，以及现行有效件数，填写时即时更新；核对不一致的合计在“报告数据”中显示为红色，“不一致项数”为 0 才说明合计都对上了。该表已锁定，请勿改动；检查报告时不读取该表。上年结转等需要对照上年报告的核对，由下面的网页版检查或命令行完成。</li>
      <li><b>网页版检查。</b>用新版浏览器（Edge、Chrome、Firefox）打开加载项服务器上的 <a href="checker.html">checker.html</a>，或把 <code>dist</code> 文件夹拷到本机后双击其中的 <code>checker.html</code>（不需要联网）。打开或拖入报告工作簿（.xlsx）、报告 JSON、Word（.docx）、网页（.html）或文本（.txt），即列出与加载项相同的问题，三张表格中标出有问题的单元格，点问题即跳到该单元格；可以“对比上年”、标为已核实、空白填0，并下载 Word 报告、标出问题的工作簿和问题清单。文件只在本机浏览器中读取，不会上传。</li>
      <li><b>用 WPS 表格、LibreOffice Calc 填写。</b>直接打开模板填写，保存为 .xlsx（WPS 不要另存为 .et）。LibreOffice 打开时若询问是否重新计算公式，选“是”。</li>
    </ul>

    <h2 id="template">二、生成模板</h2>
    <p>新建或打开一个工作簿，点击“生成模板”。加载项新增两张工作表：<b>报告数据</b>（表二、表三、表四，与格式中的合并表头、标签完全一致）和<b>报告正文</b>（机关名称、年度、发布机关、发布日期、联系方式，以及一、五、六部分的文字）。已有内容不会被改动；同名工作表有数据时，新模板放在新工作表中。</p>
    <p>已有往年报告的，可在任务窗格中点“用已有报告生成模板…”，选择报告工作簿、报告 JSON，或已发布的 Word、网页、文本，预先填好。</p>

    <h2 id="fill">三、填写</h2>
    <ul>
      <li>黄色单元格是填写区域。件数填非负整数；<b>没有的填 0</b>，不要留空，也不要填“/”“无”。</li>
      <li>行政事业性收费以<b>万元</b>为单位，最多 4 位小数，不带单位。</li>
      <li>正文写明本年度的情况，避免照抄上年：与上年相同的内容超过一半会被扣分。</li>
      <li>插入行、调整格式都不影响检查：加载项通过名称找到每个单元格。</li>
    </ul>

    <h2 id="check">四、检查报告</h2>
    <p>点击“检查报告”。有问题的单元格标上颜色（红色为错误，黄色为警告），任务窗格按“先错误、后警告”列出问题，并说明涉及的数字，例如“（七）总计（总计列）为12，但各项办理结果之和为11（相差1）”。点击问题即选中对应单元格；点“说明”可看规则的含义和依据。相同的问题合并为一组（如“14个单元格为空白，应填写0”），展开后逐个列出。</p>
    <p>用“全部 / 错误 / 警告 / 已核实”筛选。点击“清除标记”恢复单元格原来的颜色，问题列表也一并清除。检查后改动了表格，任务窗格会提示结果可能已过时，请重新检查。</p>

    <h2 id="review">五、处理问题与核实</h2>
    <h3>空白填0</h3>
    <p>空白单元格一组旁有“空白填0”按钮：确认后只在<b>仍为空白</b>的这些单元格中填入 0，不改动其他任何单元格，随后自动重新检查。可以“撤销”：只清空仍为 0 的单元格，此后改过的保留。除此以外，检查从不改动表格内容。</p>
    <h3>标为已核实</h3>
    <p>数字确实如此（例如与备案数据核对过）的问题，点“标为已核实…”，写明理由。核实记录保存在工作簿的“核实记录”工作表中，随工作簿保存和传递，命令行也能读取。已核实的问题列在“已核实”中，不再算作错误（不影响生成 Word 报告）；问题涉及的数字改变后，核实自动失效，问题重新列出。“重置已核实”删除全部核实记录。</p>
    <h3>导出问题清单</h3>
    <p>“导出问题清单”生成一个 Excel 文件：级别、规则、表格、单元格及其地址、问题、核实理由和日期，便于签核或退回下级单位修改。</p>

    <h2 id="word">六、生成 Word 报告</h2>
    <p>点击“生成Word报告”，得到按公文格式排版的完整报告：标题、开头段落、一至六部分、三张表格（与格式相同的合并表头）、落款和日期。报告还有错误时会先提示，建议“返回修改”；确需生成的可选“仍然生成”。机关名称或年度未填写时不会生成，以免标题不完整。网页版 Excel 直接下载；桌面版在浏览器中打开一次性下载链接。在 Word 中也可打开年报助手，把报告插入当前文档。</p>
    <p class="note">没有安装方正小标宋、仿宋_GB2312、楷体_GB2312 字体的电脑，会以宋体、仿宋、楷体显示。</p>

    <h2 id="local">七、本地规则与上年报告</h2>
    <p>主管部门可以设定本地规则（发布期限、雷同比例、字数上限、关闭的规则），用命令行 <code>template --config 规则.json</code> 生成携带规则的模板下发，或在任务窗格中“载入本地规则…”。“对比上年报告…”选择上年的报告后，检查还会核对上年结转、现行有效件数的衔接和内容雷同。</p>

    <h2 id="cli">八、命令行（集中核查）</h2>
    <p>主管部门可以在任何装有 Node.js 20 的电脑上核查大量报告，不需要 Excel：</p>
    <ul>
      <li><code>npm run cli -- check 报告/*.xlsx</code>：逐个检查，列出问题；<code>--format csv</code> 输出问题清单，<code>--format json</code> 供其他程序读取。</li>
      <li><code>npm run cli -- word 报告.xlsx -o 报告.docx</code>：生成 Word 报告。</li>
      <li><code>npm run cli -- import 报告文件夹 -o 导出文件夹</code>：把已发布的报告（Word、网页、PDF、从网页复制的文字）一次转成报告数据。</li>
      <li><code>npm run cli -- rules</code>：列出全部规则。</li>
    </ul>
    <p><strong>汇总本地区的报告：</strong><code>npm run cli -- collect 各单位报告文件夹 --units 单位名单.csv --parent 本级报告.xlsx -o 汇总.xlsx --html 汇总.html</code>。逐份检查各单位报告，按单位名单（表头：单位名称、单位类型、上级单位、别名）核对未报送、重复报送、年度不符和名单外的报告，把计入的报告逐格相加写成标准汇总表，并附“报送情况”“问题清单”（可发回各单位）“雷同”工作表；给出本级报告时，核对其每个数值是否等于下级单位合计。<code>--html</code> 生成可直接用浏览器打开的图表页。任务窗格中的“汇总多个报告…”可一次选择多份报告（可同时选单位名单 .csv），把汇总工作表写入当前工作簿。</p>
    <p>退出码：0 没有错误；1 有错误；2 文件无法读取或用法错误。已核实的问题不算错误。</p>

    <h2 id="rules">九、核对规则一览（${RULE_IDS.length}条）</h2>
${rulesTable()}
  </body>
</html>
`;
}
