// The dimensions as /api/v1/dimensions describes them, for the modules'
// unit tests (the API's own tests check the real answer).
import { setDimensions } from '../src/assets/dimensions.js';

export const DIMENSIONS = {
  dimensions: [
    { name: 'agency', label: '发布机关', chip: '机关', shape: 'tree' },
    { name: 'topic', label: '主题', chip: '主题', shape: 'flat' },
    { name: 'kind', label: '类型', chip: '类型', shape: 'flat', values: [{ value: 'news', label: '新闻动态' }, { value: 'law', label: '法律' }] },
  ],
  year: { by: 'year', label: '年份' },
  compare: [{ by: 'province', label: '省份' }, { by: 'agency', label: '发布机关' }, { by: 'topic', label: '主题' }, { by: 'kind', label: '类型' }],
};

setDimensions(DIMENSIONS);
