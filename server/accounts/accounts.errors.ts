import { defineErrors } from '../platform/errors';

export const accountError = defineErrors({
  INVALID_CREDENTIALS: '用户名或密码错误',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
  ACTIVATION_CODE_INVALID: '激活码无效、已使用或已过期',
  PASSWORD_TOO_WEAK: '密码强度不足',
  USERNAME_TAKEN: '用户名已被使用',
  ACCOUNT_NOT_FOUND: '账号不存在或无权访问',
  ROLE_ORGANISATION_MISMATCH: '角色与所属机构类型不符',
  ROLE_NOT_ALLOWED: '无权创建该角色的账号',
  ACTIVATION_TARGET: '请指定人员或账号中的一个',
});
