// Words of the accounts screens (resources.accounts.*), Chinese first.
export const accountsMessages = {
  zh: {
    resources: {
      accounts: {
        name: '账号管理 |||| 账号管理',
        fields: {
          username: '用户名',
          displayName: '姓名（显示名）',
          role: '角色',
          orgNodeId: '所属机构',
          status: '状态',
          createdAt: '创建时间',
          lastSignInAt: '最近登录',
        },
        roles: { BUREAU_OFFICIAL: '人社局工作人员', DEPARTMENT_OFFICIAL: '主管部门工作人员', UNIT_OFFICIAL: '用人单位经办人', PROFESSIONAL: '专业技术人员' },
        statuses: { PENDING: '待激活', ACTIVE: '正常', DISABLED: '已停用' },
        hints: {
          username: '登录用的用户名，在本地区内唯一',
          orgNodeId: '账号所属的机构须与角色一致：主管部门工作人员属于主管部门，用人单位经办人属于用人单位',
          created: '账号已创建，请把激活码交给本人',
        },
        reset: {
          action: '重置密码',
          title: '重置密码',
          body: '为 %{name} 签发新的一次性激活码？本人须用激活码重新设置密码，此前未使用的激活码随即失效。',
        },
        never: '从未登录',
      },
    },
  },
  en: {
    resources: {
      accounts: {
        name: 'Account |||| Accounts',
        fields: {
          username: 'User name',
          displayName: 'Display name',
          role: 'Role',
          orgNodeId: 'Organisation',
          status: 'Status',
          createdAt: 'Created',
          lastSignInAt: 'Last sign-in',
        },
        roles: { BUREAU_OFFICIAL: 'Bureau official', DEPARTMENT_OFFICIAL: 'Department official', UNIT_OFFICIAL: 'Unit official', PROFESSIONAL: 'Professional' },
        statuses: { PENDING: 'Awaiting activation', ACTIVE: 'Active', DISABLED: 'Disabled' },
        hints: {
          username: 'The sign-in name, unique within the region',
          orgNodeId: 'The organisation must match the role: department officials belong to a department, unit officials to a unit',
          created: 'The account was created: give the activation code to its holder',
        },
        reset: {
          action: 'Reset password',
          title: 'Reset the password',
          body: 'Issue a new one-time activation code for %{name}? They set a new password with it; any earlier unused code stops working.',
        },
        never: 'Never',
      },
    },
  },
};
