// Export: crates/server/src/assets/export.js. The files of the results
// are the API's (crates/cite/src/table.rs and the browser test check
// them); the page quotes the cells of the files it writes itself.
import test from 'node:test';
import assert from 'node:assert/strict';

import { csvCell, exportedText } from '../src/assets/export.js';

test('formula prefixes are neutralised with an apostrophe', () => {
  for (const prefix of ['=', '+', '-', '@', '\t', '\r']) {
    assert.equal(csvCell(`${prefix}SUM(1,2)`), `"'${prefix}SUM(1,2)"`, JSON.stringify(prefix));
  }
  assert.equal(csvCell('=HYPERLINK("http://evil.example")'), '"\'=HYPERLINK(""http://evil.example"")"');
});

test('other text is only quoted', () => {
  assert.equal(csvCell('法律援助'), '"法律援助"');
  assert.equal(csvCell('a=b'), '"a=b"');
  assert.equal(csvCell(' =x'), '" =x"');
  assert.equal(csvCell('2024-01-02'), '"2024-01-02"');
  assert.equal(csvCell(''), '""');
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(undefined), '""');
  assert.equal(csvCell(12), '"12"');
});

test('quotes are doubled; commas and newlines stay inside the quotes', () => {
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('line1\nline2'), '"line1\nline2"');
  assert.equal(csvCell('line1\r\nline2'), '"line1\r\nline2"');
  assert.equal(csvCell('"'), '""""');
});

test('the status line says how many the file holds, and of how many when capped', () => {
  assert.equal(exportedText(250, 250), '已导出 250 条');
  assert.equal(exportedText(10000, 12345), '已导出 10,000 条（共 12,345 条，最多导出 10,000 条）');
});
