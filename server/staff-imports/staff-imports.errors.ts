import { defineErrors } from '../platform/errors';

export const staffImportError = defineErrors({
  STAFF_IMPORT_NOT_FOUND: '导入任务不存在或无权访问',
  STAFF_IMPORT_UPLOAD_INVALID: '上传请求格式有误：须为 multipart/form-data，只含一个名为 file 的文件',
  STAFF_IMPORT_FILE_MISSING: '请选择要导入的文件（表单字段 file）',
  STAFF_IMPORT_TOO_LARGE: '导入文件过大',
  STAFF_IMPORT_NOT_SPREADSHEET: '文件不是 Excel 工作簿（.xlsx）：请用下载的导入模板填写后上传',
  STAFF_IMPORT_HEADERS: '表头与导入模板不符：第 1 行应为模板的表头',
  STAFF_IMPORT_EMPTY: '文件中没有人员数据：请从第 2 行起填写（模板中的示例行不会导入）',
  STAFF_IMPORT_TOO_MANY_ROWS: '文件中的人员过多',
  STAFF_IMPORT_QUOTA_EXCEEDED: '今天上传的导入文件数量已达上限，请明天再试',
  STAFF_IMPORT_HAS_ERRORS: '文件中有错误行，不能全部导入：请修改后重新上传，或选择“只导入无错误的行”',
  STAFF_IMPORT_NOTHING_VALID: '没有可导入的行：每一行都有错误',
  STAFF_IMPORT_ALREADY_CONFIRMED: '该导入任务已确认导入过，不会重复导入',
  STAFF_IMPORT_EXPIRED: '该导入任务超过 24 小时未确认，已失效：请重新上传文件',
});

export type StaffImportErrorCode = Parameters<typeof staffImportError>[0];

/** The HTTP status of each refusal of the upload route (others: 400). */
export const STAFF_IMPORT_HTTP_STATUS: Readonly<Partial<Record<StaffImportErrorCode, number>>> = {
  STAFF_IMPORT_NOT_FOUND: 404,
  STAFF_IMPORT_TOO_LARGE: 413,
  STAFF_IMPORT_TOO_MANY_ROWS: 413,
  STAFF_IMPORT_NOT_SPREADSHEET: 415,
  STAFF_IMPORT_QUOTA_EXCEEDED: 429,
};

/** STAFF_IMPORT_TOO_LARGE with the limit in the message. */
export function tooLargeError(maxBytes: number) {
  return staffImportError('STAFF_IMPORT_TOO_LARGE', 'file', `上限为 ${formatBytes(maxBytes)}`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1 << 20 ? `${+(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
