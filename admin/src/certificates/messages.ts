// Certificates: the professional's "my certificates" page and the certificates tab of a
// staff member's page.
export const certificatesMessages = {
  zh: {
    app: {
      pages: { myCertificates: '我的证书' },
      certificates: {
        heading: '继续教育证书',
        tab: '证书',
        rule: {
          YEAR: '本地按年度出具《%{title}》，每份证明一个已认定的年度。',
          TITLE_WINDOW: '本地按职称评审要求的年限统一核发《%{title}》，不单独核发每年度：请选择拟申报级别和申报年度。',
        },
        complete_only: '只证明达标的年度。',
        source: '依据：%{source}',
        year: '年度',
        no_years: '还没有已认定的年度：年度学时经人社局认定后才能出具证书。',
        target_level: '拟申报级别',
        application_year: '申报年度',
        issue: '出具证书',
        issued: '证书已出具',
        empty: '还没有证书',
        incomplete: '未达标',
        columns: { title: '证书', years: '年度', hours: '学时（公需 / 专业 / 合计）', issued_on: '出具日期', status: '状态', actions: '操作' },
        status: { VALID: '有效', REVOKED: '已撤销（%{date}）' },
        download: '下载 PDF',
        verify: '核验页面',
        code: '验证码 %{code}',
      },
    },
  },
  en: {
    app: {
      pages: { myCertificates: 'My certificates' },
      certificates: {
        heading: 'Continuing-education certificates',
        tab: 'Certificates',
        rule: {
          YEAR: 'Here a certificate (%{title}) is issued per year, for one certified year.',
          TITLE_WINDOW: 'Here one certificate (%{title}) covers the years the title panel requires, never a single year: choose the target level and the application year.',
        },
        complete_only: 'Only complete years are certified.',
        source: 'Basis: %{source}',
        year: 'Year',
        no_years: 'No certified year yet: a year is certified by the bureau before a certificate can be issued.',
        target_level: 'Target level',
        application_year: 'Application year',
        issue: 'Issue certificate',
        issued: 'Certificate issued',
        empty: 'No certificates yet',
        incomplete: 'incomplete',
        columns: { title: 'Certificate', years: 'Years', hours: 'Hours (public / professional / total)', issued_on: 'Issued on', status: 'Status', actions: 'Actions' },
        status: { VALID: 'Valid', REVOKED: 'Revoked (%{date})' },
        download: 'Download PDF',
        verify: 'Verification page',
        code: 'Code %{code}',
      },
    },
  },
};
