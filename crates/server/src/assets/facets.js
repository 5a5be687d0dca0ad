// Filters: the facet sections, the chips of active filters and the date range.

import { kindLabel } from './api.js';
import { $, el, formatNumber, showError } from './dom.js';
import { FACET_TITLES } from './labels.js';
import { focusAfterRender, refine, state } from './nav.js';
import { toggled, toggledAgency, toggledYear, yearCovered } from './state.js';

export const toggleTopic = (topic, on) => refine({ topic: toggled(state().topic, topic, on) });

/** Builds the facet sections from a response (focus survives the rebuild). */
export function renderFacets(facets) {
  const container = $('facet-sections');
  const active = document.activeElement;
  const focusKey = active && container.contains(active) && active.dataset ? [active.dataset.facet, active.dataset.value] : null;

  container.replaceChildren(...Object.keys(FACET_TITLES).map((name) => facetSection(name, facets[name] || [])));

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
  const current = state();
  const label = entry.label || entry.value;
  let checked = Boolean(entry.selected);
  if (name === 'year') checked = yearCovered(current, entry.value);
  else if (current[name] && current[name].includes(entry.value)) checked = true;

  const input = el('input', {
    attrs: { type: 'checkbox', 'data-facet': name, 'data-value': entry.value, 'data-label': label },
  });
  input.checked = checked;
  input.addEventListener('change', () => {
    const now = state();
    if (name === 'agency') refine({ agency: toggledAgency(now.agency, entry.value, input.checked, label) });
    else if (name === 'year') refine(toggledYear(now, entry.value, input.checked, shownYears));
    else refine({ [name]: toggled(now[name], entry.value, input.checked) });
  });

  const text = el('span', { className: 'facet-label', text: label });
  if (name === 'agency') text.title = entry.value.split('/').join(' › ');
  const count = el('span', { className: 'facet-count', text: formatNumber(entry.count), attrs: { 'aria-label': `${entry.count} 条` } });
  const depth = name === 'agency' ? Math.min(Number(entry.depth) || 0, 6) : 0;
  return el('li', { className: `facet-item depth-${depth}${checked ? ' is-checked' : ''}` }, [
    el('label', { className: 'facet-option' }, [input, text, count]),
  ]);
}

/**
 * The active filters as removable chips. A kind is named by its label from
 * /api/v1/stats, else by the kind facet's label, else by its code.
 */
export function renderChips(facets) {
  const current = state();
  const facetLabel = (k) => ((facets.kind || []).find((e) => e.value === k) || {}).label;
  const chips = [];
  const add = (text, remove) => chips.push({ text, remove });
  const without = (key, value) => ({ [key]: current[key].filter((v) => v !== value) });
  for (const a of current.agency) add(`机关：${a.split('/').join(' › ')}`, without('agency', a));
  for (const t of current.topic) add(`主题：${t}`, without('topic', t));
  for (const k of current.kind) add(`类型：${kindLabel(k) || facetLabel(k) || k}`, without('kind', k));
  if (current.from) add(`起始：${current.from}`, { from: '' });
  if (current.to) add(`截止：${current.to}`, { to: '' });

  $('chips').replaceChildren(
    ...chips.map(({ text, remove }, index) => {
      const button = el('button', {
        className: 'chip',
        attrs: { type: 'button', 'aria-label': `移除筛选：${text}` },
      }, [el('span', { text }), el('span', { className: 'chip-x', text: '×', attrs: { 'aria-hidden': 'true' } })]);
      button.addEventListener('click', () => {
        focusAfterRender(() => focusChip(index));
        refine(remove);
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

export function clearAllFilters() {
  focusAfterRender(() => $('q').focus());
  refine({ agency: [], topic: [], kind: [], from: '', to: '' });
}

export function applyDates() {
  const from = $('from').value;
  const to = $('to').value;
  if (from && to && from > to) {
    showError('起始日期不能晚于截止日期，请重新选择。');
    return;
  }
  const { from: shownFrom, to: shownTo } = state();
  if (from === shownFrom && to === shownTo) return;
  refine({ from, to });
}

export function clearDates() {
  const { from, to } = state();
  if (from || to) refine({ from: '', to: '' });
}
