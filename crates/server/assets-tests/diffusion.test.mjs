// The 扩散 view's pure parts: crates/server/src/assets/diffusion.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import {
  PROVINCE_TILES, SHADES, curveLayout, provinceFirsts, shadeLegend, yearOf, yearShade,
} from '../src/assets/diffusion.js';

test('every province has its own tile', () => {
  const places = new Set(PROVINCE_TILES.map(([, , col, row]) => `${col},${row}`));
  assert.equal(places.size, PROVINCE_TILES.length);
  assert.equal(new Set(PROVINCE_TILES.map(([name]) => name)).size, 34);
  for (const [, , col, row] of PROVINCE_TILES) assert.ok(col >= 0 && col < 8 && row >= 0 && row < 8);
});

test('a province appears with its earliest region of any level', () => {
  const firsts = provinceFirsts([
    { path: '山东省/青岛市', first_date: '2019-05-01' },
    { path: '山东省/聊城市', first_date: '2018-02' },
    { path: '河北省/石家庄市', first_date: null },
    { path: '广东省', first_date: '2020-01-01' },
  ]);
  assert.equal(firsts.get('山东省').path, '山东省/聊城市');
  assert.equal(firsts.get('广东省').first_date, '2020-01-01');
  assert.ok(!firsts.has('河北省'), 'no first date, no appearance');
  assert.equal(yearOf('2018-02'), 2018);
});

test('years are shaded from the earliest, darkest, to the latest', () => {
  assert.equal(yearShade(2010, 2010, 2024), 'shade-0');
  assert.equal(yearShade(2024, 2010, 2024), `shade-${SHADES - 1}`);
  assert.equal(yearShade(null, 2010, 2024), 'shade-none');
  assert.equal(yearShade(2015, 2015, 2015), 'shade-0');
  const legend = shadeLegend(2010, 2024);
  assert.equal(legend[0].from, 2010);
  assert.equal(legend[legend.length - 1].to, 2024);
  assert.ok(legend.every((s, i) => i === 0 || s.from === legend[i - 1].to + 1), 'the legend covers every year once');
});

test('the adoption curve steps up to the last cumulative count', () => {
  const adoption = [{ year: 2018, regions: 2, cumulative: 2 }, { year: 2019, regions: 0, cumulative: 2 }, { year: 2020, regions: 3, cumulative: 5 }];
  const layout = curveLayout(adoption, 360, 200, { top: 10, right: 10, bottom: 20, left: 30 });
  const points = layout.points.split(' ').map((p) => p.split(',').map(Number));
  assert.equal(points.length, 5, 'a step: each year after the first adds a corner');
  assert.equal(layout.top, 5);
  assert.equal(points[points.length - 1][1], 10, 'ends at the top: the last cumulative count');
  assert.equal(points[0][0], 30);
  assert.equal(points[points.length - 1][0], 350);
});
