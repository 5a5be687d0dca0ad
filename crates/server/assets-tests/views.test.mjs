// The pure parts of the views: pager numbers and timeline bars.
import test from 'node:test';
import assert from 'node:assert/strict';

import { lastPage, pageNumbers } from '../src/assets/results.js';
import { barRange, lastDayOfMonth, timelineEntries } from '../src/assets/timeline.js';

test('the pager stops at the last page the API serves', () => {
  assert.equal(lastPage(0, 10, 10000), 0);
  assert.equal(lastPage(95, 10, 10000), 10);
  assert.equal(lastPage(123456, 10, 10000), 1000);
  assert.equal(lastPage(123456, 30, 10000), 333);
  assert.equal(lastPage(95, 10, Infinity), 10);
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
  assert.deepEqual(months.map((e) => e.value), ['2023-11', '2023-12', '2024-01', '2024-02']);
  assert.deepEqual(months.map((e) => Boolean(e.yearStart)), [true, false, true, false]);
  assert.deepEqual(timelineEntries({}), []);
});

test('a bar stands for its whole year or month', () => {
  assert.deepEqual(barRange({ kind: 'year', value: '2024' }), { from: '2024-01-01', to: '2024-12-31' });
  assert.deepEqual(barRange({ kind: 'month', value: '2024-02' }), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(barRange({ kind: 'month', value: '2023-02' }), { from: '2023-02-01', to: '2023-02-28' });
  assert.equal(lastDayOfMonth('2024', '12'), '31');
});
