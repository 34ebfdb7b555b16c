import { defineErrors } from '../platform/errors';

export const moveError = defineErrors({
  MOVE_PERSON_NOT_FOUND: '平台其他地区没有与该身份证号码和姓名相符、可以申请迁入的人员',
  MOVE_ALREADY_REGISTERED: '该人员已在本地区其他单位登记，不能申请迁入；如需调动请用本地区的人员调动',
  MOVE_REQUEST_PENDING: '该人员已有一份待同意的迁入申请',
  MOVE_REQUEST_NOT_FOUND: '迁入申请不存在或无权处理',
  MOVE_REQUEST_DECIDED: '该迁入申请已处理（已同意、已拒绝或已撤回）',
  MOVE_REQUEST_EXPIRED: '该迁入申请已过期，请迁入单位重新申请',
  MOVE_NOT_PARTY: '只有本人或其所在地区的人社局经办人可以同意或拒绝迁入申请',
  MOVE_CONFLICT: '迁入地区已在其他单位登记该人员，无法迁入：请联系迁入单位',
  MOVE_REASON_REQUIRED: '请填写理由（1–500 字）',
  MOVE_UNIT_REQUIRED: '只能申请迁入到用人单位',
  MOVE_UNIT_OUT_OF_SCOPE: '该单位不在您的管理范围内',
  MOVE_JOIN_DATE: '入职日期无效',
  MOVED_YEAR_NOT_FOUND: '迁入的年度记录不存在或无权查看',
  MOVED_YEAR_REVIEW_NOT_REQUIRED: '本地政策直接认可其他地区认定的年度，无需审核',
  MOVED_YEAR_ALREADY_REVIEWED: '该迁入年度已审核，不能再次审核',
});

export type MoveErrorCode = keyof typeof moveError.catalog;

/** The codes `app_move_decide` raises (as `move:<CODE>`), which are this catalog's. */
export function moveErrorOf(error: unknown): MoveErrorCode | null {
  const e = error as { message?: unknown; driverError?: { message?: unknown } };
  const raw = e?.driverError?.message ?? e?.message;
  const message = typeof raw === 'string' ? raw : '';
  const m = /^move:([A-Z_]+)$/.exec(message);
  return m && Object.hasOwn(moveError.catalog, m[1]!) ? (m[1] as MoveErrorCode) : null;
}
