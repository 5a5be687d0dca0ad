// The JSON API: one fetch wrapper with user-facing Chinese errors, and the
// service description from /api/v1/stats (limits and kind labels), fetched
// once and shared by every module.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function errorText(status, message) {
  if (status === 400) return `请求有误：${message}`;
  if (status === 404) return `未找到：${message}`;
  if (status === 503) return `检索服务暂时不可用，请稍后重试：${message}`;
  return `出错了（${status}）：${message}`;
}

/** GETs a JSON endpoint; throws ApiError with a Chinese, user-facing message. */
export async function api(path, params, signal) {
  const query = params ? `?${params.toString()}` : '';
  let response;
  try {
    response = await fetch(`/api/v1/${path}${query}`, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError(0, '无法连接到检索服务，请检查网络后重试。');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    const message = (body && body.error && body.error.message) || `HTTP ${response.status}`;
    throw new ApiError(response.status, errorText(response.status, message));
  }
  if (body == null) throw new ApiError(response.status, '服务器返回了无法识别的数据，请稍后重试。');
  return body;
}

export const isAbort = (err) => Boolean(err && err.name === 'AbortError');

let serviceRequest = null;
let service = null;

/**
 * /api/v1/stats: documents, `limits` and `kinds`. Requested once; a failed
 * request is forgotten so that the next caller asks again.
 */
export function serviceInfo() {
  if (!serviceRequest) {
    serviceRequest = api('stats').then(
      (stats) => {
        service = { ...stats, kindLabels: new Map((stats.kinds || []).map((k) => [k.value, k.label])) };
        return service;
      },
      (err) => {
        serviceRequest = null;
        throw err;
      },
    );
  }
  return serviceRequest;
}

/** The label of a kind code from /api/v1/stats; undefined until it has arrived. */
export function kindLabel(code) {
  return service ? service.kindLabels.get(code) : undefined;
}
