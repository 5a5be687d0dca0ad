// The document view: metadata, full text with marks, how each field was
// read (解析依据), and similar publications.

import { api, isAbort } from './api.js';
import { valueLabel } from './dimensions.js';
import { citationSection, setCitationMeta } from './cite.js';
import { $, agencyLine, el, externalLink, formatNumber, isSafeUrl, segmentNodes, showError, textNode } from './dom.js';
import { EVIDENCE_LABELS } from './labels.js';
import { linksSection, statusBanner } from './links.js';
import { alignMarkedBody, markedSegments } from './marked.js';
import { appLink, focusAfterRender, isStale, navigate, state, withChanges } from './nav.js';

let documentController = null;

export async function loadDocument(seq) {
  const panel = $('document');
  const { doc: id, q } = state();
  panel.replaceChildren(backButton(), el('p', { className: 'loading-text', text: '正在加载…' }));
  window.scrollTo(0, 0);
  if (documentController) documentController.abort();
  documentController = new AbortController();
  const params = q.trim() ? new URLSearchParams({ q }) : null;
  try {
    const doc = await api(`documents/${encodeURIComponent(id)}`, params, documentController.signal);
    if (isStale(seq)) return;
    renderDocument(doc);
    setCitationMeta((doc.citation && doc.citation.meta) || []);
    document.title = `${doc.title || '文件'} - 司法行政公开信息检索`;
    const heading = $('doc-title');
    if (heading) heading.focus({ preventScroll: Boolean(state().at) });
    if (state().at) showPlace(Number(state().at));
    loadSimilar(id, seq);
  } catch (err) {
    if (isAbort(err) || isStale(seq)) return;
    showError(err.message || '文件加载失败，请稍后重试。', err);
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
  focusAfterRender(() => $('summary').focus({ preventScroll: true }));
  if (history.state && history.state.fromResults) history.back();
  else navigate(withChanges({ doc: '' }));
}

function renderDocument(doc) {
  const title = el('h2', { className: 'doc-title', text: doc.title || '（无标题）', attrs: { id: 'doc-title', tabindex: '-1' } });
  const constructed = doc.title_constructed
    ? el('p', { className: 'doc-note', text: '原页面未显示标题，此标题由发布机关和正文开头生成。' })
    : null;
  $('document').replaceChildren(
    ...[backButton(), title, statusBanner(doc), constructed].filter(Boolean),
    metadataTable(doc),
    citationSection(doc),
    jumpLinks(),
    ...[linksSection(doc)].filter(Boolean),
    bodySection(doc),
    evidenceSection(doc),
    el('section', { className: 'doc-section', attrs: { id: 'similar', 'aria-labelledby': 'similar-title' } }, [
      el('h3', { text: '相似文件', attrs: { id: 'similar-title', tabindex: '-1' } }),
      el('p', { className: 'loading-text', text: '正在查找相似文件…' }),
    ]),
  );
}

/** Buttons to the sections below a long body (hash links would re-render the view). */
function jumpLinks() {
  const targets = [['body-title', '正文'], ['evidence-title', '解析依据'], ['similar-title', '相似文件']];
  const list = el('ul', { className: 'doc-jump' });
  for (const [id, label] of targets) {
    const button = el('button', { className: 'btn btn-small btn-quiet', text: label, attrs: { type: 'button', 'aria-controls': id } });
    button.addEventListener('click', () => {
      const heading = $(id);
      if (!heading) return;
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    });
    list.append(el('li', {}, [button]));
  }
  return el('nav', { className: 'doc-jump-nav', attrs: { 'aria-label': '跳转到' } }, [el('span', { className: 'muted', text: '跳转到：' }), list]);
}

function metadataTable(doc) {
  const rows = [];
  const row = (label, value) => rows.push(el('tr', {}, [el('th', { text: label, attrs: { scope: 'row' } }), el('td', {}, [value])]));
  const text = (value) => textNode(value == null || value === '' ? '—' : value);

  const path = [...(doc.agency_path || [])];
  if (doc.agency && path[path.length - 1] !== doc.agency) path.push(doc.agency);
  row('发布机关', text(path.join(' › ')));
  row('日期', text(doc.date));
  if (doc.doc_no) row('发文字号', text(doc.doc_no));
  row('类型', text(doc.kind_label || doc.kind));
  row('主题', topicList(doc.topics || []));
  row('原文链接', isSafeUrl(doc.url) ? externalLink(doc.url, doc.url) : text(doc.url ? `${doc.url}（非网页链接，未提供跳转）` : '无'));
  if (doc.chars != null) row('字数', text(formatNumber(doc.chars)));

  return el('table', { className: 'meta-table' }, [
    el('caption', { className: 'visually-hidden', text: '文件信息' }),
    el('tbody', {}, rows),
  ]);
}

/** The topics as tags (their scores are the reader's, shown nowhere). */
function topicList(topics) {
  if (!topics.length) return textNode('—');
  return el('ul', { className: 'inline-list' }, topics.map((t) => el('li', {}, [el('span', { className: 'tag tag-static', text: t.name })])));
}

/** Full text as paragraphs, with query words marked when a query is set. */
function bodySection(doc) {
  const section = el('section', { className: 'doc-section doc-body', attrs: { 'aria-labelledby': 'body-title' } });
  section.append(el('h3', { text: '正文', attrs: { id: 'body-title', tabindex: '-1' } }));
  const body = String(doc.body || '');
  let paragraphs = null;
  if (doc.body_html) {
    paragraphs = alignMarkedBody(body, doc.body_html);
    // Fallback: the marked text as one block when it cannot be aligned.
    if (!paragraphs) paragraphs = [markedSegments(doc.body_html)];
  } else {
    paragraphs = body.split('\n').map((line) => [{ text: line, marked: false }]);
  }
  // Where each paragraph begins in the body, in characters (a concordance line opens at a place).
  let start = 0;
  const starts = paragraphs.map((runs) => {
    const here = start;
    start += runs.reduce((n, r) => n + [...r.text].length, 0) + 1;
    return here;
  });
  const shown = paragraphs.map((runs, i) => [runs, starts[i]]).filter(([runs]) => runs.some((r) => r.text.trim()));
  if (!shown.length) section.append(el('p', { className: 'muted', text: '（正文为空）' }));
  for (const [runs, at] of shown) section.append(el('p', { attrs: { 'data-start': at } }, [segmentNodes(runs)]));
  return section;
}

/** Scrolls to the character `at` of the body and marks the word there (a concordance line's place). */
function showPlace(at) {
  const paragraphs = [...document.querySelectorAll('.doc-body p[data-start]')];
  const paragraph = paragraphs.filter((p) => Number(p.dataset.start) <= at).pop();
  if (!paragraph) return;
  let offset = at - Number(paragraph.dataset.start);
  let target = paragraph;
  for (const node of paragraph.childNodes) {
    const length = [...node.textContent].length;
    if (offset < length) {
      if (node.nodeName === 'MARK') target = node;
      break;
    }
    offset -= length;
  }
  target.classList.add('at-place');
  target.scrollIntoView({ block: 'center' });
}

/**
 * 解析依据: for each field, what decided it in the API's Chinese words
 * (`explanation`) and the text it read; the rule's stable name and a code
 * read from the source are kept in attributes (a tooltip), not shown; so
 * are the source file and the system's id, at the end, for whoever reports
 * a misreading.
 */
function evidenceSection(doc) {
  const section = el('section', { className: 'doc-section', attrs: { id: 'evidence', 'aria-labelledby': 'evidence-title' } });
  section.append(el('h3', { text: '解析依据', attrs: { id: 'evidence-title', tabindex: '-1' } }));
  section.append(el('p', { className: 'muted', text: '系统从原始文件中读取各项信息时的依据，以及读到的文字。解析结果仅供参考，请以原文为准。' }));

  const evidence = doc.evidence || {};
  const keys = Object.keys(EVIDENCE_LABELS).filter((k) => evidence[k]);
  for (const k of Object.keys(evidence)) if (!keys.includes(k)) keys.push(k);

  if (keys.length) {
    const rows = keys.map((key) => {
      const item = evidence[key] || {};
      const explained = item.explanation || item.rule || '—';
      const rule = item.rule ? { title: `规则：${item.rule}`, 'data-rule': item.rule } : {};
      const basis = el('td', { className: 'evidence-basis', attrs: { 'data-label': '依据' } }, [el('span', { text: explained, attrs: rule })]);
      const read = item.text ? readText(key, item.text) : el('span', { className: 'muted', text: '（无）' });
      return el('tr', { attrs: { 'data-field': key } }, [
        el('th', { text: EVIDENCE_LABELS[key] || key, attrs: { scope: 'row' } }),
        basis,
        el('td', { className: 'evidence-text', attrs: { 'data-label': '读到的文字' } }, [read]),
      ]);
    });
    const head = (label) => el('th', { text: label, attrs: { scope: 'col' } });
    section.append(el('table', { className: 'evidence-table' }, [
      el('thead', {}, [el('tr', {}, [head('字段'), head('依据'), head('读到的文字')])]),
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
      list.append(el('li', {}, [el('strong', { text: `${t.name}：` }), textNode(t.evidence.join('、'))]));
    }
    section.append(list);
  }
  section.append(el('p', { className: 'muted doc-provenance', attrs: { id: 'doc-provenance' } }, [
    textNode(`来源文件：${doc.source || '—'}　系统编号：${doc.id}`),
  ]));
  return section;
}

/** The text a rule read; a kind code read from the source is shown by its label alone. */
function readText(key, text) {
  const label = valueLabel(key, text);
  if (!label) return textNode(text);
  return el('span', { text: label, attrs: { title: `原始值：${text}`, 'data-raw': text } });
}

async function loadSimilar(id, seq) {
  let content;
  try {
    const response = await api(`documents/${encodeURIComponent(id)}/similar`, null, documentController.signal);
    if (isStale(seq)) return;
    const hits = response.hits || [];
    content = hits.length ? similarList(hits) : el('p', { className: 'muted', text: '暂无相似文件。' });
  } catch (err) {
    if (isAbort(err) || isStale(seq)) return;
    content = el('p', { className: 'inline-error', text: `相似文件加载失败：${err.message || '请稍后重试。'}` });
  }
  const section = $('similar');
  if (section) section.replaceChildren(section.firstChild, content);
}

function similarList(hits) {
  const list = el('ul', { className: 'similar-list' });
  for (const hit of hits) {
    const link = appLink(withChanges({ doc: hit.id }), hit.title || '（无标题）');
    const meta = [agencyLine(hit.agency, hit.agency_path), hit.date, hit.kind_label || hit.kind].filter(Boolean).join(' · ');
    list.append(el('li', {}, [link, el('span', { className: 'similar-meta', text: meta })]));
  }
  return list;
}
