import { defineErrors } from '../platform/errors';

export const policyError = defineErrors({
  POLICY_NOT_PUBLISHED: '本地区尚未发布继续教育政策',
  POLICY_NO_VERSION_FOR_YEAR: '该年度没有适用的政策版本',
  POLICY_INVALID: '政策内容不符合规范',
  POLICY_TENANT_MISMATCH: '只能查询本人所属地区的政策',
  REVISION_CONFLICT: '政策已被他人更新，请刷新后基于最新版本修改',
  POLICY_KIND_IN_USE: '已有学习记录或审核中申报的学习形式不能在新版本中删除',
});
