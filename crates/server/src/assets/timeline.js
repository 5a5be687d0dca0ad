// The timeline: a bar per year (or per month when the API sends months);
// a bar filters the results to its period. Over a long range (the shared
// corpus spans 1950 to today) the axis is labelled every N years and the
// counts move from above the bars to a readout under them, shown on hover
// and focus; the layout is measured, never guessed, and redone on resize.

import { $, el, formatNumber, svgEl } from './dom.js';
import { refine, state } from './nav.js';

/** Label steps, in bars: years on round numbers, months on quarters. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60];
const AXIS_HEIGHT = 18; // px, the label row under the bars

/** Last day of a month, as 'DD'. */
export function lastDayOfMonth(year, month) {
  return String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()).padStart(2, '0');
}

/** Year (or month, by whole years) counts with the gaps filled by zero entries. */
export function timelineEntries(facets) {
  const months = (facets.month || []).filter((m) => /^\d{4}-\d{2}$/.test(m.value));
  if (months.length) {
    const counts = new Map(months.map((m) => [m.value, m.count]));
    const keys = months.map((m) => m.value).sort();
    const out = [];
    // Whole years: the axis starts in January and ends in December, not at
    // the first and last month that happen to hold a publication.
    let [y, m] = [Number(keys[0].split('-')[0]), 1];
    const [endY, endM] = [Number(keys[keys.length - 1].split('-')[0]), 12];
    while (y < endY || (y === endY && m <= endM)) {
      const value = `${y}-${String(m).padStart(2, '0')}`;
      out.push({
        kind: 'month', value, count: counts.get(value) || 0, ordinal: y * 12 + m - 1,
        short: m === 1 ? `${y}年` : `${m}月`, long: `${y}年${m}月`, yearStart: m === 1 || out.length === 0,
      });
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }
  const years = (facets.year || []).filter((f) => /^\d{4}$/.test(f.value));
  if (!years.length) return [];
  const counts = new Map(years.map((f) => [Number(f.value), f.count]));
  const nums = [...counts.keys()].sort((a, b) => a - b);
  const out = [];
  for (let y = nums[0]; y <= nums[nums.length - 1]; y += 1) {
    out.push({ kind: 'year', value: String(y), count: counts.get(y) || 0, ordinal: y, short: String(y), long: `${y}年` });
  }
  return out;
}

/** The date range a bar stands for. */
export function barRange(entry) {
  if (entry.kind === 'year') return { from: `${entry.value}-01-01`, to: `${entry.value}-12-31` };
  const [y, m] = entry.value.split('-');
  return { from: `${y}-${m}-01`, to: `${y}-${m}-${lastDayOfMonth(y, m)}` };
}

/**
 * Every how many bars a label fits: the smallest step (round years, whole
 * quarters) whose labels, `pitch` px apart per bar, leave `labelWidth` px
 * for each label.
 */
export function labelStep(kind, pitch, labelWidth) {
  const steps = kind === 'month' ? MONTH_STEPS : YEAR_STEPS;
  const room = Math.max(1, labelWidth);
  return steps.find((step) => step * pitch >= room) || steps[steps.length - 1];
}

/**
 * The bars that carry a label at a step: years divisible by it (1950,
 * 1960 …), months on its multiples counted from January; the first bar
 * when no other would be labelled.
 */
export function labelledIndexes(entries, step) {
  const out = [];
  entries.forEach((entry, i) => { if (entry.ordinal % step === 0) out.push(i); });
  if (!out.length && entries.length) out.push(0);
  return out;
}

/** Where a label's centre may go so that `width` px of text stays inside [0, total]. */
export function clampLabel(centre, width, total) {
  const half = width / 2;
  if (total <= width) return total / 2;
  return Math.min(Math.max(centre, half), total - half);
}

/**
 * Label positions along a `total` px axis: each centred on its bar but
 * kept inside the axis, and a label that would then touch its neighbour
 * dropped (the one pushed in from an edge goes first). `width` includes
 * the space wanted between labels. Returns [{i, x}].
 */
export function placeLabels(labels, width, total) {
  const text = Math.max(0, width - 8);
  const out = [];
  for (const { i, centre } of labels) {
    const x = clampLabel(centre, text, total);
    const clamped = Math.abs(x - centre) > 0.5;
    const previous = out[out.length - 1];
    if (previous && x - previous.x < width) {
      if (previous.clamped && !clamped) out.pop();
      else continue;
    }
    out.push({ i, x, clamped });
  }
  return out.map(({ i, x }) => ({ i, x }));
}

/** Density class of a bar row: narrower gaps as bars multiply. */
export function density(n) {
  if (n > 60) return 'bars-dense-3';
  if (n > 30) return 'bars-dense-2';
  if (n > 16) return 'bars-dense-1';
  return '';
}

/**
 * How many of `total` results have no date (or none the chart can place):
 * the bars sum to the rest. Years are counted from the year facet, which
 * counts every dated result once.
 */
export function undatedCount(facets, total) {
  const dated = (facets.year || []).filter((f) => /^\d{4}$/.test(f.value)).reduce((n, f) => n + (Number(f.count) || 0), 0);
  return Math.max(0, (Number(total) || 0) - dated);
}

let observer = null;

export function renderTimeline(facets, total = 0) {
  const container = $('timeline');
  const focusedValue = container.contains(document.activeElement) ? document.activeElement.dataset.period : null;
  if (observer) observer.disconnect();
  const entries = timelineEntries(facets);
  if (!entries.length) {
    container.replaceChildren(el('p', { className: 'timeline-empty', text: '暂无日期信息' }));
    return;
  }
  const max = Math.max(1, ...entries.map((e) => e.count));
  const isMonth = entries[0].kind === 'month';
  const peak = entries.reduce((best, e) => (e.count > best.count ? e : best), entries[0]);
  const first = entries[0].long;
  const last = entries[entries.length - 1].long;
  const span = first === last ? first : `${first} 至 ${last}`;
  const unit = isMonth ? '月' : '年';
  const even = entries.every((e) => !e.count || e.count === peak.count);
  const most = even ? '' : `，最多为 ${peak.long}（${formatNumber(peak.count)} 条）`;
  const hint = `${span}，按${unit}统计${most}；点击柱形筛选该${unit}。`;
  const caption = el('p', { className: 'timeline-hint', text: hint });
  const readout = (entry) => {
    caption.textContent = entry ? `${entry.long}：${formatNumber(entry.count)} 条` : hint;
    caption.classList.toggle('is-readout', Boolean(entry));
  };

  const list = el('ul', {
    className: `bars ${density(entries.length)}${isMonth ? ' bars-month' : ''}`.trim(),
    attrs: { 'aria-label': isMonth ? '按月份分布' : '按年份分布' },
  });
  for (const entry of entries) list.append(el('li', { className: 'bar-cell' }, [timelineBar(entry, max, readout)]));
  const axis = svgEl('svg', { class: 'bar-axis', height: AXIS_HEIGHT, 'aria-hidden': 'true', focusable: 'false' });
  const undated = undatedCount(facets, total);
  const note = undated
    ? el('p', { className: 'timeline-undated', text: `另有 ${formatNumber(undated)} 条未标日期，未计入图中。`, attrs: { id: 'timeline-undated' } })
    : null;
  container.replaceChildren(...[list, axis, caption, note].filter(Boolean));
  layout(list, axis, entries);

  let width = list.clientWidth;
  if (typeof ResizeObserver === 'function') {
    observer = new ResizeObserver(() => {
      if (list.clientWidth === width || !list.isConnected) return;
      width = list.clientWidth;
      layout(list, axis, entries);
    });
    observer.observe(list);
  }

  if (focusedValue) {
    const again = container.querySelector(`[data-period="${CSS.escape(focusedValue)}"]`);
    if (again) again.focus();
  }
}

/**
 * Measures the laid-out bars: the axis gets a label every N bars where
 * the labels fit side by side, and the counts stay above the bars only
 * when every one fits on a single line over its bar.
 */
function layout(list, axis, entries) {
  const cells = [...list.children];
  const total = list.clientWidth;
  if (!total || !cells.length) return;
  const centres = cells.map((cell) => cell.offsetLeft - list.offsetLeft + cell.offsetWidth / 2);
  const pitch = cells.length > 1 ? (centres[cells.length - 1] - centres[0]) / (cells.length - 1) : total;
  axis.setAttribute('width', total);
  axis.setAttribute('viewBox', `0 0 ${total} ${AXIS_HEIGHT}`);

  const widest = entries.reduce((a, e) => (e.short.length > a.length ? e.short : a), '');
  const probe = svgEl('text', { class: 'axis-label', x: 0, y: 13 });
  probe.textContent = widest;
  axis.replaceChildren(probe);
  const labelWidth = (probe.getComputedTextLength ? probe.getComputedTextLength() : widest.length * 8) + 8;
  const step = labelStep(entries[0].kind, pitch, labelWidth);

  const placed = placeLabels(labelledIndexes(entries, step).map((i) => ({ i, centre: centres[i] })), labelWidth, total);
  const labels = placed.map(({ i, x }) => {
    const text = svgEl('text', {
      class: `axis-label${entries[i].yearStart && entries[0].kind === 'month' ? ' year-start' : ''}`,
      x: x.toFixed(1), y: 13, 'text-anchor': 'middle',
    });
    text.textContent = entries[i].short;
    return text;
  });
  const ticks = placed.map(({ i }) => svgEl('line', {
    class: 'axis-tick', x1: centres[i].toFixed(1), x2: centres[i].toFixed(1), y1: 0, y2: 3,
  }));
  axis.replaceChildren(...ticks, ...labels);

  list.classList.remove('counts-hidden');
  const counts = list.querySelectorAll('.bar-count');
  const overflow = [...counts].some((c) => c.textContent && c.scrollWidth > c.parentElement.clientWidth + 0.5);
  list.classList.toggle('counts-hidden', overflow);
}

/** One bar: a button holding an SVG rect sized by attributes (CSP-safe). */
function timelineBar(entry, max, readout) {
  const height = entry.count ? Math.max(3, Math.round((entry.count / max) * 100)) : 0;
  const svg = svgEl('svg', { class: 'bar-svg', viewBox: '0 0 10 100', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(svgEl('rect', { x: 0, y: 100 - height, width: 10, height, class: 'bar-rect' }));

  const label = `${entry.long}：${entry.count}条`;
  const range = barRange(entry);
  const { from, to } = state();
  const isCurrent = from === range.from && to === range.to;
  const children = [el('span', { className: 'bar-count', text: entry.count ? formatNumber(entry.count) : '' }), svg];
  let bar;
  if (!entry.count) {
    bar = el('span', { className: 'bar bar-zero', attrs: { 'aria-hidden': 'true', title: label } }, children);
  } else {
    bar = el('button', {
      className: `bar${isCurrent ? ' is-current' : ''}`,
      attrs: { type: 'button', 'aria-label': label, title: label, 'data-period': entry.value, 'aria-pressed': isCurrent ? 'true' : 'false' },
    }, children);
    bar.addEventListener('click', () => refine(range));
    bar.addEventListener('focus', () => readout(entry));
    bar.addEventListener('blur', () => readout(null));
  }
  bar.addEventListener('pointerenter', () => readout(entry));
  bar.addEventListener('pointerleave', () => readout(null));
  return bar;
}
