// The five launch tenants and a small, realistic organisation tree for each.
import type { RegionCityKey } from '../platform/synthetic-people';

export interface DemoTenant {
  code: RegionCityKey;
  name: string;
  bureau: string;
  departments: { name: string; code: string; units: string[] }[];
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    code: 'linyi',
    name: '临沂市',
    bureau: '临沂市人力资源和社会保障局',
    departments: [
      { name: '兰山区人力资源和社会保障局', code: 'LS-HRSS', units: ['兰山区人民医院', '兰山区农业农村局农技推广站', '兰山区第一实验小学'] },
      { name: '临沂市卫生健康委员会', code: 'LY-HEALTH', units: ['临沂市人民医院', '临沂市中医医院', '临沂市疾病预防控制中心'] },
      { name: '临沂市教育局', code: 'LY-EDU', units: ['临沂第一中学', '临沂第三中学'] },
    ],
  },
  {
    code: 'qingdao',
    name: '青岛市',
    bureau: '青岛市人力资源和社会保障局',
    departments: [
      { name: '市南区人力资源和社会保障局', code: 'SN-HRSS', units: ['青岛市市南区城市建设中心', '青岛港湾设计院'] },
      { name: '青岛市卫生健康委员会', code: 'QD-HEALTH', units: ['青岛市市立医院', '青岛大学附属医院'] },
      { name: '青岛市教育局', code: 'QD-EDU', units: ['青岛第二中学', '青岛第五十八中学'] },
      { name: '青岛市财政局', code: 'QD-FIN', units: ['青岛市会计核算中心'] },
    ],
  },
  {
    code: 'jining',
    name: '济宁市',
    bureau: '济宁市人力资源和社会保障局',
    departments: [
      { name: '任城区人力资源和社会保障局', code: 'RC-HRSS', units: ['任城区水利局工程站', '任城区农业技术推广中心'] },
      { name: '济宁市卫生健康委员会', code: 'JN-HEALTH', units: ['济宁市第一人民医院', '济宁医学院附属医院'] },
      { name: '济宁市教育局', code: 'JN-EDU', units: ['济宁市第一中学', '曲阜师范大学附属实验学校'] },
    ],
  },
  {
    code: 'binzhou',
    name: '滨州市',
    bureau: '滨州市人力资源和社会保障局',
    departments: [
      { name: '滨城区人力资源和社会保障局', code: 'BC-HRSS', units: ['滨城区市政工程处', '滨城区农业技术推广站'] },
      { name: '滨州市卫生健康委员会', code: 'BZ-HEALTH', units: ['滨州市人民医院', '滨州医学院附属医院'] },
      { name: '滨州市教育局', code: 'BZ-EDU', units: ['滨州实验学校'] },
    ],
  },
  {
    code: 'bingtuan',
    name: '新疆生产建设兵团',
    bureau: '新疆生产建设兵团人力资源和社会保障局',
    departments: [
      { name: '第八师石河子市人力资源和社会保障局', code: 'D8-HRSS', units: ['第八师农业科学研究所', '石河子市水利工程管理处'] },
      { name: '兵团卫生健康委员会', code: 'BT-HEALTH', units: ['新疆生产建设兵团医院', '第八师石河子市人民医院'] },
      { name: '兵团教育局', code: 'BT-EDU', units: ['石河子第一中学', '兵团第二中学'] },
    ],
  },
];
