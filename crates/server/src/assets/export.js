// Export of the whole result set as CSV or JSON: the API writes the file
// (/api/v1/export, the same tables as 导出引用 offers); the page fetches it
// to say how many it holds, and saves it. csvCell() quotes the cells of
// the files the page writes itself (the 对比 table).

import { apiFile } from './api.js';
import { chosenIds, exportUrl } from './cite.js';
import { $, el, formatNumber, showError } from './dom.js';
import { state } from './nav.js';

/** Neutralises spreadsheet formulas and quotes per RFC 4180. */
export function csvCell(value) {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** What the status line says once a file is saved: how many it holds, and of how many when capped. */
export function exportedText(exported, total) {
  const capped = total > exported ? `（共 ${formatNumber(total)} 条，最多导出 ${formatNumber(exported)} 条）` : '';
  return `已导出 ${formatNumber(exported)} 条${capped}`;
}

let exporting = false;

/** Saves the chosen results, or every result of the search, as `format` (csv or json). */
export async function exportResults(format) {
  if (exporting) return;
  exporting = true;
  const status = $('export-status');
  const buttons = [$('export-csv'), $('export-json')];
  buttons.forEach((b) => { b.disabled = true; });
  status.textContent = '正在导出…';
  try {
    const { blob, total, exported } = await apiFile(exportUrl(state(), format, chosenIds()));
    download(blob, `sifa-export.${format}`);
    status.textContent = exportedText(exported, total);
  } catch (err) {
    status.textContent = '';
    showError(`导出失败：${err && err.message ? err.message : '请稍后重试。'}`, err);
  } finally {
    exporting = false;
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Saves `content` (text of the media type `type`, or a Blob) as a file named `filename`. */
export function download(content, filename, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const link = el('a', { className: 'visually-hidden', attrs: { href: url, download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
