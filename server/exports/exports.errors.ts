import { defineErrors } from '../platform/errors';

export const exportError = defineErrors({
  EXPORT_KIND_UNKNOWN: '没有这种导出：可导出 professionals（人员名单）、completion-statistics（完成情况统计）、shortfalls（缺学时人员）、audit-events（审计日志）',
  EXPORT_TOO_MANY_ROWS: '导出的行数超过上限，请缩小筛选范围后再导出',
  EXPORT_RATE_LIMITED: '导出过于频繁，请稍后再试',
  EXPORT_BUSY: '服务器正在处理其他导出，请稍后再试',
});

export type ExportErrorCode = Parameters<typeof exportError>[0];
