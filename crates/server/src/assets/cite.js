// Following and citing: 订阅 (the search's Atom feed, also announced in
// the head for feed readers), the choice of results and the 导出引用 menu
// (files from /api/v1/export), and the document view's 引用 section with
// the citation_* meta tags kept in step with the document shown, for the
// Zotero Connector, which reads the live page.

import { $, el, textNode } from './dom.js';
import { state } from './nav.js';
import { searchParams } from './state.js';

/**
 * The citation formats of the 引用格式 menu, with their labels. The tables
 * (CSV, JSON) are the toolbar's 导出 CSV and 导出 JSON, not repeated here;
 * both export the chosen results when there are any.
 */
export const CITE_FORMATS = [
  ['gbt7714', 'GB/T 7714 参考文献'],
  ['ris', 'RIS（Zotero、EndNote）'],
  ['csljson', 'CSL-JSON（Zotero、Pandoc）'],
];

/** The search parameters that pick publications (paging and sort left to each endpoint). */
export function selectingParams(current) {
  const params = searchParams(current);
  params.delete('sort');
  if (!current.q) params.delete('q');
  return params;
}

/** The feed address of a search, absolute so it can be pasted into a reader. */
export function feedUrl(current, origin) {
  const query = selectingParams(current).toString();
  return `${origin}/api/v1/search.atom${query ? `?${query}` : ''}`;
}

/** The export address: the whole search, or the chosen ids in the order they were chosen. */
export function exportUrl(current, format, ids = []) {
  const params = searchParams(current);
  params.set('format', format);
  if (ids.length) params.set('ids', ids.join(','));
  return `/api/v1/export?${params.toString()}`;
}

// ---------- The choice of results ----------

const chosen = new Map(); // id → title, in the order chosen
let chosenFor = null; // the search the choice belongs to

/** Forgets the choice when the search changes (paging keeps it). */
export function keepChoiceFor(searchKey) {
  if (searchKey !== chosenFor) chosen.clear();
  chosenFor = searchKey;
  showChoice();
}

/** The checkbox of one hit. */
export function choiceBox(hit) {
  const box = el('input', {
    className: 'hit-choice',
    attrs: { type: 'checkbox', 'data-id': hit.id, 'aria-label': `选择：${hit.title || hit.id}`, checked: chosen.has(hit.id) },
  });
  box.addEventListener('change', () => {
    if (box.checked) chosen.set(hit.id, hit.title || hit.id);
    else chosen.delete(hit.id);
    showChoice();
  });
  return el('label', { className: 'hit-choice-label', attrs: { title: '选择后可只导出所选文件' } }, [box, textNode('选择')]);
}

/** The chosen results' ids, in the order chosen (none: the whole search). */
export function chosenIds() {
  return [...chosen.keys()];
}

function showChoice() {
  const status = $('choice-status');
  if (!status) return;
  const n = chosen.size;
  status.hidden = !n;
  $('choice-count').textContent = n ? `已选 ${n} 条` : '';
  $('cite-scope').textContent = n ? `导出所选 ${n} 条` : '导出全部结果';
}

function clearChoice() {
  chosen.clear();
  for (const box of document.querySelectorAll('.hit-choice')) box.checked = false;
  showChoice();
}

/** Downloads the chosen results (or all) in the chosen format. */
function exportCitations() {
  const format = $('cite-format').value;
  const link = el('a', { className: 'visually-hidden', attrs: { href: exportUrl(state(), format, [...chosen.keys()]), download: '' } });
  document.body.append(link);
  link.click();
  link.remove();
  const label = (CITE_FORMATS.find(([f]) => f === format) || [format, format])[1];
  $('export-status').textContent = `已开始下载：${label}，${chosen.size ? `所选 ${chosen.size} 条` : '全部结果'}`;
}

// ---------- 订阅 ----------

/** The head's feed link and the 订阅 panel follow the search on screen. */
export function showFeed() {
  const url = feedUrl(state(), location.origin);
  let link = document.getElementById('feed-link');
  if (!link) {
    link = el('link', { attrs: { id: 'feed-link', rel: 'alternate', type: 'application/atom+xml', title: '订阅此检索' } });
    document.head.append(link);
  }
  link.setAttribute('href', url);
  const field = $('feed-url');
  if (field) field.value = url;
  const open = $('feed-open');
  if (open) open.setAttribute('href', url);
}

function toggleFeedPanel() {
  const panel = $('feed-panel');
  const opening = panel.hidden;
  panel.hidden = !opening;
  $('subscribe').setAttribute('aria-expanded', opening ? 'true' : 'false');
  if (opening) {
    showFeed();
    $('feed-url').select();
  }
}

async function copyFrom(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = '已复制';
  } catch (_) {
    status.textContent = '无法自动复制，请手动选择文字复制';
  }
}

export function bindCite() {
  const formats = $('cite-format');
  formats.replaceChildren(...CITE_FORMATS.map(([value, label]) => el('option', { text: label, attrs: { value } })));
  $('cite-export').addEventListener('click', exportCitations);
  $('choice-clear').addEventListener('click', clearChoice);
  $('subscribe').addEventListener('click', toggleFeedPanel);
  $('feed-copy').addEventListener('click', () => copyFrom($('feed-url').value, $('feed-copy-status')));
  showChoice();
}

// ---------- The document view ----------

/** Replaces the head's citation tags with a document's (none: removes them). */
export function setCitationMeta(meta = []) {
  for (const node of document.head.querySelectorAll('meta[data-citation]')) node.remove();
  for (const { name, content } of meta) {
    document.head.append(el('meta', { attrs: { name, content, 'data-citation': '' } }));
  }
}

/** 引用: the GB/T 7714 reference with 复制, and this document as RIS or CSL-JSON. */
export function citationSection(doc) {
  const citation = doc.citation || {};
  const status = el('span', { className: 'copy-status', attrs: { 'aria-live': 'polite' } });
  const copy = el('button', { className: 'btn btn-small', text: '复制', attrs: { type: 'button', id: 'cite-copy' } });
  copy.addEventListener('click', () => copyFrom(citation.gbt7714 || '', status));
  const href = (format) => `/api/v1/export?${new URLSearchParams({ format, ids: doc.id }).toString()}`;
  const file = (format, label) => el('a', { className: 'btn btn-small btn-quiet', text: label, attrs: { href: href(format), download: '' } });
  return el('section', { className: 'doc-section doc-cite', attrs: { id: 'cite', 'aria-labelledby': 'cite-title' } }, [
    el('h3', { text: '引用', attrs: { id: 'cite-title', tabindex: '-1' } }),
    el('p', { className: 'muted', text: 'GB/T 7714-2015 著录格式（引用日期为今天）：' }),
    el('p', { className: 'cite-text', text: citation.gbt7714 || '', attrs: { id: 'cite-gbt7714' } }),
    el('p', { className: 'cite-actions' }, [copy, status, file('ris', '下载 RIS'), file('csljson', '下载 CSL-JSON')]),
  ]);
}
