// Words of the notifications (the bell, the page, the e-mail settings), Chinese first.
export const notificationsMessages = {
  zh: {
    app: {
      pages: { notifications: '通知' },
      notifications: {
        bell: '通知（%{count} 条未读）',
        title: '我的通知（共 %{count} 条）',
        unread: '未读',
        unread_only: '只看未读',
        mark_all: '全部标为已读',
        none: '暂无通知',
        more: '更多',
        kind: { SHORTFALL_REMINDER: '学时提醒', UNIT_DIGEST: '单位汇总' },
        settings: {
          title: '邮件提醒',
          email: '电子邮箱',
          email_help: '截止日前的学时提醒会发到这里；留空则不发邮件',
          receive: '接收邮件提醒（站内通知照常）',
          saved: '通知设置已保存',
          mail_off: '本平台尚未配置发信服务器，暂不发送邮件；站内通知照常。',
        },
      },
    },
  },
  en: {
    app: {
      pages: { notifications: 'Notifications' },
      notifications: {
        bell: 'Notifications (%{count} unread)',
        title: 'My notifications (%{count} in all)',
        unread: 'Unread',
        unread_only: 'Unread only',
        mark_all: 'Mark all read',
        none: 'No notifications',
        more: 'More',
        kind: { SHORTFALL_REMINDER: 'Hours reminder', UNIT_DIGEST: 'Unit digest' },
        settings: {
          title: 'E-mail reminders',
          email: 'E-mail address',
          email_help: 'Reminders before a deadline are sent here; leave it empty for no e-mail',
          receive: 'Receive reminder e-mails (in-app notifications either way)',
          saved: 'Notification settings saved',
          mail_off: 'This platform has no mail server configured yet: no e-mail is sent; in-app notifications are made as usual.',
        },
      },
    },
  },
};
