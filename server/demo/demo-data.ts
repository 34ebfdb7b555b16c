// The five launch tenants and a small, realistic organisation tree for each.
// Every unit says what kind of organisation it is; the kind decides the title
// series of its staff (a hospital employs health professionals, a school
// teachers), so demo people are coherent with where they work.
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { createPeopleGenerator, REGION_CITIES, type RegionCityKey, type SyntheticPerson } from './synthetic-people';

export type UnitKind =
  | 'HOSPITAL'
  | 'DISEASE_CONTROL'
  | 'SCHOOL'
  | 'AGRICULTURE_EXTENSION'
  | 'AGRICULTURE_RESEARCH'
  | 'ENGINEERING'
  | 'DESIGN_INSTITUTE'
  | 'ACCOUNTING_CENTRE';

/** The title series of a unit's professional staff, by the kind of unit. */
export const UNIT_KIND_SERIES: Readonly<Record<UnitKind, TitleSeries>> = {
  HOSPITAL: 'HEALTH',
  DISEASE_CONTROL: 'HEALTH',
  SCHOOL: 'SCHOOL_TEACHING',
  AGRICULTURE_EXTENSION: 'AGRICULTURE',
  AGRICULTURE_RESEARCH: 'AGRICULTURE',
  ENGINEERING: 'ENGINEERING',
  DESIGN_INSTITUTE: 'ENGINEERING',
  ACCOUNTING_CENTRE: 'ACCOUNTING',
};

export interface DemoUnit {
  name: string;
  kind: UnitKind;
}

export interface DemoTenant {
  code: RegionCityKey;
  name: string;
  bureau: string;
  departments: { name: string; code: string; units: DemoUnit[] }[];
}

/**
 * A level that exists in the series: accounting has no 员级 title (its first
 * title, 助理会计师, is 助理级), so a drawn JUNIOR becomes ASSISTANT there.
 */
export function levelInSeries(series: TitleSeries, level: TitleLevel): TitleLevel {
  return series === 'ACCOUNTING' && level === 'JUNIOR' ? 'ASSISTANT' : level;
}

export interface DemoStaffMember {
  /** Position in the tenant's seed (0, 1, 2, …), also the generator index. */
  key: number;
  /** Index of the unit in the tenant's units, departments in order. */
  unit: number;
  person: SyntheticPerson;
}

export const PEOPLE_PER_UNIT = 6;

/**
 * The tenant's demo staff, unit by unit: synthetic people whose series is the
 * one their unit employs and whose level exists in it (the age cap on levels
 * comes from the generator).
 */
export function demoStaff(t: DemoTenant, seed: number, asOf: string, perUnit = PEOPLE_PER_UNIT): DemoStaffMember[] {
  const people = createPeopleGenerator({ seed, regionCodes: REGION_CITIES[t.code].codes, asOf });
  const units = t.departments.flatMap((d) => d.units);
  const out: DemoStaffMember[] = [];
  units.forEach((unit, u) => {
    const titleSeries = UNIT_KIND_SERIES[unit.kind];
    for (let i = 0; i < perUnit; i++) {
      const key = out.length;
      const p = people.next(key);
      out.push({ key, unit: u, person: { ...p, titleSeries, titleLevel: levelInSeries(titleSeries, p.titleLevel) } });
    }
  });
  return out;
}

const hospital = (name: string): DemoUnit => ({ name, kind: 'HOSPITAL' });
const school = (name: string): DemoUnit => ({ name, kind: 'SCHOOL' });

export const DEMO_TENANTS: DemoTenant[] = [
  {
    code: 'linyi',
    name: '临沂市',
    bureau: '临沂市人力资源和社会保障局',
    departments: [
      {
        name: '兰山区人力资源和社会保障局',
        code: 'LS-HRSS',
        units: [hospital('兰山区人民医院'), { name: '兰山区农业农村局农技推广站', kind: 'AGRICULTURE_EXTENSION' }, school('兰山区第一实验小学')],
      },
      {
        name: '临沂市卫生健康委员会',
        code: 'LY-HEALTH',
        units: [hospital('临沂市人民医院'), hospital('临沂市中医医院'), { name: '临沂市疾病预防控制中心', kind: 'DISEASE_CONTROL' }],
      },
      { name: '临沂市教育局', code: 'LY-EDU', units: [school('临沂第一中学'), school('临沂第三中学')] },
    ],
  },
  {
    code: 'qingdao',
    name: '青岛市',
    bureau: '青岛市人力资源和社会保障局',
    departments: [
      {
        name: '市南区人力资源和社会保障局',
        code: 'SN-HRSS',
        units: [{ name: '青岛市市南区城市建设中心', kind: 'ENGINEERING' }, { name: '青岛港湾设计院', kind: 'DESIGN_INSTITUTE' }],
      },
      { name: '青岛市卫生健康委员会', code: 'qd-health', units: [hospital('青岛市市立医院'), hospital('青岛大学附属医院')] },
      { name: '青岛市教育局', code: 'qd-education', units: [school('青岛第二中学'), school('青岛第五十八中学')] },
      { name: '青岛市财政局', code: 'qd-finance', units: [{ name: '青岛市会计核算中心', kind: 'ACCOUNTING_CENTRE' }] },
    ],
  },
  {
    code: 'jining',
    name: '济宁市',
    bureau: '济宁市人力资源和社会保障局',
    departments: [
      {
        name: '任城区人力资源和社会保障局',
        code: 'RC-HRSS',
        units: [{ name: '任城区水利局工程站', kind: 'ENGINEERING' }, { name: '任城区农业技术推广中心', kind: 'AGRICULTURE_EXTENSION' }],
      },
      { name: '济宁市卫生健康委员会', code: 'JN-HEALTH', units: [hospital('济宁市第一人民医院'), hospital('济宁医学院附属医院')] },
      { name: '济宁市教育局', code: 'JN-EDU', units: [school('济宁市第一中学'), school('曲阜师范大学附属实验学校')] },
    ],
  },
  {
    code: 'binzhou',
    name: '滨州市',
    bureau: '滨州市人力资源和社会保障局',
    departments: [
      {
        name: '滨城区人力资源和社会保障局',
        code: 'BC-HRSS',
        units: [{ name: '滨城区市政工程处', kind: 'ENGINEERING' }, { name: '滨城区农业技术推广站', kind: 'AGRICULTURE_EXTENSION' }],
      },
      { name: '滨州市卫生健康委员会', code: 'BZ-HEALTH', units: [hospital('滨州市人民医院'), hospital('滨州医学院附属医院')] },
      { name: '滨州市教育局', code: 'BZ-EDU', units: [school('滨州实验学校')] },
    ],
  },
  {
    code: 'bingtuan',
    name: '新疆生产建设兵团',
    bureau: '新疆生产建设兵团人力资源和社会保障局',
    departments: [
      {
        name: '第八师石河子市人力资源和社会保障局',
        code: 'D8-HRSS',
        units: [{ name: '第八师农业科学研究所', kind: 'AGRICULTURE_RESEARCH' }, { name: '石河子市水利工程管理处', kind: 'ENGINEERING' }],
      },
      { name: '兵团卫生健康委员会', code: 'bt-health', units: [hospital('新疆生产建设兵团医院'), hospital('第八师石河子市人民医院')] },
      { name: '兵团教育局', code: 'BT-EDU', units: [school('石河子第一中学'), school('兵团第二中学')] },
    ],
  },
];
