import { defineErrors } from '../platform/errors';

export const professionalError = defineErrors({
  PROFESSIONAL_NOT_FOUND: '专业技术人员不存在或无权访问',
  PROFESSIONAL_ID_NUMBER_TAKEN: '该身份证号码已在本地区登记',
  PROFESSIONAL_UNIT_REQUIRED: '只能登记到用人单位',
  PROFESSIONAL_OUT_OF_SCOPE: '该单位不在您的管理范围内',
  PROFESSIONAL_SAME_UNIT: '调入单位与现单位相同',
  PROFESSIONAL_JOIN_DATE: '入职日期无效',
  PROFESSIONAL_MOVED_OUT: '该人员已迁出本地区，记录只读；“已迁出”状态只由跨地区迁移产生',
  PROFESSIONAL_TITLE_FROM_HISTORY: '该人员已有职称记录，现职称取自最新的职称记录，请用“登记职称”（recordTitle）变更',
});
