// sifa research page: search, facets, timeline, document view and export.
// Plain ES2020, no dependencies. Runs under a strict CSP: no inline styles,
// no inline handlers, and document text is only ever inserted as text nodes
// (the API's pre-escaped *_html fields go through markedNodes()).
(() => {
  'use strict';

  // ---------------------------------------------------------------------
  // Constants
  // ---------------------------------------------------------------------

  const PER_PAGE = 10;
  const MAX_WINDOW = 10000; // deepest result the API pages to
  const EXPORT_PER_PAGE = 100;
  const EXPORT_MAX_PAGES = 100;
  const SUGGEST_DELAY_MS = 150;
  const SORTS = ['relevance', 'date_desc', 'date_asc'];
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const KIND_LABELS = {
    news: '新闻动态',
    notice: '通知公告',
    work_plan: '工作计划',
    report: '报告总结',
    rule: '规章制度',
    law: '法律',
    regulation: '行政法规',
    local_regulation: '地方性法规',
    judicial_interpretation: '司法解释',
    departmental_rule: '部门规章',
    case: '案例',
    other: '其他',
  };

  const EVIDENCE_LABELS = {
    title: '标题',
    date: '日期',
    agency: '发布机关',
    url: '原文链接',
    kind: '类型',
    id: '编号',
    encoding: '编码',
  };

  const SUGGESTION_KIND_LABELS = { topic: '主题', agency: '机关', title: '标题' };

  const FACET_TITLES = { agency: '发布机关', topic: '主题', kind: '类型', year: '年份' };

  const EXPORT_FIELDS = ['id', 'title', 'agency', 'agency_path', 'date', 'kind', 'topics', 'url'];

  // ---------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /** Creates an element with a class, text and attributes (never HTML). */
  function el(tag, options = {}, children = []) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text != null) node.textContent = String(options.text);
    for (const [name, value] of Object.entries(options.attrs || {})) {
      if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  function svgEl(tag, attrs = {}) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
  }

  function kindLabel(code) {
    return KIND_LABELS[code] || code || '其他';
  }

  /** Only absolute http(s) URLs become links. */
  function isSafeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url.trim());
  }

  function externalLink(url, text) {
    return el('a', {
      text,
      attrs: { href: url.trim(), target: '_blank', rel: 'noopener noreferrer' },
    });
  }

  function formatNumber(n) {
    return Number(n || 0).toLocaleString('zh-CN');
  }

  function formatMs(ms) {
    const n = Number(ms) || 0;
    return n < 10 ? n.toFixed(1) : String(Math.round(n));
  }

  /** Last day of a month, as 'DD'. */
  function lastDayOfMonth(year, month) {
    return String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()).padStart(2, '0');
  }

  /** True when an element event should be left to the browser (new tab etc.). */
  function isModifiedClick(event) {
    return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  }

  // ---------------------------------------------------------------------
  // Marked HTML: the only HTML the page accepts is text with <mark> tags.
  // ---------------------------------------------------------------------

  const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

  function decodeEntities(text) {
    return text.replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]);
  }

  /**
   * Splits API highlight HTML into [{text, marked}] runs. Anything other
   * than <mark>/</mark> stays literal text, so no markup can get through.
   */
  function markedSegments(html) {
    const segments = [];
    let depth = 0;
    for (const part of String(html || '').split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') depth += 1;
      else if (part === '</mark>') depth = Math.max(0, depth - 1);
      else if (part) segments.push({ text: decodeEntities(part), marked: depth > 0 });
    }
    return segments;
  }

  /** Text and <mark> nodes for a list of runs. */
  function segmentNodes(segments) {
    const fragment = document.createDocumentFragment();
    for (const { text, marked } of segments) {
      fragment.append(marked ? el('mark', { text }) : document.createTextNode(text));
    }
    return fragment;
  }

  function markedNodes(html) {
    return segmentNodes(markedSegments(html));
  }

  /**
   * The server's body_html turns \n, \r and \t into spaces and drops other
   * control characters. Walk the plain body alongside it to recover the
   * paragraphs with their marks; null when the two do not line up.
   */
  function alignMarkedBody(body, html) {
    const flat = [];
    for (const seg of markedSegments(html)) for (const ch of seg.text) flat.push([ch, seg.marked]);
    const paragraphs = [[]];
    let j = 0;
    for (const ch of String(body)) {
      if (ch === '\n' || ch === '\r' || ch === '\t') {
        if (j >= flat.length || flat[j][0] !== ' ') return null;
        j += 1;
        if (ch === '\n') paragraphs.push([]);
        else paragraphs[paragraphs.length - 1].push([' ', false]);
        continue;
      }
      if (/[\u0000-\u001f\u007f-\u009f]/.test(ch)) continue;
      if (j >= flat.length || flat[j][0] !== ch) return null;
      paragraphs[paragraphs.length - 1].push([ch, flat[j][1]]);
      j += 1;
    }
    if (j !== flat.length) return null;
    return paragraphs.map(toRuns);
  }

  /** [[char, marked]...] → [{text, marked}...] */
  function toRuns(chars) {
    const runs = [];
    for (const [ch, marked] of chars) {
      const last = runs[runs.length - 1];
      if (last && last.marked === marked) last.text += ch;
      else runs.push({ text: ch, marked });
    }
    return runs;
  }

  // ---------------------------------------------------------------------
  // State ⇄ URL
  // ---------------------------------------------------------------------

  function emptyState() {
    return { q: '', agency: [], topic: [], kind: [], from: '', to: '', sort: 'relevance', page: 1, doc: '' };
  }

  /** Reads the whole view state from a query string. */
  function parseState(search) {
    const params = new URLSearchParams(search || '');
    const state = emptyState();
    state.q = params.get('q') || '';
    for (const key of ['agency', 'topic', 'kind']) {
      state[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
    }
    state.from = params.get('from') || '';
    state.to = params.get('to') || '';
    const sort = params.get('sort');
    state.sort = SORTS.includes(sort) ? sort : 'relevance';
    const page = parseInt(params.get('page') || '1', 10);
    state.page = Number.isFinite(page) && page >= 1 ? page : 1;
    state.doc = params.get('doc') || '';
    return state;
  }

  /** The query string of a state; defaults are left out. */
  function stateToQuery(state) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const key of ['agency', 'topic', 'kind']) for (const v of state[key] || []) params.append(key, v);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
    if (state.page > 1) params.set('page', String(state.page));
    if (state.doc) params.set('doc', state.doc);
    return params.toString();
  }

  function stateUrl(state) {
    const query = stateToQuery(state);
    return query ? `/?${query}` : '/';
  }

  /** Search API parameters of a state (everything but doc). */
  function searchParams(state, extra = {}) {
    const params = new URLSearchParams();
    params.set('q', state.q);
    for (const key of ['agency', 'topic', 'kind']) for (const v of state[key]) params.append(key, v);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    params.set('sort', state.sort);
    for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
    return params;
  }

  function withChanges(changes) {
    return { ...current, ...changes };
  }

  function filterCount(state) {
    return state.agency.length + state.topic.length + state.kind.length + (state.from ? 1 : 0) + (state.to ? 1 : 0);
  }

  // The state being shown; replaced (never mutated) on every navigation.
  let current = parseState(location.search);

  /** Goes to a new state: pushes it to history and renders it. */
  function navigate(next, { replace = false, fromResults = false } = {}) {
    const url = stateUrl(next);
    const entry = { sifa: true, fromResults };
    if (replace) history.replaceState(entry, '', url);
    else history.pushState(entry, '', url);
    return render();
  }

  /** A same-page link that navigates without a reload (new tabs still work). */
  function appLink(state, content, options = {}) {
    const link = el('a', { className: options.className, attrs: { href: stateUrl(state), ...(options.attrs || {}) } });
    if (typeof content === 'string') link.textContent = content;
    else link.append(content);
    link.addEventListener('click', (event) => {
      if (isModifiedClick(event)) return;
      event.preventDefault();
      if (options.onNavigate) options.onNavigate();
      navigate(state, { fromResults: Boolean(options.fromResults) });
    });
    return link;
  }

  // ---------------------------------------------------------------------
  // API
  // ---------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** GETs a JSON endpoint; throws ApiError with a Chinese, user-facing message. */
  async function api(path, params, signal) {
    const query = params ? `?${params.toString()}` : '';
    let response;
    try {
      response = await fetch(`/api/v1/${path}${query}`, { headers: { Accept: 'application/json' }, signal });
    } catch (err) {
      if (err && err.name === 'AbortError') throw err;
      throw new ApiError(0, '无法连接到检索服务，请检查网络后重试。');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const message = (body && body.error && body.error.message) || `HTTP ${response.status}`;
      throw new ApiError(response.status, errorText(response.status, message));
    }
    if (body == null) throw new ApiError(response.status, '服务器返回了无法识别的数据，请稍后重试。');
    return body;
  }

  function errorText(status, message) {
    if (status === 400) return `请求有误：${message}`;
    if (status === 404) return `未找到：${message}`;
    if (status === 503) return `检索服务暂时不可用，请稍后重试：${message}`;
    return `出错了（${status}）：${message}`;
  }

  function showError(message) {
    const box = $('error');
    box.replaceChildren(el('strong', { text: '抱歉，' }), document.createTextNode(message));
    box.hidden = false;
  }

  function clearError() {
    const box = $('error');
    box.hidden = true;
    box.replaceChildren();
  }

  // ---------------------------------------------------------------------
  // Rendering entry point
  // ---------------------------------------------------------------------

  let renderSeq = 0; // increments per render; stale responses are dropped
  let searchController = null;
  let lastSearchKey = null; // the search whose results are on screen
  let lastResponse = null;
  let pendingFocus = null; // run after the next results render

  async function render() {
    current = parseState(location.search);
    const seq = ++renderSeq;
    closeSuggestions();
    syncControls();
    clearError();
    if (current.doc) {
      showView('document');
      await loadDocument(seq);
    } else {
      showView('results');
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
  function syncControls() {
    const q = $('q');
    if (q.value !== current.q) q.value = current.q;
    $('sort').value = current.sort;
    $('from').value = current.from;
    $('to').value = current.to;
    const n = filterCount(current);
    $('filters-toggle').textContent = n ? `筛选（${n}）` : '筛选';
  }

  // ---------------------------------------------------------------------
  // Results
  // ---------------------------------------------------------------------

  async function loadResults(seq) {
    const key = stateToQuery({ ...current, doc: '' });
    if (key === lastSearchKey && lastResponse) {
      // Same search as on screen (e.g. back from a document): keep it.
      updateTitle();
      runPendingFocus();
      return;
    }
    if (searchController) searchController.abort();
    searchController = new AbortController();
    setLoading(true);
    try {
      const response = await api('search', searchParams(current, { page: current.page, per_page: PER_PAGE, facets: 'all' }), searchController.signal);
      if (seq !== renderSeq) return;
      lastSearchKey = key;
      lastResponse = response;
      renderResponse(response);
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (seq !== renderSeq) return;
      lastSearchKey = null;
      lastResponse = null;
      renderFailure(err);
    } finally {
      if (seq === renderSeq) setLoading(false);
    }
  }

  function setLoading(loading) {
    const results = $('results');
    results.setAttribute('aria-busy', loading ? 'true' : 'false');
    results.classList.toggle('is-loading', loading);
    if (loading) $('summary').textContent = '正在检索…';
  }

  function renderResponse(response) {
    renderSummary(response);
    renderChips();
    renderHits(response.hits || [], response.total || 0);
    renderPager(response.total || 0);
    renderFacets(response.facets || {});
    renderTimeline(response.facets || {});
    updateTitle();
    runPendingFocus();
  }

  function runPendingFocus() {
    if (!pendingFocus) return;
    const focus = pendingFocus;
    pendingFocus = null;
    focus();
  }

  function renderFailure(err) {
    showError(err && err.message ? err.message : '检索失败，请稍后重试。');
    $('summary').textContent = '检索失败';
    $('results').replaceChildren(el('p', { className: 'empty', text: '暂时无法显示结果。' }));
    $('pager').replaceChildren();
    renderChips();
  }

  function renderSummary(response) {
    $('summary').textContent = `共 ${formatNumber(response.total)} 条结果，用时 ${formatMs(response.took_ms)} 毫秒`;
  }

  function updateTitle() {
    document.title = current.q ? `${current.q} - 司法行政公开信息检索` : '司法行政公开信息检索 · sifa';
  }

  function renderHits(hits, total) {
    const container = $('results');
    if (!hits.length && total > 0) {
      // A page past the end (e.g. an old shared link).
      container.replaceChildren(
        el('div', { className: 'empty' }, [
          el('p', { className: 'empty-title', text: '这一页没有结果' }),
          el('p', {}, [appLink(withChanges({ page: 1 }), '回到第一页')]),
        ]),
      );
      return;
    }
    if (!hits.length) {
      container.replaceChildren(
        el('div', { className: 'empty' }, [
          el('p', { className: 'empty-title', text: '没有找到匹配的结果' }),
          el('p', { text: filterCount(current) ? '请尝试减少筛选条件，或换一个关键词。' : '请换一个关键词再试。' }),
        ]),
      );
      return;
    }
    container.replaceChildren(...hits.map(renderHit));
  }

  /** One result as <article class="hit">. */
  function renderHit(hit) {
    const docState = withChanges({ doc: hit.id });
    const titleContent = hit.title_html ? markedNodes(hit.title_html) : document.createTextNode(hit.title || '（无标题）');
    const heading = el('h3', { className: 'hit-title' }, [appLink(docState, titleContent, { fromResults: true })]);

    const meta = el('p', { className: 'hit-meta' });
    if (hit.agency || (hit.agency_path && hit.agency_path.length)) {
      meta.append(el('span', { className: 'hit-agency', text: agencyLine(hit.agency, hit.agency_path) }));
    }
    if (hit.date) meta.append(el('time', { className: 'hit-date', text: hit.date, attrs: { datetime: hit.date } }));
    meta.append(el('span', { className: 'hit-kind', text: kindLabel(hit.kind) }));

    const snippet = el('p', { className: 'hit-snippet' }, [markedNodes(hit.snippet_html)]);

    const footer = el('div', { className: 'hit-footer' });
    if (hit.topics && hit.topics.length) footer.append(topicTags(hit.topics));
    const links = el('p', { className: 'hit-links' }, [appLink(docState, '详情', { fromResults: true, attrs: { 'aria-label': `详情：${hit.title || ''}` } })]);
    if (isSafeUrl(hit.url)) {
      const original = externalLink(hit.url, '原文');
      original.setAttribute('aria-label', `原文（新窗口打开）：${hit.title || ''}`);
      links.append(original);
    }
    footer.append(links);

    return el('article', { className: 'hit' }, [heading, meta, snippet, footer]);
  }

  /** Agency with its region path, e.g. 山东省 › 青岛市 · 青岛市司法局. */
  function agencyLine(agency, path) {
    const region = (path || []).join(' › ');
    if (region && agency) return `${region} · ${agency}`;
    return region || agency || '';
  }

  /** Topic tags; each one filters by that topic. */
  function topicTags(topics) {
    const list = el('ul', { className: 'tags', attrs: { 'aria-label': '主题' } });
    for (const topic of topics) {
      const selected = current.topic.includes(topic);
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

  // ---------------------------------------------------------------------
  // Pager
  // ---------------------------------------------------------------------

  /** Page numbers to show: first, last and a window around the current one. */
  function pageNumbers(page, last) {
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

  function renderPager(total) {
    const pager = $('pager');
    const last = Math.min(Math.ceil(total / PER_PAGE), Math.floor(MAX_WINDOW / PER_PAGE));
    if (last <= 1) {
      pager.replaceChildren();
      return;
    }
    const page = Math.min(current.page, last);
    const list = el('ul', { className: 'pager-list' });
    const item = (node) => list.append(el('li', {}, [node]));
    const toPage = (p, text, label) =>
      appLink(withChanges({ page: p }), text, { attrs: { 'aria-label': label }, onNavigate: scrollToResults });

    item(page > 1 ? toPage(page - 1, '上一页', '上一页') : el('span', { className: 'pager-disabled', text: '上一页', attrs: { 'aria-disabled': 'true' } }));
    for (const p of pageNumbers(page, last)) {
      if (p === null) item(el('span', { className: 'pager-gap', text: '…', attrs: { 'aria-hidden': 'true' } }));
      else if (p === page) item(el('span', { className: 'pager-current', text: String(p), attrs: { 'aria-current': 'page', 'aria-label': `第 ${p} 页，当前页` } }));
      else item(toPage(p, String(p), `第 ${p} 页`));
    }
    item(page < last ? toPage(page + 1, '下一页', '下一页') : el('span', { className: 'pager-disabled', text: '下一页', attrs: { 'aria-disabled': 'true' } }));
    pager.replaceChildren(list);
  }

  function scrollToResults() {
    pendingFocus = () => {
      $('summary').focus({ preventScroll: true });
      $('results-view').scrollIntoView({ block: 'start' });
    };
  }

  // ---------------------------------------------------------------------
  // Filters: facets, chips, dates
  // ---------------------------------------------------------------------

  /** Adds or removes a topic/kind value and reloads from page 1. */
  function toggleValue(facet, value, on) {
    const values = current[facet].filter((v) => v !== value);
    if (on) values.push(value);
    navigate(withChanges({ [facet]: values, page: 1, doc: '' }));
  }

  /**
   * Agency drill-down: selecting a node replaces its selected ancestors and
   * descendants (so choosing 青岛市 under 山东省 narrows the results).
   * Unselecting also drops a bare agency name that selected this node
   * (agency suggestions add names, which the server maps onto the tree).
   */
  function toggleAgency(value, on, label) {
    const related = (a) => a === value || a.startsWith(`${value}/`) || value.startsWith(`${a}/`);
    let values;
    if (on) {
      values = current.agency.filter((a) => !related(a));
      values.push(value);
    } else {
      values = current.agency.filter((a) => a !== value);
      if (values.length === current.agency.length && label) values = values.filter((a) => a !== label);
    }
    navigate(withChanges({ agency: values, page: 1, doc: '' }));
  }

  /** Whether the date range covers the whole year. */
  function yearCovered(year) {
    return Boolean(current.from && current.to && current.from <= `${year}-01-01` && current.to >= `${year}-12-31`);
  }

  /**
   * Years map onto the from/to range: the range spans the selected years.
   * Unchecking an inner year keeps the years after it.
   */
  function toggleYear(year, on, shownYears) {
    const selected = new Set(shownYears.filter(yearCovered).map(Number));
    const y = Number(year);
    if (on) selected.add(y);
    else {
      selected.delete(y);
      const rest = [...selected];
      if (rest.some((s) => s < y) && rest.some((s) => s > y)) for (const s of rest) if (s < y) selected.delete(s);
    }
    if (!selected.size) return navigate(withChanges({ from: '', to: '', page: 1, doc: '' }));
    const years = [...selected].sort((a, b) => a - b);
    return navigate(withChanges({ from: `${years[0]}-01-01`, to: `${years[years.length - 1]}-12-31`, page: 1, doc: '' }));
  }

  /** Builds the facet sections from a response (focus survives the rebuild). */
  function renderFacets(facets) {
    const container = $('facet-sections');
    const active = document.activeElement;
    const focusKey = active && container.contains(active) && active.dataset ? [active.dataset.facet, active.dataset.value] : null;

    const sections = ['agency', 'topic', 'kind', 'year'].map((name) => facetSection(name, facets[name] || []));
    container.replaceChildren(...sections);

    if (focusKey && focusKey[0]) {
      const again = [...container.querySelectorAll('input[data-facet]')].find(
        (input) => input.dataset.facet === focusKey[0] && input.dataset.value === focusKey[1],
      );
      if (again) again.focus();
    }
  }

  function facetSection(name, values) {
    const titleId = `facet-title-${name}`;
    const section = el('section', { className: `facet facet-${name}`, attrs: { 'aria-labelledby': titleId } });
    section.append(el('h2', { className: 'facet-title', text: FACET_TITLES[name], attrs: { id: titleId } }));
    if (!values.length) {
      section.append(el('p', { className: 'facet-empty', text: '无' }));
      return section;
    }
    const shownYears = name === 'year' ? values.map((v) => v.value) : [];
    const list = el('ul', { className: 'facet-list' });
    for (const entry of values) list.append(facetItem(name, entry, shownYears));
    section.append(list);
    return section;
  }

  function facetItem(name, entry, shownYears) {
    const label = name === 'kind' ? entry.label || kindLabel(entry.value) : entry.label || entry.value;
    let checked = Boolean(entry.selected);
    if (name === 'year') checked = yearCovered(entry.value);
    else if (current[name] && current[name].includes(entry.value)) checked = true;

    const input = el('input', {
      attrs: { type: 'checkbox', 'data-facet': name, 'data-value': entry.value, 'data-label': label },
    });
    input.checked = checked;
    input.addEventListener('change', () => {
      if (name === 'agency') toggleAgency(entry.value, input.checked, label);
      else if (name === 'year') toggleYear(entry.value, input.checked, shownYears);
      else toggleValue(name, entry.value, input.checked);
    });

    const text = el('span', { className: 'facet-label', text: label });
    if (name === 'agency') text.title = entry.value.split('/').join(' › ');
    const count = el('span', { className: 'facet-count', text: formatNumber(entry.count), attrs: { 'aria-label': `${entry.count} 条` } });
    const depth = name === 'agency' ? Math.min(Number(entry.depth) || 0, 6) : 0;
    return el('li', { className: `facet-item depth-${depth}${checked ? ' is-checked' : ''}` }, [
      el('label', { className: 'facet-option' }, [input, text, count]),
    ]);
  }

  /** The active filters as removable chips. */
  function renderChips() {
    const chips = [];
    const add = (text, remove) => chips.push({ text, remove });
    for (const a of current.agency) add(`机关：${a.split('/').join(' › ')}`, { agency: current.agency.filter((v) => v !== a) });
    for (const t of current.topic) add(`主题：${t}`, { topic: current.topic.filter((v) => v !== t) });
    for (const k of current.kind) add(`类型：${kindLabel(k)}`, { kind: current.kind.filter((v) => v !== k) });
    if (current.from) add(`起始：${current.from}`, { from: '' });
    if (current.to) add(`截止：${current.to}`, { to: '' });

    const list = $('chips');
    list.replaceChildren(
      ...chips.map(({ text, remove }, index) => {
        const button = el('button', {
          className: 'chip',
          attrs: { type: 'button', 'aria-label': `移除筛选：${text}` },
        }, [el('span', { text }), el('span', { className: 'chip-x', text: '×', attrs: { 'aria-hidden': 'true' } })]);
        button.addEventListener('click', () => {
          pendingFocus = () => focusChip(index);
          navigate(withChanges({ ...remove, page: 1, doc: '' }));
        });
        return el('li', {}, [button]);
      }),
    );
    $('active-filters').hidden = chips.length === 0;
  }

  /** Focuses the chip that took a removed chip's place, else the search box. */
  function focusChip(index) {
    const buttons = $('chips').querySelectorAll('button');
    const target = buttons[Math.min(index, buttons.length - 1)];
    (target || $('q')).focus();
  }

  function clearAllFilters() {
    pendingFocus = () => $('q').focus();
    navigate(withChanges({ agency: [], topic: [], kind: [], from: '', to: '', page: 1, doc: '' }));
  }

  function applyDates() {
    const from = $('from').value;
    const to = $('to').value;
    if (from && to && from > to) {
      showError('起始日期不能晚于截止日期，请重新选择。');
      return;
    }
    if (from === current.from && to === current.to) return;
    navigate(withChanges({ from, to, page: 1, doc: '' }));
  }

  // ---------------------------------------------------------------------
  // Timeline
  // ---------------------------------------------------------------------

  /** Year (or month) counts with the gaps filled by zero entries. */
  function timelineEntries(facets) {
    const months = facets.month || [];
    if (months.length) {
      const counts = new Map(months.map((m) => [m.value, m.count]));
      const keys = months.map((m) => m.value).sort();
      const out = [];
      let [y, m] = keys[0].split('-').map(Number);
      const [endY, endM] = keys[keys.length - 1].split('-').map(Number);
      while (y < endY || (y === endY && m <= endM)) {
        const value = `${y}-${String(m).padStart(2, '0')}`;
        out.push({ kind: 'month', value, count: counts.get(value) || 0, short: `${m}月`, long: `${y}年${m}月`, yearStart: m === 1 || out.length === 0 });
        m += 1;
        if (m > 12) { m = 1; y += 1; }
      }
      return out;
    }
    const years = (facets.year || []).filter((f) => /^\d{4}$/.test(f.value));
    if (!years.length) return [];
    const counts = new Map(years.map((f) => [Number(f.value), f.count]));
    const nums = [...counts.keys()].sort((a, b) => a - b);
    const out = [];
    for (let y = nums[0]; y <= nums[nums.length - 1]; y += 1) {
      out.push({ kind: 'year', value: String(y), count: counts.get(y) || 0, short: String(y), long: `${y}年` });
    }
    return out;
  }

  /** The date range a bar stands for. */
  function barRange(entry) {
    if (entry.kind === 'year') return { from: `${entry.value}-01-01`, to: `${entry.value}-12-31` };
    const [y, m] = entry.value.split('-');
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${lastDayOfMonth(y, m)}` };
  }

  function renderTimeline(facets) {
    const container = $('timeline');
    const focusedValue = container.contains(document.activeElement) ? document.activeElement.dataset.period : null;
    const entries = timelineEntries(facets);
    if (!entries.length) {
      container.replaceChildren(el('p', { className: 'timeline-empty', text: '暂无日期信息' }));
      return;
    }
    const max = Math.max(1, ...entries.map((e) => e.count));
    const isMonth = entries[0].kind === 'month';
    const list = el('ul', { className: `bars${isMonth ? ' bars-month' : ''}`, attrs: { 'aria-label': isMonth ? '按月份分布' : '按年份分布' } });
    for (const entry of entries) list.append(el('li', { className: 'bar-cell' }, [timelineBar(entry, max)]));
    const first = entries[0].long;
    const last = entries[entries.length - 1].long;
    const span = first === last ? first : `${first} 至 ${last}`;
    const caption = el('p', {
      className: 'timeline-hint',
      text: isMonth ? `${span}，按月统计；点击柱形筛选该月。` : `${span}，按年统计；点击柱形筛选该年。`,
    });
    container.replaceChildren(list, caption);

    if (focusedValue) {
      const again = container.querySelector(`[data-period="${CSS.escape(focusedValue)}"]`);
      if (again) again.focus();
    }
  }

  /** One bar: a button holding an SVG rect sized by attributes (CSP-safe). */
  function timelineBar(entry, max) {
    const height = entry.count ? Math.max(3, Math.round((entry.count / max) * 100)) : 0;
    const svg = svgEl('svg', { class: 'bar-svg', viewBox: '0 0 10 100', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' });
    svg.append(svgEl('rect', { x: 0, y: 100 - height, width: 10, height, class: 'bar-rect' }));

    const label = `${entry.long}：${entry.count}条`;
    const range = barRange(entry);
    const isCurrent = current.from === range.from && current.to === range.to;
    const children = [
      el('span', { className: 'bar-count', text: entry.count ? String(entry.count) : '' }),
      svg,
      el('span', { className: `bar-label${entry.yearStart ? ' year-start' : ''}`, text: entry.short }),
    ];
    if (!entry.count) {
      return el('span', { className: 'bar bar-zero', attrs: { 'aria-hidden': 'true' } }, children);
    }
    const button = el('button', {
      className: `bar${isCurrent ? ' is-current' : ''}`,
      attrs: { type: 'button', 'aria-label': label, title: label, 'data-period': entry.value, 'aria-pressed': isCurrent ? 'true' : 'false' },
    }, children);
    button.addEventListener('click', () => navigate(withChanges({ ...range, page: 1, doc: '' })));
    return button;
  }

  // ---------------------------------------------------------------------
  // Document view
  // ---------------------------------------------------------------------

  let documentController = null;

  async function loadDocument(seq) {
    const panel = $('document');
    const id = current.doc;
    panel.replaceChildren(backButton(), el('p', { className: 'loading-text', text: '正在加载…' }));
    window.scrollTo(0, 0);
    if (documentController) documentController.abort();
    documentController = new AbortController();
    const params = current.q.trim() ? new URLSearchParams({ q: current.q }) : null;
    try {
      const doc = await api(`documents/${encodeURIComponent(id)}`, params, documentController.signal);
      if (seq !== renderSeq) return;
      renderDocument(doc);
      document.title = `${doc.title || '文件'} - 司法行政公开信息检索`;
      const heading = $('doc-title');
      if (heading) heading.focus();
      loadSimilar(id, seq);
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (seq !== renderSeq) return;
      showError(err.message || '文件加载失败，请稍后重试。');
      panel.replaceChildren(backButton(), el('h2', { text: '无法显示该文件', attrs: { id: 'doc-title', tabindex: '-1' } }));
    }
  }

  function backButton() {
    const button = el('button', { className: 'btn back-button', text: '返回结果', attrs: { type: 'button', id: 'back' } });
    button.addEventListener('click', goBackToResults);
    return button;
  }

  /** Back in history when we came from the results, else drop `doc`. */
  function goBackToResults() {
    pendingFocus = () => $('summary').focus({ preventScroll: true });
    if (history.state && history.state.fromResults) history.back();
    else navigate(withChanges({ doc: '' }));
  }

  function renderDocument(doc) {
    const panel = $('document');
    const title = el('h2', { className: 'doc-title', text: doc.title || '（无标题）', attrs: { id: 'doc-title', tabindex: '-1' } });
    panel.replaceChildren(
      backButton(),
      title,
      metadataTable(doc),
      bodySection(doc),
      evidenceSection(doc),
      el('section', { className: 'doc-section', attrs: { id: 'similar', 'aria-labelledby': 'similar-title' } }, [
        el('h3', { text: '相似文件', attrs: { id: 'similar-title' } }),
        el('p', { className: 'loading-text', text: '正在查找相似文件…' }),
      ]),
    );
  }

  function metadataTable(doc) {
    const rows = [];
    const row = (label, value) => rows.push(el('tr', {}, [el('th', { text: label, attrs: { scope: 'row' } }), el('td', {}, [value])]));
    const text = (value) => document.createTextNode(value == null || value === '' ? '—' : String(value));

    const path = [...(doc.agency_path || [])];
    if (doc.agency && path[path.length - 1] !== doc.agency) path.push(doc.agency);
    row('发布机关', text(path.join(' › ')));
    row('日期', text(doc.date));
    row('类型', text(doc.kind_label || kindLabel(doc.kind)));
    row('主题', topicScores(doc.topics || []));
    row('来源文件', el('code', { text: doc.source || '—' }));
    row('原文链接', isSafeUrl(doc.url) ? externalLink(doc.url, doc.url) : text(doc.url ? `${doc.url}（非网页链接，未提供跳转）` : '无'));
    row('编号', el('code', { text: doc.id }));
    if (doc.chars != null) row('字数', text(formatNumber(doc.chars)));

    return el('table', { className: 'meta-table' }, [
      el('caption', { className: 'visually-hidden', text: '文件信息' }),
      el('tbody', {}, rows),
    ]);
  }

  function topicScores(topics) {
    if (!topics.length) return document.createTextNode('—');
    const list = el('ul', { className: 'inline-list' });
    for (const t of topics) {
      list.append(el('li', {}, [
        el('span', { className: 'tag tag-static', text: t.name }),
        el('span', { className: 'score', text: `（${Number(t.score || 0).toFixed(1)}）`, attrs: { title: '主题得分' } }),
      ]));
    }
    return list;
  }

  /** Full text as paragraphs, with query words marked when a query is set. */
  function bodySection(doc) {
    const section = el('section', { className: 'doc-section doc-body', attrs: { 'aria-labelledby': 'body-title' } });
    section.append(el('h3', { text: '正文', attrs: { id: 'body-title' } }));
    const body = String(doc.body || '');
    let paragraphs = null;
    if (doc.body_html) {
      paragraphs = alignMarkedBody(body, doc.body_html);
      // Fallback: the marked text as one block when it cannot be aligned.
      if (!paragraphs) paragraphs = [markedSegments(doc.body_html)];
    } else {
      paragraphs = body.split('\n').map((line) => [{ text: line, marked: false }]);
    }
    const shown = paragraphs.filter((runs) => runs.some((r) => r.text.trim()));
    if (!shown.length) section.append(el('p', { className: 'muted', text: '（正文为空）' }));
    for (const runs of shown) section.append(el('p', {}, [segmentNodes(runs)]));
    return section;
  }

  /** 解析依据: which rule decided each field, and the topic terms. */
  function evidenceSection(doc) {
    const section = el('section', { className: 'doc-section', attrs: { id: 'evidence', 'aria-labelledby': 'evidence-title' } });
    section.append(el('h3', { text: '解析依据', attrs: { id: 'evidence-title' } }));
    section.append(el('p', { className: 'muted', text: '以下是系统从原始文件中读取各项信息时所依据的规则和文字。' }));

    const evidence = doc.evidence || {};
    const keys = Object.keys(EVIDENCE_LABELS).filter((k) => evidence[k]);
    for (const k of Object.keys(evidence)) if (!keys.includes(k)) keys.push(k);

    if (keys.length) {
      const rows = keys.map((key) => {
        const item = evidence[key] || {};
        return el('tr', {}, [
          el('th', { text: EVIDENCE_LABELS[key] || key, attrs: { scope: 'row' } }),
          el('td', {}, [el('code', { className: 'rule', text: item.rule || '—' })]),
          el('td', { className: 'evidence-text', text: item.text || '' }),
        ]);
      });
      section.append(el('table', { className: 'evidence-table' }, [
        el('thead', {}, [el('tr', {}, [
          el('th', { text: '字段', attrs: { scope: 'col' } }),
          el('th', { text: '规则', attrs: { scope: 'col' } }),
          el('th', { text: '依据文字', attrs: { scope: 'col' } }),
        ])]),
        el('tbody', {}, rows),
      ]));
    } else {
      section.append(el('p', { className: 'muted', text: '没有字段解析记录。' }));
    }

    const topics = (doc.topics || []).filter((t) => t.evidence && t.evidence.length);
    if (topics.length) {
      section.append(el('h4', { text: '主题判断依据' }));
      const list = el('ul', { className: 'topic-evidence' });
      for (const t of topics) {
        list.append(el('li', {}, [
          el('strong', { text: `${t.name}（${Number(t.score || 0).toFixed(1)}）：` }),
          document.createTextNode(t.evidence.join('、')),
        ]));
      }
      section.append(list);
    }
    return section;
  }

  async function loadSimilar(id, seq) {
    let content;
    try {
      const response = await api(`documents/${encodeURIComponent(id)}/similar`, null, documentController.signal);
      if (seq !== renderSeq) return;
      const hits = response.hits || [];
      content = hits.length ? similarList(hits) : el('p', { className: 'muted', text: '暂无相似文件。' });
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (seq !== renderSeq) return;
      content = el('p', { className: 'inline-error', text: `相似文件加载失败：${err.message || '请稍后重试。'}` });
    }
    const section = $('similar');
    if (section) section.replaceChildren(section.firstChild, content);
  }

  function similarList(hits) {
    const list = el('ul', { className: 'similar-list' });
    for (const hit of hits) {
      const link = appLink(withChanges({ doc: hit.id }), hit.title || '（无标题）');
      const meta = [agencyLine(hit.agency, hit.agency_path), hit.date, kindLabel(hit.kind)].filter(Boolean).join(' · ');
      list.append(el('li', {}, [link, el('span', { className: 'similar-meta', text: meta })]));
    }
    return list;
  }

  // ---------------------------------------------------------------------
  // Suggestions (combobox)
  // ---------------------------------------------------------------------

  let suggestTimer = 0;
  let suggestController = null;
  let suggestions = [];
  let activeSuggestion = -1;

  function scheduleSuggest() {
    clearTimeout(suggestTimer);
    const text = $('q').value.trim();
    if (!text) {
      closeSuggestions();
      return;
    }
    suggestTimer = setTimeout(() => fetchSuggestions(text), SUGGEST_DELAY_MS);
  }

  async function fetchSuggestions(text) {
    if (suggestController) suggestController.abort();
    suggestController = new AbortController();
    try {
      const response = await api('suggest', new URLSearchParams({ q: text }), suggestController.signal);
      if ($('q').value.trim() !== text || document.activeElement !== $('q')) return;
      showSuggestions(response.suggestions || []);
    } catch (err) {
      // Suggestions are optional: a failure closes the list quietly.
      if (!err || err.name !== 'AbortError') closeSuggestions();
    }
  }

  function showSuggestions(items) {
    suggestions = items;
    activeSuggestion = -1;
    const list = $('suggestions');
    if (!items.length) {
      closeSuggestions();
      return;
    }
    list.replaceChildren(...items.map((item, index) => {
      const option = el('li', {
        className: 'suggestion',
        attrs: { id: `suggestion-${index}`, role: 'option', 'aria-selected': 'false' },
      }, [
        el('span', { className: `suggestion-kind kind-${item.kind}`, text: SUGGESTION_KIND_LABELS[item.kind] || '' }),
        el('span', { className: 'suggestion-text', text: item.text }),
      ]);
      option.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
      option.addEventListener('click', () => chooseSuggestion(index));
      return option;
    }));
    list.hidden = false;
    $('q').setAttribute('aria-expanded', 'true');
  }

  function closeSuggestions() {
    clearTimeout(suggestTimer);
    suggestions = [];
    activeSuggestion = -1;
    const list = $('suggestions');
    list.hidden = true;
    list.replaceChildren();
    const q = $('q');
    q.setAttribute('aria-expanded', 'false');
    q.removeAttribute('aria-activedescendant');
  }

  function moveSuggestion(delta) {
    if (!suggestions.length) return;
    const n = suggestions.length;
    activeSuggestion = activeSuggestion < 0 ? (delta > 0 ? 0 : n - 1) : (activeSuggestion + delta + n) % n;
    const options = $('suggestions').querySelectorAll('[role="option"]');
    options.forEach((option, i) => {
      const on = i === activeSuggestion;
      option.setAttribute('aria-selected', on ? 'true' : 'false');
      option.classList.toggle('is-active', on);
      if (on) option.scrollIntoView({ block: 'nearest' });
    });
    $('q').setAttribute('aria-activedescendant', `suggestion-${activeSuggestion}`);
  }

  /** topic → topic filter; agency → agency filter; title → search for it. */
  function chooseSuggestion(index) {
    const item = suggestions[index];
    closeSuggestions();
    if (!item) return;
    const q = $('q');
    if (item.kind === 'topic' || item.kind === 'agency') {
      const facet = item.kind;
      const values = current[facet].includes(item.text) ? current[facet] : [...current[facet], item.text];
      q.value = current.q;
      navigate(withChanges({ [facet]: values, page: 1, doc: '' }));
    } else {
      q.value = item.text;
      navigate(withChanges({ q: item.text, page: 1, doc: '' }));
    }
  }

  function onSearchKeydown(event) {
    if (event.isComposing || event.keyCode === 229) return; // IME in progress
    const open = !$('suggestions').hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (open) moveSuggestion(1);
        else scheduleSuggest();
        break;
      case 'ArrowUp':
        if (open) {
          event.preventDefault();
          moveSuggestion(-1);
        }
        break;
      case 'Enter':
        if (open && activeSuggestion >= 0) {
          event.preventDefault();
          chooseSuggestion(activeSuggestion);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          closeSuggestions();
        }
        break;
      default:
        break;
    }
  }

  function onSearchSubmit(event) {
    event.preventDefault();
    closeSuggestions();
    const q = $('q').value.trim();
    navigate(withChanges({ q, page: 1, doc: '' }));
  }

  // ---------------------------------------------------------------------
  // Export
  // ---------------------------------------------------------------------

  /** A hit reduced to the export fields. */
  function exportRecord(row) {
    return {
      id: row.id ?? '',
      title: row.title ?? '',
      agency: row.agency ?? null,
      agency_path: Array.isArray(row.agency_path) ? [...row.agency_path] : [],
      date: row.date ?? null,
      kind: row.kind ?? '',
      topics: Array.isArray(row.topics) ? row.topics.map((t) => (typeof t === 'string' ? t : t && t.name)).filter(Boolean) : [],
      url: row.url ?? null,
    };
  }

  /** Neutralises spreadsheet formulas and quotes per RFC 4180. */
  function csvCell(value) {
    let text = value == null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return `"${text.replace(/"/g, '""')}"`;
  }

  /**
   * CSV text (UTF-8 BOM, CRLF line ends): the header line, then one quoted
   * row per hit; agency_path joined by ' / ', topics by ';'.
   */
  function toCsv(rows) {
    const lines = [EXPORT_FIELDS.join(',')];
    for (const row of rows || []) {
      const r = exportRecord(row);
      const cells = [r.id, r.title, r.agency, r.agency_path.join(' / '), r.date, r.kind, r.topics.join(';'), r.url];
      lines.push(cells.map(csvCell).join(','));
    }
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  /** JSON text: an array of objects with the export fields. */
  function toJsonExport(rows) {
    return `${JSON.stringify((rows || []).map(exportRecord), null, 2)}\n`;
  }

  let exporting = false;

  /** Fetches the whole current result set (at most 10,000 hits). */
  async function fetchAllHits(onProgress) {
    const state = { ...current };
    const rows = [];
    let total = Infinity;
    for (let page = 1; page <= EXPORT_MAX_PAGES && rows.length < Math.min(total, MAX_WINDOW); page += 1) {
      const response = await api('search', searchParams(state, { page, per_page: EXPORT_PER_PAGE, facets: 'none' }));
      total = Number(response.total) || 0;
      const hits = response.hits || [];
      rows.push(...hits);
      onProgress(rows.length, total);
      if (hits.length < EXPORT_PER_PAGE) break;
    }
    return { rows, total };
  }

  async function exportResults(format) {
    if (exporting) return;
    exporting = true;
    const status = $('export-status');
    const buttons = [$('export-csv'), $('export-json')];
    buttons.forEach((b) => { b.disabled = true; });
    status.textContent = '正在导出… 已获取 0 条';
    try {
      const { rows, total } = await fetchAllHits((n) => { status.textContent = `正在导出… 已获取 ${formatNumber(n)} 条`; });
      if (format === 'csv') download(toCsv(rows), 'sifa-export.csv', 'text/csv;charset=utf-8');
      else download(toJsonExport(rows), 'sifa-export.json', 'application/json;charset=utf-8');
      const capped = total > rows.length ? `（共 ${formatNumber(total)} 条，最多导出 ${formatNumber(MAX_WINDOW)} 条）` : '';
      status.textContent = `已导出 ${formatNumber(rows.length)} 条${capped}`;
    } catch (err) {
      status.textContent = '';
      showError(`导出失败：${err && err.message ? err.message : '请稍后重试。'}`);
    } finally {
      exporting = false;
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function download(text, filename, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el('a', { className: 'visually-hidden', attrs: { href: url, download: filename } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---------------------------------------------------------------------
  // Header statistics
  // ---------------------------------------------------------------------

  async function loadStats() {
    const target = $('stats');
    try {
      const stats = await api('stats');
      target.textContent = `收录 ${formatNumber(stats.documents)} 篇公开信息`;
    } catch (err) {
      target.textContent = '收录统计暂不可用';
      target.title = err && err.message ? err.message : '';
    }
  }

  // ---------------------------------------------------------------------
  // Wiring
  // ---------------------------------------------------------------------

  function bindEvents() {
    const q = $('q');
    $('search-form').addEventListener('submit', onSearchSubmit);
    q.addEventListener('input', (event) => { if (!event.isComposing) scheduleSuggest(); });
    q.addEventListener('compositionend', scheduleSuggest);
    q.addEventListener('keydown', onSearchKeydown);
    q.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== q) closeSuggestions(); }, 100));

    $('sort').addEventListener('change', (event) => navigate(withChanges({ sort: event.target.value, page: 1, doc: '' })));
    $('date-form').addEventListener('submit', (event) => { event.preventDefault(); applyDates(); });
    $('from').addEventListener('change', applyDates);
    $('to').addEventListener('change', applyDates);
    $('date-clear').addEventListener('click', () => {
      if (current.from || current.to) navigate(withChanges({ from: '', to: '', page: 1, doc: '' }));
    });
    $('clear-all').addEventListener('click', clearAllFilters);
    $('export-csv').addEventListener('click', () => exportResults('csv'));
    $('export-json').addEventListener('click', () => exportResults('json'));

    const toggle = $('filters-toggle');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      $('facets').classList.toggle('is-open', open);
    });

    window.addEventListener('popstate', () => { render(); });
  }

  // Exposed for tests and the console.
  window.sifa = {
    toCsv,
    toJsonExport,
    parseState,
    stateToQuery,
    markedSegments,
    alignMarkedBody,
    get state() { return { ...current }; },
  };

  function start() {
    bindEvents();
    if (!history.state || !history.state.sifa) history.replaceState({ sifa: true, fromResults: false }, '', location.href);
    loadStats();
    render();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
