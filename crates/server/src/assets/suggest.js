// Suggestions for the search box: an ARIA combobox over /api/v1/suggest.
// Each suggestion carries its kind's label from the API.

import { api, isAbort } from './api.js';
import { dimension } from './dimensions.js';
import { $, el } from './dom.js';
import { refine, state } from './nav.js';

const SUGGEST_DELAY_MS = 150;

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
    if (!isAbort(err)) closeSuggestions();
  }
}

function showSuggestions(items) {
  if (!items.length) {
    closeSuggestions();
    return;
  }
  suggestions = items;
  activeSuggestion = -1;
  const list = $('suggestions');
  list.replaceChildren(...items.map((item, index) => {
    const option = el('li', {
      className: 'suggestion',
      attrs: { id: `suggestion-${index}`, role: 'option', 'aria-selected': 'false' },
    }, [
      el('span', { className: `suggestion-kind kind-${item.kind}`, text: item.label || '' }),
      el('span', { className: 'suggestion-text', text: item.text }),
    ]);
    option.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
    option.addEventListener('click', () => chooseSuggestion(index));
    return option;
  }));
  list.hidden = false;
  $('q').setAttribute('aria-expanded', 'true');
}

export function closeSuggestions() {
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
  $('suggestions').querySelectorAll('[role="option"]').forEach((option, i) => {
    const on = i === activeSuggestion;
    option.setAttribute('aria-selected', on ? 'true' : 'false');
    option.classList.toggle('is-active', on);
    if (on) option.scrollIntoView({ block: 'nearest' });
  });
  $('q').setAttribute('aria-activedescendant', `suggestion-${activeSuggestion}`);
}

/** A topic or an agency → that dimension's filter; a title → search for it. */
function chooseSuggestion(index) {
  const item = suggestions[index];
  closeSuggestions();
  if (!item) return;
  const current = state();
  if (dimension(item.kind)) {
    const facet = item.kind;
    const values = current[facet].includes(item.text) ? current[facet] : [...current[facet], item.text];
    $('q').value = current.q;
    refine({ [facet]: values });
  } else {
    $('q').value = item.text;
    refine({ q: item.text });
  }
}

function onKeydown(event) {
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

/** Wires the search box to the suggestion list. */
export function bindSuggestions() {
  const q = $('q');
  q.addEventListener('input', (event) => { if (!event.isComposing) scheduleSuggest(); });
  q.addEventListener('compositionend', scheduleSuggest);
  q.addEventListener('keydown', onKeydown);
  q.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== q) closeSuggestions(); }, 100));
}
