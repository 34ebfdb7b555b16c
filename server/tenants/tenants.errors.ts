import { defineErrors } from '../platform/errors';

export const tenantError = defineErrors({
  TENANT_NOT_FOUND: '地区（租户）不存在',
  TENANT_CODE_TAKEN: '租户代码已被使用',
});
