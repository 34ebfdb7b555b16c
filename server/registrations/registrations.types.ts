// GraphQL types of self-registration shared by professionals' sign-ups and organisations'
// applications: the public directory of the tenant's tree, the receipt and the status an
// applicant reads with it, the queue filter and counts.
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OrgKind } from '../organisations/organisations.types';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType, PageArgs } from '../platform/pagination';
import { IsCalendarDate } from '../platform/validators';

export const TENANT_CODE = /^[a-z][a-z0-9-]{1,30}$/;
export const TENANT_CODE_RULE = { message: '地区代码格式错误' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_RULE = { message: '日期格式应为 YYYY-MM-DD' };

export type RegistrationStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED';
export const RegistrationStatusEnum = defineEnum<RegistrationStatus>('RegistrationStatus', '注册申请的状态', {
  PENDING: '待审核',
  APPROVED: '已通过（可以登录）',
  REJECTED: '已退回（见退回理由）',
  EXPIRED: '已失效（超过待审期限未审核，可重新注册）',
});

export type RegistrationKind = 'PROFESSIONAL' | 'UNIT' | 'DEPARTMENT';
export const RegistrationKindEnum = defineEnum<RegistrationKind>('RegistrationKind', '注册申请的种类', {
  PROFESSIONAL: '专业技术人员注册',
  UNIT: '用人单位注册',
  DEPARTMENT: '主管部门注册',
});

@ObjectType({ description: '注册时可选的机构（公开目录：只含名称和上级机构名称）' })
export class RegistrationOrganisation {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => OrgKind) kind: OrgKind;
  @Field(() => [String], { description: '从人社局起各级上级机构的名称（不含本机构）' }) pathNames: string[];
}

@ObjectType({ description: '注册时可选的机构列表（按名称，键集分页）' })
export class RegistrationOrganisationConnection extends ConnectionType(RegistrationOrganisation, 'RegistrationOrganisation') {}

@ArgsType()
export class RegistrationDirectoryArgs extends PageArgs {
  @Field({ description: '地区代码，如 linyi' }) @Matches(TENANT_CODE, TENANT_CODE_RULE) tenantCode: string;
  @Field(() => String, { nullable: true, description: '机构名称中包含的文字' }) @IsOptional() @Length(1, 50) name?: string | null;
}

@ArgsType()
export class RegistrationProgressArgs {
  @Field({ description: '地区代码，如 linyi' }) @Matches(TENANT_CODE, TENANT_CODE_RULE) tenantCode: string;
  @Field({ description: '注册时得到的回执' }) @Length(1, 64) receipt: string;
}

@ObjectType({ description: '注册申请的进度：凭回执查询，不需登录' })
export class RegistrationProgress {
  @Field(() => RegistrationKindEnum) kind: RegistrationKind;
  @Field(() => RegistrationStatusEnum) status: RegistrationStatus;
  @Field({ description: '申请人姓名，或申请注册的机构名称' }) name: string;
  @Field({ description: '专业技术人员：所选单位；机构：所选上级机构' }) organisationName: string;
  @Field({ description: '通过后登录用的用户名（专业技术人员为脱敏的身份证号码）' }) signInName: string;
  @Field(() => GraphQLISODateTime) submittedAt: Date;
  @Field(() => GraphQLISODateTime, { description: '待审期限：此前未审核的申请失效' }) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: '退回理由（已退回时）' }) rejectionReason: string | null;
}

@ObjectType({ description: '注册回执：请妥善保存，凭回执查询审核进度（只显示这一次）' })
export class RegistrationReceipt {
  @Field({ description: '回执编号（26 位，每 4 位一组）' }) receipt: string;
  @Field(() => RegistrationProgress) progress: RegistrationProgress;
}

@InputType({ description: '注册审核队列的筛选条件' })
export class RegistrationQueueFilter {
  @Field(() => RegistrationStatusEnum, { defaultValue: 'PENDING', description: '缺省为待审核' }) status: RegistrationStatus;
  @Field(() => ID, { nullable: true, description: '专业技术人员注册：所选单位；机构注册：所选上级机构' }) orgId?: string | null;
  @Field(() => String, { nullable: true, description: '提交日期自（含，YYYY-MM-DD）' }) @IsOptional() @Matches(DATE, DATE_RULE) @IsCalendarDate() from?: string | null;
  @Field(() => String, { nullable: true, description: '提交日期至（含，YYYY-MM-DD）' }) @IsOptional() @Matches(DATE, DATE_RULE) @IsCalendarDate() to?: string | null;
}

@ObjectType({ description: '注册审核队列各状态的数量（同一筛选条件）；每个数量最多计到 limit，超过的列在 capped 中' })
export class RegistrationQueueCounts {
  @Field(() => Int) pending: number;
  @Field(() => Int) approved: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) expired: number;
  @Field(() => Int, { description: '计数上限：数量不超过它时是准确数' }) limit: number;
  @Field(() => [RegistrationStatusEnum], { description: '数量超过上限的状态' }) capped: RegistrationStatus[];
}

@ArgsType()
export class RejectRegistrationArgs {
  @Field(() => ID) id: string;
  @Field({ description: '退回理由（必填，申请人凭回执可见）' }) @MaxLength(500) reason: string;
}
