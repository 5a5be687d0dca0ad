// CSV/JSON export: crates/server/src/assets/export.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import { EXPORT_FIELDS, csvCell, exportRecord, fetchAllHits, toCsv, toJsonExport } from '../src/assets/export.js';
import { CSV_HEADERS } from '../src/assets/labels.js';

const HEADER = '编号,标题,发布机关,地区,日期,发文字号,类型,主题,原文链接';

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

test('CSV: BOM, header, CRLF, one row per hit', () => {
  const csv = toCsv([
    { id: 'x1', title: '标题, "一"', agency: '青岛市司法局', agency_path: ['山东省', '青岛市'], date: '2024-01-02', doc_no: '青司发〔2024〕1号', kind: 'news', topics: ['法律援助', '人民调解'], url: 'https://example.gov.cn/a.html' },
    { id: 'x2', title: '=HYPERLINK(1)', agency: '-2+3', agency_path: [], date: null, kind: 'other', topics: [{ name: '@cmd' }], url: '+1' },
  ]);
  assert.ok(csv.startsWith('\uFEFF'));
  assert.ok(csv.endsWith('\r\n'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.length, 4); // header, two rows, and the empty string after the last CRLF
  assert.equal(lines[0], CSV_HEADERS.join(','));
  assert.equal(lines[0], HEADER);
  assert.equal(CSV_HEADERS.length, EXPORT_FIELDS.length, 'a header per exported field');
  assert.equal(lines[1], '"x1","标题, ""一""","青岛市司法局","山东省 / 青岛市","2024-01-02","青司发〔2024〕1号","news","法律援助;人民调解","https://example.gov.cn/a.html"');
  assert.equal(lines[2], '"x2","\'=HYPERLINK(1)","\'-2+3","","","","other","\'@cmd","\'+1"');
  assert.equal(lines[3], '');
});

test('CSV of nothing is the header alone', () => {
  assert.equal(toCsv([]), `\uFEFF${HEADER}\r\n`);
  assert.equal(toCsv(null), toCsv([]));
});

test('CSV names kinds by their labels: the hit\'s kind_label, else the API\'s label, else the code', () => {
  const rows = [
    { id: 'a', kind: 'law', kind_label: '法律' },
    { id: 'b', kind: 'notice' },
    { id: 'c', kind: 'unheard_of' },
    { id: 'd', kind: '=cmd', kind_label: '=cmd' },
  ];
  const labels = new Map([['notice', '通知公告']]);
  const kinds = toCsv(rows, (code) => labels.get(code)).slice(1).split('\r\n').slice(1, 5).map((line) => line.split(',')[6]);
  assert.deepEqual(kinds, ['"法律"', '"通知公告"', '"unheard_of"', '"\'=cmd"']);
  assert.equal(toCsv([{ id: 'b', kind: 'notice' }]).split('\r\n')[1].split(',')[6], '"notice"', 'no label function: the code');
  // The JSON export keeps the codes.
  assert.deepEqual(JSON.parse(toJsonExport(rows)).map((r) => r.kind), ['law', 'notice', 'unheard_of', '=cmd']);
});

test('records keep only the export fields', () => {
  const record = exportRecord({ id: 'a', title: 't', kind: 'law', score: 3, snippet_html: '<mark>x</mark>', topics: ['x', null, { name: 'y' }] });
  assert.deepEqual(Object.keys(record), EXPORT_FIELDS);
  assert.deepEqual(record, { id: 'a', title: 't', agency: null, agency_path: [], date: null, doc_no: null, kind: 'law', topics: ['x', 'y'], url: null });
  const parsed = JSON.parse(toJsonExport([{ id: 'a' }]));
  assert.deepEqual(parsed, [exportRecord({ id: 'a' })]);
  assert.ok(toJsonExport([]).endsWith('\n'));
});

/** A fake search API over `total` hits that honours page × per_page ≤ window. */
function fakeApi(total, limits) {
  const calls = [];
  const fetchPage = async (page, perPage) => {
    calls.push([page, perPage]);
    assert.ok(perPage <= limits.max_per_page && page * perPage <= limits.max_result_window, `page ${page} × ${perPage}`);
    const start = (page - 1) * perPage;
    const hits = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => ({ id: String(start + i) }));
    return { total, hits };
  };
  return { calls, fetchPage };
}

test('export pages at max_per_page up to max_result_window', async () => {
  const limits = { default_per_page: 10, max_per_page: 100, max_result_window: 10000, max_query_chars: 1000 };
  const small = fakeApi(250, limits);
  const progress = [];
  const some = await fetchAllHits(small.fetchPage, limits, (n, total) => progress.push([n, total]));
  assert.equal(some.rows.length, 250);
  assert.deepEqual(small.calls, [[1, 100], [2, 100], [3, 100]]);
  assert.deepEqual(progress, [[100, 250], [200, 250], [250, 250]]);

  const big = fakeApi(12345, limits);
  const capped = await fetchAllHits(big.fetchPage, limits);
  assert.equal(capped.rows.length, 10000);
  assert.equal(capped.total, 12345);
  assert.equal(big.calls.length, 100);

  const exact = fakeApi(200, limits);
  assert.equal((await fetchAllHits(exact.fetchPage, limits)).rows.length, 200);
  assert.equal(exact.calls.length, 2);
});

test('export follows other limits from the API', async () => {
  const limits = { max_per_page: 30, max_result_window: 100 };
  const api = fakeApi(1000, limits);
  const { rows } = await fetchAllHits(api.fetchPage, limits);
  assert.equal(rows.length, 90); // page 4 × 30 would pass the window
  assert.deepEqual(api.calls.map(([page]) => page), [1, 2, 3]);
});
