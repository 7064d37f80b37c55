/**
 * The region's dashboard: one self-contained HTML file that opens from disk with nothing external —
 * the charting library's source is passed in and inlined, the data is embedded as JSON. It shows the
 * region's totals against last year, the on-time rate, units by number of errors and requests by
 * result as charts, a sortable table of the units, and each unit's problems.
 */
import { isRowGroup } from '../format';
import { REGION_RULES, STATUS_LABELS, type RegionResult } from './region';

/** The figures a supervising office compares first. */
const HEADLINE: readonly [string, string][] = [
  ['requests.newReceived.total', '本年新收申请'],
  ['requests.carriedOver.total', '上年结转'],
  ['requests.totalHandled.total', '办理结果总计'],
  ['requests.carriedForward.total', '结转下年度'],
  ['appeals.review.total', '行政复议'],
  ['appeals.litigationDirect.total', '行政诉讼（未经复议）'],
  ['appeals.litigationAfterReview.total', '行政诉讼（复议后）'],
];
/** Figures of another magnitude (行政许可 can be tens of thousands): cards, not bars beside the requests. */
const CARDS: readonly [string, string][] = [
  ['active.licensing', '行政许可'],
  ['active.penalty', '行政处罚'],
  ['active.fees', '行政事业性收费（万元）'],
];

const escapeHtml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
/** JSON safe inside a script element. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</gu, '\\u003c')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');

export function dashboardData(region: RegionResult) {
  const rev = region.revision;
  const number = (v: unknown) => (typeof v === 'number' ? v : 0);
  const has = (key: string) => rev.cells.some((c) => c.key === key);
  const headline = HEADLINE.filter(([k]) => has(k)).map(([key, label]) => ({
    label,
    now: number(region.totals.values[key]),
    ...(region.previousTotals ? { last: number(region.previousTotals[key]) } : {}),
  }));
  const figures = CARDS.filter(([k]) => has(k)).map(([key, label]) => ({
    label,
    now: number(region.totals.values[key]),
    ...(region.previousTotals ? { last: number(region.previousTotals[key]) } : {}),
  }));
  const results = rev.spec.requests.results.map((item) => {
    const keys = isRowGroup(item) ? item.rows.map((r) => rev.keys.request(r.key, 'total')) : [rev.keys.request(item.key, 'total')];
    const label = (isRowGroup(item) ? item.label : item.short).replace(/（[^）]*）$/u, '');
    return { label, value: keys.reduce((s, k) => s + number(region.totals.values[k]), 0) };
  });
  const included = region.units.filter((u) => u.status === 'included');
  const onTime = {
    yes: included.filter((u) => u.onTime === true).length,
    no: included.filter((u) => u.onTime === false).length,
    unknown: included.filter((u) => u.onTime === undefined).length,
  };
  const units = region.units.map((u) => ({
    name: u.name,
    type: u.type ?? '',
    status: u.status,
    statusText: STATUS_LABELS[u.status],
    file: u.file ?? '',
    year: u.year ?? '',
    date: u.date ?? '',
    onTime: u.onTime === undefined ? '' : u.onTime ? '按时' : '逾期',
    errors: u.summary?.errors ?? 0,
    warnings: u.summary?.warnings ?? 0,
    problems: u.findings.filter((f) => !f.reviewed).map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`),
  }));
  const regionProblems = region.findings.map((f) => `${f.severity === 'error' ? '错误' : '警告'}（${REGION_RULES[f.rule].title}）：${f.message}`);
  return { year: region.year ?? null, headline, figures, results, onTime, units, regionProblems, hasLastYear: region.previousTotals !== undefined };
}

/** The dashboard page. `chartSource` is the charting library's browser build (Chart.js UMD), inlined. */
export function dashboardHtml(region: RegionResult, chartSource: string, title?: string): string {
  const data = dashboardData(region);
  const heading = title ?? `${data.year !== null ? `${data.year}年度` : ''}政府信息公开工作年度报告汇总`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(heading)}</title>
<style>
  body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 0; color: #242424; background: #f5f5f5; }
  header { background: #0f548c; color: #fff; padding: 16px 24px; }
  header h1 { margin: 0; font-size: 22px; }
  header p { margin: 4px 0 0; opacity: .9; }
  main { padding: 16px 24px; max-width: 1280px; margin: 0 auto; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin-bottom: 16px; }
  .card { background: #fff; border-radius: 6px; padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  .card b { display: block; font-size: 26px; }
  .card span { color: #616161; font-size: 13px; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
  .chart { background: #fff; border-radius: 6px; padding: 12px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  .chart h2, section h2 { font-size: 16px; margin: 0 0 8px; }
  .chart canvas { width: 100% !important; height: 280px !important; }
  section { background: #fff; border-radius: 6px; padding: 12px; margin-top: 16px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { border-bottom: 1px solid #e0e0e0; padding: 6px 8px; text-align: left; }
  th { background: #f0f0f0; cursor: pointer; user-select: none; white-space: nowrap; }
  th[aria-sort="ascending"]::after { content: " ▲"; }
  th[aria-sort="descending"]::after { content: " ▼"; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .bad { color: #b10e1c; font-weight: bold; }
  details { margin: 4px 0; }
  summary { cursor: pointer; }
  ul { margin: 4px 0 8px; padding-left: 20px; }
</style>
</head>
<body>
<header><h1>${escapeHtml(heading)}</h1><p id="subtitle"></p></header>
<main>
  <div class="cards" id="cards"></div>
  <div class="charts">
    <div class="chart"><h2>依申请公开与复议诉讼${data.hasLastYear ? '（与上年对比）' : ''}</h2><canvas id="chart-totals" role="img" aria-label="依申请公开与复议诉讼"></canvas></div>
    <div class="chart"><h2>按时发布情况</h2><canvas id="chart-ontime" role="img" aria-label="按时发布情况"></canvas></div>
    <div class="chart"><h2>各单位错误数</h2><canvas id="chart-errors" role="img" aria-label="各单位错误数"></canvas></div>
    <div class="chart"><h2>依申请公开办理结果</h2><canvas id="chart-results" role="img" aria-label="依申请公开办理结果"></canvas></div>
  </div>
  <section><h2>汇总发现的问题</h2><ul id="region-problems"></ul></section>
  <section><h2>各单位（点击表头排序）</h2><table id="units"><thead><tr>
    <th data-key="name">单位</th><th data-key="type">类型</th><th data-key="statusText">报送</th><th data-key="date">发布日期</th><th data-key="onTime">按时</th><th data-key="errors" data-num>错误</th><th data-key="warnings" data-num>警告</th>
  </tr></thead><tbody></tbody></table></section>
  <section><h2>各单位的问题</h2><div id="unit-problems"></div></section>
</main>
<script type="application/json" id="data">${scriptJson(data)}</script>
<script>${chartSource.replace(/<\/script/giu, '<\\/script')}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var el = function (tag, text, cls) { var n = document.createElement(tag); if (text !== undefined) n.textContent = String(text); if (cls) n.className = cls; return n; };
  var included = data.units.filter(function (u) { return u.status === 'included'; });
  var missing = data.units.filter(function (u) { return u.status === 'missing'; }).length;
  var errors = data.units.reduce(function (s, u) { return s + u.errors; }, 0);
  var timed = data.onTime.yes + data.onTime.no;
  var rate = timed > 0 ? Math.round((data.onTime.yes / timed) * 100) + '%' : '—';
  document.getElementById('subtitle').textContent = '计入汇总 ' + included.length + ' 个单位；未报送 ' + missing + ' 个。';
  var cards = [[included.length, '计入汇总的单位'], [missing, '未报送'], [rate, '按时发布率'], [errors, '各单位错误合计'], [data.regionProblems.length, '汇总发现的问题']];
  data.figures.forEach(function (f) { cards.push([f.now, f.label + (data.hasLastYear ? '（上年 ' + f.last + '）' : '')]); });
  cards.forEach(function (c) {
    var card = el('div', undefined, 'card'); card.appendChild(el('b', c[0])); card.appendChild(el('span', c[1])); document.getElementById('cards').appendChild(card);
  });
  var blue = '#0f6cbd', grey = '#a0a0a0', red = '#c50f1f', green = '#107c10';
  var datasets = [{ label: (data.year || '') + '年', data: data.headline.map(function (h) { return h.now; }), backgroundColor: blue }];
  if (data.hasLastYear) datasets.unshift({ label: '上年', data: data.headline.map(function (h) { return h.last; }), backgroundColor: grey });
  // A fresh options object per chart: Chart.js keeps and extends the one it is given.
  var common = function (extra) { return Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, extra || {}); };
  new Chart(document.getElementById('chart-totals'), { type: 'bar', data: { labels: data.headline.map(function (h) { return h.label; }), datasets: datasets }, options: common() });
  new Chart(document.getElementById('chart-ontime'), { type: 'doughnut', data: { labels: ['按时', '逾期', '未写发布日期'], datasets: [{ data: [data.onTime.yes, data.onTime.no, data.onTime.unknown], backgroundColor: [green, red, grey] }] }, options: common() });
  var byErrors = included.slice().sort(function (a, b) { return b.errors - a.errors || b.warnings - a.warnings; }).slice(0, 30);
  new Chart(document.getElementById('chart-errors'), { type: 'bar', data: { labels: byErrors.map(function (u) { return u.name; }), datasets: [{ label: '错误', data: byErrors.map(function (u) { return u.errors; }), backgroundColor: red }, { label: '警告', data: byErrors.map(function (u) { return u.warnings; }), backgroundColor: '#f7c948' }] }, options: common({ indexAxis: 'y' }) });
  new Chart(document.getElementById('chart-results'), { type: 'bar', data: { labels: data.results.map(function (r) { return r.label; }), datasets: [{ label: '件数', data: data.results.map(function (r) { return r.value; }), backgroundColor: blue }] }, options: common() });
  var list = document.getElementById('region-problems');
  if (data.regionProblems.length === 0) list.appendChild(el('li', '没有发现问题。'));
  data.regionProblems.forEach(function (p) { list.appendChild(el('li', p, p.indexOf('错误') === 0 ? 'bad' : '')); });
  var tbody = document.querySelector('#units tbody');
  function render(rows) {
    tbody.innerHTML = '';
    rows.forEach(function (u) {
      var tr = document.createElement('tr');
      [u.name, u.type, u.statusText, u.date, u.onTime, u.errors, u.warnings].forEach(function (v, i) { var td = el('td', v, i >= 5 ? 'num' : ''); if (i === 5 && u.errors > 0) td.className = 'num bad'; tr.appendChild(td); });
      tbody.appendChild(tr);
    });
  }
  var rows = data.units.slice();
  render(rows);
  Array.prototype.forEach.call(document.querySelectorAll('#units th'), function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key'), num = th.hasAttribute('data-num');
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(document.querySelectorAll('#units th'), function (x) { x.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      rows.sort(function (a, b) { var x = a[key], y = b[key]; var c = num ? x - y : String(x).localeCompare(String(y), 'zh-CN'); return dir === 'ascending' ? c : -c; });
      render(rows);
    });
  });
  var box = document.getElementById('unit-problems');
  data.units.filter(function (u) { return u.problems.length > 0; }).forEach(function (u) {
    var d = document.createElement('details'); d.appendChild(el('summary', u.name + '：' + u.errors + ' 个错误，' + u.warnings + ' 个警告'));
    var ul = document.createElement('ul'); u.problems.forEach(function (p) { ul.appendChild(el('li', p, p.indexOf('错误') === 0 ? 'bad' : '')); }); d.appendChild(ul); box.appendChild(d);
  });
})();
</script>
</body>
</html>
`;
}
