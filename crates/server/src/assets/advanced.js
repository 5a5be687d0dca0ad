// 高级检索: a form of fields (标题, 全文, 文号, 发布机关, 日期) that writes
// the same query language and URL state as the search box and the
// filters: 标题 words become `title:词`, 文号 `doc_no:…`, 全文 words stay
// bare words, the agency is the agency filter and the dates are from/to.
// Reading a state back fills the form, so the two never disagree.

import { $ } from './dom.js';
import { refine, state } from './nav.js';

/** A value as one word of the query language: no spaces or quotes. */
const word = (text) => text.replace(/["“”＂「」]/g, '').trim();

/** The words of a field, split at spaces (full-width ones too). */
const words = (text) => String(text || '').split(/[\s\u3000]+/).map(word).filter(Boolean);

/** The query language's prefix of a word looked for in titles only. */
const TITLE = 'title:';
/** The query language's prefixes of a document number. */
const DOC_NO = ['doc_no:', 'doc_no：', '文号:', '文号：'];

/**
 * The state changes of the form's fields `{ title, text, docNo, agency, from, to }`:
 * the query and the filters a search box and the facets would write.
 */
export function advancedChanges(fields) {
  const docNo = word(String(fields.docNo || '').replace(/\s+/g, ''));
  const terms = [
    ...words(fields.text),
    ...words(fields.title).map((w) => `${TITLE}${w}`),
    ...(docNo ? [`doc_no:${docNo}`] : []),
  ];
  const agency = String(fields.agency || '').trim();
  return {
    q: terms.join(' '),
    agency: agency ? [agency] : [],
    from: String(fields.from || '').trim(),
    to: String(fields.to || '').trim(),
  };
}

/** The form's fields for a state: the query's words sorted back into 标题, 文号 and 全文. */
export function advancedFields(current) {
  const fields = { title: [], text: [], docNo: '', agency: (current.agency || [])[0] || '', from: current.from || '', to: current.to || '' };
  for (const token of String(current.q || '').split(/\s+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    const docNo = DOC_NO.find((p) => lower.startsWith(p));
    if (lower.startsWith(TITLE)) fields.title.push(word(token.slice(TITLE.length)));
    else if (docNo) fields.docNo = word(token.slice(docNo.length));
    else fields.text.push(token);
  }
  return { ...fields, title: fields.title.join(' '), text: fields.text.join(' ') };
}

/** YYYY-MM-DD, or empty: what the API's from and to take. */
export function isDay(text) {
  return text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text);
}

const FIELDS = [['title', 'adv-title'], ['text', 'adv-text'], ['docNo', 'adv-doc-no'], ['agency', 'adv-agency'], ['from', 'adv-from'], ['to', 'adv-to']];

/** Fills the form from the state on screen (when it opens, and after each search). */
export function syncAdvanced() {
  const fields = advancedFields(state());
  for (const [key, id] of FIELDS) if ($(id)) $(id).value = fields[key];
}

function submitAdvanced(event) {
  event.preventDefault();
  const fields = Object.fromEntries(FIELDS.map(([key, id]) => [key, $(id).value]));
  const note = $('adv-note');
  const bad = ['from', 'to'].find((key) => !isDay(fields[key].trim()));
  if (bad) {
    note.textContent = '日期请按“年-月-日”填写，例如 2024-03-01。';
    $(bad === 'from' ? 'adv-from' : 'adv-to').focus();
    return;
  }
  note.textContent = '';
  refine(advancedChanges(fields));
}

export function bindAdvanced() {
  const details = $('advanced');
  if (!details) return;
  details.addEventListener('toggle', () => { if (details.open) syncAdvanced(); });
  $('advanced-form').addEventListener('submit', submitAdvanced);
}
