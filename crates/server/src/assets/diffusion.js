// The 扩散 view's pure parts (no DOM), unit-tested under Node: the
// provinces as a tile grid, each province's first date over the regions
// of any level, the shade of a year, and the points of the cumulative
// adoption curve.

/** The levels of the API's `level`, with their labels. */
export const LEVEL_LABELS = { province: '省级', city: '市级', county: '县级' };

/**
 * Provinces as tiles of a grid shaped like the map: [name as the agency
 * tree writes it, short label, column, row].
 */
export const PROVINCE_TILES = [
  ['黑龙江省', '黑龙江', 7, 0],
  ['内蒙古自治区', '内蒙古', 4, 1], ['吉林省', '吉林', 7, 1],
  ['新疆维吾尔自治区', '新疆', 0, 2], ['宁夏回族自治区', '宁夏', 3, 2], ['山西省', '山西', 4, 2],
  ['河北省', '河北', 5, 2], ['北京市', '北京', 6, 2], ['辽宁省', '辽宁', 7, 2],
  ['甘肃省', '甘肃', 2, 3], ['陕西省', '陕西', 3, 3], ['河南省', '河南', 4, 3], ['山东省', '山东', 5, 3],
  ['天津市', '天津', 6, 3],
  ['西藏自治区', '西藏', 0, 4], ['青海省', '青海', 1, 4], ['四川省', '四川', 2, 4], ['重庆市', '重庆', 3, 4],
  ['湖北省', '湖北', 4, 4], ['安徽省', '安徽', 5, 4], ['江苏省', '江苏', 6, 4], ['上海市', '上海', 7, 4],
  ['云南省', '云南', 2, 5], ['贵州省', '贵州', 3, 5], ['湖南省', '湖南', 4, 5], ['江西省', '江西', 5, 5],
  ['浙江省', '浙江', 6, 5],
  ['广西壮族自治区', '广西', 3, 6], ['广东省', '广东', 4, 6], ['福建省', '福建', 5, 6], ['台湾省', '台湾', 6, 6],
  ['海南省', '海南', 4, 7], ['香港特别行政区', '香港', 5, 7], ['澳门特别行政区', '澳门', 6, 7],
];

/** Shades from the earliest year (darkest) to the latest. */
export const SHADES = 5;

/**
 * Each province's earliest first appearance over `regions` of any level
 * (a region's path begins with its province): Map name → region row.
 */
export function provinceFirsts(regions) {
  const firsts = new Map();
  for (const region of regions || []) {
    if (!region.first_date) continue;
    const province = String(region.path || '').split('/')[0];
    const known = firsts.get(province);
    if (!known || region.first_date < known.first_date) firsts.set(province, region);
  }
  return firsts;
}

/** The year of a date written YYYY, YYYY-MM or YYYY-MM-DD. */
export const yearOf = (date) => (date ? Number(String(date).slice(0, 4)) : null);

/** The shade class of `year` between `first` and `last` ('shade-none' without a year). */
export function yearShade(year, first, last) {
  if (year == null || !Number.isFinite(year)) return 'shade-none';
  if (!(last > first)) return 'shade-0';
  const step = Math.floor(((year - first) / (last - first + 1)) * SHADES);
  return `shade-${Math.min(SHADES - 1, Math.max(0, step))}`;
}

/** The years each shade stands for, for the legend: [{cls, from, to}]. */
export function shadeLegend(first, last) {
  if (first == null) return [];
  if (!(last > first)) return [{ cls: 'shade-0', from: first, to: first }];
  const out = [];
  for (let year = first; year <= last; year += 1) {
    const cls = yearShade(year, first, last);
    const known = out.find((s) => s.cls === cls);
    if (known) known.to = year;
    else out.push({ cls, from: year, to: year });
  }
  return out;
}

/**
 * The cumulative adoption curve as a step line in a box of `width` ×
 * `height` inside `pad`: its points, axis ticks and the years labelled.
 */
export function curveLayout(adoption, width, height, pad) {
  const years = (adoption || []).map((a) => a.year);
  const top = Math.max(1, ...(adoption || []).map((a) => a.cumulative));
  const inner = { w: Math.max(1, width - pad.left - pad.right), h: Math.max(1, height - pad.top - pad.bottom) };
  const x = (i) => pad.left + (years.length <= 1 ? inner.w / 2 : (i / (years.length - 1)) * inner.w);
  const y = (n) => pad.top + inner.h - (n / top) * inner.h;
  const points = [];
  (adoption || []).forEach((a, i) => {
    if (i > 0) points.push(`${x(i).toFixed(1)},${y(adoption[i - 1].cumulative).toFixed(1)}`);
    points.push(`${x(i).toFixed(1)},${y(a.cumulative).toFixed(1)}`);
  });
  const every = Math.max(1, Math.ceil(years.length / Math.max(1, Math.floor(inner.w / 48))));
  const labels = years.map((year, i) => ({ year, x: x(i) })).filter((_, i) => i % every === 0);
  return { points: points.join(' '), top, x, y, labels, ticks: [0, top].map((n) => ({ value: n, y: y(n) })) };
}
