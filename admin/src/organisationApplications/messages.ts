// Words of the organisations' application queue and its screen.
export const organisationApplicationsMessages = {
  zh: {
    resources: {
      organisationApplications: {
        name: '机构注册审核',
        back: '返回机构注册审核',
        approve_hint: {
          UNIT: '通过后将在所申请的上级下建立该用人单位，并启用其管理员账号（用人单位经办人），管理员用申请时设置的用户名和密码登录。',
          DEPARTMENT: '通过后将在人社局下建立该主管部门，并启用其管理员账号（主管部门工作人员），管理员用申请时设置的用户名和密码登录。',
        },
        fields: {
          submittedAt: '提交时间',
          name: '机构名称',
          kind: '申请类型',
          code: '机构代码',
          parentName: '申请的上级机构',
          adminName: '管理员姓名',
          adminPhone: '管理员手机号码',
          adminUsername: '管理员用户名',
          status: '状态',
          expiresAt: '待审期限',
          decidedAt: '审核时间',
          decidedBy: '审核人',
          comment: '审核意见',
          rejectionReason: '退回理由',
        },
        filters: { from: '提交日期自', to: '提交日期至' },
      },
    },
  },
  en: {
    resources: {
      organisationApplications: {
        name: 'Organisation application |||| Organisation applications',
        back: 'Back to the applications',
        approve_hint: {
          UNIT: 'Approving creates the unit under the organisation it applied to and activates its administrator’s account (unit official), who signs in with the user name and password chosen in the application.',
          DEPARTMENT: 'Approving creates the department under the bureau and activates its administrator’s account (department official), who signs in with the user name and password chosen in the application.',
        },
        fields: {
          submittedAt: 'Submitted',
          name: 'Organisation',
          kind: 'Application',
          code: 'Organisation code',
          parentName: 'Applies under',
          adminName: 'Administrator',
          adminPhone: 'Administrator’s mobile',
          adminUsername: 'Administrator’s user name',
          status: 'Status',
          expiresAt: 'Expires',
          decidedAt: 'Decided',
          decidedBy: 'Decided by',
          comment: 'Comment',
          rejectionReason: 'Reason for rejection',
        },
        filters: { from: 'Submitted from', to: 'Submitted until' },
      },
    },
  },
};
