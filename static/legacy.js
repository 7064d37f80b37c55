/*
 * 政府信息公开年报助手: the explanation for Office that runs add-ins in Internet Explorer 11 (Trident)
 * or the old Edge (EdgeHTML): volume-licensed Office 2016/2019, and newer Office where WebView2 is
 * missing. The task pane's own script needs a current browser engine and does not even parse there,
 * so this file is plain ES5 with no modules, loaded after the page's root element. Elsewhere it does
 * nothing.
 */
/* global window, document */
(function () {
  'use strict';

  function isLegacyEngine(win) {
    var ua = (win.navigator && win.navigator.userAgent) || '';
    // documentMode exists only in Internet Explorer; EdgeHTML says "Edge/NN" (Chromium Edge says "Edg/").
    return typeof win.document.documentMode === 'number' || /Trident\//.test(ua) || /\bEdge\/\d/.test(ua);
  }

  function el(doc, tag, text, style) {
    var node = doc.createElement(tag);
    if (text) node.appendChild(doc.createTextNode(text));
    if (style) node.setAttribute('style', style);
    return node;
  }

  /** A list item with a command that is never broken across lines. */
  function withCode(doc, before, code, after) {
    var item = el(doc, 'li', before);
    item.appendChild(el(doc, 'code', code, 'white-space: nowrap; font-family: Consolas, monospace; font-size: 11px; background: #f0f0f0; padding: 0 2px;'));
    item.appendChild(doc.createTextNode(after));
    return item;
  }

  function explain(doc) {
    var root = doc.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = el(doc, 'div', '', 'font-family: "Microsoft YaHei", SimSun, sans-serif; font-size: 14px; line-height: 1.6; padding: 12px; color: #242424;');
    box.setAttribute('role', 'alert');
    box.appendChild(el(doc, 'h1', 'Office 版本过旧，无法运行本加载项', 'font-size: 16px; margin: 0 0 8px; color: #b10e1c;'));
    box.appendChild(
      el(
        doc,
        'p',
        '这台电脑的 Office 用旧版浏览器组件（Internet Explorer 或旧版 Edge）显示加载项，本加载项无法在其中运行。',
        'margin: 0 0 8px;'
      )
    );
    box.appendChild(el(doc, 'p', '需要：', 'margin: 0; font-weight: bold;'));
    var need = el(doc, 'ul', '', 'margin: 0 0 8px; padding-left: 20px;');
    need.appendChild(el(doc, 'li', 'Microsoft 365 或 Office 2021 及更新版本的 Excel，并安装 Microsoft Edge WebView2 运行时（可向信息化部门申请）；'));
    need.appendChild(el(doc, 'li', '或在浏览器（新版 Edge、Chrome）中打开网页版 Excel 使用本加载项。'));
    box.appendChild(need);
    box.appendChild(el(doc, 'p', '暂时无法升级时：', 'margin: 0; font-weight: bold;'));
    var instead = el(doc, 'ul', '', 'margin: 0 0 8px; padding-left: 20px;');
    instead.appendChild(withCode(doc, '照常在 Excel 中填写报告工作簿（.xlsx），交主管部门用本工具的命令行检查：', 'npm run cli -- check 报告.xlsx', '，它给出与加载项相同的问题清单；'));
    instead.appendChild(withCode(doc, 'Word 报告也可由命令行生成：', 'npm run cli -- word 报告.xlsx -o 报告.docx', '。'));
    var page = el(doc, 'li', '或在新版浏览器（Edge、Chrome）中打开');
    var checker = el(doc, 'a', '网页版检查');
    checker.setAttribute('href', 'checker.html');
    checker.setAttribute('target', '_blank');
    page.appendChild(checker);
    page.appendChild(doc.createTextNode('：不需要 Office，打开工作簿即列出问题、标出单元格，并可下载 Word 报告。'));
    instead.appendChild(page);
    box.appendChild(instead);
    var help = el(doc, 'p', '', 'margin: 0;');
    var link = el(doc, 'a', '查看使用指南');
    link.setAttribute('href', 'help.html');
    link.setAttribute('target', '_blank');
    help.appendChild(link);
    box.appendChild(help);
    root.appendChild(box);
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { isLegacyEngine: isLegacyEngine, explain: explain };
    return;
  }
  if (isLegacyEngine(window)) explain(document);
})();
