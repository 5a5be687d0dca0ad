// URL state ⇄ query string: crates/server/src/assets/state.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import './dimensions.fixture.mjs';

import {
  emptyState, filterCount, parseState, searchParams, stateToQuery, stateUrl, toggled, toggledAgency, toggledYear, yearCovered,
} from '../src/assets/state.js';

const full = {
  q: '法律援助 "人民调解"',
  agency: ['山东省/青岛市', '聊城市东昌府区司法局'],
  topic: ['法律援助', '社区矫正'],
  kind: ['notice', 'work_plan'],
  from: '2023-01-01',
  to: '2024-12-31',
  sort: 'date_desc',
  cites: 'lrb-0001',
  version: 'all',
  page: 3,
  doc: 'abc/123',
  expand: false,
  compare: 'province',
  interval: 'month',
  view: 'concordance',
  csort: 'left',
  level: 'county',
  at: '120',
};

test('the empty state is the bare page', () => {
  assert.equal(stateToQuery(emptyState()), '');
  assert.equal(stateUrl(emptyState()), '/');
  assert.deepEqual(parseState(''), emptyState());
  assert.deepEqual(parseState(undefined), emptyState());
  assert.deepEqual(parseState('?'), emptyState());
});

test('a full state survives state → query → state', () => {
  assert.deepEqual(parseState(stateToQuery(full)), full);
  assert.deepEqual(parseState(`?${stateToQuery(full)}`), full);
  assert.equal(stateUrl(full), `/?${stateToQuery(full)}`);
});

test('the citing list and every version are part of the state and the search', () => {
  const state = parseState('cites=demo-law-0001&version=all&sort=cited_by');
  assert.equal(state.cites, 'demo-law-0001');
  assert.equal(state.version, 'all');
  assert.equal(state.sort, 'cited_by');
  const params = searchParams(state);
  assert.equal(params.get('cites'), 'demo-law-0001');
  assert.equal(params.get('version'), 'all');
  assert.equal(parseState('version=newest').version, 'current', 'an unknown version is the default');
  assert.equal(filterCount(state), 1, 'the citing filter counts as a filter');
});

test('parse → build → parse is stable, and build is idempotent', () => {
  const inputs = [
    'q=%E6%B3%95%E5%BE%8B&agency=%E5%B1%B1%E4%B8%9C%E7%9C%81&agency=%E5%B1%B1%E4%B8%9C%E7%9C%81%2F%E9%9D%92%E5%B2%9B%E5%B8%82',
    'kind=notice&kind=report&topic=a&topic=b&topic=a&page=2',
    'sort=date_asc&from=2024-01-01',
    'doc=x1&q=%3Cscript%3E',
    'page=0&sort=bogus&agency=%20%20&kind=',
    'q=a+b&q=ignored',
  ];
  for (const input of inputs) {
    const once = parseState(input);
    const query = stateToQuery(once);
    assert.deepEqual(parseState(query), once, input);
    assert.equal(stateToQuery(parseState(query)), query, input);
  }
});

test('defaults are left out of the query', () => {
  const state = { ...emptyState(), q: 'x', sort: 'relevance', page: 1 };
  assert.equal(stateToQuery(state), 'q=x');
  assert.equal(stateToQuery({ ...state, page: 2 }), 'q=x&page=2');
  assert.equal(stateToQuery({ ...state, sort: 'date_asc' }), 'q=x&sort=date_asc');
  assert.equal(stateToQuery({ ...emptyState(), from: '2024-01-01' }), 'from=2024-01-01');
});

test('repeated agency, topic and kind parameters are kept in order, trimmed and deduplicated', () => {
  const state = parseState('agency=B&agency=A&agency=B&topic=%20t1%20&topic=t2&kind=law&kind=law&kind=case');
  assert.deepEqual(state.agency, ['B', 'A']);
  assert.deepEqual(state.topic, ['t1', 't2']);
  assert.deepEqual(state.kind, ['law', 'case']);
  assert.equal(stateToQuery(state), 'agency=B&agency=A&topic=t1&topic=t2&kind=law&kind=case');
  assert.deepEqual(parseState('agency=&agency=%20').agency, []);
});

test('the research views and their settings are kept in the URL, unknown values read as defaults', () => {
  const state = parseState('q=x&view=diffusion&level=city');
  assert.equal(state.view, 'diffusion');
  assert.equal(state.level, 'city');
  assert.equal(stateToQuery(state), 'q=x&view=diffusion&level=city');
  const concordance = parseState('view=concordance&csort=right&at=42');
  assert.deepEqual([concordance.view, concordance.csort, concordance.at], ['concordance', 'right', '42']);
  const bogus = parseState('view=map&csort=up&level=village&at=x');
  assert.deepEqual([bogus.view, bogus.csort, bogus.level, bogus.at], ['', 'relevance', 'province', '']);
});

test('page and sort: only valid values are read', () => {
  assert.equal(parseState('page=7').page, 7);
  assert.equal(parseState('page=0').page, 1);
  assert.equal(parseState('page=-3').page, 1);
  assert.equal(parseState('page=abc').page, 1);
  assert.equal(parseState('page=2x').page, 2);
  for (const sort of ['relevance', 'date_desc', 'date_asc']) assert.equal(parseState(`sort=${sort}`).sort, sort);
  assert.equal(parseState('sort=score').sort, 'relevance');
  assert.equal(parseState('sort=').sort, 'relevance');
});

test('characters that need escaping round-trip', () => {
  const state = { ...emptyState(), q: 'a&b=c#d?e+f %', agency: ['甲/乙'], doc: 'id with space' };
  assert.deepEqual(parseState(stateToQuery(state)), state);
});

test('search parameters: always q and sort, no doc, extras last', () => {
  const params = searchParams(full, { page: 2, facets: 'all' });
  assert.equal(params.get('q'), full.q);
  assert.equal(params.get('sort'), 'date_desc');
  assert.deepEqual(params.getAll('agency'), full.agency);
  assert.deepEqual(params.getAll('kind'), full.kind);
  assert.equal(params.get('doc'), null);
  assert.equal(params.get('page'), '2');
  assert.equal(params.get('facets'), 'all');
  const bare = searchParams(emptyState());
  assert.equal(bare.toString(), 'q=&sort=relevance');
});

test('filter count', () => {
  assert.equal(filterCount(emptyState()), 0);
  assert.equal(filterCount(full), 9, 'two agencies, two topics, two kinds, from, to and the citing filter');
});

test('topic and kind toggles', () => {
  assert.deepEqual(toggled(['a', 'b'], 'c', true), ['a', 'b', 'c']);
  assert.deepEqual(toggled(['a', 'b'], 'a', false), ['b']);
  assert.deepEqual(toggled(['a', 'b'], 'a', true), ['b', 'a']);
});

test('agency drill-down replaces ancestors and descendants', () => {
  assert.deepEqual(toggledAgency(['山东省', '河北省'], '山东省/青岛市', true), ['河北省', '山东省/青岛市']);
  assert.deepEqual(toggledAgency(['山东省/青岛市/市南区'], '山东省', true), ['山东省']);
  assert.deepEqual(toggledAgency(['山东省', '山东省2'], '山东省', false), ['山东省2']);
  // A bare name added by a suggestion is dropped by unchecking its node.
  assert.deepEqual(toggledAgency(['青岛市司法局'], '山东省/青岛市/青岛市司法局', false, '青岛市司法局'), []);
});

test('years map onto the date range', () => {
  const none = emptyState();
  assert.deepEqual(toggledYear(none, '2023', true, ['2022', '2023']), { from: '2023-01-01', to: '2023-12-31' });
  const span = { ...none, from: '2021-01-01', to: '2023-12-31' };
  assert.ok(yearCovered(span, '2022'));
  assert.ok(!yearCovered(span, '2024'));
  const shown = ['2021', '2022', '2023', '2024'];
  assert.deepEqual(toggledYear(span, '2024', true, shown), { from: '2021-01-01', to: '2024-12-31' });
  // Unchecking an inner year keeps the years after it.
  assert.deepEqual(toggledYear(span, '2022', false, shown), { from: '2023-01-01', to: '2023-12-31' });
  assert.deepEqual(toggledYear({ ...none, from: '2023-01-01', to: '2023-12-31' }, '2023', false, shown), { from: '', to: '' });
});
