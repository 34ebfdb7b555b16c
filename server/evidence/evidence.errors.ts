import { defineErrors } from '../platform/errors';

export const evidenceError = defineErrors({
  EVIDENCE_NOT_FOUND: '证明材料文件不存在或无权访问',
  EVIDENCE_TOO_MANY: '证明材料文件过多：一次最多 10 个',
  EVIDENCE_TYPE_NOT_ALLOWED: '只能上传 PDF、JPEG 或 PNG 文件（按文件内容判断，与文件名和声明的类型无关）',
  EVIDENCE_TOO_LARGE: '文件过大',
  EVIDENCE_QUOTA_EXCEEDED: '今天上传的文件数量已达上限，请明天再试',
  EVIDENCE_FILE_MISSING: '请选择要上传的文件（表单字段 file）',
  EVIDENCE_UPLOAD_INVALID: '上传请求格式有误：须为 multipart/form-data，只含一个名为 file 的文件',
});

export type EvidenceErrorCode = Parameters<typeof evidenceError>[0];

/** EVIDENCE_TOO_LARGE with the limit in the message. */
export function tooLargeError(maxBytes: number, field = 'file') {
  return evidenceError('EVIDENCE_TOO_LARGE', field, `上限为 ${formatBytes(maxBytes)}`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1 << 20 ? `${+(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
