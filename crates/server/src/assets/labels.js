// Page text that is UI copy, not data: field names and messages. Facet
// titles and the labels of data values (kinds, suggestion kinds, facet
// entries) come from the API.

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

/** The API's error codes in the words a researcher reads. */
export const ERROR_MESSAGES = {
  invalid_parameter: '请求参数有误',
  document_not_found: '没有找到这篇文件，可能已被删除，或链接中的编号有误。',
  not_found: '请求的地址不存在。',
  method_not_allowed: '服务器不接受这种请求方式。',
  index_unavailable: '检索索引暂时不可用（可能正在建立或更新），请稍后重试。',
  unavailable: '检索服务暂时不可用，请稍后重试。',
  internal: '服务器内部出错，请稍后重试。',
  admin_disabled: '管理功能未启用。',
  unauthorized: '没有执行此操作的权限。',
  busy: '服务器正在重建索引，请稍后重试。',
  admin_failed: '管理操作失败。',
};

/** When the answer names no known code: by HTTP status. */
export const STATUS_MESSAGES = {
  400: '请求有误，请检查检索条件后重试。',
  404: '请求的内容不存在。',
  408: '请求超时，请稍后重试。',
  413: '请求内容过长。',
  429: '请求过于频繁，请稍后重试。',
  503: '检索服务暂时不可用（请求超时或服务繁忙），请稍后重试。',
};

/** Search parameters by name, and what to check when one is refused. */
export const PARAMETER_LABELS = {
  q: ['检索词', '检索词过长，请缩短后重试。'],
  from: ['起始日期', '请按“年-月-日”填写日期，且起始日期不能晚于截止日期。'],
  to: ['截止日期', '请按“年-月-日”填写日期，且起始日期不能晚于截止日期。'],
  sort: ['排序方式', '请从排序菜单中选择。'],
  page: ['页码', '页码超出了可以翻阅的范围，请缩小检索范围后再翻页。'],
  per_page: ['每页条数', '每页条数超出了允许的范围。'],
  kind: ['类型', '所选类型不存在，请在“类型”中重新选择。'],
  agency: ['发布机关', '请在“发布机关”中重新选择。'],
  topic: ['主题', '请在“主题”中重新选择。'],
  facets: ['统计项', '统计项名称有误。'],
  expand: ['同义词扩展', '请使用页面上的“只搜原词”或“恢复同义词”。'],
  by: ['对比维度', '请从“对比”菜单中选择。'],
  interval: ['统计周期', '请选择按年或按月。'],
  top: ['显示项数', '请从“显示”菜单中选择。'],
  format: ['导出格式', '请从“引用格式”菜单中选择。'],
  ids: ['所选文件', '所选文件过多，请减少后再导出。'],
  cited: ['引用日期', '请按“年-月-日”填写日期。'],
};

/** Column headers of the CSV export, in column order. */
export const CSV_HEADERS = ['编号', '标题', '发布机关', '地区', '日期', '发文字号', '类型', '主题', '原文链接'];
