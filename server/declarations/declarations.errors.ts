import { defineErrors } from '../platform/errors';

export const declarationError = defineErrors({
  DECLARATION_NOT_FOUND: '学时申报不存在或无权访问',
  DECLARATION_NOT_EDITABLE: '该学时申报已提交或已办结，不能再修改或提交',
  DECLARATION_NOT_FILER: '只有申报人本人可以修改、提交或撤回该学时申报',
  DECLARATION_PROFESSIONALS_ONLY: '学时申报由专业技术人员本人填写；工作人员请用“登记学习活动”（recordActivity）',
  DECLARATION_WITHDRAW_TOO_LATE: '已有审核决定，不能再撤回',
  DECLARATION_ROUND_LIMIT: '该学时申报的提交次数已达上限，请重新填写一份申报',
  DECLARATION_NOT_YOUR_STEP: '该学时申报当前不在您的审核环节',
  ALREADY_DECIDED: '该学时申报的本环节已有审核决定（可能刚由他人办理），请刷新后查看',
  DECLARATION_REASON_REQUIRED: '请填写理由',
  DECLARATION_ADJUST_SUBJECT: '调整的学时与该学习形式的科目不符',
  DECLARATION_ADJUST_NOT_HOURS: '该学习形式按规定视同完成或免除，不计学时，不能调整学时',
  DECLARATION_ADJUST_BOUNDS: '调整的学时超出允许范围',
  DECLARATION_ISSUED_IN_FUTURE: '证书签发日期晚于今天',
  DECLARATION_BATCH_TOO_LARGE: '一次最多批量通过 50 条学时申报（一页）',
  DECLARATION_DUPLICATE_CERTIFICATE: '同一证书编号不能重复申报',
  DECLARATION_DUPLICATE_RESULT: '同一成果（名称、年度和发证单位相同）不能重复申报',
  DECLARATION_ONCE_ONLY: '该证书（成果）按规定只能使用一次，不能在另一年度再次申报',
  DECLARATION_EVIDENCE_REQUIRED: '该学习形式须提供相应的证明材料才能提交',
  REVIEW_ROUTE_NODE_MISSING: '政策规定的行业审核机构未在组织机构中设置（请人社局按政策中的机构代码设置）',
  REVIEW_CHAIN_EMPTY: '按政策和组织机构找不到审核该申报的机构',
});

export type DeclarationErrorCode = Parameters<typeof declarationError>[0];
