// sifa research page: search, facets, timeline, document view and export.
// Plain ES modules, no dependencies. Runs under a strict CSP: no inline
// styles, no inline handlers, and document text is only ever inserted as
// text nodes (the API's pre-escaped *_html fields go through markedNodes()).
// This module wires the others together.

import { bindAdvanced, syncAdvanced } from './advanced.js';
import { loadDimensions, serviceInfo } from './api.js';
import { bindCite } from './cite.js';
import { bindCompare } from './compareview.js';
import { loadDocument } from './document.js';
import { $, clearError, formatNumber, showError } from './dom.js';
import { exportResults } from './export.js';
import { applyDates, clearAllFilters, clearDates, setPanelOpen } from './facets.js';
import { alignMarkedBody, markedSegments } from './marked.js';
import { beginRender, readLocation, refine, setRenderer, state } from './nav.js';
import { bindViews, renderResearch } from './research.js';
import { loadResults } from './results.js';
import { filterCount, parseState, stateToQuery } from './state.js';
import { bindSuggestions, closeSuggestions } from './suggest.js';

/** Renders the state in the address bar. */
async function render() {
  const current = readLocation();
  const seq = beginRender();
  closeSuggestions();
  syncControls(current);
  clearError();
  showView(current.doc ? 'document' : 'results');
  if (current.doc) await loadDocument(seq);
  else {
    renderResearch();
    await loadResults(seq);
  }
}

function showView(view) {
  const isDoc = view === 'document';
  $('results-view').hidden = isDoc;
  $('facets').hidden = isDoc;
  $('filters-toggle').hidden = isDoc;
  $('document').hidden = !isDoc;
  document.body.classList.toggle('doc-mode', isDoc);
}

/** Puts the state into the form controls. */
function syncControls(current) {
  const q = $('q');
  if (q.value !== current.q) q.value = current.q;
  $('from').value = current.from;
  $('to').value = current.to;
  const n = filterCount(current);
  $('filters-toggle').textContent = n ? `筛选（${n}）` : '筛选';
  if ($('advanced').open) syncAdvanced();
}

/** The header's document count (the server wrote the query length limit into the page). */
async function loadStats() {
  const target = $('stats');
  try {
    const service = await serviceInfo();
    target.textContent = `收录 ${formatNumber(service.documents)} 篇公开信息`;
    target.title = '每个版本和每处转载各算一篇；检索结果中同一文件的多个版本和转载只计一次。';
  } catch (err) {
    target.textContent = '收录统计暂不可用';
    target.title = err && err.message ? err.message : '';
  }
}

function bindEvents() {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    closeSuggestions();
    refine({ q: $('q').value.trim() });
  });
  bindSuggestions();
  bindAdvanced();
  bindCite();
  bindCompare();
  bindViews();

  $('sort').addEventListener('change', (event) => refine({ sort: event.target.value }));
  $('date-form').addEventListener('submit', (event) => { event.preventDefault(); applyDates(); });
  $('from').addEventListener('change', applyDates);
  $('to').addEventListener('change', applyDates);
  $('date-clear').addEventListener('click', clearDates);
  $('clear-all').addEventListener('click', clearAllFilters);
  $('export-csv').addEventListener('click', () => exportResults('csv'));
  $('export-json').addEventListener('click', () => exportResults('json'));

  const toggle = $('filters-toggle');
  toggle.addEventListener('click', () => setPanelOpen(toggle.getAttribute('aria-expanded') !== 'true'));

  window.addEventListener('popstate', () => { render(); });
}

// Exposed for tests and the console.
window.sifa = {
  parseState,
  stateToQuery,
  markedSegments,
  alignMarkedBody,
  get state() { return { ...state() }; },
};

/** The dimensions first: the address and the filters are read by them. */
async function start() {
  try {
    await loadDimensions();
  } catch (err) {
    showError(err && err.message ? err.message : '检索服务暂时不可用，请稍后重试。', err);
  }
  setRenderer(render);
  readLocation();
  bindEvents();
  if (!history.state || !history.state.sifa) history.replaceState({ sifa: true, fromResults: false }, '', location.href);
  loadStats();
  render();
}

start();
