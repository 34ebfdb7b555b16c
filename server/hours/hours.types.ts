import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Regime, TitleYearStatus } from '../engine';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { ErrorCodeEnum } from '../platform/error-code.enum';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { RegimeEnum } from '../policy/policy.enums';
import { TitleLevelEnum, TitleSeriesEnum } from '../professionals/title-enums';
import { IsCalendarDate } from '../platform/validators';
import { EmployerTypeEnum } from '../organisations/organisations.types';
import { TitleRouteEnum } from '../titles/titles.types';
import type { EmployerType, TitleRoute } from '../engine/titles';

export type YearStatus = 'COMPLETE' | 'INCOMPLETE' | 'NO_REQUIREMENT';
export const YearStatusEnum = defineEnum<YearStatus>('YearStatus', '年度结论', {
  COMPLETE: '已完成',
  INCOMPLETE: '未完成（有缺口）',
  NO_REQUIREMENT: '无继续教育要求（既非完成也非缺口）',
});

export type ExemptionScope = 'YEAR' | 'PUBLIC' | 'PROFESSIONAL';
export const ExemptionScopeEnum = defineEnum<ExemptionScope>('ExemptionScope', '免除或视同完成的范围', {
  YEAR: '整个年度',
  PUBLIC: '公需科目',
  PROFESSIONAL: '专业科目',
});

export const TitleYearStatusEnum = defineEnum<TitleYearStatus>('TitleYearStatus', '职称申报核查中某年度的结论', {
  COMPLETE: '达标',
  INCOMPLETE: '未达标',
  AVERAGED: '按年均学时核查（达标）',
  CREDITS_PASSED: '学分制：学分达标',
  CREDITS_FAILED: '学分制：学分未达标',
  NO_POLICY: '该年度无适用政策，不作要求',
  NO_REQUIREMENT: '该年度对本人无继续教育要求（不作达标或未达标认定）',
});

@ObjectType('SubjectStatus')
export class SubjectStatusView {
  @Field(() => Float) required: number;
  @Field(() => Float) credited: number;
  @Field(() => Float) shortfall: number;
  @Field({ description: '以视同完成等方式满足' }) deemed: boolean;
}

@ObjectType('CapCut')
export class CapCutView {
  @Field() cap: string;
  @Field(() => Float) cut: number;
}

@ObjectType('ActivityHours', { description: '单项活动折算结果及依据' })
export class ActivityHoursView {
  @Field() activityId: string;
  @Field() kind: string;
  @Field() kindName: string;
  @Field(() => Float) publicHours: number;
  @Field(() => Float) professionalHours: number;
  @Field({ description: '适用的规则' }) rule: string;
  @Field({ description: '政策依据' }) source: string;
  @Field(() => [CapCutView], { description: '被哪些上限核减' }) cappedBy: CapCutView[];
  @Field(() => [String]) notes: string[];
}

@ObjectType('Exemption')
export class ExemptionView {
  @Field(() => ExemptionScopeEnum) scope: ExemptionScope;
  @Field() reason: string;
  @Field() source: string;
  @Field(() => String, { nullable: true }) activityId: string | null;
}

@ObjectType('CreditWindow')
export class CreditWindowView {
  @Field(() => [Int]) years: number[];
  @Field(() => Float) required: number;
  @Field(() => Float) earned: number;
  @Field() passed: boolean;
  @Field() source: string;
}

@ObjectType({ description: '某年度学时核算结果（含全部说明）' })
export class HoursEvaluation {
  @Field(() => Int) year: number;
  @Field(() => RegimeEnum) regime: Regime;
  @Field({ description: '该年度是否达标' }) complete: boolean;
  @Field(() => YearStatusEnum, { description: '年度结论：已完成、未完成，或对本人无要求' }) status: YearStatus;
  @Field(() => String, { nullable: true, description: '无继续教育要求的原因与依据（如兵团民营企业人员）' }) noRequirement: string | null;
  @Field(() => SubjectStatusView, { description: '公需科目' }) public: SubjectStatusView;
  @Field(() => SubjectStatusView, { description: '专业科目' }) professional: SubjectStatusView;
  @Field(() => String, { nullable: true, description: '视同完成的原因' }) deemedComplete: string | null;
  @Field(() => [ExemptionView]) exemptions: ExemptionView[];
  @Field(() => Float, { nullable: true, description: '学分制：本年度学分' }) creditsEarned: number | null;
  @Field(() => [CreditWindowView]) creditWindows: CreditWindowView[];
  @Field(() => [ActivityHoursView]) activities: ActivityHoursView[];
  @Field(() => [String]) reasons: string[];
  @Field(() => Int, { nullable: true, description: '评判所用的政策发布序号' }) policyRevision: number | null;
  @Field({ description: '是否为已认定年度（按认定时的政策版本）' }) certified: boolean;
}

@InputType({ description: '计算器中的人员情况' })
export class ProfileInput {
  @Field(() => TitleLevelEnum) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum) titleSeries: TitleSeries;
  @Field(() => EmployerTypeEnum, { nullable: true, description: '单位性质' }) employerType?: EmployerType | null;
  @Field(() => String, { nullable: true, description: '现职称取得日期 YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  @IsCalendarDate()
  titleObtainedOn?: string | null;
  @Field(() => [String], { nullable: true, description: '特殊情形标记，如 访惠聚、内派教师' }) @IsOptional() @ArrayMaxSize(20) flags?: string[] | null;
}

@InputType({ description: '计算器中的一项学习活动' })
export class ActivityInput {
  @Field({ description: '学习形式代码（见 activityKinds）' }) @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: '学习形式代码格式错误' }) kind: string;
  // year bounds: PoliciesService.checkYear (1990 to next year, China time), one place for every year argument
  @Field(() => Int, { nullable: true, description: '计入年度；缺省为查询年度' }) @IsOptional() @IsInt() year?: number | null;
  @Field(() => String, { nullable: true, description: '发生日期 YYYY-MM-DD' }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }) @IsCalendarDate() date?: string | null;
  @Field(() => GraphQLJSONObject) params: Record<string, unknown>;
}

@InputType()
export class PreviewHoursInput {
  @Field(() => Int) @IsInt() year: number;
  @Field(() => ProfileInput) @ValidateNested() profile: ProfileInput;
  @Field(() => [ActivityInput]) @ArrayMaxSize(500) @ValidateNested({ each: true }) activities: ActivityInput[];
}

@InputType()
export class RecordActivityInput {
  @Field(() => ID) professionalId: string;
  @Field() @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: '学习形式代码格式错误' }) kind: string;
  @Field(() => Int) @IsInt() year: number;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }) @IsCalendarDate() date?: string | null;
  @Field(() => GraphQLJSONObject) params: Record<string, unknown>;
}

@ObjectType('Activity', { description: '已记录的学习活动' })
export class ActivityView {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field() kind: string;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true }) date: string | null;
  @Field(() => GraphQLJSONObject) params: Record<string, unknown>;
  @Field({ description: '来源：DECLARATION（经审核的学时申报）、PROVIDER、PLATFORM，或 OFFICIAL（审核链启用前的直接登记）' }) source: string;
  @Field(() => ID, { nullable: true, description: '经审核记录的学时申报（与本活动同一 ID）' }) declarationId: string | null;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '学时撤销时间（撤销后不再计入）' }) withdrawnAt: Date | null;
  @Field(() => String, { nullable: true, description: '学时撤销理由' }) withdrawalReason: string | null;
}

@ObjectType()
export class ActivityConnection extends ConnectionType(ActivityView, 'Activity') {}

@ObjectType({ description: '某人某年度的学时完成情况' })
export class CompletionStatus {
  @Field({ description: '脱敏身份证号码' }) idNumber: string;
  @Field() name: string;
  @Field(() => Int) year: number;
  @Field(() => HoursEvaluation) evaluation: HoursEvaluation;
}

@ObjectType('TitleYear')
export class TitleYearView {
  @Field(() => Int) year: number;
  @Field(() => TitleYearStatusEnum) status: TitleYearStatus;
  @Field() reason: string;
  @Field() certified: boolean;
  @Field(() => String, { nullable: true, description: '计入本年度的迁入记录的认定地区（其他地区认定、随迁入转来的年度）' }) movedFrom: string | null;
  @Field(() => HoursEvaluation, { nullable: true }) evaluation: HoursEvaluation | null;
}

@ObjectType('YearNotChecked', { description: '未核查的年度' })
export class YearNotCheckedView {
  @Field(() => Int) year: number;
  @Field() reason: string;
}

@ObjectType('ExcludedActivity', { description: '因申报截止日期而不计入的学习' })
export class ExcludedActivityView {
  @Field() activityId: string;
  @Field() kind: string;
  @Field(() => String, { nullable: true }) date: string | null;
  @Field(() => String, { nullable: true, description: '登记日期' }) recordedOn: string | null;
  @Field() reason: string;
}

@ObjectType('AverageCheck')
export class AverageView {
  @Field(() => [Int]) years: number[];
  @Field(() => Float) total: number;
  @Field(() => Float) perYear: number;
  @Field(() => Float) required: number;
  @Field() passed: boolean;
}

@ObjectType('IntegrityPeriod', { description: '职称评审诚信档案记录期（记录期内不得申报职称）' })
export class IntegrityPeriodView {
  @Field({ description: '记录期起（YYYY-MM-DD）' }) from: string;
  @Field({ description: '记录期止（含，YYYY-MM-DD）' }) until: string;
  @Field(() => String, { nullable: true, description: '记入原因' }) reason: string | null;
}

@ObjectType('TitleEligibility', { description: '职称申报继续教育资格' })
export class TitleEligibilityView {
  @Field({ description: '脱敏身份证号码' }) idNumber: string;
  @Field() name: string;
  @Field(() => TitleLevelEnum) targetLevel: TitleLevel;
  @Field(() => Int) applicationYear: number;
  @Field() eligible: boolean;
  @Field(() => [Int], { description: '核查的年度' }) yearsChecked: number[];
  @Field(() => [YearNotCheckedView], { description: '政策回看年限内未核查的年度及原因（如任现职年限不足）' }) yearsNotChecked: YearNotCheckedView[];
  @Field(() => [ExcludedActivityView], { description: '因晚于申报截止日期（提交材料日期等）而不计入的学习' }) excludedActivities: ExcludedActivityView[];
  @Field(() => TitleRouteEnum) route: TitleRoute;
  @Field(() => String, { nullable: true, description: '申报材料提交日期' }) filedOn: string | null;
  @Field(() => ID, { nullable: true, description: '按职称申报记录核查时为该记录' }) applicationId: string | null;
  @Field(() => [TitleYearView]) years: TitleYearView[];
  @Field(() => AverageView, { nullable: true }) average: AverageView | null;
  @Field(() => IntegrityPeriodView, { nullable: true, description: '申报日期（未给出时为今天）所在的诚信档案记录期：不得申报' })
  integrityRecord: IntegrityPeriodView | null;
  @Field(() => [String]) reasons: string[];
}

@InputType()
export class EligibilityApplicant {
  @Field() @Length(1, 30) idNumber: string;
  @Field(() => TitleLevelEnum) targetLevel: TitleLevel;
  @Field(() => TitleRouteEnum, { nullable: true, description: '申报途径；缺省为正常评审' }) route?: TitleRoute | null;
  @Field(() => String, { nullable: true, description: '申报材料提交日期 YYYY-MM-DD（须在申报年度内）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  @IsCalendarDate()
  filedOn?: string | null;
}

@ObjectType()
export class BatchEligibilityItem {
  @Field({ description: '脱敏身份证号码（原样回显时同样脱敏）' }) idNumber: string;
  @Field(() => ErrorCodeEnum, { nullable: true, description: '查无此人或号码无效时的错误代码' }) errorCode: string | null;
  @Field(() => String, { nullable: true }) errorMessage: string | null;
  @Field(() => TitleEligibilityView, { nullable: true }) result: TitleEligibilityView | null;
}

@ObjectType({ description: '按职称申报记录批量核查的一项' })
export class ApplicationEligibilityItem {
  @Field(() => ID) applicationId: string;
  @Field(() => ErrorCodeEnum, { nullable: true, description: '申报记录不存在或无权访问时的错误代码' }) errorCode: string | null;
  @Field(() => String, { nullable: true }) errorMessage: string | null;
  @Field(() => TitleEligibilityView, { nullable: true }) result: TitleEligibilityView | null;
}

@ObjectType('YearCertification')
export class YearCertificationView {
  @Field(() => ID) professionalId: string;
  @Field(() => Int) year: number;
  @Field() complete: boolean;
  @Field(() => Int) policyRevision: number;
  @Field(() => GraphQLISODateTime) certifiedAt: Date;
}
