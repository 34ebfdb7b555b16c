// Words of the API clients' screens (第三方接入客户端), Chinese first.
export const apiClientsMessages = {
  zh: {
    resources: {
      apiClients: {
        name: '接入客户端 |||| 接入客户端',
        fields: {
          name: '客户端名称',
          keyId: '密钥标识',
          scopes: '权限范围',
          createdAt: '创建时间',
          revokedAt: '吊销时间',
          expiresAt: '到期时间',
          lastUsedAt: '最近使用',
          status: '状态',
        },
        scopes: {
          COMPLETION_READ: '查询学时完成情况与职称资格',
          TRAINING_REPORT: '上报培训完成情况（施教机构）',
        },
        status: { active: '有效', revoked: '已吊销', expired: '已过期' },
        never: '从未使用',
        no_expiry: '不过期',
        create_hint: '为职称评审系统或施教机构开通接口访问。密钥只在创建后显示一次。',
        expires_hint: '不填则不过期；最长 3 年',
        secret: {
          title: '请立即保存密钥',
          warning: '密钥只显示这一次，关闭后无法再次查看。请复制并妥善交给对方，切勿通过不安全的渠道发送。',
          header: '请求时放在 X-Api-Key 头中：',
          copy: '复制密钥',
          copied: '已复制到剪贴板',
          copy_failed: '无法自动复制，请手动选中复制',
          done: '我已保存，关闭',
        },
        revoke: {
          button: '吊销',
          title: '吊销客户端“%{name}”？',
          content: '吊销后该客户端的密钥立即失效，对方的所有接口请求都将被拒绝。此操作不能撤销。',
          done: '已吊销',
        },
      },
    },
  },
  en: {
    resources: {
      apiClients: {
        name: 'API client |||| API clients',
        fields: {
          name: 'Client name',
          keyId: 'Key ID',
          scopes: 'Scopes',
          createdAt: 'Created',
          revokedAt: 'Revoked',
          expiresAt: 'Expires',
          lastUsedAt: 'Last used',
          status: 'Status',
        },
        scopes: {
          COMPLETION_READ: 'Read completion and title eligibility',
          TRAINING_REPORT: 'Report training completions (providers)',
        },
        status: { active: 'Active', revoked: 'Revoked', expired: 'Expired' },
        never: 'Never',
        no_expiry: 'No expiry',
        create_hint: 'Gives a title-review system or a training provider access to the API. The key is shown only once, right after creation.',
        expires_hint: 'Leave empty for no expiry; at most 3 years',
        secret: {
          title: 'Save the key now',
          warning: 'The key is shown only this once and cannot be viewed again after closing. Copy it and hand it over safely; never send it over an insecure channel.',
          header: 'Send it in the X-Api-Key header:',
          copy: 'Copy key',
          copied: 'Copied to the clipboard',
          copy_failed: 'Could not copy; select the key and copy it by hand',
          done: 'I have saved it, close',
        },
        revoke: {
          button: 'Revoke',
          title: 'Revoke client “%{name}”?',
          content: 'Its key stops working at once and every request it makes is refused. This cannot be undone.',
          done: 'Revoked',
        },
      },
    },
  },
};
