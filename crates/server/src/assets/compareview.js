// The timeline's 对比 mode: one line per province, agency, topic or kind
// of the current search (/api/v1/timeline), a legend, a readout of every
// line's count for the period under the pointer or the keyboard, the
// numbers as a table, and that table as CSV. SVG is sized by attributes
// and coloured by classes, so the strict CSP holds.

import { api, isAbort } from './api.js';
import { $, el, formatNumber, svgEl } from './dom.js';
import {
  COMPARE_TOP, INTERVAL_LABELS, chartLayout, chartSeries, compareCsv, compareTable, nearestPeriod, periodLabels, readout,
} from './compare.js';
import { comparisons } from './dimensions.js';
import { download } from './export.js';
import { navigate, state, withChanges } from './nav.js';
import { searchParams } from './state.js';

const HEIGHT = 240;
const PAD = { top: 12, right: 16, bottom: 28, left: 44 };
let controller = null;
let top = COMPARE_TOP[0];

/** Shows the bars or the 对比 chart, as the state says; the toggle button follows. */
export function syncCompareToggle() {
  const on = Boolean(state().compare);
  const button = $('compare-toggle');
  button.setAttribute('aria-pressed', on ? 'true' : 'false');
  button.textContent = on ? '返回分布' : '对比';
  $('timeline').hidden = on;
  $('compare').hidden = !on;
  $('timeline-title').textContent = on ? '对比' : '时间分布';
}

export function bindCompare() {
  $('compare-toggle').addEventListener('click', () => {
    const on = !state().compare;
    const first = comparisons()[0];
    navigate(withChanges({ compare: on && first ? first.by : '' }), { replace: false }).then(() => {
      if (on) $('compare-by').focus();
    });
  });
}

/** Loads and draws the comparison of the current search (when the state asks for it). */
export async function renderCompare() {
  syncCompareToggle();
  const current = state();
  if (!current.compare) return;
  const panel = $('compare');
  if (controller) controller.abort();
  controller = new AbortController();
  if (!panel.firstChild) panel.append(el('p', { className: 'loading-text', text: '正在统计…' }));
  const params = searchParams(current, { by: current.compare, interval: current.interval, top });
  try {
    const response = await api('timeline', params, controller.signal);
    panel.replaceChildren(controls(current), ...chart(response), table(response));
  } catch (err) {
    if (isAbort(err)) return;
    panel.replaceChildren(controls(current), el('p', { className: 'inline-error', text: `对比统计加载失败：${err.message || '请稍后重试。'}` }));
  }
}

/** 按 [省份] [按年] [前 5 项] 下载 CSV */
function controls(current) {
  const select = (id, label, options, value, onChange) => {
    const node = el('select', { attrs: { id } }, options.map(([v, text]) => el('option', { text, attrs: { value: v, selected: v === value } })));
    node.addEventListener('change', (event) => onChange(event.target.value));
    // A label and its menu wrap as one, never apart.
    return [el('span', { className: 'control-pair' }, [el('label', { text: label, attrs: { for: id } }), node])];
  };
  const by = select('compare-by', '对比', comparisons().map((c) => [c.by, c.label]), current.compare,
    (v) => navigate(withChanges({ compare: v }), { replace: true }));
  const interval = select('compare-interval', '周期', Object.entries(INTERVAL_LABELS), current.interval,
    (v) => navigate(withChanges({ interval: v }), { replace: true }));
  const count = select('compare-top', '显示', COMPARE_TOP.map((n) => [String(n), `前 ${n} 项`]), String(top), (v) => {
    top = Number(v);
    renderCompare();
  });
  const csv = el('button', { className: 'btn btn-small', text: '下载 CSV', attrs: { type: 'button', id: 'compare-csv' } });
  csv.addEventListener('click', () => {
    const last = $('compare').dataset.csv;
    if (last) download(last, `sifa-compare-${state().compare}.csv`, 'text/csv;charset=utf-8');
  });
  return el('div', { className: 'compare-controls' }, [...by, ...interval, ...count, csv]);
}

/** What a comparison is by, in Chinese (省份, 发布机关, …). */
const compareLabel = (by) => (comparisons().find((c) => c.by === by) || { label: by }).label;

/** The chart, its legend and its readout; an empty search has a sentence instead. */
function chart(response) {
  $('compare').dataset.csv = compareCsv(response);
  if (!(response.periods || []).length) return [el('p', { className: 'timeline-empty', text: '没有带日期的结果，无法对比。' })];
  const width = Math.max(320, $('compare').clientWidth || 640);
  const layout = chartLayout(response, width, HEIGHT, PAD);
  const svg = svgEl('svg', {
    class: 'compare-chart', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', tabindex: 0,
    'aria-label': `按${compareLabel(response.by)}对比：${chartSeries(response).map((s) => s.label).join('、')}；左右方向键逐期查看。`,
  });
  for (const tick of layout.ticks) {
    svg.append(svgEl('line', { class: 'compare-grid', x1: PAD.left, x2: width - PAD.right, y1: tick.y, y2: tick.y }));
    const label = svgEl('text', { class: 'axis-label', x: PAD.left - 6, y: tick.y + 4, 'text-anchor': 'end' });
    label.textContent = formatNumber(tick.value);
    svg.append(label);
  }
  for (const { i, label } of periodLabels(layout.periods, Math.floor((width - PAD.left - PAD.right) / 64))) {
    const text = svgEl('text', { class: 'axis-label', x: layout.x(i), y: HEIGHT - 8, 'text-anchor': 'middle' });
    text.textContent = label;
    svg.append(text);
  }
  const guide = svgEl('line', { class: 'compare-guide', x1: 0, x2: 0, y1: PAD.top, y2: HEIGHT - PAD.bottom, visibility: 'hidden' });
  svg.append(guide);
  for (const line of layout.lines) {
    svg.append(svgEl('polyline', { class: `compare-line ${line.cls}`, points: line.points, 'data-series': line.key }));
    if (layout.periods.length <= 40) {
      line.counts.forEach((c, i) => svg.append(svgEl('circle', { class: `compare-dot ${line.cls}`, cx: layout.x(i), cy: layout.y(c), r: 2.5 })));
    }
  }
  const hint = '将鼠标移到图上，或用左右方向键，查看每期的数量。';
  const caption = el('div', { className: 'compare-readout', attrs: { id: 'compare-readout', 'aria-live': 'polite' } }, [hint]);
  let shown = -1;
  const show = (index) => {
    shown = index;
    const r = index >= 0 ? readout(response, index) : null;
    if (!r) {
      guide.setAttribute('visibility', 'hidden');
      caption.replaceChildren(hint);
      return;
    }
    guide.setAttribute('x1', layout.x(index));
    guide.setAttribute('x2', layout.x(index));
    guide.setAttribute('visibility', 'visible');
    caption.replaceChildren(el('strong', { text: `${r.label}：` }),
      ...r.values.map((v) => el('span', { className: 'readout-item' }, [el('span', { className: `swatch ${v.cls}`, attrs: { 'aria-hidden': 'true' } }), `${v.label} ${formatNumber(v.count)}`])));
  };
  const toSvgX = (event) => {
    const box = svg.getBoundingClientRect();
    return ((event.clientX - box.left) / Math.max(1, box.width)) * width;
  };
  svg.addEventListener('pointermove', (event) => show(nearestPeriod(layout, toSvgX(event))));
  svg.addEventListener('pointerleave', () => show(-1));
  svg.addEventListener('keydown', (event) => {
    const n = layout.periods.length;
    if (event.key === 'ArrowRight') show(Math.min(n - 1, shown + 1));
    else if (event.key === 'ArrowLeft') show(shown < 0 ? n - 1 : Math.max(0, shown - 1));
    else return;
    event.preventDefault();
  });
  svg.addEventListener('blur', () => show(-1));
  return [svg, legend(response), caption];
}

function legend(response) {
  const list = el('ul', { className: 'compare-legend', attrs: { 'aria-label': '图例' } });
  for (const s of chartSeries(response)) {
    list.append(el('li', { attrs: { 'data-series': s.key } }, [
      el('span', { className: `swatch ${s.cls}`, attrs: { 'aria-hidden': 'true' } }),
      el('span', { className: 'legend-label', text: s.label }),
      el('span', { className: 'legend-total', text: `共 ${formatNumber(s.total)} 条` }),
    ]));
  }
  return list;
}

/** The numbers behind the chart, folded under 数据表. */
function table(response) {
  const { header, rows, totals } = compareTable(response);
  const cell = (tag, text, scope) => el(tag, { text: typeof text === 'number' ? formatNumber(text) : text, attrs: { scope } });
  const body = el('tbody', {}, [...rows, totals].map((row) => el('tr', {}, row.map((v, i) => cell(i ? 'td' : 'th', v, i ? null : 'row')))));
  const grid = el('table', { className: 'compare-table' }, [
    el('thead', {}, [el('tr', {}, header.map((h) => cell('th', h, 'col')))]),
    body,
  ]);
  return el('details', { className: 'compare-details' }, [el('summary', { text: '数据表' }), el('div', { className: 'table-scroll' }, [grid])]);
}
