// Long facet lists: which entries a section shows. Pure functions (no DOM),
// unit-tested under Node. An entry is a facet count from the API
// ({value, label, count, depth?, selected?}); agency entries form a tree in
// depth-first order (a path value such as 山东省/青岛市, children right under
// their parent), the other facets are flat lists.

/** Entries shown per level before 更多 (UI choice, not an API limit). */
export const FACET_SHOWN = 10;

/** A list at most this much longer than FACET_SHOWN is shown whole: hiding three of thirteen helps no one. */
export const FACET_SLACK = 5;

/** Text folded for the filter box: full-width forms, case and spaces. */
export function foldFilter(text) {
  return String(text || '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Parent index of each entry: -1 for the top level. */
export function parentIndexes(entries) {
  const out = [];
  const stack = []; // indexes of the open ancestors
  entries.forEach((entry, index) => {
    const depth = Math.max(0, Number(entry.depth) || 0);
    while (stack.length && (Number(entries[stack[stack.length - 1]].depth) || 0) >= depth) stack.pop();
    out.push(stack.length ? stack[stack.length - 1] : -1);
    stack.push(index);
  });
  return out;
}

/**
 * Which entries to show: `{ shown: [indexes], hidden: n }`.
 *
 * - With a filter, every entry whose label (or value) contains it, with
 *   its ancestors for context; nothing is counted as hidden behind 更多.
 * - Else, every checked entry with its ancestors, and the first `limit`
 *   entries of each level under a shown parent (the API sends each level
 *   by count); all of them when `expanded`.
 *
 * `isChecked(entry, index)` says whether an entry is ticked.
 */
export function visibleEntries(entries, { limit = FACET_SHOWN, expanded = false, filter = '', isChecked = (e) => Boolean(e.selected) } = {}) {
  const list = entries || [];
  const parent = parentIndexes(list);
  const show = new Array(list.length).fill(false);
  const withAncestors = (i) => {
    for (let j = i; j >= 0 && !show[j]; j = parent[j]) show[j] = true;
  };
  const needle = foldFilter(filter);
  if (needle) {
    list.forEach((entry, i) => {
      const label = foldFilter(entry.label || entry.value);
      if (label.includes(needle) || foldFilter(entry.value).includes(needle)) withAncestors(i);
    });
    const shown = show.flatMap((on, i) => (on ? [i] : []));
    return { shown, hidden: 0, matches: shown.length };
  }
  if (expanded) return { shown: list.map((_, i) => i), hidden: 0, matches: list.length };

  // Ticked entries first, so that their children (which the API opens) get their top ten too.
  list.forEach((entry, i) => { if (isChecked(entry, i)) withAncestors(i); });
  const rank = new Map(); // parent index → children seen so far
  list.forEach((_, i) => {
    const p = parent[i];
    const seen = rank.get(p) || 0;
    rank.set(p, seen + 1);
    if ((p < 0 || show[p]) && seen < limit) show[i] = true;
  });
  const shown = show.flatMap((on, i) => (on ? [i] : []));
  return { shown, hidden: list.length - shown.length, matches: list.length };
}

/** Whether a section needs the filter box and 更多 at all. */
export const isLong = (entries, limit = FACET_SHOWN) => (entries || []).length > limit + FACET_SLACK;

/** The year facet newest first (the API sends years in order). */
export const newestFirst = (entries) => [...(entries || [])].sort((a, b) => String(b.value).localeCompare(String(a.value)));
