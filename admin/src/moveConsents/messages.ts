// Words of the sending side of a move between cities (迁出确认).
export const moveConsentsMessages = {
  zh: {
    resources: {
      moveConsents: {
        name: '迁出确认',
        intro_self: '其他地区的用人单位申请将您迁入。同意后，您在本地区已认定的年度学时转入对方地区；如不是您本人的调动，请拒绝并说明理由。申请 30 天内未处理即失效。',
        intro_bureau: '其他地区的用人单位申请将本地区的人员迁入。本人或人社局均可同意或拒绝；申请 30 天内未处理即失效。',
        empty: '没有等待确认的迁出申请',
        fields: {
          requestedAt: '申请时间',
          professional: '人员',
          receivingTenantName: '迁入地区',
          receivingUnitName: '迁入单位',
          expiresAt: '有效期至',
          actions: '处理',
        },
        consent: {
          action: '同意迁出',
          title: '同意迁入%{tenant}？',
          body_self:
            '同意后，您在本地区已认定的各年度学时（年度、公需与专业科目学时、是否达标、认定依据的政策版本）将转入%{tenant}（%{unit}），作为注明出处的只读记录；您在本地区的记录保留，标记为“已迁出”，此后不能再修改。未认定的年度、学习活动、申报和证明材料不会转出。此操作不能撤销。',
          body_bureau:
            '同意后，%{name}在本地区已认定的各年度学时（年度、公需与专业科目学时、是否达标、认定依据的政策版本）将转入%{tenant}（%{unit}），作为注明出处的只读记录；本地区的记录保留，标记为“已迁出”，此后不能再修改。未认定的年度、学习活动、申报和证明材料不会转出。此操作不能撤销。',
          done: '已同意迁出：%{years} 个已认定年度已转入%{tenant}',
        },
        refuse: {
          action: '拒绝',
          title: '拒绝%{tenant}的迁入申请',
          hint: '迁入单位（%{unit}）可以看到拒绝理由，请写明原因。',
          done: '已拒绝迁入申请',
        },
        pending: '有 %{count} 份迁出申请等待您确认：其他地区的用人单位申请将您迁入。',
        open: '去确认',
      },
    },
  },
  en: {
    resources: {
      moveConsents: {
        name: 'Move-out consent |||| Move-out consents',
        intro_self: 'A unit in another city asks to move you in. If you consent, the years certified for you here go to that city; if you are not moving, refuse and say why. A request lapses after 30 days.',
        intro_bureau: 'Units in other cities ask to move people registered here. The person or the bureau may consent or refuse; a request lapses after 30 days.',
        empty: 'No move requests are waiting for an answer',
        fields: {
          requestedAt: 'Requested',
          professional: 'Person',
          receivingTenantName: 'Moving to',
          receivingUnitName: 'Receiving unit',
          expiresAt: 'Valid until',
          actions: 'Answer',
        },
        consent: {
          action: 'Consent',
          title: 'Move to %{tenant}?',
          body_self:
            'If you consent, every year certified for you here (the year, public and professional hours, complete or not, the policy revision it was certified under) goes to %{tenant} (%{unit}) as a read-only record naming its origin. Your record here stays, marked “moved out”, and can no longer be changed. Years not certified, activities, declarations and evidence do not move. This cannot be undone.',
          body_bureau:
            'If you consent, every year certified for %{name} here (the year, public and professional hours, complete or not, the policy revision it was certified under) goes to %{tenant} (%{unit}) as a read-only record naming its origin. The record here stays, marked “moved out”, and can no longer be changed. Years not certified, activities, declarations and evidence do not move. This cannot be undone.',
          done: 'Consented: %{years} certified years went to %{tenant}',
        },
        refuse: {
          action: 'Refuse',
          title: 'Refuse the request of %{tenant}',
          hint: 'The receiving unit (%{unit}) reads the reason: say why.',
          done: 'The request was refused',
        },
        pending: '%{count} move requests are waiting for your answer: a unit in another city asks to move you in.',
        open: 'Answer',
      },
    },
  },
};
