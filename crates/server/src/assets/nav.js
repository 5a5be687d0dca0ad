// The state being shown and navigation between states: history entries,
// same-page links, which render is current, and focus after a render.

import { parseState, stateUrl } from './state.js';
import { el, isModifiedClick } from './dom.js';

let current = parseState('');
let renderer = () => Promise.resolve();
let renderSeq = 0; // increments per render; stale responses are dropped
let pendingFocus = null; // run after the next results render

/** The state on screen; replaced (never mutated) on every navigation. */
export const state = () => current;

/** Re-reads the state from the address bar. */
export function readLocation() {
  current = parseState(location.search);
  return current;
}

export function setRenderer(render) {
  renderer = render;
}

export function withChanges(changes) {
  return { ...current, ...changes };
}

/** Goes to a new state: pushes it to history and renders it. */
export function navigate(next, { replace = false, fromResults = false } = {}) {
  const url = stateUrl(next);
  const entry = { sifa: true, fromResults };
  if (replace) history.replaceState(entry, '', url);
  else history.pushState(entry, '', url);
  return renderer();
}

/** A changed filter or query: back to page 1 of the results. */
export function refine(changes) {
  return navigate(withChanges({ ...changes, page: 1, doc: '' }));
}

/** A same-page link that navigates without a reload (new tabs still work). */
export function appLink(target, content, options = {}) {
  const link = el('a', { className: options.className, attrs: { href: stateUrl(target), ...(options.attrs || {}) } });
  if (typeof content === 'string') link.textContent = content;
  else link.append(content);
  link.addEventListener('click', (event) => {
    if (isModifiedClick(event)) return;
    event.preventDefault();
    if (options.onNavigate) options.onNavigate();
    navigate(target, { fromResults: Boolean(options.fromResults) });
  });
  return link;
}

/** Starts a render; its number tells later whether it is still current. */
export function beginRender() {
  renderSeq += 1;
  return renderSeq;
}

export const isStale = (seq) => seq !== renderSeq;

export function focusAfterRender(focus) {
  pendingFocus = focus;
}

export function runPendingFocus() {
  if (!pendingFocus) return;
  const focus = pendingFocus;
  pendingFocus = null;
  focus();
}
