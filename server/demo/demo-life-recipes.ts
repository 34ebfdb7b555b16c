// What the demo's professionals declare and the demo's providers teach, per tenant: kinds of
// tenants/<code>.yaml that any series may use (the policy checks every one when it is filed).
import type { ParamValue } from '../engine';

export interface DeclarableRecipe {
  kind: string;
  issuer: string;
  /** Parameters of the n-th declaration (distinct, so no two are the same result). */
  params(n: number): Record<string, ParamValue>;
}

export const DECLARABLE: Readonly<Record<string, DeclarableRecipe>> = {
  linyi: { kind: 'specialTraining', issuer: '临沂市专业技术人员继续教育基地', params: (n) => ({ hours: 8 + n }) },
  qingdao: { kind: 'studyTour', issuer: '青岛市卫生健康委员会', params: (n) => ({ title: `业务进修（第${n}期）` }) },
  jining: { kind: 'professionalCourse', issuer: '济宁市专业技术人员继续教育平台', params: (n) => ({ hours: 8 + n }) },
  binzhou: { kind: 'professionalTraining', issuer: '滨州市继续教育基地', params: (n) => ({ hours: 8 + n }) },
  bingtuan: { kind: 'professionalOnline', issuer: '兵团继续教育网络学院', params: (n) => ({ hours: 8 + n }) },
};

export interface ProviderCourse {
  provider: string;
  title: string;
  venue: string;
  /** A kind counted in actual hours, and its parameters besides the hours (providers/). */
  kind: string;
  params: Record<string, ParamValue>;
}

export const PROVIDER_COURSE: Readonly<Record<string, ProviderCourse>> = {
  linyi: { provider: '临沂市专业技术人员继续教育基地', title: '基层医疗服务能力提升培训班', venue: '临沂市人民医院', kind: 'specialTraining', params: {} },
  qingdao: { provider: '青岛市继续教育中心', title: '急救技能专项培训', venue: '青岛市市立医院', kind: 'jobTraining', params: { category: 'job' } },
  // filed after it began: Jining's 5-working-day lead time makes it earn no hours, and says why
  jining: { provider: '济宁市继续教育基地', title: '全市卫生系统急救技能培训班', venue: '济宁市第一人民医院', kind: 'unitTraining', params: {} },
  binzhou: { provider: '滨州市继续教育基地', title: '专业技术人员能力提升培训', venue: '滨州学院', kind: 'professionalTraining', params: {} },
  bingtuan: { provider: '兵团继续教育网络学院', title: '专业科目网络研修', venue: '线上', kind: 'professionalOnline', params: {} },
};
