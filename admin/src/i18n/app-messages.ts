// The console's own words that belong to no single resource: sign-in, roles, the
// menu, the layout. Every key exists in both languages (test/admin checks it).
export const appMessages = {
  zh: {
    app: {
      title: '继续教育学时管理平台',
      login: {
        title: '继续教育学时管理平台',
        subtitle: '专业技术人员继续教育学时登记、审核与查询',
        tenant: '地区代码',
        tenant_hint: '如 linyi、qingdao、jining、binzhou、bingtuan',
        username: '用户名',
        username_hint: '专业技术人员请填写身份证号码',
        password: '密码',
        operator: '平台运营人员登录',
        submit: '登录',
        failed: '登录失败',
        sign_up: '专业技术人员注册',
        apply: '用人单位、主管部门注册',
        progress: '查询注册进度',
      },
      roles: {
        BUREAU_OFFICIAL: '人社局工作人员',
        DEPARTMENT_OFFICIAL: '主管部门工作人员',
        UNIT_OFFICIAL: '用人单位经办人',
        PROFESSIONAL: '专业技术人员',
        OPERATOR: '平台运营人员',
      },
      menu: { dashboard: '首页' },
      dashboard: { welcome: '欢迎，%{name}', role: '身份：%{role}' },
      common: { loading: '加载中…', none: '无', yes: '是', no: '否', year: '年度', confirm: '确认', cancel: '取消', hours: '%{hours} 学时' },
    },
  },
  en: {
    app: {
      title: 'Continuing Education Hours',
      login: {
        title: 'Continuing Education Hours',
        subtitle: 'Recording, review and lookup of professionals’ continuing-education hours',
        tenant: 'Region code',
        tenant_hint: 'e.g. linyi, qingdao, jining, binzhou, bingtuan',
        username: 'User name',
        username_hint: 'Professionals: your ID number',
        password: 'Password',
        operator: 'Platform operator sign-in',
        submit: 'Sign in',
        failed: 'Sign-in failed',
        sign_up: 'Sign up as a professional',
        apply: 'Register a unit or department',
        progress: 'Check a registration',
      },
      roles: {
        BUREAU_OFFICIAL: 'Bureau official',
        DEPARTMENT_OFFICIAL: 'Department official',
        UNIT_OFFICIAL: 'Unit official',
        PROFESSIONAL: 'Professional',
        OPERATOR: 'Platform operator',
      },
      menu: { dashboard: 'Home' },
      dashboard: { welcome: 'Welcome, %{name}', role: 'Role: %{role}' },
      common: { loading: 'Loading…', none: 'None', yes: 'Yes', no: 'No', year: 'Year', confirm: 'Confirm', cancel: 'Cancel', hours: '%{hours} hours' },
    },
  },
};
