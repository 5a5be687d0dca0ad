// The view state and the page URL: pure functions (no DOM), unit-tested
// under Node. A state is
//   { q, <one list per dimension: agency: [], topic: [], …>, from, to, sort, cites, version,
//     page, doc, expand, compare, interval, view, csort, level, at }
// and the URL holds only what differs from the defaults. The dimensions
// are the API's (dimensions.js). `expand: false` searches without the
// field's synonyms; `compare` (one of the API's comparisons) shows the
// timeline's 对比 chart, by `interval`; `cites` lists the publications
// citing a document; `version: 'all'` shows every version of a law.
// `view` puts a research view beside the results: `concordance` (语境,
// lines sorted by `csort`) or `diffusion` (扩散, regions of `level`);
// `at` is the place in a document's body a concordance line opened.

import { comparisons, filterNames } from './dimensions.js';

/** The API's sort orders; the first is the default. */
export const SORTS = ['relevance', 'date_desc', 'date_asc', 'cited_by'];

/** The research views beside the result list ('' is the list itself). */
export const VIEWS = ['', 'concordance', 'diffusion'];

/** The concordance's orders and the diffusion's levels (the API's); the first is the default. */
export const CONCORDANCE_SORTS = ['relevance', 'left', 'right', 'date'];
export const LEVELS = ['province', 'city', 'county'];

/** The 对比 chart's periods; the first is the default. */
export const INTERVALS = ['year', 'month'];

export function emptyState() {
  const state = {
    q: '', from: '', to: '', sort: 'relevance', cites: '', version: 'current', page: 1, doc: '',
    expand: true, compare: '', interval: 'year', view: '', csort: 'relevance', level: 'province', at: '',
  };
  for (const key of filterNames()) state[key] = [];
  return state;
}

/** Reads the whole view state from a query string. */
export function parseState(search) {
  const params = new URLSearchParams(search || '');
  const state = emptyState();
  state.q = params.get('q') || '';
  for (const key of filterNames()) {
    state[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
  }
  state.from = params.get('from') || '';
  state.to = params.get('to') || '';
  const sort = params.get('sort');
  state.sort = SORTS.includes(sort) ? sort : 'relevance';
  const page = parseInt(params.get('page') || '1', 10);
  state.page = Number.isFinite(page) && page >= 1 ? page : 1;
  state.cites = params.get('cites') || '';
  state.version = params.get('version') === 'all' ? 'all' : 'current';
  state.doc = params.get('doc') || '';
  state.expand = params.get('expand') !== 'false';
  state.compare = comparisons().some((c) => c.by === params.get('compare')) ? params.get('compare') : '';
  state.interval = INTERVALS.includes(params.get('interval')) ? params.get('interval') : 'year';
  state.view = VIEWS.includes(params.get('view')) ? params.get('view') : '';
  state.csort = CONCORDANCE_SORTS.includes(params.get('csort')) ? params.get('csort') : 'relevance';
  state.level = LEVELS.includes(params.get('level')) ? params.get('level') : 'province';
  state.at = /^\d+$/.test(params.get('at') || '') ? params.get('at') : '';
  return state;
}

/** The query string of a state; defaults are left out. */
export function stateToQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of filterNames()) for (const v of state[key] || []) params.append(key, v);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.cites) params.set('cites', state.cites);
  if (state.version === 'all') params.set('version', 'all');
  if (state.page > 1) params.set('page', String(state.page));
  if (state.doc) params.set('doc', state.doc);
  if (state.expand === false) params.set('expand', 'false');
  if (state.compare) params.set('compare', state.compare);
  if (state.interval && state.interval !== 'year') params.set('interval', state.interval);
  if (state.view) params.set('view', state.view);
  if (state.csort && state.csort !== 'relevance') params.set('csort', state.csort);
  if (state.level && state.level !== 'province') params.set('level', state.level);
  if (state.at) params.set('at', state.at);
  return params.toString();
}

export function stateUrl(state) {
  const query = stateToQuery(state);
  return query ? `/?${query}` : '/';
}

/** Search API parameters of a state (everything but doc and page). */
export function searchParams(state, extra = {}) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const key of filterNames()) for (const v of state[key] || []) params.append(key, v);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  params.set('sort', state.sort);
  if (state.expand === false) params.set('expand', 'false');
  if (state.cites) params.set('cites', state.cites);
  if (state.version === 'all') params.set('version', 'all');
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return params;
}

export function filterCount(state) {
  const values = filterNames().reduce((n, key) => n + (state[key] || []).length, 0);
  return values + (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.cites ? 1 : 0);
}

/** The state without any filter: every dimension's list, the date range. */
export function withoutFilters() {
  return Object.fromEntries([...filterNames().map((key) => [key, []]), ['from', ''], ['to', '']]);
}

/** A flat dimension's list with a value added or removed. */
export function toggled(values, value, on) {
  const out = values.filter((v) => v !== value);
  if (on) out.push(value);
  return out;
}

/**
 * Agency drill-down: selecting a node replaces its selected ancestors and
 * descendants (so choosing 青岛市 under 山东省 narrows the results).
 * Unselecting also drops a bare agency name that selected this node
 * (agency suggestions add names, which the server maps onto the tree).
 */
export function toggledAgency(agencies, value, on, label) {
  const related = (a) => a === value || a.startsWith(`${value}/`) || value.startsWith(`${a}/`);
  if (on) return [...agencies.filter((a) => !related(a)), value];
  const values = agencies.filter((a) => a !== value);
  return values.length === agencies.length && label ? values.filter((a) => a !== label) : values;
}

/** Whether the state's date range covers the whole year. */
export function yearCovered(state, year) {
  return Boolean(state.from && state.to && state.from <= `${year}-01-01` && state.to >= `${year}-12-31`);
}

/**
 * Years map onto the from/to range: the range spans the selected years.
 * Unchecking an inner year keeps the years after it. Returns {from, to}.
 */
export function toggledYear(state, year, on, shownYears) {
  const selected = new Set(shownYears.filter((y) => yearCovered(state, y)).map(Number));
  const y = Number(year);
  if (on) selected.add(y);
  else {
    selected.delete(y);
    const rest = [...selected];
    if (rest.some((s) => s < y) && rest.some((s) => s > y)) for (const s of rest) if (s < y) selected.delete(s);
  }
  if (!selected.size) return { from: '', to: '' };
  const years = [...selected].sort((a, b) => a - b);
  return { from: `${years[0]}-01-01`, to: `${years[years.length - 1]}-12-31` };
}
