// GraphQL types of completion statistics (学时完成情况统计), the officials' dashboard.
import { IsInt } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OrgKind } from '../organisations/organisations.types';

const PARTIAL = '（CompletionStatistics.complete 为 false 时只含已检查的人员）';

@ObjectType('OrganisationCompletion', { description: `统计范围内一个下级机构（单位统计时为该单位本身）的完成情况${PARTIAL}` })
export class OrganisationCompletion {
  @Field(() => ID) organisationId: string;
  @Field() name: string;
  @Field(() => OrgKind) kind: OrgKind;
  @Field(() => Int, { description: `该机构及其下属单位的在职专业技术人员人数${PARTIAL}` }) headcount: number;
  @Field(() => Int, { description: `本年度学时已完成的人数${PARTIAL}` }) complete: number;
  @Field(() => Int, { description: `本年度无继续教育要求的人数（不计入完成率）${PARTIAL}` }) noRequirement: number;
  @Field(() => Float, { description: `完成率（0–1）：已完成人数 ÷（人数 − 无要求人数）；无人需完成时为 0${PARTIAL}` }) rate: number;
}

@ObjectType('KindHours', { description: `某学习形式在本年度计入的学时${PARTIAL}` })
export class KindHours {
  @Field({ description: '学习形式代码' }) kind: string;
  @Field({ description: '学习形式名称（取自政策）' }) label: string;
  @Field(() => Float, { description: `计入的学时（公需与专业合计，已按政策折算和封顶）${PARTIAL}` }) hours: number;
  @Field(() => Int, { description: `有此类学习记录的人数${PARTIAL}` }) people: number;
}

@ObjectType('ShortfallBucket', { description: `按本年度总缺口学时（公需缺口 + 专业缺口）分档的人数${PARTIAL}` })
export class ShortfallBucket {
  @Field({ description: '分档名称，如“1–10 学时”' }) label: string;
  @Field(() => Float, { description: '缺口下限（学时）' }) from: number;
  @Field(() => Float, { description: '缺口上限（学时，含）；缺口为小数时归入上限不小于它的最低一档，最后一档也含超过上限者' }) to: number;
  @Field(() => Int, { description: `人数${PARTIAL}` }) count: number;
}

@ObjectType('CompletionStatistics', {
  description:
    '本年度学时完成情况统计：按下级机构的完成率、各学习形式计入的学时、缺口分布。结论由学时计算规则逐人得出（已认定年度取认定结果）；为限制每次请求的工作量，一次最多检查 STATISTICS_MAX_PEOPLE 人，超出时 complete 为 false，各项数字只含已检查的人员',
})
export class CompletionStatistics {
  @Field(() => Int) year: number;
  @Field(() => ID, { description: '统计范围的根机构' }) organisationId: string;
  @Field(() => [OrganisationCompletion], { description: '各下级机构（人社局：其下的主管部门和单位；主管部门：其下属机构；单位：该单位本身）' })
  byOrganisation: OrganisationCompletion[];
  @Field(() => [KindHours], { description: '各学习形式计入的学时，多者在前' }) hoursByKind: KindHours[];
  @Field(() => [ShortfallBucket], { description: '缺口分布：0（已完成）、1–10、11–30、31–60、61–90 学时；无继续教育要求者不计入' })
  shortfallDistribution: ShortfallBucket[];
  @Field(() => Int, { description: '本次检查的人数' }) scanned: number;
  @Field(() => Int, { description: '统计范围内的在职专业技术人员总数（全部人员，不受检查人数上限影响）' }) total: number;
  @Field({ description: '是否检查了范围内的全部人员；为 false 时各项数字只含已检查的部分（按单位顺序的前 scanned 人）' }) complete: boolean;
}

@ArgsType()
export class CompletionStatisticsArgs {
  @Field(() => Int, { description: '年度' }) @IsInt() year: number;
  @Field(() => ID, { nullable: true, description: '统计此机构及其下属（须在本人管理范围内）；缺省为本人所在机构' }) under?: string | null;
}
