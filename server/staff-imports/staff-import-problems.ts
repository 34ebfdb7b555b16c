// What can be wrong with one row of an import: a code, its Chinese message, and the
// message with the row's detail. The GraphQL enum StaffImportProblem lists the codes.
import { EMPLOYER_TYPE_LABELS, type EmployerType } from '../engine/titles';
import { ID_NUMBER_ERROR_MESSAGES } from '../platform/id-number';
import { NAME_RULE, PHONE_RULE } from '../professionals/professional-rules';

export const PROBLEM_MESSAGES = {
  REQUIRED: '必填项为空',
  FORMULA: '单元格含公式，或以 =、+、-、@ 开头（可能被表格软件当作公式执行）：请填写纯文本',
  VALUE_INVALID: '单元格内容无法识别（错误值、逻辑值或公式结果）',
  TEXT_TOO_LONG: '内容过长',
  NAME_INVALID: NAME_RULE,
  ID_NUMBER_NOT_TEXT: '身份证号码被保存成了数字，末几位可能已丢失：请把该列设为“文本”后重新填写',
  ID_NUMBER_LENGTH: ID_NUMBER_ERROR_MESSAGES.ID_NUMBER_LENGTH,
  ID_NUMBER_FORMAT: ID_NUMBER_ERROR_MESSAGES.ID_NUMBER_FORMAT,
  ID_NUMBER_REGION: ID_NUMBER_ERROR_MESSAGES.ID_NUMBER_REGION,
  ID_NUMBER_BIRTH_DATE: ID_NUMBER_ERROR_MESSAGES.ID_NUMBER_BIRTH_DATE,
  ID_NUMBER_CHECK_DIGIT: ID_NUMBER_ERROR_MESSAGES.ID_NUMBER_CHECK_DIGIT,
  DUPLICATE_IN_FILE: '身份证号码在本文件中重复出现',
  UNIT_UNKNOWN: '找不到该单位，或该单位不在您的管理范围内：请填写单位全称或单位编码',
  UNIT_AMBIGUOUS: '有多个同名单位：请改填单位编码',
  NOT_A_UNIT: '只能登记到用人单位（该名称是主管部门或人社局）',
  NOT_IN_LIST: '不是下拉列表中的选项',
  EMPLOYER_TYPE_MISMATCH: '与该单位登记的单位性质不一致',
  PHONE_INVALID: PHONE_RULE,
  DATE_INVALID: '日期无效：应为 1950 年以后、不晚于一年后的日期，如 2020-09-01',
  IN_OTHER_UNIT: '该人员已登记在其他单位：如需调入，请在人员信息中办理“调动”',
  TITLE_FROM_HISTORY: '该人员已有职称记录，现职称取自职称记录：职称变更请用“登记职称”',
} as const;

export type Problem = keyof typeof PROBLEM_MESSAGES;

/**
 * The message of a problem with its detail. Details are language-neutral (row numbers, a
 * length, an employer type's code), so the console can word them in English too.
 */
export function problemMessage(code: Problem, detail: string | null): string {
  const base = PROBLEM_MESSAGES[code];
  if (!detail) return base;
  switch (code) {
    case 'DUPLICATE_IN_FILE':
      return `${base}（另见第 ${detail.replace(/, /g, '、')} 行）`;
    case 'TEXT_TOO_LONG':
      return `${base}：最多 ${detail} 个字符`;
    case 'EMPLOYER_TYPE_MISMATCH':
      return `${base}（登记为“${EMPLOYER_TYPE_LABELS[detail as EmployerType] ?? detail}”）`;
    default:
      return `${base}：${detail}`;
  }
}
