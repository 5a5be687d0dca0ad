// Following and citing: crates/server/src/assets/cite.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import './dimensions.fixture.mjs';

import { CITE_FORMATS, exportUrl, feedUrl, selectingParams } from '../src/assets/cite.js';
import { emptyState } from '../src/assets/state.js';

const search = { ...emptyState(), q: '社区矫正', agency: ['山东省'], kind: ['news'], from: '2018-01-01', sort: 'date_desc', page: 3 };

test('the feed follows what the search selects, not its order or page', () => {
  assert.equal(
    feedUrl(search, 'http://127.0.0.1:8080'),
    'http://127.0.0.1:8080/api/v1/search.atom?q=%E7%A4%BE%E5%8C%BA%E7%9F%AB%E6%AD%A3&agency=%E5%B1%B1%E4%B8%9C%E7%9C%81&kind=news&from=2018-01-01',
  );
  assert.equal(feedUrl(emptyState(), 'http://h'), 'http://h/api/v1/search.atom');
  assert.equal(selectingParams({ ...search, expand: false }).get('expand'), 'false');
});

test('an export names its format, and the chosen ids in the order chosen', () => {
  const all = new URLSearchParams(exportUrl(search, 'ris').split('?')[1]);
  assert.equal(all.get('format'), 'ris');
  assert.equal(all.get('q'), '社区矫正');
  assert.equal(all.get('ids'), null);
  const chosen = new URLSearchParams(exportUrl(search, 'gbt7714', ['b', 'a']).split('?')[1]);
  assert.equal(chosen.get('ids'), 'b,a');
  assert.deepEqual(CITE_FORMATS.map(([f]) => f), ['gbt7714', 'ris', 'csljson'], 'citations only: the tables are 导出 CSV and JSON');
});
