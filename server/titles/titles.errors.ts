import { defineErrors } from '../platform/errors';

export const titleError = defineErrors({
  TITLE_RECORD_NOT_FOUND: '职称记录不存在或无权访问',
  TITLE_LEVEL_REQUIRED: '职称记录须有职称级别（不能为“无职称”）',
  TITLE_DATE_INVALID: '日期无效，应为 YYYY-MM-DD 格式的真实日期',
  TITLE_OBTAINED_BEFORE_BIRTH: '职称取得日期早于本人出生日期',
  TITLE_OBTAINED_IN_FUTURE: '职称取得日期晚于今天',
  TITLE_HISTORY_FULL: '该人员的职称记录已达上限，请先删除登记错误的记录',
  TITLE_APPLICATION_NOT_FOUND: '职称申报记录不存在或无权访问',
  TITLE_APPLICATION_FILED_OUTSIDE_YEAR: '申报材料提交日期须在申报年度内',
  TITLE_APPLICATION_FILED_IN_FUTURE: '申报材料提交日期晚于今天',
  TITLE_APPLICATION_ROUTE_LEVEL: '直接申报只适用于员级和助理级',
  TITLE_APPLICATION_DUPLICATE: '该人员本年度已有同级别、同系列的有效职称申报',
  TITLE_APPLICATION_WITHDRAWN: '该职称申报已撤回，不能再修改',
  TITLE_APPLICATION_LIMIT: '该人员本年度的职称申报记录（含已撤回）已达上限',
});

export type TitleErrorCode = Parameters<typeof titleError>[0];
