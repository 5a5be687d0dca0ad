// Page text that is UI copy, not data: section titles and field names.
// Labels of data values (kinds, suggestion kinds, facet entries) come from
// the API.

/** Facet sections, in the order shown. */
export const FACET_TITLES = { agency: '发布机关', topic: '主题', kind: '类型', year: '年份' };

/** Field names in the document view's 解析依据 table, in the order shown. */
export const EVIDENCE_LABELS = {
  title: '标题',
  date: '日期',
  agency: '发布机关',
  url: '原文链接',
  kind: '类型',
  id: '编号',
  encoding: '编码',
};
