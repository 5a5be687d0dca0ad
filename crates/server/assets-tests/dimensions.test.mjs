// The API's dimensions: crates/server/src/assets/dimensions.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import './dimensions.fixture.mjs';
import { comparisons, dimension, filterNames, setDimensions, valueLabel, yearFacet } from '../src/assets/dimensions.js';
import { emptyState, filterCount, parseState, stateToQuery, withoutFilters } from '../src/assets/state.js';
import { DIMENSIONS } from './dimensions.fixture.mjs';

test('filters, labels and comparisons come from the API\'s description', () => {
  assert.deepEqual(filterNames(), ['agency', 'topic', 'kind']);
  assert.equal(dimension('agency').chip, '机关');
  assert.equal(valueLabel('kind', 'news'), '新闻动态');
  assert.equal(valueLabel('kind', 'memo'), undefined);
  assert.equal(valueLabel('topic', '法律援助'), undefined, 'an open list has no labels');
  assert.equal(yearFacet().label, '年份');
  assert.deepEqual(comparisons().map((c) => c.by), ['province', 'agency', 'topic', 'kind']);
});

test('a dimension added to the API is a filter of the state at once', () => {
  const status = { name: 'status', label: '时效性', chip: '时效性', shape: 'flat', values: [{ value: 'current', label: '现行有效' }] };
  setDimensions({ ...DIMENSIONS, dimensions: [...DIMENSIONS.dimensions, status] });
  try {
    const state = parseState('status=current&status=repealed&kind=law');
    assert.deepEqual(state.status, ['current', 'repealed']);
    assert.equal(stateToQuery(state), 'kind=law&status=current&status=repealed');
    assert.equal(filterCount(state), 3);
    assert.deepEqual(withoutFilters(), { agency: [], topic: [], kind: [], status: [], from: '', to: '' });
    assert.deepEqual(emptyState().status, []);
  } finally {
    setDimensions(DIMENSIONS);
  }
});

test('a failed or odd answer leaves no dimensions rather than breaking', () => {
  setDimensions(null);
  try {
    assert.deepEqual(filterNames(), []);
    assert.equal(yearFacet(), null);
    assert.deepEqual(parseState('agency=x').agency, undefined);
  } finally {
    setDimensions(DIMENSIONS);
  }
});
