// GraphQL types of the policy capability: published revisions and what a year's version says.
import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, GraphQLISODateTime, InputType, Int, ObjectType } from 'type-graphql';
import type { ParamType, Regime, SubjectMode } from '../engine';
import { ConnectionType } from '../platform/pagination';
import { ParamTypeEnum, RegimeEnum, SubjectModeEnum } from './policy.enums';

@ObjectType({ description: '枚举参数的可选值' })
export class ParamOption {
  @Field() value: string;
  @Field() label: string;
}

@ObjectType({ description: '申报某类学习活动须填写的参数' })
export class ActivityParamSpec {
  @Field() name: string;
  @Field(() => ParamTypeEnum) type: ParamType;
  @Field() label: string;
  @Field() required: boolean;
  @Field(() => [ParamOption], { nullable: true }) values?: ParamOption[];
  @Field(() => Float, { nullable: true }) min?: number;
  @Field(() => Float, { nullable: true }) max?: number;
}

@ObjectType({ description: '学习形式（由本地区政策定义）' })
export class ActivityKind {
  @Field() code: string;
  @Field() name: string;
  @Field(() => SubjectModeEnum) subject: SubjectMode;
  @Field({ description: '政策依据：文号（无文号时为文件标题）与条款' }) source: string;
  @Field(() => [ActivityParamSpec]) params: ActivityParamSpec[];
}

@ObjectType('PolicySource', { description: '政策引用的文件；政策条文的出处写作“文件代码 条款”' })
export class PolicySourceView {
  @Field({ description: '文件代码（政策内的简称，如 001、qd2026-1）' }) key: string;
  @Field(() => String, { nullable: true, description: '文号，如 青人社字〔2023〕14号；无文号的文件为空' }) number: string | null;
  @Field({ description: '文件标题' }) title: string;
  @Field(() => String, { nullable: true, description: '发文机关' }) issuer: string | null;
  @Field(() => String, { nullable: true, description: '发文日期（YYYY-MM-DD；只知年月或年份时为 YYYY-MM 或 YYYY）' }) date: string | null;
}

@ObjectType({ description: '申报的审核链：自单位起逐级审核的层级（某一分支缺少的层级跳过）及按行业的分流' })
export class ReviewChainView {
  @Field(() => [String], { description: '审核层级，自下而上：UNIT（用人单位）、DEPARTMENT（主管部门）、BUREAU（人社局）' }) levels: string[];
  @Field(() => String, { nullable: true, description: '政策依据（未规定时为空：默认单位 → 主管部门 → 人社局）' }) source: string | null;
  @Field(() => [ReviewRouteView], { description: '按行业、学习形式或单位性质分流到指定主管部门的规则' }) routes: ReviewRouteView[];
}

@ObjectType({ description: '审核分流规则：条件全部满足时由指定主管部门审核' })
export class ReviewRouteView {
  @Field(() => [String], { description: '职称系列（为空表示不限）' }) series: string[];
  @Field(() => [String], { description: '学习形式代码（为空表示不限）' }) kinds: string[];
  @Field(() => [String], { description: '单位性质（为空表示不限）' }) employerTypes: string[];
  @Field({ description: '审核的主管部门（机构代码）' }) departmentCode: string;
  @Field() source: string;
}

@ObjectType({ description: '本地区宣布的停止办公日期（不计入工作日），在国家法定节假日之外' })
export class CalendarClosureView {
  @Field({ description: '起始日 YYYY-MM-DD（含）' }) from: string;
  @Field({ description: '结束日 YYYY-MM-DD（含）' }) to: string;
  @Field() name: string;
  @Field() source: string;
}

@ObjectType('ReminderDays', { description: '截止日前提醒学时不足人员的天数（站内通知与邮件；单位经办人收到汇总）' })
export class ReminderDaysView {
  @Field(() => [Int], { description: '年度截止日前多少天提醒' }) daysBefore: number[];
  @Field(() => [Int], { description: '职称申报人员在其截止日（如兵团6月30日、滨州申报日期）前多少天提醒' }) titleDaysBefore: number[];
  @Field({ description: '政策依据' }) source: string;
}

@ObjectType('Policy', { description: '某年度适用的政策版本' })
export class PolicyView {
  @Field() tenantCode: string;
  @Field() tenantName: string;
  @Field(() => Int, { description: '发布序号（每次发布加一）' }) revision: number;
  @Field(() => GraphQLISODateTime) publishedAt: Date;
  @Field(() => Int) year: number;
  @Field(() => Int, { description: '该版本自哪一年起适用' }) fromYear: number;
  @Field(() => RegimeEnum) regime: Regime;
  @Field(() => Float) requiredPublic: number;
  @Field(() => Float) requiredProfessional: number;
  @Field({ description: '年度完成截止日期（MM-DD）' }) deadline: string;
  @Field({ description: '截止日期的政策依据' }) deadlineSource: string;
  @Field(() => ReviewChainView, { description: '申报的审核链' }) review: ReviewChainView;
  @Field(() => [CalendarClosureView], { description: '本地区的停止办公日期（工作日计算中排除）' }) calendarClosures: CalendarClosureView[];
  @Field(() => ReminderDaysView, { nullable: true, description: '截止日前的学时提醒；为空则不提醒' }) reminders: ReminderDaysView | null;
  @Field(() => [PolicySourceView], { description: '政策引用的文件' }) sources: PolicySourceView[];
  @Field(() => GraphQLJSONObject, { description: '该版本的完整内容' }) version: Record<string, unknown>;
}

@ObjectType('PolicyRevision')
export class PolicyRevisionInfo {
  @Field(() => Int) revision: number;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => GraphQLISODateTime) publishedAt: Date;
}

@ObjectType()
export class PolicyRevisionConnection extends ConnectionType(PolicyRevisionInfo, 'PolicyRevision') {}

@InputType({ description: '年度完成截止日期' })
export class DeadlineInput {
  @Field({ description: 'MM-DD，如 12-31' }) @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '日期格式应为 MM-DD' }) monthDay: string;
  @Field({ description: '政策依据：文件代码与条款，如“001 一、”（文件代码见 Policy.sources）' }) @Length(1, 200) source: string;
}

@InputType({ description: '政策引用的文件（新增；文件代码已存在时替换其内容）' })
export class PolicySourceInput {
  @Field({ description: '文件代码：不含空格的简称，如 qd2026-1；出处写作“文件代码 条款”' }) @Length(1, 40) key: string;
  @Field(() => String, { nullable: true, description: '文号，如 青人社字〔2026〕1号' }) @IsOptional() @Length(1, 100) number?: string | null;
  @Field({ description: '文件标题' }) @Length(1, 300) title: string;
  @Field(() => String, { nullable: true, description: '发文机关' }) @IsOptional() @Length(1, 200) issuer?: string | null;
  @Field(() => String, { nullable: true, description: '发文日期 YYYY-MM-DD（或 YYYY-MM、YYYY）' }) @IsOptional() @Length(4, 10) date?: string | null;
}

@InputType({ description: '政策调整的内容：新的政策版本、截止日期和/或引用文件（至少一项）' })
export class PublishPolicyVersionInput {
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: '完整的政策版本（含 fromYear）；同一 fromYear 的旧版本被替换，已认定年度不受影响',
  })
  version?: Record<string, unknown> | null;
  @Field(() => DeadlineInput, { nullable: true, description: '新的年度截止日期' }) @IsOptional() @ValidateNested() deadline?: DeadlineInput | null;
  @Field(() => [PolicySourceInput], { nullable: true, description: '新增或更新的引用文件（新版本可引用新发布的文件）' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  sources?: PolicySourceInput[] | null;
  @Field(() => String, { nullable: true, description: '发布说明（1–500 字）' }) @IsOptional() @Length(1, 500) note?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: '修改所基于的发布序号；若政策已被他人更新（当前序号不同）则拒绝发布（REVISION_CONFLICT）',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
}
