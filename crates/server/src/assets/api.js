// The JSON API: one fetch wrapper with user-facing Chinese errors (each
// error answer carries its Chinese message from the API's table of error
// codes; labels.js words only answers that are not the API's), the facet
// dimensions from /api/v1/dimensions, and the service description from
// /api/v1/stats (documents and limits), each fetched once and shared by
// every module.

import { setDimensions } from './dimensions.js';
import { STATUS_MESSAGES } from './labels.js';

/** A failed request: `message` in Chinese, `code` and `detail` as the API sent them. */
export class ApiError extends Error {
  constructor(status, message, code = '', detail = '') {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }
}

/**
 * The Chinese message for a failed answer: the API's own (`message_zh`,
 * from its table of error codes; its English `message` is kept as
 * detail), else, for answers that are not the API's (a proxy's 502, a bare
 * timeout), by HTTP status.
 */
export function errorMessage(status, body) {
  const error = (body && typeof body.error === 'object' && body.error) || {};
  if (typeof error.message_zh === 'string' && error.message_zh) return error.message_zh;
  if (Object.hasOwn(STATUS_MESSAGES, status)) return STATUS_MESSAGES[status];
  if (status >= 500) return STATUS_MESSAGES[500];
  return `请求没有成功（HTTP ${status}），请稍后重试。`;
}

/** Fetches `url`; a network failure is an ApiError in Chinese (an abort stays an abort). */
async function reach(url, init) {
  try {
    return await fetch(url, init);
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError(0, '无法连接到检索服务，请检查网络后重试。');
  }
}

/** The ApiError of a failed answer whose body (if JSON) was `body`. */
function failure(response, body) {
  const error = (body && body.error) || {};
  return new ApiError(response.status, errorMessage(response.status, body), String(error.code || ''), String(error.message || ''));
}

const jsonOf = (response) => response.json().catch(() => null);

/** GETs a JSON endpoint; throws ApiError with a Chinese, user-facing message. */
export async function api(path, params, signal) {
  const query = params ? `?${params.toString()}` : '';
  const response = await reach(`/api/v1/${path}${query}`, { headers: { Accept: 'application/json' }, signal });
  const body = await jsonOf(response);
  if (!response.ok) throw failure(response, body);
  if (body == null) throw new ApiError(response.status, '服务器返回了无法识别的数据，请稍后重试。');
  return body;
}

/**
 * GETs a file the API writes (an export): its content and the counts it
 * reports (`X-Total-Count` matched, `X-Exported-Count` in the file);
 * throws ApiError like api().
 */
export async function apiFile(url, signal) {
  const response = await reach(url, { signal });
  if (!response.ok) throw failure(response, await jsonOf(response));
  const count = (name) => Number(response.headers.get(name)) || 0;
  return { blob: await response.blob(), total: count('x-total-count'), exported: count('x-exported-count') };
}

export const isAbort = (err) => Boolean(err && err.name === 'AbortError');

/** Loads the facet dimensions into dimensions.js; the page renders nothing before. */
export async function loadDimensions() {
  setDimensions(await api('dimensions'));
}

let serviceRequest = null;

/**
 * /api/v1/stats: documents and `limits`. Requested once; a failed request
 * is forgotten so that the next caller asks again.
 */
export function serviceInfo() {
  if (!serviceRequest) {
    serviceRequest = api('stats').catch((err) => {
      serviceRequest = null;
      throw err;
    });
  }
  return serviceRequest;
}
