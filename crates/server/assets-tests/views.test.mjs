// The pure parts of the views: pager numbers and timeline bars.
import test from 'node:test';
import assert from 'node:assert/strict';

import { lastPage, nearTitle, pageNumbers, shownSort } from '../src/assets/results.js';
import {
  barRange, clampLabel, density, undatedCount, labelStep, labelledIndexes, lastDayOfMonth, placeLabels, timelineEntries,
} from '../src/assets/timeline.js';

test('the pager stops at the last page the API serves', () => {
  assert.equal(lastPage(0, 10, 10000), 0);
  assert.equal(lastPage(95, 10, 10000), 10);
  assert.equal(lastPage(123456, 10, 10000), 1000);
  assert.equal(lastPage(123456, 30, 10000), 333);
  assert.equal(lastPage(95, 10, Infinity), 10);
});

test('near matches say how many lack a word, and whether none matched exactly', () => {
  assert.equal(nearTitle(12, 3), '以下结果缺少一个关键词（共 12 条）');
  assert.equal(nearTitle(1234, 0), '没有完全匹配的结果。以下结果缺少一个关键词（共 1,234 条）');
});

test('page numbers: first, last and two either side, with gaps', () => {
  assert.deepEqual(pageNumbers(1, 1), [1]);
  assert.deepEqual(pageNumbers(1, 5), [1, 2, 3, null, 5]);
  assert.deepEqual(pageNumbers(5, 10), [1, null, 3, 4, 5, 6, 7, null, 10]);
  assert.deepEqual(pageNumbers(4, 6), [1, 2, 3, 4, 5, 6]);
});

test('timeline: years with the gaps filled, or months when given', () => {
  const years = timelineEntries({ year: [{ value: '2024', count: 3 }, { value: '2021', count: 1 }, { value: 'unknown', count: 9 }] });
  assert.deepEqual(years.map((e) => [e.value, e.count]), [['2021', 1], ['2022', 0], ['2023', 0], ['2024', 3]]);
  const months = timelineEntries({ month: [{ value: '2024-02', count: 2 }, { value: '2023-11', count: 1 }], year: [] });
  assert.equal(months.length, 24, 'whole years, January to December');
  assert.deepEqual([months[0].value, months[10].value, months[23].value], ['2023-01', '2023-11', '2024-12']);
  assert.deepEqual([months[0].yearStart, Boolean(months[1].yearStart), months[12].yearStart], [true, false, true]);
  assert.equal(months[10].count, 1);
  assert.deepEqual(timelineEntries({}), []);
});

test('a bar stands for its whole year or month', () => {
  assert.deepEqual(barRange({ kind: 'year', value: '2024' }), { from: '2024-01-01', to: '2024-12-31' });
  assert.deepEqual(barRange({ kind: 'month', value: '2024-02' }), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(barRange({ kind: 'month', value: '2023-02' }), { from: '2023-02-01', to: '2023-02-28' });
  assert.equal(lastDayOfMonth('2024', '12'), '31');
});

test('timeline labels: every N years on round years, so that they never touch', () => {
  // 77 years (1950–2026) over 832 px at 1366 px wide, and over 330 px on a phone.
  assert.equal(labelStep('year', 832 / 77, 36), 5);
  assert.equal(labelStep('year', 330 / 77, 36), 10);
  assert.equal(labelStep('year', 60, 36), 1);
  assert.equal(labelStep('year', 0.1, 36), 100, 'the largest step at worst');
  assert.equal(labelStep('month', 330 / 24, 40), 3, 'months by quarter');
  assert.equal(labelStep('month', 40, 30), 1);

  const years = timelineEntries({ year: [{ value: '1950', count: 2 }, { value: '2026', count: 9 }] });
  assert.equal(years.length, 77);
  assert.deepEqual(labelledIndexes(years, 10).map((i) => years[i].value), ['1950', '1960', '1970', '1980', '1990', '2000', '2010', '2020']);
  assert.deepEqual(labelledIndexes(years, 1).length, 77);
  const few = timelineEntries({ year: [{ value: '2021', count: 1 }, { value: '2023', count: 1 }] });
  assert.deepEqual(labelledIndexes(few, 5), [0], 'no round year in range: the first bar');

  const months = timelineEntries({ month: [{ value: '2023-11', count: 1 }, { value: '2025-02', count: 1 }] });
  const quarters = ['4月', '7月', '10月'];
  assert.deepEqual(labelledIndexes(months, 3).map((i) => months[i].short), ['2023年', ...quarters, '2024年', ...quarters, '2025年', ...quarters]);
  assert.deepEqual(months.slice(0, 3).map((e) => e.short), ['2023年', '2月', '3月'], 'whole years, from January');
});

test('timeline labels stay inside the axis and apart', () => {
  assert.equal(clampLabel(2, 30, 300), 15);
  assert.equal(clampLabel(299, 30, 300), 285);
  assert.equal(clampLabel(100, 30, 300), 100);
  assert.equal(clampLabel(5, 400, 300), 150);
  // 1950 at the left edge is pushed in and would touch 1960: the pushed one goes.
  const placed = placeLabels([{ i: 0, centre: 2 }, { i: 10, centre: 45 }, { i: 20, centre: 88 }], 40, 330);
  assert.deepEqual(placed.map((p) => p.i), [10, 20]);
  // Room enough: all kept, the edge one pushed inside.
  assert.deepEqual(placeLabels([{ i: 0, centre: 2 }, { i: 10, centre: 100 }], 40, 330), [{ i: 0, x: 16 }, { i: 10, x: 100 }]);
  // Two unpushed labels too close: the later one goes.
  assert.deepEqual(placeLabels([{ i: 1, centre: 50 }, { i: 2, centre: 70 }], 40, 330).map((p) => p.i), [1]);
  for (const [n, cls] of [[5, ''], [20, 'bars-dense-1'], [40, 'bars-dense-2'], [77, 'bars-dense-3']]) assert.equal(density(n), cls);
});

test('the sort menu shows the order the API used', () => {
  assert.deepEqual(shownSort('relevance', 'date_desc'), { sort: 'date_desc', unranked: true }, 'an empty query: newest first');
  assert.deepEqual(shownSort('relevance', 'relevance'), { sort: 'relevance', unranked: false });
  assert.deepEqual(shownSort('date_asc', 'date_asc'), { sort: 'date_asc', unranked: false });
  assert.deepEqual(shownSort('date_desc', undefined), { sort: 'date_desc', unranked: false }, 'an older server: what was asked');
  assert.deepEqual(shownSort('relevance', 'bogus'), { sort: 'relevance', unranked: false });
});

test('the undated results are what the bars leave out', () => {
  const facets = { year: [{ value: '2024', count: 10 }, { value: '2023', count: 8 }] };
  assert.equal(undatedCount(facets, 22), 4);
  assert.equal(undatedCount(facets, 18), 0);
  assert.equal(undatedCount({}, 5), 5);
});
