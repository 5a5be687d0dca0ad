// The 对比 chart's arithmetic: crates/server/src/assets/compare.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import { chartLayout, chartSeries, compareCsv, compareTable, nearestPeriod, niceTicks, periodLabels, readout } from '../src/assets/compare.js';

const response = {
  by: 'province',
  interval: 'year',
  total: 23,
  periods: [{ value: '2022', label: '2022年' }, { value: '2023', label: '2023年' }, { value: '2024', label: '2024年' }],
  series: [
    { value: '山东省', label: '山东省', total: 12, counts: [2, 4, 5], outside: 1 },
    { value: '浙江省', label: '浙江省', total: 6, counts: [0, 3, 3], outside: 0 },
  ],
  other: { value: '', label: '其他（3项）', total: 4, counts: [1, 1, 2], outside: 0 },
  missing: { value: '', label: '未识别发布机关', total: 1, counts: [0, 0, 1], outside: 0 },
};

test('every value gets a line and a colour class; other and missing come last', () => {
  const series = chartSeries(response);
  assert.deepEqual(series.map((s) => [s.key, s.cls]), [['v0', 'series-0'], ['v1', 'series-1'], ['other', 'series-other'], ['missing', 'series-missing']]);
  assert.deepEqual(chartSeries({ periods: [], series: [] }), []);
});

test('ticks are round and cover the largest count', () => {
  assert.deepEqual(niceTicks(5), [0, 2, 4, 6]);
  assert.deepEqual(niceTicks(100), [0, 50, 100]);
  assert.ok(niceTicks(37).at(-1) >= 37);
  assert.deepEqual(niceTicks(0), [0, 1]);
});

test('points lie inside the plot, the largest count at the top tick or below', () => {
  const pad = { top: 10, right: 10, bottom: 20, left: 40 };
  const layout = chartLayout(response, 400, 200, pad);
  assert.equal(layout.lines.length, 4);
  for (const line of layout.lines) {
    for (const point of line.points.split(' ')) {
      const [x, y] = point.split(',').map(Number);
      assert.ok(x >= 40 && x <= 390 && y >= 10 && y <= 180, `${line.key} ${point}`);
    }
  }
  assert.equal(layout.x(0), 40);
  assert.equal(layout.x(2), 390);
  assert.equal(nearestPeriod(layout, 230), 1);
  assert.equal(nearestPeriod(layout, 10), 0);
});

test('the readout of a period lists every line, largest first', () => {
  const r = readout(response, 2);
  assert.equal(r.label, '2024年');
  assert.deepEqual(r.values.map((v) => [v.label, v.count]), [['山东省', 5], ['浙江省', 3], ['其他（3项）', 2], ['未识别发布机关', 1]]);
  assert.equal(readout(response, 9), null);
});

test('labels thin out to fit', () => {
  const periods = Array.from({ length: 30 }, (_, i) => ({ label: `${1990 + i}年` }));
  const shown = periodLabels(periods, 6);
  assert.ok(shown.length <= 7);
  assert.equal(shown.at(-1).label, '2019年');
  const gaps = shown.slice(1).map((l, k) => l.i - shown[k].i);
  assert.ok(gaps.every((g) => g >= 5), `no two labels closer than a step: ${gaps}`);
  assert.equal(new Set(gaps).size, 1, `evenly spaced: ${gaps}`);
});

test('the table and its CSV add up to the series totals', () => {
  const { header, rows, totals } = compareTable(response);
  assert.deepEqual(header, ['期间', '山东省', '浙江省', '其他（3项）', '未识别发布机关']);
  assert.deepEqual(rows.at(-1), ['未标日期', 1, 0, 0, 0]);
  for (let column = 1; column < header.length; column += 1) {
    assert.equal(rows.reduce((sum, row) => sum + row[column], 0), totals[column], header[column]);
  }
  const csv = compareCsv(response);
  assert.ok(csv.startsWith('\uFEFF"期间","山东省"'));
  assert.equal(csv.split('\r\n').length, 7, 'header, three years, undated, totals and the final line end');
});
