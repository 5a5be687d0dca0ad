// 高级检索 writes the query language and the filters, and reads them back.
import test from 'node:test';
import assert from 'node:assert/strict';

import { advancedChanges, advancedFields, isDay } from '../src/assets/advanced.js';

test('fields become the query language and the filters', () => {
  const changes = advancedChanges({
    title: '法律援助　条例', text: '经济困难 -律师', docNo: '鲁司发 〔2024〕12号', agency: ' 山东省/青岛市 ', from: '2024-01-01', to: '',
  });
  assert.deepEqual(changes, {
    q: '经济困难 -律师 title:法律援助 title:条例 doc_no:鲁司发〔2024〕12号',
    agency: ['山东省/青岛市'],
    from: '2024-01-01',
    to: '',
  });
  assert.deepEqual(advancedChanges({}), { q: '', agency: [], from: '', to: '' });
  assert.equal(advancedChanges({ title: '"法治 督察"' }).q, 'title:法治 title:督察', 'no stray quotes');
});

test('a state reads back into the same fields', () => {
  const fields = { title: '法律援助 条例', text: '经济困难', docNo: '鲁司发〔2024〕12号', agency: '山东省', from: '2023-01-01', to: '2024-12-31' };
  const state = advancedChanges(fields);
  assert.deepEqual(advancedFields(state), fields);
  assert.equal(advancedFields({ q: '文号：司法部令第150号 社区矫正', agency: [] }).docNo, '司法部令第150号');
});

test('dates are YYYY-MM-DD or empty', () => {
  assert.ok(isDay('') && isDay('2024-03-01'));
  assert.ok(!isDay('2024/3/1') && !isDay('2024-3-1') && !isDay('昨天'));
});
