// Links between publications on the page: what a document cites, who
// cites it (被引用 N 次), its versions and the copies of a reposted
// publication; the short notes a result carries (共 N 个版本, 另有 N 处转载);
// and where a law stands (时效性: the mark on its card, the banner of its page).

import { el, externalLink, formatNumber, isSafeUrl, textNode } from './dom.js';
import { appLink } from './nav.js';
import { emptyState } from './state.js';

/** The in-app state that opens document `id`. */
const docState = (id) => ({ ...emptyState(), doc: id });

/** `第22条、第30条` from the API's article numbers. */
export function articlesText(articles) {
  return (articles || []).map((a) => `第${a}条`).join('、');
}

/** The citations, 被引用, versions and copies of a document, as one section (or null). */
export function linksSection(doc) {
  const parts = [citedBy(doc), citations(doc), versions(doc), reposts(doc)].filter(Boolean);
  if (!parts.length) return null;
  return el('section', { className: 'doc-section doc-links', attrs: { id: 'links', 'aria-labelledby': 'links-title' } }, [
    el('h3', { text: '关联文件', attrs: { id: 'links-title', tabindex: '-1' } }),
    ...parts,
  ]);
}

function citedBy(doc) {
  const count = doc.cited_by_count || 0;
  if (!count) return null;
  const target = { ...emptyState(), cites: doc.id };
  return el('p', { className: 'cited-by' }, [
    appLink(target, `被引用 ${formatNumber(count)} 次`, { attrs: { id: 'cited-by-link', 'aria-label': `查看引用本文件的 ${count} 篇文件` } }),
  ]);
}

/** A cited title in 《》; a cited document number as written. */
export function citedName(cite) {
  return cite.by_number ? cite.title : `《${cite.title}》`;
}

function citations(doc) {
  const cites = doc.cites || [];
  if (!cites.length) return null;
  const list = el('ul', { className: 'cites-list', attrs: { 'aria-label': '引用的文件' } });
  for (const cite of cites) {
    const title = citedName(cite);
    const name = cite.id ? appLink(docState(cite.id), title, { className: 'cite-link' }) : el('span', { className: 'cite-unresolved', text: title, attrs: { title: '本库未收录' } });
    const articles = articlesText(cite.articles);
    list.append(el('li', {}, articles ? [name, textNode(` ${articles}`)] : [name]));
  }
  return el('div', { className: 'links-part' }, [el('h4', { text: '引用的法规文件' }), list]);
}

function versions(doc) {
  const all = doc.versions || [];
  if (!all.length) return null;
  const list = el('ol', { className: 'versions-list', attrs: { 'aria-label': '版本' } });
  for (const v of all) {
    const label = `${v.date || '日期不详'}　${v.status_label}`;
    const item = v.id === doc.id ? el('strong', { text: `${label}（本版本）` }) : appLink(docState(v.id), label);
    list.append(el('li', { className: `version-${v.status}` }, [item]));
  }
  return el('div', { className: 'links-part' }, [el('h4', { text: `共 ${all.length} 个版本` }), list]);
}

function reposts(doc) {
  const copies = doc.reposts || [];
  if (copies.length < 2) return null;
  const list = el('ul', { className: 'reposts-list', attrs: { 'aria-label': '转载' } });
  for (const copy of copies) {
    const site = copy.site || '未知网站';
    const parts = [copy.id === doc.id ? el('strong', { text: `${site}（本页）` }) : appLink(docState(copy.id), site)];
    if (isSafeUrl(copy.url)) parts.push(textNode(' '), externalLink(copy.url, '原文'));
    list.append(el('li', {}, parts));
  }
  return el('div', { className: 'links-part' }, [el('h4', { text: `另有 ${copies.length - 1} 处转载` }), list]);
}

/** The notes of a result: versions and reposts. */
export function hitNotes(hit) {
  const notes = [];
  if (hit.versions > 1) notes.push(el('span', { className: 'hit-note', text: `共 ${hit.versions} 个版本` }));
  if (hit.reposts > 0) notes.push(el('span', { className: 'hit-note', text: `另有 ${hit.reposts} 处转载` }));
  return notes;
}

/** The 时效性 mark of a law, regulation or rule (现行有效 / 已被修改 / 已废止), or null. */
export function statusMark(status) {
  if (!status || !status.value) return null;
  return el('span', { className: `status-mark status-${status.value}`, text: status.label || status.value });
}

/** What the banner says after the status, by status. */
const STATUS_NOTES = {
  current: '本文件现行有效。',
  amended: '本文件已被修改，这是历史版本，请以现行版本为准。',
  repealed: '本文件已废止，仅供查考。',
};

/**
 * The banner at the top of a document's page: where it stands, and for a
 * version that is no longer in force, a link to the one that is.
 */
export function statusBanner(doc) {
  const status = doc.status;
  if (!status || !status.value) return null;
  const parts = [statusMark(status), textNode(` ${STATUS_NOTES[status.value] || ''}`)];
  const current = (doc.versions || []).find((v) => v.status === 'current' && v.id !== doc.id);
  if (current && status.value !== 'current') {
    parts.push(textNode(' '), appLink(docState(current.id), `查看现行版本（${current.date || '日期不详'}）`, { attrs: { id: 'current-version-link' } }));
  }
  return el('p', { className: `status-banner status-banner-${status.value}`, attrs: { id: 'status-banner' } }, parts);
}
