// Page text that is UI copy, not data: field names and messages for
// answers that are not the API's. Facet titles, error messages and the
// labels of data values (kinds, suggestion kinds, facet entries) come
// from the API.

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

/** When an answer is not the API's (a proxy's error page, a bare timeout): by HTTP status. */
export const STATUS_MESSAGES = {
  400: '请求有误，请检查检索条件后重试。',
  404: '请求的内容不存在。',
  408: '请求超时，请稍后重试。',
  413: '请求内容过长。',
  429: '请求过于频繁，请稍后重试。',
  500: '服务器内部出错，请稍后重试。',
  503: '检索服务暂时不可用（请求超时或服务繁忙），请稍后重试。',
};
