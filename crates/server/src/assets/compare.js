// The 对比 chart's arithmetic, without a DOM (unit-tested under Node):
// which series are drawn, where their points go, the axis ticks, the
// readout of one period, and the table and CSV of the comparison.
// /api/v1/timeline answers one series per value; `other` sums the rest
// and `missing` counts publications without a value.

import { csvCell } from './export.js';

/** How many values get their own line; the API accepts 1 to 20. */
export const COMPARE_TOP = [5, 8, 10];
/** Line colours, by CSS class: `series-0` … `series-9`. */
export const PALETTE_SIZE = 10;

/** The lines to draw: the top series, then 其他 and the unattributed ones when they exist. */
export function chartSeries(response) {
  const out = (response.series || []).map((s, i) => ({ ...s, key: `v${i}`, cls: `series-${i % PALETTE_SIZE}` }));
  if (response.other) out.push({ ...response.other, key: 'other', cls: 'series-other' });
  if (response.missing) out.push({ ...response.missing, key: 'missing', cls: 'series-missing' });
  return out;
}

/** Round steps for the count axis: 0 and up to `count` more ticks covering `max`. */
export function niceTicks(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/**
 * Where everything goes in a `width` × `height` chart with `pad` margins
 * ({top, right, bottom, left}): x of each period, y of a count, the
 * polyline points of each series, and the count ticks.
 */
export function chartLayout(response, width, height, pad) {
  const periods = response.periods || [];
  const series = chartSeries(response);
  const max = Math.max(1, ...series.flatMap((s) => s.counts || []));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1];
  const inner = { w: Math.max(1, width - pad.left - pad.right), h: Math.max(1, height - pad.top - pad.bottom) };
  const x = (i) => pad.left + (periods.length > 1 ? (i * inner.w) / (periods.length - 1) : inner.w / 2);
  const y = (v) => pad.top + inner.h - (v / top) * inner.h;
  const lines = series.map((s) => ({
    ...s,
    points: (s.counts || []).map((c, i) => `${x(i).toFixed(1)},${y(c).toFixed(1)}`).join(' '),
  }));
  return { periods, lines, ticks: ticks.map((v) => ({ value: v, y: y(v) })), x, y, top };
}

/** The period nearest to `px` along the x axis. */
export function nearestPeriod(layout, px) {
  const n = layout.periods.length;
  if (!n) return -1;
  let best = 0;
  for (let i = 1; i < n; i += 1) if (Math.abs(layout.x(i) - px) < Math.abs(layout.x(best) - px)) best = i;
  return best;
}

/**
 * Period labels that fit: every Nth, so that at most `room` are shown,
 * counted back from the last period, so that the newest is labelled and
 * every label stands the same distance from the next.
 */
export function periodLabels(periods, room) {
  const step = Math.max(1, Math.ceil(periods.length / Math.max(1, room)));
  const last = periods.length - 1;
  return periods.map((p, i) => ({ i, label: p.label })).filter(({ i }) => (last - i) % step === 0);
}

/** The readout of one period: its label and each series' count, largest first. */
export function readout(response, index) {
  const period = (response.periods || [])[index];
  if (!period) return null;
  const values = chartSeries(response)
    .map((s) => ({ key: s.key, label: s.label, cls: s.cls, count: (s.counts || [])[index] || 0 }))
    .sort((a, b) => b.count - a.count);
  return { label: period.label, values };
}

/** The comparison as a table: a header row, then one row per period, then totals. */
export function compareTable(response) {
  const series = chartSeries(response);
  const header = ['期间', ...series.map((s) => s.label)];
  const rows = (response.periods || []).map((p, i) => [p.label, ...series.map((s) => (s.counts || [])[i] || 0)]);
  const outside = series.some((s) => s.outside) ? [['未标日期', ...series.map((s) => s.outside || 0)]] : [];
  const totals = ['合计', ...series.map((s) => s.total || 0)];
  return { header, rows: [...rows, ...outside], totals };
}

/** CSV of the table for spreadsheets: UTF-8 BOM, CRLF, cells quoted as in the export. */
export function compareCsv(response) {
  const { header, rows, totals } = compareTable(response);
  const lines = [header, ...rows, totals].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** What the chart compares, in the page's words. */
export const INTERVAL_LABELS = { year: '按年', month: '按月' };
