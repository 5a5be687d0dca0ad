// Highlight HTML → text runs: crates/server/src/assets/marked.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import { alignMarkedBody, markedSegments } from '../src/assets/marked.js';

test('only <mark> is markup; everything else is text', () => {
  assert.deepEqual(markedSegments('a<mark>b</mark>c'), [
    { text: 'a', marked: false },
    { text: 'b', marked: true },
    { text: 'c', marked: false },
  ]);
  assert.deepEqual(markedSegments('&lt;script&gt;x&amp;y&quot;&#39;'), [{ text: '<script>x&y"\'', marked: false }]);
  assert.deepEqual(markedSegments('<b>x</b>'), [{ text: '<b>x</b>', marked: false }]);
  assert.deepEqual(markedSegments('&amp;lt;'), [{ text: '&lt;', marked: false }]);
  assert.deepEqual(markedSegments(null), []);
  assert.deepEqual(markedSegments('</mark>x'), [{ text: 'x', marked: false }]);
});

test('the body is split into paragraphs with its marks', () => {
  assert.deepEqual(alignMarkedBody('法律\n援助\tA', '<mark>法律</mark> 援助 A'), [
    [{ text: '法律', marked: true }],
    [{ text: '援助 A', marked: false }],
  ]);
  assert.equal(alignMarkedBody('abc', 'abd'), null);
  assert.equal(alignMarkedBody('ab', 'abc'), null);
  assert.deepEqual(alignMarkedBody('a\u0001b', 'ab'), [[{ text: 'ab', marked: false }]]);
});
