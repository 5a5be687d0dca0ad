// Export of the whole result set as CSV or JSON. The record, CSV and JSON
// builders and the paging are pure (unit-tested under Node); the paging
// takes its page size and depth from the API's limits in /api/v1/stats.

import { api, serviceInfo } from './api.js';
import { valueLabel } from './dimensions.js';
import { $, el, formatNumber, showError } from './dom.js';
import { CSV_HEADERS } from './labels.js';
import { state } from './nav.js';
import { searchParams } from './state.js';

export const EXPORT_FIELDS = ['id', 'title', 'agency', 'agency_path', 'date', 'doc_no', 'kind', 'topics', 'url'];

/** A hit reduced to the export fields. */
export function exportRecord(row) {
  return {
    id: row.id ?? '',
    title: row.title ?? '',
    agency: row.agency ?? null,
    agency_path: Array.isArray(row.agency_path) ? [...row.agency_path] : [],
    date: row.date ?? null,
    doc_no: row.doc_no ?? null,
    kind: row.kind ?? '',
    topics: Array.isArray(row.topics) ? row.topics.map((t) => (typeof t === 'string' ? t : t && t.name)).filter(Boolean) : [],
    url: row.url ?? null,
  };
}

/** Neutralises spreadsheet formulas and quotes per RFC 4180. */
export function csvCell(value) {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * CSV text for spreadsheets (UTF-8 BOM, CRLF line ends): the Chinese
 * header line, then one quoted row per hit; agency_path joined by ' / ',
 * topics by ';', the kind by its label (the hit's `kind_label`, else
 * `labelOf(code)`, else the code). The JSON export keeps the codes.
 */
export function toCsv(rows, labelOf = () => undefined) {
  const lines = [CSV_HEADERS.join(',')];
  for (const row of rows || []) {
    const r = exportRecord(row);
    const kind = (row && row.kind_label) || labelOf(r.kind) || r.kind;
    const cells = [r.id, r.title, r.agency, r.agency_path.join(' / '), r.date, r.doc_no, kind, r.topics.join(';'), r.url];
    lines.push(cells.map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** JSON text: an array of objects with the export fields. */
export function toJsonExport(rows) {
  return `${JSON.stringify((rows || []).map(exportRecord), null, 2)}\n`;
}

/**
 * Every hit of a result set, as deep as the API pages: `fetchPage(page,
 * perPage)` resolves to a search response; pages are `max_per_page` long
 * and stop at `max_result_window`.
 */
export async function fetchAllHits(fetchPage, limits, onProgress = () => {}) {
  const perPage = limits.max_per_page;
  const deepest = limits.max_result_window;
  const rows = [];
  let total = Infinity;
  for (let page = 1; page * perPage <= deepest && rows.length < Math.min(total, deepest); page += 1) {
    const response = await fetchPage(page, perPage);
    total = Number(response.total) || 0;
    const hits = response.hits || [];
    rows.push(...hits);
    onProgress(rows.length, total);
    if (hits.length < perPage) break;
  }
  return { rows, total };
}

let exporting = false;

export async function exportResults(format) {
  if (exporting) return;
  exporting = true;
  const status = $('export-status');
  const buttons = [$('export-csv'), $('export-json')];
  buttons.forEach((b) => { b.disabled = true; });
  status.textContent = '正在导出… 已获取 0 条';
  try {
    const shown = { ...state() };
    const { limits } = await serviceInfo();
    const fetchPage = (page, perPage) => api('search', searchParams(shown, { page, per_page: perPage, facets: 'none' }));
    const progress = (n) => { status.textContent = `正在导出… 已获取 ${formatNumber(n)} 条`; };
    const { rows, total } = await fetchAllHits(fetchPage, limits, progress);
    if (format === 'csv') download(toCsv(rows, (code) => valueLabel('kind', code)), 'sifa-export.csv', 'text/csv;charset=utf-8');
    else download(toJsonExport(rows), 'sifa-export.json', 'application/json;charset=utf-8');
    const capped = total > rows.length ? `（共 ${formatNumber(total)} 条，最多导出 ${formatNumber(limits.max_result_window)} 条）` : '';
    status.textContent = `已导出 ${formatNumber(rows.length)} 条${capped}`;
  } catch (err) {
    status.textContent = '';
    showError(`导出失败：${err && err.message ? err.message : '请稍后重试。'}`, err);
  } finally {
    exporting = false;
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Saves `text` as a file named `filename`. */
export function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { className: 'visually-hidden', attrs: { href: url, download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
