import { defineErrors } from '../platform/errors';

/** The largest batch of completions one report may carry (and the size the limits price). */
export const MAX_BATCH_ROWS = 10_000;

export const providerError = defineErrors({
  PROVIDER_SCOPE_REQUIRED: '该 API 客户端没有 training:report（上报培训完成情况）权限',
  PROVIDER_ONLY: '培训项目由施教机构（具有 training:report 权限的 API 客户端）或人社局（平台自有课程）备案和上报',
  TRAINING_PROJECT_NOT_FOUND: '培训项目不存在或无权访问',
  TRAINING_PROJECT_KIND: '该学习形式不能用于培训项目：应为按实际学时计算、计入公需或专业科目的学习形式',
  TRAINING_PROJECT_DATES: '培训项目的起止日期有误',
  PROVIDER_BATCH_TOO_LARGE: `一次最多上报 ${MAX_BATCH_ROWS} 条培训完成记录`,
  PROVIDER_BATCH_EMPTY: '至少上报一条培训完成记录',
  PROVIDER_BATCH_KEY_REUSED: '该批次号已用于内容不同的上报；重新上报同一批次请保持内容不变，新的上报请使用新的批次号',
  // per-row answers of a report (the batch itself is accepted)
  COMPLETION_UNKNOWN_PERSON: '本地区没有该身份证号码的专业技术人员',
  COMPLETION_NAME_MISMATCH: '姓名与该身份证号码登记的姓名不一致',
  COMPLETION_DUPLICATE_IN_BATCH: '同一批次中该人员重复出现，只记录第一条有效的记录',
  COMPLETION_ALREADY_REPORTED: '该人员此培训项目的完成情况已上报并记录（同一项目只记录一次）',
  COMPLETION_DATE_INVALID: '完成日期应为培训项目起止日期内、不晚于今天的真实日期（YYYY-MM-DD）',
  COMPLETION_HOURS_INVALID: '学时应大于 0 且不超过培训项目的学时',
  COMPLETION_NAME_REQUIRED: '请填写姓名（不超过 100 个字）',
  PROJECT_FILED_LATE: '培训项目未按规定提前备案，不得认定学时',
});

export type ProviderErrorCode = Parameters<typeof providerError>[0];
