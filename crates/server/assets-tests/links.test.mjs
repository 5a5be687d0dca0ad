// Links on the page: crates/server/src/assets/links.js (the pure part).
import test from 'node:test';
import assert from 'node:assert/strict';

import { articlesText } from '../src/assets/links.js';

test('article numbers read as the texts cite them', () => {
  assert.equal(articlesText(['22', '30']), '第22条、第30条');
  assert.equal(articlesText(['20之1']), '第20之1条');
  assert.equal(articlesText([]), '');
  assert.equal(articlesText(undefined), '');
});
