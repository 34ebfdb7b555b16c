// Words of the integrity record (诚信档案), Chinese first.
export const integrityRecordsMessages = {
  zh: {
    resources: {
      integrityRecords: {
        name: '诚信档案 |||| 诚信档案',
        fields: {
          idNumber: '身份证号码',
          name: '姓名（前缀）',
          professionalName: '姓名',
          idNumberMasked: '身份证号',
          reason: '记入原因',
          from: '记录期起',
          until: '记录期止',
          declarationId: '据以记入的学时申报',
          recordedAt: '记入时间',
        },
        search_first: '请输入身份证号码或姓名查询人员的诚信档案。认定虚假申报请在该学时申报中操作。',
        none: '所查人员没有诚信档案记录',
        no_limit: '不限期',
      },
    },
  },
  en: {
    resources: {
      integrityRecords: {
        name: 'Integrity record |||| Integrity records',
        fields: {
          idNumber: 'ID number',
          name: 'Name (starts with)',
          professionalName: 'Name',
          idNumberMasked: 'ID number',
          reason: 'Reason',
          from: 'From',
          until: 'Until',
          declarationId: 'Declaration',
          recordedAt: 'Recorded at',
        },
        search_first: 'Enter an ID number or a name to look up a person’s integrity record. Mark a declaration fraudulent from the declaration itself.',
        none: 'No integrity records for the people found',
        no_limit: 'No end',
      },
    },
  },
};
