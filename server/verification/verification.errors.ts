import { defineErrors } from '../platform/errors';

export const verificationError = defineErrors({
  VERIFICATION_REASON_REQUIRED: '请填写理由（1–500 个字符）',
  DECLARATION_ALREADY_REVOKED: '该学时申报已被撤销（已认定为虚假申报或抽查复核未通过），不能再次认定',
  DECLARATION_NOT_REVOCABLE: '只有审核中或已记录的学时申报可以认定为虚假申报',
  SPOT_CHECK_PERCENTAGE: '抽查比例应大于 0 且不超过 100（最多 3 位小数）',
  SPOT_CHECK_SEED: '随机种子只能包含字母、数字、- 和 _（1–64 个字符）',
  SPOT_CHECK_DEPARTMENT_INVALID: '所选机构不是本地区的主管部门（或人社局本级）',
  SPOT_CHECK_TOO_LARGE: '一次抽查最多 10000 条，请降低比例或按主管部门分批抽查',
  SPOT_CHECK_EMPTY: '该年度所选范围内没有已记录的学时申报',
  SPOT_CHECK_NOT_FOUND: '抽查不存在或无权访问',
  SPOT_CHECK_ITEM_NOT_FOUND: '抽查条目不存在或无权访问',
  SPOT_CHECK_ALREADY_DECIDED: '该抽查条目已有复核结果（可能刚由他人登记），复核结果不能修改',
});

export type VerificationErrorCode = Parameters<typeof verificationError>[0];
