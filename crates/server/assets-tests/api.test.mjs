// Error messages in Chinese: crates/server/src/assets/api.js. The API
// sends each error's Chinese message (`message_zh`, from its table of
// error codes, checked by the server's own tests); the page shows it, and
// words only the answers that are not the API's.
import test from 'node:test';
import assert from 'node:assert/strict';

import { errorMessage } from '../src/assets/api.js';

const body = (code, message, zh) => ({ error: { code, message, message_zh: zh } });

test('the API\'s Chinese message is shown, never its English one', () => {
  const from = body('invalid_parameter', 'invalid parameter `from`: "2024-13-01" is not a date', '参数“起始日期”（from）有误：请按“年-月-日”填写日期，且起始日期不能晚于截止日期。');
  assert.equal(errorMessage(400, from), '参数“起始日期”（from）有误：请按“年-月-日”填写日期，且起始日期不能晚于截止日期。');
  const missing = body('document_not_found', 'no publication with id "x"', '没有找到这篇文件，可能已被删除，或链接中的编号有误。');
  assert.equal(errorMessage(404, missing), '没有找到这篇文件，可能已被删除，或链接中的编号有误。');
  assert.ok(!errorMessage(404, missing).includes('no publication'));
});

test('without the API\'s message: by HTTP status, never the raw text', () => {
  assert.match(errorMessage(503, null), /暂时不可用/, 'a proxy\'s or a bare timeout\'s 503 has no body');
  assert.match(errorMessage(502, {}), /服务器内部出错/);
  assert.match(errorMessage(404, { error: { code: 'toString' } }), /不存在/);
  assert.match(errorMessage(400, body('invalid_parameter', 'garbled', '')), /^请求有误/, 'an empty message is none');
  assert.match(errorMessage(418, body('new_code', 'teapot')), /^请求没有成功（HTTP 418）/);
  assert.ok(!errorMessage(418, body('new_code', 'teapot')).includes('teapot'));
});
