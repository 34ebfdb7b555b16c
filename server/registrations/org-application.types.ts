// GraphQL types of an organisation's self-registration (单位、主管部门注册) and its review.
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { NotBlank } from '../platform/validators';
import { NAME_PATTERN, NAME_RULE, PHONE_PATTERN, PHONE_RULE } from '../professionals/professional-rules';
import { type RegistrationStatus, RegistrationStatusEnum, TENANT_CODE, TENANT_CODE_RULE } from './registrations.types';

export type OrgApplicationKind = 'UNIT' | 'DEPARTMENT';
export const OrgApplicationKindEnum = defineEnum<OrgApplicationKind>('OrganisationApplicationKind', '申请注册的机构类型', {
  UNIT: '用人单位（在主管部门下；无主管部门的在属地区县人社局或市人社局下）',
  DEPARTMENT: '主管部门（在市人社局下）',
});

/** The same rule as an official's username (createOfficialAccount). */
export const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

@InputType({ description: '用人单位或主管部门自助注册（无需登录）：经上级审核通过后，管理员用此处的用户名和密码登录' })
export class OrganisationApplicationInput {
  @Field({ description: '地区代码，如 linyi' }) @Matches(TENANT_CODE, TENANT_CODE_RULE) tenantCode: string;
  @Field(() => OrgApplicationKindEnum) kind: OrgApplicationKind;
  @Field() @Length(1, 100, { message: '名称长度须为 1–100 个字符' }) @NotBlank({ message: '名称不能为空白' }) name: string;
  @Field(() => String, { nullable: true, description: '机构代码（如统一社会信用代码）' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: '机构代码只能包含字母、数字和连字符（最多 40 位）' })
  code?: string | null;
  @Field(() => ID, { description: '上级机构：从 registrationParents 中选择' }) parentId: string;
  @Field({ description: '管理员的登录用户名' })
  @Matches(USERNAME, { message: '用户名须以小写字母开头，3–32 位小写字母、数字、点、下划线或连字符' })
  adminUsername: string;
  @Field({ description: '管理员姓名' }) @Matches(NAME_PATTERN, { message: NAME_RULE }) @NotBlank({ message: '姓名不能为空白' }) adminName: string;
  @Field({ description: '管理员手机号码' }) @Matches(PHONE_PATTERN, { message: PHONE_RULE }) adminPhone: string;
  @Field({ description: '管理员自行设置的登录密码：至少 10 位，含字母和数字' }) @Length(1, 200) password: string;
}

@ObjectType({ description: '机构的注册申请（审核人可见）' })
export class OrganisationApplication {
  @Field(() => ID) id: string;
  @Field(() => OrgApplicationKindEnum) kind: OrgApplicationKind;
  @Field() name: string;
  @Field(() => String, { nullable: true }) code: string | null;
  @Field(() => ID) parentId: string;
  @Field() parentName: string;
  @Field() adminUsername: string;
  @Field() adminName: string;
  @Field() adminPhone: string;
  @Field(() => RegistrationStatusEnum, { description: '待审核的申请超过待审期限即为已失效' }) status: RegistrationStatus;
  @Field(() => GraphQLISODateTime) submittedAt: Date;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: '审核人' }) decidedBy: string | null;
  @Field(() => String, { nullable: true, description: '审核意见（通过时）' }) comment: string | null;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => ID, { nullable: true, description: '通过后建立的机构' }) organisationId: string | null;
  @Field(() => ID, { nullable: true, description: '通过后启用的管理员账号' }) accountId: string | null;
  /** internal: the keyset position in the queues */
  queueNo: string;
}

@ObjectType({ description: '机构注册审核队列（按提交先后，键集分页）' })
export class OrganisationApplicationConnection extends ConnectionType(OrganisationApplication, 'OrganisationApplication') {}

@ArgsType()
export class ApproveApplicationArgs {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: '审核意见' }) @IsOptional() @MaxLength(500) comment?: string | null;
}
