// The timeline: a bar per year (or per month when the API sends months);
// a bar filters the results to its period.

import { $, el, svgEl } from './dom.js';
import { refine, state } from './nav.js';

/** Last day of a month, as 'DD'. */
export function lastDayOfMonth(year, month) {
  return String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()).padStart(2, '0');
}

/** Year (or month) counts with the gaps filled by zero entries. */
export function timelineEntries(facets) {
  const months = facets.month || [];
  if (months.length) {
    const counts = new Map(months.map((m) => [m.value, m.count]));
    const keys = months.map((m) => m.value).sort();
    const out = [];
    let [y, m] = keys[0].split('-').map(Number);
    const [endY, endM] = keys[keys.length - 1].split('-').map(Number);
    while (y < endY || (y === endY && m <= endM)) {
      const value = `${y}-${String(m).padStart(2, '0')}`;
      out.push({ kind: 'month', value, count: counts.get(value) || 0, short: `${m}月`, long: `${y}年${m}月`, yearStart: m === 1 || out.length === 0 });
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
    out.push({ kind: 'year', value: String(y), count: counts.get(y) || 0, short: String(y), long: `${y}年` });
  }
  return out;
}

/** The date range a bar stands for. */
export function barRange(entry) {
  if (entry.kind === 'year') return { from: `${entry.value}-01-01`, to: `${entry.value}-12-31` };
  const [y, m] = entry.value.split('-');
  return { from: `${y}-${m}-01`, to: `${y}-${m}-${lastDayOfMonth(y, m)}` };
}

export function renderTimeline(facets) {
  const container = $('timeline');
  const focusedValue = container.contains(document.activeElement) ? document.activeElement.dataset.period : null;
  const entries = timelineEntries(facets);
  if (!entries.length) {
    container.replaceChildren(el('p', { className: 'timeline-empty', text: '暂无日期信息' }));
    return;
  }
  const max = Math.max(1, ...entries.map((e) => e.count));
  const isMonth = entries[0].kind === 'month';
  const list = el('ul', { className: `bars${isMonth ? ' bars-month' : ''}`, attrs: { 'aria-label': isMonth ? '按月份分布' : '按年份分布' } });
  for (const entry of entries) list.append(el('li', { className: 'bar-cell' }, [timelineBar(entry, max)]));
  const first = entries[0].long;
  const last = entries[entries.length - 1].long;
  const span = first === last ? first : `${first} 至 ${last}`;
  const caption = el('p', {
    className: 'timeline-hint',
    text: isMonth ? `${span}，按月统计；点击柱形筛选该月。` : `${span}，按年统计；点击柱形筛选该年。`,
  });
  container.replaceChildren(list, caption);

  if (focusedValue) {
    const again = container.querySelector(`[data-period="${CSS.escape(focusedValue)}"]`);
    if (again) again.focus();
  }
}

/** One bar: a button holding an SVG rect sized by attributes (CSP-safe). */
function timelineBar(entry, max) {
  const height = entry.count ? Math.max(3, Math.round((entry.count / max) * 100)) : 0;
  const svg = svgEl('svg', { class: 'bar-svg', viewBox: '0 0 10 100', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(svgEl('rect', { x: 0, y: 100 - height, width: 10, height, class: 'bar-rect' }));

  const label = `${entry.long}：${entry.count}条`;
  const range = barRange(entry);
  const { from, to } = state();
  const isCurrent = from === range.from && to === range.to;
  const children = [
    el('span', { className: 'bar-count', text: entry.count ? String(entry.count) : '' }),
    svg,
    el('span', { className: `bar-label${entry.yearStart ? ' year-start' : ''}`, text: entry.short }),
  ];
  if (!entry.count) {
    return el('span', { className: 'bar bar-zero', attrs: { 'aria-hidden': 'true' } }, children);
  }
  const button = el('button', {
    className: `bar${isCurrent ? ' is-current' : ''}`,
    attrs: { type: 'button', 'aria-label': label, title: label, 'data-period': entry.value, 'aria-pressed': isCurrent ? 'true' : 'false' },
  }, children);
  button.addEventListener('click', () => refine(range));
  return button;
}
