// Filters: the facet sections, the chips of active filters and the date range.

import { isDay } from './advanced.js';
import { api } from './api.js';
import { dimensions, valueLabel, yearFacet } from './dimensions.js';
import { $, el, formatNumber, showError } from './dom.js';
import { isLong, newestFirst, visibleEntries } from './facetlist.js';
import { focusAfterRender, refine, state } from './nav.js';
import { toggled, toggledAgency, toggledYear, withoutFilters, yearCovered } from './state.js';

/** The facet sections in display order: [name, title, shape], the year last. */
function sections() {
  const year = yearFacet();
  return [...dimensions().map((d) => [d.name, d.label, d.shape]), ...(year ? [[year.by, year.label, 'years']] : [])];
}

/** Ticks or unticks `value` of the dimension `name` (a result's topic tag). */
export const toggleValue = (name, value, on) => refine({ [name]: toggled(state()[name] || [], value, on) });

/** Per facet: whether 更多 is open and the filter box's text; kept across renders. */
const views = new Map();
const viewOf = (name) => {
  if (!views.has(name)) views.set(name, { expanded: false, filter: '' });
  return views.get(name);
};

/** Builds the facet sections from a response (focus survives the rebuild). */
export function renderFacets(facets) {
  const container = $('facet-sections');
  const active = document.activeElement;
  const inside = active && container.contains(active) && active.dataset;
  const focusKey = inside ? [active.dataset.facet, active.dataset.value, active.dataset.role] : null;

  container.replaceChildren(...sections().map(([name, title, shape]) => facetSection(name, title, shape, facets[name] || [])));

  if (focusKey && focusKey[0]) {
    const again = [...container.querySelectorAll('[data-facet]')].find(
      (node) => node.dataset.facet === focusKey[0] && node.dataset.value === focusKey[1] && node.dataset.role === focusKey[2],
    );
    if (again) again.focus();
  }
}

/** Whether an entry is ticked in the current state. */
function isChecked(name, shape, entry) {
  const current = state();
  if (shape === 'years') return yearCovered(current, entry.value);
  return Boolean(entry.selected) || Boolean(current[name] && current[name].includes(entry.value));
}

function facetSection(name, heading, shape, values) {
  const titleId = `facet-title-${name}`;
  const section = el('section', { className: `facet facet-${name}`, attrs: { 'aria-labelledby': titleId } });
  const title = el('h2', { className: 'facet-title', attrs: { id: titleId } }, [heading]);
  section.append(title);
  if (!values.length) {
    section.append(el('p', { className: 'facet-empty', text: '无' }));
    return section;
  }
  const entries = shape === 'years' ? newestFirst(values) : values;
  const shownYears = shape === 'years' ? values.map((v) => v.value) : [];
  const items = entries.map((entry) => facetItem(name, shape, entry, shownYears));
  const list = el('ul', { className: 'facet-list', attrs: { id: `facet-list-${name}` } }, items);
  // The agency tree shows its top level only, so its finder is always there: it also looks through every agency.
  if (!isLong(entries) && shape !== 'tree') {
    section.append(list);
    return section;
  }

  title.append(el('span', { className: 'facet-total', text: `${formatNumber(entries.length)} 项` }));
  const view = viewOf(name);
  const filter = el('input', {
    className: 'facet-filter',
    attrs: {
      type: 'search', placeholder: `查找${heading}`, 'aria-label': `在${heading}中查找`,
      'aria-controls': list.id, 'data-facet': name, 'data-value': '', 'data-role': 'filter', spellcheck: 'false',
    },
  });
  filter.value = view.filter;
  const none = el('p', { className: 'facet-empty', text: '没有匹配的项', attrs: { hidden: true } });
  const more = el('button', {
    className: 'btn btn-small btn-quiet facet-more',
    attrs: { type: 'button', 'aria-controls': list.id, 'data-facet': name, 'data-value': '', 'data-role': 'more' },
  });

  const apply = () => {
    const { shown, hidden } = visibleEntries(entries, { ...view, isChecked: (entry) => isChecked(name, shape, entry) });
    const visible = new Set(shown);
    items.forEach((item, i) => { item.hidden = !visible.has(i); });
    none.hidden = shown.length > 0;
    more.hidden = Boolean(view.filter.trim()) || (!hidden && !view.expanded);
    more.textContent = view.expanded ? '收起' : `更多（还有 ${formatNumber(hidden)} 项）`;
    more.setAttribute('aria-expanded', view.expanded ? 'true' : 'false');
  };
  const found = shape === 'tree' ? el('ul', { className: 'facet-list facet-found', attrs: { id: `facet-found-${name}`, 'aria-label': `全部${heading}中的匹配项` } }) : null;
  const findEverywhere = found ? agencyFinder(name, found, none) : () => {};
  filter.addEventListener('input', () => { view.filter = filter.value; apply(); findEverywhere(view.filter); });
  more.addEventListener('click', () => { view.expanded = !view.expanded; apply(); });
  apply();
  findEverywhere(view.filter);
  section.append(...[filter, list, found, none, more].filter(Boolean));
  return section;
}

/**
 * The agency finder beyond the tree's shown level: every indexed agency
 * whose name holds the text (青岛 finds 青岛市司法局 and 青岛市即墨区司法局,
 * 司法厅 every provincial department), from the API's suggestions; picking
 * one filters by its name.
 */
function agencyFinder(name, found, none) {
  let timer = null;
  let asked = '';
  return (text) => {
    clearTimeout(timer);
    asked = text.trim();
    if (!asked) {
      found.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      const wanted = asked;
      let agencies = [];
      try {
        const answer = await api('suggest', new URLSearchParams({ q: wanted }));
        agencies = (answer.suggestions || []).filter((s) => s.kind === 'agency').map((s) => s.text);
      } catch (_) {
        agencies = [];
      }
      if (wanted !== asked) return;
      found.replaceChildren(...agencies.map((agency) => {
        const button = el('button', { className: 'btn btn-small btn-quiet facet-found-item', text: `＋ ${agency}`, attrs: { type: 'button', 'data-agency': agency } });
        button.addEventListener('click', () => {
          showResultsOnPhone();
          refine({ [name]: toggledAgency(state()[name] || [], agency, true, agency) });
        });
        return el('li', {}, [button]);
      }));
      if (agencies.length) none.hidden = true;
    }, 200);
  };
}

function facetItem(name, shape, entry, shownYears) {
  const label = entry.label || entry.value;
  const checked = isChecked(name, shape, entry);
  const input = el('input', {
    attrs: { type: 'checkbox', 'data-facet': name, 'data-value': entry.value, 'data-label': label },
  });
  input.checked = checked;
  input.addEventListener('change', () => {
    const now = state();
    viewOf(name).expanded = false; // the ticked entry stays in view; 更多 is for one look
    showResultsOnPhone();
    if (shape === 'tree') refine({ [name]: toggledAgency(now[name], entry.value, input.checked, label) });
    else if (shape === 'years') refine(toggledYear(now, entry.value, input.checked, shownYears));
    else refine({ [name]: toggled(now[name], entry.value, input.checked) });
  });

  const text = el('span', { className: 'facet-label', text: label });
  if (shape === 'tree') text.title = pathText(entry.value);
  const count = el('span', { className: 'facet-count', text: formatNumber(entry.count), attrs: { 'aria-label': `${entry.count} 条` } });
  const depth = shape === 'tree' ? Math.min(Number(entry.depth) || 0, 6) : 0;
  return el('li', { className: `facet-item depth-${depth}${checked ? ' is-checked' : ''}` }, [
    el('label', { className: 'facet-option' }, [input, text, count]),
  ]);
}

/** Opens or closes the filter panel (a drawer at phone width). */
export function setPanelOpen(open) {
  $('filters-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
  $('facets').classList.toggle('is-open', open);
}

/**
 * At phone width the panel covers the results: ticking a facet closes it
 * and brings the results into view once they have arrived.
 */
function showResultsOnPhone() {
  const toggle = $('filters-toggle');
  if (toggle.hidden || getComputedStyle(toggle).display === 'none') return;
  setPanelOpen(false);
  focusAfterRender(() => {
    $('summary').focus({ preventScroll: true });
    $('summary').scrollIntoView({ block: 'start' });
  });
}

/** A tree value's path as the page shows it: 山东省 › 青岛市. */
const pathText = (value) => value.split('/').join(' › ');

/**
 * The active filters as removable chips, each named by its dimension's
 * chip label: a path as a path, a value by its label from the API's fixed
 * list, else by the facet's label, else as it is.
 */
export function renderChips(facets) {
  const current = state();
  const chips = [];
  const add = (text, remove) => chips.push({ text, remove });
  for (const d of dimensions()) {
    const facetLabel = (v) => ((facets[d.name] || []).find((e) => e.value === v) || {}).label;
    for (const value of current[d.name] || []) {
      const text = d.shape === 'tree' ? pathText(value) : valueLabel(d.name, value) || facetLabel(value) || value;
      add(`${d.chip}：${text}`, { [d.name]: current[d.name].filter((v) => v !== value) });
    }
  }
  if (current.from) add(`起始：${current.from}`, { from: '' });
  if (current.to) add(`截止：${current.to}`, { to: '' });
  if (current.cites) add(citedChip(current.cites, facets), { cites: '' });

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

/** Titles of cited documents, by id, for their chip (fetched once each). */
const citedTitles = new Map();

/**
 * The chip of `cites=ID`: the cited document by its title in 《》, never
 * its id; until the title arrives, a neutral word, and the chips are
 * drawn again when it does.
 */
function citedChip(id, facets) {
  const title = citedTitles.get(id);
  if (title) return `引用：《${title}》`;
  if (!citedTitles.has(id)) {
    citedTitles.set(id, '');
    api(`documents/${encodeURIComponent(id)}`)
      .then((doc) => {
        citedTitles.set(id, doc.title || '（无标题）');
        if (state().cites === id) renderChips(facets);
      })
      .catch(() => citedTitles.delete(id));
  }
  return '引用：所选文件';
}

/** Focuses the chip that took a removed chip's place, else the search box. */
function focusChip(index) {
  const buttons = $('chips').querySelectorAll('button');
  const target = buttons[Math.min(index, buttons.length - 1)];
  (target || $('q')).focus();
}

export function clearAllFilters() {
  focusAfterRender(() => $('q').focus());
  refine(withoutFilters());
}

export function applyDates() {
  const from = $('from').value.trim();
  const to = $('to').value.trim();
  if (!isDay(from) || !isDay(to)) {
    showError('日期请按“年-月-日”填写，例如 2024-03-01。');
    return;
  }
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
