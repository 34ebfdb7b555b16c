import { defineErrors } from '../platform/errors';

export const tenantError = defineErrors({
  TENANT_NOT_FOUND: '地区（租户）不存在',
  TENANT_CODE_TAKEN: '租户代码已被使用',
  TENANT_SUSPENDED: '该地区（租户）已被平台暂停使用，请联系平台运营',
  TENANT_ALREADY_SUSPENDED: '该地区（租户）已处于暂停状态',
  TENANT_NOT_SUSPENDED: '该地区（租户）未被暂停，无需恢复',
  POLICY_FILE_INVALID: '政策文件有误，未开通租户',
});
