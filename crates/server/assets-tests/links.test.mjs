// Links on the page: crates/server/src/assets/links.js (the pure part).
import test from 'node:test';
import assert from 'node:assert/strict';

import { articlesText, citedName } from '../src/assets/links.js';

test('article numbers read as the texts cite them', () => {
  assert.equal(articlesText(['22', '30']), '第22条、第30条');
  assert.equal(articlesText(['20之1']), '第20之1条');
  assert.equal(articlesText([]), '');
  assert.equal(articlesText(undefined), '');
});

test('a cited title stands in 《》, a cited document number as written', () => {
  assert.equal(citedName({ title: '中华人民共和国法律援助法', by_number: false }), '《中华人民共和国法律援助法》');
  assert.equal(citedName({ title: '中华人民共和国国务院令第588号', by_number: true }), '中华人民共和国国务院令第588号');
  assert.equal(citedName({ title: '某条例' }), '《某条例》', 'an older answer without the flag reads as a title');
});
