// The page's modules as a whole: each one is served, small, and safe to
// import without a DOM (nothing touches document or window at import time).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const assets = new URL('../src/assets/', import.meta.url);
const modules = readdirSync(assets).filter((name) => name.endsWith('.js')).sort();
const table = readFileSync(new URL('../src/assets.rs', import.meta.url), 'utf8');
const served = new Set([...table.matchAll(/\("([^"]+)", JS, include_str!\("assets\/([^"]+)"\)\)/g)].map((m) => m[1]));
const source = (name) => readFileSync(new URL(name, assets), 'utf8');

test('every module is in the ASSETS table, and every table entry exists', () => {
  assert.ok(modules.length > 1);
  assert.deepEqual([...served].sort(), modules);
});

test('the page loads main.js as a module and nothing inline', () => {
  const html = source('index.html');
  assert.match(html, /<script type="module" src="\/assets\/main\.js"><\/script>/);
  assert.equal((html.match(/<script/g) || []).length, 1);
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
});

test('no module is over 400 lines', () => {
  for (const name of modules) {
    const lines = source(name).split('\n').length - 1;
    assert.ok(lines <= 400, `${name}: ${lines} lines`);
  }
});

test('relative imports name served modules', () => {
  for (const name of modules) {
    for (const [, target] of source(name).matchAll(/from '\.\/([^']+)'/g)) {
      assert.ok(served.has(target), `${name} imports ${target}`);
    }
  }
});

test('no copies of the API\'s tables or limits', () => {
  for (const name of modules) {
    const text = source(name);
    assert.doesNotMatch(text, /新闻动态|通知公告|KIND_LABELS|MAX_WINDOW|PER_PAGE\s*=|10000|10_000/, name);
  }
});

test('every module but main.js imports without a DOM', async () => {
  for (const name of modules.filter((n) => n !== 'main.js')) {
    await import(new URL(name, assets));
  }
  assert.equal(typeof globalThis.document, 'undefined');
});
