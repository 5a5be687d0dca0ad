// The facet dimensions as /api/v1/dimensions describes them, the one
// source of the page's filters, facet sections, chips and comparison menu:
// a dimension added to the API appears here without a line of the page
// changing. Pure (no DOM); main.js hands the API's answer to
// setDimensions() before the first render.

let described = { dimensions: [], year: null, compare: [] };

/** Takes the API's description: `{dimensions: [{name, label, chip, shape, values?}], year: {by, label}, compare: [{by, label}]}`. */
export function setDimensions(response) {
  described = {
    dimensions: Array.isArray(response && response.dimensions) ? response.dimensions : [],
    year: (response && response.year) || null,
    compare: Array.isArray(response && response.compare) ? response.compare : [],
  };
}

/** Every dimension, in display order. */
export const dimensions = () => described.dimensions;

/** The filter parameters: one repeatable parameter per dimension. */
export const filterNames = () => described.dimensions.map((d) => d.name);

/** The dimension called `name`, if there is one. */
export const dimension = (name) => described.dimensions.find((d) => d.name === name);

/** The year facet ({by, label}), shown after the dimensions. */
export const yearFacet = () => described.year;

/** What the 对比 chart can compare, in menu order: [{by, label}]. */
export const comparisons = () => described.compare;

/** The label of a value of a fixed list (a kind's Chinese name), else undefined. */
export function valueLabel(name, value) {
  const found = dimension(name);
  const entry = found && (found.values || []).find((v) => v.value === value);
  return entry ? entry.label : undefined;
}
