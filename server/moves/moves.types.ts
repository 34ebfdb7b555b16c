// GraphQL types of moves between tenants (跨地区迁入): the receiving side's requests, the
// sending side's queue of requests to consent to, the outcome of a decision, and the years
// another tenant certified, kept as read-only history.
import { IsOptional, Length, Matches } from 'class-validator';
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { IsCalendarDate, NotBlank } from '../platform/validators';
import { NAME_PATTERN, NAME_RULE, PHONE_PATTERN, PHONE_RULE } from '../professionals/professional-rules';
import { TitleLevelEnum, TitleSeriesEnum } from '../professionals/title-enums';

export const MoveRequestStatus = defineEnum('MoveRequestStatus', '迁入申请的状态', {
  PENDING: '待本人或原地区人社局同意',
  CONSENTED: '已同意，已迁入',
  REFUSED: '已拒绝',
  CANCELLED: '迁入单位已撤回',
  EXPIRED: '已过期（期限内无人同意）',
});
export type MoveRequestStatus = (typeof MoveRequestStatus)[keyof typeof MoveRequestStatus];

export const MoveParty = defineEnum('MoveParty', '同意或拒绝迁入申请的一方', {
  PERSON: '本人',
  BUREAU: '原地区人社局',
});
export type MoveParty = (typeof MoveParty)[keyof typeof MoveParty];

export const MovedYearReview = defineEnum('MovedYearReview', '迁入年度在本地的审核状态', {
  NOT_REQUIRED: '无需审核：本地政策直接认可其他地区认定的年度',
  PENDING: '待本地审核，暂不计入职称年限',
  ACCEPTED: '已审核确认，计入职称年限',
  REJECTED: '审核不予确认，不计入职称年限',
});
export type MovedYearReview = (typeof MovedYearReview)[keyof typeof MovedYearReview];

const DATE_MESSAGE = { message: '日期格式应为 YYYY-MM-DD' };

@ObjectType('MoveRequest', { description: '迁入申请（迁入地区看到的）：申请迁入的人员、迁入单位与处理结果' })
export class MoveRequest {
  @Field(() => ID) id: string;
  @Field({ description: '脱敏身份证号码' }) idNumberMasked: string;
  @Field() name: string;
  @Field(() => ID, { description: '迁入单位' }) unitId: string;
  @Field({ description: '迁入单位名称' }) unitName: string;
  @Field(() => TitleLevelEnum, { description: '迁入后登记的职称级别' }) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum, { description: '迁入后登记的职称系列' }) titleSeries: TitleSeries;
  @Field({ description: '入职迁入单位的日期' }) joinedUnitOn: string;
  @Field(() => MoveRequestStatus) status: MoveRequestStatus;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime, { description: '过期时间：此前无人同意则申请失效' }) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '同意、拒绝、撤回或过期的时间' }) decidedAt: Date | null;
  @Field(() => MoveParty, { nullable: true, description: '同意或拒绝的一方' }) decidedBy: MoveParty | null;
  @Field(() => String, { nullable: true, description: '拒绝理由' }) refusalReason: string | null;
  @Field(() => String, { nullable: true, description: '迁出地区（同意后）' }) sourceTenantName: string | null;
  @Field(() => ID, { nullable: true, description: '迁入后本地的人员记录（同意后）' }) professionalId: string | null;
  @Field(() => Int, { nullable: true, description: '随迁入转来的已认定年度数（同意后）' }) yearsMoved: number | null;
  /** internal: the receiving unit's path, for scope checks */
  unitPath: string;
}

@ObjectType()
export class MoveRequestConnection extends ConnectionType(MoveRequest, 'MoveRequest') {}

@ObjectType('MoveConsentRequest', { description: '等待本人或本地区人社局同意的迁出申请：只含同意所需的信息' })
export class MoveConsentRequest {
  @Field(() => ID, { description: '迁入申请' }) id: string;
  @Field({ description: '迁入地区' }) receivingTenantName: string;
  @Field({ description: '迁入单位' }) receivingUnitName: string;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => ID, { description: '本地区被申请迁出的人员' }) professionalId: string;
}

@ObjectType()
export class MoveConsentRequestConnection extends ConnectionType(MoveConsentRequest, 'MoveConsentRequest') {}

@ObjectType('MoveDecision', { description: '同意或拒绝迁入申请的结果' })
export class MoveDecision {
  @Field(() => ID) requestId: string;
  @Field(() => MoveRequestStatus, { description: 'CONSENTED 或 REFUSED' }) status: MoveRequestStatus;
  @Field({ description: '迁入地区' }) receivingTenantName: string;
  @Field(() => Int, { description: '转入迁入地区的已认定年度数（拒绝时为 0）' }) yearsMoved: number;
  @Field(() => ID, { description: '本地区的人员记录（同意后标记为“已迁出”）' }) professionalId: string;
}

@ObjectType('MovedYear', { description: '随迁入转来的已认定年度（只读历史，注明出处）' })
export class MovedYear {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field(() => Int) year: number;
  @Field({ description: 'HOURS（学时制）或 CREDITS（学分制：学时栏为学分）' }) regime: string;
  @Field(() => Float, { description: '公需科目学时（原地区认定）' }) publicHours: number;
  @Field(() => Float, { description: '专业科目学时（原地区认定）' }) professionalHours: number;
  @Field({ description: '原地区认定是否达标' }) complete: boolean;
  @Field(() => Int, { description: '原地区认定时依据的政策发布序号' }) policyRevision: number;
  @Field({ description: '原地区政策发布记录的标识' }) policyRevisionId: string;
  @Field({ description: '认定地区代码' }) issuingTenantCode: string;
  @Field({ description: '认定地区' }) issuingTenantName: string;
  @Field(() => GraphQLISODateTime, { description: '原地区认定时间' }) certifiedAt: Date;
  @Field(() => GraphQLISODateTime, { description: '迁入时间' }) movedAt: Date;
  @Field(() => MovedYearReview, { description: '本地审核状态（依本地政策 transferIn）' }) review: MovedYearReview;
  @Field(() => String, { nullable: true, description: '不予确认的理由' }) reviewReason: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewedAt: Date | null;
  @Field({ description: '是否计入本地职称申报年限' }) counts: boolean;
}

@InputType({ description: '申请将其他地区登记的人员迁入本单位' })
export class RequestMoveInput {
  @Field({ description: '18 位身份证号码' }) idNumber: string;
  @Field({ description: '姓名（须与原地区登记一致）' }) @Matches(NAME_PATTERN, { message: NAME_RULE }) @NotBlank({ message: '姓名不能为空白' }) name: string;
  @Field(() => ID, { description: '迁入单位' }) unitId: string;
  @Field(() => TitleLevelEnum, { description: '迁入后登记的职称级别' }) titleLevel: TitleLevel;
  @Field(() => TitleSeriesEnum, { description: '迁入后登记的职称系列' }) titleSeries: TitleSeries;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: PHONE_RULE })
  phone?: string | null;
  @Field({ description: '入职迁入单位的日期 YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE) @IsCalendarDate() joinedUnitOn: string;
}

@InputType({ description: '审核一个迁入年度（本地政策要求审核时）' })
export class ReviewMovedYearInput {
  @Field(() => ID) id: string;
  @Field({ description: 'true：确认，计入职称年限；false：不予确认' }) accept: boolean;
  @Field(() => String, { nullable: true, description: '理由（不予确认时必填，1–500 字）' }) @IsOptional() @Length(1, 500) reason?: string | null;
}
