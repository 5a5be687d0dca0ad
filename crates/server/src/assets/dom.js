// Small DOM helpers. Document text is only ever inserted as text nodes;
// the API's pre-escaped *_html fields go through markedNodes().
// Nothing here touches the DOM at import time.

import { markedSegments } from './marked.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export const $ = (id) => document.getElementById(id);

/** Creates an element with a class, text and attributes (never HTML). */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text != null) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs || {})) {
    if (value != null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

export function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

export const textNode = (value) => document.createTextNode(String(value));

/** Only absolute http(s) URLs become links. */
export function isSafeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url.trim());
}

export function externalLink(url, label) {
  return el('a', {
    text: label,
    attrs: { href: url.trim(), target: '_blank', rel: 'noopener noreferrer' },
  });
}

export function formatNumber(n) {
  return Number(n || 0).toLocaleString('zh-CN');
}

export function formatMs(ms) {
  const n = Number(ms) || 0;
  return n < 10 ? n.toFixed(1) : String(Math.round(n));
}

/** Agency with its region path, e.g. 山东省 › 青岛市 · 青岛市司法局. */
export function agencyLine(agency, path) {
  const region = (path || []).join(' › ');
  if (region && agency) return `${region} · ${agency}`;
  return region || agency || '';
}

/** True when a click should be left to the browser (new tab etc.). */
export function isModifiedClick(event) {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/** Text and <mark> nodes for a list of runs. */
export function segmentNodes(segments) {
  const fragment = document.createDocumentFragment();
  for (const { text, marked } of segments) {
    fragment.append(marked ? el('mark', { text }) : textNode(text));
  }
  return fragment;
}

export function markedNodes(html) {
  return segmentNodes(markedSegments(html));
}

/**
 * Shows an error in Chinese; an ApiError's code follows in small grey
 * type, with the API's own message as its tooltip.
 */
export function showError(message, err) {
  const box = $('error');
  box.replaceChildren(el('strong', { text: '抱歉，' }), textNode(message));
  if (err && err.code) {
    box.append(el('code', { className: 'error-code', text: err.code, attrs: { title: err.detail || null } }));
  }
  box.hidden = false;
}

export function clearError() {
  $('error').hidden = true;
  $('error').replaceChildren();
}
