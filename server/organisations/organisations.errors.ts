import { defineErrors } from '../platform/errors';

export const organisationError = defineErrors({
  ORGANISATION_NOT_FOUND: '组织机构不存在或无权访问',
  ORGANISATION_PARENT_KIND: '上级机构类型不允许',
  ORGANISATION_NAME_TAKEN: '同一上级下已有同名机构',
  ORGANISATION_CODE_TAKEN: '机构代码已被使用',
  ORGANISATION_MOVE_CYCLE: '不能移动到自身或其下级机构之下',
  ORGANISATION_MOVE_ROOT: '不能移动市人社局',
  ORGANISATION_OUT_OF_SCOPE: '该机构不在您的管理范围内',
});
