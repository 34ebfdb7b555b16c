import { defineErrors } from '../platform/errors';

// Whom to contact is said generically: an answer about an ID number never names a unit.
export const registrationError = defineErrors({
  REGISTRATION_NOT_FOUND: '注册申请不存在或不在您的审核范围内',
  REGISTRATION_RECEIPT_UNKNOWN: '回执无效：没有与之对应的注册申请，请核对地区和回执',
  REGISTRATION_TENANT_MISMATCH: '当前登录的账号不属于该地区，请退出登录后再注册',
  REGISTRATION_UNIT_NOT_FOUND: '所选单位不存在，请从本地区的单位列表中选择',
  REGISTRATION_PARENT_NOT_FOUND: '所选上级机构不存在，请从本地区的机构列表中选择',
  REGISTRATION_PARENT_KIND: '主管部门只能在人社局下注册；用人单位只能在主管部门（含区县人社局）或人社局下注册',
  REGISTRATION_ALREADY_REGISTERED:
    '该身份证号码已在本地区登记为专业技术人员，无需重复注册；如需登录或找回密码，请联系所在单位的经办人或当地人力资源社会保障部门',
  REGISTRATION_ALREADY_PENDING:
    '该身份证号码已有待审核的注册申请，请凭注册回执查询审核进度；如非本人提交，请联系当地人力资源社会保障部门',
  REGISTRATION_NAME_TAKEN: '所选上级机构下已有同名机构或同名的待审核申请',
  REGISTRATION_CODE_TAKEN: '机构代码已被使用或已有待审核的申请使用',
  REGISTRATION_EXPIRED: '注册申请已超过待审期限，已失效，不能再审核；申请人可重新注册',
  REGISTRATION_ALREADY_DECIDED: '该注册申请已有审核结果',
  REGISTRATION_REASON_REQUIRED: '退回须填写理由（1–500 个字符）',
  REGISTRATION_JOIN_DATE: '入职（调入）日期无效：应为 1950 年以后的真实日期，最晚为一年后',
});
