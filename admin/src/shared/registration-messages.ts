// Words that the public sign-up pages and the two registration queues share: an
// application's states and kinds, and the approve / reject dialogs.
export const registrationMessages = {
  zh: {
    app: {
      registration: {
        status: { PENDING: '待审核', APPROVED: '已通过', REJECTED: '已退回', EXPIRED: '已失效' },
        kind: { PROFESSIONAL: '专业技术人员注册', UNIT: '用人单位注册', DEPARTMENT: '主管部门注册' },
        sections: { applicant: '申请人', application: '申请', decision: '审核结果' },
        decide: {
          approve: '通过',
          reject: '退回',
          approve_title: '通过“%{name}”的注册申请？',
          reject_title: '退回“%{name}”的注册申请',
          comment: '审核意见（选填）',
          reason: '退回理由（必填）',
          reason_hint: '申请人凭注册回执可以看到理由，请写明原因或需要更正之处',
          reason_required: '请填写退回理由',
          done_approve: '已通过，账号已启用',
          done_reject: '已退回申请人',
        },
      },
    },
  },
  en: {
    app: {
      registration: {
        status: { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected', EXPIRED: 'Expired' },
        kind: { PROFESSIONAL: 'Professional sign-up', UNIT: 'Unit application', DEPARTMENT: 'Department application' },
        sections: { applicant: 'Applicant', application: 'Application', decision: 'Decision' },
        decide: {
          approve: 'Approve',
          reject: 'Reject',
          approve_title: 'Approve the application of “%{name}”?',
          reject_title: 'Reject the application of “%{name}”',
          comment: 'Comment (optional)',
          reason: 'Reason (required)',
          reason_hint: 'The applicant reads the reason with their receipt: say why, or what to correct',
          reason_required: 'A reason is required',
          done_approve: 'Approved: the account is active',
          done_reject: 'Returned to the applicant',
        },
      },
    },
  },
};
