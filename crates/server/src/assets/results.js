// The result list: loading a search, the summary, hits and the pager.

import { api, isAbort, serviceInfo } from './api.js';
import { $, agencyLine, el, externalLink, formatMs, formatNumber, isSafeUrl, markedNodes, showError, textNode } from './dom.js';
import { choiceBox, keepChoiceFor, setCitationMeta, showFeed } from './cite.js';
import { renderCompare } from './compareview.js';
import { renderChips, renderFacets, toggleValue } from './facets.js';
import { appLink, focusAfterRender, isStale, refine, runPendingFocus, state, withChanges } from './nav.js';
import { hitNotes, statusMark } from './links.js';
import { SORTS, filterCount, searchParams, stateToQuery } from './state.js';
import { renderTimeline } from './timeline.js';

/** What changes the view but not the search: the document, the 对比 chart's and the research views' own settings. */
const VIEW_ONLY = { doc: '', compare: '', interval: 'year', view: '', csort: 'relevance', level: 'province', at: '' };

let searchController = null;
let lastSearchKey = null; // the search whose results are on screen
let lastResponse = null;

export async function loadResults(seq) {
  const current = state();
  // The search itself: the 对比 chart's own settings do not search again.
  const key = stateToQuery({ ...current, ...VIEW_ONLY });
  setCitationMeta([]);
  showFeed();
  renderCompare();
  if (key === lastSearchKey && lastResponse) {
    // Same search as on screen (e.g. back from a document): keep it.
    showSort(lastResponse.sort);
    updateTitle();
    runPendingFocus();
    return;
  }
  if (searchController) searchController.abort();
  searchController = new AbortController();
  setLoading(true);
  try {
    // per_page is left to the API's default; the response says what it was.
    // The pager needs the result window from /api/v1/stats: without it
    // (stats failed) the pager is not capped.
    const [response, service] = await Promise.all([
      api('search', searchParams(current, { page: current.page, facets: 'all' }), searchController.signal),
      serviceInfo().catch(() => null),
    ]);
    if (isStale(seq)) return;
    lastSearchKey = key;
    lastResponse = response;
    keepChoiceFor(stateToQuery({ ...current, ...VIEW_ONLY, page: 1 }));
    renderResponse(response, service ? service.limits.max_result_window : Infinity);
  } catch (err) {
    if (isAbort(err) || isStale(seq)) return;
    lastSearchKey = null;
    lastResponse = null;
    renderFailure(err);
  } finally {
    if (!isStale(seq)) setLoading(false);
  }
}

function setLoading(loading) {
  const results = $('results');
  results.setAttribute('aria-busy', loading ? 'true' : 'false');
  results.classList.toggle('is-loading', loading);
  if (loading) $('summary').textContent = '正在检索…';
}

function renderResponse(response, resultWindow) {
  const facets = response.facets || {};
  const total = response.total || 0;
  const { unranked } = showSort(response.sort);
  // Versions of a law and copies of a repost count once here, so an empty
  // search counts fewer than the header's 收录 (every stored copy).
  const order = unranked ? '（未输入关键词，按日期从新到旧排列；同一文件的多个版本和转载只计一次）' : '';
  $('summary').textContent = `共 ${formatNumber(response.total)} 条结果${order}，用时 ${formatMs(response.took_ms)} 毫秒`;
  renderExpanded(response.expanded || []);
  renderChips(facets);
  const near = response.near_hits || [];
  renderHits(response.hits || [], total, near.length);
  renderNear(near, Number(response.near_total) || 0, total);
  renderPager(total, Number(response.per_page) || 1, resultWindow);
  renderFacets(facets);
  $('timeline').parentElement.hidden = false;
  renderTimeline(facets, total);
  updateTitle();
  runPendingFocus();
}

/** 同时搜索了：… — the words the field's synonyms added, with a way to search the literal words only. */
export function expandedText(expanded) {
  return expanded.map((e) => `${(e.added || []).join('、')}（${e.term}）`).join('；');
}

function renderExpanded(expanded) {
  const note = $('expanded-note');
  const { expand } = state();
  if (expand && !expanded.length) {
    note.hidden = true;
    note.replaceChildren();
    return;
  }
  const toggle = (label, on) => {
    const button = el('button', { className: 'btn btn-small btn-quiet', text: label, attrs: { type: 'button', id: 'expand-toggle' } });
    button.addEventListener('click', () => refine({ expand: on }));
    return button;
  };
  note.replaceChildren(...(expand
    ? [textNode(`同时搜索了：${expandedText(expanded)}`), toggle('只搜原词', false)]
    : [textNode('只按原词检索（未使用简称与同义词）'), toggle('恢复同义词', true)]));
  note.title = expanded.map((e) => e.note).filter(Boolean).join('\n');
  note.hidden = false;
}

function renderFailure(err) {
  showError(err && err.message ? err.message : '检索失败，请稍后重试。', err);
  $('summary').textContent = '检索失败';
  showSort(null);
  $('results').replaceChildren(el('p', { className: 'empty', text: '暂时无法显示结果。' }));
  renderNear([], 0, 0);
  $('pager').replaceChildren();
  // Counts of an earlier search would mislead: no facets, no timeline.
  $('facet-sections').replaceChildren();
  $('timeline').parentElement.hidden = true;
  renderChips({});
}

/**
 * The sort menu shows the order the API used (the response's `sort`): an
 * empty query asked for by relevance is answered newest first, and then
 * relevance is not on offer.
 */
export function shownSort(asked, used) {
  const sort = SORTS.includes(used) ? used : asked;
  return { sort, unranked: asked === 'relevance' && sort !== 'relevance' };
}

function showSort(used) {
  const select = $('sort');
  const { sort, unranked } = shownSort(state().sort, used);
  select.value = sort;
  const relevance = select.querySelector('option[value="relevance"]');
  relevance.disabled = unranked;
  select.title = unranked ? '未输入关键词时不能按相关度排序' : '';
  return { sort, unranked };
}

function updateTitle() {
  const { q } = state();
  document.title = q ? `${q} - 司法行政公开信息检索` : '司法行政公开信息检索 · sifa';
}

function emptyMessage(title, body) {
  return el('div', { className: 'empty' }, [el('p', { className: 'empty-title', text: title }), el('p', {}, [body])]);
}

function renderHits(hits, total, nearShown) {
  const container = $('results');
  if (!hits.length && total > 0) {
    // A page past the end (e.g. an old shared link).
    container.replaceChildren(emptyMessage('这一页没有结果', appLink(withChanges({ page: 1 }), '回到第一页')));
  } else if (!hits.length && nearShown) {
    container.replaceChildren(); // the near matches say there is no exact one
  } else if (!hits.length) {
    const advice = filterCount(state()) ? '请尝试减少筛选条件，或换一个关键词。' : '请换一个关键词再试。';
    container.replaceChildren(emptyMessage('没有找到匹配的结果', textNode(advice)));
  } else {
    container.replaceChildren(...hits.map(renderHit));
  }
}

/** The heading of the near matches: how many publications lack one word. */
export function nearTitle(nearTotal, exactTotal) {
  const lead = exactTotal > 0 ? '' : '没有完全匹配的结果。';
  return `${lead}以下结果缺少一个关键词（共 ${formatNumber(nearTotal)} 条）`;
}

/**
 * Near matches, below the exact ones when those are few, apart from them:
 * each says which word it lacks (缺少：…). The total and the facets count
 * exact matches only.
 */
function renderNear(near, nearTotal, exactTotal) {
  const section = $('near');
  section.hidden = near.length === 0;
  if (!near.length) {
    section.replaceChildren();
    return;
  }
  const title = el('h3', { className: 'near-title', text: nearTitle(nearTotal, exactTotal), attrs: { id: 'near-title' } });
  section.replaceChildren(title, ...near.map(renderHit));
}

/** One result as <article class="hit">; a near match says which words it lacks. */
function renderHit(hit) {
  const docState = withChanges({ doc: hit.id });
  const titleContent = hit.title_html ? markedNodes(hit.title_html) : textNode(hit.title || '（无标题）');
  const heading = el('h3', { className: 'hit-title' }, [appLink(docState, titleContent, { fromResults: true })]);

  const meta = el('p', { className: 'hit-meta' });
  const mark = statusMark(hit.status);
  if (mark) meta.append(mark);
  if (hit.agency || (hit.agency_path && hit.agency_path.length)) {
    meta.append(el('span', { className: 'hit-agency', text: agencyLine(hit.agency, hit.agency_path) }));
  }
  if (hit.date) meta.append(el('time', { className: 'hit-date', text: hit.date, attrs: { datetime: hit.date } }));
  if (hit.doc_no) meta.append(el('span', { className: 'hit-doc-no', text: hit.doc_no }));
  meta.append(el('span', { className: 'hit-kind', text: hit.kind_label || hit.kind }));
  meta.append(...hitNotes(hit));
  if (hit.missing && hit.missing.length) {
    meta.append(el('span', { className: 'hit-missing', text: `缺少：${hit.missing.join('、')}` }));
  }

  const snippet = el('p', { className: 'hit-snippet' }, [markedNodes(hit.snippet_html)]);

  const footer = el('div', { className: 'hit-footer' });
  if (hit.topics && hit.topics.length) footer.append(topicTags(hit.topics));
  const details = appLink(docState, '详情', { fromResults: true, attrs: { 'aria-label': `详情：${hit.title || ''}` } });
  const links = el('p', { className: 'hit-links' }, [choiceBox(hit), details]);
  if (isSafeUrl(hit.url)) {
    const original = externalLink(hit.url, '原文');
    original.setAttribute('aria-label', `原文（新窗口打开）：${hit.title || ''}`);
    links.append(original);
  }
  footer.append(links);

  return el('article', { className: 'hit' }, [heading, meta, snippet, footer]);
}

/** Topic tags; each one filters by that topic. */
function topicTags(topics) {
  const list = el('ul', { className: 'tags', attrs: { 'aria-label': '主题' } });
  for (const topic of topics) {
    const selected = (state().topic || []).includes(topic);
    const button = el('button', {
      className: selected ? 'tag is-selected' : 'tag',
      text: topic,
      attrs: { type: 'button', 'aria-label': `按主题筛选：${topic}`, 'aria-pressed': selected ? 'true' : 'false' },
    });
    button.addEventListener('click', () => toggleValue('topic', topic, !selected));
    list.append(el('li', {}, [button]));
  }
  return list;
}

/** Page numbers to show: first, last and a window around the current one (null for a gap). */
export function pageNumbers(page, last) {
  const pages = new Set([1, last]);
  for (let p = page - 2; p <= page + 2; p += 1) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** The last page the API serves for a result set. */
export function lastPage(total, perPage, resultWindow) {
  return Math.min(Math.ceil(total / perPage), Math.floor(resultWindow / perPage));
}

function renderPager(total, perPage, resultWindow) {
  const pager = $('pager');
  const last = lastPage(total, perPage, resultWindow);
  if (last <= 1) {
    pager.replaceChildren();
    return;
  }
  const page = Math.min(state().page, last);
  const list = el('ul', { className: 'pager-list' });
  const item = (node) => list.append(el('li', {}, [node]));
  const toPage = (p, label, ariaLabel) =>
    appLink(withChanges({ page: p }), label, { attrs: { 'aria-label': ariaLabel }, onNavigate: scrollToResults });
  const disabled = (label) => el('span', { className: 'pager-disabled', text: label, attrs: { 'aria-disabled': 'true' } });

  item(page > 1 ? toPage(page - 1, '上一页', '上一页') : disabled('上一页'));
  for (const p of pageNumbers(page, last)) {
    if (p === null) item(el('span', { className: 'pager-gap', text: '…', attrs: { 'aria-hidden': 'true' } }));
    else if (p === page) {
      item(el('span', { className: 'pager-current', text: String(p), attrs: { 'aria-current': 'page', 'aria-label': `第 ${p} 页，当前页` } }));
    } else item(toPage(p, String(p), `第 ${p} 页`));
  }
  item(page < last ? toPage(page + 1, '下一页', '下一页') : disabled('下一页'));
  pager.replaceChildren(list);
}

function scrollToResults() {
  focusAfterRender(() => {
    $('summary').focus({ preventScroll: true });
    $('results-view').scrollIntoView({ block: 'start' });
  });
}
