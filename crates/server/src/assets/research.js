// The research views beside the result list, kept in the URL (`view`):
// 语境 (every place the words stand, from /api/v1/concordance, lines
// aligned on the match, sorted by left or right context or date; a line
// opens its document at that place) and 扩散 (each region's first
// appearance, from /api/v1/diffusion: the cumulative adoption curve, a
// grid of provinces shaded by the year of first appearance, the regions
// as a table, a level switch). Both follow the search and its filters,
// and each saves its table as CSV (the API's format=csv).

import { api, apiFile, isAbort } from './api.js';
import { $, el, formatMs, formatNumber, isModifiedClick, showError, svgEl } from './dom.js';
import {
  LEVEL_LABELS, PROVINCE_TILES, curveLayout, provinceFirsts, shadeLegend, yearOf, yearShade,
} from './diffusion.js';
import { download, exportedText } from './export.js';
import { appLink, navigate, state, withChanges } from './nav.js';
import { CONCORDANCE_SORTS, LEVELS, searchParams, stateUrl } from './state.js';

const VIEW_LABELS = { '': '结果列表', concordance: '语境', diffusion: '扩散' };
const SORT_LABELS = { relevance: '按相关度', left: '按左语境', right: '按右语境', date: '按日期' };
const LINE_BATCH = 50;
let controller = null;

/** The tabs above the results: 结果列表 · 语境 · 扩散. */
export function bindViews() {
  const tabs = $('view-tabs');
  for (const [view, label] of Object.entries(VIEW_LABELS)) {
    const tab = el('button', { className: 'view-tab', text: label, attrs: { type: 'button', 'data-view': view, id: `view-${view || 'results'}` } });
    tab.addEventListener('click', () => navigate(withChanges({ view, at: '' })));
    tabs.append(tab);
  }
}

/** Shows the view the state names: the result list, or a research view in its place. */
export function renderResearch() {
  const { view } = state();
  for (const tab of $('view-tabs').children) tab.setAttribute('aria-pressed', tab.dataset.view === view ? 'true' : 'false');
  const panel = $('research');
  for (const id of ['results', 'near', 'pager']) $(id).classList.toggle('research-hidden', Boolean(view));
  panel.hidden = !view;
  if (controller) controller.abort();
  if (!view) {
    panel.replaceChildren();
    return;
  }
  controller = new AbortController();
  panel.replaceChildren(el('p', { className: 'loading-text', text: '正在统计…' }));
  if (view === 'concordance') loadConcordance(panel, controller.signal, 1, []);
  else loadDiffusion(panel, controller.signal);
}

/** A menu with its label, kept together. */
function menu(id, label, options, value, onChange) {
  const select = el('select', { attrs: { id } }, options.map(([v, text]) => el('option', { text, attrs: { value: v, selected: v === value } })));
  select.addEventListener('change', (event) => onChange(event.target.value));
  return el('span', { className: 'control-pair' }, [el('label', { text: label, attrs: { for: id } }), select]);
}

/** A button that saves the API's CSV of this view. */
function csvButton(id, path, params, filename) {
  const button = el('button', { className: 'btn btn-small', text: '导出 CSV', attrs: { type: 'button', id } });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      params.set('format', 'csv');
      const { blob, total } = await apiFile(`/api/v1/${path}?${params.toString()}`);
      download(blob, filename);
      $('export-status').textContent = exportedText(total, total);
    } catch (err) {
      showError(`导出失败：${err && err.message ? err.message : '请稍后重试。'}`, err);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function failure(panel, err) {
  if (isAbort(err)) return;
  panel.replaceChildren(el('p', { className: 'inline-error', text: `统计加载失败：${err.message || '请稍后重试。'}` }));
}

// 语境 ---------------------------------------------------------------

const concordanceParams = (current, page) =>
  searchParams(current, { sort: current.csort, page, per_page: LINE_BATCH, context: 24 });

async function loadConcordance(panel, signal, page, shown) {
  const current = state();
  if (!current.q.trim()) {
    panel.replaceChildren(el('p', { className: 'muted', text: '请输入关键词，语境视图列出关键词出现的每一处及其上下文。' }));
    return;
  }
  try {
    const response = await api('concordance', concordanceParams(current, page), signal);
    const lines = [...shown, ...(response.lines || [])];
    panel.replaceChildren(...concordanceView(current, response, lines, signal));
  } catch (err) {
    failure(panel, err);
  }
}

function concordanceView(current, response, lines, signal) {
  const sort = menu('concordance-sort', '排序', CONCORDANCE_SORTS.map((s) => [s, SORT_LABELS[s]]), current.csort,
    (v) => navigate(withChanges({ csort: v }), { replace: true }));
  const csv = csvButton('concordance-csv', 'concordance', concordanceParams(current, 1), 'sifa-concordance.csv');
  const summary = el('p', { className: 'research-summary', attrs: { id: 'concordance-summary', role: 'status' } }, [
    `关键词共出现 ${formatNumber(response.total_occurrences)} 处，分布在 ${formatNumber(response.total_documents)} 篇文件中，用时 ${formatMs(response.took_ms)} 毫秒`,
  ]);
  const rows = lines.map((line) => concordanceRow(current, line));
  const table = el('table', { className: 'kwic', attrs: { id: 'concordance' } }, [
    el('caption', { className: 'visually-hidden', text: '关键词语境：左语境、关键词、右语境、日期' }),
    el('tbody', {}, rows),
  ]);
  const out = [el('div', { className: 'compare-controls' }, [sort, csv]), summary, el('div', { className: 'kwic-scroll' }, [table])];
  if (lines.length < response.total_occurrences) {
    const more = el('button', { className: 'btn', text: `再显示 ${LINE_BATCH} 条`, attrs: { type: 'button', id: 'concordance-more' } });
    more.addEventListener('click', () => {
      more.disabled = true;
      loadConcordance($('research'), signal, Math.floor(lines.length / LINE_BATCH) + 1, lines);
    });
    out.push(el('p', { className: 'kwic-more' }, [more]));
  }
  return out;
}

/** One line: left context, the match (a link to its place in the document), right context, date. */
function concordanceRow(current, line) {
  const at = line.field === 'body' ? String(line.start) : '';
  const target = { ...current, doc: line.id, at, page: current.page };
  const match = appLink(target, line.match, { className: 'kwic-match', fromResults: true, attrs: { title: line.title } });
  return el('tr', { attrs: { 'data-id': line.id, 'data-start': line.start, 'data-field': line.field } }, [
    el('td', { className: 'kwic-left' }, [el('span', { text: line.left })]),
    el('td', { className: 'kwic-center' }, [el('mark', {}, [match])]),
    el('td', { className: 'kwic-right', text: line.right }),
    el('td', { className: 'kwic-date', text: line.date || '' }),
  ]);
}

// 扩散 ---------------------------------------------------------------

async function loadDiffusion(panel, signal) {
  const current = state();
  try {
    const response = await api('diffusion', searchParams(current, { level: current.level }), signal);
    panel.replaceChildren(...diffusionView(current, response));
  } catch (err) {
    failure(panel, err);
  }
}

function diffusionView(current, response) {
  const level = menu('diffusion-level', '层级', LEVELS.map((l) => [l, LEVEL_LABELS[l]]), current.level,
    (v) => navigate(withChanges({ level: v }), { replace: true }));
  const csv = csvButton('diffusion-csv', 'diffusion', searchParams(current, { level: current.level }), `sifa-diffusion-${current.level}.csv`);
  const regions = response.regions || [];
  const adopted = regions.filter((r) => r.first_date).length;
  const reference = response.reference
    ? `；滞后天数自${response.reference.kind === 'first_national' ? '最早的中央机关文件' : '参照'}（${response.reference.date}）起算`
    : '';
  const summary = el('p', { className: 'research-summary', attrs: { id: 'diffusion-summary', role: 'status' } }, [
    `${formatNumber(adopted)} 个${LEVEL_LABELS[response.level]}地区出现过，另有 ${formatNumber((response.national || []).length)} 个中央机关${reference}`,
  ]);
  return [
    el('div', { className: 'compare-controls' }, [level, csv]),
    summary,
    el('div', { className: 'diffusion-figures' }, [curve(response), grid(regions)]),
    regionTable('各地区首次出现', 'diffusion-regions', regions, current),
    ...((response.national || []).length ? [regionTable('中央机关（不计入地区）', 'diffusion-national', response.national, current)] : []),
  ];
}

/** The cumulative adoption curve. */
function curve(response) {
  const figure = el('figure', { className: 'diffusion-curve', attrs: { id: 'adoption-curve' } });
  const adoption = response.adoption || [];
  if (!adoption.length) {
    figure.append(el('p', { className: 'timeline-empty', text: '没有带日期的地区文件，无法绘制扩散曲线。' }));
    return figure;
  }
  const [width, height] = [360, 200];
  const pad = { top: 12, right: 24, bottom: 26, left: 36 };
  const layout = curveLayout(adoption, width, height, pad);
  const last = adoption[adoption.length - 1];
  const svg = svgEl('svg', {
    class: 'adoption-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `累计出现地区数：${adoption[0].year}年 ${adoption[0].cumulative} 个，至${last.year}年 ${last.cumulative} 个`,
  });
  for (const tick of layout.ticks) {
    svg.append(svgEl('line', { class: 'compare-grid', x1: pad.left, x2: width - pad.right, y1: tick.y, y2: tick.y }));
    const label = svgEl('text', { class: 'axis-label', x: pad.left - 6, y: tick.y + 4, 'text-anchor': 'end' });
    label.textContent = formatNumber(tick.value);
    svg.append(label);
  }
  for (const { year, x } of layout.labels) {
    const label = svgEl('text', { class: 'axis-label', x, y: height - 8, 'text-anchor': 'middle' });
    label.textContent = String(year);
    svg.append(label);
  }
  svg.append(svgEl('polyline', { class: 'adoption-line', points: layout.points, 'data-last': last.cumulative }));
  figure.append(svg, el('figcaption', { text: `累计出现地区数（至 ${last.year} 年共 ${formatNumber(last.cumulative)} 个）` }));
  return figure;
}

/** The provinces as tiles shaded by the year they first appear (over regions of any level). */
function grid(regions) {
  const firsts = provinceFirsts(regions);
  const years = [...firsts.values()].map((r) => yearOf(r.first_date));
  const [first, last] = years.length ? [Math.min(...years), Math.max(...years)] : [null, null];
  const tiles = PROVINCE_TILES.map(([name, short, col, row]) => {
    const region = firsts.get(name);
    const year = region ? yearOf(region.first_date) : null;
    const title = region ? `${name}：${region.first_date} 首次出现` : `${name}：未出现`;
    return el('li', {
      className: `tile tile-c${col} tile-r${row} ${yearShade(year, first, last)}`,
      attrs: { title, 'data-province': name, 'data-year': year },
    }, [el('span', { className: 'tile-name', text: short }), el('span', { className: 'tile-year', text: year ? String(year) : '' })]);
  });
  const legend = el('ul', { className: 'shade-legend', attrs: { 'aria-label': '图例' } }, [
    ...shadeLegend(first, last).map((s) => el('li', {}, [el('span', { className: `swatch ${s.cls}`, attrs: { 'aria-hidden': 'true' } }), s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`])),
    el('li', {}, [el('span', { className: 'swatch shade-none', attrs: { 'aria-hidden': 'true' } }), '未出现']),
  ]);
  return el('figure', { className: 'province-grid', attrs: { id: 'province-grid' } }, [
    el('ul', { className: 'tiles', attrs: { 'aria-label': '各省首次出现年份' } }, tiles),
    legend,
    el('figcaption', { text: '各省首次出现年份（颜色越深越早）' }),
  ]);
}

/** Regions (or national bodies) with their first date and first document. */
function regionTable(caption, id, rows, current) {
  const head = ['地区', '首次出现', '首份文件', '文件数', '滞后天数'];
  const body = rows.map((r) => {
    const first = r.first_id
      ? appLink({ ...current, doc: r.first_id, at: '' }, r.first_title || r.first_id, { fromResults: true })
      : document.createTextNode('—');
    const filter = el('a', { text: r.region, attrs: { href: stateUrl({ ...current, agency: [r.path], view: '', page: 1 }), title: r.path } });
    filter.addEventListener('click', (event) => {
      if (isModifiedClick(event)) return;
      event.preventDefault();
      navigate(withChanges({ agency: [r.path], view: '', page: 1 }));
    });
    return el('tr', { attrs: { 'data-path': r.path } }, [
      el('th', { attrs: { scope: 'row' } }, [filter]),
      el('td', { text: r.first_date || '—' }),
      el('td', {}, [first]),
      el('td', { className: 'num', text: formatNumber(r.documents) }),
      el('td', { className: 'num', text: r.lag_days == null ? '—' : formatNumber(r.lag_days) }),
    ]);
  });
  return el('div', { className: 'table-scroll' }, [el('table', { className: 'compare-table diffusion-table', attrs: { id } }, [
    el('caption', { text: caption }),
    el('thead', {}, [el('tr', {}, head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })))]),
    el('tbody', {}, body),
  ])]);
}
