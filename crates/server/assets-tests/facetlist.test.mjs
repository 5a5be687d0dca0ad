// Long facet lists: crates/server/src/assets/facetlist.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import { FACET_SHOWN, foldFilter, isLong, newestFirst, parentIndexes, visibleEntries } from '../src/assets/facetlist.js';

const flat = (n) => Array.from({ length: n }, (_, i) => ({ value: `机关${i + 1}`, label: `机关${i + 1}`, count: n - i }));
const labels = (entries, { shown }) => shown.map((i) => entries[i].label);

test('a list is long past ten entries and some slack; thirteen topics are shown whole', () => {
  assert.equal(FACET_SHOWN, 10);
  assert.ok(!isLong(flat(10)));
  assert.ok(!isLong(flat(13)));
  assert.ok(isLong(flat(16)));
  assert.ok(isLong(flat(128)));
  assert.ok(!isLong(null));
});

test('the top ten of a long flat list, the rest behind 更多', () => {
  const entries = flat(128);
  const view = visibleEntries(entries);
  assert.deepEqual(view.shown, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(view.hidden, 118);
  const all = visibleEntries(entries, { expanded: true });
  assert.equal(all.shown.length, 128);
  assert.equal(all.hidden, 0);
});

test('a ticked entry stays in view even far down the list', () => {
  const entries = flat(40);
  const view = visibleEntries(entries, { isChecked: (e) => e.value === '机关33' });
  assert.deepEqual(labels(entries, view).slice(-2), ['机关10', '机关33']);
  assert.equal(view.hidden, 29);
  const selected = visibleEntries(entries.map((e, i) => ({ ...e, selected: i === 20 })));
  assert.ok(selected.shown.includes(20), 'the API\'s selected flag counts as ticked');
});

test('the filter box narrows to matching entries, ignoring case, width and spaces', () => {
  const entries = [...flat(20), { value: '山东省', label: '山东省', count: 3 }, { value: 'ABC司法局', label: 'ＡＢＣ司法局', count: 1 }];
  assert.deepEqual(labels(entries, visibleEntries(entries, { filter: '山东' })), ['山东省']);
  assert.deepEqual(labels(entries, visibleEntries(entries, { filter: ' abc ' })), ['ＡＢＣ司法局']);
  const many = visibleEntries(entries, { filter: '机关1' });
  assert.deepEqual(labels(entries, many), ['机关1', '机关10', '机关11', '机关12', '机关13', '机关14', '机关15', '机关16', '机关17', '机关18', '机关19']);
  assert.equal(many.hidden, 0, 'every match is shown, past ten too');
  assert.deepEqual(visibleEntries(entries, { filter: '不存在' }).shown, []);
  assert.equal(foldFilter('Ａ Ｂ'), 'ab');
});

/** 山东省 opened (selected) with 12 cities, 聊城市 opened under it with 2 bureaus, then 14 other top-level entries. */
function tree() {
  const out = [{ value: '山东省', label: '山东省', depth: 0, count: 100, selected: true }];
  for (let i = 1; i <= 12; i += 1) {
    out.push({ value: `山东省/市${i}`, label: `市${i}`, depth: 1, count: 50 - i });
    if (i === 11) {
      out[out.length - 1] = { value: '山东省/聊城市', label: '聊城市', depth: 1, count: 5, selected: true };
      out.push({ value: '山东省/聊城市/东昌府区司法局', label: '东昌府区司法局', depth: 2, count: 3 });
      out.push({ value: '山东省/聊城市/聊城市司法局', label: '聊城市司法局', depth: 2, count: 2 });
    }
  }
  for (let i = 1; i <= 14; i += 1) out.push({ value: `省${i}`, label: `省${i}`, depth: 0, count: 20 - i });
  return out;
}

test('tree parents come from depths', () => {
  const entries = tree();
  const parent = parentIndexes(entries);
  assert.equal(parent[0], -1);
  assert.equal(parent[1], 0);
  const liaocheng = entries.findIndex((e) => e.label === '聊城市');
  assert.equal(parent[liaocheng + 1], liaocheng);
  assert.equal(parent[liaocheng + 2], liaocheng);
  assert.equal(parent[liaocheng + 3], 0, 'back up to the province');
  assert.equal(parent[entries.findIndex((e) => e.label === '省1')], -1);
});

test('in a tree, ten per level; a ticked node keeps its place with its ancestors', () => {
  const entries = tree();
  const view = visibleEntries(entries);
  const shown = labels(entries, view);
  // Ten top-level entries, ten cities under 山东省, and 聊城市 (ticked, the 11th city) with its bureaus.
  assert.equal(shown.filter((l) => l.startsWith('省')).length, 9);
  assert.deepEqual(shown.slice(0, 3), ['山东省', '市1', '市2']);
  assert.ok(shown.includes('聊城市') && shown.includes('东昌府区司法局') && shown.includes('聊城市司法局'));
  assert.ok(!shown.includes('市12'));
  assert.equal(view.hidden, entries.length - view.shown.length);
  // A match deep in the tree is shown under its ancestors.
  assert.deepEqual(labels(entries, visibleEntries(entries, { filter: '东昌府' })), ['山东省', '聊城市', '东昌府区司法局']);
});

test('years newest first', () => {
  assert.deepEqual(newestFirst([{ value: '2019' }, { value: '2024' }, { value: '1950' }]).map((e) => e.value), ['2024', '2019', '1950']);
  assert.deepEqual(newestFirst(null), []);
});
