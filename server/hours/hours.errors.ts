import { defineErrors } from '../platform/errors';

export const hoursError = defineErrors({
  ACTIVITY_UNKNOWN_KIND: '未知的学习形式',
  ACTIVITY_PARAMS_INVALID: '学习活动参数有误',
  ACTIVITY_YEAR: '年度无效',
  SCOPE_REQUIRED: '该 API 客户端没有 completion:read 权限',
  BATCH_TOO_LARGE: '一次最多查询 5000 人',
  YEAR_ALREADY_CERTIFIED: '该年度已认定，不能重复认定',
});
