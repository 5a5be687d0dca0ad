// Error messages in Chinese by the API's stable codes: crates/server/src/assets/api.js.
import test from 'node:test';
import assert from 'node:assert/strict';

import { errorMessage, parameterOf } from '../src/assets/api.js';
import { ERROR_MESSAGES } from '../src/assets/labels.js';

const body = (code, message = '') => ({ error: { code, message } });
const hasLatin = (text) => /[A-Za-z]{3,}/.test(text.replace(/\((?:from|to|q|page|per_page|sort|kind|facets|agency|topic)\)|（[a-z_]+）|HTTP/g, ''));

test('invalid_parameter names the parameter, in Chinese, with what to check', () => {
  const from = errorMessage(400, body('invalid_parameter', 'invalid parameter `from`: "2024-13-01" is not a date; use YYYY-MM-DD, e.g. 2024-03-01'));
  assert.equal(from, '参数“起始日期”（from）有误：请按“年-月-日”填写日期，且起始日期不能晚于截止日期。');
  assert.match(errorMessage(400, body('invalid_parameter', 'invalid parameter `page`: results beyond the first 10 are not paged')), /^参数“页码”（page）有误：/);
  assert.match(errorMessage(400, body('invalid_parameter', 'invalid parameter `kind`: "x" is not a kind')), /“类型”（kind）/);
  assert.match(errorMessage(400, body('invalid_parameter', 'invalid parameter `q`: the query is longer than 1000 characters')), /“检索词”（q）.*过长/);
  // A parameter the page does not know is still named.
  assert.match(errorMessage(400, body('invalid_parameter', 'invalid parameter `shiny`: no')), /^参数“shiny”（shiny）有误：/);
  // A future API that names the parameter in its own field.
  assert.equal(parameterOf({ parameter: 'to', message: 'whatever' }), 'to');
  assert.match(errorMessage(400, { error: { code: 'invalid_parameter', parameter: 'to', message: 'x' } }), /“截止日期”（to）/);
  assert.equal(errorMessage(400, body('invalid_parameter', 'garbled')), '请求参数有误，请检查检索条件后重试。');
});

test('every stable code has a Chinese message', () => {
  const codes = ['invalid_parameter', 'document_not_found', 'not_found', 'method_not_allowed', 'index_unavailable', 'unavailable',
    'admin_disabled', 'unauthorized', 'busy', 'admin_failed', 'internal'];
  for (const code of codes) {
    assert.ok(ERROR_MESSAGES[code], code);
    const text = errorMessage(500, body(code, 'the English message'));
    assert.ok(!hasLatin(text), `${code}: ${text}`);
    assert.ok(!text.includes('English'), code);
  }
  assert.equal(errorMessage(404, body('document_not_found', 'no publication with id "x"')), ERROR_MESSAGES.document_not_found);
  assert.equal(errorMessage(503, body('index_unavailable', 'the index is not available')), ERROR_MESSAGES.index_unavailable);
});

test('without a known code: by HTTP status, never the raw text', () => {
  assert.match(errorMessage(503, null), /暂时不可用/, 'the timeout layer answers 503 without a body');
  assert.match(errorMessage(502, {}), /服务器内部出错/);
  assert.match(errorMessage(404, { error: { code: 'toString' } }), /不存在/, 'a code is looked up as own property only');
  assert.match(errorMessage(418, body('new_code', 'teapot')), /^请求没有成功（HTTP 418）/);
  assert.ok(!errorMessage(418, body('new_code', 'teapot')).includes('teapot'));
});
