// GraphQL types of a professional's self-registration (专业技术人员注册) and its review.
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { ConnectionType } from '../platform/pagination';
import { NotBlank } from '../platform/validators';
import { NAME_PATTERN, NAME_RULE, PHONE_PATTERN, PHONE_RULE } from '../professionals/professional-rules';
import { Gender } from '../professionals/professionals.types';
import { TitleLevelEnum, TitleSeriesEnum } from '../professionals/title-enums';
import { type RegistrationStatus, RegistrationStatusEnum, TENANT_CODE, TENANT_CODE_RULE } from './registrations.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: '专业技术人员自助注册（无需登录）：经所选单位审核通过后，用身份证号码和此处设置的密码登录' })
export class ProfessionalSignUpInput {
  @Field({ description: '地区代码，如 linyi' }) @Matches(TENANT_CODE, TENANT_CODE_RULE) tenantCode: string;
  @Field({ description: '18 位身份证号码（登录用户名）' }) @Length(1, 40) idNumber: string;
  @Field() @Matches(NAME_PATTERN, { message: NAME_RULE }) @NotBlank({ message: '姓名不能为空白' }) name: string;
  @Field({ description: '手机号码' }) @Matches(PHONE_PATTERN, { message: PHONE_RULE }) phone: string;
  @Field(() => TitleLevelEnum, { description: '现职称级别（无职称选“无”）' }) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum) titleSeries: TitleSeries;
  @Field(() => ID, { description: '所在单位：从 registrationUnits 中选择' }) unitId: string;
  @Field({ description: '自行设置的登录密码：至少 10 位，含字母和数字' }) @Length(1, 200) password: string;
}

@ObjectType({ description: '专业技术人员的注册申请（审核人可见）' })
export class ProfessionalRegistration {
  @Field(() => ID) id: string;
  @Field({ description: '身份证号码（审核人可见全号）' }) idNumber: string;
  @Field() idNumberMasked: string;
  @Field() name: string;
  @Field(() => Gender, { description: '由身份证号码推算' }) gender: Gender;
  @Field({ description: '出生日期（YYYY-MM-DD），由身份证号码推算' }) birthDate: string;
  @Field() phone: string;
  @Field(() => TitleLevelEnum) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum) titleSeries: TitleSeries;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => RegistrationStatusEnum, { description: '待审核的申请超过待审期限即为已失效' }) status: RegistrationStatus;
  @Field(() => GraphQLISODateTime) submittedAt: Date;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: '审核人' }) decidedBy: string | null;
  @Field(() => String, { nullable: true, description: '审核意见（通过时）' }) comment: string | null;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => ID, { nullable: true, description: '通过后登记的专业技术人员' }) professionalId: string | null;
  /** internal: the keyset position in the queues */
  queueNo: string;
  /** internal: the queues it is in */
  departmentId: string | null;
}

@ObjectType({ description: '专业技术人员注册审核队列（按提交先后，键集分页）' })
export class ProfessionalRegistrationConnection extends ConnectionType(ProfessionalRegistration, 'ProfessionalRegistration') {}

@ArgsType()
export class ApproveRegistrationArgs {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: '入职（调入）本单位日期（YYYY-MM-DD）；缺省为今天' })
  @IsOptional()
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  joinedUnitOn?: string | null;
  @Field(() => String, { nullable: true, description: '审核意见' }) @IsOptional() @MaxLength(500) comment?: string | null;
}
